"""A recorder camera's window as local files, for an export or a hold.

Only the window is asked for (rounded out to whole seconds, the devices' unit): the device's
download-by-time starts at the keyframe before it (at most one GOP more), and where the window
covers a whole recording the device sends the recording as it stored it. Each piece is hashed
as it arrives (agent.recorders.fetch). What each vendor is asked (docs/recorders.md):

- Reolink NVR: `NvrDownload` of the window (the device cuts it), then `Download` of the file;
- Dahua: `RPC_Loadfile` of a whole recording, `loadfile.cgi startLoad` of a part;
- Hikvision: `ContentMgmt/download` of the playbackURI, narrowed to the window for a part.

When a piece starts: a whole recording at the recording's start; a piece the device cut at the
instant asked for, which its MP4 edit list shows first (the frames before it, back to the
keyframe, are the lead-in the edit list hides; the cutter and the gate count them as earlier).
A cut piece whose file has no edit list does not say where it starts, so the whole recording
is fetched instead: more bytes, never a wrong time.

For an export the pieces get an index of their own (a temporary Store whose one source is the
download folder), so the export plans, cuts and gates them as any local recording and never
knows they came from a recorder. The window and its pieces, their rows and provenance's
`recorder` section, are in window_pieces.py.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import threading
from pathlib import Path
from typing import Callable, Iterator

from agent.callbacks import call_safely
from agent.index.clock_change import another_clock, placed_ends, times_shared
from agent.index.mirror import Connect, applied_offset, kept_rows
from agent.index.mirrored_rows import Matched, Mirrored, match
from agent.index.recorder_book import RECORDER_LAYOUT
from agent.index.recorder_identity import check_same
from agent.index.store import Store
from agent.index.window_pieces import Piece, RecorderWindow, piece_rows
from agent.media.edit_list import shown_start_us
from agent.os_words import plain_home_error
from agent.recorders.model import FetchCancelled, RecorderError, WholeOnly
from agent.storage import remove_stale_partials, safe_name
from agent.timebase import US

CACHE = Path("cache") / "recorders"
Progress = Callable[[str, float], None]


def is_remote(store: Store, camera: str) -> bool:
    """True when a camera is a recorder's channel (its footage is fetched first)."""
    return store.recorders.channel_of(camera) is not None


def download(store: Store, camera: str, start_us: int, end_us: int, folder: Path,
             connect: Connect, progress: Progress | None = None,
             cancel: threading.Event | None = None, whole_ok: bool = True) -> RecorderWindow:
    """Fetch [start, end) (true time) of a recorder camera into `folder`, one piece at a time.
    With `whole_ok` False (a preview) a recording the device can send only whole is not
    fetched: WholeOnly is raised."""
    found = store.recorders.channel_of(camera)
    if found is None:
        raise RecorderError(f"'{camera}' is not a camera of a recorder on the network")
    rec, key = found
    channel = int(key)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise _not_kept(exc, folder) from None
    call_safely(progress, "asking the recorder", 0.0)
    source = store.source(rec.url)
    kept = kept_rows(store, rec.source_id, key, source.clock_offset_s if source else None)
    recorder = connect(rec)
    try:
        info = recorder.info()
        check_same(rec, info)   # nothing asked of another device at its address
        clock = recorder.clock()
        offset = applied_offset(clock, source.clock_offset_s if source else None)
        first, last = start_us // US * US, -(-end_us // US) * US   # whole seconds: the devices'
        # Each recording is asked for by the clock it recorded under (mirror.kept_rows): one
        # put right since then wrote its times by another offset than it has now.
        shifts = _shifts_over(kept, first, last) | {round(offset * US)}
        current = round(offset * US)
        # Each is its mirrored row by the device's reference to it (mirrored_rows.match), in
        # the order the device listed them, as a refresh matched them.
        matched = match(rec.url, key, recorder.search(channel, first + min(shifts),
                                                      last + max(shifts)), kept)
        matched.sort(key=lambda m: m.recording.start_us)
        placed = [(m.recording, m.shift(current)) for m in matched]
        others = placed   # every recording found, each with the clock it recorded under
        ends = _ends(matched, placed, current)
        # Each recording is asked for by its own clock, so a window spanning a moment the
        # clock was put right is served too, each side by the clock that timed it.
        placed = sorted(((r, shift, end) for (r, shift), end in zip(placed, ends)
                         if end is not None and end > start_us and r.start_us - shift < end_us),
                        key=lambda p: p[0].start_us - p[1])   # in true time
        shifts = {shift for _, shift, _ in placed}
        if len(shifts) == 1:
            offset = next(iter(shifts)) / US
        pieces = []
        for n, (recording, shift, true_end_us) in enumerate(placed):
            if cancel is not None and cancel.is_set():
                raise FetchCancelled("the download from the recorder was cancelled")
            call_safely(progress, "downloading from the recorder", n / len(placed))
            dev_s, dev_e = first + shift, last + shift
            if true_end_us != recording.end_us - shift:   # the clock put right inside it
                # Its times jump where the clock was put right: no part of it is named by
                # them, so it comes whole, placed by its start; its frames time the rest.
                if not whole_ok:
                    raise WholeOnly()
                got = recorder.fetch(recording, recording.start_us, recording.end_us, folder,
                                     cancel=cancel)
                pieces.append(Piece(got, recording.start_us - shift, true_end_us,
                                    recording.start_us - shift, True,
                                    recording.start.ambiguous or got.ambiguous, shift))
                continue
            # Times another clock's recording has too (the clock was put back since one of
            # them) would name either: it is asked for by its name.
            shared = times_shared(recording, shift, dev_s, dev_e, others)
            got = recorder.fetch(recording, dev_s, dev_e, folder, whole_ok=whole_ok,
                                 cancel=cancel, by_name=shared)
            whole = got.start_us <= recording.start_us
            lead = None if whole else shown_start_us(got.path)
            if not whole and lead is None:   # the piece does not say where it starts
                got.path.unlink(missing_ok=True)
                if not whole_ok:
                    raise WholeOnly()
                got = recorder.fetch(recording, recording.start_us, recording.end_us, folder,
                                     cancel=cancel)
                whole = True
            start = (recording.start_us if whole else got.start_us) - shift
            pieces.append(Piece(got, start, got.end_us - shift, start - (lead or 0), whole,
                                recording.start.ambiguous or got.ambiguous, shift))
        call_safely(progress, "downloading from the recorder", 1.0)
    except OSError as exc:   # the pieces' own disk (a recorder's failures are RecorderError)
        raise _not_kept(exc, folder) from None
    finally:
        recorder.close()
    name = next((c.name for c in info.channels if c.id == channel), "")
    return RecorderWindow(camera, rec, info, channel, name, clock, offset, start_us, end_us,
                          tuple(pieces))


