"""The first line piped to a command (`--password-stdin`), as the owner typed it.

What Windows' shells and editors put around a line is taken off, and nothing else (a password
may begin or end in spaces):
- the line's end, `\\n` or `\\r\\n`: cmd's `echo`, PowerShell's pipe and a file saved on Windows
  end lines in `\\r\\n`, and Python takes the `\\r` off by itself only on Windows (a file saved
  there and piped on Linux or macOS kept it);
- a byte-order mark before it: UTF-8's (Windows PowerShell's pipe with `$OutputEncoding` set
  to UTF-8, Notepad before 2019) or UTF-16's (a file Windows PowerShell's `>` wrote, Notepad's
  "Unicode"), which is read as UTF-16 then.
The bytes are read as UTF-8, else in this computer's code page: Python reads a pipe on Windows
in the ANSI code page, which made PowerShell 7's UTF-8 `ñ` two letters (agent/saved_text.py).
"""
from __future__ import annotations

import codecs

from agent.saved_text import saved_text


class NotText(ValueError):
    """The line is neither UTF-8 nor UTF-16 with its mark nor in the code page given."""


def first_line(stream) -> str:
    """The first line of `stream` (sys.stdin), read no further, by the rules above."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:    # a stream of text only (an embedding's, a test's StringIO)
        return line_text(stream.readline().encode("utf-8", "surrogatepass"), "utf-8")
    raw = buffer.readline()
    if raw.startswith(codecs.BOM_UTF16_LE):
        raw = _rest_of_utf16_line(buffer, raw)
    return line_text(raw, getattr(stream, "encoding", None) or "utf-8")


def _rest_of_utf16_line(buffer, raw: bytes) -> bytes:
    """Read on until the UTF-16 line's end (`\\n` is the bytes 0A 00 there, at an even place
    after the mark; readline stopped at the 0A, which may also be half of another letter)."""
    while len(raw) % 2 or not raw.endswith(b"\n\x00"):
        more = buffer.read(1) if len(raw) % 2 else buffer.readline()
        if not more:
            break
        raw += more
    return raw


def line_text(raw: bytes, code_page: str) -> str:
    """`raw` (one line, its end included when it has one) as text, its mark and end taken off;
    NotText when it cannot be read."""
    try:
        text = saved_text(raw, code_page)
    except (UnicodeDecodeError, LookupError):
        raise NotText(f"neither UTF-8 nor this computer's code page ({code_page})") from None
    for end in ("\r\n", "\n"):
        if text.endswith(end):
            return text[:-len(end)]
    return text
