"""Holds hunt: a safe copy made before the window's last recordings were indexed stayed short
for good: holding the request again returned the copy as it was, so a cut from it (its
recordings gone) left them out. Holding it again now adds them, and nothing held before is
moved, renamed or written over (hold_top_up.py)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from agent.audit.log import AuditLog
from agent.export.evidence import export_evidence
from agent.requests import holds
from agent.requests.held_window import cut_window, held_coverage, usable_hold
from agent.requests.hold_top_up import hold_window
from agent.timebase import US, format_utc
from tests.conftest import t
from demo.samples import make_recordings
from tests.test_growing_source import _fragmented, _growing, _stamps
from tests.test_held_footage import approved, flow, held, manifest  # noqa: F401 (a fixture)

# Recordings written as the test runs are still being written, however slowly it runs.
pytestmark = pytest.mark.usefixtures("written_just_now")

GT0 = t("2026-11-20T22:00:00Z")   # test_growing_source's


def _as_it_is(hold: Path) -> dict[str, tuple[int, int]]:
    """Every file of the hold with its size and modification time."""
    return {p.relative_to(hold).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in hold.rglob("*") if p.is_file() and p.name not in (holds.RECORD,
                                                                      holds.MANIFEST)}


def test_a_recording_indexed_after_the_hold_is_added_when_it_is_held_again(flow):
    portal, run, reg, porch = flow
    first, second, _third = sorted(porch.iterdir())
    aside = porch.parent / second.name
    second.rename(aside)   # the recorder's last file of the window, not there yet
    assert run("scan")[0] == 0
    jti, hold = held(run, portal, reg)
    before = json.loads((hold / holds.RECORD).read_text())
    kept, copies = _as_it_is(hold), manifest(hold)
    aside.rename(second)   # it arrived
    assert run("scan")[0] == 0
    code, out, _ = run("inbox", "show", "--", jti)
    assert (f"Hold: {hold} (1 file); 1 recording of the window saved since it was made is "
            f"not in it (`inbox hold {jti}` adds it)") in out, out
    assert run.json("inbox", "show", "--", jti)["hold_missing"] == 1
    code, _, err = run("inbox", "hold", "--", jti)
    assert code == 0, err
    assert f"added 1 file ({second.stat().st_size:,} bytes) to the safe copy in {hold}" in err
    assert f"porch/{second.name}" in err and "it holds 2 files" in err, err
    # nothing held before moved or changed; the record says what was added, and when
    assert {k: v for k, v in _as_it_is(hold).items() if k in kept} == kept
    after = json.loads((hold / holds.RECORD).read_text())
    assert after["made"] == before["made"] and after["files"][:1] == before["files"]
    (added,) = after["added"]
    assert added["files"] == [f"porch/{second.name}"] and added["at"] >= before["made"]
    assert {k: v for k, v in manifest(hold).items() if k in copies} == copies
    assert len(manifest(hold)) == 2
    log = [r["data"] for r in AuditLog(run.home).entries() if r["event"] == "hold"]
    assert log[-1]["added"] == 1 and log[-1]["files"] == 2
    assert run.json("inbox", "show", "--", jti)["hold_missing"] == 0
    code, _, err = run("inbox", "hold", "--", jti)   # nothing new since: left as it is
    assert code == 0 and "holds every recording of the window indexed now" in err, err
    assert json.loads((hold / holds.RECORD).read_text()) == after
    # its recordings gone, the cut from the safe copy leaves nothing out
    first.unlink()
    second.unlink()
    assert run("scan")[0] == 0
    record, shown = approved(run, portal, jti)
    said = record["hold"]
    assert "left_out" not in said and said["made"] == before["made"]
    assert said["added"] == [{"at": added["at"], "files": [f"porch/{second.name}"]}]
    assert {s["path"] for s in record["sources"]} == {f"porch/{first.name}",
                                                       f"porch/{second.name}"}
    assert record["delivered"]["shortfall_end_s"] < 1   # its last seconds are in the clip
    assert "1 copy of them added to the safe copy later, the last at " in shown, shown


def test_a_recording_held_while_it_was_written_is_held_again_whole(agent, tmp_path):
    """The copy of a recording still being written holds what it had then: once it grew, a
    hold again copies it whole beside the first copy, which is kept as it was."""
    (mp4,) = make_recordings(tmp_path / "made", "blue-iris", "porch", GT0, 1, 6.0, fps=10,
                             gop_s=1.0)
    data, starts = _fragmented(mp4, tmp_path / "whole.mp4")
    growing = tmp_path / "rec" / mp4.name
    growing.parent.mkdir()
    growing.write_bytes(data[:starts[3]])   # 3 s of 6, still being written
    agent.scan([str(growing.parent)], tz="UTC")
    (row,) = agent.recordings()
    assert row.status == "in-progress"
    first = holds.make_hold(agent.home, agent.store, "r1", GT0, GT0 + 6 * US, (row.camera,), "r1")
    (copy,) = first.files
    growing.write_bytes(data)   # the recorder wrote on
    agent.scan()
    again = hold_window(agent.home, agent.store, "r1", GT0, GT0 + 6 * US, (row.camera,), "r1")
    (added,) = again.added
    assert added.size == growing.stat().st_size > copy.size and added.name != copy.name
    assert usable_hold(agent.home, "r1").files == (copy, added)
    growing.unlink()
    agent.scan()
    shown = held_coverage(agent.store, usable_hold(agent.home, "r1"), row.camera, GT0,
                          GT0 + 6 * US)
    assert shown.held and shown.left_out == () and shown.gaps == ()
    with cut_window(agent.home, agent.store, row.camera, GT0, GT0 + 6 * US, None,
                    usable_hold(agent.home, "r1")) as (index, extra):
        done = export_evidence(index, agent.owner_key(), row.camera, GT0, GT0 + 6 * US,
                               tmp_path / "out", mode="exact", provenance_extra=extra)
    stamps = _stamps(done.clip)
    assert (stamps[0], stamps[-1]) == (GT0, GT0 + 5_900_000)


def test_a_stopped_addition_leaves_the_hold_as_it_was(agent, tmp_path, monkeypatch):
    """A full disk as the record is written: the new copy is taken back out, the record and
    manifest are as they were, and the owner is told in plain words."""
    row, growing = _growing(agent, tmp_path)
    first = holds.make_hold(agent.home, agent.store, "r1", GT0, GT0 + 6 * US, (row.camera,), "r1")
    record = (first.path / holds.RECORD).read_bytes()
    listed = (first.path / holds.MANIFEST).read_bytes()
    kept = _as_it_is(first.path)
    agent.scan()
    import agent.requests.hold_top_up as top_up

    real = top_up.write_atomic

    def full(path, data, mode=0o600):
        if path.name == holds.RECORD:
            raise OSError(28, os.strerror(28), str(path))
        real(path, data, mode)
    monkeypatch.setattr(top_up, "write_atomic", full)
    with pytest.raises(holds.HoldError, match="holds what it held before: the disk holding"):
        hold_window(agent.home, agent.store, "r1", GT0, GT0 + 6 * US, (row.camera,), "r1")
    assert (first.path / holds.RECORD).read_bytes() == record
    assert (first.path / holds.MANIFEST).read_bytes() == listed
    assert _as_it_is(first.path) == kept


def test_a_hold_being_made_elsewhere_is_not_made_twice(agent, tmp_path):
    """The app's poll thread and a terminal's `inbox hold` at once copied the window twice;
    adding at once, the second record written whole would drop the first's copies."""
    from agent.requests.hold_top_up import one_at_a_time
    row, _growing_file = _growing(agent, tmp_path)
    with one_at_a_time(agent.home, "r1"):
        with pytest.raises(holds.HoldError, match="being made by another footage-agent"):
            hold_window(agent.home, agent.store, "r1", GT0, GT0 + 6 * US, (row.camera,), "r1")
    assert not holds.hold_path(agent.home, "r1").exists()
    assert hold_window(agent.home, agent.store, "r1", GT0, GT0 + 6 * US, (row.camera,),
                       "r1").files


