"""Text as Windows' editors and shells save it (agent/saved_text.py): the byte-order marks of
Notepad and PowerShell taken off, UTF-16 read, and Notepad's "ANSI" read in the code page."""
from __future__ import annotations

import codecs

import pytest

from agent.saved_text import saved_text

NAME = "Küche, Calle Año 5"


def test_a_mark_says_how_the_text_is_written_and_is_no_part_of_it():
    assert saved_text(codecs.BOM_UTF8 + NAME.encode("utf-8")) == NAME
    assert saved_text(codecs.BOM_UTF16_LE + NAME.encode("utf-16-le")) == NAME
    assert saved_text(NAME.encode("utf-8"), "cp1252") == NAME   # UTF-8 first, as it is
    assert saved_text(b"\xef\xbb\xbf \xef\xbb\xbf") == " \ufeff"   # only the first is a mark


def test_notepads_utf16_big_endian_is_read_too():
    """Trust hunt 9: Notepad's "UTF-16 BE" (its "Unicode big endian" before 2019) put UTF-16's
    mark in the other byte order, which was read as UTF-8 and refused as not text (an agency
    file saved so: "the agency file is not UTF-8 text")."""
    assert saved_text(codecs.BOM_UTF16_BE + NAME.encode("utf-16-be")) == NAME


def test_text_saved_in_the_code_page_is_read_in_it_and_nothing_else_is_guessed():
    ansi = NAME.encode("cp1252")       # Notepad's "ANSI" on a Western European Windows
    assert saved_text(ansi, "cp1252") == NAME
    for code_page in (None, "utf-8", "UTF8"):   # no code page, or UTF-8's: not text
        with pytest.raises(UnicodeDecodeError):
            saved_text(ansi, code_page)
    with pytest.raises(UnicodeDecodeError):
        saved_text(codecs.BOM_UTF8 + ansi, "cp1252")   # a UTF-8 mark before other bytes
