"""Holds: "preserve first, decide later".

While the owner decides, a recorder's retention may overwrite the very files a request is about.
A hold copies the source files covering the request's window into `<home>/holds/<folder>/`,
hashing each while it is copied (hold_copies.py), and lists the hashes in `manifest-sha256.txt`
(the `sha256sum -c` format). Sources are only ever opened for reading. A recorder's camera is
downloaded into the hold (only the window, hashed as received: agent/index/remote_window.py),
and `hold.json` names the recorder and the queries made. A hold is deleted only when the owner
asks (the desk checks that the request has ended); nothing here deletes one on its own.
"""
from __future__ import annotations

import json
import os
import shutil
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from agent.callbacks import call_safely
from agent.export.hashed_files import write_hashed
from agent.index.mirror import Connect
from agent.index.remote_window import FetchCancelled, download
from agent.index.window_pieces import RecorderWindow
from agent.requests.hold_copies import (HOLD_DOWNLOADING, CopyCancelled,
                                        GoneRecording, HeldFile, copy_recordings, gone_record,
                                        gone_recordings, one_per_file, read_gone, window_rows)
from agent.requests.hold_names import inside_hold
from agent.requests.hold_room import copy_problem
from agent.requests.hold_placement import (Placement, listed_only, local_placement,
                                           read_placement, remote_placement)
from agent.index.store import Store
from agent.json_words import json_fault
from agent.os_words import plain_home_error, plain_os_error
from agent.recorders.model import RecorderError
from agent.storage import (distinct_name, fsync_dir, read_file_start, remove_stale_partials,
                           replace, sync_renamed_into)
from agent.timebase import US, format_utc

HOLDS = "holds"
MANIFEST = "manifest-sha256.txt"
RECORD = "hold.json"
# A record lists each copy in a few hundred bytes: thousands of copies stay far below this.
RECORD_LIMIT = 16 << 20


class HoldError(Exception):
    """A hold could not be made or removed; the message says why."""


class HoldCancelled(HoldError):
    """The owner stopped the copy; nothing was kept."""


class RecordTooLarge(ValueError):
    """A hold's record far larger than any the app writes (a recording put in its place)."""


def read_record(path: Path) -> dict:
    """The record (hold.json) of the hold in folder `path`, read only from an ordinary file
    and at most RECORD_LIMIT bytes: a sync tool or anyone who can write the home may leave a
    named pipe there (OSError, never waited on) or a huge file (RecordTooLarge, never read
    whole). ValueError for what is not JSON text."""
    raw = read_file_start(path / RECORD, RECORD_LIMIT + 1)
    if len(raw) > RECORD_LIMIT:
        raise RecordTooLarge(f"it is larger than any record of a safe copy (over "
                             f"{RECORD_LIMIT >> 20} MiB)")
    return json.loads(raw.decode("utf-8"))


@dataclass(frozen=True)
class Hold:
    """A finished hold folder and what it holds."""

    path: Path
    files: tuple[HeldFile, ...]
    # Where its copies lie in time, read with the record (hold_placement.py); None for a hold
    # made before holds recorded it, or one whose placement is damaged: its copies are then
    # never cut, its recordings are, as before holds recorded it.
    placement: Placement | None = None
    # Set by a hold of a request held already (hold_top_up.py): `kept`, it was there before;
    # `added`, the copies this hold added to it.
    kept: bool = False
    added: tuple[HeldFile, ...] = ()
    # The recordings of the window no longer there as their copy began, passed over
    # (hold_copies.copy_recordings): a recorder deleted them to make room. Its record lists
    # them (`gone`), so the request's page says which stretch the copy lacks when opened later.
    gone: tuple[GoneRecording, ...] = ()

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)


def hold_path(home: Path, folder: str) -> Path:
    """Where the hold of the request with this folder name lives."""
    if not folder or folder in (".", "..") or "/" in folder or "\\" in folder:
        raise HoldError(f"'{folder}' cannot be used as a hold folder name")
    return Path(home) / HOLDS / folder


