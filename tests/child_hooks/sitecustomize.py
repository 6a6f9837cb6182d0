"""Loaded by every Python process the tests start (tests/conftest.py puts this folder first on
PYTHONPATH), before any of the child's own code runs.

1. The socket promise, watched from inside: an audit hook (PEP 578) on `socket.bind`, and a
   wrapper on `socket.socket.listen` (CPython raises no audit event for listen, and a TCP
   socket may listen without binding first), write each call, with the process id and command
   line, to the file named by FOOTAGE_TEST_SOCKET_LOG; a `started` line says both are in
   place. Tests read it for the agent's processes (tests/child_sockets.py): nothing a Python
   child binds or listens on can slip between two samples, as it could when /proc was polled.
2. Coverage of code that only runs in children: with COVERAGE_PROCESS_START set (by
   `python3 dev.py coverage`), coverage measures this process too.
"""
import json
import os
import sys

_LOG = os.environ.get("FOOTAGE_TEST_SOCKET_LOG")
_WATCHED = ("socket.bind",)


def _write(event, detail):
    line = json.dumps({"pid": os.getpid(), "argv": sys.argv if hasattr(sys, "argv") else [],
                       "event": event, "detail": detail})
    # One O_APPEND write per line: children writing at once never interleave within a line.
    fd = os.open(_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (line + "\n").encode("utf-8"))
    finally:
        os.close(fd)


def _hook(event, args):
    if event in _WATCHED:
        _write(event, repr(args[1:]))


def _watch_listen():
    import socket

    listen = socket.socket.listen

    def watched_listen(self, *args):
        _write("socket.listen", repr((self.getsockname(),) + args))
        return listen(self, *args)

    socket.socket.listen = watched_listen


if _LOG:
    sys.addaudithook(_hook)
    _watch_listen()
    _write("started", "")

if os.environ.get("COVERAGE_PROCESS_START"):
    try:
        import coverage
    except ImportError:
        pass
    else:
        coverage.process_startup()
