"""The one object the GUI and the CLI hold.

`Agent` owns the home folder, the index and its threads (watch now; poll and jobs as they
arrive). Callers subscribe to events, which are frozen dataclasses from agent.events delivered
on the agent's threads; nothing here knows about Qt. What it returns are the frozen view types
of agent/views.py. Its recordings folders live in agent/owner_sources.py, scanning and what
the index holds in agent/owner_index.py, its signing key in agent/owner_keys.py, its exports
and redaction in agent/owner_exports.py, its trust store and activity log in
agent/owner_records.py, its registrations and key rotation in agent/owner_registrations.py,
camera names and renames in agent/owner_cameras.py, recorders on the network in
agent/owner_recorders.py and their refreshing in agent/owner_recorder_refresh.py (mixins: they
are Agent methods all the same).
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from agent import app_lock
from agent.callbacks import call_safely
from agent.config import ensure_home, load_settings, resolve_home, save_settings
from agent.errors import AgentError, DeliveredAfterAll, NotFound, Refusal, UsageProblem
from agent.events import PortalsUnreachable, RequestsArrived
from agent.index.scan_turns import ScanTurns
from agent.index.store import Store
from agent.index.store_errors import StoreError
from agent.jobs import Job
from agent.owner_cameras import OwnerCameras
from agent.owner_exports import OwnerExports
from agent.owner_keys import ENV_PASSPHRASE, OwnerKeys
from agent.owner_index import NotScanned, OwnerIndex, lost_index
from agent.owner_recorders import OwnerRecorders
from agent.owner_records import OwnerRecords
from agent.owner_registrations import OwnerRegistrations
from agent.owner_sources import OwnerSources

if TYPE_CHECKING:
    from agent.requests.desk import RequestDesk

__all__ = ["Agent", "AgentError", "DeliveredAfterAll", "NotFound", "NotScanned", "Refusal",
           "UsageProblem", "ENV_PASSPHRASE"]

log = logging.getLogger(__name__)


class Agent(OwnerSources, OwnerIndex, OwnerCameras, OwnerKeys, OwnerExports, OwnerRecords,
            OwnerRegistrations, OwnerRecorders):
    """Recordings index, requests and exports for one home folder."""

    def __init__(self, home: str | Path | None = None):
        self.home = ensure_home(resolve_home(home))
        self.settings = load_settings(self.home)
        self._store: Store | None = None
        self._previews = None
        self._pieces = None
        self._held = None   # the safe copies' rows previews read (requests/held_previews)
        self._listeners: list[Callable[[object], None]] = []
        self._lock = threading.Lock()
        self._scan_turns = ScanTurns(self.home)   # one scan of a folder at a time
        self._requests = None
        self._left_busy = False   # set by `run` when a thread outlived it (see close)
        self._app_lock: int | None = None

    @property
    def requests(self) -> RequestDesk:
        """The request desk (agent.requests.desk.RequestDesk), made on first use: it opens the
        inbox and an HTTP client and loads the export stack, which `scan` or `verify` never need."""
        with self._lock:
            if self._requests is None:
                from agent.requests.desk import RequestDesk
                self._requests = RequestDesk(self.home, lambda: self.store, self.owner_key,
                                             settings=self.settings,
                                             on_arrived=lambda n: self.emit(RequestsArrived(n)),
                                             on_unreachable=lambda n: self.emit(
                                                 PortalsUnreachable(n)),
                                             signing_key=self.signing_key,
                                             recorders=self.recorder_connector)
            return self._requests

    def set_settings(self, settings) -> None:
        """Save the owner's settings (agent.config.Settings) and use them at once, in the
        request desk too."""
        before = self.settings
        save_settings(self.home, settings)
        self.settings = settings
        changed = {name: {"from": getattr(before, name), "to": getattr(settings, name)}
                   for name in before.__dataclass_fields__
                   if getattr(before, name) != getattr(settings, name)}
        if changed:
            self._log_change("settings", changed=changed)
        with self._lock:
            desk = self._requests
        if desk is not None:
            desk.apply_settings(settings)

    # plumbing ------------------------------------------------------------------------------
    @property
    def store(self) -> Store:
        with self._lock:
            if self._store is None:
                lost = lost_index(self.home)
                if lost is not None:
                    raise StoreError(lost)
                self._store = Store(self.home / "index.db")
            return self._store

    @property
    def index_rebuilt(self) -> bool:
        """True when the index was made by an older version and its rows were dropped on
        opening it (camera names are kept differently now); a scan fills it again."""
        return self.store.rebuilt

    def claim_app(self) -> str | None:
        """Hold this home's app lock until `close` (agent/app_lock.py): None, or when another
        app has this home open, what to say (where to find it)."""
        if self._app_lock is None:
            self._app_lock = app_lock.claim(self.home)
        if self._app_lock is None:
            return app_lock.ALREADY_OPEN.format(home=self.home)
        return None

    def subscribe(self, callback: Callable[[object], None]) -> None:
        """Receive every event; a callback that raises is logged and never stops the agent."""
        self._listeners.append(callback)

    def emit(self, event: object) -> None:
        for cb in list(self._listeners):
            call_safely(cb, event)

    def close(self) -> None:
        """Close the index, the inbox and the previews. After a `run` that left a thread busy
        (a call that cannot be cut short) nothing is closed under it: the process ends it, and
        SQLite keeps every transaction whole."""
        if self._app_lock is not None:
            app_lock.release(self._app_lock)
            self._app_lock = None
        if self._left_busy:
            return
        if not self._lock.acquire(timeout=2.0):
            log.warning("the agent was busy when asked to close; leaving it to the process")
            return
        try:
            if self._requests is not None:
                self._requests.close()
                self._requests = None
            if self._previews is not None:
                self._previews.close()
                self._previews = None
            if self._store is not None:
                self._store.close()
                self._store = None
        finally:
            self._lock.release()

    def tidy_home(self):
        """Remove what writes killed part way left in the home, and the tars of delivered
        packages (agent/home_tidy.py: a Tidied); `run` and the app do it once their first
        scans are done, then every 6 hours (service_loop.TIDY_EVERY_S). An inbox that cannot
        be read leaves the tars for next time."""
        from agent.home_tidy import tidy_home
        entries, unread = self._inbox_entries()
        if unread is not None:
            log.info("the delivered packages' tars are left for now: %s", unread)
        return tidy_home(self.home, entries)

    def home_space(self):
        """How much room the home folder takes, by kind: packages delivered and not, safe
        copies, caches, the index and logs, and what is free on its disk (agent/home_space.py:
        a HomeSpace). When the inbox, which says which packages were delivered, cannot be read
        (its disk full), the rest is measured all the same and `unsorted` says why."""
        from agent.home_space import home_space
        entries, unread = self._inbox_entries()
        return home_space(self.home, entries, unsorted=unread)

    def _inbox_entries(self) -> tuple[list, str | None]:
        """The inbox's requests, which say which packages were delivered; ([], why) when the
        inbox cannot be read (its disk full, say), for the home's tidy and its measure."""
        from agent.requests.inbox_file import InboxError
        try:
            return self.requests.inbox.list(), None
        except (AgentError, InboxError, OSError) as exc:
            return [], str(exc)

    def start_job(self, name: str, work) -> Job:
        """Run `work(progress, cancel)` on its own thread; events report its progress and end."""
        return Job(name, work, self.emit).start()

    # service -------------------------------------------------------------------------------
    def run(self, stop: threading.Event) -> bool:
        """Headless service: index, keep the index live and poll portals until `stop` is set;
        back within 2 s of it (agent/service_loop.py). False when a thread was still inside a
        call that cannot be cut short: `close` then leaves what it uses open, for the process
        to end it.

        Opens no listening socket: watching is local, the agencies' portals are polled
        outbound, and recorders on the network are asked outbound at a polite interval. A key
        rotation left unfinished is resumed first.
        """
        from agent.service_loop import ServiceRun

        service = ServiceRun(self, stop)
        service.start()
        ended = service.wait_and_stop()
        self._left_busy = not ended
        return ended