def read_hold(home: Path, folder: str, request: tuple[str, str] | None = None) -> Hold | None:
    """The hold for this folder name, or None when there is none; `request` (its id and
    agency), HoldError when the hold's record names another request (another_request)."""
    path = hold_path(home, folder)
    try:
        doc = read_record(path)
        files = tuple(_held_file(f) for f in doc["files"])
        if request is not None:
            another_request(path, doc, *request)
        return Hold(path, files, listed_only(read_placement(doc), {f.name for f in files}),
                    gone=read_gone(doc))
    except FileNotFoundError:
        # A hold lands whole, its record with it (make_hold): its folder without one is a
        # hold whose record was deleted (by hand, a cleaner), its copies still there.
        if os.path.isdir(path):
            raise _damaged(path, "it is missing") from None
        return None
    except OSError as exc:
        raise HoldError("the hold record cannot be read: "
                        + plain_os_error(exc, str(path / RECORD))) from None
    except RecordTooLarge as exc:
        raise _damaged(path, str(exc)) from None
    except (ValueError, RecursionError) as exc:   # not text, or not JSON: cut short, zeroed
        raise _damaged(path, json_fault(exc)) from None
    except (KeyError, TypeError):   # JSON, but not a hold's record
        raise _damaged(path, "it does not list the copies") from None


def _held_file(record: dict) -> HeldFile:
    """A copy as hold.json lists it; TypeError for what is not one (a record edited by hand:
    a copy named outside the hold would have a cut read that file as its copy)."""
    held = HeldFile(**record)
    if not (inside_hold(held.name) and isinstance(held.source, str) and type(held.size) is int
            and isinstance(held.sha256, str)):
        raise TypeError("not a copy")
    return held


def another_request(path: Path, doc: dict, jti: str, iss: str) -> None:
    """HoldError when the record `doc` of the hold in `path` names a request other than `jti`
    of the agency `iss`. A folder name is unique among the inbox's requests only: an inbox
    moved aside (damaged) or put back from a backup lets another request (`_.._` after `..`,
    one id of another agency) get the folder of a hold kept for one no longer listed, whose
    window, cameras and copies are not its own. A hold made before holds named the agency
    (`agency` absent) is compared by its request's id alone; one naming none (`request`
    null, made outside the desk) is not compared."""
    held, agency = doc.get("request"), doc.get("agency")
    if (isinstance(held, str) and held != jti) or (isinstance(agency, str) and agency != iss):
        raise HoldError(f"the safe copy in {path} was made for another request, "
                        f"'{held}'; the copies of recordings in that folder are kept as they "
                        "are. To make this request's safe copy, move that folder out of "
                        "footage-agent's folder first (keep it)")


def _damaged(path: Path, why: str) -> HoldError:
    """The words for a hold whose record cannot be used. Its copies may be all that is left of
    the footage (the recorder may have overwritten it since), so nothing is copied over them:
    the owner moves the folder aside, keeping it, before a new hold is made."""
    return HoldError(f"the record of the safe copy in {path} is damaged ({why}); the copies of "
                     "your recordings in that folder are kept as they are. To make the safe copy "
                     "again, move that folder out of footage-agent's folder first (keep it)")


def make_hold(home: Path, store: Store, folder: str, start_us: int, end_us: int,
              cameras: tuple[str, ...] = (), request_id: str | None = None,
              cancel: threading.Event | None = None, connect: Connect | None = None,
              agency: str | None = None, progress=None) -> Hold:
    """Copy the recordings covering the window into the hold folder; an existing hold is kept
    (HoldError when it is another request's: read_hold). `request_id` and `agency` name the
    request in its record; `progress(stage, fraction)`, a job's, is told how far it got
    (hold_copies.HOLD_COPYING, HOLD_DOWNLOADING).

    Built in a hidden sibling folder, every file and folder of it fsync'd, and renamed into
    place, so a folder with a hold's name is always complete, after a power cut too.
    """
    existing = read_hold(home, folder, None if request_id is None or agency is None
                         else (request_id, agency))
    if existing is not None:
        return existing
    final = hold_path(home, folder)
    # One reading of the index for what is copied and where it lies: the watcher may index a
    # recording of the window while the copies are made (a request for the last hours), which
    # is then not copied, and left to the next hold of the request to add (hold_top_up.py).
    every = window_rows(store, start_us, end_us, cameras)
    rows = one_per_file(every)
    problem = copy_problem(Path(home), store, rows, start_us, end_us, folder)
    if problem:
        raise HoldError(problem)
    staging = final.with_name(f".{folder}.partial-{os.urandom(4).hex()}")
    remove_stale_partials(final.parent)
    try:
        staging.mkdir(parents=True, mode=0o700)
        local, gone = [r for r in rows if r.status != "remote"], []
        held = copy_recordings(local, staging, cancel, gone=gone,
                               sources={s.id: s for s in store.sources()},
                               progress=progress)
        if len(local) < len(rows):   # a recorder's, downloaded
            call_safely(progress, HOLD_DOWNLOADING, 0.0)
        windows = _download_all(store, [r for r in rows if r.status == "remote"], staging,
                                start_us, end_us, connect, cancel)
        missed, passed = {r.path for r in gone}, gone_recordings(gone)
        placed = local_placement([r for r in every if r.status != "remote"
                                  and r.path not in missed], held, store.sources())
        placed.update({w.camera: remote_placement(w, [r for r in rows if r.status == "remote"
                                                      and r.camera == w.camera])
                       for w in windows})
        held += [HeldFile(f"{w.source.url} channel {w.channel}", f"{p.fetched.path.parent.name}/"
                          f"{p.fetched.path.name}", p.fetched.size, p.fetched.sha256)
                 for w in windows for p in w.pieces]
        record = _write_records(staging, held, request_id, start_us, end_us, cameras,
                                {w.camera: w.record() for w in windows}, placed, agency,
                                passed)
        for folder in (*(p for p in staging.rglob("*") if p.is_dir()), staging):
            fsync_dir(folder)
        if os.path.lexists(final):
            raise HoldError(f"{final} appeared meanwhile; it was left untouched")
        # Windows: a scanner may hold a copy, for as long as it reads it
        replace(staging, final, move=os.rename, held_bytes=sum(f.size for f in held))
        sync_renamed_into(final.parent)
    except (FetchCancelled, CopyCancelled):
        raise HoldCancelled("the hold was cancelled; nothing was kept") from None
    except RecorderError as exc:
        raise HoldError(f"the recorder's footage could not be held: {exc}") from None
    except OSError as exc:
        # A recording the OS named is said as such; anything else happened in the hold.
        named = exc.filename is not None and not str(exc.filename).startswith(str(staging))
        raise HoldError("the recordings could not be copied into the hold: "
                        + plain_home_error(exc, None if named else str(final.parent))) from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return Hold(final, tuple(held), read_placement(record), gone=passed)


