"""Why the index cannot be used, in plain words: `StoreError`, what a database error means for
the owner (`database_words`), the folder names the index cannot keep, and a folder removed
while its rows were being written (`SourceGone`)."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from agent.index.name_text import locale_words, read_as_ascii


class StoreError(Exception):
    """The index database cannot be used; the message says why in plain words."""


class SourceGone(Exception):
    """The recordings folder rows were being written for was removed meanwhile (in the app, or
    by another command sharing the home): its rows and cameras went with it, and nothing more
    may be written for it."""


def check_source(db: sqlite3.Connection, source_id: int) -> None:
    """SourceGone unless the folder `source_id` is still registered; asked inside the writer's
    transaction, so it cannot go between this and the write."""
    if db.execute("SELECT 1 FROM sources WHERE id=?", (source_id,)).fetchone() is None:
        raise SourceGone(source_id)


def is_text(root: str) -> bool:
    """True when `root` is text SQLite can keep: a name that is not valid UTF-8 on the disk
    (an SD card formatted by a camera) reaches Python with lone surrogates in it."""
    try:
        root.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def storable(root: str) -> None:
    """Refuse, in plain words, a folder whose own name the index cannot keep."""
    if not is_text(root) and read_as_ascii(root):
        raise StoreError(locale_words(root))
    if not is_text(root):
        shown = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in root)
        raise StoreError(f"the name of the folder {shown} is not valid text (UTF-8), so the "
                         "index cannot keep it: rename the folder to ordinary letters and "
                         "digits, then add it again")


def database_words(path: Path, exc: sqlite3.Error) -> str:
    """Why the index at `path` cannot be used, and what to do, for a person.

    A damaged index must not read as something to delete: besides the list of recordings (which
    a scan rebuilds) it holds the registered folders, their zones and clock offsets, the camera
    names and the names they had.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return (f"the index {path} is damaged and cannot be used ({exc}); it holds your "
                "recordings folders and camera names, not only the list of recordings, so do "
                "not delete it: put back a copy from a backup, or move it aside (keep it) and "
                "add your recordings folders again with the same camera names, then scan")
    return disk_words("the index", path, exc) or f"the index {path} cannot be opened ({exc})"


def disk_words(what: str, path: Path, exc: sqlite3.Error) -> str | None:
    """Why the database `what` ("the index", "the inbox") at `path` cannot be used when its
    disk is the cause (full, failing, read-only) or another program holds it, and what to do;
    None for any other failure."""
    code = getattr(exc, "sqlite_errorcode", None)
    # The primary code of an extended one: a full disk refusing the shared-memory file of a
    # WAL database is SQLITE_IOERR_SHMSIZE.
    code = code & 0xFF if isinstance(code, int) else None
    if code == sqlite3.SQLITE_FULL or (code == sqlite3.SQLITE_IOERR and _disk_full(path)):
        return (f"the disk holding {what} {path} is full: free some space there, then try "
                f"again ({what} was not changed)")
    if code == sqlite3.SQLITE_IOERR:
        return (f"the disk holding {what} {path} could not be read or written: check the "
                "drive; the drive may be failing")
    if code == sqlite3.SQLITE_READONLY:
        return (f"{what} {path} cannot be written (it or its disk is read-only): make it "
                "writable for your user account")
    if code == sqlite3.SQLITE_BUSY:
        return (f"{what} {path} is in use by another program: close it, then try again")
    return None


def _disk_full(path: Path) -> bool:
    """True when the disk holding `path` has no room left (SQLite says "disk I/O error" when
    a full disk refuses its shared-memory file)."""
    try:
        return shutil.disk_usage(Path(path).parent).free < 64 * 1024
    except OSError:
        return False

