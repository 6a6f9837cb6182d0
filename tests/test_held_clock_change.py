"""A safe copy cut after the owner corrected the camera's clock (its folder's clock offset or
time zone, changed after the copy was made): the clip holds the approved seconds in true time,
placed by the clock as the owner set it now, as the recordings themselves are once scanned
again; provenance says which clock placed them and which the safe copy was made under.

Real footage with the true time drawn in every frame (demo.samples, demo.hikvision_card), a
real index and hold; the clip's first frame's drawn time is compared with the approved start.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.export.evidence import export_evidence
from agent.requests import holds
from agent.requests.held_window import cut_window, held_coverage, usable_hold
from agent.timebase import US
from demo.hikvision_card import Recording, write_card
from demo.samples import make_recordings
from tests.conftest import t
from tests.gui_support import spanish  # noqa: F401 (a fixture)
from tests.test_held_footage import approved, flow, held  # noqa: F401 (a fixture)
from tests.test_requests_e2e import T0 as HT0
from tests.test_growing_source import _stamps
from tests.test_ring_recorded_over import first_stamp

T = t("2026-11-20T22:00:00Z")
WIDE = (T - 3600 * US, T + 3600 * US)   # the request's window: both clocks' placings in it
SMALL = {"width": 320, "height": 240}


def _cut(agent, camera: str, start_us: int, end_us: int, out: Path):
    """The approval's cut of `camera` for [start, end): its clip's path, and what it added to
    provenance (with `hold` when cut from the safe copy)."""
    with cut_window(agent.home, agent.store, camera, start_us, end_us, None,
                    usable_hold(agent.home, "r1")) as (index, extra):
        done = export_evidence(index, agent.owner_key(), camera, start_us, end_us, out,
                               provenance_extra=extra)
    record = json.loads((done.package.path / "data/provenance.json").read_text())
    return done.clip, extra, record


def _card(agent, root: Path, offset: float) -> None:
    write_card(root, [Recording(T, 6, 0), Recording(T + 10 * US, 6, 1)], **SMALL)
    agent.add_source(root, camera="garage", tz="UTC", clock_offset_s=offset)
    agent.scan()


def test_a_ring_cards_recordings_re_timed_by_a_clock_correction_are_cut_from_the_card(
        agent, tmp_path):
    """Seen: the owner set the card's clock offset right after the safe copy was made; the
    card was untouched, yet its ring recordings read as changed since held (their index rows
    re-timed), so the clip was cut from the safe copy, at the old clock's times."""
    root = tmp_path / "garage"
    _card(agent, root, -2.0)   # set wrong: every recording placed 2 s late
    holds.make_hold(agent.home, agent.store, "r1", *WIDE, ("garage",), "r1")
    agent.add_source(root, clock_offset_s=0.0)   # put right: the camera's clock is true
    agent.scan()
    clip, extra, _record = _cut(agent, "garage", T + US, T + 4 * US, tmp_path / "out")
    assert "hold" not in (extra or {}), extra
    assert first_stamp(clip) == T + US


def test_a_ring_cards_safe_copy_is_cut_by_the_clock_the_owner_set_after_it(agent, tmp_path):
    """Seen: the card written over after the owner corrected its clock offset: the cut from
    the safe copy placed the copies by the offset they were held under, so the approved
    seconds in true time read the seconds 2 s before them (or none, for a larger correction)."""
    root = tmp_path / "garage"
    _card(agent, root, -2.0)
    holds.make_hold(agent.home, agent.store, "r1", *WIDE, ("garage",), "r1")
    agent.add_source(root, clock_offset_s=0.0)
    for p in (root / "datadir0").iterdir():   # the camera's ring came round: all gone
        p.unlink()
    agent.scan()
    hold = usable_hold(agent.home, "r1")
    shown = held_coverage(agent.store, hold, "garage", T, T + 20 * US)
    assert shown is not None and shown.held
    clip, extra, record = _cut(agent, "garage", T + 11 * US, T + 14 * US, tmp_path / "out")
    assert first_stamp(clip) == T + 11 * US
    assert record["clock"]["clock_offset_s"] == [0.0], record["clock"]
    changed = record["hold"]["clock_changed"]
    assert changed["clock"] == {"zone": "UTC", "clock_offset_s": 0.0}
    assert changed["held_under"] == [{"zone": "UTC", "clock_offset_s": -2.0}]
    assert changed["files"] == ["garage/datadir0/hiv00001.mp4"]
    # `verify` says it, for whoever receives the package
    from agent.commands.package_summary import summary_lines
    said = " ".join(summary_lines(record))
    assert ("its copies placed in time by the camera's clock as the owner set it after the "
            "safe copy was made (offset 0.0 s, zone UTC; made under offset -2.0 s, zone UTC"
            in said), said
    # the record of the hold is as it was made: its times are the old clock's
    doc = json.loads((hold.path / holds.RECORD).read_text())
    assert doc["placed"]["garage"]["clock_offset_s"] == -2.0


