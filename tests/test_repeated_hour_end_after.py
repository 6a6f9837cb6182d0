"""A recording whose name starts in the repeated fall-back hour and ends after it: the end is a
time the clocks read once, and the end less the footage's length says which pass the start
was. RecM01_20261101_015900_020010 (Los Angeles), 70 s of footage, no creation time, its card
copied: 01:59:00 PDT would run 1 h 1 min 10 s to 02:00:10 PST, 01:59:00 PST runs 70 s. It was
marked `ambiguous` (01:59:00 PDT or 01:59:00 PST) and never exported; a Dahua card's hour
01.00.00-02.00.00 of the second pass alike, a whole hour of footage no request could get.

Real footage written by PyAV, a real index and export.
"""
from __future__ import annotations

import os

import pytest

from agent.timebase import US
from tests.conftest import t
from tests.test_index import LA, clip, first_stamp

COPIED = 1_700_000_000   # a card copied long before: its dates say nothing


@pytest.mark.parametrize("name, true_start, seconds", [
    ("RecM01_20261101_015900_020010_6D28808_1A2B3C.mp4", "2026-11-01T09:59:00Z", 70),
    # The first pass, its end in the second: 01:59:50 PDT to 01:00:10 PST, handled before.
    ("RecM01_20261101_015950_010010_6D28808_1A2B3C.mp4", "2026-11-01T08:59:50Z", 20),
])
def test_the_names_end_after_the_hour_less_the_footage_tells_the_pass(
        tmp_path, agent, name, true_start, seconds):
    folder = tmp_path / "yard"
    path = clip(folder, f"Mp4Record/2026-11-01/{name}", true_start, seconds,
                creation_time=False)
    os.utime(path, (COPIED, COPIED))
    agent.add_source(folder, camera="yard", tz=LA)
    agent.scan()
    (row,) = agent.recordings("yard")
    assert (row.status, row.start_us, row.end_us) == (
        "ok", t(true_start), t(true_start) + seconds * US)
    done = agent.export("yard", t(true_start) + 2 * US, t(true_start) + 5 * US,
                        tmp_path / "out")
    assert first_stamp(done.clip) == t(true_start) + 2 * US


def test_an_end_inside_the_hour_still_tells_nothing(tmp_path, agent):
    """01:20:00 to 01:30:00, 10 minutes either way: ambiguous, as before."""
    folder = tmp_path / "yard"
    path = clip(folder, "Mp4Record/2026-11-01/RecM01_20261101_012000_012010_6D28808_1A2B3C.mp4",
                "2026-11-01T09:20:00Z", 10, creation_time=False)
    os.utime(path, (COPIED, COPIED))
    agent.add_source(folder, camera="yard", tz=LA)
    agent.scan()
    (row,) = agent.recordings("yard")
    assert row.status == "ambiguous" and "01:20:00 PDT or 01:20:00 PST" in row.reason


def test_an_index_made_before_is_placed_again_at_the_next_scan(tmp_path):
    import sqlite3

    from agent.service import Agent
    folder = tmp_path / "yard"
    path = clip(folder, "Mp4Record/2026-11-01/RecM01_20261101_015900_020010_6D28808_1A2B3C.mp4",
                "2026-11-01T09:59:00Z", 70, creation_time=False)
    os.utime(path, (COPIED, COPIED))
    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(folder, camera="yard", tz=LA)
    agent.scan()
    agent.close()
    with sqlite3.connect(home / "index.db") as db:   # as the earlier version left it
        db.execute("UPDATE files SET status = 'ambiguous', start_us = ?",
                   (t("2026-11-01T08:59:00Z"),))
        db.execute("DELETE FROM relooked WHERE rule = 'name-end-after-repeated-hour'")
    db.close()
    agent = Agent(home)
    try:
        agent.scan()
        (row,) = agent.recordings("yard")
        assert (row.status, row.start_us) == ("ok", t("2026-11-01T09:59:00Z"))
    finally:
        agent.close()


def test_an_end_in_the_repeated_hour_that_the_footage_agrees_with_is_not_set_aside():
    """London, 00:55:00 BST (unique) to 01:10:00, 75 minutes of footage: the end is 01:10:00
    GMT, the hour's second pass. The end was placed right by the footage, but the row said
    'the name says it runs to 01:10:00, but the file holds 4500 s of footage', as if the name
    were wrong. The pure placement, as the scan calls it (a 75-minute recording is not written
    here)."""
    from dataclasses import replace
    from datetime import datetime

    from agent.index.layouts import NameFacts, NameTime
    from agent.index.placement import place
    from tests.test_fat_card_times import SIX_S

    facts = NameFacts("reolink-sd", None, NameTime(datetime(2026, 10, 25, 0, 55)),
                      NameTime(datetime(2026, 10, 25, 1, 10)))
    for seconds, end in ((4500, "2026-10-25T01:10:00Z"), (900, "2026-10-25T00:10:00Z")):
        placed = place(facts, replace(SIX_S, duration_us=seconds * US), "Europe/London", 0.0,
                       COPIED * 10**9, None)
        assert (placed.start_us, placed.end_us, placed.notes) == (
            t("2026-10-24T23:55:00Z"), t(end), ())
    # Footage that agrees with neither pass is still said.
    placed = place(facts, replace(SIX_S, duration_us=2000 * US), "Europe/London", 0.0,
                   COPIED * 10**9, None)
    assert placed.notes and "the name says it runs to 01:10:00" in placed.notes[0]
