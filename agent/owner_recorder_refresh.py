"""Refreshing what the index mirrors of each recorder, as Agent methods: one recorder asked
(by `scan`, when it is added, when its passwords are unlocked), those whose time has come asked
by `run`'s thread at a polite interval, and how a recorder's mirroring stands in words.

A mixin of `agent.service.Agent` (through OwnerRecorders), which provides `store`, `emit` and
`recorder_connector`: they are Agent methods all the same.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import replace

from agent.events import ScanFinished
from agent.index import mirror
from agent.index.recorder_book import RecorderSource
from agent.index.scan import ScanReport
from agent.recorders.clock import clock_words, is_reset_words
from agent.timebase import local_text

log = logging.getLogger(__name__)
TICK_S = 30.0      # how often `run` looks whether a recorder is due (each has its own interval)


class OwnerRecorderRefresh:
    """Recorder refresh methods of the Agent."""

    def _refresh(self, rec: RecorderSource, cancel: threading.Event | None = None) -> ScanReport:
        """Refresh one recorder's mirrored rows (scan and run): a report, never an exception,
        whether the device failed or this computer did; a wrong password is not tried again
        until fixed."""
        if not rec.refreshing:
            problem = (f"not asked again since it refused ({rec.problem}); add it again with "
                       "`footage-agent sources add-recorder` to fix it")
            count = self.store.recorders.count(rec.source_id)
            # The app's line above every page says it again after a restart, in its words.
            self.emit(ScanFinished(rec.url, count, 0, 0, 0, (self.recorder_state_words(rec),),
                                   rec.state))
            return ScanReport(rec.url, count, 0, 0, count, 0, {"remote": count}, (problem,))
        try:
            done = mirror.refresh(self.store, rec, self.recorder_connector(), cancel=cancel)
        except Exception:   # this computer's failure (the device's are in `done`): this
            # recorder's alone, so the others are still asked (run's loop, scan)
            log.exception("refreshing the recorder %s failed", rec.url)
            done = mirror.failed_here(self.store, rec)
        notes = ((clock_words(done.clock.offset_s),) if done.clock and done.clock.worth_showing
                 else ()) + done.notes
        # A failure said as Settings says how the recorder stands (the app's words for it).
        failed = done.state in ("offline", "refused", "locked")
        problems = ((self.recorder_state_words(replace(rec, state=done.state,
                                                       problem=done.problem)),)
                    if failed and done.problem else (done.problem,) if done.problem else ())
        report = ScanReport(rec.url, done.recordings, done.added, 0,
                            done.recordings - done.added, done.removed,
                            {"remote": done.recordings}, problems, notes)
        self.emit(ScanFinished(report.source, report.seen, report.added, 0, report.removed,
                               report.problems, done.state))
        return report

    def refresh_due_recorders(self, stop: threading.Event | None = None) -> int:
        """Refresh every recorder whose time has come (run's loop); how many were asked."""
        now = time.time_ns() // 1000
        asked = 0
        for rec in self.store.recorders.all():
            if stop is not None and stop.is_set():
                break
            if mirror.due(rec, now):
                self._refresh(rec, stop)
                asked += 1
        return asked

    def recorder_loop(self, stop: threading.Event) -> None:
        """`run`'s thread for recorders: each is asked at its own interval (mirror.py)."""
        while not stop.wait(TICK_S):
            try:
                self.refresh_due_recorders(stop)
            except Exception:   # the service goes on; the next tick tries again
                log.exception("refreshing recorders failed")

    @staticmethod
    def recorder_state_words(rec: RecorderSource) -> str:
        """How a recorder's mirroring stands, for the owner (its time on this PC's clock)."""
        when = local_text(rec.refreshed_us) if rec.refreshed_us else None
        last = f" (last mirrored at {when})" if when else ""
        # A refresh that failed on this computer, or refused by a clock that was reset, is no
        # silence of the recorder's.
        silent = ("" if rec.problem == mirror.FAILED_HERE or is_reset_words(rec.problem)
                  else "not answering: ")
        # An ok recorder's problem is what its refresh noted (mirror.LEFT_OUT).
        noted = f"; {rec.problem}" if rec.state == "ok" and rec.problem else ""
        return {"new": "added, not mirrored yet",
                "ok": (f"mirrored at {when}" if when else "mirrored") + noted,
                "offline": f"{silent}{rec.problem}{last}",
                "refused": f"refused: {rec.problem}",
                "locked": f"password locked: {rec.problem}"}.get(rec.state, rec.state)
