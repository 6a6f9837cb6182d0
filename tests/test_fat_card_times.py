"""Recordings on a card formatted FAT placed by their modification time alone.

FAT keeps the camera's wall clock with no zone. Windows reports it less the PC's offset now,
whatever the file's date, so a recording written in summer and read in winter (or the other
way) was placed an hour off; Linux reports it less the mount's time_offset= (or the kernel's
zone, none on most PCs), so there it was off by the whole zone. The wall time is now read
back and placed in the camera's zone, as a name is.

What cannot run here is simulated as the system would answer: the card is a folder a
mountinfo calls vfat with the offset Linux would read it with, and the file's date is the
one that system would report. The footage, the index and the export are real.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from agent import file_systems
from agent.file_systems import Volume, mount_volume
from agent.index.layouts import NameFacts, NameTime
from agent.index.local_times import card_offset_s, kernel_offset_s, zoneless
from agent.index.placement import place
from agent.index.probe import ContainerFacts
from agent.timebase import US
from tests.conftest import t
from tests.test_index import LA, clip, first_stamp

HOUR = 3600
PST, PDT = -8 * HOUR, -7 * HOUR   # Los Angeles in winter and in summer


def _card_is(monkeypatch, tmp_path: Path, folder: Path, options: str) -> None:
    """The system's answer: `folder` is a FAT mount of its own, mounted with `options`."""
    folder.mkdir(parents=True, exist_ok=True)
    info = tmp_path / "mountinfo"
    info.write_text(f"99 22 8:17 / {os.path.realpath(folder)} rw,nosuid - vfat /dev/sdb1 "
                    f"rw,{options}\n")
    monkeypatch.setattr(file_systems, "MOUNTINFO", info)


def _reported(path: Path, wall_utc: str, offset_s: int) -> None:
    """Give `path` the date a system reading the card with `offset_s` reports for the wall
    time `wall_utc` (written as if UTC) the camera kept on it."""
    ns = (t(wall_utc) - offset_s * US) * 1000
    os.utime(path, ns=(ns, ns))


def _row(agent, name: str):
    (row,) = [r for r in agent.store.files("porch", 0, 2**62) if r.path.endswith(name)]
    return row


def test_a_summer_recording_on_a_fat_card_read_in_winter_is_placed_at_its_time(
        tmp_path, agent, monkeypatch):
    """Written 14:00:00-14:00:06 PDT (21:00Z) on a card whose PC now reads it with winter's
    offset (Windows' rule; here Linux mounted with time_offset=-480): it was placed at 22:00Z,
    an hour late, and an export of 21:00Z found nothing."""
    card = tmp_path / "card"
    _card_is(monkeypatch, tmp_path, card, "time_offset=-480")
    rec = clip(card, "DCIM/MOVI0001.mp4", "2026-07-20T21:00:00Z", 6, creation_time=False)
    _reported(rec, "2026-07-20T14:00:06Z", PST)
    agent.add_source(card, camera="porch", tz=LA)
    agent.scan()
    row = _row(agent, "MOVI0001.mp4")
    assert (row.time_source, row.start_us, row.end_us) == (
        "mtime", t("2026-07-20T21:00:00Z"), t("2026-07-20T21:00:06Z"))
    done = agent.export("porch", t("2026-07-20T21:00:02Z"), t("2026-07-20T21:00:05Z"),
                        tmp_path / "out")
    assert first_stamp(done.clip) == t("2026-07-20T21:00:02Z")


def test_linux_reading_the_card_as_utc_no_longer_moves_it_by_the_whole_zone(
        tmp_path, agent, monkeypatch):
    """Mounted tz=UTC (or with no option, the kernel's zone being none, as on most Linux
    PCs): the date reported is the wall time as if UTC, 8 hours from the truth in winter."""
    card = tmp_path / "card"
    _card_is(monkeypatch, tmp_path, card, "fmask=0022,tz=UTC")
    rec = clip(card, "DCIM/MOVI0002.mp4", "2026-11-20T22:00:00Z", 4, creation_time=False)
    _reported(rec, "2026-11-20T14:00:04Z", 0)
    agent.add_source(card, camera="porch", tz=LA)
    agent.scan()
    assert _row(agent, "MOVI0002.mp4").start_us == t("2026-11-20T22:00:00Z")


