"""Calls to the portal during an approval, retried on 5xx, 429 and no answer (protocol.md
"Errors") after about 1, 2, 4, 8 s (PORTAL_BACKOFF), never before the portal's Retry-After; a
wait it asks for beyond the cap, or failures past the budget, end the run with "try again
later"."""
from __future__ import annotations

import logging
import math
import time
from typing import Callable

from agent.backoff import Backoff
from frp.count_words import counted
from agent.delivery.wire import UploadCancelled
from agent.requests.approval_step import DeliveryError, Step
from agent.requests.portal_client import PortalCancelled, PortalError

PORTAL_TRIES = 5
PORTAL_WAIT_CAP_S = 60.0
PORTAL_BUDGET_S = 180.0
# 1, 2, 4, 8 s +/- 12.5 %. A Retry-After is a floor (up to the day any server may ask);
# one longer than PORTAL_WAIT_CAP_S ends the run instead of being waited for.
PORTAL_BACKOFF = Backoff(base_s=1.0, factor=2.0, cap_s=PORTAL_WAIT_CAP_S, jitter=0.125)
log = logging.getLogger(__name__)


def portal_call(step: Step, call: Callable[[], object]):
    """call(), retried as above; DeliveryError when the portal stays busy or down.

    `call` passes step.cancel on to the portal client, so that a stop ends a call the portal
    never answers at once (UploadCancelled, like a stop during a wait)."""
    began = time.monotonic()
    for tries in range(1, PORTAL_TRIES + 1):
        try:
            return call()
        except PortalCancelled:
            raise UploadCancelled(_CANCELLED) from None
        except PortalError as exc:
            if not exc.retryable:
                raise
            delay = PORTAL_BACKOFF.delay(tries, exc.retry_after_s)
            if tries == PORTAL_TRIES or delay > PORTAL_WAIT_CAP_S \
                    or time.monotonic() - began + delay > PORTAL_BUDGET_S:
                raise DeliveryError(_busy_words(step, exc, tries, delay)) from None
            log.info("portal: %s; trying again in %.1f s", exc, delay)
            _pause(step, delay)
    raise AssertionError("unreachable")


def _busy_words(step: Step, exc: PortalError, tries: int, delay: float) -> str:
    if exc.status is None:
        return str(exc)   # no answer: its own words say what to check
    later = (f"it asks to wait {wait_said(delay)}: approve it again after that" if
             delay > PORTAL_WAIT_CAP_S else "nothing is lost: approve it again later")
    return (f"{step.agency.name}'s portal is busy or down (HTTP {exc.status}, "
            f"{counted(tries, 'try', 'tries')}); {later}")


def wait_said(seconds: float) -> str:
    """A wait the portal asked for, more than PORTAL_WAIT_CAP_S, as a person says it: whole
    minutes under two hours, whole hours under a day, else "a day" (Retry-After is read up to
    a day), each rounded up, so approving again after it is never too soon. Not "86,400 s"."""
    minutes = math.ceil(seconds / 60)
    if minutes < 120:
        return f"{minutes} minutes"
    hours = math.ceil(seconds / 3600)
    return f"{hours} hours" if hours < 24 else "a day"


def _pause(step: Step, seconds: float) -> None:
    """Wait, ending at once when the approval is cancelled."""
    if step.cancel is None:
        time.sleep(seconds)
    elif step.cancel.wait(seconds):
        raise UploadCancelled(_CANCELLED)


_CANCELLED = ("The delivery was cancelled while waiting for the portal; it resumes from here "
              "next time.")
