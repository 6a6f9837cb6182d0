"""A wall-clock limit on one HTTP exchange, however slowly its bytes trickle in, and its end
at once when the work it belongs to is cancelled.

httpx's timeouts limit each network operation: a server that sends one byte every few
seconds (or a header line a minute) keeps a call going for days within them, and a call to
a server that never answers holds a cancelled job until its read timeout, past the 2 s a
stop signal allows (docs/cli.md). A CallDeadline learns the call's socket through httpcore's
public `trace` extension and shuts it down when the time is up or the cancel flag is set,
which wakes a read (or a write) blocked on it; the call then fails and `expired` or
`cancelled` says why. It needs a connection of the call's own (no keep-alive), since a reused
one is never announced; a connection still being made is not cut (its connect timeout ends
it).
"""
from __future__ import annotations

import ssl
import threading
import time

# The events after which httpcore hands over the stream it connected (TLS wraps the socket,
# so the second one replaces the first).
_CONNECTED = ("connection.connect_tcp.complete", "connection.start_tls.complete")
# shutdown()'s "both directions": SHUT_RDWR, and SD_BOTH on Windows, named here because the
# agent never imports `socket` (tests/test_safety_sockets.py).
_BOTH = 2
# How often the cancel flag is looked at: threading.Event has no callback, and this is the
# longest a cancelled call goes on.
CANCEL_LOOK_S = 0.05


class CallDeadline:
    """`with CallDeadline(60, cancel) as d: client.send(..., extensions={"trace": d.trace})`.

    `seconds` None: no time limit, only the cancel flag; `cancel` None: only the limit."""

    def __init__(self, seconds: float | None, cancel: threading.Event | None = None) -> None:
        self.seconds = seconds
        self.cancel = cancel
        self.expired = False
        self.cancelled = False
        self._sock = None
        self._lock = threading.Lock()
        self._ended = threading.Event()
        self._watcher = threading.Thread(target=self._watch, daemon=True,
                                         name="footage-agent-call-deadline")

    def __enter__(self) -> "CallDeadline":
        if self.seconds is not None or self.cancel is not None:
            self._watcher.start()
        return self

    def __exit__(self, *exc) -> None:
        self._ended.set()
        if self._watcher.is_alive():
            self._watcher.join()

    def trace(self, event: str, info: dict) -> None:
        """httpcore's trace callback: keep the connected socket (shut at once if late)."""
        if event not in _CONNECTED:
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        with self._lock:
            self._sock = sock
            if self.expired or self.cancelled:
                self._shut()

    def _watch(self) -> None:
        end = None if self.seconds is None else time.monotonic() + self.seconds
        while True:
            left = None if end is None else end - time.monotonic()
            look = left if self.cancel is None else \
                CANCEL_LOOK_S if left is None else min(left, CANCEL_LOOK_S)
            if self._ended.wait(max(look, 0.0) if look is not None else None):
                return
            if self.cancel is not None and self.cancel.is_set():
                return self._cut(expired=False)
            if end is not None and time.monotonic() >= end:
                return self._cut(expired=True)

    def _cut(self, expired: bool) -> None:
        with self._lock:
            self.expired, self.cancelled = expired, not expired
            self._shut()

    def _shut(self) -> None:
        if self._sock is None:
            return
        try:
            if isinstance(self._sock, ssl.SSLSocket):
                # The plain socket's shutdown: SSLSocket's would drop its TLS state under
                # the thread still reading it.
                super(ssl.SSLSocket, self._sock).shutdown(_BOTH)
            else:
                self._sock.shutdown(_BOTH)
        except OSError:
            pass   # already closed: the call has ended anyway
