"""The headless service (`footage-agent run`, and the app while it runs): index the recordings
folders, keep the index live, poll the agencies' portals and refresh the recorders on the
network, until asked to stop.

Stopping takes under two seconds in every state. The caller's thread only ever waits on the
stop flag, in short slices; everything else runs on threads of its own that look at the same
flag: the start (a key rotation left unfinished, then the watch of every folder and the first
scan of each, which stops between files, and the home tidied of what killed writes left, again
every few hours: agent/home_tidy.py), the watcher's rescans, the recordings previews held open let go of once unread for a minute
(agent/media/preview.py), the poll thread (a portal call in flight is cut
short by the same flag, and a safe copy it makes of a request just in) and the recorders' thread (between recorders). When asked to stop,
each thread gets what is left of `STOP_WITHIN_S`; one still inside a call that cannot be cut
short (a recorder that does not answer) is left to end with the process. Nothing is left
half-written that way: the index and the inbox are SQLite transactions, and every file the
agent keeps is replaced atomically.
"""
from __future__ import annotations

import logging
import os
import threading
import time

from agent.errors import AgentError, OtherDiskFound
from agent.events import ScanFailed
from agent.index.watch import Watcher
from frp.text import one_line

log = logging.getLogger(__name__)

STOP_WITHIN_S = 1.5   # of the 2 s promised; the rest is the process ending
_SLICE_S = 0.2        # the caller waits in slices this long (Windows does not cut lock waits)
FOLLOW_S = 5.0        # how soon a folder added or plugged in while running is watched
TIDY_EVERY_S = 6 * 3600   # the home tidied again while running for months (home_tidy.py)


class ServiceRun:
    """One run of the service for one Agent (`start`, then `wait_and_stop`)."""

    def __init__(self, agent, stop: threading.Event) -> None:
        self.agent, self.stop = agent, stop
        self._lock = threading.Lock()
        self._watcher: Watcher | None = None
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        """Start the start-up thread (rotation, the watcher, then the first scans) and the poll
        thread; return at once."""
        desk = self.agent.requests   # opened here, so a broken inbox is said before running
        self._spawn("footage-agent-start", self._start_up)
        self._spawn("footage-agent-poll", desk.run_polling, self.stop)
        self._spawn("footage-agent-recorders", self.agent.recorder_loop, self.stop)

    def wait_and_stop(self) -> bool:
        """Wait for the stop flag, then stop everything; True when every thread ended in time
        (False: one was inside a call that cannot be cut short, and ends with the process)."""
        while not self.stop.wait(_SLICE_S):
            pass
        deadline = time.monotonic() + STOP_WITHIN_S
        with self._lock:
            watcher = self._watcher
        if watcher is not None:
            watcher.stop(timeout=max(0.0, deadline - time.monotonic()))
            self._threads += watcher.threads()
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        busy = [t.name for t in self._threads if t.is_alive()]
        if busy:
            log.info("stopped while still busy in %s: left to end with the process",
                     ", ".join(busy))
        return not busy

    def _spawn(self, name: str, target, *args) -> None:
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _start_up(self) -> None:
        """Resume a key rotation, watch the folders, then scan each source once. Whatever one
        of these meets is said and passed over: a fault in one source must never leave the
        others unwatched (the thread would end silently, with `run` still saying it watches)."""
        agent, stop = self.agent, self.stop
        if agent.key_rotation_pending() and not stop.is_set():
            try:
                done = agent.rotate_key()
                for problem in done.problems:
                    log.warning("key rotation: %s", problem)
            except AgentError as exc:
                log.warning("the key rotation could not be resumed: %s", exc)
            except Exception as exc:
                _unexpected("the key rotation could not be resumed", exc)
        # Watched before they are scanned: a recording closed after the scan had looked at its
        # folder and before the watch was in place was reported by nothing, and only the walk
        # every RESCAN_S (5 minutes) indexed it. Now whatever the scan did not see is reported,
        # and its rescan takes its turn after the scan (scan_turns.py): nothing is missed or
        # indexed twice.
        try:
            watching = self._watch()
        except Exception as exc:
            watching = False
            _unexpected("the recordings folders cannot be watched; new recordings are indexed "
                        "by the next scan", exc)
        for src in agent.sources():
            if stop.is_set():
                return
            self._first_scan(src.root)
        self._tidy()   # once the folders are watched and scanned: they come first
        if not watching:   # stopped meanwhile, or the watch failed: nothing to follow
            return
        # Folders added (by the app, or `sources add` beside `run`) or plugged in since are
        # watched too, and scanned: watching only the start's would leave them unindexed.
        tidied = time.monotonic()
        while not stop.wait(FOLLOW_S):
            try:
                self._watcher.follow(self._watched_roots())
            except Exception as exc:   # a busy or damaged index, say: tried again next time
                log.warning("the recordings folders to watch could not be listed: %s", exc)
            try:
                self.agent.let_go_of_idle_recordings()   # the app in the tray for days
            except Exception as exc:
                _unexpected("the recordings previewed could not be let go of; it is tried "
                            "again in a moment", exc)
            if time.monotonic() - tidied >= TIDY_EVERY_S:   # running for months: keep tidying
                tidied = time.monotonic()
                self._tidy()

    def _tidy(self) -> None:
        """Tidy the home (agent/home_tidy.py); a fault is said and passed over, never the end
        of the service."""
        try:
            self.agent.tidy_home()
        except Exception as exc:
            _unexpected("the home folder could not be tidied; it is tried again later", exc)

    def _first_scan(self, root: str) -> None:
        try:
            self.agent.scan([root], cancel=self.stop)
        except AgentError as exc:
            log.warning("%s", exc)
        except Exception as exc:
            words = _unexpected(f"{root} could not be scanned; it is tried again later, and "
                                "the other sources are scanned and watched all the same", exc)
            self.agent.emit(ScanFailed(root, words))

    def _watch(self) -> bool:
        """Watch the recordings folders (their watcher started); False when stopped first."""
        agent, stop = self.agent, self.stop
        with self._lock:
            if stop.is_set():
                return False
            self._watcher = Watcher(self._watched_roots(),
                                    lambda root, folders, files: agent.rescan_root(
                                        root, stop, folders, files),
                                    on_error=self._rescan_failed)
            self._watcher.start()
        return True

    def _watched_roots(self) -> list[str]:
        """The recordings folders to watch (a recorder on the network is asked by
        recorder_loop instead)."""
        remote = self.agent.store.recorders.ids()
        return [s.root for s in self.agent.sources() if s.id not in remote]

    def _rescan_failed(self, root: str, exc: Exception) -> None:
        if isinstance(exc, (AgentError, OSError)):
            words = str(exc)
        else:
            words = _unexpected(f"{root} could not be scanned again; it is tried again when "
                                "its files change, and every few minutes", exc)
        self.agent.emit(ScanFailed(root, words, other_disk=isinstance(exc, OtherDiskFound)))


def _unexpected(what: str, exc: Exception) -> str:
    """Say a fault nobody foresaw in one line (the traceback only with FOOTAGE_AGENT_DEBUG, as
    the command line does), and return the words."""
    detail = one_line(str(exc), 200)
    words = (f"{what} (an unexpected failure{': ' + detail if detail else ''}; "
             "FOOTAGE_AGENT_DEBUG=1 logs the details)")
    log.error("%s", words, exc_info=exc if os.environ.get("FOOTAGE_AGENT_DEBUG") else None)
    return words
