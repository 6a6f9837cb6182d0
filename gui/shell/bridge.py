"""The one place agent events become Qt signals.

The agent calls its listeners on its own threads. `Bridge` re-emits every event through a Qt
signal, so slots run on the GUI thread (Qt queues a signal emitted from another thread), and
it runs the GUI's long work as agent jobs: `run(name, work, done, failed)` calls `done(result)`
or `failed(message)` on the GUI thread when the job ends, a failure's message in the owner's
language where the core's words are known (gui.views.core_words). Nothing here blocks the GUI
thread.
"""
from __future__ import annotations

import logging
import time
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal, Slot

from agent.events import (
    JobFinished,
    JobProgress,
    PortalsUnreachable,
    RequestsArrived,
    ScanFailed,
    ScanFinished,
)
from agent.views import one_line
from gui.views.core_words import owner_words

log = logging.getLogger(__name__)


class Bridge(QObject):
    """Agent events as signals, and agent jobs with GUI-thread completion callbacks."""

    jobProgress = Signal(str, str, float)  # job id, stage, fraction 0..1
    # job id, ok, message: an object, so a failure's words stay a Shown (a str signal would
    # hand on a plain copy, whose marks a label writes out as escapes)
    jobFinished = Signal(str, bool, object)
    scanFinished = Signal(object)          # ScanFinished
    scanFailed = Signal(object)            # ScanFailed: a recordings folder cannot be scanned
    requestsArrived = Signal(int)          # new requests reached the inbox (a background poll)
    portalsUnreachable = Signal(int)       # portals the polls cannot reach changed (how many)
    _relay = Signal(object)                # agent thread -> GUI thread

    def __init__(self, agent, parent: QObject | None = None):
        super().__init__(parent)
        self.agent = agent
        self._jobs: dict[str, tuple[Any, Callable | None, Callable | None]] = {}
        self._closed = False
        self._relay.connect(self._dispatch)
        agent.subscribe(self._from_agent)

    def close(self) -> None:
        """Stop relaying (the agent keeps its listener list; this one goes quiet)."""
        self._closed = True

    # agent thread ------------------------------------------------------------------------
    def _from_agent(self, event: object) -> None:
        if self._closed:
            return
        try:
            self._relay.emit(event)
        except RuntimeError:  # the Qt side is gone (application shutting down)
            self._closed = True

    # GUI thread --------------------------------------------------------------------------
    @Slot(object)
    def _dispatch(self, event: object) -> None:
        if self._closed:
            return
        if isinstance(event, JobProgress):
            self.jobProgress.emit(event.job, event.stage, event.fraction)
        elif isinstance(event, JobFinished):
            # the core words a failure in English: the owner reads it in the app's language,
            # each name in it set apart (a Shown: "משטרה's portal did not answer" bare was laid
            # out from the right); formatted into other words, it goes in without its marks
            message = event.message if event.ok else owner_words(one_line(event.message))
            self.jobFinished.emit(event.job, event.ok, message)
            self._finish(event, message)
        elif isinstance(event, ScanFinished):
            self.scanFinished.emit(event)
        elif isinstance(event, ScanFailed):
            self.scanFailed.emit(event)
        elif isinstance(event, RequestsArrived):
            self.requestsArrived.emit(event.count)
        elif isinstance(event, PortalsUnreachable):
            self.portalsUnreachable.emit(event.count)

    def _finish(self, event: JobFinished, message: str) -> None:
        entry = self._jobs.pop(event.job, None)
        if entry is None:
            return
        job, done, failed = entry
        try:
            if event.ok and done is not None:
                done(job.result)
            elif not event.ok and failed is not None:
                failed(message)  # one line: errors quote what requests and files say
        except Exception:  # a broken screen update must not take the app down
            log.exception("completion handler of %s failed", event.job)

    def run(self, name: str, work: Callable, done: Callable[[Any], None] | None = None,
            failed: Callable[[str], None] | None = None):
        """Start `work(progress, cancel)` as an agent job; returns the job (cancel(), id).

        `done`/`failed` run on the GUI thread. The JobFinished event is queued behind this
        call, so registering after start_job cannot miss it.
        """
        job = self.agent.start_job(name, work)
        self._jobs[job.id] = (job, done, failed)
        return job

    def call(self, name: str, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
             failed: Callable[[str], None] | None = None):
        """`run` for plain work that takes no progress or cancel."""
        return self.run(name, lambda progress, cancel: fn(), done, failed)

    def idle(self) -> bool:
        """True when no job started through this bridge is still running (tests wait on it)."""
        return not self._jobs

    def running(self, name: str) -> bool:
        """True while a job of this name (`export`: an export by hand) started through this
        bridge is still running."""
        return any(job.name == name for job, _d, _f in self._jobs.values())

    def cancel_all(self) -> None:
        """Ask every running job to stop (on quit)."""
        for job, _d, _f in list(self._jobs.values()):
            job.cancel()

    def wait_all(self, timeout: float = 10.0) -> bool:
        """Block until every job has ended, `timeout` seconds in all (on quit only, after
        cancel_all); False when one was still running then."""
        deadline = time.monotonic() + timeout
        for job, _d, _f in list(self._jobs.values()):
            if not job.wait(max(0.0, deadline - time.monotonic())):
                log.warning("job %s was still stopping when the app quit", job.id)
                return False
        return True
