"""A quick first look at a recordings folder, for the owner's set-up: how many recordings it
seems to hold, which recorder wrote them, which cameras, and whether the file names are in UTC.

It reads names only (no file is opened) and stops after LOOK_LIMIT recordings; indexing the
folder afterwards reads every file.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from agent.index.layout_rules import UTC_LAYOUTS
from agent.index.layouts import detect_layout, looks_like_recording, parse_path
from agent.index.walk import skipped_file, skipped_folder

LOOK_LIMIT = 5000   # files looked at to recognise a folder (a scan indexes all of them later)
CAMERA_SAMPLE = 500  # names read for camera names


@dataclass(frozen=True)
class FolderFacts:
    """What a quick look at a folder found."""

    path: str
    recordings: int          # recording-like files seen (up to LOOK_LIMIT)
    layout: str | None       # the recorder layout recognised, if any
    cameras: tuple[str, ...]
    names_in_utc: bool       # the recognised recorder names its files in UTC
    # The camera name offered for it (the Agent's look: a removed folder's camera on the same
    # disk, and never a name kept for one on another: index/let_go.py); "" when not asked.
    offered: str = ""

    @property
    def more(self) -> bool:
        """True when the look stopped at LOOK_LIMIT (there may be more recordings)."""
        return self.recordings >= LOOK_LIMIT


def look_at_folder(path: str | Path) -> FolderFacts:
    """Walk up to LOOK_LIMIT files and recognise the recorder and cameras.

    Raises NotADirectoryError when `path` is not a folder (a drive not connected, a typo).
    """
    root = Path(path).expanduser()
    if not root.is_dir():
        raise NotADirectoryError(f"{root} is not a folder (is the drive connected?)")
    rels: list[str] = []
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not skipped_folder(os.path.join(dirpath, d), d))
        for name in sorted(n for n in files if not skipped_file(n)):
            rel = os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/")
            if looks_like_recording(rel):
                rels.append(rel)
        if len(rels) >= LOOK_LIMIT:
            break
    layout = detect_layout(rels)
    cams = sorted({f.camera for f in (parse_path(r, layout) for r in rels[:CAMERA_SAMPLE])
                   if f and f.camera})
    return FolderFacts(str(root), len(rels), layout, tuple(cams), layout in UTC_LAYOUTS)
