"""Holds hunt: a request at the edge of what the recorder keeps. Between the hold's check and
its copy the recorder deleted the window's oldest recording to make room (its ring), and the
whole safe copy failed: "the recordings could not be copied into the hold: PATH does not exist:
check the path, or connect the drive it is on", nothing kept, while the window's other
recordings, which the ring deletes next, were there to copy; and holding it again failed the
same way until the folder was scanned again. A recording no longer there as its copy begins
is passed over, said, and the rest are held.

A real portal, the CLI in process, real footage and index; the recorder's deletion is this test
deleting the file once the check has passed."""
from __future__ import annotations

import json
from pathlib import Path

from agent.requests import holds
from agent.timebase import US
from tests.test_held_footage import flow, manifest, only_request  # noqa: F401 (a fixture)
from tests.test_requests_e2e import T0


def test_a_recording_deleted_as_the_copy_begins_is_passed_over_and_the_rest_held(flow,
                                                                                 monkeypatch):
    portal, run, reg, porch = flow
    first, second, _third = sorted(porch.iterdir())
    checked = holds.copy_problem

    def then_deleted(home, store, rows, *args, **kwargs):
        problem = checked(home, store, rows, *args, **kwargs)
        first.unlink()   # the recorder makes room: its oldest recording goes
        return problem

    monkeypatch.setattr(holds, "copy_problem", then_deleted)
    portal.create_request(reg, T0, T0 + 8 * US, "2026-77", "Det. Jane Roe", cameras=("porch",))
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    code, _, err = run("inbox", "hold", "--", jti)
    assert code == 0, err
    hold = Path(run.json("inbox", "show", "--", jti)["hold"])
    assert (f"held 1 recording ({second.stat().st_size:,} bytes) in {hold}") in err, err
    assert ("1 recording of the window was no longer in its folder as it was indexed when its "
            "copy began (a recorder deletes its oldest recordings, or records over them, to "
            "make room for new ones), so the safe "
            f"copy does not hold it: {first}") in err, err
    assert list(manifest(hold)) == [f"porch/{second.name}"]
    record = json.loads((hold / holds.RECORD).read_text())
    assert [f["name"] for f in record["files"]] == [f"porch/{second.name}"]
    assert [r["path"] for r in record["placed"]["porch"]["recordings"]] == [
        f"porch/{second.name}"]
    (logged,) = _hold_records(run)
    assert logged.get("ok", True) and logged["files"] == 1 and logged["gone"] == 1, logged
    # not counted as a recording the copy lacks, though the index lists it until a scan
    assert run.json("inbox", "show", "--", jti)["hold_missing"] == 0
    # once the folder is scanned again, the safe copy holds every recording of the window
    assert run("scan")[0] == 0
    assert run.json("inbox", "show", "--", jti)["hold_missing"] == 0


def _hold_records(run) -> list[dict]:
    from agent.audit.log import AuditLog
    return [r["data"] for r in AuditLog(run.home).entries() if r["event"] == "hold"]


def test_recordings_out_of_reach_with_their_folder_still_stop_the_copy(flow, monkeypatch):
    """Not passed over: a card taken out (its folder gone with it) is no recording deleted to
    make room; the copy says to connect it, as before, and keeps nothing."""
    portal, run, reg, porch = flow
    checked = holds.copy_problem

    def then_taken_out(home, store, rows, *args, **kwargs):
        problem = checked(home, store, rows, *args, **kwargs)
        porch.rename(porch.with_name("porch-out"))   # the card out of its reader
        return problem

    monkeypatch.setattr(holds, "copy_problem", then_taken_out)
    portal.create_request(reg, T0, T0 + 8 * US, "2026-77", "Det. Jane Roe", cameras=("porch",))
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    code, _, err = run("inbox", "hold", "--", jti)
    assert code == 1 and "connect the drive it is on" in err, err
    assert run.json("inbox", "show", "--", jti)["hold"] is None


def test_a_recording_deleted_with_its_emptied_date_folder_is_passed_over(flow, monkeypatch):
    """Holds hunt: a recorder keeping a folder a day (an NVR's `20260101/`) deletes the folder
    with its last recording to make room; its recordings folder, holding the rest, is still
    there. The copy failed whole, "connect the drive it is on", as for a card taken out, since
    the recording's own folder had gone with it. It is passed over, as any recording deleted."""
    portal, run, reg, porch = flow
    first, second, _third = sorted(porch.iterdir())
    day = porch / "day-1"
    day.mkdir()
    first = first.rename(day / first.name)
    assert run("scan")[0] == 0
    checked = holds.copy_problem

    def then_deleted(home, store, rows, *args, **kwargs):
        problem = checked(home, store, rows, *args, **kwargs)
        first.unlink()   # the recorder makes room: its oldest day goes, folder and all
        day.rmdir()
        return problem

    monkeypatch.setattr(holds, "copy_problem", then_deleted)
    portal.create_request(reg, T0, T0 + 8 * US, "2026-77", "Det. Jane Roe", cameras=("porch",))
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    code, _, err = run("inbox", "hold", "--", jti)
    assert code == 0, err
    hold = Path(run.json("inbox", "show", "--", jti)["hold"])
    assert ("1 recording of the window was no longer in its folder as it was indexed when its "
            "copy began (a recorder deletes its oldest recordings, or records over them, to "
            "make room for new ones), so the safe "
            f"copy does not hold it: {first}") in err, err
    assert list(manifest(hold)) == [f"porch/{second.name}"]


def test_the_recordings_a_hold_passed_over_are_read_back_and_a_hand_edit_is_left_out():
    """hold.json's `gone` (the request's page says them when opened later): read back as
    written; an entry edited into something else is left out, the hold never refused for it."""
    from agent.requests.hold_copies import GoneRecording, gone_record, read_gone

    gone = (GoneRecording("/rec/porch/a.mp4", "porch", T0, T0 + 2 * US),)
    assert read_gone({"gone": gone_record(gone)}) == gone
    assert read_gone({"gone": [*gone_record(gone), {"source": 1}, "x",
                               {"source": "b", "camera": "porch", "start": "then",
                                "end": "now"}]}) == gone
    assert read_gone({"gone": "porch"}) == () == read_gone({})
