"""FFmpeg's refusal to open a file, as the system gives it.

FFmpeg passes on the C library's errno alone. On Windows that is EACCES both for a file
another program holds open without sharing it (a recorder program still writing it, a backup)
and for one this account may not read, which call for different words (os_words). Python,
opening the file again, names Windows' own code. A leaf module: it imports nothing of the agent.
"""
from __future__ import annotations

from pathlib import Path


def as_the_system_says(exc: OSError, path: Path) -> OSError:
    """`exc`, FFmpeg's refusal to open `path`, as the system gives it: a PermissionError with
    no Windows code is asked again through Python, which gives one on Windows (elsewhere the
    same errno comes back)."""
    if not isinstance(exc, PermissionError) or getattr(exc, "winerror", None) is not None:
        return exc
    try:
        with open(path, "rb"):
            return exc
    except OSError as again:
        return again
