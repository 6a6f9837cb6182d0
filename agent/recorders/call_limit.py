"""A limit on one whole call to a recorder, however slowly its bytes trickle in.

httpx's timeouts limit each network operation: a device sending a header line a minute, or a
byte every few seconds, keeps a call going for days within them. The recorder transport owns
its network streams (transport.py), so each of their operations (connect, TLS handshake, read,
write) waits at most what is left of the call's limit, and none starts once it is spent: the
call then fails with a timeout, and `CallLimit.expired` says it was the whole call's.

The portal client does this with agent/deadline.py instead (a timer that shuts the socket):
that needs a connection for each call and a thread per call, which cost a recorder's search
of 10,000 recordings (250 pages) about 2 s more over https on this computer alone, and a
TLS handshake per page on a slow device. Here kept-alive connections are bounded too.

The limit is held in a context variable: httpx's sync client does all of a call's network
work on the calling thread, and each thread has its own context, so calls on other threads
keep their own limits.
"""
from __future__ import annotations

import contextvars
import time

import httpcore

_ENDS: contextvars.ContextVar[float | None] = contextvars.ContextVar("recorder_call_ends",
                                                                     default=None)


class CallLimit:
    """`with CallLimit(60) as limit: ...`: network operations inside end by then."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = 0.0
        self._token: contextvars.Token | None = None

    def __enter__(self) -> "CallLimit":
        self.ends = time.monotonic() + self.seconds
        self._token = _ENDS.set(self.ends)
        return self

    def __exit__(self, *exc) -> None:
        _ENDS.reset(self._token)

    @property
    def expired(self) -> bool:
        """Whether the call's time is spent."""
        return time.monotonic() >= self.ends


def bounded(timeout: float | None, over: type[httpcore.TimeoutException]) -> float | None:
    """One network operation's `timeout`, shortened to what is left of the current call's
    limit (if any); raises `over` when nothing is left."""
    ends = _ENDS.get()
    if ends is None:
        return timeout
    left = ends - time.monotonic()
    if left <= 0:
        raise over("the call's time limit is spent")
    return left if timeout is None else min(timeout, left)