@pytest.mark.parametrize("edit", ["placed", "added", "clock"])
def test_a_hold_whose_record_was_edited_is_not_added_to(agent, tmp_path, edit):
    row, _growing_file = _growing(agent, tmp_path)
    first = holds.make_hold(agent.home, agent.store, "r1", GT0, GT0 + 6 * US, (row.camera,), "r1")
    doc = json.loads((first.path / holds.RECORD).read_text())
    if edit == "placed":
        del doc["placed"], doc["made"]   # as an earlier version wrote it
    elif edit == "added":
        doc["added"] = "yesterday"
    else:   # a copy's own clock (one added after its folder's clock was changed)
        doc["placed"][row.camera]["recordings"][0]["clock"] = {"zone": "UTC",
                                                               "clock_offset_s": "2"}
    (first.path / holds.RECORD).write_text(json.dumps(doc))
    agent.scan()
    why = "made by an earlier version" if edit == "placed" else "not as footage-agent writes"
    with pytest.raises(holds.HoldError, match=f"nothing can be added .*{why}"):
        hold_window(agent.home, agent.store, "r1", GT0, GT0 + 6 * US, (row.camera,), "r1")
    assert json.loads((first.path / holds.RECORD).read_text()) == doc


def test_a_hold_is_not_deleted_while_it_is_added_to(flow):
    """Adding takes minutes, and the request may end meanwhile (it expires, the owner declines
    it in the app): `inbox release` then deleted the folder under the copy being added, which
    made it again holding only the new copies, without a record."""
    from agent.requests.hold_top_up import one_at_a_time
    portal, run, reg, porch = flow
    jti, hold = held(run, portal, reg)
    assert run("decline", "--reason", "no", "--", jti)[0] == 0
    with one_at_a_time(run.home, hold.name):   # another footage-agent adding to it
        code, _, err = run("inbox", "release", "--", jti)
    assert code == 1 and "being made by another footage-agent" in err, err
    assert (hold / holds.RECORD).is_file()
    code, _, err = run("inbox", "release", "--", jti)
    assert code == 0 and not hold.exists(), err