def _ends(matched: list[Matched], placed: list, current: int) -> list[int | None]:
    """Where each recording found ends (clock_change.placed_ends); one mirrored by an earlier
    clock ends where its row does when that is sooner: the refresh saw the recordings after
    it, which a window's search may not have."""
    ends = placed_ends(placed, current)
    for i, (m, (_r, shift)) in enumerate(zip(matched, placed)):
        row_end = None if m.row is None else m.row.end_us
        if another_clock(shift, current) and ends[i] is not None and row_end is not None \
                and row_end < ends[i]:
            ends[i] = row_end
    return ends


def _shifts_over(kept: list[Mirrored], first: int, last: int) -> set[int]:
    """The clock offsets the mirrored recordings overlapping [first, last) were placed by."""
    return {r.shift_us for r in kept
            if r.start_us is not None and r.end_us is not None and r.end_us > first
            and r.start_us < last}


class DownloadNotKept(RecorderError):
    """What came from the recorder could not be written here (the home's disk full, say);
    nothing of it is kept."""


def _not_kept(exc: OSError, folder: Path) -> DownloadNotKept:
    """The download stopped by the disk, in plain words naming the folder the owner knows:
    the one holding the hidden folder being built (a window's or a hold's), never that."""
    shown = folder
    for above in (folder, *folder.parents):
        if ".partial-" in above.name:
            shown = above.parent
    return DownloadNotKept("the download from the recorder stopped: "
                           + plain_home_error(exc, str(shown)))


@contextlib.contextmanager
def local_window(home: Path, store: Store, camera: str, start_us: int, end_us: int,
                 connect: Connect, progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> Iterator[tuple[Store, dict | None]]:
    """The index an export of [start, end) of `camera` should plan from, and provenance to add.

    A folder's camera: the index itself, nothing to add. A recorder's camera: its window is
    downloaded into `<home>/cache/recorders/`, indexed on its own, and removed afterwards
    (success, failure or cancel). A process killed meanwhile leaves a hidden `.window-*.partial-*`
    folder there, removed by the next download or the home's tidy once it is a day old."""
    if not is_remote(store, camera):
        yield store, None
        return
    cache = Path(home) / CACHE
    cache.mkdir(parents=True, exist_ok=True, mode=0o700)
    remove_stale_partials(cache)
    folder = cache / f".window-{safe_name(camera)}.partial-{os.urandom(4).hex()}"
    try:
        window = download(store, camera, start_us, end_us, folder / "pieces", connect,
                          progress, cancel)
        local = Store(folder / "window.db")
        try:
            source = local.add_source(str(folder / "pieces"), camera, window.clock.zone,
                                      RECORDER_LAYOUT, window.offset_s, explicit=False)
            local.upsert(piece_rows(source.id, source.camera, window))
            yield local, {"recorder": window.record()}
        finally:
            local.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
