"""What deleting a request's safe copy loses: the unredacted footage of a package cut from it.

A package cut from the hold (its recordings gone or changed since it was made: held_window.py)
with something hidden (privacy masks blacked out, faces blurred) names that safe copy as the
only unredacted footage left (provenance's `unredacted_original`): the agency, or a court, may
ask the owner for it. Deleting the copy loses it for good, so the owner is told before it is
gone, and the choice is theirs (desk.release's `knowing`). Found in the activity log, whose
`export` records name the safe copy a package was cut from (`safe_copy`, when it was made) and
what it hid (`redactions`): a package folder the owner deleted, or a withdrawn approval's, was
made all the same, and its clip may have left this PC.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from frp.count_words import counted

# The log's words for what a package hid (package_export._kinds), as an owner reads them.
HIDDEN_WORDS = {"privacy-mask": "privacy masks blacked out", "face-blur": "faces blurred"}


@dataclass(frozen=True)
class HiddenOnlyThere:
    """A package made for the request from its safe copy with something hidden."""

    camera: str
    package: str
    hidden: tuple[str, ...]   # the log's `redactions`: "privacy-mask", "face-blur"


def hidden_only_there(records: Iterable[dict], jti: str, iss: str,
                      made: str | None) -> tuple[HiddenOnlyThere, ...]:
    """The packages of request (iss, jti) the activity log (`records`, AuditLog.entries) says
    were cut, with something hidden, from its safe copy made at `made` (hold.json's; None: one
    whose record does not say, which may be any of the request's)."""
    found: dict[str, HiddenOnlyThere] = {}
    for record in records:
        data = record.get("data")
        if record.get("event") != "export" or not isinstance(data, dict):
            continue
        if (data.get("id"), data.get("agency")) != (jti, iss) or not data.get("safe_copy"):
            continue
        hidden = data.get("redactions")
        if not hidden or not isinstance(hidden, list) or (made and data["safe_copy"] != made):
            continue
        package = str(data.get("package") or "")
        found[package] = HiddenOnlyThere(str(data.get("camera") or ""), package,
                                         tuple(str(h) for h in hidden))
    return tuple(found.values())


def loss_words(jti: str, lost: tuple[HiddenOnlyThere, ...]) -> str:
    """What deleting the safe copy of request `jti` loses, in plain words."""
    each = "; ".join(f"{p.camera}: " + ", ".join(HIDDEN_WORDS.get(h, h) for h in p.hidden)
                     for p in lost)
    return (f"the safe copy of request {jti} is the only unredacted footage left of "
            f"{counted(len(lost), 'package', 'packages')} made from it with parts hidden "
            f"({each}): the recordings it copied were gone or changed when they were cut. "
            "Deleting it loses what those packages hide for good: if the agency or a court "
            "asks you for the unredacted footage, there will be none to give")
