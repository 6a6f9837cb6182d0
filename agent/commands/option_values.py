"""Values the owner types into options (zones, layouts, camera names), checked before anything
is stored or contacted: a value typed wrong is a usage error (exit 2) that says what would be
right, never a failure (exit 1) found halfway."""
from __future__ import annotations

import argparse
import difflib
import os
from argparse import ArgumentTypeError
from zoneinfo import available_timezones

from agent.commands.common import UsageError, quote_typed_in
from agent.index.camera_names import MAX_NAME, CameraNameError, check_name
from agent.timebase import TimeError, zone
from frp.claims import MAX_MESSAGE_CHARS, reason_problem


def typed_zone(text: str | None, option: str,
               left_out: str = "this computer's zone") -> str | None:
    """`text` when it is an IANA zone (None when the option was not given), else UsageError
    naming the closest zone there is; `left_out` says what leaving the option out gives."""
    if text is None:
        return None
    if not text.strip():
        raise UsageError(f"{option} needs a time zone name such as America/Los_Angeles "
                         f"(leave {option} out for {left_out})")
    try:
        zone(text)
    except TimeError:
        near = _closest(text)
        example = f"perhaps {near}" if near else "such as America/Los_Angeles"
        raise UsageError(f"{option} {text!r} is not a time zone: give an IANA name, {example} "
                         f"(leave {option} out for {left_out})") from None
    return text


def offset_seconds(text: str) -> float:
    """argparse's type for `--clock-offset`: a number of seconds, in plain words when not.
    (Its range is checked by timebase.check_clock_offset.)"""
    try:
        return float(text)
    except ValueError:
        raise ArgumentTypeError(f"{text!r} is not a number of seconds: give the camera clock "
                                "minus true time, e.g. 3600 for a clock an hour fast or -90 "
                                "for one 90 s slow") from None


def offset_text(seconds: float) -> str:
    """A clock offset in plain seconds, to the millisecond at most, with its sign: `:g` wrote
    850006123 s as "+8.50006e+08", a number the owner can neither read nor check against the
    one they gave."""
    return f"{seconds:+.3f}".rstrip("0").rstrip(".")


def _closest(text: str) -> str:
    """The zone spelled nearly like `text` (case and spaces aside), else ''."""
    folded = {n.lower(): n for n in sorted(available_timezones())}
    key = text.strip().replace(" ", "_").lower()
    if key in folded:
        return folded[key]
    near = difflib.get_close_matches(key, list(folded), n=1, cutoff=0.75)
    return folded[near[0]] if near else ""


def typed_layout(text: str | None, known: tuple[str, ...], option: str = "--layout") -> str | None:
    """`text` when it is `auto` or a known recorder layout (None when not given), else
    UsageError listing them."""
    if text is None or text == "auto" or text in known:
        return text
    raise UsageError(f"{option} {text!r} is not a recorder layout: use auto (the default: "
                     f"the layout is told from the files) or one of {', '.join(known)}")


def typed_folder(text: str) -> str:
    """`text` when it can name a recordings folder or recorder, else UsageError: an empty or
    blank PATH (`sources add "$CARD"` with the variable not set) would be the folder the
    command runs in, which a scheduled task's is the system's own (C:\\Windows\\System32)."""
    if not text.strip():
        raise UsageError("PATH is empty: give the recordings folder (or the recorder's address) "
                         "as `footage-agent sources list` lists it")
    return text


def typed_camera(text: str | None, option: str = "--camera", new: bool = False) -> str | None:
    """`text` when it can be a camera's name (None when not given), else UsageError. Only a
    `new` name, one given to a camera, is held to MAX_NAME characters: a name that finds one
    may be longer, as an index made before names were cut to it holds (check_name)."""
    if text is None:
        return None
    try:
        check_name(text, MAX_NAME if new else None)
    except CameraNameError as exc:
        raise UsageError(f"{option}: {exc}") from None
    return text


def typed_reason(text: str | None) -> str | None:
    """A decline's `--reason` (None when not given) as FRP/1 takes it, 1 to 2000 characters of
    text holding no control character but line breaks and tabs, nor a text-direction control
    (frp.claims.reason_problem), else UsageError: found before the request is looked up or
    anything is signed."""
    if text is not None and (len(text) > MAX_MESSAGE_CHARS or not text.strip()):
        raise UsageError(f"--reason must be 1 to {MAX_MESSAGE_CHARS} characters of text (this "
                         f"one has {len(text)}); the agency reads it as you typed it")
    try:   # a byte the terminal sent in another encoding than this computer's: no character
        (text or "").encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError("--reason holds a character this computer cannot read (the terminal "
                         "sent it in another encoding than the computer's, as a Windows or "
                         "Latin-1 terminal does on a UTF-8 computer): type it again without "
                         "accented letters, or set the terminal to UTF-8") from None
    if text is not None and (problem := reason_problem(text)):
        # A paste or $'...' can carry terminal escapes, a bell or a right-to-left override,
        # which would act on the agency's screens: never what an owner means to send.
        raise UsageError(f"--reason holds {problem}, which the agency would "
                         "receive as typed (it can change what the agency's screens show): "
                         "type the reason again without it; line breaks and tabs are fine")
    return text


