"""The inbox's records as other modules see them: Entry, Approval and Delivery.

Frozen dataclasses, so a record handed to the desk, the poller or the delivery code cannot
change under it; plus their conversion to and from what the inbox database stores (a
`requests` row in schema column order, the approval as JSON).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from frp.times import US


# The portal's answer to a decline once a submission for the request was received
# (protocol.md): the approval stands, and the agency has footage.
DELIVERED_ELSEWHERE = "already_delivered"
# Its answer to a decision signed by another key than the one it pins (protocol.md): the key
# was rotated from a copy of this home (declines_signed_again.py).
WRONG_KEY = "wrong_key"


@dataclass(frozen=True)
class Delivery:
    """One camera's package for a request, and how far its delivery got."""

    camera: str
    package: str
    tar: str
    sha256: str
    size: int
    upload_url: str | None = None
    receipt: str | None = None

    @property
    def kept_on_withdrawal(self) -> bool:
        """Whether withdrawing the approval keeps this package: its upload finished without a
        receipt, so its submission may have reached the portal with the answer lost on the
        way, and then the agency has it and this is the owner's one copy of what it holds."""
        return bool(self.upload_url) and not self.receipt


@dataclass(frozen=True)
class Approval:
    """What the owner approved for a request (kept so a failed delivery resumes unchanged)."""

    start_us: int
    end_us: int
    cameras: tuple[str, ...]
    mode: str
    keep_audio: bool
    blur_faces: bool = False   # what the owner chose to hide
    masks: bool = True


@dataclass(frozen=True)
class Entry:
    """One request in the inbox."""

    iss: str
    jti: str
    registration: str
    token: str
    sha256: str
    case: str
    window_start_us: int
    window_end_us: int
    cameras: tuple[str, ...]
    status: str
    received_at_us: int
    expires_at_us: int
    decided_at_us: int | None
    reason: str | None
    folder: str
    via: str
    approval: Approval | None
    decision: str | None
    decision_sent_at_us: int | None
    decision_error: str | None
    deliveries: tuple[Delivery, ...]
    # What of the record cannot be read (a failing disk, a hand edit): "cameras", "approval".
    # Kept out of the way (no cameras, no approval) and said as changed, so one such request
    # never hides the others, and is never approved from what is left of it.
    unreadable: tuple[str, ...] = ()
    # The portal's code for the decision it refused for good (DELIVERED_ELSEWHERE), or None:
    # what the owner's side acts on, as `decision_error`'s words are for the owner.
    decision_refusal: str | None = None

    def differs_from(self, request) -> tuple[str, ...]:
        """The details this record keeps otherwise than the signed request it holds (`request`,
        that token verified): the inbox was changed on disk. The list, the request's page and
        an approval's bounds read them from the record, so they must say what was signed."""
        pairs = (("agency", self.iss, request.agency_id), ("id", self.jti, request.id),
                 ("registration", self.registration, request.registration_id),
                 ("token", self.sha256, request.sha256), ("case", self.case, request.case_number),
                 ("window", (self.window_start_us, self.window_end_us),
                  (request.window_start_us, request.window_end_us)),
                 ("cameras", tuple(self.cameras), tuple(request.cameras)),
                 ("expiry", self.expires_at_us, request.expires_at * US))
        return self.unreadable + tuple(name for name, kept, signed in pairs
                                       if kept != signed and name not in self.unreadable)


def approval_json(approval: Approval) -> str:
    """The approval as the JSON kept in the `approved` column."""
    return json.dumps({"start_us": approval.start_us, "end_us": approval.end_us,
                       "cameras": list(approval.cameras), "mode": approval.mode,
                       "keep_audio": approval.keep_audio, "blur_faces": approval.blur_faces,
                       "masks": approval.masks})


def in_home(home: Path, kind: str, folder: str, recorded: str) -> str:
    """Where this home keeps a delivery's package (`kind` "packages") or tar ("outbox"): the
    inbox records absolute paths, and a home copied or moved to another folder or PC (another
    user name, a backup put back elsewhere) has them under its new place, never the old one's.
    A path not of the form `<kind>/<folder>/<name>` is left as recorded."""
    path = Path(recorded)
    if not recorded or path.parent.name != folder or path.parent.parent.name != kind:
        return recorded
    return str(Path(home) / kind / folder / path.name)


def entry_from_row(r: tuple, deliveries: list[tuple], home: Path | None = None) -> Entry:
    """An Entry from a `requests` row (all columns, schema order; `decision_refusal`, the
    last, may be left off) and its `deliveries` rows
    (camera, package, tar, sha256, size, upload_url, receipt); with `home`, their files where
    that home keeps them (in_home)."""
    (iss, jti, registration, token, sha256, case, start, end, cameras, status, received,
     expires, decided, reason, folder, via, approved, decision, sent, error, *refusal) = r
    unreadable = []
    try:
        kept_cameras = tuple(json.loads(cameras))
        if not all(isinstance(c, str) for c in kept_cameras):
            raise TypeError("not camera names")
    except (ValueError, TypeError, RecursionError):   # RecursionError: nested past the reader
        kept_cameras = ()
        unreadable.append("cameras")
    try:
        approval = _approval(approved)
    except (ValueError, TypeError, KeyError, RecursionError):
        approval = None
        unreadable.append("approval")
    if home is not None:
        deliveries = [(camera, in_home(home, "packages", folder, package),
                       in_home(home, "outbox", folder, tar), *rest)
                      for camera, package, tar, *rest in deliveries]
    return Entry(iss, jti, registration, token, sha256, case, start, end,
                 kept_cameras, status, received, expires, decided, reason,
                 folder, via, approval, decision, sent, error,
                 tuple(Delivery(*d) for d in deliveries), tuple(unreadable),
                 refusal[0] if refusal else None)


def _approval(approved: str | None) -> Approval | None:
    """The approval kept in the `approved` column (None: none made)."""
    if not approved:
        return None
    a = json.loads(approved)
    return Approval(a["start_us"], a["end_us"], tuple(a["cameras"]), a["mode"],
                    a["keep_audio"], a.get("blur_faces", False), a.get("masks", True))
