"""What the activity log says of each camera's privacy masks: how masks the owner removed are
told from masks that went missing.

`<home>/masks` holds the only copy of what each camera hides. Deleted from outside the app (a
cleanup of a folder whose name says nothing, a sync tool, a backup restored from before the
masks were drawn), it would read as "no masks", and every export would go out with the
neighbour's window in the clear, saying nothing. The log records every change of a camera's
masks (how many areas it left) and every rename, so a camera whose last recorded change left
areas has lost them, not had them removed.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from agent.audit.log_lines import log_lines, record_texts
from agent.audit.records import parse_record
from agent.index.camera_names import name_key
from agent.storage import open_ordinary

# Only the lines of these events are parsed: a long log holds thousands of others.
_EVENTS = (b'"event":"masks"', b'"event":"camera-rename"')


@dataclass(frozen=True)
class LoggedMasks:
    """A camera's last masks change the log records: the areas it left, and when (UTC)."""

    areas: int
    at: str


_cache: dict[Path, tuple[tuple[int, int, int], dict[str, LoggedMasks]]] = {}
_cache_lock = threading.Lock()


def logged_masks(home: Path, camera: str) -> LoggedMasks | None:
    """The last masks change the activity log records for `camera` (by the name it has now:
    a rename carries a camera's record to its new name); None when the log records none, or
    cannot be read (then nothing can be told, and nothing is refused for it)."""
    return _by_camera(Path(home) / "audit.log").get(name_key(camera))


def _by_camera(path: Path) -> dict[str, LoggedMasks]:
    """Each camera's last masks change, read again only when the log changed (a preview asks
    for every frame it shows)."""
    try:
        st = os.stat(path)   # a stat, not an open, while the log is as it was read
        seen = (st.st_size, st.st_mtime_ns, st.st_ino)
        with _cache_lock:
            kept = _cache.get(path)
        if kept is not None and kept[0] == seen:
            return kept[1]
        # An ordinary file only: a named pipe in the log's place kept `masks show` and every
        # export of a camera without masks waiting for ever. Read a piece at a time.
        fd = open_ordinary(path)
        try:
            st = os.fstat(fd)   # what is read: a record appended since is read again
            seen = (st.st_size, st.st_mtime_ns, st.st_ino)
            found = _replay(record_texts(log_lines(fd)))
        finally:
            os.close(fd)
    except OSError:
        return {}
    with _cache_lock:
        _cache[path] = (seen, found)
    return found


def _replay(lines: Iterable[bytes]) -> dict[str, LoggedMasks]:
    found: dict[str, LoggedMasks] = {}
    for line in lines:
        if not any(mark in line for mark in _EVENTS):
            continue
        record = parse_record(line)
        if record is None:
            continue
        fields = record["data"]
        if record["event"] == "masks" and isinstance(fields.get("camera"), str) \
                and type(fields.get("areas")) is int:
            found[name_key(fields["camera"])] = LoggedMasks(fields["areas"], str(record["at"]))
        elif record["event"] == "camera-rename" and isinstance(fields.get("old"), str) \
                and isinstance(fields.get("new"), str):
            carried = found.pop(name_key(fields["old"]), None)
            if carried is not None:
                found[name_key(fields["new"])] = carried
    return found
