"""The clips of a package checked by their own Content Credentials (frp.credentials): each
clip provenance.json says carries them must, intact, signed by the package's owner key, and
saying what provenance.json says (window, sources, redactions, sound, mode, camera, request).
Whether the signer is trusted (certified by an agency's registration CA given as an anchor) is
reported, not a problem: a manual export is signed by the owner's key alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from frp.bagit import OWNER_PUB
from frp.bagview import Bag, open_file
from frp.clip_claims import claims_from_provenance, disagreements
from frp.credentials import ClipCredentials, check_clip
from frp.minisign import PublicKeyError, parse_minisign_public
from frp.text import one_line


@dataclass(frozen=True)
class ClipCheck:
    """One clip of the package and what its credentials are."""

    name: str                   # its path in the package (data/...)
    credentials: ClipCredentials


def check_clips(bag: Bag, package: Path, record: dict,
                trust_anchors: str | None) -> tuple[ClipCheck, ...]:
    """Check every MP4 the provenance record lists as an output; problems go into `bag`."""
    declared = record.get("content_credentials")
    declared = declared if isinstance(declared, dict) else None
    sealed = declared.get("clip") if declared else None
    owner = _owner_key(bag)
    out = []
    for entry in record.get("outputs") or ():
        name = entry.get("path") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name.lower().endswith(".mp4") or name not in bag.files:
            continue
        shown = one_line(name)
        try:
            with open_file(package, name) as stream:
                found = check_clip(stream, trust_anchors) if stream is not None else None
        except (OSError, ValueError) as exc:
            bag.problems.append(f"{shown} could not be read to check its Content Credentials: "
                                f"{one_line(str(exc))}.")
            continue
        if found is None:
            continue
        out.append(ClipCheck(name, found))
        if not found.present:
            if name == sealed:
                bag.problems.append(f"{shown} carries no Content Credentials, but provenance.json "
                                    "says it was sealed with them: they were removed.")
            continue
        if found.problems:
            bag.problems.append(f"{shown}: its Content Credentials are invalid (the clip or its "
                                f"manifest was changed): {'; '.join(found.problems)}.")
            continue
        if owner is not None and found.key != owner:
            bag.problems.append(f"{shown}: its Content Credentials are signed by another key "
                                f"than the package's owner key in {OWNER_PUB}.")
        if found.claims is not None:
            for wrong in disagreements(claims_from_provenance(record), found.claims):
                bag.problems.append(f"{shown}: its Content Credentials disagree with "
                                    f"provenance.json: {wrong}.")
    if sealed is not None and all(c.name != sealed for c in out) and sealed not in bag.files:
        bag.problems.append(f"provenance.json names {one_line(sealed)} as the clip with Content "
                            "Credentials, but the package does not hold it.")
    return tuple(out)


def _owner_key(bag: Bag) -> bytes | None:
    f = bag.files.get(OWNER_PUB)
    if f is None or f.content is None:
        return None
    try:
        return parse_minisign_public(f.content.decode("utf-8")).raw
    except (PublicKeyError, UnicodeDecodeError):
        return None
