"""Calling back into whoever listens (a progress bar, the app's inbox, an event subscriber).

Work matters more than its listeners: a callback that raises is logged and the work goes on.
Every progress report and event in the agent goes through `call_safely`.
"""
from __future__ import annotations

import logging
from typing import Callable

log = logging.getLogger(__name__)


def call_safely(callback: Callable[..., object] | None, *args: object) -> None:
    """Call `callback(*args)` unless it is None; log whatever it raises, never raise."""
    if callback is None:
        return
    try:
        callback(*args)
    except Exception:
        log.warning("a listener failed on %r; the work goes on", args, exc_info=True)
