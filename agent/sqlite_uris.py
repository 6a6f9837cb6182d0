"""The URI SQLite opens a database file by, read-only: the audit seal's look into the index
and inbox, a Hikvision card's index, a Frigate database.

Never `Path.as_uri()`: for a file on a network share (`\\\\nas\\share\\home\\index.db`, a home or
recordings folder on a NAS) it gives `file://nas/share/home/index.db`, and SQLite refuses any
authority but none or localhost ("invalid uri authority: nas"): the seal took a fresh home's
empty index for one it could not read, so a home on a share whose log was not written yet
was said to have had its log deleted. The path goes in whole instead, percent-encoded (a `?`
or `#` in a folder's name), with no authority.

The path goes in as the bytes the file system names it by (os.fsencode), not as UTF-8 text: a
name Python read as lone surrogates (a folder named in Latin-1 on a UTF-8 system, or any accent
under the C locale without UTF-8 mode, where /home/cámara is '/home/c\\udcc3\\udca1mara') is no
UTF-8, and quoting it as text ended `log verify` with "'utf-8' codec can't encode ...".
"""
from __future__ import annotations

import os
from urllib.parse import quote


def read_only_uri(path: str | os.PathLike, immutable: bool = False) -> str:
    """SQLite's URI for the absolute `path`, opened read-only (and `immutable`: SQLite then
    writes nothing beside it, and takes no lock, as for a recorder's card)."""
    text = quote(os.fsencode(path))
    # A path starting // (POSIX allows it) would be read as an authority: give an empty one.
    uri = f"file://{text}" if text.startswith("//") else f"file:{text}"
    return uri + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
