"""A request's safe copy made, or added to when recordings of its window were indexed since.

A hold copies the recordings indexed when it is made. A recorder that closes its last file of
the window later (a file still being written then, copied as far as it went; a NAS that syncs
a camera's card every hour) leaves the copy short, and a cut from it leaves those out. Holding
the request again copies what its record's `indexed` does not list (or lists still being
written, grown since) into the same hold: nothing it holds is moved, renamed or written over;
the new copies get names of their own, and the record (`hold.json`, its manifest with it) is
written anew whole, with the new copies added to `files` and `placed`, `made` kept, and the
time and names of each addition in `added`. The copies are made in a hidden folder beside the
hold first, so a full disk or a stop leaves the hold as it was.

One hold of a request at a time (`locks/<folder>.hold.lock`): the app's poll thread, the app's
button and a terminal's `inbox hold` would otherwise copy the window twice, and a second
record written whole would drop the first's additions. And one hold of any request copying at
a time (hold_room.room_turn), so each checks the room the other's copies left.

Only the owner adds (the request's page, `inbox hold`), even with "keep a safe copy" on: a
scan finding a recording of the window still being written would copy it whole again each
time it grows (a recorder's hour-long file, every few minutes), and copying takes minutes the
watcher's thread cannot spend. Done on its own it would have to wait for a recording to close,
on a thread of its own, quiet when the owner is adding at once: the page and `inbox show` say
how many recordings the copy lacks instead (desk.hold_missing). A recorder's camera is added
to with a download of the stretch its recordings listed since cover, recorded as its own
download with the addition (hold_downloads.py).
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import threading
import time
from dataclasses import asdict, replace as changed
from pathlib import Path

from agent.index.local_times import LocalTimeDisks
from agent.index.mirror import Connect
from agent.index.store import Store
from agent.os_words import plain_home_error
from agent.index.remote_window import FetchCancelled
from agent.recorders.model import RecorderError
from agent.callbacks import call_safely
from agent.requests.hold_copies import (HOLD_DOWNLOADING, HOLD_WAITING, CopyCancelled,
                                        HeldFile, copy_recordings, gone_record,
                                        gone_recordings, still_indexed, window_rows)
from agent.requests.hold_downloads import (RecorderUnreachable, download_missing, held_files,
                                           placed_downloads)
from agent.requests.hold_moving_in import move_in, remove_copies, taken_names
from agent.requests.hold_placement import grown_into, local_placement, read_placement
from agent.requests.hold_room import copy_problem, room_turn
from agent.requests.holds import (MANIFEST, RECORD, RECORD_LIMIT, Hold, HoldCancelled,
                                  HoldError, hold_path, make_hold, read_hold, read_record)
from agent.file_locks import Busy, FileLock, open_lock
from agent.storage import read_file_start, remove_stale_partials, write_atomic
from agent.timebase import US, format_utc

LOCKS = "locks"
EARLIER_VERSION = ("it was made by an earlier version of footage-agent, which did not record "
                   "which recordings it copied")
NOT_AS_WRITTEN = "its record of where its copies lie in time is not as footage-agent writes it"


def hold_window(home: Path, store: Store, folder: str, start_us: int, end_us: int,
                cameras: tuple[str, ...] = (), request_id: str | None = None,
                cancel: threading.Event | None = None, connect: Connect | None = None,
                agency: str | None = None, progress=None) -> Hold:
    """make_hold, or, for a hold made already, top_up: the hold as it stands after it
    (HoldError for a hold of another request: holds.read_hold). `progress(stage, fraction)`,
    a job's, is told when it waits for another request's copy (HOLD_WAITING) and how far its
    own got (hold_copies)."""
    with one_at_a_time(Path(home), folder):
        existing = read_hold(home, folder, None if request_id is None or agency is None
                             else (request_id, agency))
        if existing is not None and existing.placement is not None and not missing_rows(
                store, existing, start_us, end_us, cameras):
            # nothing to add: no waiting for another request's hold to finish copying
            return changed(existing, kept=True)
        with _room_turn(Path(home), cancel, lambda: call_safely(progress, HOLD_WAITING, 0.0)):
            if existing is None:
                return make_hold(home, store, folder, start_us, end_us, cameras, request_id,
                                 cancel, connect, agency, progress)
            return top_up(home, store, existing, start_us, end_us, cameras, cancel, connect,
                          progress)


@contextlib.contextmanager
def _room_turn(home: Path, cancel: threading.Event | None, waiting=None):
    """hold_room.room_turn, its failures said as a hold's."""
    turn = contextlib.ExitStack()
    try:
        turn.enter_context(room_turn(home, cancel, waiting))
    except CopyCancelled:
        raise HoldCancelled("the hold was cancelled; nothing was kept") from None
    except OSError as exc:
        raise HoldError("the safe copy could not be started: "
                        + plain_home_error(exc, str(home / LOCKS))) from None
    with turn:
        yield


