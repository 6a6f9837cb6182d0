"""A loopback server's slow answer, and proof (not a clock) that the client did not wait for it.

A test that a limit or a cancel cut a slow answer short once timed the call (`took < 5`), which
a machine loaded many times over can break. Here the server sends a byte every `every` s for
LASTS_S at most and notes how much of that it had sent when the client hung up: a client that
waited would take all of it, one cut at its limit hangs up WITHIN_PART times sooner at the
latest. Under load the server's pace slows with the client, so the margin holds."""
from __future__ import annotations

import select
import ssl
import threading
import time
from typing import Callable

PACE_S = 0.1      # a trickled byte every PACE_S
LASTS_S = 60.0    # then the trickle ends by itself, so a test ends even if the client never gives up
WITHIN_PART = 3   # a client that did not wait hung up before a third of it was sent


def until_hung_up(conn, wait_s: float, stop: threading.Event) -> str:
    """Waits `wait_s` on a trickle's connection: "hung up" as soon as the client closed it,
    "stopped" when the test ends, else "due" (the trickle's next byte). Over TLS the client
    sends nothing more while an answer is coming, so anything readable is its close; on a
    bare socket what it sends (its TLS hello) is read and waited past."""
    ends = time.monotonic() + wait_s
    while True:
        if select.select([conn], [], [], max(0.0, min(0.05, ends - time.monotonic())))[0]:
            if isinstance(conn, ssl.SSLSocket):
                return "hung up"
            try:
                if not conn.recv(65536):
                    return "hung up"
            except OSError:
                return "hung up"   # reset: closed with our bytes unread
            continue
        if stop.is_set():
            return "stopped"
        if time.monotonic() >= ends:
            return "due"


def trickle(send: Callable[[bytes], None], conn, every: float,
            stop: threading.Event) -> float | None:
    """Sends a byte every `every` s through `send` until LASTS_S of them went; returns the
    seconds of trickle (at its pace) sent when the client hung up, None if it never did."""
    for sent in range(1, int(LASTS_S / every) + 1):
        try:
            send(b"x")
        except OSError:
            return sent * every   # it hung up while the byte went
        ended = until_hung_up(conn, every, stop)
        if ended == "hung up":
            return sent * every
        if ended == "stopped":
            return None
    return None


def cut_short(cut_at: list[float | None], calls: int = 1) -> bool:
    """Whether each of `calls` trickles was hung up on before a third of it was sent."""
    return len(cut_at) == calls and all(s is not None and s <= LASTS_S / WITHIN_PART
                                        for s in cut_at)
