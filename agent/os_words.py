"""Operating-system errors in plain words: what happened to which file, and what to do.

A person must never read "[Errno 30] Read-only file system" or "[WinError 32]". Every OSError
that reaches the owner (the command line, the app) goes through `plain_os_error`. Windows
errors arrive with `winerror` set; Python maps most of them to an errno already, and the table
below covers the ones it leaves as EINVAL or does not map, so both systems read the same.

A leaf module: it imports nothing of the agent.
"""
from __future__ import annotations

import errno
import re

# errno -> what happened to `{path}`, and what to do. `{path}` is the file the OS named, or
# "a file" when it named none.
_WORDS: dict[int, str] = {
    errno.ENOSPC: "the disk holding {path} is full: free some space there, or choose another "
                  "folder",
    errno.EROFS: "{path} is on a read-only disk (a locked SD card, a write-protected USB stick "
                 "or a read-only share): unlock it, or choose another folder",
    errno.EEXIST: "{path} already exists: choose another name or folder (nothing was "
                  "overwritten)",
    errno.EACCES: "permission denied for {path}: your user account may not do this there; "
                  "choose another folder, or ask whoever owns it",
    errno.ENOENT: "{path} does not exist: check the path, or connect the drive it is on",
    errno.ENOTDIR: "{path} is not a folder (part of the path is a file): check the path",
    errno.EISDIR: "{path} is a folder where a file was expected: check the path",
    errno.ENOTEMPTY: "{path} is not empty: choose an empty or new folder",
    errno.EIO: "the disk holding {path} could not be read or written (input/output error): "
               "check the drive and its cable; the drive may be failing",
    errno.ENXIO: "the drive holding {path} is not there any more: connect it again",
    errno.ENODEV: "the drive holding {path} is not there any more: connect it again",
    errno.EBUSY: "{path} is in use by another program: close it, then try again",
    errno.ETXTBSY: "{path} is in use by another program: close it, then try again",
    errno.EMFILE: "too many files are open at once: close other programs, then try again",
    errno.ENFILE: "too many files are open at once: close other programs, then try again",
    errno.ENAMETOOLONG: "the name {path} is too long for this disk: choose a shorter folder",
    errno.ELOOP: "{path} points back at itself through links: check the path",
    errno.EXDEV: "{path} is on another disk than the folder it had to move into: choose a "
                 "folder on the same disk",
    errno.EFBIG: "{path} is too big for this disk (FAT32 holds files up to 4 GB): choose a "
                 "disk formatted as exFAT or NTFS, or a shorter window",
    errno.EPIPE: "the program reading the output stopped",
    errno.EINTR: "interrupted",
    errno.ETIMEDOUT: "the connection timed out: check that this computer is online, then try "
                     "again",
    errno.ECONNREFUSED: "the connection was refused: the other side is not answering; try "
                        "again later",
    errno.ECONNRESET: "the connection was cut off: try again",
    errno.ENETUNREACH: "the network cannot be reached: check that this computer is online",
    errno.EHOSTUNREACH: "the other computer cannot be reached: check that this computer is "
                        "online",
}
_WORDS[errno.EPERM] = _WORDS[errno.EACCES]
# A name Windows refuses (ERROR_INVALID_NAME), which no errno says: a name typed with one of its
# forbidden characters, or a folder given as "E:\" in cmd, which hands the program E:" (the
# backslash before the closing quote makes the quote part of the argument).
INVALID_NAME = -123
_WORDS[INVALID_NAME] = ('{path} is not a name Windows can use: a file or folder name may not '
                        'hold any of <>:"|?*, and a folder given in quotes must not end in a '
                        'backslash ("E:\\" reaches the program as E:", so write E:\\ without '
                        'quotes); check the path')
# What is no ordinary file where one is read (storage.read_file_start): a named pipe, whose
# opening waits for a writer, or a device (`/dev/zero` never ends), which no errno says.
NOT_A_FILE = -2
_WORDS[NOT_A_FILE] = ("{path} is not an ordinary file (a named pipe or a device), so it is not "
                      "read: check the path")
# The Windows codes for a path refused for how it is written: ERROR_INVALID_NAME (above) and
# ERROR_BAD_PATHNAME, "The specified path is invalid" (161). Only the first has the words above:
# 161 also comes of a share named without its folder (`\\nas`), which Python reads as ENOENT,
# and "does not exist: check the path" fits that better than the characters a name may not hold.
WINDOWS_BAD_NAME_CODES = (123, 161)
if hasattr(errno, "EDQUOT"):
    _WORDS[errno.EDQUOT] = "your disk quota is used up on the disk holding {path}: free some " \
                           "space there, or choose another folder"
if hasattr(errno, "ESTALE"):
    _WORDS[errno.ESTALE] = "the network share holding {path} went away: connect it again"

