"""Long work (export, upload, scan) as jobs: a thread each, progress, cancel, a result.

The GUI never waits on a job: it starts one and listens for JobProgress / JobFinished events.
Progress is reported as (stage, fraction) with the fraction clamped to [0, 1] and never going
backwards within a stage; a failing listener never kills the job.
"""
from __future__ import annotations

import itertools
import logging
import threading
from typing import Any, Callable

from agent.events import JobFinished, JobProgress

log = logging.getLogger(__name__)
_ids = itertools.count(1)

Work = Callable[[Callable[[str, float], None], threading.Event], Any]


class Job:
    """One piece of long work running on its own thread."""

    def __init__(self, name: str, work: Work, emit: Callable[[object], None]):
        self.id = f"{name}-{next(_ids)}"
        self.name = name
        self._work = work
        self._emit = emit
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._stage = ""
        self._fraction = 0.0
        self.result: Any = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=f"footage-agent-job-{self.id}",
                                        daemon=True)

    def start(self) -> "Job":
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the job to stop; it cleans up and finishes with ok=False."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def progress(self) -> tuple[str, float]:
        return self._stage, self._fraction

    def wait(self, timeout: float | None = None) -> bool:
        """Block until finished (for the CLI and tests; the GUI listens for events instead)."""
        finished = self._done.wait(timeout)
        if finished:
            self._thread.join()
        return finished

    def _report(self, stage: str, fraction: float) -> None:
        fraction = min(1.0, max(0.0, float(fraction)))
        if stage == self._stage:
            fraction = max(fraction, self._fraction)
        self._stage, self._fraction = stage, fraction
        self._emit(JobProgress(self.id, stage, fraction))

    def _run(self) -> None:
        try:
            self.result = self._work(self._report, self._cancel)
            ok, message = True, "done"
        except BaseException as exc:  # reported to the listener, never raised on a thread
            self.error = exc
            ok, message = False, str(exc) or type(exc).__name__
            if not self._cancel.is_set():
                log.info("job %s failed: %s", self.id, message)
        self._done.set()
        self._emit(JobFinished(self.id, ok, message))
