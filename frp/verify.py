"""Check an evidence package (a folder or a .tar of one) and name every problem in plain words.

The package is first read into a `bagview.Bag` (file digests and sizes plus the small tag files,
tars read without extracting); all checks then run on that one view.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from frp.bagit import (
    BAGIT_TXT,
    MANIFEST,
    OWNER_PUB,
    PROVENANCE,
    SIGNATURE,
    TAGMANIFEST,
    decode_path,
)
from frp.bagview import Bag, read_folder, read_tar
from frp.verify_clips import ClipCheck, check_clips
from frp.text import one_line
from frp.minisign import (
    PublicKey,
    PublicKeyError,
    SignatureError,
    parse_minisign_public,
    verify_minisign,
)


@dataclass(frozen=True)
class VerifyReport:
    """The outcome: ok only when `problems` is empty; owner_id of the verified signer, if any;
    each clip's Content Credentials (whether they are trusted is told there, not a problem)."""

    ok: bool
    problems: tuple[str, ...]
    owner_id: str | None
    clips: tuple[ClipCheck, ...] = ()


def verify_package(path: Path, expected_owner: PublicKey | None = None,
                   trust_anchors: str | None = None) -> VerifyReport:
    """Check a package folder or tar; never raises, every problem is a plain sentence.
    `trust_anchors`: PEM of the CA certificates (agencies' registration CAs) that the clips'
    Content Credentials count as trusted when they chain to."""
    bag = Bag()
    owner_id = None
    clips: tuple[ClipCheck, ...] = ()
    try:
        path = Path(path)
        if path.is_dir():
            read_folder(path, bag)
        elif path.is_file():
            read_tar(path, bag)
        else:
            bag.problems.append(f"There is no package at {path}.")
        if bag.files:
            owner_id, record = _check(bag, expected_owner)
            if record is not None:
                clips = check_clips(bag, path, record, trust_anchors)
        elif not bag.problems:
            bag.problems.append(f"{path} holds no package files.")
    except Exception as exc:  # hostile input must end in a report, never a traceback
        bag.problems.append(f"The package could not be checked completely: {exc}")
    problems = tuple(dict.fromkeys(bag.problems))
    return VerifyReport(not problems, problems, owner_id, clips)


def _check(bag: Bag, expected_owner: PublicKey | None) -> tuple[str | None, dict | None]:
    _check_bagit_txt(bag)
    manifest = _read_manifest(bag, MANIFEST, payload=True)
    if manifest is not None:
        _check_listed(bag, manifest)
    _check_oxum(bag)
    tags = _read_manifest(bag, TAGMANIFEST, payload=False)
    if tags is not None:
        _check_listed(bag, tags)
        for name in ("bagit.txt", "bag-info.txt", MANIFEST):
            if name not in tags:
                bag.problems.append(f"{TAGMANIFEST} does not cover {name}, so changes to it would go unnoticed.")
    for name in bag.files:
        if name.startswith("data/") and manifest is not None and name not in manifest:
            bag.problems.append(f"{one_line(name)} is in data/ but not listed in the manifest (an extra file).")
        elif not name.startswith("data/") and tags is not None:
            if name not in (TAGMANIFEST, SIGNATURE) and name not in tags:
                bag.problems.append(f"{one_line(name)} is not covered by {TAGMANIFEST} or the signature.")
    record = _check_provenance(bag, manifest) if manifest is not None else None
    return _check_signature(bag, expected_owner), record


def _check_bagit_txt(bag: Bag) -> None:
    text = bag.text("bagit.txt")
    if text is None or text.encode("utf-8") == BAGIT_TXT:
        return
    fields = _tags(text)
    if fields.get("BagIt-Version") != "1.0":
        bag.problems.append(f"bagit.txt says BagIt-Version {fields.get('BagIt-Version')!r}; expected 1.0.")
    if (fields.get("Tag-File-Character-Encoding") or "").upper() != "UTF-8":
        bag.problems.append("bagit.txt does not declare Tag-File-Character-Encoding: UTF-8.")


