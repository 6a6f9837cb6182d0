"""Whether a package an earlier run of an approval made, not delivered yet, hides what the
camera's privacy masks hide now.

An approval says "privacy masks", not which areas: the masks are the camera's as saved. An
owner who draws another area after a delivery failed sees it blacked out on the request's
page, whose "What will leave this PC" is what Try sending again sends; a package cut before
would send that area in the clear. Such a package is cut again (package_export.py).
"""
from __future__ import annotations

import json
import tarfile
from pathlib import Path

from agent.export.redact import Redaction
from agent.requests.records import Delivery
from frp.bagit import PROVENANCE

_MAX_RECORD = 16 << 20   # a provenance.json larger than this is no package's: left to the seal


def masked_otherwise(record: Delivery, redaction: Redaction | None) -> bool:
    """Whether the package's provenance.json records other privacy-mask polygons than
    `redaction` fills (the camera's masks now). A package whose record cannot be read is not
    judged here: the seal check refuses a folder that changed, and a lone tar is the one the
    recorded digest names."""
    then = _recorded_polygons(record)
    if then is None:
        return False
    now = (redaction.masks.to_json()["polygons"]
           if redaction is not None and redaction.masks is not None else [])
    return then != now


def _recorded_polygons(record: Delivery) -> list | None:
    """The polygons the package's record says were filled ([] when none), from its folder or,
    when only its tar is left, from the tar; None when neither can be read."""
    data = _record_bytes(record)
    if data is None:
        return None
    try:
        provenance = json.loads(data)
        kinds = [r for r in provenance.get("redactions") or () if isinstance(r, dict)]
    except (ValueError, AttributeError, TypeError, RecursionError):
        return None
    masked = [r.get("polygons") for r in kinds if r.get("kind") == "privacy-mask"]
    return masked[0] if masked else []


def _record_bytes(record: Delivery) -> bytes | None:
    folder = Path(record.package)
    try:
        if folder.is_dir():
            with open(folder / PROVENANCE, "rb") as fh:
                return fh.read(_MAX_RECORD)
        if record.tar and Path(record.tar).is_file():
            with tarfile.open(record.tar, "r:") as tar:
                member = tar.extractfile(f"{folder.name}/{PROVENANCE}")
                return member.read(_MAX_RECORD) if member is not None else None
    except (OSError, tarfile.TarError, KeyError):
        return None
    return None
