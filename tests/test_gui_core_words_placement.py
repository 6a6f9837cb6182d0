"""Why a local recording was placed as it was, in the Spanish app: the notes placement.py
writes into a row's reason (a name or a card's date in the repeated fall-back hour or in the
spring gap, a file placed by its date alone or by its container, a name's end set aside),
which an export of a window holding only such recordings names after its refusal. Each stayed
English inside the Spanish refusal. The footage, the scan and the export are real; the card
is simulated as tests/test_fat_card_times.py does."""
from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.errors import AgentError  # noqa: E402
from agent.index.layouts import NameFacts, NameTime, parse_path  # noqa: E402
from agent.index.placement import place  # noqa: E402
from agent.timebase import US  # noqa: E402
from tests.conftest import t  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_fat_card_times import PDT, PST, SIX_S, _card_is, _placed, _reported  # noqa: E402
from tests.test_gui_core_words_answers import reads_in_spanish  # noqa: E402
from tests.test_index import LA, clip  # noqa: E402

OLD = 1_700_000_000   # a card copied long ago: its file dates say nothing


def _refusal(agent, tmp_path, start: str, end: str) -> str:
    with pytest.raises(AgentError) as refused:
        agent.export("yard", t(start), t(end), tmp_path / "out")
    return str(refused.value)


def test_a_name_in_the_repeated_hour_reads_in_spanish_in_an_exports_refusal(
        spanish, agent, tmp_path):
    root = tmp_path / "rec"
    path = clip(root, "Yard.20261101_013000.mp4", "2026-11-01T08:30:00Z", 4, creation_time=False)
    os.utime(path, (OLD, OLD))
    agent.add_source(root, camera="yard", tz=LA)
    agent.scan()
    message = _refusal(agent, tmp_path, "2026-11-01T08:30:01Z", "2026-11-01T08:30:03Z")
    assert "name time is in the repeated fall-back hour" in message
    said = reads_in_spanish(message, str(path), "01:30:00 PDT", "01:30:00 PST")
    assert "fall-back" not in said and "«yard»" in said


def test_a_cards_date_in_the_repeated_hour_reads_in_spanish_in_an_exports_refusal(
        spanish, agent, tmp_path, monkeypatch):
    card = tmp_path / "card"
    _card_is(monkeypatch, tmp_path, card, "time_offset=-420")
    path = clip(card, "DCIM/MOVI0001.mp4", "2026-11-01T08:30:00Z", 6, creation_time=False)
    _reported(path, "2026-11-01T01:30:06Z", PDT)
    agent.add_source(card, camera="yard", tz=LA)
    agent.scan()
    message = _refusal(agent, tmp_path, "2026-11-01T08:30:01Z", "2026-11-01T08:30:03Z")
    assert "its modification time is in the repeated fall-back hour" in message
    said = reads_in_spanish(message, str(path), "01:30:06 PDT", "01:30:06 PST")
    assert "modification time" not in said and "fall-back" not in said


def _wall(text: str) -> NameFacts:
    return NameFacts("blue-iris", None, NameTime(datetime.fromisoformat(text)), None)


def _notes() -> list[str]:
    """Every note placement gives but the repeated hour's, made by placement itself."""
    day = datetime(2026, 7, 20, 14, 0, 0)
    gap_name = place(_wall("2026-03-08T02:30:00"), SIX_S, LA, 0.0, 0, None).notes
    gap_card = _placed("2026-03-08T02:30:06Z", PST).notes   # by date alone, in the gap
    created = replace(SIX_S, creation_us=t("2026-07-20T21:00:00Z"))
    by_container = place(None, created, LA, 0.0, 0, None).notes
    # A camera writing its wall clock (14:00 PDT) there, its file's date agreeing with that.
    local = replace(SIX_S, creation_us=t("2026-07-20T14:00:00Z"))
    by_wall_clock = place(None, local, LA, 0.0, t("2026-07-20T21:00:06Z") * 1000, None).notes
    held_other = place(NameFacts("reolink", None, NameTime(day),
                                 NameTime(day + timedelta(seconds=20))), SIX_S, LA, 0.0, 0,
                       None).notes
    no_time = place(_wall("9999-12-31T23:30:00"), SIX_S, LA, 0.0, 0, None).notes
    # No length known, a full end written an hour before the start on a night with no change.
    end_before = place(NameFacts("dahua-backup", None, NameTime(day),
                                 NameTime(day - timedelta(hours=1))), None, LA, 0.0, 0,
                       None).notes
    return list(dict.fromkeys([*gap_name, *gap_card, *by_container, *by_wall_clock, *held_other, *no_time,
                               *end_before]))


def test_every_other_note_of_placement_reads_in_spanish(spanish):
    notes = _notes()
    assert len(notes) == 8, notes
    for note in notes:
        said = reads_in_spanish(note)
        assert "spring-forward" not in said


@pytest.mark.parametrize("name, kept", [
    ("Mp4Record/2026-05-14/RecM01_20260514_180000_000000_6D28808_9A1B2C.mp4", ""),
    ("datadir3/hiv00000.mp4", "index00.bin"),
    ("CAM_2026-11-01_01-30-00_XYZ.mp4", "XYZ"),
    ("events/1/2026-05-14/4321/4321-video.mp4", "2026-05-14"),
    ("20150910070623-070619-M00_508.mov", ""),
    ("cache/x@20260308100740+2500.mp4", "+2500"),
    ("RecM01_20260514_180000_186012_6D28808_9A1B2C.mp4", "")])   # minute 60
def test_what_a_name_told_of_its_times_reads_in_spanish(spanish, name, kept):
    """The layouts' notes, which a row's reason carries before placement's."""
    note = parse_path(name).note
    assert note
    reads_in_spanish(note, kept)
    reads_in_spanish(f"{note}; times from frigate.db")


def test_a_name_end_set_aside_keeps_its_numbers_in_spanish(spanish):
    ends = NameFacts("reolink", None, NameTime(datetime(2026, 7, 20, 14, 0, 0)),
                     NameTime(datetime(2026, 7, 20, 14, 0, 20)))
    (note,) = place(ends, SIX_S, LA, 0.0, 0, None).notes
    reads_in_spanish(note, "14:00:20", f"{SIX_S.duration_us // US}")
