"""A request's camera cut from its hold when its recordings are no longer as they were held.

An approval's cut reads the recordings themselves while the index still lists every recording
the hold copied for the approved window, as it was then (same size, same modification time;
one still being written may have grown; a recorder's, and one inside a ring file, whose index
rows are stamped anew as they are read again, by its times and size, the ring's asked of its
card's index by the clock it was held under; on a card keeping local times, a time a clock change moved by an hour, when the
file still reads as indexed: index/local_times.py), and each of its files is still there so. Otherwise
(a recorder's ring wrote over them, the owner's cleanup deleted them, a recorder on the network
no longer lists them) it reads the hold's copies: their hashes are checked against the hold's
manifest first, and they get an index of their own, as a recorder's downloaded window does
(agent/index/remote_window.local_window), placed by their folder's clock as it is now
(held_clocks.py), so the export plans, cuts and gates them as any recording.
provenance.json's `hold` section says so (docs/package-format.md).
"""
from __future__ import annotations

import contextlib
import os
import shutil
import threading
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Iterator

from agent.index.changed import same_recording
from agent.index.coverage import Coverage, coverage
from agent.index.mirror import Connect
from agent.index.recorder_book import RECORDER_LAYOUT
from agent.index.local_times import LocalTimeDisks
from agent.index.remote_window import Progress, local_window
from agent.index.ring_files import INDEX_NAMES, SQLITE_INDEX
from agent.index.rows import FileRow
from agent.index.store import Store
from agent.os_words import plain_home_error
from agent.requests.held_clocks import clock_changed, placed_now, reach_us, ring_as_held
from agent.requests.hold_placement import HeldCamera, Placement, grown_into
from agent.requests.holds import Hold, HoldError, read_hold
from agent.storage import remove_stale_partials, safe_name
from agent.timebase import format_utc
from frp.bagview import file_sha256

CACHE = Path("cache") / "holds"
RING_INDEX = (*INDEX_NAMES, SQLITE_INDEX)


def usable_hold(home: Path, folder: str, request: tuple[str, str] | None = None) -> Hold | None:
    """The request's hold, or None when there is none or its record cannot be used, another
    request's too (`request`: its id and agency; the request's page says so; its recordings
    are cut then, as without a hold)."""
    try:
        return read_hold(home, folder, request)
    except HoldError:
        return None


def held_placement(hold: Hold | None) -> Placement | None:
    """What the hold's record says of where its copies lie (read with it: Hold.placement);
    None without a hold, for one made before holds recorded it, or one whose placement is
    damaged: its copies are then never cut, the recordings are, as before holds were."""
    return None if hold is None else hold.placement


def overlaps(row: FileRow, start_us: int, end_us: int) -> bool:
    """Whether `row` holds any of [start, end) (one whose end is not known: from its start on)."""
    return (row.start_us is not None and row.start_us < end_us
            and (row.end_us is None or row.end_us > start_us))


def originals_changed(store: Store, held: HeldCamera, start_us: int, end_us: int,
                      now_placed: HeldCamera | None = None) -> list[str]:
    """The recordings the hold copied for [start, end) that the index no longer lists as they
    were held, or whose file is gone or changed since: empty when the originals can be cut.
    A folder's clock offset or zone changed since re-times its rows, not its recordings: the
    index is asked around the window as far as that moves them (held_clocks.reach_us), and
    which of them the window needs is told by their copies' times by the clock now
    (`now_placed`: held_clocks.placed_now's `held`)."""
    sources = {s.id: s for s in store.sources()}
    reach = reach_us(list(sources.values()), held, store.names.current)
    now = {(r.path, r.byte_start): r
           for r in store.files(held.camera, start_us - reach, end_us + reach)}
    out, local = [], LocalTimeDisks()
    placed = now_placed.recordings if now_placed and held.recorder is None else ()
    for n, was in enumerate(held.indexed):
        if not overlaps(placed[n] if n < len(placed) else was, start_us, end_us):
            continue
        row = now.get((was.path, was.byte_start))
        if row is not None and row.ranged:
            # A ring file's rows take its card index's modification time, which changes with
            # every recording the camera adds: the recording itself is compared, and asked of
            # the card's index as it is now, read by the clock it was held under, as a cut does.
            clock = (held.clock_of(held.recordings[n].path) if n < len(held.recordings)
                     else (held.zone, held.clock_offset_s))
            if not ring_as_held(row, was, clock):
                out.append(was.path)
            continue
        if row is not None and row.status == "remote":
            # On the recorder: its listing is the index's, each row stamped when it was
            # mirrored, so the recording itself is compared.
            if (row.start_us, row.end_us, row.size) != (was.start_us, was.end_us, was.size):
                out.append(was.path)
            continue
        if row is None or not same_recording(_at(was, row), row.size, row.mtime_ns, sources,
                                             local):
            out.append(was.path)
            continue
        try:
            st = os.stat(row.path)
        except OSError:
            out.append(was.path)
            continue
        if not same_recording(_at(was, row), st.st_size, st.st_mtime_ns, sources, local):
            out.append(was.path)
    return out


