"""Why a file or folder name the index cannot keep cannot be kept, in plain words.

SQLite keeps text as UTF-8, and a name that is not (an SD card formatted by a camera in
another encoding) reaches Python as lone surrogates: it cannot be kept, and the owner is told to
rename it. But under the C locale without Python's UTF-8 mode (LC_ALL=C, PYTHONUTF8=0) the
file system's encoding is ASCII, and every accented name, valid UTF-8 on the disk, reaches
Python the same way: "rename vídeo to ordinary letters" then blamed the folder for the
program's own setting. That case names the setting, and how to start with UTF-8, instead.
"""
from __future__ import annotations

import codecs
import os
import sys


def read_as_ascii(path: str) -> bool:
    """True when `path` is valid UTF-8 on the disk and unreadable only because this process
    reads names in another encoding (the C locale's ASCII); False on Windows, whose names are
    always text, and for a name that is not UTF-8 at all."""
    if os.name == "nt" or codecs.lookup(sys.getfilesystemencoding()).name == "utf-8":
        return False
    try:
        os.fsencode(path).decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return False
    return True


def as_on_the_disk(path: str) -> str:
    """`path` as its name reads on the disk: UTF-8 where it is, each other byte as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def locale_words(path: str | None = None) -> str:
    """Why the index cannot keep `path` (or a file's name, said after its path), read as ASCII
    (read_as_ascii), and what to do."""
    name = f"the name {as_on_the_disk(path)}" if path is not None else "its name"
    return (f"this program was started with a language setting that reads file names as plain "
            f"ASCII (LC_ALL=C or LANG=C, with PYTHONUTF8=0), so it cannot keep {name}: start it "
            "with a UTF-8 setting (LC_ALL=C.UTF-8, or PYTHONUTF8=1), then try again")
