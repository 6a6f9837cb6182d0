"""Recordings on a card formatted exFAT whose camera leaves the UTC-offset field of each
file's times unset (OffsetValid clear), placed by their modification time alone.

exFAT keeps a field for the offset, but a camera's own file system code (FatFs, Samsung's
sdfat, most firmware) leaves it unset and writes its wall clock, as on FAT. The exFAT
specification says such a time has "the same UTC offset as the current local time": Windows
reads it with the PC's offset now, Linux's exfat driver with the mount's `time_offset=`
minutes, `sys_tz` the kernel's zone, and without either none at all (fs/exfat/misc.c). The
index read such a card as the system reported it: on Linux the camera's wall clock as if UTC,
8 hours off in Los Angeles; on Windows an hour off for a recording of the other season. It is
now read as a FAT card is: the offset the system used added back, the wall time read in the
camera's zone.

What cannot run here is simulated as the system would answer: the card is a folder a
mountinfo calls exfat with the options Linux would mount it with, and the file's date is the
one that system would report. The footage, the index and the export are real.
"""
from __future__ import annotations

import os
from pathlib import Path

from agent import file_systems
from agent.file_systems import Volume, mount_volume
from agent.index.local_times import card_offset_s
from tests.conftest import t
from tests.test_fat_card_times import PDT, PST, _reported, _row
from tests.test_index import LA, clip, first_stamp


def _exfat_card(monkeypatch, tmp_path: Path, folder: Path, options: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    info = tmp_path / "mountinfo"
    info.write_text(f"99 22 8:17 / {os.path.realpath(folder)} rw,nosuid - exfat /dev/sdb1 "
                    f"rw,{options}\n")
    monkeypatch.setattr(file_systems, "MOUNTINFO", info)


def test_linux_reads_an_unset_offset_as_utc_and_the_index_reads_the_cameras_wall_clock(
        tmp_path, agent, monkeypatch):
    """14:00:00-14:00:06 PDT (21:00Z): Linux reported the camera's 14:00:06 as 14:00:06Z,
    so the file was placed at 14:00:00Z, 7 hours early, and an export of 21:00Z found
    nothing."""
    card = tmp_path / "card"
    _exfat_card(monkeypatch, tmp_path, card, "fmask=0022,dmask=0022,iocharset=utf8")
    rec = clip(card, "DCIM/MOVI0001.mp4", "2026-07-20T21:00:00Z", 6, creation_time=False)
    _reported(rec, "2026-07-20T14:00:06Z", 0)
    agent.add_source(card, camera="porch", tz=LA)
    agent.scan()
    row = _row(agent, "MOVI0001.mp4")
    assert (row.time_source, row.start_us, row.end_us) == (
        "mtime", t("2026-07-20T21:00:00Z"), t("2026-07-20T21:00:06Z"))
    done = agent.export("porch", t("2026-07-20T21:00:02Z"), t("2026-07-20T21:00:05Z"),
                        tmp_path / "out")
    assert first_stamp(done.clip) == t("2026-07-20T21:00:02Z")


def test_the_offset_each_system_reads_an_unset_field_with():
    """Windows' branch (its answer given): the PC's offset now, as for FAT. Linux: the
    mount's time_offset= minutes, sys_tz the kernel's zone, else none (not the kernel's zone,
    as the FAT driver takes)."""
    for name in ("exFAT", "exfat"):
        assert card_offset_s(Volume(name), windows=True, pc_offset_s=PST,
                             kernel_offset_s=None) == PST
    text = ("40 22 8:17 / /media/ann/A rw - exfat /dev/sdb1 rw,time_offset=-480\n"
            "41 22 8:33 / /media/ann/B rw - exfat /dev/sdc1 rw,sys_tz\n"
            "42 22 8:49 / /media/ann/C rw - exfat /dev/sdd1 rw,fmask=0022\n")

    def offset(path, kernel=None):
        return card_offset_s(mount_volume(path, text), windows=False, pc_offset_s=999,
                             kernel_offset_s=kernel)
    assert offset("/media/ann/A/x", kernel=3600) == PST
    assert offset("/media/ann/B/x", kernel=PDT) == PDT
    assert offset("/media/ann/C/x", kernel=3600) == 0
    for name in ("NTFS", "ext4", None):   # disks keeping true times
        assert card_offset_s(Volume(name), windows=True, pc_offset_s=PST,
                             kernel_offset_s=None) is None


def test_an_index_made_before_is_placed_again_at_the_next_scan(tmp_path, monkeypatch):
    import sqlite3

    from agent.service import Agent
    card = tmp_path / "card"
    _exfat_card(monkeypatch, tmp_path, card, "fmask=0022")
    rec = clip(card, "DCIM/MOVI0004.mp4", "2026-07-20T21:00:00Z", 4, creation_time=False)
    _reported(rec, "2026-07-20T14:00:04Z", 0)
    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(card, camera="porch", tz=LA)
    agent.scan()
    agent.close()
    with sqlite3.connect(home / "index.db") as db:   # as the earlier version left it
        db.execute("UPDATE files SET start_us = 7")
        db.execute("DELETE FROM relooked WHERE rule = 'exfat-card-mtime'")
    db.close()
    agent = Agent(home)
    try:
        agent.scan()
        assert _row(agent, "MOVI0004.mp4").start_us == t("2026-07-20T21:00:00Z")
    finally:
        agent.close()
