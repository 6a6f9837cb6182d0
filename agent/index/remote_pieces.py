"""Footage of a recorder camera for previews and the timeline's thumbnails: fetched on demand,
a few seconds at a time, and cached in `<home>/cache/recorders/previews/`.

The previewer asks for the recordings of a camera around an instant (agent.media.preview); for
a recorder's camera that means a short piece downloaded now, in the previewer's job thread
(never the GUI's). Pieces cover fixed slots of SLOT_S seconds, so scrubbing inside a slot and
the thumbnails of a window seen before cost nothing; at most MAX_SLOTS slots and MAX_BYTES are
kept, the oldest removed first. A recorder that cannot be reached is not asked again for RETRY_S.
"""
from __future__ import annotations

import json
import logging
import shutil
import threading
import time
from pathlib import Path
from typing import Callable

from agent.index.mirror import Connect
from agent.index.remote_window import CACHE, download
from agent.index.window_pieces import piece_rows
from agent.index.rows import FileRow
from agent.index.store import Store
from agent.recorders.model import RecorderError
from agent.storage import read_file_start, safe_name, write_atomic
from agent.timebase import US

log = logging.getLogger(__name__)

SLOT_S = 4
MAX_SLOTS = 300
# and at most this much: a slot is 4 s of the recorder's main stream, some 8 MB from a 4K
# camera, so 300 of them could take gigabytes of a small disk for thumbnails alone
MAX_BYTES = 256 * 1024 * 1024
RETRY_S = 60
_DONE = "piece.json"
# a slot's record lists its few pieces, a few hundred bytes: a larger file is no record of ours
_DONE_LIMIT = 1 << 20


class PreviewPieces:
    """Cached pieces of recorder footage as index rows the previewer can read."""

    def __init__(self, home: Path, store: Callable[[], Store], connect: Callable[[], Connect]):
        self._root = Path(home) / CACHE / "previews"
        self._store, self._connect = store, connect
        self._lock = threading.Lock()
        self._failed: dict[str, float] = {}   # camera -> when asking its recorder last failed

    def rows(self, camera: str, start_us: int, end_us: int) -> list[FileRow]:
        """Rows of local pieces covering [start, end) of a recorder's camera (at most two
        slots: a preview wants an instant, a keyframe search the seconds after it); [] for a
        folder's camera, a gap, or a recorder that cannot be reached now."""
        store = self._store()
        remote = [r for r in store.files(camera, start_us, end_us) if r.status == "remote"]
        if not remote or time.monotonic() - self._failed.get(camera, -RETRY_S) < RETRY_S:
            return []
        first = start_us // (SLOT_S * US)
        last = min((max(start_us, end_us - 1)) // (SLOT_S * US), first + 1)
        out: list[FileRow] = []
        for slot in range(first, last + 1):
            s, e = slot * SLOT_S * US, (slot + 1) * SLOT_S * US
            spans = [(max(s, r.start_us), min(e, r.end_us)) for r in remote
                     if r.start_us < e and r.end_us > s]
            if spans:
                out.extend(self._slot(store, camera, slot, min(a for a, _ in spans),
                                      max(b for _, b in spans)))
        return out

    def _slot(self, store: Store, camera: str, slot: int, start_us: int, end_us: int) -> list[FileRow]:
        folder = self._root / safe_name(camera) / str(slot)
        with self._lock:
            rows = _cached(folder, camera)
            if rows is not None:
                return rows
            shutil.rmtree(folder, ignore_errors=True)   # a download cut short
            try:
                # Never a whole recording for a few seconds of preview: an NVR's is an hour.
                window = download(store, camera, start_us, end_us, folder, self._connect(),
                                  whole_ok=False)
            except RecorderError as exc:
                log.info("no preview of %s: %s", camera, exc)
                self._failed[camera] = time.monotonic()
                shutil.rmtree(folder, ignore_errors=True)
                return []
            rows = piece_rows(0, camera, window, previews=True)
            write_atomic(folder / _DONE, json.dumps(
                [[r.path, r.start_us, r.end_us, r.size, r.layout] for r in rows]).encode())
            self._trim()
            return rows

    def _trim(self) -> None:
        """Remove the oldest finished slots past MAX_SLOTS or MAX_BYTES; never the newest (the
        one just written, whose rows the caller reads next)."""
        slots = [p for p in self._root.glob("*/*") if (p / _DONE).exists()]
        slots.sort(key=lambda p: (p / _DONE).stat().st_mtime)
        sizes = [_bytes_in(p) for p in slots]
        over, total = len(slots) - MAX_SLOTS, sum(sizes)
        for old, size in zip(slots[:-1], sizes):
            if over <= 0 and total <= MAX_BYTES:
                return
            shutil.rmtree(old, ignore_errors=True)
            over, total = over - 1, total - size


def _bytes_in(folder: Path) -> int:
    """What a slot's files take (0 for one that cannot be read: it goes in its turn)."""
    total = 0
    for path in folder.rglob("*"):
        try:
            total += path.lstat().st_size if path.is_file() else 0
        except OSError:
            continue
    return total


def remove_unfinished_slots(home: Path, older_than_s: float) -> int:
    """Remove the slot folders whose download was killed before its record was written
    (`_trim` counts finished slots only, and a slot never asked for again stays); only those
    untouched for `older_than_s`, so one another process is downloading now is left. The
    count removed."""
    cutoff, removed = time.time() - older_than_s, 0
    try:
        slots = [p for p in (Path(home) / CACHE / "previews").glob("*/*") if p.is_dir()]
    except OSError:
        return 0
    for slot in slots:
        try:
            if (slot / _DONE).exists() or slot.stat().st_mtime >= cutoff:
                continue
            shutil.rmtree(slot)
            removed += 1
        except OSError:
            continue
    return removed


def _cached(folder: Path, camera: str) -> list[FileRow] | None:
    """The finished slot's rows, or None (fetched again) when its record cannot be read: read
    only as an ordinary file of _DONE_LIMIT at most, since a named pipe in its place would keep
    this preview, and every other behind the cache's lock, waiting for ever."""
    try:
        raw = read_file_start(folder / _DONE, _DONE_LIMIT + 1)
        if len(raw) > _DONE_LIMIT:
            return None
        entries = json.loads(raw.decode("utf-8"))
        rows = [FileRow(0, path, camera, int(start), int(end), int(size), 0, layout, "ok", None,
                        "main", time_source="recorder") for path, start, end, size, layout in entries]
    except (OSError, ValueError, TypeError):
        return None
    return rows if all(Path(r.path).is_file() for r in rows) else None
