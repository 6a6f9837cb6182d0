"""Check an evidence package (a folder or a .tar of one) and name every problem in plain words.

The package is first read into a `_Bag`: every file's SHA-256 and size, plus the bytes of the
small tag files. Tars are read member by member without extracting, so a hostile tar can neither
write outside a folder nor fill the disk. All checks then run on that one view.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from agent.export.package import (
    BAGIT_TXT, MANIFEST, OWNER_PUB, PROVENANCE, SIGNATURE, TAGMANIFEST, decode_path,
)
from agent.keys import OwnerKeyError, PublicKey, SignatureError, parse_minisign_public, verify_minisign

SMALL_MAX = 16 << 20  # tag files, owner.pub and provenance.json are read into memory up to this
MAX_ENTRIES = 10_000
_CHUNK = 1 << 20
_KEEP = {OWNER_PUB, PROVENANCE}


@dataclass(frozen=True)
class VerifyReport:
    """The outcome: ok only when `problems` is empty; owner_id of the verified signer, if any."""

    ok: bool
    problems: tuple[str, ...]
    owner_id: str | None


@dataclass
class _File:
    sha256: str
    size: int
    content: bytes | None


@dataclass
class _Bag:
    files: dict[str, _File] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def text(self, name: str) -> str | None:
        """A small file as UTF-8 text, or None (with the problem recorded)."""
        f = self.files.get(name)
        if f is None:
            self.problems.append(f"{name} is missing.")
            return None
        if f.content is None:
            self.problems.append(f"{name} is too large to be a genuine package file.")
            return None
        try:
            return f.content.decode("utf-8")
        except UnicodeDecodeError:
            self.problems.append(f"{name} is not UTF-8 text.")
            return None


def _show(name: str) -> str:
    """A file name safe to print: control characters and undecodable bytes are escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


def _keep(name: str) -> bool:
    return "/" not in name or name in _KEEP


def _digest(stream, keep: bool) -> _File:
    sha, size, kept = hashlib.sha256(), 0, bytearray()
    while chunk := stream.read(_CHUNK):
        sha.update(chunk)
        size += len(chunk)
        if keep and size <= SMALL_MAX:
            kept += chunk
    return _File(sha.hexdigest(), size, bytes(kept) if keep and size <= SMALL_MAX else None)


def verify_package(path: Path, expected_owner: PublicKey | None = None) -> VerifyReport:
    """Check a package folder or tar; never raises, every problem is a plain sentence."""
    bag = _Bag()
    owner_id = None
    try:
        path = Path(path)
        if path.is_dir():
            _read_folder(path, bag)
        elif path.is_file():
            _read_tar(path, bag)
        else:
            bag.problems.append(f"There is no package at {path}.")
        if bag.files:
            owner_id = _check(bag, expected_owner)
        elif not bag.problems:
            bag.problems.append(f"{path} holds no package files.")
    except Exception as exc:  # hostile input must end in a report, never a traceback
        bag.problems.append(f"The package could not be checked completely: {exc}")
    problems = tuple(dict.fromkeys(bag.problems))
    return VerifyReport(not problems, problems, owner_id)


def _read_folder(root: Path, bag: _Bag) -> None:
    for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: bag.problems.append(
            f"A folder in the package could not be read: {e.strerror}")):
        for name in sorted(dirnames + filenames):
            full = os.path.join(dirpath, name)
            rel = Path(full).relative_to(root).as_posix()
            st = os.lstat(full)
            if stat.S_ISDIR(st.st_mode):
                continue
            if not stat.S_ISREG(st.st_mode):  # links, pipes, devices: never followed or opened
                bag.problems.append(f"{_show(rel)} is not a plain file; a package holds only plain files.")
                continue
            if len(bag.files) >= MAX_ENTRIES:
                bag.problems.append(f"The package holds more than {MAX_ENTRIES} files; not a genuine package.")
                return
            try:
                with open(full, "rb") as f:
                    bag.files[rel] = _digest(f, _keep(rel))
            except OSError as exc:
                bag.problems.append(f"{_show(rel)} could not be read: {exc.strerror}")