def test_a_record_edited_while_recordings_are_added_is_left_as_it_is(agent, tmp_path,
                                                                     monkeypatch):
    """hold.json made unreadable between its read and its rewrite (a hand, a sync program):
    the addition raised Python's own ValueError; now nothing is added, and the owner is told."""
    row, _growing_file = _growing(agent, tmp_path)
    import agent.requests.hold_top_up as top_up
    first = holds.make_hold(agent.home, agent.store, "r1", GT0, GT0 + 6 * US, (row.camera,), "r1")
    kept = _as_it_is(first.path)
    monkeypatch.setattr(top_up, "missing_rows", lambda *a: [row])
    read = top_up.read_hold

    def then_edited(home, folder, request=None):
        hold = read(home, folder, request)
        (hold.path / holds.RECORD).write_text("{")
        return hold
    monkeypatch.setattr(top_up, "read_hold", then_edited)
    with pytest.raises(holds.HoldError, match="nothing can be added"):
        hold_window(agent.home, agent.store, "r1", GT0, GT0 + 6 * US, (row.camera,), "r1")
    assert _as_it_is(first.path) == kept


@pytest.mark.parametrize("offset", [0.0, 2.0], ids=["same-clock", "clock-changed"])
def test_a_ring_files_recording_added_since_is_added_with_its_card_index(agent, tmp_path,
                                                                        offset):
    """A Hikvision card's ring file gets the camera's next recording: the hold adds the ring
    file again in a folder of its own, with the card's index as it is now (a cut of the
    copies checks its rows against it), beside the first copies, left as they were. The
    folder's clock offset changed before (clock-changed): the cut checked the added ring
    file's recordings against its card index placed by the hold's old offset, found them at
    other times, and refused them as changed since indexed."""
    from demo.hikvision_card import Recording, write_card
    ring_t = t("2026-11-20T22:00:00Z")
    first, later = Recording(ring_t, 6, 0), Recording(ring_t + 10 * US, 6, 0)
    root = tmp_path / "garage"
    write_card(root, [first], width=320, height=240)
    agent.add_source(root, camera="garage", tz="UTC")
    agent.scan()
    window = (ring_t, ring_t + 20 * US)
    hold = holds.make_hold(agent.home, agent.store, "r1", *window, ("garage",), "r1")
    kept = _as_it_is(hold.path)
    if offset:
        agent.add_source(root, clock_offset_s=offset)
    write_card(root, [first, later], width=320, height=240)   # in the same ring file
    agent.scan()
    again = hold_window(agent.home, agent.store, "r1", *window, ("garage",), "r1")
    names = {f.name for f in again.added}
    assert "garage/datadir0-2/hiv00000.mp4" in names, names
    assert "garage/datadir0-2/index00.bin" in names, names
    assert {k: v for k, v in _as_it_is(hold.path).items() if k in kept} == kept
    for p in (root / "datadir0").iterdir():   # the card is gone
        p.unlink()
    agent.scan()
    cut = (ring_t + 11 * US, ring_t + 14 * US)   # the recording added since
    with cut_window(agent.home, agent.store, "garage", *cut, None,
                    usable_hold(agent.home, "r1")) as (index, extra):
        done = export_evidence(index, agent.owner_key(), "garage", *cut, tmp_path / "out",
                               provenance_extra=extra)
    assert "hold" in extra
    assert _stamps(done.clip)[0] >= cut[0]
    # The ring file copied again holds the first recording too: it was placed in both copies,
    # two recordings of the same seconds, and a cut of them read it from the copy added later.
    held = usable_hold(agent.home, "r1")
    assert held_coverage(agent.store, held, "garage", *window).overlaps == ()
    with cut_window(agent.home, agent.store, "garage", *window, None, held) as (index, extra):
        done = export_evidence(index, agent.owner_key(), "garage", *window,
                               tmp_path / "whole", provenance_extra=extra)
    record = json.loads((done.package.path / "data/provenance.json").read_text())
    assert [s["path"] for s in record["sources"]] == ["garage/datadir0/hiv00000.mp4",
                                                      "garage/datadir0-2/hiv00000.mp4"]


