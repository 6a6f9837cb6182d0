"""A Hikvision card whose camera's clock was reset (a power cut: it starts again at 2000)
while it wrote a ring file. The file's index slots go from 2026 back to 2000, their bytes still
in order, and its file record runs from 2026-12-01 to 2000-01-01. Each slot was held to the
file record's range and to the slot before it, so every recording of that file, those before
the reset too, was left out: not indexed, not in any coverage or safe copy, and not said.

Now a slot whose time goes back by more than the clocks ever do, its bytes going on, is the
camera's clock set back: its recordings are indexed by the clock that wrote them (the one
reset to 2000 dated long ago, as set up's clock step then says), and a file record whose end
comes before its start no longer stands for the file's range.

demo/hikvision_card.py writes real MPEG-PS footage and the index from its documented format;
the real index and command.
"""
from __future__ import annotations

import json

from agent.cli import main
from agent.index.hikvision import read_index
from demo.hikvision_card import Recording, write_card
from tests.conftest import t

BEFORE = "2026-12-01T10:00:00Z"
AFTER = "2000-01-01T00:00:05Z"   # the clock reset by a power cut
LATER = "2000-01-01T00:20:00Z"   # the next ring file, the clock going on from there


def _card(root):
    return write_card(root, [Recording(t(BEFORE), 4.0, 0), Recording(t(AFTER), 4.0, 0),
                             Recording(t(LATER), 4.0, 1)], files=2, in_order_given=True)


def test_the_recordings_of_a_ring_file_across_a_clock_reset_are_indexed(tmp_path, capsys):
    root = tmp_path / "card"
    _card(root)
    index = read_index((root / "datadir0" / "index00.bin").read_bytes())
    assert sorted(s.start for s in index.segments)[0].year == 2000
    assert (len(index.segments), index.skipped) == (3, 0)
    home = tmp_path / "home"
    assert main(["--home", str(home), "sources", "add", str(root), "--camera", "porch",
                 "--tz", "UTC"]) == 0
    assert main(["--home", str(home), "scan"]) == 0
    capsys.readouterr()
    assert main(["--home", str(home), "recordings", "--camera", "porch", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted((r["start"], r["status"]) for r in rows) == [
        ("2000-01-01T00:00:05Z", "ok"), ("2000-01-01T00:20:00Z", "ok"),
        ("2026-12-01T10:00:00Z", "ok")]


def test_newer_firmwares_database_alike(tmp_path):
    """record_db_index00 kept every row already; a row after the reset is not taken for the
    repeated hour's second pass."""
    from agent.index.hikvision import read_sqlite_index
    root = tmp_path / "card"
    write_card(root, [Recording(t(BEFORE), 4.0, 0), Recording(t(AFTER), 4.0, 0)], files=1,
               in_order_given=True, sqlite=True)
    index = read_sqlite_index(root / "datadir0" / "record_db_index00")
    assert [(s.start.year, s.repeated) for s in index.segments] == [(2026, False),
                                                                    (2000, False)]


def test_an_index_made_before_gains_them_at_the_next_scan(tmp_path):
    import sqlite3

    from agent.service import Agent
    import os
    root = tmp_path / "card"
    _card(root)
    for f in (root / "datadir0").iterdir():   # a card copied long ago, nothing being written
        os.utime(f, (1_700_000_000, 1_700_000_000))
    home = tmp_path / "home"
    agent = Agent(home)
    agent.add_source(root, camera="porch", tz="UTC")
    agent.scan()
    agent.close()
    with sqlite3.connect(home / "index.db") as db:   # as the earlier version left it
        # the ring file being written kept its slots before the reset, not those after
        db.execute("DELETE FROM files WHERE path LIKE '%hiv00000.mp4' AND start_us < ?",
                   (t("2001-01-01T00:00:00Z"),))
        db.execute("DELETE FROM relooked WHERE rule = 'ring-file-clock-set-back'")
    db.close()
    agent = Agent(home)
    try:
        agent.scan()
        assert len(agent.recordings("porch")) == 3
    finally:
        agent.close()
