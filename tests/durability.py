"""What was on the disk when a folder got its final name: os.fsync and os.rename watched."""
from __future__ import annotations

import os
from pathlib import Path


def watch_fsyncs(monkeypatch, final: Path) -> list[set]:
    """Record the files and folders (device, inode) fsync'd so far each time something is
    renamed to `final`; the list gets one set per such rename."""
    synced: set = set()
    at_rename: list[set] = []
    real_fsync, real_rename = os.fsync, os.rename

    def fsync(fd):
        real_fsync(fd)
        st = os.fstat(fd)
        synced.add((st.st_dev, st.st_ino))

    def rename(src, dst):
        if Path(dst) == final:
            at_rename.append(set(synced))
        real_rename(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "rename", rename)
    return at_rename


def not_synced(folder: Path, synced: set) -> list[str]:
    """Everything under `folder` (itself included) whose inode is not in `synced`."""
    every = [folder, *folder.rglob("*")]
    return [p.relative_to(folder).as_posix() for p in every
            if (p.stat().st_dev, p.stat().st_ino) not in synced]
