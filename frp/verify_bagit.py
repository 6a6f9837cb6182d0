"""The BagIt layer of a package check: bagit.txt, the manifests as read, every listed file
present with its digest, and Payload-Oxum. Problems go to the bag's list in plain words."""
from __future__ import annotations

import hashlib
import re

from frp.bagit import BAGIT_TXT, MANIFEST, TAGMANIFEST, decode_path
from frp.bagview import Bag
from frp.text import one_line, quoted

PER_FILE_PROBLEMS = 20   # bad lines named per tag file; the rest are counted


def check_bagit_txt(bag: Bag) -> None:
    """bagit.txt, when it is not the exact two lines a package is written with: version 1.0,
    UTF-8 tag files."""
    text = bag.text("bagit.txt")
    if text is None or text.encode("utf-8") == BAGIT_TXT:
        return
    fields = tag_fields(bag, "bagit.txt", text)
    if fields.get("BagIt-Version") != "1.0":
        bag.problems.append(f"bagit.txt says BagIt-Version {quoted(fields.get('BagIt-Version'))}; expected 1.0.")
    if (fields.get("Tag-File-Character-Encoding") or "").upper() != "UTF-8":
        bag.problems.append("bagit.txt does not declare Tag-File-Character-Encoding: UTF-8.")


# Labels that say one thing about the bag: two of them would leave it to the reader which
# counts (bagit.py takes the first, a careless reader the last), so a second is refused.
_SINGLE = ("BagIt-Version", "Tag-File-Character-Encoding", "Payload-Oxum", "Bagging-Date")


def tag_fields(bag: Bag, name: str, text: str) -> dict[str, str]:
    """A tag file's `Label: value` lines, read as bagit.py reads them (its lines split where
    a text file's are, a line starting with white space folded onto the label before it). A
    byte-order mark (RFC 8493 forbids it in bagit.txt; stock bagit refuses it), a line that
    is no `Label: value` (bagit.py refuses the bag) and a repeated single-valued label are
    problems."""
    if text.startswith("\ufeff"):
        bag.problems.append(f"{name} begins with a byte-order mark, which BagIt does not allow.")
        text = text[1:]
    fields: dict[str, str] = {}
    label = None
    for line in _TEXT_LINES.split(text):
        if not line or line.isspace():
            continue
        if line[0].isspace() and label:
            fields[label] += " " + line.strip()
        elif ":" in line:
            label, value = line.split(":", 1)
            label = label.strip()
            if label in fields and label in _SINGLE:
                bag.problems.append(f"{name} gives {label} more than once.")
                continue
            fields[label] = value.strip()
        else:
            bag.problems.append(f"{name} has a line that is not 'Label: value', which BagIt tag "
                                f"files are made of (bagit.py refuses the bag): "
                                f"{quoted(line.strip(), 100)}.")
    return fields


# Where a text file's lines end as Python's (and so bagit.py's) reading of it ends them: not
# str.splitlines, which also ends a line at form feeds, U+2028 and others bagit.py reads through.
_TEXT_LINES = re.compile(r"\r\n|\r|\n")


def read_manifest(bag: Bag, name: str, payload: bool) -> dict[str, str] | None:
    """A manifest's entries, path -> SHA-256 (None when the bag has no such file); a bad,
    unsafe, misplaced (`payload`: under data/, else beside it) or repeated line is a problem."""
    text = bag.text(name)
    if text is None:
        return None
    entries: dict[str, str] = {}
    bad: list[str] = []
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        m = re.fullmatch(r"([0-9A-Fa-f]{64})[ \t]+(.+)", line)
        if m is None:
            bad.append(f"{name} line {number} is not a valid SHA-256 entry" + (
                _COMMENT if line.lstrip().startswith("#") else "."))
            continue
        path = decode_path(m.group(2))
        if path != path.strip() or path.startswith("*"):
            bad.append(_unlike_bagit(name, number, path))
            continue
        parts = path.split("/")
        if path.startswith("/") or ".." in parts or "\\" in path or payload != path.startswith("data/"):
            bad.append(f"{name} line {number} names an unsafe or misplaced path: {one_line(path, 200)}.")
            continue
        if path in entries:
            bad.append(f"{name} lists {one_line(path, 200)} twice.")
        entries[path] = m.group(1).lower()
    for problem in bad[:PER_FILE_PROBLEMS]:
        bag.problems.append(problem)
    if len(bad) > PER_FILE_PROBLEMS:
        bag.problems.append(f"{name}: ... and {len(bad) - PER_FILE_PROBLEMS:,} more lines like these.")
    return entries


# Lines bagit.py reads past and RFC 8493 has not: said as such, since the two tools disagree.
_COMMENT = (": it is a comment, which RFC 8493 manifests do not have and no package holds "
            "(bagit.py skips it).")


def _unlike_bagit(name: str, number: int, path: str) -> str:
    """A manifest line whose path begins or ends in white space (which a message would show
    unseen) or with sha256sum's `*` (a binary file's mark): no package names a file so (file
    names are made without spaces), and bagit.py, stripping both, reads another name."""
    if path.startswith("*"):
        return (f"{name} line {number} names {quoted(path, 200)}: a '*' before the name is "
                f"sha256sum's mark of a binary file, which RFC 8493 manifests do not have and "
                f"no package holds (bagit.py drops it).")
    where = "end" if path[-1:].isspace() else "start"
    return (f"{name} line {number} names {quoted(path, 200)}, with white space at its {where}: "
            f"no package names a file so (bagit.py strips it and reads {quoted(path.strip(), 200)}).")