def test_a_card_placed_by_its_dates_is_exported_as_indexed_after_the_pcs_clocks_change(
        tmp_path, agent, monkeypatch):
    """A summer recording indexed in winter, exported once the PC is on summer time: every
    date on the card moved by an hour, and the PC's offset with it. The file is the one
    indexed (local_times.py) and must read so: described again with the date the scan saw
    but not the offset it saw, it was placed an hour off and refused as 'changed after it
    was indexed'."""
    card = tmp_path / "card"
    _card_is(monkeypatch, tmp_path, card, "time_offset=-480")
    rec = clip(card, "DCIM/MOVI0003.mp4", "2026-07-20T21:00:00Z", 6, creation_time=False)
    _reported(rec, "2026-07-20T14:00:06Z", PST)
    agent.add_source(card, camera="porch", tz=LA)
    agent.scan()
    _card_is(monkeypatch, tmp_path, card, "time_offset=-420")   # summer on the PC now
    _reported(rec, "2026-07-20T14:00:06Z", PDT)
    done = agent.export("porch", t("2026-07-20T21:00:01Z"), t("2026-07-20T21:00:04Z"),
                        tmp_path / "out")
    assert first_stamp(done.clip) == t("2026-07-20T21:00:01Z")


def test_an_index_made_before_is_placed_again_at_the_next_scan(tmp_path, monkeypatch):
    """Rows an earlier version placed by a card's dates read as true times are looked at
    again once (schema.relooked), not left an hour off until the file changes."""
    from agent.service import Agent
    card = tmp_path / "card"
    _card_is(monkeypatch, tmp_path, card, "time_offset=-480")
    rec = clip(card, "DCIM/MOVI0004.mp4", "2026-07-20T21:00:00Z", 4, creation_time=False)
    _reported(rec, "2026-07-20T14:00:04Z", PST)
    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(card, camera="porch", tz=LA)
    agent.scan()
    agent.close()
    with sqlite3.connect(home / "index.db") as db:   # as the earlier version left it
        db.execute("UPDATE files SET start_us = start_us + 3600000000")
        db.execute("DELETE FROM relooked")
    db.close()
    agent = Agent(home)
    try:
        agent.scan()
        assert _row(agent, "MOVI0004.mp4").start_us == t("2026-07-20T21:00:00Z")
    finally:
        agent.close()
    with sqlite3.connect(home / "index.db") as db:   # once: a rule done stays done
        db.execute("UPDATE files SET start_us = 7")
    db.close()
    agent = Agent(home)
    try:
        agent.scan()
        assert _row(agent, "MOVI0004.mp4").start_us == 7
    finally:
        agent.close()


SIX_S = ContainerFacts(status="ok", reason=None, container="mp4", duration_us=6 * US,
                       creation_us=None, codec="h264", width=320, height=240, fps=5.0,
                       frames=30)


def _placed(wall_utc: str, offset_s: int | None, facts: NameFacts | None = None,
            clock_offset_s: float = 0.0):
    """place() for a six-second file the camera closed at wall time `wall_utc`, read by a
    system with `offset_s` (None: a disk keeping true times, the date being `wall_utc`)."""
    mtime_ns = (t(wall_utc) - (offset_s or 0) * US) * 1000
    return place(facts, SIX_S, LA, clock_offset_s, mtime_ns, offset_s)


