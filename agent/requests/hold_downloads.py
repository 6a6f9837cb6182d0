"""A recorder's recordings of a held window listed since the hold, downloaded into it.

A recorder lists a recording once it has closed it: a hold made while the window's last one was
still being recorded downloads what the recorder listed then. Holding the request again
downloads, as the first hold did (agent/index/remote_window.download), the stretch of the window
the recordings listed since cover, into a folder of its own beside the first download's (the
camera's folder name numbered, `-2`, `-3`, ...), so nothing held is moved or written over. Each
such download is one more record of what was asked of the recorder and under which of its
clocks (`added[].recorders` in hold.json, provenance's `hold.added[].recorder`): a copy is
always traced to the query that fetched it.
"""
from __future__ import annotations

import threading
from pathlib import Path

from agent.index.mirror import Connect
from agent.index.remote_window import download
from agent.index.store import Store
from agent.index.window_pieces import RecorderWindow
from agent.requests.hold_copies import HeldFile
from agent.requests.hold_names import unique_name
from agent.requests.hold_placement import remote_placement
from agent.storage import distinct_name


def download_missing(store: Store, rows: list, staging: Path, start_us: int, end_us: int,
                     connect: Connect | None, cancel: threading.Event | None,
                     taken: set[str]) -> list[tuple[RecorderWindow, str]]:
    """Download, for each recorder camera of `rows` (its `remote` rows the hold lacks), the
    stretch of [start, end) they cover into `staging`, in a folder named none of `taken`
    (lower case): each download and its folder's name."""
    cameras = list(dict.fromkeys(r.camera for r in rows))
    if cameras and connect is None:
        raise RecorderUnreachable()
    out = []
    for camera in cameras:
        mine = [r for r in rows if r.camera == camera]
        first = max(start_us, min(r.start_us for r in mine if r.start_us is not None))
        last = min(end_us, max(end_us if r.end_us is None else r.end_us for r in mine))
        if first >= last:
            continue
        folder = unique_name(distinct_name(camera), taken)
        out.append((download(store, camera, first, last, staging / folder, connect,
                             cancel=cancel), folder))
    return out


class RecorderUnreachable(Exception):
    """No way to reach a recorder from here (the caller has no connector)."""


def held_files(windows: list[tuple[RecorderWindow, str]]) -> list[HeldFile]:
    """The downloads' pieces as copies of the hold (their names under their folder)."""
    return [HeldFile(f"{w.source.url} channel {w.channel}", f"{folder}/{p.fetched.path.name}",
                     p.fetched.size, p.fetched.sha256)
            for w, folder in windows for p in w.pieces]


def placed_downloads(windows: list[tuple[RecorderWindow, str]], rows: list) -> dict:
    """hold.json's `placed` entries of the downloads, by camera: their pieces, and the
    recorder's rows (`rows`) each covered."""
    return {w.camera: remote_placement(w, [r for r in rows if r.camera == w.camera], folder)
            for w, folder in windows}
