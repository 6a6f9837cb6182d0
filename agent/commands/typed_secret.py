"""A secret typed at a terminal prompt, without echo, read as the owner typed it.

getpass reads the terminal through the locale's codec: under the C locale without Python's
UTF-8 mode (LC_ALL=C, PYTHONUTF8=0: a minimal container, a service account, an ssh session
that sets no locale) that is ASCII, and a password with an accent ended the command with
"'ascii' codec can't decode byte 0xc3". On POSIX the line is read here as bytes and decoded as
UTF-8, as every option holding the owner's words is (option_values.owner_text), else in the
locale's codec. Windows' console gives getpass characters, not bytes (msvcrt.getwch), so
getpass is used there as it is.
"""
from __future__ import annotations

import getpass
import locale
import os

from agent.commands.common import UsageError
from agent.storage import BINARY


def typed_secret(prompt: str, what: str) -> str:
    """The line typed after `prompt` on this process's terminal, not echoed, without its line
    end; `what` names it in the usage error (exit 2) when the bytes typed are no text."""
    if os.name == "nt":
        return getpass.getpass(prompt)
    try:
        tty = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY | BINARY)
    except OSError:   # no terminal of its own: getpass's own fallback (stdin, with a warning)
        return getpass.getpass(prompt)
    try:
        raw = _read_hidden(tty, prompt)
    finally:
        os.close(tty)
    if raw is None:   # not a terminal after all
        return getpass.getpass(prompt)
    return decoded_line(raw, what)


def decoded_line(raw: bytes, what: str, code_page: str | None = None) -> str:
    """A typed line's bytes as text: UTF-8, else the locale's codec (`code_page`, by default
    the one this process was started with); a usage error naming `what` when neither reads
    them. Only the line end is taken off: a password's own spaces are its own."""
    raw = raw[:-1] if raw.endswith(b"\n") else raw
    raw = raw[:-1] if raw.endswith(b"\r") else raw
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode(code_page or locale.getpreferredencoding(False))
    except (UnicodeDecodeError, LookupError):
        raise UsageError(f"{what} typed is not text this computer's terminal settings can read: "
                         "set the terminal to UTF-8, or give it on stdin with "
                         "--password-stdin") from None


def _read_hidden(fd: int, prompt: str) -> bytes | None:
    """One line read from the terminal `fd` with echo off (put back after, also on Ctrl+C);
    None when `fd` is no terminal."""
    import termios

    try:
        before = termios.tcgetattr(fd)
    except termios.error:
        return None
    hidden = before[:]
    hidden[3] &= ~termios.ECHO
    when = termios.TCSAFLUSH | getattr(termios, "TCSASOFT", 0)
    # Echo off before the prompt, as getpass does: TCSAFLUSH drops what was typed before it,
    # so a line typed as soon as the prompt shows would be lost and the read wait for ever.
    termios.tcsetattr(fd, when, hidden)
    os.write(fd, prompt.encode("utf-8", "replace"))
    try:
        line = b""
        while not line.endswith(b"\n"):
            chunk = os.read(fd, 1024)
            if not chunk:   # Ctrl+D
                break
            line += chunk
    finally:
        termios.tcsetattr(fd, when, before)
        os.write(fd, b"\n")
    return line
