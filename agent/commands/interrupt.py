"""Stopping a command on Ctrl-C, SIGTERM (a service manager), SIGHUP (its terminal closed) or
Ctrl-Break (Windows) within two seconds, cleanly.

One `Stopper` per process holds the stop flag. Outside a job, a signal raises `Interrupted` in
the main thread at once (a blocking call is cut short: the handler raises, so the call is not
retried, PEP 475). Long work (an export, a delivery, an upload, a scan) runs as a job on its
own thread instead (`run_job`): the signal only sets the job's cancel flag, the job stops at its
next check and removes what it had half-written, and the main thread, which only ever waits in
short slices, gives it `GRACE_S` to do so. A second signal stops waiting for anything, except
inside `shielded()`: a short clean-up that must end (servers whose threads would keep the
process alive). The handler may run while the main thread is inside the stop event's own
wait(), so that event's lock is re-entrant (StopEvent).
"""
from __future__ import annotations

import os
import signal
import threading
from typing import Callable, TypeVar

T = TypeVar("T")

GRACE_S = 1.5     # a cancelled job has this long to clean up: the promise is 2 s in all
_SLICE_S = 0.1    # the main thread waits in slices this long, so a signal is seen on Windows too


class Interrupted(BaseException):
    """The person or the system asked the command to stop (exit 128 + the signal's number).

    A BaseException, like KeyboardInterrupt: no `except Exception` on the way can swallow it.
    """

    def __init__(self, signum: int = signal.SIGINT, unfinished: bool = False,
                 said: bool = False) -> None:
        super().__init__(signum)
        self.signum = signum
        # A job still running when its grace ran out: whether it got to its end is not known.
        self.unfinished = unfinished
        # The command said what the stop left, in its own words: no generic line after them.
        self.said = said

    def having_said(self) -> "Interrupted":
        """This stop, once the command said what it left (the CLI then says nothing more)."""
        return Interrupted(self.signum, self.unfinished, said=True)

    @property
    def exit_code(self) -> int:
        """130 for Ctrl-C and Ctrl-Break, 143 for SIGTERM, 129 for SIGHUP: 128 + the signal, as
        shells count."""
        return exit_code(self.signum)


def exit_code(signum: int | None) -> int:
    """128 + the stop signal's number, as shells count: SIGTERM 143, SIGHUP 129; Ctrl-C and
    Windows' Ctrl-Break (SIGBREAK, 21 there) 130, as one key is the other's twin."""
    if signum == getattr(signal, "SIGTERM", 15):
        return 143
    return 129 if signum == getattr(signal, "SIGHUP", None) else 130


def stop_signal_names(os_name: str = os.name) -> tuple[str, ...]:
    """The signals that ask a command to stop on this system.

    POSIX: SIGINT (Ctrl-C), SIGTERM (kill, systemd, launchd) and SIGHUP (the terminal it runs
    in was closed: uncaught, it ended the demo with its temporary folder left behind). Windows:
    SIGINT (Ctrl-C in a console: CTRL_C_EVENT), SIGBREAK (Ctrl-Break, and CTRL_BREAK_EVENT,
    which is how another program stops a console process there) and SIGTERM (raised by the C
    runtime only).
    """
    if os_name == "nt":
        return ("SIGINT", "SIGBREAK", "SIGTERM")
    return ("SIGINT", "SIGTERM", "SIGHUP")


def kept_ignored(name: str, handler) -> bool:
    """Whether the stop signal `name`, found with `handler`, is left as it is: a SIGHUP the
    process was started ignoring (`nohup`) was asked to outlive its terminal."""
    return name == "SIGHUP" and handler == signal.SIG_IGN


class StopEvent(threading.Event):
    """A threading.Event its own thread may set while inside wait(). The stop signals' handler
    runs in the main thread between two steps of whatever it was doing, which may be the inside
    of this event's wait() with its lock held: with the plain lock, set() there waited for
    itself for ever (seen when two SIGTERMs reached the waiting demo together)."""

    def __init__(self) -> None:
        super().__init__()
        self._cond = threading.Condition(threading.RLock())