def _at(was: FileRow, row: FileRow) -> FileRow:
    """The row held (`was`), where the index lists its file now (`row`)."""
    return was._replace(source_id=row.source_id, path=row.path)


def from_hold(store: Store, hold: Hold | None, camera: str, start_us: int,
              end_us: int) -> tuple[Placement, HeldCamera] | None:
    """The hold's placement and camera when [start, end) of `camera` is to be cut from the
    hold (its originals are gone or changed); None when its recordings are cut. The camera's
    copies are placed by their folder's clock as it is now (held_clocks.placed_now)."""
    placement = held_placement(hold)
    held = placement.camera(camera, store.names.current) if placement else None
    if held is None:
        return None
    now = placed_now(store.sources(), hold.path, held, store.names.current)
    if not any(overlaps(r, start_us, end_us) for r in now.recordings):
        return None
    if not originals_changed(store, held, start_us, end_us, now):
        return None
    return placement, now


def left_out(store: Store, held: HeldCamera, start_us: int, end_us: int) -> list[FileRow]:
    """The camera's recordings in [start, end) on disk now that a cut from the hold leaves
    out: written after the hold was made (or not yet indexed then), or still being written
    then and grown since into the window (its copy holds only what it had: grown_into). The cut reads one index of one
    folder, the copies', so these are not in the clip: provenance's `hold` and the owner's
    question before approving say so."""
    was = {(r.path, r.byte_start): r for r in held.indexed}
    out = []
    for row in store.files(held.camera, start_us, end_us):
        if row.status not in ("ok", "in-progress"):
            continue
        then = was.get((row.path, row.byte_start))
        if then is None or grown_into(then, row, end_us):
            out.append(row)
    return out


def held_coverage(store: Store, hold: Hold | None, camera: str, start_us: int,
                  end_us: int) -> Coverage | None:
    """What of [start, end) of `camera` an approval would cut from the hold (`held` set), or
    None when it would cut the recordings: the request's page shows that, not the recordings
    that are gone. HoldError for a copy its folder's new zone cannot place (held_clocks.py)."""
    found = from_hold(store, hold, camera, start_us, end_us)
    if found is None:
        return None
    rows = [r._replace(path=str(hold.path / r.path), camera=camera)
            for r in found[1].recordings]
    return replace(coverage(camera, rows, start_us, end_us), held=True,
                   left_out=tuple(left_out(store, found[1], start_us, end_us)))


@contextlib.contextmanager
def cut_window(home: Path, store: Store, camera: str, start_us: int, end_us: int,
               connect: Connect, hold: Hold | None, progress: Progress | None = None,
               cancel: threading.Event | None = None) -> Iterator[tuple[Store, dict | None]]:
    """local_window, or the hold's copies when the originals are no longer as they were held:
    the index an approval's cut of `camera` plans from, and provenance to add."""
    found = from_hold(store, hold, camera, start_us, end_us)
    if found is None:
        with local_window(home, store, camera, start_us, end_us, connect, progress,
                          cancel) as got:
            yield got
        return
    placement, held = found
    copies = _checked_copies(hold, held, start_us, end_us)
    cache = Path(home) / CACHE
    cache.mkdir(parents=True, exist_ok=True, mode=0o700)
    remove_stale_partials(cache)
    work = cache / f".window-{safe_name(camera)}.partial-{os.urandom(4).hex()}"
    work.mkdir(mode=0o700)
    try:
        local = Store(work / "window.db")
        try:
            name, sources = _clock_sources(local, hold.path, held, camera)
            local.upsert(_rows(sources, name, hold.path, held))
            yield local, {"hold": hold_record(placement, held, copies, hold,
                                              left_out(store, held, start_us, end_us))}
        finally:
            local.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _clock_sources(local: Store, folder: Path, held: HeldCamera,
                   camera: str) -> tuple[str, dict[tuple[str, float], int]]:
    """The copies' folder as a recordings folder of `camera` in `local` once for each clock
    its copies were placed by (the camera's; one a copy added after the folder's clock was
    changed has: held.clock_of), so that a ring file's recordings are checked, and provenance's
    `clock` names them, by their own: the camera's name in `local`, and each source's id by
    (zone, clock offset)."""
    layout = (RECORDER_LAYOUT if held.recorder is not None   # as local_window's
              else next((r.layout for r in held.recordings if r.layout), "hold"))
    clocks = dict.fromkeys([(held.zone, held.clock_offset_s),
                            *(held.clock_of(r.path) for r in held.recordings)])
    # An index keeps one source per folder name: the same folder, spelt with a "." more
    # for each clock past the first (every path reads it as the folder itself).
    sources = [local.add_source(os.path.join(str(folder), *["."] * n), camera, zone, layout,
                                offset, explicit=False) for n, (zone, offset) in enumerate(clocks)]
    return sources[0].camera, {clock: s.id for clock, s in zip(clocks, sources)}


