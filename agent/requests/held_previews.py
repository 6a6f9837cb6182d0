"""The preview and thumbnails of a request's camera its approval would cut from the safe copy.

Once a camera's recordings are gone or changed since its request's hold, an approval cuts the
hold's copies (held_window.py), and the request's page shows their coverage; its pictures must
be theirs too, or the owner sees no picture of what they would send. The previews
(agent/media/preview.py) know cameras by name and cache frames by it, so such a camera is
previewed under a name of its own, `<camera>` MARK `<hold folder>`, which no camera can take
(names hold no control characters): frames of the copies and of the recordings stay apart.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from agent.index.rows import FileRow
from agent.index.store import Store
from agent.requests.hold_placement import HeldCamera, Placement
from agent.requests.held_window import held_placement, overlaps, usable_hold
from agent.requests.held_clocks import placed_now
from agent.requests.holds import HOLDS, RECORD, Hold, HoldError

MARK = "\x00safe copy\x00"
_READABLE = ("ok", "in-progress")   # a copy is a file: never `remote`


def preview_name(camera: str, hold: Hold) -> str:
    """The name the previews read `camera` of this hold's copies by."""
    return f"{camera}{MARK}{hold.path.name}"


class HeldCopies:
    """The rows of a hold's copies the previews read. Each hold's record is read once (off the
    GUI thread, as the previews run), again only when its file changed: a hold deleted and made
    anew for its request."""

    def __init__(self, home: Path):
        self._home = Path(home)
        self._lock = threading.Lock()
        self._read: dict[str, tuple[tuple, Hold, Placement | None]] = {}
        # Each camera's copies placed by its folder's clock now, by the record read and the
        # folders' clocks: a new zone reads every copy again (held_clocks.py), which each
        # preview's frame must not repeat.
        self._placed: dict[tuple, HeldCamera] = {}

    def rows(self, store: Store, name: str, start_us: int,
             end_us: int) -> list[FileRow] | None:
        """The copies of [start, end) of the camera `name` (preview_name's) means; None when
        `name` is a camera's own name."""
        camera, mark, folder = name.partition(MARK)
        if not mark:
            return None
        found = self._placement(folder)
        if found is None:
            return []
        hold, placement = found
        held = placement.camera(camera, store.names.current)
        if held is None:
            return []
        held = self._placed_now(store, hold, held, folder)
        # Ring files' recordings are left out, as usable_recordings leaves the card's out:
        # previews cannot read a byte range yet.
        return [r._replace(path=str(hold.path / r.path), camera=camera)
                for r in held.recordings if r.status in _READABLE and not r.ranged
                and overlaps(r, start_us, end_us)]

    def _placed_now(self, store: Store, hold: Hold, held: HeldCamera,
                    folder: str) -> HeldCamera:
        """`held` at the times its coverage shows: by its folder's clock now."""
        sources = store.sources()
        # a source's camera too: renamed, a former name's copies are placed by its folder
        key = (folder, held.camera, self._read[folder][0],
               tuple((s.root, s.camera, s.tz, s.clock_offset_s) for s in sources))
        with self._lock:
            kept = self._placed.get(key)
        if kept is None:
            try:
                kept = placed_now(sources, hold.path, held, store.names.current)
            except HoldError:
                kept = held   # one a new zone cannot place: not cut either (held_clocks.py)
            with self._lock:
                self._placed = {k: v for k, v in self._placed.items() if k[:2] != key[:2]}
                self._placed[key] = kept
        return kept

    def _placement(self, folder: str) -> tuple[Hold, Placement] | None:
        try:
            st = os.stat(self._home / HOLDS / folder / RECORD)
        except (OSError, ValueError):
            return None   # deleted since (the page shows the recordings again next time)
        stamp = (st.st_mtime_ns, st.st_size)
        with self._lock:
            kept = self._read.get(folder)
        if kept is None or kept[0] != stamp:
            hold = usable_hold(self._home, folder)
            kept = (stamp, hold, held_placement(hold))
            with self._lock:
                self._read[folder] = kept
        _, hold, placement = kept
        return None if hold is None or placement is None else (hold, placement)