class Stopper:
    """The process's stop flag, set by the stop signals once `install` ran."""

    def __init__(self) -> None:
        self.event = StopEvent()
        self.signum: int | None = None
        self._raise_now = True
        self._shielded = False

    def install(self) -> dict:
        """Handle the stop signals (main thread only; elsewhere this does nothing); returns
        the handlers it replaced, for `restore`."""
        if threading.current_thread() is not threading.main_thread():
            return {}
        before = {}
        for name in stop_signal_names():
            sig = getattr(signal, name, None)
            if sig is not None and not kept_ignored(name, signal.getsignal(sig)):
                before[sig] = signal.signal(sig, self._handle)
        return before

    @staticmethod
    def restore(before: dict) -> None:
        """Put back the handlers `install` replaced (a command run inside a longer-lived
        program, such as the tests, leaves it as it found it)."""
        for sig, handler in before.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)

    def _handle(self, signum, _frame) -> None:
        again = self.event.is_set()
        self.signum = self.signum or signum
        self.event.set()
        if self._raise_now or (again and not self._shielded):
            raise Interrupted(self.signum)

    def stop(self, signum: int = signal.SIGINT) -> None:
        """Set the flag as a signal would (for the app's own quit, and tests)."""
        self.signum = self.signum or signum
        self.event.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait (in short slices) until stopped or `timeout` passed; True when stopped."""
        return _wait_sliced(self.event.wait, timeout)

    def quiet(self) -> "_Quiet":
        """`with stopper.quiet():` a signal only sets the flag; whoever waits must look at it."""
        return _Quiet(self)

    def deferred(self) -> "_Quiet":
        """`with stopper.deferred():` a signal only sets the flag, and `Interrupted` is raised
        as the block ends. For loading modules: raised inside, the signal could land in a
        finaliser the garbage collector runs mid-import, where Python reports it ("Exception
        ignored in ...") and carries on, and the stop was lost."""
        return _Quiet(self, then_raise=True)

    def shielded(self) -> "_Quiet":
        """`with stopper.shielded():` no signal raises, not even a second one: for a short
        clean-up that must run to its end (stopping servers whose threads would otherwise keep
        the process alive, removing a folder)."""
        return _Quiet(self, shield=True)

    def run_job(self, work: Callable[[threading.Event], T], grace_s: float = GRACE_S) -> T:
        """`work(cancel)` on its own thread, the main thread waiting in short slices.

        A stop signal sets `cancel`; the work then has `grace_s` to stop (it raises, having
        removed what it was writing), after which `Interrupted` is raised here whatever it did
        (`unfinished` when it was still running). Work that finished despite the signal (it
        was past its last look at `cancel`) returns its result: it was done, and the caller
        says so. Its result is returned and its exception raised, as if it had run here.
        """
        box: dict = {}

        def body() -> None:
            try:
                box["result"] = work(self.event)
            except BaseException as exc:  # handed to the main thread below
                box["error"] = exc

        thread = threading.Thread(target=body, name="footage-agent-command", daemon=True)
        with self.quiet():
            thread.start()
            while thread.is_alive() and not self.event.is_set():
                thread.join(_SLICE_S)
            if thread.is_alive():   # stopped: give the job its grace to clean up
                _wait_sliced(lambda t: (thread.join(t), not thread.is_alive())[1], grace_s)
        if self.event.is_set() and (thread.is_alive() or "error" in box):
            raise Interrupted(self.signum or signal.SIGINT, unfinished=thread.is_alive())
        if "error" in box:
            raise box["error"]
        return box.get("result")


class _Quiet:
    def __init__(self, stopper: Stopper, shield: bool = False, then_raise: bool = False) -> None:
        self._stopper = stopper
        self._shield = shield
        self._then_raise = then_raise
        self._before = (True, False)

    def __enter__(self) -> Stopper:
        s = self._stopper
        self._before = (s._raise_now, s._shielded)
        s._raise_now, s._shielded = False, s._shielded or self._shield
        return s

    def __exit__(self, exc_type, *_exc) -> None:
        self._stopper._raise_now, self._stopper._shielded = self._before
        if self._then_raise and exc_type is None and self._stopper.event.is_set():
            raise Interrupted(self._stopper.signum or signal.SIGINT)


def _wait_sliced(wait: Callable[[float], bool], timeout: float | None) -> bool:
    """Call `wait(slice)` until it returns True or `timeout` passed (None: no end).

    No single wait is long, so the main thread returns to the interpreter often enough to run
    signal handlers on every system (Windows does not interrupt a lock wait)."""
    import time

    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        left = _SLICE_S if deadline is None else min(_SLICE_S, deadline - time.monotonic())
        if left <= 0:
            return False
        if wait(left):
            return True

