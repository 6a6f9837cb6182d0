"""A recording still being written when it is exported (an MPEG-TS the recorder appends to):
package-format.md says `sources` hash the bytes there were, so hashing the first `size` bytes of
the finished file matches the package, and the whole file's no longer does."""
from __future__ import annotations

import hashlib
import json
import os

import av
import pytest

from agent.export.cut import cut
from agent.export.plan import plan_export
from agent.timebase import US
from demo.samples import make_recordings, read_stamp
from tests.conftest import t
from tests.test_containers import remux

# Recordings written as the test runs are still being written, however slowly it runs.
pytestmark = pytest.mark.usefixtures("written_just_now")

T0 = t("2026-11-20T22:00:00Z")


def test_a_growing_recordings_package_hash_is_its_first_size_bytes(agent, tmp_path):
    folder = tmp_path / "rec" / "porch"
    (mp4,) = make_recordings(tmp_path, "blue-iris", "porch", T0, 1, 6.0, fps=10, gop_s=1.0)
    folder.mkdir(parents=True)
    ts = remux(mp4, folder / "CH01_20261120_220000_220006.ts")   # a DVR's name, in UTC here
    os.utime(ts, (1_700_000_000, 1_700_000_000))
    agent.scan([str(folder)], tz="UTC")
    (camera,) = agent.cameras()
    done = agent.export(camera, T0 + US, T0 + 4 * US, tmp_path / "out")
    (source,) = json.loads((done.package.path / "data" / "provenance.json").read_text())["sources"]
    assert source["path"].endswith(".ts")

    with open(ts, "ab") as grow:          # the recorder writes on
        grow.write(ts.read_bytes()[:188 * 500])
    whole = ts.read_bytes()
    assert hashlib.sha256(whole).hexdigest() != source["sha256"]
    assert hashlib.sha256(whole[:source["size"]]).hexdigest() == source["sha256"]


def _fragmented(source, target):
    """`source` as a fragmented MP4 (a fragment per keyframe), as recorders that keep a file
    readable while they write it do; returns its bytes and where each fragment starts."""
    with av.open(str(source)) as i, av.open(str(target), "w", options={
            "movflags": "frag_keyframe+empty_moov+default_base_moof"}) as o:
        video = i.streams.video[0]
        out = o.add_stream_from_template(video)
        for pkt in i.demux(video):
            if pkt.dts is not None:
                pkt.stream = out
                o.mux(pkt)
    data = target.read_bytes()
    starts, at = [], data.find(b"moof")
    while at >= 0:
        starts.append(at - 4)
        at = data.find(b"moof", at + 4)
    return data, starts


def _growing(agent, tmp_path):
    """A fragmented MP4 the scan saw 3 s of (modified just now), then grown to its 6 s:
    (its row, its path, its whole bytes)."""
    (mp4,) = make_recordings(tmp_path / "made", "blue-iris", "porch", T0, 1, 6.0, fps=10,
                             gop_s=1.0)
    data, starts = _fragmented(mp4, tmp_path / "whole.mp4")
    folder = tmp_path / "rec"
    folder.mkdir()
    growing = folder / mp4.name
    growing.write_bytes(data[:starts[3]])       # 3 fragments: 3 s
    agent.scan([str(folder)], tz="UTC")
    (row,) = agent.recordings()
    assert (row.status, row.start_us, row.end_us) == ("in-progress", T0, T0 + 3 * US)
    growing.write_bytes(data)                   # the recorder wrote on
    return row, growing


def _stamps(clip) -> list[int]:
    with av.open(str(clip)) as c:
        return [read_stamp(f.to_ndarray(format="gray")) for f in c.decode(video=0)]


def test_a_recording_that_grows_while_it_is_cut_is_cut_only_as_far_as_it_was_indexed(
        agent, tmp_path):
    # Planned with 3 s indexed, cut once it held 6 s: the clip held the later 3 s while the
    # package's gaps (the plan's) said nothing was recorded then, a signed statement its own
    # video contradicts.
    row, _ = _growing(agent, tmp_path)
    plan = plan_export(agent.store, row.camera, T0, T0 + 6 * US)
    assert [(g.start_us, g.end_us) for g in plan.coverage.gaps] == [(T0 + 3 * US, T0 + 6 * US)]
    res = cut(plan.spans, T0, T0 + 6 * US, tmp_path / "clip.mp4", mode="exact")
    stamps = _stamps(res.path)
    assert stamps[0] == T0 and stamps[-1] < T0 + 3 * US   # nothing inside the gap it states
    assert res.delivered_end_us == stamps[-1]


