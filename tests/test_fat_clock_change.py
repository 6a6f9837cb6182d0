"""Recordings on an SD card formatted FAT32 or exFAT, read on Windows across a clock change.

FAT keeps local times; Windows converts them with the offset in force now, so on the night the
clocks change every file on the card reads an hour later (or earlier) with nothing written.
The index took each for a recording written over since the scan: an export refused it ('changed
after it was indexed ... scan the folder again') until the next scan, and a card known by its
recordings (no volume name kept) was taken for another card.

What cannot run here is simulated, as the system would answer: the card is a folder a
mountinfo calls vfat (or exfat), and the clock change is the hour os.utime moves every file by,
as Windows would report it. The footage, the index and the export are real.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from agent import file_systems
from agent.index.local_times import LocalTimeDisks, clock_change_apart, keeps_local_time
from agent.index.moved_folder import moved_here
from agent.index.other_disk import OtherDisk, judge
from agent.service import NotFound
from tests.conftest import t
from tests.test_index import LA, clip, first_stamp

HOUR_NS = 3600 * 10**9


def _card_is(monkeypatch, tmp_path: Path, folder: Path, kind: str = "vfat") -> None:
    """The system's answer: `folder` is a mount of its own, of file system `kind`."""
    folder.mkdir(parents=True, exist_ok=True)
    info = tmp_path / "mountinfo"
    info.write_text(f"99 22 8:17 / {os.path.realpath(folder)} rw - {kind} /dev/sdb1 rw\n")
    monkeypatch.setattr(file_systems, "MOUNTINFO", info)


def _clocks_change(folder: Path, by_ns: int) -> None:
    for path in folder.rglob("*.mp4"):
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + by_ns))


@pytest.mark.parametrize("kind, by", [("vfat", HOUR_NS), ("exfat", -HOUR_NS)])
def test_a_card_read_after_the_clocks_change_is_exported_as_indexed(
        tmp_path, agent, monkeypatch, kind, by):
    card = tmp_path / "card"
    _card_is(monkeypatch, tmp_path, card, kind)
    clip(card, "porch.20261120_140000.mp4", "2026-11-20T22:00:00Z", 6)   # named by its time
    clip(card, "porch-clip.mp4", "2026-11-20T22:00:06Z", 6)              # by its container's
    agent.add_source(card, camera="porch", tz=LA)
    agent.scan()
    _clocks_change(card, by)
    done = agent.export("porch", t("2026-11-20T22:00:02Z"), t("2026-11-20T22:00:10Z"),
                        tmp_path / "out")
    assert first_stamp(done.clip) == t("2026-11-20T22:00:02Z")


def _same_size(a: Path, b: Path) -> None:
    """Pad both MP4s with a free box to one size: recorders writing files of one fixed size."""
    size = max(a.stat().st_size, b.stat().st_size) + 16
    for path in (a, b):
        pad = size - path.stat().st_size
        with path.open("ab") as fh:
            fh.write(pad.to_bytes(4, "big") + b"free" + bytes(pad - 8))


def test_a_recording_written_over_an_hour_later_at_the_same_size_is_still_refused(
        tmp_path, agent, monkeypatch):
    """The hour is forgiven only to a file that still reads as indexed: another recording of
    the same size whose date moved by exactly an hour (the ring came round) is not cut at the
    old one's times, on a FAT card or not."""
    card = tmp_path / "card"
    _card_is(monkeypatch, tmp_path, card)
    indexed = clip(card, "porch-clip.mp4", "2026-11-20T22:00:00Z", 6)
    later = clip(tmp_path / "elsewhere", "porch-clip.mp4", "2026-11-20T23:00:00Z", 6)
    _same_size(indexed, later)
    agent.add_source(card, camera="porch", tz=LA)
    agent.scan()
    st = indexed.stat()
    os.replace(later, indexed)
    os.utime(indexed, ns=(st.st_atime_ns, st.st_mtime_ns + HOUR_NS))
    assert indexed.stat().st_size == st.st_size
    with pytest.raises(NotFound, match="porch-clip.mp4 changed after it was indexed"):
        agent.export("porch", t("2026-11-20T22:00:02Z"), t("2026-11-20T22:00:05Z"),
                     tmp_path / "out")


