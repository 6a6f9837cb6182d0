"""The service's poll thread: passes over every registration on the PollPolicy schedule
(jittered interval, exponential backoff on failures, the portal's Retry-After honoured, and a
registration refused with a 4xx left alone until its token changes: a 4xx is never retried
unchanged), the decisions still waiting sent in each, and a pass that fails logged as `run`
shows it to the owner and tried again later."""
from __future__ import annotations

import logging
import os
import threading
import time

from agent.config import ConfigError
from agent.errors import AgentError
from agent.os_words import plain_os_error
from agent.requests.agency_changes import TrustStoreError
from agent.requests.inbox_file import InboxError
from agent.requests.polling import not_trusted, poll, registrations_to_poll, send_pending
from agent.requests.portal_client import PortalCancelled, PortalError
from frp.text import one_line

log = logging.getLogger(__name__)
# What the core says in words of its own (plain, naming the file and what to do).
_SAID_PLAINLY = (TrustStoreError, InboxError, AgentError, ConfigError, OSError)

# The longest the poll thread waits between passes: a registration made meanwhile, or one
# whose token changed after a 4xx, is polled within it.
_LONGEST_WAIT_S = 60.0


def run_polling(desk, stop: threading.Event) -> None:
    """Poll each registration on the desk's policy until `stop` is set."""
    due: dict[tuple[str, str], tuple[float, int, str | None]] = {}
    failed = 0   # passes in a row that failed
    while not stop.is_set():
        try:
            _pass(desk, due, stop)
            failed = 0
        except PortalCancelled:   # stopping: a call in flight was cut short, nothing recorded
            return
        except Exception as exc:  # the thread outlives any one bad pass (a damaged file, a full disk)
            failed += 1
            _say_failed("polling the portals failed", exc)
        if failed:   # as a failed poll waits: what failed at once would fail again at once
            stop.wait(desk.policy.next_delay(failed))
            continue
        # The next poll or decision due; with none (every registration left alone after a
        # 4xx, or none yet) the longest wait, not a pass five times a second.
        now = time.monotonic()
        waiting = [at for at, _n, parked in due.values() if parked is None] + \
            [at for at, _n in desk.decision_waits.values() if at > now]   # past: sent since
        stop.wait(min(max(0.2, min(waiting, default=now + _LONGEST_WAIT_S) - now),
                      _LONGEST_WAIT_S))


def _say_failed(what: str, exc: Exception) -> None:
    """Log a failed pass or poll as `run` shows it to the owner: one line in the core's own
    words for what it foresaw (a damaged registrations file or inbox, a full disk), and a fault
    nobody foresaw without its traceback unless FOOTAGE_AGENT_DEBUG is set, as the command line
    does; either is tried again later."""
    if isinstance(exc, _SAID_PLAINLY):
        words = plain_os_error(exc) if isinstance(exc, OSError) else str(exc)
        log.error("%s: %s; trying again later", what, one_line(words))
        return
    detail = one_line(str(exc), 200)
    log.error("%s (an unexpected failure%s); trying again later; FOOTAGE_AGENT_DEBUG=1 logs the "
              "details", what, f": {detail}" if detail else "",
              exc_info=exc if os.environ.get("FOOTAGE_AGENT_DEBUG") else None)


def _pass(desk, due: dict, stop: threading.Event) -> None:
    """Poll every registration that is due, and send the decisions due; `due` maps (agency,
    registration) to (next time, failures in a row, the token a 4xx refused or None). `stop`
    cuts a call in flight short (PortalCancelled), so a portal that never answers does not
    hold the service's stop."""
    desk.take_up_saved_settings()   # the app beside `run` may have changed them
    kept = set()
    polled, untrusted = registrations_to_poll(desk)
    for key in untrusted:   # said as a portal refusing it is: no request can arrive
        kept.add(key)
        desk.troubles.failed(key, key[0], not_trusted(key[0]), 1, retryable=False)
    for agency, reg in polled:
        key, token = (agency.id, reg), desk.trust.portal_token(agency.id, reg)
        kept.add(key)
        at, failures, parked_token = due.get(key, (0.0, 0, None))
        if time.monotonic() < at or (parked_token is not None and parked_token == token):
            continue
        try:
            poll(desk, agency, reg, stop)
            due[key] = (time.monotonic() + desk.policy.next_delay(0), 0, None)
            desk.troubles.answered(key)
        except PortalCancelled:
            raise
        except PortalError as exc:
            wait = desk.policy.next_delay(failures + 1, exc.retry_after_s)
            due[key] = (time.monotonic() + wait, failures + 1,
                        None if exc.retryable else token)
            desk.troubles.failed(key, agency.name, str(exc), failures + 1, exc.retryable)
        except Exception as exc:
            _say_failed(f"polling {agency.id} failed", exc)
            due[key] = (time.monotonic() + desk.policy.next_delay(failures + 1),
                        failures + 1, None)
    desk.troubles.keep_only(kept)
    send_pending(desk, waiting=True, cancel=stop)
    desk.inbox.expire()
    desk.hold_unfinished(stop)   # a copy the process ended part way ("keep a safe copy")
