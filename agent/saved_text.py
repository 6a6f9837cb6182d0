"""Text an owner saved or piped on Windows, read as they wrote it.

Windows' editors and shells mark or encode text in ways a plain UTF-8 reader refuses:
Notepad's "UTF-8 with BOM" (its "UTF-8" before 2019) and PowerShell's `-Encoding UTF8` put
UTF-8's byte-order mark first; Windows PowerShell's `>` and `Out-File`, and Notepad's
"Unicode", write UTF-16 (little-endian) after its mark, and Notepad's "UTF-16 BE" the other
byte order after its own; Notepad's "ANSI" and `Set-Content`
write the computer's code page. The mark is no part of the text (RFC 8259 lets a JSON reader
ignore it), so it is taken off. A leaf module: it imports nothing of the agent.
"""
from __future__ import annotations

import codecs
import locale


def saved_text(raw: bytes, code_page: str | None = None) -> str:
    """`raw` as text: by its byte-order mark when it has one (the mark taken off), else as
    UTF-8, else in `code_page` when one is given. UnicodeDecodeError when none reads it."""
    if raw.startswith(codecs.BOM_UTF16_LE):
        return raw[len(codecs.BOM_UTF16_LE):].decode("utf-16-le")
    if raw.startswith(codecs.BOM_UTF16_BE):   # Notepad's "UTF-16 BE"
        return raw[len(codecs.BOM_UTF16_BE):].decode("utf-16-be")
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        if code_page is None or codecs.lookup(code_page).name == "utf-8":
            raise
        return raw.decode(code_page)


def owner_file_text(raw: bytes) -> str:
    """saved_text for a file the owner wrote on this computer: else in its code page (on
    Windows the ANSI one Notepad's "ANSI" saves in, also in Python's UTF-8 mode; elsewhere
    the locale's, UTF-8 as a rule, so nothing more)."""
    return saved_text(raw, locale.getencoding())