def test_on_a_disk_keeping_true_times_an_hour_later_is_a_change(tmp_path, agent):
    """NTFS, ext4 ... keep true times: nothing moves them, so the rule is not stretched there
    (no mountinfo entry names the folder: the disk of this run)."""
    card = tmp_path / "card"
    clip(card, "porch.20261120_140000.mp4", "2026-11-20T22:00:00Z", 6)
    agent.add_source(card, camera="porch", tz=LA)
    agent.scan()
    if keeps_local_time(file_systems.file_system(card)):
        pytest.skip("this run's temporary folder is itself on a FAT disk")
    _clocks_change(card, HOUR_NS)
    with pytest.raises(NotFound, match="changed after it was indexed"):
        agent.export("porch", t("2026-11-20T22:00:02Z"), t("2026-11-20T22:00:04Z"),
                     tmp_path / "out")


def test_a_card_is_known_again_by_recordings_a_clock_change_moved(tmp_path, monkeypatch):
    """other_disk (no volume name kept: a folder indexed by an earlier version, a system
    that names none) and moved_folder (the card at another drive letter) know a card by a
    recording of the same path, size and date: after the clock change none was, so the card
    was refused as another ('now holds another disk') or added as a second camera."""
    card = tmp_path / "F"
    _card_is(monkeypatch, tmp_path, card)
    rec = clip(card, "record/porch.20261120_140000.mp4", "2026-11-20T22:00:00Z", 2)
    st = rec.stat()
    known = {str(rec): (st.st_size, st.st_mtime_ns, True)}
    moved = {str(tmp_path / "E" / "record" / rec.name): (st.st_size, st.st_mtime_ns, True)}
    _clocks_change(card, -HOUR_NS)
    judge(card, known, None, None)                       # the same card
    assert moved_here(card, str(tmp_path / "E"), moved)  # the same card at another letter
    _clocks_change(card, 2 * HOUR_NS)                    # an hour the other way: the same
    judge(card, known, None, None)
    _clocks_change(card, 1)                              # any other date: another file
    with pytest.raises(OtherDisk):
        judge(card, known, None, None)
    assert not moved_here(card, str(tmp_path / "E"), moved)


def test_only_fat_and_exfat_keep_local_times_and_only_an_exact_hour_of_one_size_is_moved():
    for name in ("vfat", "msdos", "FAT32", "FAT", "fat16", "exFAT", "exfat"):
        assert keeps_local_time(name)
    for name in ("NTFS", "ntfs3", "ext4", "apfs", "ReFS", "", None):
        assert not keeps_local_time(name)
    base = 1_700_000_000 * 10**9
    assert clock_change_apart(10, base + HOUR_NS, 10, base)
    assert clock_change_apart(10, base - HOUR_NS, 10, base)
    assert not clock_change_apart(11, base + HOUR_NS, 10, base)         # another size
    assert not clock_change_apart(10, base + HOUR_NS + 2 * 10**9, 10, base)   # FAT's 2 s steps
    assert not clock_change_apart(10, base, 10, base)                   # not moved at all
    assert not clock_change_apart(10, HOUR_NS - 2, 10, -2)              # a row to read again
    asked = []
    local = LocalTimeDisks(lambda folder: asked.append(folder) or "FAT32")   # Windows' name
    assert local("E:\\DCIM") and local("E:\\DCIM") and asked == ["E:\\DCIM"]   # asked once


@pytest.mark.parametrize("scanned_again", [False, True])
def test_a_held_card_read_after_the_clocks_change_is_cut_from_its_recordings(
        tmp_path, agent, monkeypatch, scanned_again):
    """A request put on hold keeps each recording's size and date: after the clock change the
    originals looked changed since the hold, so the approval was cut from the safe copy and
    provenance said the recordings were gone or changed. They are cut themselves; the index
    scanned again since (dates moved) or not."""
    from agent.export.evidence import export_evidence
    from agent.requests import holds
    from agent.requests.held_window import cut_window, usable_hold
    card = tmp_path / "card"
    _card_is(monkeypatch, tmp_path, card)
    clip(card, "porch.20261120_140000.mp4", "2026-11-20T22:00:00Z", 6)
    agent.add_source(card, camera="porch", tz=LA)
    agent.scan()
    window = (t("2026-11-20T22:00:01Z"), t("2026-11-20T22:00:04Z"))
    holds.make_hold(agent.home, agent.store, "r1", *window, ("porch",), "r1")
    _clocks_change(card, HOUR_NS)
    if scanned_again:
        agent.scan()
    with cut_window(agent.home, agent.store, "porch", *window, None,
                    usable_hold(agent.home, "r1")) as (index, extra):
        done = export_evidence(index, agent.owner_key(), "porch", *window, tmp_path / "out",
                               provenance_extra=extra)
    assert extra is None or "hold" not in extra   # the recordings themselves
    assert first_stamp(done.clip) == window[0]
