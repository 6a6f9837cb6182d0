"""A wall-clock limit on one HTTP exchange, however slowly its bytes trickle in, and its end
at once when the work it belongs to is cancelled.

httpx's timeouts limit each network operation: a server that sends one byte every few
seconds (or a header line a minute) keeps a call going for days within them, and a call to
a server that never answers holds a cancelled job until its read timeout, past the 2 s a
stop signal allows (docs/cli.md). A CallDeadline learns the call's socket through httpcore's
public `trace` extension and shuts it down when the time is up or the cancel flag is set,
which wakes a read, a write or a TLS handshake blocked on it; the call then fails and
`expired` or `cancelled` says why. It needs a connection of the call's own (no keep-alive),
since a reused one is never announced.

A TCP connect has no socket to shut until it is made, and a server that never answers the
connect (a firewall dropping packets, a server down behind a load balancer) held a cancelled
call until the connect timeout (10 s). So a client built on call_transport.py (the upload's
and the portal's) runs each connect made inside a CallDeadline through `connecting`: the
connect goes on a short-lived helper thread and the call waits for it or the cut, whichever
comes first, so the time limit and a cancel end a connect in progress too. The CallDeadline a
connect belongs to is the one the calling thread is inside (a context variable, as
agent/recorders/call_limit.py keeps its limit): httpx's sync client connects on the calling
thread.
"""
from __future__ import annotations

import contextvars
import ssl
import threading
import time
from typing import Callable, TypeVar

import httpcore

# The events after which httpcore hands over the stream it connected: TCP, then TLS over it.
_TCP_DONE, _TLS_DONE = "connection.connect_tcp.complete", "connection.start_tls.complete"
# shutdown()'s "both directions": SHUT_RDWR, and SD_BOTH on Windows, named here because the
# agent never imports `socket` (tests/test_safety_sockets.py).
_BOTH = 2
# The event after which a request has left whole: an answer's limit counts from there.
ANSWER = "http11.send_request_body.complete"
# How often the cancel flag is looked at: threading.Event has no callback, and this is the
# longest a cancelled call goes on.
CANCEL_LOOK_S = 0.05

_Stream = TypeVar("_Stream", bound=httpcore.NetworkStream)
_CURRENT: contextvars.ContextVar["CallDeadline | None"] = contextvars.ContextVar(
    "footage_agent_call_deadline", default=None)


def current() -> "CallDeadline | None":
    """The CallDeadline the calling thread is inside, if any (the one its connects belong to)."""
    return _CURRENT.get()


