"""A card formatted FAT read across a clock change of other than an hour.

Lord Howe Island (Australia/Lord_Howe) puts its clocks forward by 30 minutes, not an hour:
Windows then reads every file on the card 30 minutes off, and a file moved so was taken for
one written over since the scan, since only a move of exactly an hour was forgiven. The move
forgiven is now any step the PC's zone or the camera's takes.

Simulated as tests/test_fat_clock_change.py does (a mountinfo calls the folder vfat, os.utime
moves every file as Windows would report it); this PC's zone is set through TZ (tzset).
"""
from __future__ import annotations

import time

import pytest

from agent.index.local_times import HOUR_NS, LocalTimeDisks, clock_change_apart, clock_steps_ns
from agent.index.other_disk import OtherDisk, judge
from agent.service import NotFound
from tests.conftest import t
from tests.test_fat_clock_change import _card_is, _clocks_change
from tests.test_index import clip, first_stamp

LORD_HOWE = "Australia/Lord_Howe"
HALF_HOUR_NS = HOUR_NS // 2


@pytest.fixture
def pc_zone(monkeypatch):
    """Set this PC's zone (TZ, read by time.localtime after tzset); put back after. Windows
    has no tzset: its zone is the system's setting, read by the same time.localtime."""
    if not hasattr(time, "tzset"):
        pytest.skip("this PC's zone cannot be set for one process here (Windows)")
    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()
    yield set_zone
    monkeypatch.undo()
    time.tzset()


def test_a_lord_howe_card_read_after_its_half_hour_change_is_exported_as_indexed(
        tmp_path, agent, monkeypatch):
    """14:00 on 20 November is summer time there (+11:00), 03:00Z."""
    card = tmp_path / "card"
    _card_is(monkeypatch, tmp_path, card)
    clip(card, "porch.20261120_140000.mp4", "2026-11-20T03:00:00Z", 6)   # named by its time
    clip(card, "porch-clip.mp4", "2026-11-20T03:00:06Z", 6)              # by its container's
    agent.add_source(card, camera="porch", tz=LORD_HOWE)
    agent.scan()
    _clocks_change(card, HALF_HOUR_NS)
    done = agent.export("porch", t("2026-11-20T03:00:02Z"), t("2026-11-20T03:00:10Z"),
                        tmp_path / "out")
    assert first_stamp(done.clip) == t("2026-11-20T03:00:02Z")
    _clocks_change(card, 2 * 10**9)   # any other move is still a change
    with pytest.raises(NotFound, match="changed after it was indexed"):
        agent.export("porch", t("2026-11-20T03:00:02Z"), t("2026-11-20T03:00:10Z"),
                     tmp_path / "out2")


def test_a_card_is_known_again_after_the_pcs_half_hour_change(tmp_path, monkeypatch, pc_zone):
    """other_disk knows a card by its recordings alone (no camera zone asked): the PC's."""
    pc_zone(LORD_HOWE)
    card = tmp_path / "F"
    _card_is(monkeypatch, tmp_path, card)
    rec = clip(card, "record/porch.20261120_140000.mp4", "2026-11-20T03:00:00Z", 2)
    st = rec.stat()
    known = {str(rec): (st.st_size, st.st_mtime_ns, True)}
    _clocks_change(card, -HALF_HOUR_NS)
    judge(card, known, None, None)   # the same card
    _clocks_change(card, HALF_HOUR_NS // 3)
    with pytest.raises(OtherDisk):
        judge(card, known, None, None)


def test_the_steps_are_each_zones_own(pc_zone):
    now = t("2026-12-07T00:00:00Z") / 10**6
    assert clock_steps_ns(LORD_HOWE, now) == {HALF_HOUR_NS}
    assert clock_steps_ns("America/Los_Angeles", now) == {HOUR_NS}
    assert clock_steps_ns("Antarctica/Troll", now) == {2 * HOUR_NS}   # +00 and +02
    assert clock_steps_ns("Asia/Tokyo", now) == set()
    pc_zone(LORD_HOWE)
    assert clock_steps_ns(None, now) == {HALF_HOUR_NS}   # None: this PC's
    local = LocalTimeDisks()
    base = 1_700_000_000 * 10**9
    for zone_name, moved in ((None, HALF_HOUR_NS), ("Europe/Paris", HOUR_NS)):
        steps = local.steps_ns(zone_name)
        assert clock_change_apart(10, base + moved, 10, base, steps)
        assert clock_change_apart(10, base - moved, 10, base, steps)
        assert not clock_change_apart(10, base + moved + 2 * 10**9, 10, base, steps)
    pc_zone("Asia/Tokyo")   # no change here, nor in a camera zone that cannot be told
    assert LocalTimeDisks().steps_ns("not/a zone") == {HOUR_NS}   # an hour, as ever