def test_windows_reads_the_walls_with_the_pcs_offset_now_and_placement_adds_it_back():
    """Windows' branch (its answer given): FAT32 and FAT read with the PC's offset now (so
    is exFAT whose camera left the offset unset: test_exfat_card_times.py); NTFS left as it
    reads."""
    for name in ("FAT32", "FAT", "FAT16", "vfat", "msdos"):
        assert zoneless(name)
        assert card_offset_s(Volume(name), windows=True, pc_offset_s=PST,
                             kernel_offset_s=None) == PST
    for name in ("NTFS", "ReFS", "ext4", None):
        assert card_offset_s(Volume(name), windows=True, pc_offset_s=PST,
                             kernel_offset_s=None) is None
    summer, winter = "2026-07-20T14:00:06Z", "2026-11-20T14:00:06Z"
    for pc in (PST, PDT):   # whatever the season on the PC
        assert _placed(summer, pc).start_us == t("2026-07-20T21:00:00Z")
        assert _placed(winter, pc).start_us == t("2026-11-20T22:00:00Z")
    # The clock offset is applied after: the camera ran 30 s fast.
    assert _placed(summer, PST, clock_offset_s=30).start_us == t("2026-07-20T20:59:30Z")
    # A disk keeping true times: the date is the instant.
    assert _placed("2026-07-20T21:00:06Z", None).start_us == t("2026-07-20T21:00:00Z")


def test_linux_reads_the_mounts_offset_else_the_kernels_zone():
    text = ("22 1 8:2 / / rw,relatime - ext4 /dev/sda2 rw\n"
            "40 22 8:17 / /media/ann/CARD rw,nosuid - vfat /dev/sdb1 rw,fmask=0022,"
            "time_offset=-480,errors=remount-ro\n"
            "41 22 8:33 / /media/ann/UTC rw - vfat /dev/sdc1 rw,tz=UTC\n"
            "42 22 8:49 / /media/ann/PLAIN rw - msdos /dev/sdd1 rw,codepage=437\n"
            "43 22 8:65 / /media/ann/EX rw - exfat /dev/sde1 rw,time_offset=60\n")
    card = mount_volume("/media/ann/CARD/DCIM", text)
    assert card.file_system == "vfat" and "time_offset=-480" in card.options

    def offset(path, kernel=None):
        return card_offset_s(mount_volume(path, text), windows=False, pc_offset_s=999,
                             kernel_offset_s=kernel)
    assert offset("/media/ann/CARD/x") == PST
    assert offset("/media/ann/UTC/x", kernel=3600) == 0
    assert offset("/media/ann/PLAIN/x", kernel=3600) == 3600   # the kernel's zone
    assert offset("/media/ann/PLAIN/x") == 0                   # none asked: none
    assert offset("/media/ann/EX/x") == 3600                   # exFAT: its time_offset=
    assert offset("/home/ann") is None
    assert kernel_offset_s("sparc64") is None                  # a machine not known
    here = kernel_offset_s()
    assert here is None or here % 60 == 0


def test_a_cards_date_in_the_repeated_hour_is_as_ambiguous_as_a_name():
    """Closed at 01:30:06 on the night the clocks go back: two instants an hour apart. It is
    indexed at the earlier, never exported (coverage.py); and it no longer settles a name of
    that hour either, which it did by the PC's season (an hour apart from one to the other)."""
    fold = "2026-11-01T01:30:06Z"
    by_date = _placed(fold, PDT)
    assert by_date.ambiguous and (by_date.start_us, by_date.alt_start_us) == (
        t("2026-11-01T08:30:00Z"), t("2026-11-01T09:30:00Z"))
    assert any("modification time is in the repeated fall-back hour" in n
               for n in by_date.notes)
    named = NameFacts("blue-iris", None, NameTime(_wall("2026-11-01T01:30:00")), None)
    for pc in (PST, PDT):
        assert _placed(fold, pc, named).ambiguous
    # On a disk keeping true times the date still tells.
    assert not _placed("2026-11-01T09:30:06Z", None, named).ambiguous


def test_a_cards_date_in_the_spring_gap_is_read_with_the_offset_before_it():
    gap = _placed("2026-03-08T02:30:06Z", PST)
    assert gap.start_us == t("2026-03-08T10:30:00Z")
    assert any("spring-forward gap" in n for n in gap.notes)


@pytest.mark.parametrize("wall_ns", [10**27, -(10**27)])   # past year 9999, before year 1
def test_a_cards_date_past_any_calendar_is_no_time(wall_ns):
    placed = place(None, SIX_S, LA, 0.0, wall_ns, PST)
    assert placed.start_us is None and placed.source is None


def _wall(text: str):
    from datetime import datetime
    return datetime.fromisoformat(text)