class CallDeadline:
    """`with CallDeadline(60, cancel) as d: client.send(..., extensions={"trace": d.trace})`.

    `seconds` None: no time limit, only the cancel flag; `cancel` None: only the limit.
    `after`: the httpcore trace event the limit counts from (ANSWER: once the request is
    sent, for an upload whose body may take long); None, from entering."""

    def __init__(self, seconds: float | None, cancel: threading.Event | None = None, *,
                 after: str | None = None) -> None:
        self.seconds = seconds
        self.cancel = cancel
        self._after = after
        self._began: float | None = None
        self.expired = False
        self.cancelled = False
        self._sock = None
        self._own = False   # _sock is a duplicate descriptor this CallDeadline must close
        self._lock = threading.Lock()
        self._ended = threading.Event()
        self._watcher = threading.Thread(target=self._watch, daemon=True,
                                         name="footage-agent-call-deadline")
        self._entered: contextvars.Token | None = None

    def __enter__(self) -> "CallDeadline":
        if self._after is None:
            self._began = time.monotonic()
        if self.seconds is not None or self.cancel is not None:
            self._watcher.start()
        self._entered = _CURRENT.set(self)
        return self

    def __exit__(self, *exc) -> None:
        if self._entered is not None:
            _CURRENT.reset(self._entered)
            self._entered = None
        self._ended.set()
        if self._watcher.is_alive():
            self._watcher.join()
        with self._lock:
            self._release()

    def connecting(self, connect: Callable[[], _Stream]) -> _Stream:
        """The stream `connect` (a TCP connect) makes, or httpcore.ConnectError as soon as the
        call is cut (cancelled, or out of time) while it is still being made.

        The connect runs on a helper thread, since a connect in progress cannot be woken: on a
        cut the call goes on without it, and the helper, left to finish (at the latest when the
        connect timeout ends it), closes whatever connection it got after all."""
        if self.seconds is None and self.cancel is None:
            return connect()   # nothing can cut it: no thread needed
        attempt = _Connect(connect)
        threading.Thread(target=attempt.run, daemon=True, name="footage-agent-connect").start()
        while not attempt.done.wait(CANCEL_LOOK_S):
            # Only once the watcher has said why (`cancelled` or `expired`): the callers read
            # those flags to tell a cut from a network failure.
            if (self.cancelled or self.expired) and attempt.abandon():
                why = "cancelled" if self.cancelled else "out of time"
                raise httpcore.ConnectError(f"the call was {why} while still connecting")
        return attempt.result()

    def trace(self, event: str, info: dict) -> None:
        """httpcore's trace callback: keep the connected socket (shut at once if late), and
        start the clock at the event the limit counts from."""
        if event == self._after and self._began is None:
            self._began = time.monotonic()
        if event not in (_TCP_DONE, _TLS_DONE):
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        with self._lock:
            if event == _TLS_DONE and self._own:
                return   # the copy of the TCP socket's descriptor cuts the TLS one as well
            self._release()
            self._sock, self._own = _copy(sock) if event == _TCP_DONE else (sock, False)
            if self.expired or self.cancelled:
                self._shut()

    def _watch(self) -> None:
        while True:
            began = self._began
            end = None if self.seconds is None or began is None else began + self.seconds
            left = None if end is None else end - time.monotonic()
            # Looked at often while a cancel may come or the clock has yet to start.
            often = self.cancel is not None or (self.seconds is not None and began is None)
            look = left if not often else \
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

    def _release(self) -> None:
        """Close our copy of the socket's descriptor (not the connection's own)."""
        if self._sock is not None and self._own:
            self._sock.close()
        self._sock, self._own = None, False


def _copy(sock):
    """(a descriptor of our own for the TCP socket, True), or (the socket, False) when there is
    no descriptor to spare.

    The TLS handshake that follows the connect moves httpcore's descriptor to a new SSLSocket
    (wrap_socket detaches the socket object seen at the connect), so that object could not
    shut a handshake the server never answers. Shut through our copy, the connection ends
    under the plain socket and the SSLSocket alike, and their TLS state is left alone."""
    try:
        return (sock.dup(), True) if sock is not None else (None, False)
    except OSError:
        return sock, False   # cuts all but a handshake: the SSLSocket replaces it after


class _Connect:
    """One connect on its helper thread: its stream or error, unless the call gave it up
    first, in which case the stream is closed as soon as it comes (nobody will use it)."""

    def __init__(self, connect: Callable[[], httpcore.NetworkStream]) -> None:
        self._connect = connect
        self._lock = threading.Lock()
        self.done = threading.Event()
        self._abandoned = False
        self._stream: httpcore.NetworkStream | None = None
        self._error: Exception | None = None

    def run(self) -> None:
        stream = error = None
        try:
            stream = self._connect()
        except Exception as exc:   # handed to the call, which raises it on its own thread
            error = exc
        with self._lock:
            abandoned = self._abandoned
            if not abandoned:
                self._stream, self._error = stream, error
        if abandoned and stream is not None:
            stream.close()
        self.done.set()

    def abandon(self) -> bool:
        """Give the connect up; False when it has just finished (its result is taken then,
        and the call's trace shuts the connection, the call being cut)."""
        with self._lock:
            if self._stream is not None or self._error is not None:
                return False
            self._abandoned = True
            return True

    def result(self) -> httpcore.NetworkStream:
        if self._error is not None:
            raise self._error
        assert self._stream is not None
        return self._stream