# Options (by dest) whose values are the owner's words, never a path: a camera's name, the
# owner's name, address and contact, a decline's reason, what a camera sees, a recorder's user.
TEXT_DESTS = frozenset({"camera", "old", "new", "name", "address", "email", "phone", "sees",
                        "reason", "user"})


def owner_text(text: str) -> str:
    """argparse's type for an option holding the owner's words: as the terminal typed them.

    Under the C locale without Python's UTF-8 mode (LC_ALL=C, PYTHONUTF8=0) Python reads every
    argument as ASCII, an accented letter as lone surrogates: `--camera Cámara` ended the
    command with "'utf-8' codec can't encode characters". Bytes that are UTF-8 are read as
    such; any others are left as they came, for the option's own check to refuse in words."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return os.fsencode(text).decode("utf-8")
    except UnicodeError:
        return text


# Options (by dest) naming a request or an agency by its id, copied from a listing.
ID_DESTS = frozenset({"id", "agency"})


def typed_id(text: str) -> str:
    """argparse's type for a request's or an agency's id: owner_text, and a usage error in
    words when it still holds bytes that are no character (a Latin-1 terminal under the C
    locale), which ended the command with "'utf-8' codec can't encode ... surrogates not
    allowed" when it was looked up (exit 1)."""
    text = owner_text(text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ArgumentTypeError(
            f"'{os.fsencode(text).decode('utf-8', 'backslashreplace')}' holds "
            "bytes that are no character this computer's terminal settings can read: copy the "
            "id as `footage-agent inbox` or `footage-agent agencies list` shows it") from None
    return text


# Options (by dest) naming a file or folder on this computer: `--home`, `export --out`,
# `sources add PATH`, `scan PATH...`, `verify --ca`/`--receipt`, an agency or mask FILE, ...
# (PACKAGE reads it itself: common.named_package).
PATH_DESTS = frozenset({"home", "out", "ca", "receipt", "file", "path", "paths", "dir",
                        "witness", "cameras", "pasted_token", "source", "request"})


def typed_path(text: str) -> str:
    """argparse's type for an option naming a file or folder: on Windows a quote left at its
    end is the backslash PowerShell's Tab put before the closing quote (`"C:\\My Folder\\"`
    reaches the program as `C:\\My Folder"`: PowerShell/PowerShell#7400), read as that
    backslash; one with words after it is a usage error saying what to type
    (common.quote_typed_in). Elsewhere a quote is a character a name may hold."""
    from agent import owner_paths

    try:
        return quote_typed_in(text, owner_paths.SYSTEM, what="")
    except UsageError as exc:
        raise ArgumentTypeError(str(exc)) from None


def text_options(parser: argparse.ArgumentParser) -> None:
    """Give every option of the command tree that holds the owner's words (TEXT_DESTS) the
    type owner_text, every id (ID_DESTS) typed_id, and every file or folder (PATH_DESTS)
    typed_path, unless it has a type of its own."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in set(action.choices.values()):
                text_options(child)
        elif action.type is None and action.nargs != 0:
            if action.dest in TEXT_DESTS:
                action.type = owner_text
            elif action.dest in ID_DESTS:
                action.type = typed_id
            elif action.dest in PATH_DESTS:
                action.type = typed_path


# Options whose value may begin with '-', which argparse takes for another option ("expected
# one argument"): an owner id is base64url, and one in 64 begins so.
_DASHED_VALUES = ("--owner",)


def dashed_values_joined(args: list[str], options) -> list[str]:
    """`args` with each _DASHED_VALUES option and a following value beginning with '-' (not
    an option of the parser's, nor `--`) as one `--option=value`."""
    out, i = [], 0
    while i < len(args):
        arg = args[i]
        if (arg in _DASHED_VALUES and arg in options and i + 1 < len(args)
                and args[i + 1].startswith("-") and args[i + 1] != "--"
                and args[i + 1].split("=", 1)[0] not in options):
            out.append(f"{arg}={args[i + 1]}")
            i += 2
            continue
        out.append(arg)
        i += 1
    return out
