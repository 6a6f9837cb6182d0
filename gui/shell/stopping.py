"""Stopping the app on SIGINT (Ctrl-C), SIGTERM (logout, a service manager, `kill`) and, on
Windows, Ctrl-Break, within two seconds and cleanly: the window is closed, every job is asked to
stop and given `GRACE_S` to remove what it had half-written, then the app exits 128 + the
signal's number (130, 143), as the `footage-agent` commands do.

Python runs a signal handler only when the interpreter gets control, and Qt's event loop is C++
that can sleep for ever: a timer hands control back to Python every `WAKE_MS`. A timer rather
than a socket notifier: the app never opens a socket of its own, even a connected pair.
"""
from __future__ import annotations

import os
import signal
import threading
from typing import Callable

from PySide6.QtCore import QObject, QTimer

GRACE_S = 1.5     # the jobs' time to stop after the window closed: 2 s in all
WAKE_MS = 100


def stop_signal_names(os_name: str = os.name) -> tuple[str, ...]:
    """The signals that ask the app to stop on this system: POSIX SIGINT, SIGTERM and SIGHUP
    (the terminal it was started from closed; not when started under `nohup`, which ignores
    it); Windows SIGINT (Ctrl-C in the console), SIGBREAK (Ctrl-Break, and how another program
    stops a console program there) and SIGTERM (raised by the C runtime only)."""
    if os_name == "nt":
        return ("SIGINT", "SIGBREAK", "SIGTERM")
    return ("SIGINT", "SIGTERM", "SIGHUP")


def exit_code(signum: int) -> int:
    """143 for SIGTERM, 129 for SIGHUP, 130 for Ctrl-C and Ctrl-Break: 128 + the signal, as
    shells count."""
    if signum == getattr(signal, "SIGTERM", 15):
        return 143
    return 129 if signum == getattr(signal, "SIGHUP", None) else 130


class SignalStop(QObject):
    """While installed, a stop signal calls `stop()` once (on the GUI thread: Python runs
    handlers in the main thread) and is remembered in `signum`."""

    def __init__(self, stop: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self._stop = stop
        self.signum: int | None = None
        self._before: dict = {}
        self._timer = QTimer(self)
        self._timer.setInterval(WAKE_MS)
        self._timer.timeout.connect(lambda: None)   # Python gets control: pending handlers run

    def install(self) -> None:
        """Handle the stop signals (from the main thread only; elsewhere nothing changes)."""
        if threading.current_thread() is not threading.main_thread():
            return
        for name in stop_signal_names():
            sig = getattr(signal, name, None)
            if sig is None or (name == "SIGHUP" and signal.getsignal(sig) == signal.SIG_IGN):
                continue   # nohup: asked to outlive its terminal
            self._before[sig] = signal.signal(sig, self._handle)
        self._timer.start()

    def restore(self) -> None:
        """Put back the handlers `install` replaced."""
        self._timer.stop()
        for sig, handler in self._before.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        self._before = {}

    @property
    def exit_code(self) -> int | None:
        """The app's exit code when a signal stopped it, else None."""
        return None if self.signum is None else exit_code(self.signum)

    def _handle(self, signum, _frame) -> None:
        if self.signum is not None:
            return   # already stopping: the jobs' grace is bounded anyway
        self.signum = signum
        # Queued for the event loop, not called here: a signal handled before the loop runs
        # (as the app starts) would quit a loop not yet running, which Qt ignores.
        QTimer.singleShot(0, self._stop)