def test_an_export_reads_a_recording_still_being_written_again_first(agent, tmp_path):
    # From the command line, with no watcher: the 3 s a scan saw were all it exported, and
    # the seconds recorded since were called a gap.
    row, _ = _growing(agent, tmp_path)
    done = agent.export(row.camera, T0, T0 + 6 * US, tmp_path / "out", mode="exact")
    record = json.loads((done.package.path / "data" / "provenance.json").read_text())
    assert record["gaps"] == []
    stamps = _stamps(done.clip)
    assert (stamps[0], stamps[-1]) == (T0, T0 + 5_900_000)


def test_seconds_a_recording_still_being_written_has_not_saved_are_not_called_unrecorded(
        agent, tmp_path, capsys):
    """Export hunt 13: a window running past what a recording still being written held so
    far got "nothing was recorded from 22:00:03 to 22:00:06" in the export's note, the README
    and provenance.json, though the camera was recording: those seconds were not on disk
    yet. They are now marked `not_saved_yet` and said so; the package still verifies."""
    from agent.cli import main
    from agent.commands.export_notes import export_notes
    (mp4,) = make_recordings(tmp_path / "made", "blue-iris", "porch", T0, 1, 6.0, fps=10,
                             gop_s=1.0)
    data, starts = _fragmented(mp4, tmp_path / "whole.mp4")
    folder = tmp_path / "rec"
    folder.mkdir()
    (folder / mp4.name).write_bytes(data[:starts[3]])   # 3 s saved, and the file just written
    agent.scan([str(folder)], tz="UTC")
    (row,) = agent.recordings()
    assert row.status == "in-progress"
    done = agent.export(row.camera, T0, T0 + 6 * US, tmp_path / "out", mode="exact")
    record = json.loads((done.package.path / "data" / "provenance.json").read_text())
    assert record["gaps"] == [{"start": "2026-11-20T22:00:03Z", "end": "2026-11-20T22:00:06Z",
                               "not_saved_yet": True}]
    readme = (done.package.path / "README.txt").read_text()
    assert "Nothing was recorded" not in readme and "stands still" not in readme
    assert ("Not saved yet when the package was made, from 2026-11-20 22:00:03 UTC to "
            "2026-11-20 22:00:06 UTC: the camera's recording was still being written") in readme
    (note,) = export_notes(done, "UTC")
    assert note.startswith("not saved yet from 2026-11-20 22:00:03 UTC to 22:00:06 UTC: the "
                           "camera's recording is still being written")
    assert main(["--home", str(agent.home), "export", "--camera", row.camera, "--from",
                 "2026-11-20T22:00:00Z", "--to", "2026-11-20T22:00:06Z", "--mode", "exact",
                 "--out", str(tmp_path / "out"), "--json", "--progress", "none"]) == 0
    assert json.loads(capsys.readouterr().out)["gaps"] == record["gaps"]   # as it says
    assert main(["--home", str(agent.home), "verify", str(done.package.path)]) == 0
    cap = capsys.readouterr()
    said = cap.out + cap.err
    assert "not saved yet: the camera's recording was still being written" in said
    assert "recorded nothing" not in said


def test_a_gap_inside_a_finished_recordings_window_is_still_nothing_recorded(agent, tmp_path):
    """The stretch after a recording that is finished stays "nothing was recorded"."""
    (mp4,) = make_recordings(tmp_path / "made", "blue-iris", "porch", T0, 1, 3.0, fps=10,
                             gop_s=1.0)
    folder = tmp_path / "rec"
    folder.mkdir()
    (folder / mp4.name).write_bytes(mp4.read_bytes())
    os.utime(folder / mp4.name, (1_700_000_000, 1_700_000_000))
    agent.scan([str(folder)], tz="UTC")
    (row,) = agent.recordings()
    done = agent.export(row.camera, T0, T0 + 6 * US, tmp_path / "out", mode="exact")
    record = json.loads((done.package.path / "data" / "provenance.json").read_text())
    assert record["gaps"] == [{"start": "2026-11-20T22:00:03Z", "end": "2026-11-20T22:00:06Z"}]
    assert "Nothing was recorded from" in (done.package.path / "README.txt").read_text()
