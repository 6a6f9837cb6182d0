"""What a package builder is given, checked before anything is written: payload file names,
bag-info labels and values, the provenance record's outputs against the files added; and the
PackageFile and PackageError these speak of."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

_RESERVED_INFO = {"payload-oxum"}


class PackageError(Exception):
    """The package cannot be built; the message says what to do."""


@dataclass(frozen=True)
class PackageFile:
    """One file in the bag: name relative to the bag root ('/'-separated), hex SHA-256, bytes."""

    name: str
    sha256: str
    size: int


def outputs_record(files: Iterable[PackageFile]) -> list[dict]:
    """The provenance `outputs` list for these files (what verify_package checks)."""
    return [{"path": f.name, "sha256": f.sha256, "size": f.size} for f in files]


def payload_name(name: str) -> str:
    """Normalise 'x.mp4' or 'data/x.mp4' to 'data/x.mp4', refusing anything that could escape."""
    if not isinstance(name, str) or not name:
        raise PackageError("a file in the package needs a name")
    full = name if name.startswith("data/") else "data/" + name
    parts = full.split("/")
    if any(p in ("", ".", "..") or "\\" in p or "\0" in p for p in parts[1:]) or len(parts) < 2:
        raise PackageError(f"{name!r} is not an allowed file name inside a package")
    return full


def check_bag_info(bag_info: dict[str, str]) -> dict[str, str]:
    """bag-info labels and values the caller may set: one line each, none the builder computes."""
    for label, value in bag_info.items():
        if not isinstance(label, str) or not isinstance(value, str):
            raise PackageError("bag-info labels and values must be text")
        if not label.strip() or ":" in label or label != label.strip() or re.search(r"[\r\n]", label):
            raise PackageError(f"{label!r} cannot be used as a bag-info label")
        if re.search(r"[\r\n]", value):
            raise PackageError(f"the bag-info value for {label} must be a single line")
        if label.lower() in _RESERVED_INFO:
            raise PackageError(f"{label} is computed by the package builder and cannot be set")
    return dict(bag_info)


def check_outputs(record, files: dict[str, PackageFile]) -> None:
    """The provenance record lists its outputs, each a file added with its digest and size."""
    if not isinstance(record, dict):
        raise PackageError("the provenance record must be a JSON object")
    outputs = record.get("outputs")
    if not isinstance(outputs, list) or not outputs:
        raise PackageError("the provenance record must list its outputs (see outputs_record)")
    for entry in outputs:
        pf = files.get(entry.get("path")) if isinstance(entry, dict) else None
        if pf is None or entry.get("sha256") != pf.sha256 or entry.get("size") != pf.size:
            raise PackageError(f"the provenance output {entry!r} does not match a file in the package")