@pytest.mark.parametrize("fix", ["offset", "zone"])
def test_a_folders_safe_copy_is_cut_by_the_clock_or_zone_the_owner_set_after_it(
        agent, tmp_path, fix):
    """Recordings named by their recorder's clock (Blue Iris, UTC here): held while the folder
    was given a wrong clock offset (the camera taken for 20 s fast) or time zone (New York),
    corrected, then deleted: the clip cut from the copies starts at the approved second."""
    folder = tmp_path / "porch"
    make_recordings(folder, "blue-iris", "porch", T, 3, 4.0, fps=10, gop_s=1.0)
    wrong = {"offset": {"tz": "UTC", "clock_offset_s": 20.0},
             "zone": {"tz": "America/New_York", "clock_offset_s": 0.0}}[fix]
    agent.add_source(folder, camera="porch", **wrong)
    agent.scan()
    holds.make_hold(agent.home, agent.store, "r1", T - 6 * 3600 * US, T + 6 * 3600 * US,
                    ("porch",), "r1")
    agent.add_source(folder, tz="UTC", clock_offset_s=0.0)
    agent.scan()
    for p in sorted(folder.iterdir())[:2]:   # the window's; the third stays (a folder found
        p.unlink()                           # empty keeps its rows: a share not connected)
    agent.scan()
    clip, extra, record = _cut(agent, "porch", T + 2 * US, T + 6 * US, tmp_path / "out")
    stamps = _stamps(clip)
    assert stamps[0] >= T + 2 * US and stamps[-1] < T + 6 * US, stamps
    assert record["clock"] == {**record["clock"], "time_zones": ["UTC"], "clock_offset_s": [0.0]}
    assert record["hold"]["clock_changed"]["held_under"] == [
        {"zone": wrong["tz"], "clock_offset_s": wrong["clock_offset_s"]}]


def test_a_copy_a_new_zone_cannot_place_is_said_in_the_owners_language(spanish):  # noqa: F811
    """The refusal of a copy whose time came from what a safe copy does not keep (a FAT card's
    file date: no such card here, so its words alone), which approving shows in the app."""
    from agent.requests import held_clocks
    from gui.views.core_words import in_owner_language
    message = held_clocks._not_placed("porch", "porch/clip.mp4")
    said = in_owner_language(message)
    assert said.startswith("la zona horaria de la carpeta de grabaciones de porch se cambió"), said
    assert "porch/clip.mp4" in said and said.endswith("para enviarla"), said


def test_a_ring_cards_safe_copy_is_cut_by_the_zone_the_owner_set_after_it(agent, tmp_path):
    """The card's folder given New York's zone (the card keeps UTC), held, put right, then
    written over: the copies' recordings are read again from the card's index copied with
    them, by the zone now, and the clip starts at the approved second."""
    root = tmp_path / "garage"
    write_card(root, [Recording(T, 6, 0), Recording(T + 10 * US, 6, 1)], **SMALL)
    agent.add_source(root, camera="garage", tz="America/New_York")
    agent.scan()
    holds.make_hold(agent.home, agent.store, "r1", T - 12 * 3600 * US, T + 12 * 3600 * US,
                    ("garage",), "r1")
    agent.add_source(root, tz="UTC")
    for p in (root / "datadir0").iterdir():
        p.unlink()
    agent.scan()
    clip, extra, record = _cut(agent, "garage", T + 11 * US, T + 14 * US, tmp_path / "out")
    assert first_stamp(clip) == T + 11 * US
    assert record["clock"]["time_zones"] == ["UTC"], record["clock"]
    assert record["hold"]["clock_changed"]["held_under"] == [
        {"zone": "America/New_York", "clock_offset_s": 0.0}]