def _download_all(store: Store, remote: list, staging: Path, start_us: int, end_us: int,
                  connect: Connect | None, cancel: threading.Event | None) -> list[RecorderWindow]:
    """Download each recorder camera's window into its folder of the hold."""
    cameras = list(dict.fromkeys(r.camera for r in remote))
    if cameras and connect is None:
        raise HoldError("recorders on the network cannot be reached from here")
    # A window over a change of the recorder's clock is kept whole, each recording placed by
    # the clock it recorded under: the request's footage is what its ring writes over.
    return [download(store, camera, start_us, end_us, staging / distinct_name(camera), connect,
                     cancel=cancel) for camera in cameras]


def _write_records(staging: Path, held: list[HeldFile], request_id: str | None, start_us: int,
                   end_us: int, cameras: tuple[str, ...], recorders: dict | None = None,
                   placed: dict | None = None, agency: str | None = None,
                   gone: tuple[GoneRecording, ...] = ()) -> dict:
    """Write the manifest and hold.json; returns the record written."""
    manifest = "".join(f"{f.sha256}  {f.name}\n" for f in held)
    write_hashed(staging / MANIFEST, [manifest.encode("utf-8")])
    record = {"request": request_id, "agency": agency,
              "window": {"start": format_utc(start_us), "end": format_utc(end_us)},
              "made": format_utc(int(time.time() * US)),
              "cameras": list(cameras), "files": [asdict(f) for f in held],
              # where each copy lies in time, for a cut once its original is gone
              # (hold_placement.py)
              "placed": placed or {}}
    if recorders:   # where a recorder's footage came from, as an export's provenance says
        record["recorders"] = recorders
    if gone:   # the recordings passed over, deleted before their copy began
        record["gone"] = gone_record(gone)
    write_hashed(staging / RECORD, [json.dumps(record, indent=2).encode("utf-8")])
    return record


def release(home: Path, folder: str) -> bool:
    """Delete a hold folder (the caller has checked the owner asked and the request ended)."""
    path = hold_path(home, folder)
    if not path.is_dir():
        return False
    # Whole or gone: a copy another program holds open (Windows will not delete it) stopped a
    # removal in place part way, leaving a hold missing copies or its record. Moved aside
    # first (refused there while a file in it is open: nothing deleted, the owner is told),
    # then removed; what cannot be is a hidden leftover the home's tidy removes (home_tidy).
    aside = path.with_name(f".{folder}.partial-{os.urandom(4).hex()}")
    try:
        replace(path, aside, move=os.rename)
    except OSError as exc:
        raise HoldError(f"the hold could not be removed: {plain_os_error(exc, str(path))}") from None
    shutil.rmtree(aside, ignore_errors=True)
    return True
