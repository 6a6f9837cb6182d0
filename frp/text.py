"""Text that came from the other side, made safe to show: one rule for every screen.

A request, a portal's answer, an agency file, a package, a file name or a log line can carry
characters that act instead of being seen: terminal escapes (ESC, CSI and the C1 controls) that
erase a line or hide text, a carriage return that prints over what came before, a newline that
starts a fake line ("From: ... call +1-555-..."), bidirectional controls that reorder what is
shown (U+202A-U+202E, U+2066-U+2069) and invisible format characters (zero-width spaces and
joiners, U+FEFF). The owner's agent and the portal both show what the other side sent, so the
rule lives here in frp/ and both use it: the agent's command line, the desktop app (through
agent.views) and its log printer, the package verifier and the portal's command line.

The rule: a character is shown as itself only when Unicode calls it printable (Python's
`str.isprintable`: not a control, format, surrogate, private-use, unassigned or line/paragraph
separator character); a no-break space (U+00A0, U+202F) is kept, any other space becomes a
plain space; everything else is written as a visible escape (`\\x1b`, `\\u202e`, `\\n`),
so the owner sees that something was there and it can act on nothing. A multi-line field (a
request's message) keeps its line breaks (CR LF and CR become LF, U+2028/U+2029 too) and tabs;
a one-line field (a name, a case number, a phone, a reason) escapes them as well.
"""
from __future__ import annotations

import unicodedata

__all__ = ["one_line", "multi_line", "quoted"]

_ELLIPSIS = "..."
# No-break spaces look like a space and act on nothing but where a line may wrap: the app
# writes one between a number and its unit ("40 s", "4 días") so a label never shows "(40"
# above "s)". Every other space becomes a plain one.
_NO_BREAK = ("\u00a0", "\u202f")
_LINE_BREAKS = ("\r\n", "\r", "\u2028", "\u2029", "\x85")


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch == "\n":
        return "\\n"
    if ch == "\r":
        return "\\r"
    if ch == "\t":
        return "\\t"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _clean(text: str, keep: str, limit: int | None) -> str:
    pieces = []
    for ch in text:
        if ch.isprintable() or ch in keep or ch in _NO_BREAK:
            pieces.append(ch)
        elif unicodedata.category(ch) == "Zs":
            pieces.append(" ")  # no-break and other spaces: a space is what they look like
        else:
            pieces.append(_escape(ch))
    whole = "".join(pieces)
    if limit is None or len(whole) <= limit:
        return whole
    out, size = [], 0
    for piece in pieces:  # cut before a piece, never inside an escape, and say it goes on
        if size + len(piece) > limit - len(_ELLIPSIS):
            break
        out.append(piece)
        size += len(piece)
    return "".join(out) + _ELLIPSIS


def _text(value: object) -> str:
    return value if isinstance(value, str) else repr(value)


def one_line(value: object, limit: int | None = None) -> str:
    """A value for a one-line field (a name, a case number, a phone, a reason, a path): every
    control, format and line-break character written as a visible escape; at most `limit`
    characters, cut with '...'. Non-text values are shown as their repr."""
    text = _text(value)
    if limit is not None:
        text = text[: limit + 1]  # enough to know it is longer; megabytes are not walked
    return _clean(text, "", limit)


def multi_line(value: object, limit: int | None = None) -> str:
    """A value for a multi-line field (a request's message): line breaks kept as LF and tabs
    kept; every other control and format character written as a visible escape."""
    text = _text(value)
    if limit is not None:
        text = text[: limit + 1]
    for brk in _LINE_BREAKS:
        text = text.replace(brk, "\n")
    return _clean(text, "\n\t", limit)


def quoted(value: object, limit: int = 80) -> str:
    """A value named inside a message ("the agency '...' is not trusted"): text in single
    quotes, anything else as its repr, made one line and cut short (hostile input can hold
    megabytes where a name belongs)."""
    if isinstance(value, str):
        return f"'{one_line(value, max(1, limit - 2))}'"
    return one_line(repr(value), limit)
