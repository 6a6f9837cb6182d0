"""Writing the agent's own state safely: atomic file replacement, safe file names, files read
only as ordinary files, and tidying what a killed build left behind (the SQLite databases'
files and transactions: agent/databases.py).

A crash or power loss must leave either the old state or the new, never half of each.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import stat
import tempfile
import time
from pathlib import Path

from agent.os_words import NOT_A_FILE
from agent.replace_pauses import retry_pauses


SYSTEM = os.name   # the system whose branch `replace` takes (the tests take Windows' too)

# os.open on Windows opens in text mode unless told otherwise: each "\n" written becomes "\r\n"
# and a read stops at the first Ctrl-Z. Every descriptor whose bytes are read or written adds this.
BINARY = getattr(os, "O_BINARY", 0)
# Opening a named pipe to read waits for a writer, for ever if none comes; opened without
# waiting, it is seen for what it is. Windows keeps no pipes among files: it has no such flag.
_NO_WAIT = getattr(os, "O_NONBLOCK", 0)

# Names Windows keeps for devices, whatever the extension: a file `aux.mp4` or a folder `CON`
# would be the device, not a file (a recorder on the network chooses its files' names). The
# superscript digits count as digits there (`COM¹`).
_DEVICE_NAMES = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?", re.IGNORECASE)


def is_device_name(name: str) -> bool:
    """True for a name Windows takes as a device (`CON`, `nul.txt`, `COM1.x.y`), not a file."""
    return _DEVICE_NAMES.fullmatch(name) is not None


def safe_name(text: str) -> str:
    """A camera or case name made safe as part of a file name on every OS."""
    return _cleaned(text, whole=True)


def _cleaned(text: str, whole: bool) -> str:
    """`text` in the characters safe everywhere, at most 64 of them, never a device name;
    `whole` (a name on its own) also never ending in a dot, which Windows would drop: cut at
    64, `a.b` can end so."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip(".-")[:64]
    cleaned = (cleaned.rstrip(".-") if whole else cleaned) or "camera"
    return "_" + cleaned[:63] if is_device_name(cleaned) else cleaned


def distinct_name(text: str) -> str:
    """safe_name, with a short SHA-256 of `text` added when cleaning changed it: two cameras
    whose names clean up alike ("Вход" and "Двор" both become "camera") keep files apart."""
    name = safe_name(text)
    if name == text:
        return name
    # The masks' files have been named so from the start (masks.py): keep the form, cut
    # where it always was (a dot before the digest is no final dot).
    digest = hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()[:8]
    return f"{_cleaned(text, whole=False)}-{digest}"


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write a file via a temporary sibling: mode set before any byte, fsync, then rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    sync_renamed_into(path.parent)


_RETRY_S = 0.05      # between tries of a replace Windows refuses for a moment
_wait = time.sleep   # replace's pause, looked up at each: a test's clock stands in for it


def replace(src: str | Path, dst: Path, os_name: str | None = None, move=None,
            sleep=None, held_bytes: int = 0) -> None:
    """os.replace (or `move`: os.rename, which never replaces a folder holding anything),
    which on Windows is tried again while it is refused (retry_pauses: a second, longer for
    `held_bytes`, the size of a large file moved or of what a folder moved holds): there a file
    another program holds open (a virus scanner reading the new file, the app reading the old
    one), or a folder holding one, cannot be moved or replaced, and is let go once it is read;
    and a file marked read-only, never, so the mark is cleared first."""
    pauses = retry_pauses(held_bytes, _RETRY_S) if (os_name or SYSTEM) == "nt" else []
    for attempt in range(len(pauses) + 1):
        try:
            (move or os.replace)(src, dst)   # looked up now: os.replace as it is at the call
            return
        except PermissionError:
            if attempt == len(pauses):
                raise
            if attempt == 0:
                _clear_read_only(dst)
            (sleep or _wait)(pauses[attempt])


def _clear_read_only(path: Path) -> None:
    """Make the agent's own file writable for its owner when it is marked read-only: Windows
    never replaces a read-only file, and a home copied back from a backup or a disc keeps
    the mark (os.chmod clears it there). Best effort: what still refuses is said as refused."""
    try:
        mode = os.stat(path).st_mode
        if not mode & stat.S_IWRITE:
            os.chmod(path, stat.S_IMODE(mode) | stat.S_IWRITE)
    except OSError:
        pass


