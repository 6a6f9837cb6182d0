"""Checking a received package once, when it arrives (issue 15: listing must never re-read
packages, since a hostile tar could stall it), as an agency would before using it as evidence.

The pinned-key check decides whether the package is kept at all: a package not signed by the
key pinned to the registration is refused (403) and nothing of it is stored. Every other check
is stored with the submission and listed from there.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from frp.minisign import PublicKey, public_key_from_raw
from frp.verify import verify_package
from portal.approval_match import Approval, camera_of, outside_approval


@dataclass(frozen=True)
class Check:
    """One named check and its outcome, with a sentence saying why when it failed. An
    advisory check is recorded and listed, but a package is accepted as valid without it."""

    name: str
    ok: bool
    detail: str
    advisory: bool = False

    def doc(self) -> dict:
        """The check as stored and listed."""
        doc = {"name": self.name, "ok": self.ok, "detail": self.detail}
        if self.advisory:
            doc["advisory"] = True
        return doc


@dataclass(frozen=True)
class Arrival:
    """What the checks found in a received package: who signed it and each check."""

    signer: str | None      # owner id of the key whose signature verified, if any
    pinned: bool            # signed by the pinned key (owner.pub is it, and it verifies)
    checks: tuple[Check, ...]
    outside: str | None = None   # why the approval held does not cover it (then not kept)
    camera: str | None = None    # the camera it says it holds
    beyond: str | None = None    # footage it holds outside the approved window (then not kept)

    @property
    def ok(self) -> bool:
        """Every check passed (advisory ones aside)."""
        return all(c.ok or c.advisory for c in self.checks)


def check_arrival(path: Path, pinned_raw: bytes, sha256: str, claimed_sha256: str,
                  decision_owner_id: str | None, registration_ca: str | None = None,
                  approval: Approval | None = None) -> Arrival:
    """The checks of a package tar at `path` whose SHA-256 the portal computed as `sha256`.
    `registration_ca`: the portal's registration CA (PEM), the one anchor the clips' Content
    Credentials are trusted by. `approval`: the owner's approval the package must lie in
    (Arrival.outside says why it does not, by its record; Arrival.beyond what its own bytes
    hold outside the approved window, whatever the record says)."""
    pinned: PublicKey = public_key_from_raw(pinned_raw)
    # verify_package covers BagIt structure, both manifests, Payload-Oxum and every hash, and
    # never reads a sparse member or more than the tar holds. owner_id is set only when the
    # minisign signature over the tag manifest verified with the package's owner.pub. It also
    # validates each clip's Content Credentials (an invalid one is a package problem).
    report = verify_package(path, trust_anchors=registration_ca,
                            hold_to=approval.window if approval is not None else None)
    signer = report.owner_id
    is_pinned = signer is not None and signer == pinned.owner_id()
    checks = (
        Check("package_valid", report.ok, " ".join(report.problems)
              or "BagIt valid; every file matches its manifest hash"),
        Check("owner_signature", signer is not None,
              f"signed by owner {signer}" if signer
              else "the owner's signature is missing or does not verify"),
        Check("owner_pinned", is_pinned,
              f"signed by the key registered for this registration ({pinned.owner_id()})"
              if is_pinned else f"not signed by the registered key {pinned.owner_id()}"),
        Check("tar_sha256", sha256 == claimed_sha256,
              "the tar's SHA-256 equals the owner's claim and the receipt" if
              sha256 == claimed_sha256 else
              f"the tar's SHA-256 is {sha256}, but the owner claimed {claimed_sha256}"),
        Check("owner_matches_decision", signer is not None and signer == decision_owner_id,
              f"package signed by {signer or 'nobody'}; decision signed by "
              f"{decision_owner_id or 'nobody'}"),
        _credentials_check(report.clips),
    )
    outside = outside_approval(report.provenance, approval) if approval is not None else None
    return Arrival(signer, is_pinned, checks, outside, camera_of(report.provenance),
                   "; ".join(report.beyond) or None)


def _credentials_check(clips) -> Check:
    """Whether every clip's Content Credentials are trusted: signed with a certificate this
    portal's registration CA issued ("trusted"), or why not. Advisory: an owner whose
    certificate expired signs with a self-issued one, and the package is no less valid (an
    invalid or missing credential is already a problem of package_valid)."""
    if not clips:
        return Check("content_credentials", False, "not trusted: the package holds no clip",
                     advisory=True)
    trusted = all(c.credentials.trusted for c in clips)
    detail = "; ".join(f"{c.name}: {c.credentials.trust}" for c in clips)
    return Check("content_credentials", trusted, detail, advisory=True)
