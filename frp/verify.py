"""Check an evidence package (a folder or a .tar of one) and name every problem in plain words.

The package is first read into a `bagview.Bag` (file digests and sizes plus the small tag files,
tars read without extracting); all checks then run on that one view.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from frp.bagit import (
    MANIFEST,
    OWNER_PUB,
    PROVENANCE,
    REQUEST,
    SIGNATURE,
    TAGMANIFEST,
    file_browser_leftover,
    is_clip,
)
from frp.bagview import Bag, read_folder, read_tar
from frp.jws_encoding import JWSError, loads_strict
from frp.verify_bagit import (changed_manifest_first, check_bagit_txt, check_listed,
                              check_oxum, read_manifest)
from frp.verify_clips import ClipCheck, check_clips
from frp.verify_readme import README, check_readme
from frp.verify_record import check_record
from frp.verify_request import check_request
from frp.verify_signature import check_signature, unsealed_words
from frp.verify_window import beyond_window
from frp.text import one_line, quoted
from frp.minisign import PublicKey


@dataclass(frozen=True)
class VerifyReport:
    """The outcome: ok only when `problems` is empty; owner_id of the verified signer, if any;
    each clip's Content Credentials (whether they are trusted is told there, not a problem);
    `notes`: what the receiver should know that does not make the package fail (it was
    renamed, a file browser left a file beside it); `provenance`: provenance.json as read, what
    the package says it holds (vouched for by its owner's key only when `ok`); `beyond`: what
    it holds that the window it was held to does not cover (verify_window), when it was held
    to one."""

    ok: bool
    problems: tuple[str, ...]
    owner_id: str | None
    clips: tuple[ClipCheck, ...] = ()
    notes: tuple[str, ...] = ()
    provenance: dict | None = None
    beyond: tuple[str, ...] = ()


def verify_package(path: Path, expected_owner: PublicKey | None = None,
                   trust_anchors: str | None = None,
                   cancel: threading.Event | None = None,
                   hold_to: tuple[int, int] | None = None) -> VerifyReport:
    """Check a package folder or tar; never raises, every problem is a plain sentence.
    `trust_anchors`: PEM of the CA certificates (agencies' registration CAs) that the clips'
    Content Credentials count as trusted when they chain to. `cancel`: once set, the clips'
    checks stop at their next read (the report then says the check was stopped). `hold_to`:
    a window (UTC microseconds, end exclusive) the receiver holds the package to, whatever its
    record says: what it holds beyond it is VerifyReport.beyond."""
    bag = Bag()
    owner_id = None
    clips: tuple[ClipCheck, ...] = ()
    notes: list[str] = []
    record = None
    beyond: tuple[str, ...] = ()
    try:
        path = Path(path)
        shown = one_line(str(path))
        if path.is_dir():
            read_folder(path, bag)
        elif path.is_file():
            read_tar(path, bag)
        else:
            bag.problems.append(f"There is no package at {shown}.")
        notes.extend(bag.notes)
        if bag.files:
            actual = _folder_name(bag, path)
            owner_id, record, manifest, signed_name, unsealed = _check(bag, expected_owner, notes,
                                                                       actual)
            _check_name(actual, signed_name, notes)
            if record is not None and manifest is not None:
                clips = check_clips(bag, path, record, manifest, trust_anchors, cancel)
            if unsealed is not None:   # first: the tag files were checked against it
                bag.problems.first(unsealed_words(unsealed, _clip_packages(clips)))
            if hold_to is not None:
                beyond = beyond_window(bag, path, record, *hold_to)
        elif not bag.problems:
            bag.problems.append(f"{shown} holds no package files.")
    except Exception as exc:  # hostile input must end in a report, never a traceback
        bag.problems.append(_unfinished(exc))
        if hold_to is not None and not beyond:   # nothing shown to lie inside
            beyond = ("the package could not be read through to place what it holds in time",)
    problems = list(bag.problems)
    if bag.problems.more:
        problems.append(f"... and {bag.problems.more:,} more problems.")
    return VerifyReport(not problems, tuple(problems), owner_id, clips, tuple(notes), record,
                        beyond)


def _unfinished(exc: Exception) -> str:
    """Why the check stopped part way. An OSError is the system's (a file taken away or its
    drive pulled mid-check), said in its words, not Python's "[Errno 2] ...: '/path'"."""
    if isinstance(exc, OSError):
        return (f"The package could not be read through on this computer "
                f"({exc.strerror or one_line(str(exc), 300)}), so it was not checked "
                "completely. Check it again where it can be read whole.")
    return f"The package could not be checked completely: {one_line(str(exc), 300)}"


def _check(bag: Bag, expected_owner: PublicKey | None, notes: list[str], actual: str | None):
    """Every check of the bag itself; (owner id, provenance record, manifest, signed name, a
    signature that does not seal it, named once the clips were read)."""
    check_bagit_txt(bag)
    manifest = read_manifest(bag, MANIFEST, payload=True)
    if manifest is not None:
        check_listed(bag, manifest)
    check_oxum(bag, manifest)
    tags = read_manifest(bag, TAGMANIFEST, payload=False)
    if tags is not None:
        check_listed(bag, tags)
        changed_manifest_first(bag, tags)
        for name in ("bagit.txt", "bag-info.txt", MANIFEST):
            if name not in tags:
                bag.problems.append(f"{TAGMANIFEST} does not cover {name}, so changes to it would go unnoticed.")
    for name in bag.files:
        if name.startswith("data/") and manifest is not None and name not in manifest:
            bag.problems.append(_extra_payload(name))
        elif not name.startswith("data/") and tags is not None:
            if name not in (TAGMANIFEST, SIGNATURE) and name not in tags:
                _extra_tag_file(bag, name, notes)
            elif _OTHER_BAGIT.fullmatch(name) and name not in (MANIFEST, TAGMANIFEST):
                bag.problems.append(_other_bagit_file(name))
            elif name in tags and name not in _TAG_FILES:
                bag.problems.append(
                    f"{one_line(name, 200)} is a file no package holds (its files beside data/ "
                    "are bagit.txt, bag-info.txt, README.txt and the manifests and signature): "
                    "though the signature covers it, nothing checks what it says, so it cannot "
                    "be part of the package.")
    record = _check_provenance(bag, manifest) if manifest is not None else None
    if record is not None:
        check_record(bag, record)
        check_request(bag, record)
    owner_id, signed_name, unsealed = check_signature(bag, expected_owner, actual)
    if record is not None:
        check_readme(bag, record, owner_id, signed_name, notes)
    return owner_id, record, manifest, signed_name, unsealed


# The tag files a package's tag manifest covers (package-format.md, "Layout"): BagIt allows
# others, but what they say would be checked by nothing here, though the signature covers it.
_TAG_FILES = {"bagit.txt", "bag-info.txt", MANIFEST, README}

# Files BagIt gives a meaning to that a package never holds: a manifest of another algorithm
# (bagit.py checks every one, so one left unread here would pass what bagit.py fails) and a
# fetch list (files to be fetched from elsewhere into the bag).
_OTHER_BAGIT = re.compile(r"(tag)?manifest-[A-Za-z0-9]+\.txt|fetch\.txt")


def _other_bagit_file(name: str) -> str:
    """Why a manifest of another algorithm, or a fetch list, covered by the signature fails."""
    shown = one_line(name)
    if name == "fetch.txt":
        return (f"{shown} lists files to be fetched into the package from elsewhere: a package "
                "holds every file it is made of, so nothing fetched can be part of it.")
    return (f"{shown} is a manifest of another algorithm: a package is sealed with "
            f"{MANIFEST} and {TAGMANIFEST} only, and this one is not checked here (bagit.py "
            "would check it), so the package is not passed with it unread.")


def _extra_payload(name: str) -> str:
    shown = one_line(name)
    maker = file_browser_leftover(name)
    if maker:
        return (f"{shown} is an extra file in data/ that is not part of the signed package "
                f"(a file {maker} adds to folders): delete it and check again.")
    return (f"{shown} is an extra file in data/ that is not part of the signed package "
            "(not listed in its manifest).")


def _extra_tag_file(bag: Bag, name: str, notes: list[str]) -> None:
    """A file beside the tag files that neither manifest nor the signature covers: one a
    file browser leaves is harmless and only noted; anything else is a problem, since it
    could pass for part of the package."""
    shown = one_line(name)
    maker = file_browser_leftover(name)
    if maker:
        notes.append(f"{shown} is not part of the signed package: {maker} left it in the "
                     "folder. It was ignored and can be deleted.")
    else:
        bag.problems.append(f"{shown} is an extra file that is not part of the signed package "
                            f"(neither {TAGMANIFEST} nor the signature covers it).")


def _clip_packages(clips: tuple[ClipCheck, ...]) -> set[str]:
    """The package names the clips' intact Content Credentials say they were sealed in."""
    return {c.credentials.claims.package for c in clips
            if c.credentials.present and not c.credentials.problems
            and c.credentials.claims is not None and c.credentials.claims.package}


def _folder_name(bag: Bag, path: Path) -> str | None:
    """The package's own name: its folder's, or a tar's one package folder (a tar's own file
    name is whoever stored it's choice)."""
    return path.resolve().name if path.is_dir() else bag.top   # `verify .` names no folder


def _check_name(actual: str | None, signed: str | None, notes: list[str]) -> None:
    """The package's name against the one its signature gives. A different name is told, not
    a failure: the bytes are unchanged and a receiver may rename a folder to file it, but the
    name says case, camera and window, so whoever reads it must know it is not the signed one.
    A tar's own file name is whoever stored it's choice; its package folder is compared."""
    if signed is None:
        return
    # A name in another script may come back from the disk decomposed (macOS's HFS+ keeps
    # "ü" as "u" and a combining mark): the same name, not a renamed folder.
    if actual is None or unicodedata.normalize("NFC", actual) == signed:
        return
    notes.append(f"This package was sealed as {quoted(signed, 200)}, but its folder is named "
                 f"{quoted(actual, 200)}: it was renamed after sealing. The name is not "
                 "evidence; the case, camera and times are in data/provenance.json.")


def _check_provenance(bag: Bag, manifest: dict[str, str]) -> dict | None:
    """provenance.json's outputs against the manifest, both ways: every output is in the
    manifest with the same hash and size, and the manifest holds nothing else but the record,
    the owner's key and the request. The record, when it is one."""
    text = bag.text(PROVENANCE)
    if text is None:
        return None
    # Read as strictly as a token: a repeated member is read as the last here and the first
    # by other readers, and NaN is no JSON, so what another tool reads could differ.
    try:
        record = loads_strict(text.encode("utf-8"), "record")
    except JWSError as exc:
        bag.problems.append(f"{PROVENANCE} is {_json_words(str(exc))}.")
        return None
    outputs = record.get("outputs") if isinstance(record, dict) else None
    if not isinstance(outputs, list) or not outputs:
        bag.problems.append(f"{PROVENANCE} has no list of outputs.")
        return None
    listed = set()
    for entry in outputs[:MAX_OUTPUTS]:
        path = entry.get("path") if isinstance(entry, dict) else None
        if not isinstance(path, str):
            bag.problems.append(f"{PROVENANCE} has an output entry without a path.")
            continue
        listed.add(path)
        _check_output(bag, manifest, path, entry)
    if len(outputs) > MAX_OUTPUTS:
        bag.problems.append(f"{PROVENANCE} lists {len(outputs):,} outputs; not a genuine package.")
    for path in manifest:
        if path not in listed and path not in _PACKAGE_FILES:
            bag.problems.append(f"{one_line(path, 200)} is in the manifest, but {PROVENANCE} "
                                "does not list it as an output: it is not part of what was exported.")
    return record


def _json_words(why: str) -> str:
    """loads_strict's 'the record is not valid JSON' as 'not valid JSON'."""
    return one_line(why.removeprefix("the record is "), 300)


MAX_OUTPUTS = 1000
FAT32_MAX = 1 << 32   # a FAT32 file holds at most this less one byte
_PACKAGE_FILES = {PROVENANCE, OWNER_PUB, REQUEST}   # the payload besides the export's outputs


def _check_output(bag: Bag, manifest: dict[str, str], path: str, entry: dict) -> None:
    shown = one_line(path, 200)
    if not is_clip(path) and path != REQUEST:   # a clip's frames are all that is placed in time
        bag.problems.append(f"{PROVENANCE} lists {shown} as an output, but a package's outputs "
                            f"are its clip (an MP4 file straight under data/) and {REQUEST}: "
                            "what any other file holds is not checked against the approved "
                            "window, so it cannot be part of a package.")
    if path not in manifest:
        bag.problems.append(f"{PROVENANCE} lists output {shown}, which the manifest does not.")
        return
    sha, size = entry.get("sha256"), entry.get("size")
    if not isinstance(sha, str) or sha.lower() != manifest[path]:
        bag.problems.append(f"{PROVENANCE} records SHA-256 {one_line(sha, 80)} for {shown}, "
                            f"but the manifest has {manifest[path]}.")
    actual = bag.files.get(path)
    if actual is None and type(size) is int and size >= FAT32_MAX and not bag.not_read(path):
        bag.problems.append(f"{shown} is missing: at {size:,} bytes it is more than a FAT32 "
                            "drive (as most USB sticks are) holds in one file, so a copy to one "
                            "leaves it behind. Copy the package with a drive formatted exFAT or "
                            "NTFS, or send the tar.")
    if actual is not None and (type(size) is not int or size != actual.size):
        bag.problems.append(f"{PROVENANCE} records size {one_line(size, 80)} for {shown}, "
                            f"but the file has {actual.size} bytes.")
