"""Whether an entry of a package folder is a link to elsewhere, on every system.

A symbolic link is one everywhere. Windows has another: a directory junction (`mklink /J`,
made without any privilege), which Python 3.11 does not report as a link (`is_symlink()` and
`S_ISLNK` are false, and `os.walk` walks into it), so a package whose `data` is a junction to
another folder would be read, and packed, as if that folder were its own. Windows marks it,
as every link, with a reparse point whose tag is a "name surrogate" (it stands for another
name). Other reparse points are files in their own right (OneDrive's files kept online, a
deduplicated file) and are read as the files they are.
"""
from __future__ import annotations

import os
import stat

FILE_ATTRIBUTE_REPARSE_POINT = 0x400
_NAME_SURROGATE = 0x20000000   # IsReparseTagNameSurrogate: junctions, symlinks, ...


def is_link(st: os.stat_result) -> bool:
    """True when an `os.lstat` result is a link to another name: a symbolic link, or on
    Windows a junction or any reparse point standing for another name."""
    if stat.S_ISLNK(st.st_mode):
        return True
    attributes = getattr(st, "st_file_attributes", 0)   # Windows only
    return bool(attributes & FILE_ATTRIBUTE_REPARSE_POINT
                and getattr(st, "st_reparse_tag", 0) & _NAME_SURROGATE)
