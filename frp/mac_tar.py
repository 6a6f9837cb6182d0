"""The `._` members a tar made with macOS's own `tar` holds: a package folder tarred on a Mac
(`tar -cf p.tar PKG`) gets, before each file or folder carrying extended attributes (a
downloaded file's quarantine mark, Finder's tags, and since macOS 13 every file a program
wrote), a member `._NAME` holding them in AppleDouble form. macOS's `tar` puts them back onto
the file when it extracts; other tools extract them as `._NAME` files, the ones a Mac leaves
on a USB stick (frp.bagit.file_browser_leftover). They are not part of the package: one
beside the file or folder it belongs to, in AppleDouble form and no larger than attributes
take, is left out of the package read and noted; any other `._` member is read as any file.
"""
from __future__ import annotations

import posixpath

from frp.text import one_line

APPLEDOUBLE = b"\x00\x05\x16\x07"   # AppleDouble's magic number, its first four bytes
KEEP = 64 << 10   # attributes macOS's tar writes take 4 KiB; a resource fork a little more


def keep_bytes(name: str) -> int:
    """How much of a member to keep in memory to tell whether it is one (0: none)."""
    return KEEP if posixpath.basename(name).startswith("._") else 0


def attribute_members(raw: dict, dirs: set[str]) -> list[str]:
    """The names in `raw` (member name: a file read with its `content` kept up to
    keep_bytes) that are macOS's tar's extended attributes of a file in `raw` or a folder
    in `dirs`."""
    folders = set(dirs) | {posixpath.dirname(n) for n in raw}   # a tar may list no folders
    found = []
    for name, read in raw.items():
        folder, base = posixpath.split(name)
        owner = posixpath.join(folder, base[2:]) if base.startswith("._") else None
        if owner and (owner in raw or owner in folders) and read.content is not None \
                and read.content.startswith(APPLEDOUBLE):
            found.append(name)
    return found


def attribute_words(name: str) -> str:
    """The note a left-out member of extended attributes gets."""
    owner = posixpath.join(posixpath.dirname(name), posixpath.basename(name)[2:])
    return (f"{one_line(name)} in the tar holds the extended attributes of {one_line(owner)} "
            "as macOS's tar keeps them (the tar was made on a Mac): not part of the package, it "
            "was ignored. Unpacked on a Mac it goes back onto that file; unpacked elsewhere it "
            "is a ._ file to delete (the package's README says how).")