# A full, read-only or forbidden disk under a file of the app's own folder (the settings,
# masks, the audit log, what a recorder sends for the app to keep): the owner never chose that
# folder, so "or choose another folder" is no advice there.
_HOME_WORDS: dict[int, str] = {
    errno.ENOSPC: "the disk holding {path} is full: free some space there",
    errno.EROFS: "{path} is on a read-only disk (a locked SD card, a write-protected USB stick "
                 "or a read-only share): unlock it",
    errno.EACCES: "permission denied for {path}: your user account may not do this there; ask "
                  "whoever owns it",
}
_HOME_WORDS[errno.EPERM] = _HOME_WORDS[errno.EACCES]
if hasattr(errno, "EDQUOT"):
    _HOME_WORDS[errno.EDQUOT] = "your disk quota is used up on the disk holding {path}: free " \
                                "some space there"

# Windows error codes -> the errno whose words fit (winerror.h names in the comments).
WINDOWS_ERRORS: dict[int, int] = {
    2: errno.ENOENT,        # ERROR_FILE_NOT_FOUND
    3: errno.ENOENT,        # ERROR_PATH_NOT_FOUND
    5: errno.EACCES,        # ERROR_ACCESS_DENIED
    15: errno.ENOENT,       # ERROR_INVALID_DRIVE
    19: errno.EROFS,        # ERROR_WRITE_PROTECT
    21: errno.ENXIO,        # ERROR_NOT_READY (no medium, a card reader with no card)
    23: errno.EIO,          # ERROR_CRC (data error)
    32: errno.EBUSY,        # ERROR_SHARING_VIOLATION
    33: errno.EBUSY,        # ERROR_LOCK_VIOLATION
    39: errno.ENOSPC,       # ERROR_HANDLE_DISK_FULL
    53: errno.ENXIO,        # ERROR_BAD_NETPATH
    59: errno.ENXIO,        # ERROR_UNEXP_NET_ERR (a share dropping while it is read)
    64: errno.ENXIO,        # ERROR_NETNAME_DELETED (a share gone: the NAS off, Wi-Fi lost)
    67: errno.ENXIO,        # ERROR_BAD_NET_NAME
    80: errno.EEXIST,       # ERROR_FILE_EXISTS
    112: errno.ENOSPC,      # ERROR_DISK_FULL
    123: INVALID_NAME,      # ERROR_INVALID_NAME (a forbidden character, a stray quote)
    145: errno.ENOTEMPTY,   # ERROR_DIR_NOT_EMPTY
    183: errno.EEXIST,      # ERROR_ALREADY_EXISTS
    206: errno.ENAMETOOLONG,  # ERROR_FILENAME_EXCED_RANGE
    223: errno.EFBIG,       # ERROR_FILE_TOO_LARGE
    267: errno.ENOTDIR,     # ERROR_DIRECTORY (the directory name is invalid: a file there)
    1006: errno.ENXIO,      # ERROR_FILE_INVALID (its volume went away: a stick pulled out)
    1117: errno.EIO,        # ERROR_IO_DEVICE
    1167: errno.ENXIO,      # ERROR_DEVICE_NOT_CONNECTED
    1392: errno.EIO,        # ERROR_FILE_CORRUPT
}

_PREFIX = re.compile(r"^\s*\[(?:Errno|WinError) -?\d+\]\s*")


def error_number(exc: OSError) -> int | None:
    """The errno whose words describe `exc`: its Windows code's, when it has one we know."""
    win = getattr(exc, "winerror", None)
    if win is not None and win in WINDOWS_ERRORS:
        return WINDOWS_ERRORS[win]
    return exc.errno


def refused_by_windows_as_written(exc: OSError) -> bool:
    """True when Windows refused `exc`'s path for how it is written (WINDOWS_BAD_NAME_CODES)."""
    return getattr(exc, "winerror", None) in WINDOWS_BAD_NAME_CODES


def plain_os_error(exc: OSError, path: str | None = None) -> str:
    """`exc` as one sentence a person can act on, naming the file involved.

    `path` overrides the file the OS named (pass the folder the person chose when that reads
    better than an inner file). Unknown errors keep the system's own words, without the
    "[Errno N]" tag.
    """
    return _said(exc, path, _WORDS)


def plain_home_error(exc: OSError, path: str | None = None) -> str:
    """plain_os_error for a file of the app's own folder: a full, read-only or forbidden disk is
    said without "or choose another folder", which the owner cannot do for the app's files."""
    return _said(exc, path, {**_WORDS, **_HOME_WORDS})


def _said(exc: OSError, path: str | None, table: dict[int, str]) -> str:
    where = path or exc.filename
    shown = str(where) if where not in (None, "") else "a file"
    words = table.get(error_number(exc) or -1)
    if words is not None:
        return words.format(path=shown)
    text = exc.strerror or _PREFIX.sub("", str(exc)) or type(exc).__name__
    return f"{shown}: {text}" if where not in (None, "") else text