def _rows(sources: dict[tuple[str, float], int], camera: str, folder: Path,
          held: HeldCamera) -> list[FileRow]:
    """The held rows as rows of the copies, each of the source of the clock it was placed by
    (_clock_sources), named `camera`: their size and modification time as they are now (their
    bytes were just checked against the manifest)."""
    out = []
    for r in held.recordings:
        path = folder / r.path
        try:
            st = os.stat(path)
        except OSError:
            continue   # a copy of a recording outside the window, checked by none
        out.append(r._replace(source_id=sources[held.clock_of(r.path)], path=str(path),
                              camera=camera, size=st.st_size, mtime_ns=st.st_mtime_ns))
    return out


def _checked_copies(hold: Hold, held: HeldCamera, start_us: int, end_us: int) -> list:
    """The hold's files the window reads, each hashed again against the manifest: HoldError
    naming the first one that is gone or changed since it was copied."""
    wanted = {r.path for r in held.recordings if overlaps(r, start_us, end_us)}
    rings = {str(PurePosixPath(r.path).parent) for r in held.recordings
             if r.ranged and r.path in wanted}
    # and a ring folder's index, which the cut reads too
    files = [f for f in hold.files if f.name in wanted
             or (PurePosixPath(f.name).name in RING_INDEX
                 and str(PurePosixPath(f.name).parent) in rings)]
    for f in files:
        path = hold.path / f.name
        try:
            digest, size = file_sha256(path)
        except OSError as exc:
            raise HoldError(f"the safe copy of {held.camera} cannot be read: "
                            + plain_home_error(exc, str(path))) from None
        if (digest, size) != (f.sha256, f.size):
            raise HoldError(f"the safe copy {path} changed since it was made (its SHA-256 is "
                            "no longer the one its manifest lists), and the recording it was "
                            f"copied from is gone or changed too, so nothing of {held.camera} "
                            "was sent: approve it again without that camera, or decline it")
    return files


def hold_record(placement: Placement, held: HeldCamera, copies: list, hold: Hold,
                missed: list[FileRow] = ()) -> dict:
    """provenance.json's `hold` section: the footage was cut from the owner's safe copy, when
    it was made, each copy's hashes and its original's, and the recordings on disk it left
    out (`missed`: left_out's)."""
    originals = dict(held.originals)
    record = {
        "made": placement.made,
        "window": placement.window,
        "why": "the recordings this clip needs were gone from their recordings folder (or "
               "from the recorder), or changed, since the owner put the request's footage on "
               "hold, so the clip was cut from the copies made then",
        "copies": [{
            "file": f.name, "sha256": f.sha256, "size": f.size,
            "original": ({"path": originals[f.name], "sha256": f.sha256, "size": f.size}
                         if f.name in originals else None)}
            for f in copies],
        "note": "each copy was hashed as it was read from its original, so an original's "
                "sha256 and size are those of the bytes it held then; `file` is the copy's "
                "name in the safe copy, as in `sources`",
    }
    if held.recorder is not None:
        record["recorder"] = held.recorder
    used = {f.name for f in copies}
    added = [{"at": at, "files": [n for n in names if n in used],
              # a recorder's recordings listed since, downloaded then (hold_downloads.py)
              **({"recorder": recorders[held.camera]} if held.camera in recorders else {})}
             for at, names, recorders in placement.added if used.intersection(names)]
    if added:   # copied into the safe copy after it was made (hold_top_up.py)
        record["added"] = added
    changed = clock_changed(held, used)
    if changed:   # the folder's clock corrected since the copies were made (held_clocks.py)
        record["clock_changed"] = changed
    if missed:
        record["left_out"] = {
            "recordings": [{"start": format_utc(r.start_us),
                            "end": None if r.end_us is None else format_utc(r.end_us)}
                           for r in missed],
            "note": "recordings of this camera in the approved window that the safe copy does "
                    "not hold (made, or still being written, after it was made) were still on "
                    "the owner's computer when this clip was cut and are not in it: the clip "
                    "holds only the safe copy's footage"}
    return record
