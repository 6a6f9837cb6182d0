"""Holds hunt: a safe copy copied whatever file sat at an indexed recording's path, and
recorded it at the indexed recording's times. A camera that records over its oldest files in
a loop, under the same names, had by the time of the copy written an hour-later recording into
the window's first file: the hold copied it as the window's, and once the card's recordings were
gone, approve cut that copy, sealing the later hour's frames as the requested seconds (their
drawn clocks said an hour later than the package). A recording no longer as it was indexed, as
its copy begins or once it is copied (written over while it was copied), is passed over and
said as one no longer there, as a recording deleted to make room is.

A real portal, the CLI in process, real footage and index; the camera's loop is this test
writing the later recording's bytes over the file, before the copy or from inside it."""
from __future__ import annotations

import json
from pathlib import Path

from agent.requests import hold_copies, holds
from agent.timebase import US
from demo.samples import make_recordings
from tests.test_growing_source import _stamps
from tests.test_held_footage import approved, flow, manifest  # noqa: F401 (a fixture)
from tests.test_requests_e2e import T0, only_request

GONE = ("1 recording of the window was no longer in its folder as it was indexed when its "
        "copy began (a recorder deletes its oldest recordings, or records over them, to make "
        "room for new ones), so the safe copy does not hold it: ")


def _later(porch: Path) -> bytes:
    """The bytes of a recording an hour after the window, as the camera's loop writes it."""
    later = make_recordings(porch.parent / "later", "blue-iris", "porch", T0 + 3600 * US, 1,
                            4.0, fps=10, gop_s=1.0)[0]
    return later.read_bytes()


def _hold(run, portal, reg) -> tuple[str, int, str]:
    portal.create_request(reg, T0, T0 + 8 * US, "2026-77", "Det. Jane Roe", cameras=("porch",))
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    code, _, err = run("inbox", "hold", "--", jti)
    return jti, code, err


def test_a_recording_written_over_before_its_copy_is_not_held_as_the_window(flow):
    portal, run, reg, porch = flow
    first, second, third = sorted(porch.iterdir())
    first.write_bytes(_later(porch))   # the loop came round: same name, another hour
    jti, code, err = _hold(run, portal, reg)
    assert code == 0, err
    hold = Path(run.json("inbox", "show", "--", jti)["hold"])
    assert GONE + str(first) in err, err
    assert sorted(manifest(hold)) == [f"porch/{second.name}"]
    record = json.loads((hold / holds.RECORD).read_text())
    assert first.name not in json.dumps(record["placed"])
    # nor counted as a recording saved since that the copy lacks, nor copied by holding again
    assert run.json("inbox", "show", "--", jti)["hold_missing"] == 0
    assert run("inbox", "hold", "--", jti)[0] == 0
    assert sorted(manifest(hold)) == [f"porch/{second.name}"]
    # the card's recordings gone since: what is sent is the window's own seconds or nothing
    for p in (first, second, third):
        p.unlink()
    assert run("scan")[0] in (0, 1)
    approved(run, portal, jti)
    stamps = _clip_stamps(run)
    assert stamps and all(T0 <= s < T0 + 8 * US for s in stamps), stamps


def test_a_recording_written_over_while_it_is_copied_is_not_held(flow, monkeypatch):
    portal, run, reg, porch = flow
    first, second, _third = sorted(porch.iterdir())
    later = _later(porch)
    reading = hold_copies.read_chunks

    def loop_meanwhile(src, *args, **kwargs):
        for n, chunk in enumerate(reading(src, *args, **kwargs)):
            if n == 0 and Path(src) == first:
                first.write_bytes(later)   # the camera records over it as it is read
            yield chunk

    monkeypatch.setattr(hold_copies, "read_chunks", loop_meanwhile)
    jti, code, err = _hold(run, portal, reg)
    assert code == 0, err
    hold = Path(run.json("inbox", "show", "--", jti)["hold"])
    assert GONE + str(first) in err, err
    assert sorted(manifest(hold)) == [f"porch/{second.name}"]
    assert not (hold / "porch" / first.name).exists()


def _clip_stamps(run) -> list[int]:
    """The true times drawn in the frames of the one clip the home's packages hold."""
    (clip,) = (run.home / "packages").rglob("data/*.mp4")
    return _stamps(clip)


def test_recordings_of_a_folder_whose_zone_changed_since_the_scan_are_held(agent, tmp_path):
    """A folder's zone set anew keeps its rows' dates below zero until the next scan places
    them again (Store.invalidate): they are still the recordings indexed, and are copied. The
    check above passed over every one of them as changed."""
    porch = tmp_path / "porch"
    written = make_recordings(porch, "blue-iris", "porch", T0, 2, 4.0, fps=10)
    agent.add_source(porch, camera="porch", tz="UTC")
    agent.scan()
    agent.add_source(porch, tz="Europe/Paris")
    hold = holds.make_hold(agent.home, agent.store, "r1", T0 - 86400 * US, T0 + 86400 * US,
                           ("porch",), "r1")
    assert (len(hold.files), hold.gone) == (len(written), ())
