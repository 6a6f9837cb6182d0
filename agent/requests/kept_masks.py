"""Whether a package an earlier run of an approval made, not delivered yet, hides what the
camera's privacy masks hide now.

An approval says "privacy masks", not which areas: the masks are the camera's as saved. An
owner who draws another area after a delivery failed sees it blacked out on the request's
page, whose "What will leave this PC" is what Try sending again sends; a package cut before
would send that area in the clear. Such a package is cut again (package_export.py).

Nor is a package whose masks were filled on a picture they were not drawn on: a crop or another
lens, cut before such windows were refused (mask_pictures.py), or a picture of another shape
than the one the masks now say they were drawn on (saved again since on the camera's picture of
now, the same areas). Its masks are the camera's, but they lie over other places there; cut
again, the window is refused with words saying why.
"""
from __future__ import annotations

import json
import os
import tarfile
from pathlib import Path

from agent.export.mask_pictures import same_shape
from agent.export.redact import Redaction
from agent.index.layouts import parse_path
from agent.media.frame_reader import ELSEWHERE_PICTURES
from agent.media.mp4box import read_mp4
from agent.requests.records import Delivery
from agent.storage import open_ordinary, read_file_start
from frp.bagit import PROVENANCE, is_clip

_MAX_RECORD = 16 << 20   # a provenance.json larger than this is no package's: left to the seal


def masked_otherwise(record: Delivery, redaction: Redaction | None) -> str | None:
    """Why the package must not go as it is: "masks-changed" when its provenance.json records
    other privacy-mask polygons than `redaction` fills (the camera's masks now),
    "masks-elsewhere" when it filled them on a crop or another lens, or on a clip of another
    shape than the masks say they were drawn on; None when it may go. A
    package whose record cannot be read is not judged here: the seal check refuses a folder
    that changed, and a lone tar is the one the recorded digest names."""
    provenance = _provenance(record)
    if provenance is None:
        return None
    then = _recorded_polygons(provenance)
    if then is None:
        return None
    now = (redaction.masks.to_json()["polygons"]
           if redaction is not None and redaction.masks is not None else [])
    if then != now:
        return "masks-changed"
    if then and (_cut_elsewhere(provenance)
                 or _other_shape(record, redaction.masks.picture)):
        return "masks-elsewhere"
    return None


def _provenance(record: Delivery) -> dict | None:
    data = _record_bytes(record)
    if data is None:
        return None
    try:
        provenance = json.loads(data)
    except (ValueError, RecursionError):
        return None
    return provenance if isinstance(provenance, dict) else None


def _recorded_polygons(provenance: dict) -> list | None:
    """The polygons the package's record says were filled ([] when none); None when its
    record of them cannot be read."""
    try:
        kinds = [r for r in provenance.get("redactions") or () if isinstance(r, dict)]
    except TypeError:
        return None
    masked = [r.get("polygons") for r in kinds if r.get("kind") == "privacy-mask"]
    return masked[0] if masked else []


def _cut_elsewhere(provenance: dict) -> bool:
    """Whether a recording the package was cut from is a crop or another lens, as its name
    says (the record names each recording by its path in its folder and its layout)."""
    sources = provenance.get("sources")
    for source in sources if isinstance(sources, list) else ():
        if not isinstance(source, dict) or not isinstance(source.get("path"), str):
            continue
        layout = source.get("layout") if isinstance(source.get("layout"), str) else None
        facts = parse_path(source["path"], layout)
        if facts is not None and facts.stream in ELSEWHERE_PICTURES:
            return True
    return False


def _other_shape(record: Delivery, drawn: tuple[int, int] | None) -> bool:
    """Whether the package's clip has another shape than the picture the masks now say they
    were drawn on (mask_pictures.same_shape); False when either size is not known, as a cut
    of a masks file without it is not refused."""
    if drawn is None:
        return False
    size = _clip_size(record)
    return size is not None and not same_shape(size, drawn)


def _clip_size(record: Delivery) -> tuple[int, int] | None:
    """The package's clip's picture (width, height), from its MP4 header, in its folder or,
    with only its tar left, in the tar; None when it cannot be read (left to the seal)."""
    folder = Path(record.package)
    try:
        if folder.is_dir():
            for path in sorted((folder / "data").iterdir()):
                if is_clip(f"data/{path.name}") and path.is_file():
                    # never open() here: a named pipe put in its place meanwhile would wait
                    with os.fdopen(open_ordinary(path), "rb") as fh:
                        return _size(fh, os.fstat(fh.fileno()).st_size)
        elif record.tar and Path(record.tar).is_file():
            with tarfile.open(record.tar, "r:") as tar:
                for member in tar:
                    inside = member.name.partition("/")[2]
                    if member.isfile() and is_clip(inside):
                        return _size(tar.extractfile(member), member.size)
    except (OSError, tarfile.TarError):
        return None
    return None


def _size(fh, size: int) -> tuple[int, int] | None:
    def read_at(offset: int, length: int) -> bytes:
        fh.seek(offset)
        return fh.read(length) or b""
    facts = read_mp4(read_at, size)
    return (facts.width, facts.height) if facts.width and facts.height else None


def _record_bytes(record: Delivery) -> bytes | None:
    """The package's provenance.json, at most _MAX_RECORD bytes, from its folder or its tar;
    None when it cannot be read. Read only as an ordinary file: a named pipe in its place (a
    sync program's, or anyone's who can write the home) would keep the approval waiting."""
    folder = Path(record.package)
    try:
        if folder.is_dir():
            return read_file_start(folder / PROVENANCE, _MAX_RECORD)
        if record.tar and Path(record.tar).is_file():
            with tarfile.open(record.tar, "r:") as tar:
                member = tar.extractfile(f"{folder.name}/{PROVENANCE}")
                return member.read(_MAX_RECORD) if member is not None else None
    except (OSError, tarfile.TarError, KeyError):
        return None
    return None