def check_listed(bag: Bag, listed: dict[str, str]) -> None:
    """Every file a manifest lists is in the bag with the digest it gives."""
    for name, want in listed.items():
        f = bag.files.get(name)
        if f is None:
            if not bag.not_read(name):   # else said as not read here
                bag.problems.append(f"{one_line(name)} is missing.")
        elif f.sha256 != want and crlf_converted(f.content, want):
            bag.problems.append(f"{one_line(name)} was changed after sealing, but {CRLF_WORDS}.")
        elif f.sha256 != want and lf_converted(f.content, want):
            bag.problems.append(f"{one_line(name)} was changed after sealing, but {LF_WORDS}.")
        elif f.sha256 != want and reordered(f.content, want):
            bag.problems.append(f"{one_line(name)} was changed after sealing, but {REORDER_WORDS}.")
        elif f.sha256 != want:
            bag.problems.append(f"{one_line(name)} was changed: SHA-256 {f.sha256}, expected {want}.")


# What a careless copy did, said so that the receiver asks for the package again rather than
# suspect a forger; the package still fails: its bytes are not the ones sealed.
CRLF_WORDS = ("only its line endings differ: they were converted to Windows ones (CRLF), as zip "
              "tools in text mode, e-mail and git do to text files")


def crlf_converted(content: bytes | None, want: str) -> bool:
    """Whether a text file kept in memory is the sealed one with every LF turned into CRLF."""
    if content is None or b"\r\n" not in content:
        return False
    return hashlib.sha256(content.replace(b"\r\n", b"\n")).hexdigest() == want


# README.txt is written with Windows' line ends (CRLF): the same tools on a Mac or Linux turn
# them into LF (Info-ZIP's `unzip -a`, git checking it out with core.autocrlf=input).
LF_WORDS = ("only its line endings differ: its Windows ones (CRLF) were converted to LF, as zip "
            "tools in text mode (unzip -a), e-mail and git do to text files on a Mac or Linux. "
            "Ask for the package as it was sent (the tar), or copy it byte for byte")


def lf_converted(content: bytes | None, want: str) -> bool:
    """Whether a text file kept in memory is the sealed one with every CRLF turned into LF."""
    if content is None or b"\r" in content or b"\n" not in content:
        return False
    return hashlib.sha256(content.replace(b"\n", b"\r\n")).hexdigest() == want


REORDER_WORDS = ("only the order of its lines differs: it lists the same files with the same "
                 "SHA-256 as sealed, sorted otherwise (as a tool that rewrites a manifest may "
                 "do). Ask for the package as it was sent")


def reordered(content: bytes | None, want: str) -> bool:
    """Whether a manifest kept in memory is the sealed one with its lines in another order
    (the writer sorts them by path)."""
    if content is None:
        return False
    lines = [line for line in content.split(b"\n") if line.strip()]
    ordered = sorted(lines, key=lambda line: line.split(maxsplit=1)[-1])
    return hashlib.sha256(b"".join(line + b"\n" for line in ordered)).hexdigest() == want


def check_oxum(bag: Bag, manifest: dict[str, str] | None = None) -> None:
    """bag-info.txt's Payload-Oxum against the bytes and files under data/. A count that
    differs only by files the manifest does not list (a file browser's Thumbs.db), each named
    as an extra file, is not said again as a miscount named before them."""
    text = bag.text("bag-info.txt")
    if text is None:
        return
    oxum = tag_fields(bag, "bag-info.txt", text).get("Payload-Oxum")
    payload = [f for n, f in bag.files.items() if n.startswith("data/")]
    actual = f"{sum(f.size for f in payload)}.{len(payload)}"
    if any(n == "" or n.startswith("data/") for n in bag.unread):
        return   # what was not read cannot be counted: said as not read, not as a miscount
    if oxum is None:
        bag.problems.append("bag-info.txt has no Payload-Oxum.")
    elif oxum != actual and not _only_extras(bag, manifest, oxum):
        bag.problems.append(f"Payload-Oxum in bag-info.txt says {one_line(oxum, 80)} (bytes.files) but data/ holds {actual}.")


def _only_extras(bag: Bag, manifest: dict[str, str] | None, oxum: str) -> bool:
    """Whether every file `manifest` lists is in data/ and they alone make up `oxum`."""
    if manifest is None or any(name not in bag.files for name in manifest):
        return False
    listed = [bag.files[name] for name in manifest]
    return oxum == f"{sum(f.size for f in listed)}.{len(listed)}"


def changed_manifest_first(bag: Bag, tags: dict[str, str]) -> None:
    """A manifest-sha256.txt the tag manifest no longer vouches for, said first and as such:
    the files under data/ were checked against it as it is now, so the problems named before
    it (a file "changed", "missing", "extra") may be its own change, one digit of a file's
    SHA-256 edited blaming a file no one touched."""
    f, want = bag.files.get(MANIFEST), tags.get(MANIFEST)
    if f is None or want is None:
        return
    plain = f"{MANIFEST} was changed: SHA-256 {f.sha256}, expected {want}."
    if plain in bag.problems:
        bag.problems.remove(plain)
        bag.problems.first((
            f"{MANIFEST} was changed after sealing: SHA-256 {f.sha256}, expected {want} (as "
            f"{TAGMANIFEST} lists it). The files under data/ are checked against it "
            "as it is now, so a file named below as changed, missing or extra may be the "
            "manifest's change, not the file's."))