def _tags(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    label = None
    for line in text.lstrip("\ufeff").splitlines():
        if line[:1] in (" ", "\t") and label:
            fields[label] += " " + line.strip()
        elif ":" in line:
            label, value = line.split(":", 1)
            label = label.strip()
            fields[label] = value.strip()
    return fields


def _read_manifest(bag: Bag, name: str, payload: bool) -> dict[str, str] | None:
    text = bag.text(name)
    if text is None:
        return None
    entries: dict[str, str] = {}
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        m = re.fullmatch(r"([0-9A-Fa-f]{64})[ \t]+(.+)", line)
        if m is None:
            bag.problems.append(f"{name} line {number} is not a valid SHA-256 entry.")
            continue
        path = decode_path(m.group(2))
        parts = path.split("/")
        if path.startswith("/") or ".." in parts or "\\" in path or payload != path.startswith("data/"):
            bag.problems.append(f"{name} line {number} names an unsafe or misplaced path: {one_line(path)}.")
            continue
        if path in entries:
            bag.problems.append(f"{name} lists {one_line(path)} twice.")
        entries[path] = m.group(1).lower()
    return entries


def _check_listed(bag: Bag, listed: dict[str, str]) -> None:
    for name, want in listed.items():
        f = bag.files.get(name)
        if f is None:
            bag.problems.append(f"{one_line(name)} is missing.")
        elif f.sha256 != want:
            bag.problems.append(f"{one_line(name)} was changed: SHA-256 {f.sha256}, expected {want}.")


def _check_oxum(bag: Bag) -> None:
    text = bag.text("bag-info.txt")
    if text is None:
        return
    oxum = _tags(text).get("Payload-Oxum")
    payload = [f for n, f in bag.files.items() if n.startswith("data/")]
    actual = f"{sum(f.size for f in payload)}.{len(payload)}"
    if oxum is None:
        bag.problems.append("bag-info.txt has no Payload-Oxum.")
    elif oxum != actual:
        bag.problems.append(f"Payload-Oxum in bag-info.txt says {oxum} (bytes.files) but data/ holds {actual}.")


def _check_signature(bag: Bag, expected: PublicKey | None) -> str | None:
    sig = bag.text(SIGNATURE)
    pub_text = bag.text(OWNER_PUB)
    tagmanifest = bag.files.get(TAGMANIFEST)
    if sig is None or pub_text is None or tagmanifest is None or tagmanifest.content is None:
        if sig is None:
            bag.problems.append("The package is not signed by its owner.")
        return None
    try:
        signer = parse_minisign_public(pub_text)
    except PublicKeyError as exc:
        bag.problems.append(f"{OWNER_PUB} is not a usable public key: {exc}.")
        return None
    owner_id = None
    try:
        comment = verify_minisign(signer, sig, tagmanifest.content)
        owner_id = signer.owner_id()
        named = re.search(r"\bowner (\S+)", comment)
        if named and named.group(1) != owner_id:
            bag.problems.append(f"The signature names owner {named.group(1)} but {OWNER_PUB} is owner {owner_id}.")
    except SignatureError as exc:
        bag.problems.append(f"The signature on {TAGMANIFEST} does not verify with {OWNER_PUB}: {exc}.")
    if expected is not None and signer.raw != expected.raw:
        bag.problems.append(f"The package was signed by owner {signer.owner_id()}, "
                            f"not the expected owner {expected.owner_id()}.")
    return owner_id


def _check_provenance(bag: Bag, manifest: dict[str, str]) -> dict | None:
    """provenance.json's outputs against the manifest; the record, when it is one."""
    text = bag.text(PROVENANCE)
    if text is None:
        return None
    try:
        record = json.loads(text)
    except (ValueError, RecursionError):
        bag.problems.append(f"{PROVENANCE} is not valid JSON.")
        return None
    outputs = record.get("outputs") if isinstance(record, dict) else None
    if not isinstance(outputs, list) or not outputs:
        bag.problems.append(f"{PROVENANCE} has no list of outputs.")
        return None
    for entry in outputs:
        path = entry.get("path") if isinstance(entry, dict) else None
        if not isinstance(path, str):
            bag.problems.append(f"{PROVENANCE} has an output entry without a path.")
            continue
        shown = one_line(path)
        if path not in manifest:
            bag.problems.append(f"{PROVENANCE} lists output {shown}, which the manifest does not.")
            continue
        sha, size = entry.get("sha256"), entry.get("size")
        if not isinstance(sha, str) or sha.lower() != manifest[path]:
            bag.problems.append(f"{PROVENANCE} records SHA-256 {sha} for {shown}, "
                                f"but the manifest has {manifest[path]}.")
        actual = bag.files.get(path)
        if actual is not None and (type(size) is not int or size != actual.size):
            bag.problems.append(f"{PROVENANCE} records size {size} for {shown}, but the file has {actual.size} bytes.")
    return record