def test_an_approval_cut_from_the_safe_copy_by_a_corrected_clock_is_taken_and_verifies(flow):
    """The whole way: `inbox hold`, the folder's clock offset set after it (`sources add
    --clock-offset`), the recordings deleted, `approve`: the real portal on loopback takes the
    package (its checks of the clip against the approved window and provenance pass), and
    `verify` passes and says which clock placed the copies."""
    portal, run, reg, porch = flow
    jti, hold = held(run, portal, reg)
    code, _, err = run("sources", "add", str(porch), "--clock-offset", "1")
    assert code == 0, err
    for p in sorted(porch.iterdir())[:2]:
        p.unlink()
    make_recordings(porch, "blue-iris", "porch", HT0 + 3600 * US, 1, 4.0, fps=10)
    assert run("scan")[0] in (0, 1)
    record, shown = approved(run, portal, jti)
    assert record["hold"]["clock_changed"]["clock"]["clock_offset_s"] == 1.0
    assert record["clock"]["clock_offset_s"] == [1.0]
    assert "its copies placed in time by the camera's clock as the owner set it" in shown


def test_the_previews_of_a_safe_copy_read_it_at_the_corrected_clocks_times(agent, tmp_path,
                                                                          monkeypatch):
    """The request page's pictures of a camera cut from its safe copy (held_previews) are
    read at the times its coverage shows, its copies placed by the folder's clock now; placed
    once per record and clock, not again for every frame the preview asks."""
    from agent.requests import held_clocks, held_previews
    folder = tmp_path / "porch"
    make_recordings(folder, "blue-iris", "porch", T, 3, 4.0, fps=10, gop_s=1.0)
    agent.add_source(folder, camera="porch", tz="America/New_York")
    agent.scan()
    hold = holds.make_hold(agent.home, agent.store, "r1", T - 6 * 3600 * US,
                           T + 6 * 3600 * US, ("porch",), "r1")
    agent.add_source(folder, tz="UTC")
    agent.scan()
    copies = held_previews.HeldCopies(agent.home)
    name = held_previews.preview_name("porch", hold)
    calls = []
    real = held_clocks.placed_now

    def counted(*args):
        calls.append(args)
        return real(*args)
    monkeypatch.setattr(held_previews, "placed_now", counted)   # counted, not changed
    first = copies.rows(agent.store, name, T, T + 12 * US)
    again = copies.rows(agent.store, name, T, T + 12 * US)
    assert sorted(r.start_us for r in first) == [T, T + 4 * US, T + 8 * US]
    assert again == first and len(calls) == 1


def test_a_renamed_cameras_safe_copy_is_cut_by_the_clock_of_its_folder_moved_since(agent,
                                                                                   tmp_path):
    """Seen: held while the folder was given a wrong clock offset (20 s fast); its card then
    read at another drive letter (added there, its clock put right) and the camera renamed
    ('porch' to 'front'). The copies' originals are in no folder now, so their folder is the camera's
    only one (held_clocks.folder_source), which was looked for by the name the hold recorded,
    'porch', no folder's now: the copies kept the wrong clock and the clip started 20 s
    early. It is looked for by the camera's name now."""
    folder = tmp_path / "D" / "porch"
    make_recordings(folder, "blue-iris", "porch", T, 3, 4.0, fps=10, gop_s=1.0)
    agent.add_source(folder, camera="porch", tz="UTC", clock_offset_s=20.0)
    agent.scan()
    holds.make_hold(agent.home, agent.store, "r1", T - 6 * 3600 * US, T + 6 * 3600 * US,
                    ("porch",), "r1")
    moved = tmp_path / "E" / "porch"
    moved.parent.mkdir()
    os.rename(folder, moved)
    # as the refusal to add the folder at its new letter says: removed, added with its name
    agent.remove_source(folder)
    agent.add_source(moved, camera="porch", tz="UTC", clock_offset_s=0.0)
    agent.scan()
    agent.rename_camera("porch", "front")
    assert [s.camera for s in agent.store.sources()] == ["front"]
    for p in sorted(moved.iterdir())[:2]:   # the window's, gone from the card since
        p.unlink()
    agent.scan()
    clip, extra, record = _cut(agent, "front", T + 2 * US, T + 6 * US, tmp_path / "out")
    assert "hold" in record, "cut from the recordings: the copies were not read"
    stamps = _stamps(clip)
    assert stamps[0] >= T + 2 * US and stamps[-1] < T + 6 * US, stamps
    assert record["hold"]["clock_changed"]["held_under"] == [
        {"zone": "UTC", "clock_offset_s": 20.0}]
