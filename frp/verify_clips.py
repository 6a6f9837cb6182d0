"""The clips of a package checked by their own Content Credentials (frp.credentials): every
MP4 of the payload is read; each clip provenance.json says carries them must, intact, signed
by the package's owner key, and saying what provenance.json says (window, sources,
redactions, sound, mode, camera, request); and by their own sample tables (frp.clip_tables),
which must hold what provenance.json says and nothing outside the approved window.
Whether the signer is trusted (certified by an agency's registration CA given as an anchor) is
reported, not a problem: a manual export is signed by the owner's key alone.
"""
from __future__ import annotations

import tarfile
import threading
from dataclasses import dataclass
from pathlib import Path

from frp.bagit import OWNER_PUB
from frp.bag_open import open_file
from frp.bagview import Bag
from frp.clip_tables import clip_problems
from frp.clip_claims import claims_from_provenance, disagreements
from frp.credentials import ClipCredentials, check_clip
from frp.minisign import PublicKeyError, parse_minisign_public
from frp.text import one_line


@dataclass(frozen=True)
class ClipCheck:
    """One clip of the package and what its credentials are."""

    name: str                   # its path in the package (data/...)
    credentials: ClipCredentials


def check_clips(bag: Bag, package: Path, record: dict, manifest: dict[str, str],
                trust_anchors: str | None,
                cancel: threading.Event | None = None) -> tuple[ClipCheck, ...]:
    """Check every MP4 in the package's payload (listed in provenance.json or not); problems go
    into `bag`. A clip whose bytes already disagree with the manifest is named as changed
    there and not handed to the C2PA Reader: without the owner's key, nobody can make the
    Reader read what they like. A clip that cannot be opened is a problem, never passed over.
    Each clip's own sample tables are held against the record too."""
    declared = record.get("content_credentials")
    declared = declared if isinstance(declared, dict) else None
    sealed = declared.get("clip") if declared else None
    owner = _owner_key(bag)
    out = []
    for name in _clips(bag, manifest):
        if cancel is not None and cancel.is_set():
            break
        found = _read_credentials(bag, package, name, trust_anchors, cancel)
        if found is None:
            continue
        out.append(ClipCheck(name, found))
        known = len(bag.problems) + bag.problems.more
        _judge(bag, record, name, found, sealed, owner)
        # A clip already refused (built to stall a reader, say) is read no further.
        if len(bag.problems) + bag.problems.more == known:
            _check_tables(bag, package, name, record)
    if sealed is not None and sealed not in bag.files and not bag.not_read(sealed):
        bag.problems.append(f"provenance.json names {one_line(sealed, 200)} as the clip with Content "
                            "Credentials, but the package does not hold it.")
    return tuple(out)


def _clips(bag: Bag, manifest: dict[str, str]) -> list[str]:
    """The payload's MP4 files whose bytes are the ones the manifest lists."""
    return [name for name, want in manifest.items()
            if name.lower().endswith(".mp4") and name in bag.files
            and bag.files[name].sha256 == want]


def _read_credentials(bag: Bag, package: Path, name: str, trust_anchors: str | None,
                      cancel: threading.Event | None) -> ClipCredentials | None:
    shown = one_line(name, 200)
    try:
        with open_file(package, name, bag) as stream:
            if stream is None:
                bag.problems.append(f"{shown} could not be opened to check its Content "
                                    "Credentials.")
                return None
            return check_clip(stream, trust_anchors, cancel)
    except OSError as exc:   # the system's reason, not Python's "[Errno 2] ...: '/path'"
        bag.problems.append(f"{shown} could not be read on this computer to check its Content "
                            f"Credentials ({exc.strerror or one_line(str(exc), 200)}).")
        return None
    except (ValueError, EOFError, tarfile.TarError) as exc:
        bag.problems.append(f"{shown} could not be read to check its Content Credentials: "
                            f"{one_line(str(exc), 200)}.")
        return None


def _judge(bag: Bag, record: dict, name: str, found: ClipCredentials, sealed, owner) -> None:
    """The problems a clip's credentials make for the package."""
    shown = one_line(name, 200)
    if found.stopped:
        bag.problems.append(f"{shown}: the check of its Content Credentials was stopped "
                            f"({found.stopped}).")
        return
    if not found.present:
        if name == sealed:
            bag.problems.append(f"{shown} carries no Content Credentials, but provenance.json "
                                "says it was sealed with them: they were removed.")
        return
    if found.problems:
        bag.problems.append(f"{shown}: its Content Credentials are invalid (the clip or its "
                            f"manifest was changed): {'; '.join(found.problems)}.")
        return
    if owner is not None and found.key != owner:
        bag.problems.append(f"{shown}: its Content Credentials are signed by another key "
                            f"than the package's owner key in {OWNER_PUB}.")
    if found.claims is not None:
        for wrong in disagreements(claims_from_provenance(record), found.claims):
            bag.problems.append(f"{shown}: its Content Credentials disagree with "
                                f"provenance.json: {one_line(wrong)}.")


def _check_tables(bag: Bag, package: Path, name: str, record: dict) -> None:
    with open_file(package, name, bag) as stream:
        if stream is not None:
            for problem in clip_problems(stream, record):
                bag.problems.append(f"{one_line(name, 200)}: {one_line(problem, 300)}.")


def _owner_key(bag: Bag) -> bytes | None:
    f = bag.files.get(OWNER_PUB)
    if f is None or f.content is None:
        return None
    try:
        return parse_minisign_public(f.content.decode("utf-8")).raw
    except (PublicKeyError, UnicodeDecodeError):
        return None