def sync_renamed_into(folder: Path) -> None:
    """fsync_dir after a rename into `folder`, best effort: what was renamed is already
    complete and in place, so a folder that cannot be synced is no reason to fail."""
    try:
        fsync_dir(folder)
    except OSError:
        pass


def fsync_dir(path: Path) -> None:
    """fsync a folder so a rename or a new file in it survives a power loss (POSIX; Windows has
    no such call on folders and commits the rename itself)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def newer_layout(what: str, path: Path, found: object, known: object) -> str:
    """Why a file of the home folder written by a newer footage-agent is not used, for a
    person: this older one would misread it or stamp its own layout over it (the owner went
    back to an older version, or copied the folder from a PC with a newer one)."""
    return (f"{what} {path} was written by a newer version of footage-agent (its layout "
            f"{found}; this version knows up to {known}), so this version leaves it as it is: "
            "install the newer version of footage-agent again, then start it")


def by_newer_version(problem: str) -> bool:
    """Whether `problem` is newer_layout's: to install that version again, not to replace the
    file."""
    return "was written by a newer version of footage-agent (its layout" in problem


STALE_AFTER_S = 24 * 3600  # no build takes a day; anything older was left by a crash


def remove_stale_partials(parent: Path, older_than_s: float = STALE_AFTER_S,
                          folder_marker: str | None = None) -> int:
    """Remove `.*.partial-*` files and folders in parent left by a killed build; the count.

    Only names of that pattern, only when untouched for older_than_s (so a build still running
    in another process is never disturbed) and, with folder_marker, only folders holding an
    entry of that name (for folders the owner chose, where others' files may live). Failures
    are ignored: this is tidying.
    """
    removed = 0
    for path, st in _untouched(parent, ".*.partial-*", older_than_s):
        try:
            if stat.S_ISDIR(st.st_mode):
                if folder_marker is not None and not os.path.lexists(path / folder_marker):
                    continue
                shutil.rmtree(path)
            else:
                path.unlink()
            removed += 1
        except OSError:
            continue
    return removed


def remove_stale_temps(parent: Path, older_than_s: float = STALE_AFTER_S) -> int:
    """Remove hidden `.*.tmp` files in parent that a write killed before its rename left
    (write_atomic's, an owner key's); the count. Only files untouched for older_than_s: such a
    write lasts moments, so one that old has no process behind it. Failures are ignored."""
    removed = 0
    for path, st in _untouched(parent, ".*.tmp", older_than_s):
        if stat.S_ISREG(st.st_mode):
            try:
                path.unlink()
                removed += 1
            except OSError:
                continue
    return removed


def _untouched(parent: Path, pattern: str,
               older_than_s: float) -> list[tuple[Path, os.stat_result]]:
    """The entries of parent matching `pattern` untouched for older_than_s, with their lstat;
    none when parent cannot be listed, and none that went away meanwhile."""
    cutoff, found = time.time() - older_than_s, []
    try:
        candidates = list(Path(parent).glob(pattern))
    except OSError:
        return []
    for path in candidates:
        try:
            st = path.lstat()
        except OSError:
            continue
        if st.st_mtime < cutoff:
            found.append((path, st))
    return found


def open_ordinary(path: Path | str, flags: int = os.O_RDONLY, mode: int = 0o600) -> int:
    """A descriptor on the ordinary file at `path` (a link followed), opened with `flags`
    (BINARY added; `mode` for one O_CREAT makes). OSError for what is no ordinary file, never
    read nor waited on: a named pipe or a device (os_words.NOT_A_FILE), a folder (EISDIR)."""
    fd = os.open(path, flags | BINARY | _NO_WAIT, mode)
    try:
        kind = os.fstat(fd).st_mode
        if stat.S_ISDIR(kind):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(kind):
            raise OSError(NOT_A_FILE, "not an ordinary file", str(path))
        if _NO_WAIT:
            os.set_blocking(fd, True)   # only the open was not to wait
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_file_start(path: Path | str, limit: int) -> bytes:
    """At most `limit` bytes from the start of the ordinary file at `path` (a link followed),
    never more read: a file of gigabytes, or a link to `/dev/zero`, costs `limit` bytes.
    OSError for what is no ordinary file (open_ordinary)."""
    fd = open_ordinary(path)
    try:
        chunks, left = [], limit
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
