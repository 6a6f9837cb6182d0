"""Mirroring a recorder's own recording search as index rows (status `remote`).

A refresh reads what the device is (model, firmware, serial, channels) and its clock, names a
camera for each channel (recorder_book.py, by the index's one rule), then asks the device's
search (Reolink `Search`, Dahua `mediaFileFind`, Hikvision `ContentMgmt/search`, page by page)
and replaces that channel's mirrored rows with what it returned. Times become true time with
the device's clock offset, as for any camera clock. The first refresh, and one every few hours,
reads the last MIRROR_DAYS; the others read from an hour before the newest recording mirrored.

A recorder that fails never costs a local row: only its own `remote` rows are touched, and
those stay as they were, marked stale (their `reason` says since when), until it answers again.
`run` asks a recorder every INTERVAL_S, less often after each failure (RETRY: doubling from
FIRST_RETRY_S up to BACKOFF_MAX_S), and never again after a wrong password or a changed
certificate until the owner fixes it. Those times are this PC's clock: one put back (after
running ahead) leaves no recorder waiting for it to catch up (`due`).
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable

from agent.backoff import Backoff
from agent.errors import Refusal
from agent.index import clock_stretches
from agent.index.recorder_book import RECORDER_LAYOUT, RecorderSource
from agent.index.recorder_identity import check_same
from agent.index.rows import FileRow
from agent.index.describe import showable_us
from agent.index.clock_change import SPANS_CHANGE, UNPLACED_END, another_clock, placed_ends
from agent.index.mirrored_rows import Matched, Mirrored, match, refs
from agent.index.store import Store
from agent.index.unrefreshed import (Unrefreshed, mark_current, not_listed, renamed_on_device,
                                     search_failed, stale_note)
from agent.recorders.clock import reset_words
from agent.recorders.connect import open_recorder
from agent.recorders.credentials import CredentialError, CredentialStore
from agent.recorders.model import (ClockReading, CredentialsRefused, Recorder, RecorderError,
                                   RecorderUnreachable, Recording)
from agent.timebase import US

MIRROR_DAYS = 62
FULL_EVERY_S = 6 * 3600          # a whole re-read finds recordings the device overwrote
OVERLAP_S = 3600                 # an incremental refresh re-reads the last hour
INTERVAL_S = 15 * 60             # run's polite interval between refreshes of one recorder
FIRST_RETRY_S = 5 * 60           # after a failure; doubled each time it fails again
BACKOFF_MAX_S = 6 * 3600
# No jitter: each recorder is the owner's own device, asked by this agent alone.
RETRY = Backoff(base_s=FIRST_RETRY_S, factor=2.0, cap_s=BACKOFF_MAX_S, jitter=0.0)
NEVER_US = 1 << 62
LONGEST_WAIT_S = max(INTERVAL_S, BACKOFF_MAX_S)
# What a client's parsing raises on an answer in a shape it does not expect (a list where an
# object belongs, a field missing): the device's failure, like any bad answer, not the agent's.
_UNREADABLE = (KeyError, TypeError, ValueError, AttributeError, OverflowError, IndexError)
UNREADABLE = ("The recorder sent an answer in a form this agent cannot read; it will be asked "
              "again later (if this keeps happening, its firmware may need an update).")
FAILED_HERE = ("Refreshing it failed on this computer, not on the recorder (the details were "
               "logged); it will be tried again later.")
# A recorder gone mid-refresh (no answer, or a login or certificate refused) fails the whole
# refresh: asking its other cameras would only wait out each call's time limit.
_WHOLE_DEVICE = (RecorderUnreachable, CredentialsRefused, Refusal)
# A channel whose search brought only recordings the device numbered as another's (left out,
# model.say_left_out): its camera would show nothing recorded with no word why.
LEFT_OUT = ("{camera} shows no recordings: the recorder answered its search only with recordings "
            "it numbered as another camera's, which were left out. If this camera does record, "
            "export its footage with the recorder's own app or web page.")

log = logging.getLogger(__name__)

Connect = Callable[[RecorderSource], Recorder]


@dataclass(frozen=True)
class Refresh:
    """How one refresh of a recorder went: its state after it (recorder_book.STATES), the rows
    it mirrors now and how many came and went, the clock read, and the problem if any."""

    source: str
    state: str
    recordings: int
    added: int
    removed: int
    clock: ClockReading | None
    clock_offset_s: float | None    # applied: the reading rounded to whole seconds
    problem: str | None
    stopped: bool = False           # by us (cancel): the recorder's state left as it was
    notes: tuple[str, ...] = ()     # for the owner, though it went well (LEFT_OUT)


def connector(credentials: CredentialStore, timeout_s: float = 20.0) -> Connect:
    """Open a recorder source with its kept password (keyed by its address)."""
    def connect(rec: RecorderSource) -> Recorder:
        return open_recorder(rec.address(), credentials.load(rec.url), timeout_s=timeout_s)
    return connect


def applied_offset(clock: ClockReading, before_s: float | None = None) -> float:
    """The offset the index applies: devices show whole seconds, so a reading is only good to
    about half a second; rounding keeps an NTP-synced device at 0 rather than at noise. A
    reading no further from the offset applied before (`before_s`) than its own doubt (a
    recorder slow to answer: the round trip bounds it) does not show the clock moved, and
    that offset stays, rather than placing new recordings by the delay and taking it for a
    clock put right."""
    if before_s is not None and abs(clock.offset_s - before_s) <= clock.uncertainty_s:
        return float(before_s)
    return float(round(clock.offset_s))


def due(rec: RecorderSource, now_us: int) -> bool:
    """Whether `run` should refresh this recorder now. The time is this PC's clock (it is kept
    in the index, for the next start too): one further off than any wait set here was set by
    a clock that ran ahead and has been put right since, and is due now rather than when the
    clock catches up with it."""
    return rec.refreshing and not 0 < rec.next_us - now_us <= LONGEST_WAIT_S * US


def refresh(store: Store, rec: RecorderSource, connect: Connect, *, now_us: int | None = None,
            cancel: threading.Event | None = None) -> Refresh:
    """Refresh one recorder's mirrored rows; never raises for the device's failures (they
    are the result's state and problem)."""
    now_us = time.time_ns() // 1000 if now_us is None else now_us
    source = next(s for s in store.sources() if s.id == rec.source_id)
    try:
        recorder = connect(rec)
    except CredentialError as exc:
        return _failed(store, rec, "locked", str(exc), NEVER_US, now_us)
    except (RecorderError, Refusal) as exc:
        return _failed(store, rec, "offline", str(exc), None, now_us)
    try:
        info = recorder.info()
        check_same(rec, info)   # the recorder added, not another at its address
        clock = recorder.clock()
        reset = reset_words(clock, source.clock_offset_s)
        if reset:   # nothing is mirrored by a clock that was reset
            clock_stretches.opened(store, rec)
            return _failed(store, rec, "offline", reset, None, now_us)
        offset = applied_offset(clock, source.clock_offset_s)
        channels = tuple((c.id, c.name) for c in info.channels)
        store.recorders.record_device(rec.source_id, info.model, info.firmware, info.serial,
                                      info.name, channels, clock.offset_s)
        store.add_source(source.root, source.camera, source.tz, RECORDER_LAYOUT, offset)
        cameras = store.recorders.name_channels(
            rec.source_id, [(str(c.id), None, c.name) for c in info.channels])
        # A whole re-read now and then, and whenever the clock moved: an incremental one asks
        # from the newest row on by the clock as it is now, which may skip what the clock wrote
        # before. The rows already mirrored keep the offset they were placed by (kept_rows).
        full = (rec.full_us is None or not 0 <= now_us - rec.full_us <= FULL_EVERY_S * US
                or moved(offset, source.clock_offset_s))   # one "in the future": as due
        horizon = now_us - MIRROR_DAYS * 86400 * US
        added = removed = 0
        notes = []
        left: list[Unrefreshed] = []   # cameras not refreshed (unrefreshed.py)
        for channel, camera in zip(info.channels, cameras):
            if cancel is not None and cancel.is_set():
                break
            key = str(channel.id)
            newest = store.recorders.newest(rec.source_id, key)
            since = None if full or newest is None else max(horizon, newest - OVERLAP_S * US)
            try:
                found = list(recorder.search(channel.id, (since or horizon) + round(offset * US),
                                             now_us + round(offset * US) + 86400 * US))
            except _WHOLE_DEVICE:
                raise
            except (RecorderError, *_UNREADABLE) as exc:
                # This camera's search alone: the others are still asked.
                left.append(search_failed(key, camera, _channel_problem(rec, exc)))
                continue
            matched = match(source.root, key, found,
                            kept_rows(store, source.id, key, source.clock_offset_s))
            rows = placed_rows(source.id, camera, key, matched, offset, rec.vendor, now_us)
            before, after = store.mirror(source.id, key, since, rows, refs(matched))
            added, removed = added + max(0, after - before), removed + max(0, before - after)
            if recorder.left_out[channel.id] and store.recorders.newest(rec.source_id, key) is None:
                notes.append(LEFT_OUT.format(camera=camera))
    except CredentialsRefused as exc:
        return _failed(store, rec, "refused", str(exc), NEVER_US, now_us)
    except Refusal as exc:   # a changed certificate, or a call off the allow-list
        return _failed(store, rec, "refused", str(exc), NEVER_US, now_us)
    except RecorderError as exc:
        return _failed(store, rec, "offline", str(exc), None, now_us)
    except _UNREADABLE:
        log.debug("unreadable answer from the recorder %s", rec.url, exc_info=True)
        return _failed(store, rec, "offline", UNREADABLE, None, now_us)
    finally:
        recorder.close()
    if left and len(left) == len(info.channels):   # no camera answered: the recorder's
        return _failed(store, rec, "offline", left[0].problem, None, now_us)
    if cancel is not None and cancel.is_set():
        # A stop of ours (the app closing, `run` stopping) is no answer about the recorder:
        # its state and problem stay as the last whole refresh left them.
        return Refresh(rec.url, rec.state, store.recorders.count(rec.source_id), added, removed,
                       clock, offset, rec.problem, stopped=True)
    # A reset clock put right since: noted now, and said after the state until old.
    set_right, unshown = clock_stretches.closed(store, rec, now_us, full, horizon)
    notes += set_right
    notes += renamed_on_device(store, rec.source_id, channels)
    left += not_listed(store, rec.source_id, {str(c.id) for c in info.channels})
    problems = [u.said for u in left]
    store.recorders.record_success(rec.source_id, now_us, full, now_us + INTERVAL_S * US,
                                   " ".join(problems + notes + [w for w in unshown
                                                                if w not in set_right]) or None)
    mark_current(store, rec, left)
    return Refresh(rec.url, "ok", store.recorders.count(rec.source_id), added, removed, clock,
                   offset, " ".join(problems) or None, notes=tuple(notes))


def moved(offset_s: float, before_s: float | None) -> bool:
    """Whether the clock moved since the last refresh by more than it drifts: the hour an
    incremental read goes back covers a drift of a second or two."""
    return before_s is None or another_clock(round(offset_s * US), round(before_s * US))


def failed_here(store: Store, rec: RecorderSource, now_us: int | None = None) -> Refresh:
    """Note a refresh that failed on this computer's side (the index, say), not the device's,
    as refresh notes an offline recorder: its rows kept and marked stale, asked again after a
    back-off. When the index cannot even note that, only the returned record says it."""
    now_us = time.time_ns() // 1000 if now_us is None else now_us
    try:
        return _failed(store, rec, "offline", FAILED_HERE, None, now_us)
    except Exception:   # the index itself failing: the caller still goes on to the others
        log.exception("could not note the failed refresh of the recorder %s", rec.url)
        return Refresh(rec.url, "offline", 0, 0, 0, None, None, FAILED_HERE)


def kept_rows(store: Store, source_id: int, channel: str,
              offset_s: float | None) -> list[Mirrored]:
    """A channel's mirrored rows, each with the clock offset (µs) its recording was mirrored
    with: the clock it recorded under. A recorder's clock put right later (by its owner, or
    NTP) changes the times it writes from then on, never those it wrote before. `offset_s`:
    the one for rows mirrored before the offset was kept with each row."""
    return store.mirrored(source_id, channel, round((offset_s or 0.0) * US))


def placed_rows(source_id: int, camera: str, channel: str, matched: list[Matched],
                offset_s: float, vendor: str, now_us: int) -> list[FileRow]:
    """Index rows for the recordings found, each at its row path and by its row's clock
    offset (the clock as it is now, `offset_s`, for one first seen now)."""
    current = round(offset_s * US)
    placed = []
    for m in matched:
        rec, shift = m.recording, m.shift(current)
        if not (showable_us(rec.start_us - shift) and showable_us(rec.end_us - shift)):
            continue   # a date no calendar shows: a garbled entry, and it would break listings
        placed.append((rec, m.path, shift))
    ends = placed_ends([(rec, shift) for rec, _path, shift in placed], current)
    return [_row(source_id, path, camera, channel, rec, shift, end, vendor, now_us)
            for (rec, path, shift), end in zip(placed, ends)]


def _row(source_id: int, path: str, camera: str, channel: str, rec: Recording, shift: int,
         end: int | None, vendor: str, now_us: int) -> FileRow:
    reason = ("the recorder wrote this start in the repeated fall-back hour; the earlier reading "
              "is used, and it is never exported, since its footage may be from the other"
              ) if rec.start.ambiguous else None
    if end is None:   # placed at its start alone when its end cannot be
        reason, end = UNPLACED_END, rec.start_us - shift
    elif end != rec.end_us - shift:
        reason = SPANS_CHANGE
    later = rec.start.later_us if rec.start.ambiguous else None
    return FileRow(source_id, path, camera, rec.start_us - shift, end,
                   rec.size or 0, now_us * 1000, vendor, "remote", reason, "main",
                   None if later is None else later - shift,
                   channel=channel, time_source="recorder", clock_shift_us=shift)


def _failed(store: Store, rec: RecorderSource, state: str, problem: str, next_us: int | None,
            now_us: int) -> Refresh:
    """Keep the mirrored rows, say since when they are stale, and when to try again."""
    failures = rec.failures + 1
    if next_us is None:
        next_us = now_us + round(RETRY.delay(failures) * US)
    store.recorders.record_failure(rec.source_id, state, problem, next_us)
    store.mark_remote(rec.source_id, stale_note(rec, problem))
    return Refresh(rec.url, state, store.recorders.count(rec.source_id), 0, 0, None,
                   None, problem)


def _channel_problem(rec: RecorderSource, exc: Exception) -> str:
    """A camera's failed search in words (an answer no client reads, as UNREADABLE)."""
    if isinstance(exc, RecorderError):
        return str(exc)
    log.debug("unreadable search answer from the recorder %s", rec.url, exc_info=True)
    return UNREADABLE
