"""`footage-agent` run as Windows delivers a stop signal: `python -m tests.windows_signals_child
ARGS...` runs `agent.cli.main(ARGS)` with SIGINT and SIGTERM blocked in the main thread.

On Windows Ctrl+C and Ctrl-Break come on a thread of their own, and Python runs its handler in
the main thread only once that thread next runs Python code: a main thread blocked in a call
(a socket read, a lock) does not see the stop until the call ends. On POSIX the signal
interrupts that call (EINTR), so a command that blocks its main thread in a portal call looks
prompt here and is not there. With the signals blocked in the main thread, the kernel delivers
them to a thread that takes them (the listener below), whose C handler only marks them for the
main thread, as on Windows: what the command does then is what a Windows owner sees.
"""
from __future__ import annotations

import signal
import sys
import threading

STOPS = {signal.SIGINT, signal.SIGTERM}


def main() -> int:
    # Started before the mask is set, so it keeps taking the signals; every thread the
    # command starts inherits the main thread's mask.
    threading.Thread(target=threading.Event().wait, daemon=True,
                     name="stop-signal-listener").start()
    signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    from agent.cli import main as cli
    return cli(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