def _read_tar(path: Path, bag: _Bag) -> None:
    raw: dict[str, _File] = {}
    try:
        with tarfile.open(path, "r:") as tar:
            for count, member in enumerate(tar):
                if count >= MAX_ENTRIES:
                    bag.problems.append(f"The tar holds more than {MAX_ENTRIES} entries; not a genuine package.")
                    break
                name = member.name
                parts = name.split("/")
                if name.startswith("/") or "\\" in name or ".." in parts or "\0" in name:
                    bag.problems.append(f"The tar holds an unsafe path: {_show(name)}.")
                    continue
                if member.isdir():
                    continue
                if not member.isreg():
                    bag.problems.append(f"{_show(name)} in the tar is a link or device, not a plain file.")
                    continue
                if name in raw:
                    bag.problems.append(f"{_show(name)} appears twice in the tar.")
                    continue
                raw[name] = _digest(tar.extractfile(member), _keep(_strip_top(name)))
    except (tarfile.TarError, OSError, EOFError) as exc:
        bag.problems.append(f"{path.name} is not a readable uncompressed tar file ({exc}).")
        return
    tops = {n.split("/", 1)[0] for n in raw}
    if len(tops) == 1 and all("/" in n for n in raw):
        raw = {n.split("/", 1)[1]: f for n, f in raw.items()}
    elif raw and "bagit.txt" not in raw:
        bag.problems.append("The tar does not hold exactly one package folder.")
    bag.files.update(raw)


def _strip_top(name: str) -> str:
    return name.split("/", 1)[1] if "/" in name else name


def _check(bag: _Bag, expected_owner: PublicKey | None) -> str | None:
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
            bag.problems.append(f"{_show(name)} is in data/ but not listed in the manifest (an extra file).")
        elif not name.startswith("data/") and tags is not None:
            if name not in (TAGMANIFEST, SIGNATURE) and name not in tags:
                bag.problems.append(f"{_show(name)} is not covered by {TAGMANIFEST} or the signature.")
    if manifest is not None:
        _check_provenance(bag, manifest)
    return _check_signature(bag, expected_owner)


def _check_bagit_txt(bag: _Bag) -> None:
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


def _read_manifest(bag: _Bag, name: str, payload: bool) -> dict[str, str] | None:
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
            bag.problems.append(f"{name} line {number} names an unsafe or misplaced path: {_show(path)}.")
            continue
        if path in entries:
            bag.problems.append(f"{name} lists {_show(path)} twice.")
        entries[path] = m.group(1).lower()
    return entries


def _check_listed(bag: _Bag, listed: dict[str, str]) -> None:
    for name, want in listed.items():
        f = bag.files.get(name)
        if f is None:
            bag.problems.append(f"{_show(name)} is missing.")
        elif f.sha256 != want:
            bag.problems.append(f"{_show(name)} was changed: SHA-256 {f.sha256}, expected {want}.")


def _check_oxum(bag: _Bag) -> None:
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


def _check_signature(bag: _Bag, expected: PublicKey | None) -> str | None:
    sig = bag.text(SIGNATURE)
    pub_text = bag.text(OWNER_PUB)
    tagmanifest = bag.files.get(TAGMANIFEST)
    if sig is None or pub_text is None or tagmanifest is None or tagmanifest.content is None:
        if sig is None:
            bag.problems.append("The package is not signed by its owner.")
        return None
    try:
        signer = parse_minisign_public(pub_text)
    except OwnerKeyError as exc:
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


def _check_provenance(bag: _Bag, manifest: dict[str, str]) -> None:
    text = bag.text(PROVENANCE)
    if text is None:
        return
    try:
        record = json.loads(text)
    except (ValueError, RecursionError):
        bag.problems.append(f"{PROVENANCE} is not valid JSON.")
        return
    outputs = record.get("outputs") if isinstance(record, dict) else None
    if not isinstance(outputs, list) or not outputs:
        bag.problems.append(f"{PROVENANCE} has no list of outputs.")
        return
    for entry in outputs:
        path = entry.get("path") if isinstance(entry, dict) else None
        if not isinstance(path, str):
            bag.problems.append(f"{PROVENANCE} has an output entry without a path.")
            continue
        shown = _show(path)
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
