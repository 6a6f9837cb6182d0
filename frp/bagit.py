"""The evidence package's shape: a BagIt 1.0 bag (RFC 8493) whose tag manifest the owner signs
with minisign. The file names both the writer and any reader rely on, and the manifest path
encoding.
"""
from __future__ import annotations

import re

BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = TAGMANIFEST + ".minisig"
PROVENANCE = "data/provenance.json"
OWNER_PUB = "data/owner.pub"
REQUEST = "data/request.jws"

# Files an operating system's file browser leaves in a folder it showed: not part of any
# package, and harmless beside its tag files (BagIt allows other files there).
OS_LEFTOVERS = {".ds_store": "Finder (macOS)", "thumbs.db": "Windows Explorer",
                "desktop.ini": "Windows Explorer"}


# Folders a NAS makes in every folder it shares, holding its own notes on each file: Synology's
# thumbnails and indexes, netatalk's (a Linux NAS sharing to Macs) resource forks.
NAS_FOLDERS = {"@eadir": "Synology's NAS", ".appledouble": "a NAS sharing to Macs by netatalk"}


def file_browser_leftover(name: str) -> str | None:
    """Which program leaves a file of this name (a path's last part counts, or a folder of
    the path a NAS makes) in folders it shows, or None."""
    parts = name.split("/")
    nas = next((NAS_FOLDERS[p.lower()] for p in parts if p.lower() in NAS_FOLDERS), None)
    if nas:
        return nas
    base = parts[-1]
    if base.startswith("._"):
        return "macOS (on a USB stick or network drive)"
    if base.endswith(":Zone.Identifier"):   # a downloaded file's mark, copied off NTFS
        return "Windows"
    return OS_LEFTOVERS.get(base.lower())


def is_clip(name: str) -> bool:
    """A clip's place in a package: an MP4 straight under data/ (package-format.md, "Layout")."""
    return name.startswith("data/") and name.count("/") == 1 and name.lower().endswith(".mp4")


def encode_path(name: str) -> str:
    """Percent-encode a manifest path as RFC 8493 asks (only %, CR and LF)."""
    return name.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def decode_path(text: str) -> str:
    """Undo encode_path (case-insensitive, single pass so '%250A' stays '%0A')."""
    table = {"25": "%", "0D": "\r", "0A": "\n"}
    return re.sub(r"%(25|0[AaDd])", lambda m: table[m.group(1).upper()], text)