def test_a_cancelled_addition_leaves_the_hold_as_it_was(agent, tmp_path):
    """The owner stops an addition while it copies: nothing of it is kept, and it is said as an
    addition (the copy holds what it held), not as a hold made and thrown away."""
    import threading
    row, _growing_file = _growing(agent, tmp_path)
    first = holds.make_hold(agent.home, agent.store, "r1", GT0, GT0 + 6 * US, (row.camera,), "r1")
    record, kept = (first.path / holds.RECORD).read_bytes(), _as_it_is(first.path)
    agent.scan()   # it grew since
    stop = threading.Event()
    stop.set()
    with pytest.raises(holds.HoldCancelled, match="adding to the safe copy was cancelled; it "
                                                  "holds what it held before"):
        hold_window(agent.home, agent.store, "r1", GT0, GT0 + 6 * US, (row.camera,), "r1", stop)
    assert (first.path / holds.RECORD).read_bytes() == record and _as_it_is(first.path) == kept
    assert [p.name for p in first.path.parent.iterdir()] == ["r1"]


def test_copies_added_after_the_clock_offset_changed_say_the_clock_they_were_placed_by(
        agent, tmp_path):
    """The owner corrected the folder's clock offset after the safe copy was made: the copies
    added since were placed by the new offset, but the addition kept the hold's old one for
    the camera, so a clip cut from them said (provenance's `clock`) the old offset only. A cut
    places every copy by the folder's clock now (held_clocks.py), the first too, whose record
    keeps the old one: provenance's `hold.clock_changed` names it."""
    folder = tmp_path / "porch"   # the camera's name
    first, second = make_recordings(folder, "blue-iris", "porch", GT0, 2, 3.0, fps=10)
    aside = tmp_path / second.name
    second.rename(aside)   # the recorder's last file of the window, not there yet
    agent.scan([str(folder)], tz="UTC")
    window = (GT0 - 10 * US, GT0 + 10 * US)
    holds.make_hold(agent.home, agent.store, "r1", *window, ("porch",), "r1")
    agent.add_source(folder, clock_offset_s=2.0)   # the camera's clock is 2 s fast
    aside.rename(second)
    agent.scan()
    again = hold_window(agent.home, agent.store, "r1", *window, ("porch",), "r1")
    (added,) = [f.name for f in again.added]
    doc = json.loads((again.path / holds.RECORD).read_text())["placed"]["porch"]
    assert doc["clock_offset_s"] == 0.0   # the camera's, as the hold was made
    (late,) = [r for r in doc["recordings"] if r["path"] == added]
    assert late["clock"] == {"zone": "UTC", "clock_offset_s": 2.0}
    first.unlink()
    second.unlink()
    agent.scan()
    with cut_window(agent.home, agent.store, "porch", *window, None,
                    usable_hold(agent.home, "r1")) as (index, extra):
        done = export_evidence(index, agent.owner_key(), "porch", *window, tmp_path / "out",
                               provenance_extra=extra)
    record = json.loads((done.package.path / "data/provenance.json").read_text())
    assert record["clock"]["clock_offset_s"] == [2.0], record["clock"]
    assert {s["path"] for s in record["sources"]} == {f"porch/{first.name}", added}
    assert record["hold"]["clock_changed"]["files"] == [f"porch/{first.name}"]
    assert record["hold"]["clock_changed"]["held_under"] == [{"zone": "UTC",
                                                              "clock_offset_s": 0.0}]
    starts = {s["path"]: s["start"] for s in record["sources"]}
    assert starts[f"porch/{first.name}"] == format_utc(GT0 - 2 * US)   # 2 s fast: 2 s earlier


def test_a_recording_held_while_written_past_the_window_is_not_copied_again(agent, tmp_path):
    """A recording still being written when the copy was made, whose copy already held the
    whole window (the window ends before what was written then): once it grew, the page said
    it was not in the safe copy, adding it copied the whole file again (a recorder's hour-long
    file, again each time it grew) for no second of the window, and a cut from the copy said
    it was left out of the clip."""
    from agent.requests.held_window import left_out
    from agent.requests.hold_top_up import missing_rows
    row, _growing_file = _growing(agent, tmp_path)   # 3 s held of 6
    window = (GT0, GT0 + 2 * US)
    first = holds.make_hold(agent.home, agent.store, "r1", *window, (row.camera,), "r1")
    agent.scan()   # it grew since
    assert missing_rows(agent.store, first, *window, (row.camera,)) == []
    again = hold_window(agent.home, agent.store, "r1", *window, (row.camera,), "r1")
    assert again.added == () and again.files == first.files
    held = first.placement.camera(row.camera)
    assert left_out(agent.store, held, *window) == []
    # a window the copy held only part of: the grown recording is added, and left out before
    assert len(left_out(agent.store, held, GT0, GT0 + 4 * US)) == 1
    assert missing_rows(agent.store, first, GT0, GT0 + 4 * US, (row.camera,)) != []
