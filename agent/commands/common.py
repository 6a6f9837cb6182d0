"""What every command shares: exit codes, the error types they map from, output helpers."""
from __future__ import annotations

import codecs
import json
import os
import sys
from pathlib import Path
from typing import Any

from agent.os_words import plain_os_error
from agent.storage import open_ordinary
from agent.timebase import TimeError, format_utc, in_calendar
from frp.text import multi_line, one_line

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_REFUSED = 0, 1, 2, 3


class UsageError(Exception):
    """The command line itself is wrong (exit 2)."""


class Refused(Exception):
    """Verification failed, nothing matched, or the owner's rules forbid it (exit 3)."""


def readable_file(text: str, what: str) -> None:
    """A usage error (exit 2), in plain words, when `text` names no file that can be read: a
    path typed wrong, a folder, a drive not there, a named pipe or a device. `what` names the file (`the agency file`)."""
    if not text.strip():   # `"$FILE"` unset: open("") says only that "a file" does not exist
        raise UsageError(f"cannot read {what}: the path is empty: give the file's path")
    try:   # a named pipe is said, not waited on for ever (storage.open_ordinary)
        os.close(open_ordinary(text))
    except OSError as exc:
        raise UsageError(f"cannot read {what}: {plain_os_error(exc, text)}") from None


def named_package(text: str) -> Path:
    """The package PATH names; a usage error when it is empty or blank (`verify "$PKG"` with
    the variable not set), which would be the folder the command runs in. `E:` is the drive's
    root (owner_paths.py); on Windows a quote a shell left in it is read as typed
    (quote_typed_in)."""
    from agent.owner_paths import SYSTEM, NotAFolderPath, drive_rooted

    if not text.strip():
        raise UsageError("PACKAGE is empty: give the package folder, named like "
                         "CASE_camera_TIME, or its .tar")
    try:
        return Path(drive_rooted(quote_typed_in(text, SYSTEM)))
    except NotAFolderPath as exc:
        raise UsageError(str(exc)) from None


def quote_typed_in(text: str, system: str, what: str = "PACKAGE") -> str:
    """PATH as typed, on Windows without the quote a shell left at its end. A folder typed
    with a backslash before its closing quote, `"C:\\My Cases\\pkg\\"` (PowerShell's Tab
    adds that backslash to a folder, and quotes a path with a space), reaches the program as
    `C:\\My Cases\\pkg"`: Windows' rule reads `\\"` as a quote that is part of the word, so
    the path ends in one, and any word typed after it (`--json`) is in it too. No Windows name
    holds a quote: one at the end is that backslash, read as one; one inside is a usage error
    saying to type the folder without its final backslash. `what` names the path in it
    (every path option gets this reading: option_values.typed_path)."""
    if system != "nt" or '"' not in text:
        return text
    path, after = text.split('"', 1)
    if not after.strip():
        return path + "\\"
    meant = one_line(path.rstrip("\\"))
    raise UsageError(
        f"{what + ' ' if what else ''}{one_line(text)} holds a quote, which no Windows file name does: a backslash "
        f"just before a closing quote makes the quote part of what was typed, with the words "
        f"after it ({one_line(after.strip())}). Type the folder without that final "
        f'backslash: "{meant}"')


def parse_time(text: str, what: str, zone_name: str | None = None) -> int:
    """A time from the command line (`what` names the option) as UTC microseconds, or a usage
    error. Without an offset it is read in `zone_name` (default: this PC's zone); see
    agent/commands/local_time.py."""
    from agent.commands.local_time import read_time
    from agent.timebase import system_zone_name

    try:
        return read_time(text, what, zone_name or system_zone_name(), note=say)
    except TimeError as exc:
        raise UsageError(str(exc)) from None


def utc(us: int | None) -> str | None:
    """An instant as JSON shows it (RFC 3339 UTC); null for none, and for a time outside the
    years 1 to 9999 that an older version may have kept in the index (never a crash)."""
    return None if us is None or not in_calendar(us) else format_utc(us)


def print_json(value: Any) -> None:
    """JSON to stdout (and nothing else goes to stdout in --json mode): as written where stdout
    is UTF-8, else with JSON's own escapes, which every reader turns back into the same text."""
    utf8 = codecs.lookup(getattr(sys.stdout, "encoding", None) or "ascii").name == "utf-8"
    json.dump(value, sys.stdout, indent=2, ensure_ascii=not utf8)
    sys.stdout.write("\n")


def say(text: str) -> None:
    """A message for the person: stderr, so stdout stays clean for --json. It may quote what a
    request, a portal or a file said, so it passes the display sanitiser (frp.text) whole.
    A terminal whose window was closed fails every write (EIO): there is nobody left to tell,
    and the command goes on to its end (`run` stopped by that SIGHUP ended 1, not 0)."""
    try:
        print(multi_line(text), file=sys.stderr)
    except OSError:
        pass