@contextlib.contextmanager
def one_at_a_time(home: Path, folder: str):
    """`with one_at_a_time(home, folder):` the request's hold made, added to or deleted by
    this footage-agent alone; HoldError when another does it now."""
    hold_path(home, folder)   # a folder name that is none is refused before any file is made
    try:
        (home / LOCKS).mkdir(mode=0o700, exist_ok=True)
        fd = open_lock(home / LOCKS / f"{folder}.hold.lock")
    except OSError as exc:
        raise HoldError("the safe copy could not be started: "
                        + plain_home_error(exc, str(home / LOCKS))) from None
    try:
        with FileLock(fd, wait=False):
            yield
    except Busy:
        raise HoldError("this request's safe copy is being made by another footage-agent (the "
                        "app, `footage-agent run` or a command in a terminal); wait for it to "
                        "finish") from None
    finally:
        os.close(fd)


def missing_rows(store: Store, hold: Hold, start_us: int, end_us: int,
                 cameras: tuple[str, ...] = ()) -> list:
    """The index's recordings of the window on this PC that the hold does not hold: not in its
    `indexed` (indexed after it was made), or held while still being written and grown since
    into the window (its copy holds only what it had then: hold_placement.grown_into), and
    still in its folder. A recorder's are those it listed since (hold_downloads.py)."""
    was = {(r.path, r.byte_start): r for c in hold.placement.cameras for r in c.indexed}
    out, sources, local = [], {s.id: s for s in store.sources()}, LocalTimeDisks()
    for row in window_rows(store, start_us, end_us, cameras):   # each of a ring file's
        then = was.get((row.path, row.byte_start))
        if row.status == "remote":   # the recorder lists a recording once it closed it
            if then is None:
                out.append(row)
            continue
        # one deleted or recorded over since the scan (a recorder making room) is none to
        # add: passed over
        if (then is None or grown_into(then, row, end_us)) and (
                row.ranged or still_indexed(row, sources, local)):
            out.append(row)
    return out


def top_up(home: Path, store: Store, hold: Hold, start_us: int, end_us: int,
           cameras: tuple[str, ...] = (), cancel: threading.Event | None = None,
           connect: Connect | None = None, progress=None) -> Hold:
    """Copy into `hold` the window's recordings it does not hold (missing_rows), a recorder's
    downloaded (hold_downloads.py); the hold as it stands then, `added` naming the new copies
    (none: the hold is left untouched). `progress` as make_hold's."""
    if hold.placement is None:
        raise HoldError(_not_added_to(hold.path))
    rows, seen, missing = [], set(), missing_rows(store, hold, start_us, end_us, cameras)
    for row in missing:
        if row.path not in seen:   # a file copied once, whole, however many of its
            seen.add(row.path)     # recordings are new (a ring file's)
            rows.append(row)
    if not rows:
        return changed(hold, kept=True)
    taken = taken_names(hold)   # the check weighs the names the copies get (`name-2.mp4`)
    problem = copy_problem(Path(home), store, rows, start_us, end_us, hold.path.name,
                           taken)
    if problem:
        raise HoldError(problem)
    staging = hold.path.with_name(f".{hold.path.name}.partial-{os.urandom(4).hex()}")
    remove_stale_partials(hold.path.parent)
    moved: list[Path] = []
    try:
        staging.mkdir(mode=0o700)
        gone: list = []
        local_rows = [r for r in rows if r.status != "remote"]
        added = copy_recordings(local_rows, staging, cancel, taken=taken, gone=gone,
                                sources={s.id: s for s in store.sources()}, progress=progress)
        if len(local_rows) < len(rows):   # a recorder's
            call_safely(progress, HOLD_DOWNLOADING, 0.0)
        missed, passed = {r.path for r in gone}, hold.gone + gone_recordings(gone)
        local = [r for r in missing if r.status != "remote" and r.path not in missed]
        windows = download_missing(store, [r for r in missing if r.status == "remote"],
                                   staging, start_us, end_us, connect, cancel, taken)
        placed = local_placement(local, added, store.sources())
        placed.update(placed_downloads(windows, missing))
        added += held_files(windows)
        if not added:   # the recorder sent nothing of the window it lists now, or the
            if gone:    # recordings were gone: recorded, for the request's page to say
                doc = read_record(hold.path)
                doc["gone"] = gone_record(passed)
                _write_record(hold.path, doc)
            return changed(hold, kept=True, gone=passed)
        moved = move_in(added, staging, hold.path)
        doc = _record_with(hold, added, placed, store,
                           {w.camera: w.record() for w, _ in windows})
        if passed:
            doc["gone"] = gone_record(passed)
        _write_record(hold.path, doc)
    except RecorderUnreachable:
        raise HoldError("recorders on the network cannot be reached from here") from None
    except RecorderError as exc:
        raise HoldError("the recorder's footage could not be added to the safe copy, which "
                        f"holds what it held before: {exc}") from None
    except (CopyCancelled, FetchCancelled):
        remove_copies(moved)
        raise HoldCancelled("adding to the safe copy was cancelled; it holds what it held "
                            "before") from None
    except OSError as exc:
        remove_copies(moved)
        named = exc.filename is not None and not str(exc.filename).startswith(
            (str(staging), str(hold.path)))
        raise HoldError("the recordings could not be added to the safe copy, which holds what "
                        "it held before: " + plain_home_error(
                            exc, None if named else str(hold.path.parent))) from None
    except (ValueError, RecursionError, KeyError, TypeError, AttributeError):
        remove_copies(moved)   # its record edited by hand since it was read: left as it is
        raise HoldError(_not_added_to(hold.path)) from None
    except BaseException:
        remove_copies(moved)
        raise
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return Hold(hold.path, hold.files + tuple(added), read_placement(doc), kept=True,
                added=tuple(added), gone=passed)


