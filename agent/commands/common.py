"""What every command shares: exit codes, the error types they map from, output helpers."""
from __future__ import annotations

import json
import sys
from typing import Any

from agent.timebase import TimeError, format_utc, parse_rfc3339
from frp.text import multi_line

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_REFUSED = 0, 1, 2, 3


class UsageError(Exception):
    """The command line itself is wrong (exit 2)."""


class Refused(Exception):
    """Verification failed, nothing matched, or the owner's rules forbid it (exit 3)."""


def parse_time(text: str, what: str) -> int:
    """An RFC 3339 time from the command line, or a usage error naming the option."""
    try:
        return parse_rfc3339(text)
    except TimeError as exc:
        raise UsageError(f"{what}: {exc}") from None


def utc(us: int | None) -> str | None:
    return None if us is None else format_utc(us)


def print_json(value: Any) -> None:
    """JSON to stdout (and nothing else goes to stdout in --json mode)."""
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def say(text: str) -> None:
    """A message for the person: stderr, so stdout stays clean for --json. It may quote what a
    request, a portal or a file said, so it passes the display sanitiser (frp.text) whole."""
    print(multi_line(text), file=sys.stderr)


def stage_printer():
    """A progress callback for the terminal: says each stage once, on stderr."""
    last = {"stage": None}

    def show(stage: str, fraction: float) -> None:
        if stage != last["stage"]:
            say(f"{stage}...")
            last["stage"] = stage

    return show
