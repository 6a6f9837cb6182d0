"""The requests being delivered: one delivery of a request at a time, in this process (the
app runs approvals on threads) and across the processes sharing a home folder (a file lock),
and a delivery cut off (killed, the PC off, a stop that ended a blocked job, the inbox's disk
full as its failure was written) left `failed` with words that say so. The runs themselves
are approval_run.py's."""
from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import Callable

from agent.file_locks import Busy, FileLock, open_lock
from agent.requests.inbox import Inbox
from agent.requests.records import Entry


class AlreadyRunning(Exception):
    """The request is being delivered (or declined) right now, by this process or another
    footage-agent."""


class RunningDeliveries:
    """The requests being delivered by this process (the app runs approvals on threads), each
    also locked against other processes sharing the home folder."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self._busy: set[tuple[str, str]] = set()
        self._busy_lock = threading.Lock()
        # Why a run of this process failed when its `failed` could not be written (the inbox's
        # disk full): said once the request is read again, not CUT_OFF's guess at a shutdown.
        self._unrecorded: dict[tuple[str, str], str] = {}

    def unrecorded(self, entry: Entry, reason: str) -> None:
        """Remember why `entry`'s run failed, its `failed` status not written: settle says it."""
        with self._busy_lock:
            self._unrecorded[(entry.iss, entry.jti)] = reason

    @contextlib.contextmanager
    def claim(self, entry: Entry):
        """Deliver `entry` inside this block only; AlreadyRunning if it is being delivered."""
        key = (entry.iss, entry.jti)
        with self._busy_lock:
            if key in self._busy:
                raise AlreadyRunning(f"request '{entry.jti}' is being delivered right now")
            self._busy.add(key)
            self._unrecorded.pop(key, None)   # a new run: what it comes to is said instead
        try:
            with delivery_lock(self.home, entry):
                yield
        finally:
            with self._busy_lock:
                self._busy.discard(key)


    def settle(self, inbox: Inbox, log: Callable[..., None], entry: Entry) -> Entry:
        """`entry` as it stands, a delivery cut off (the process delivering it was killed,
        the PC lost power) made `failed` and said so: a status that claims work is going on
        while nothing delivers it would stay for good, and the app offers no way to send it
        again but from `failed`. A delivery this process or another runs is left alone. A
        run of this process whose failure could not be written (unrecorded) is made `failed`
        with its own reason. `log(event, **data)` records it."""
        if entry.status not in CUT_OFF_STATUSES:
            return entry
        key = (entry.iss, entry.jti)
        with self._busy_lock:
            if key in self._busy:
                return entry
            self._busy.add(key)   # no delivery of it starts here while this looks
        try:
            with delivery_lock(self.home, entry):
                entry = inbox.get(entry.jti, entry.iss)
                if entry.status not in CUT_OFF_STATUSES:
                    return entry
                with self._busy_lock:
                    known = self._unrecorded.get(key)
                log(_STAGE[entry.status], status="failed", reason=known or "cut off")
                settled = inbox.transition(entry.iss, entry.jti, "failed",
                                           known or cut_off_words(entry))
                with self._busy_lock:
                    self._unrecorded.pop(key, None)
                return settled
        except AlreadyRunning:
            return entry
        finally:
            with self._busy_lock:
                self._busy.discard(key)


@contextlib.contextmanager
def delivery_lock(home: Path, entry: Entry):
    """One delivery of a request at a time across processes: the app, `footage-agent run`
    and a terminal's `approve` may share this home folder. A decline holds it too, so a
    request is never declined and approved at once."""
    folder = home / "locks"
    folder.mkdir(mode=0o700, exist_ok=True)
    fd = open_lock(folder / f"{entry.folder}.lock")
    try:
        with FileLock(fd, wait=False):
            yield
    except Busy:
        raise AlreadyRunning(f"request '{entry.jti}' is being delivered or declined by another "
                             "footage-agent (the app, `footage-agent run` or a command in a "
                             "terminal); wait for it to finish") from None
    finally:
        os.close(fd)


CUT_OFF_STATUSES = ("approved", "exporting", "uploading")


CUT_OFF = ("footage-agent stopped before the footage was sent (the PC shut down, or the "
           "program was ended) (approve it again to resume)")
# Cut off once an upload was made: the agency may hold part or all of the footage (its receipt
# not kept; the disk filling as it came leaves this too, said so by a process that ran it).
CUT_OFF_SENDING = ("footage-agent stopped while the footage was being sent, before the "
                   "agency's receipt for it was kept (the PC shut down, the program was ended, "
                   "or the disk was full) (approve it again to resume)")
INTERRUPTED = ("interrupted while waiting for an answer from the portal or the upload server; "
               "approve it again to resume")
_STAGE = {"approved": "approve", "exporting": "export", "uploading": "upload"}


def cut_off_words(entry: Entry) -> str:
    """Why a delivery cut off with no chance to say so stopped, as far as the inbox tells:
    "before the footage was sent" only while no upload of it was made."""
    sending = any(d.upload_url and not d.receipt for d in entry.deliveries)
    return CUT_OFF_SENDING if entry.status == "uploading" and sending else CUT_OFF


def mark_interrupted(inbox: Inbox, log: Callable[..., None], iss: str, jti: str) -> bool:
    """A stop signal ended the command while the delivery's job was still blocked (a call
    that never answered), so its own clean-up never ran: leave the request `failed`, saying
    it was interrupted and resumes on the next approve, instead of a status that claims work
    is going on. `log(event, **data)` records it. True when the request was marked."""
    try:
        entry = inbox.get(jti, iss)
        if entry.status not in _STAGE:
            return False   # the job got to its end (delivered, or failed with its reason)
        inbox.transition(iss, jti, "failed", INTERRUPTED)
        log(_STAGE[entry.status], status="failed", reason="interrupted")
    except Exception:  # noqa: BLE001 - a stop must end the command whatever the inbox says
        return False
    return True