def _not_added_to(path: Path) -> str:
    """Why nothing is added to a hold whose record does not say what it copied."""
    try:
        placed = "placed" in read_record(path)
    except (OSError, ValueError, RecursionError, TypeError):
        placed = True
    why = (NOT_AS_WRITTEN if placed else EARLIER_VERSION)
    return (f"nothing can be added to the safe copy in {path} ({why}); the copies of your "
            "recordings in that folder are kept as they are. To make the safe copy again, move "
            "that folder out of footage-agent's folder first (keep it)")


def _record_with(hold: Hold, added: list[HeldFile], placed: dict, store: Store,
                 recorders: dict) -> dict:
    """The hold's record as it is on disk, with the new copies added to `files`, `placed` and
    `added`: everything it said before is kept as it was. A new copy places only the recordings
    it was made for (`placed`: local_placement of those missing): a ring file copied again
    holds those the hold held already too, which placed twice would be two recordings of the
    same seconds, a cut reading them from the later copy. A recorder's download (`recorders`,
    by camera) is recorded with the addition, each piece's row keeping its own clock."""
    doc = read_record(hold.path)
    doc["files"] = list(doc["files"]) + [asdict(f) for f in added]
    current = store.names.current
    for camera, new in placed.items():
        at = next((name for name in doc["placed"]
                   if (current(name) or name) == (current(camera) or camera)), None)
        if at is None:
            doc["placed"][camera] = new
            continue
        was = doc["placed"][at]
        if camera in recorders:   # named in the addition as placed: its key in `placed`
            recorders[at] = recorders.pop(camera)
        clock = {"zone": new["zone"], "clock_offset_s": new["clock_offset_s"]}
        if "recorder" not in new and clock != {"zone": was["zone"],
                                               "clock_offset_s": was["clock_offset_s"]}:
            # its folder's zone or clock offset changed since the hold was made: the new copies
            # were placed by the clock they have now, which a cut and provenance say
            for record in new["recordings"]:
                record["clock"] = clock
        was["recordings"] = list(was["recordings"]) + new["recordings"]
        was["indexed"] = list(was["indexed"]) + new["indexed"]
        was["originals"] = {**was["originals"], **new["originals"]}
    doc["added"] = list(doc.get("added") or []) + [
        {"at": format_utc(int(time.time() * US)), "files": [f.name for f in added],
         **({"recorders": recorders} if recorders else {})}]
    return doc


def _write_record(hold: Path, doc: dict) -> None:
    """The manifest, then the record, each replaced whole; the manifest as it was put back when
    the record cannot be written (a power cut between leaves the manifest listing copies the
    record does not, which nothing reads as held). The manifest is read as the record is, an
    ordinary file no larger than a record (it lists less): a named pipe or a file of
    gigabytes there is no manifest to put back, and is replaced."""
    try:
        before = read_file_start(hold / MANIFEST, RECORD_LIMIT + 1)
    except OSError:
        before = None
    if before is not None and len(before) > RECORD_LIMIT:
        before = None
    manifest = "".join(f"{f['sha256']}  {f['name']}\n" for f in doc["files"])
    write_atomic(hold / MANIFEST, manifest.encode("utf-8"))
    try:
        write_atomic(hold / RECORD, json.dumps(doc, indent=2).encode("utf-8"))
    except BaseException:
        if before is not None:
            with contextlib.suppress(OSError):
                write_atomic(hold / MANIFEST, before)
        raise
