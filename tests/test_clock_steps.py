"""Recordings whose timestamps go back partway through: the camera's encoder or clock restarted
while the recorder went on appending to the same MPEG-TS file, as recorders that copy a camera's
stream into .ts do when it reconnects.

FFmpeg reads a step back in a 33-bit MPEG clock as the clock wrapping round: the frames after it
come out about 26.5 hours later. The index must not claim those hours as recorded, and a cut must
never sign a frame as captured at such a time: it holds the recording up to the step and says so.
Real footage (PyAV), each frame's capture time in its barcode.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import av
import pytest

from agent.cli import main
from agent.export.cut import CutError, SourceSpan, cut
from frp.late_start import early_end_us
from agent.index.probe import probe
from demo.samples import ClipSpec, read_stamp, write_clip
from tests.conftest import t

T0 = t("2026-11-20T22:00:00Z")
S = 1_000_000
WRAP_US = (1 << 33) * S // 90_000     # the 33-bit, 90 kHz clock's whole range


def _part(source: Path, target: Path, keep, shift_s: float) -> bytes:
    """The frames of `source` that `keep(seconds)` picks, as an MPEG-TS of their own with their
    timestamps moved by `shift_s`."""
    with av.open(str(source)) as i, av.open(str(target), "w", format="mpegts") as o:
        video = i.streams.video[0]
        out = o.add_stream_from_template(video)
        for pkt in i.demux(video):
            if pkt.dts is None or not keep(float(pkt.pts * video.time_base)):
                continue
            step = round(shift_s / video.time_base)
            pkt.pts += step
            pkt.dts += step
            pkt.stream = out
            o.mux(pkt)
    return target.read_bytes()


@pytest.fixture(scope="module")
def stepped(tmp_path_factory) -> Path:
    """6 s of footage in one .ts: its first 3 s stamped 100 s later than its last 3 s, which
    follow them (the encoder restarted its clock at 3 s). The name says 22:00:00 to 22:00:06."""
    root = tmp_path_factory.mktemp("stepped")
    whole = write_clip(ClipSpec(root / "whole.ts", T0, 6))
    before = _part(whole, root / "a.ts", lambda s: s < 3, 100)
    after = _part(whole, root / "b.ts", lambda s: s >= 3, 0)
    path = root / "CH01_20261120_220000_220006.ts"
    path.write_bytes(before + after)
    os.utime(path, ns=((T0 + 6 * S) * 1000,) * 2)
    return path


def _stamps(clip: Path) -> tuple[list[int], list[int]]:
    """(barcode capture times, pts in microseconds) of every frame of a clip."""
    with av.open(str(clip)) as c:
        stream = c.streams.video[0]
        frames = list(c.decode(stream))
        return ([read_stamp(f.to_ndarray(format="gray")) for f in frames],
                [round(f.pts * stream.time_base * S) for f in frames])


def test_the_index_does_not_claim_the_day_a_step_back_reads_as(stepped):
    facts = probe(stepped)
    assert facts.status == "ok"
    assert facts.duration_us is None or facts.duration_us < 60 * S, facts
    assert "back" in (facts.reason or ""), facts


@pytest.mark.parametrize("mode", ["copy", "exact"])
def test_a_cut_holds_the_recording_up_to_the_step_and_says_so(stepped, tmp_path, mode):
    res = cut([SourceSpan(stepped, T0)], T0, T0 + 6 * S, tmp_path / "clip.mp4", mode=mode)
    stamps, pts = _stamps(res.path)
    # Every frame is where it was captured: none of the later 3 s placed a day on.
    assert [s - stamps[0] for s in stamps] == pts
    assert res.delivered_start_us == stamps[0] and res.delivered_end_us == stamps[-1]
    assert stamps[-1] < T0 + 3 * S
    assert res.shortfall_end_us > 3 * S - 200_000
    assert [(b.path, b.last_us) for b in res.clock_steps] == [(stepped, stamps[-1])]


def test_a_window_where_a_step_back_would_place_frames_gets_none_of_them(stepped, tmp_path):
    wrapped = T0 + WRAP_US - 100 * S     # where FFmpeg's reading puts the frames after the step
    with pytest.raises(CutError) as caught:
        cut([SourceSpan(stepped, T0)], wrapped - 10 * S, wrapped + 10 * S, tmp_path / "clip.mp4",
            mode="exact")
    assert "go back" in str(caught.value) and stepped.name in str(caught.value)
    assert not (tmp_path / "clip.mp4").exists()


def test_scan_and_export_tell_the_owner(stepped, home, tmp_path, capsys):
    assert main(["--home", str(home), "scan", str(stepped.parent), "--tz", "UTC",
                 "--progress", "none"]) == 0
    assert main(["--home", str(home), "recordings", "--json"]) == 0
    row = next(r for r in json.loads(capsys.readouterr().out) if r["path"] == str(stepped))
    assert (row["start"], row["end"], row["status"]) == \
        ("2026-11-20T22:00:00Z", "2026-11-20T22:00:06Z", "ok")
    assert "go back partway through" in row["reason"]
    camera = row["camera"]
    code = main(["--home", str(home), "export", "--camera", camera, "--from",
                 "2026-11-20T22:00:00Z", "--to", "2026-11-20T22:00:06Z", "--out", str(tmp_path),
                 "--mode", "exact", "--progress", "none", "--json"])
    said = capsys.readouterr()
    assert code == 0, said.err
    out = json.loads(said.out)
    assert out["clock_steps"] == [{"recording": stepped.name,
                                   "last_frame": out["delivered"]["end"]}]
    assert "note: the timestamps of the recording " + stepped.name in said.err


@pytest.fixture(scope="module")
def jumped(tmp_path_factory) -> Path:
    """6 s of footage in one MP4 whose last 3 s are stamped 60 s later (the camera's clock
    was set forward while it recorded): its frame before the jump lasts 60 s in the file."""
    root = tmp_path_factory.mktemp("jumped")
    whole = write_clip(ClipSpec(root / "whole.mp4", T0, 6))
    path = root / "card" / "CH02_20261120_220000_220106.mp4"
    path.parent.mkdir()
    with av.open(str(whole)) as i, av.open(str(path), "w") as o:
        video = i.streams.video[0]
        out = o.add_stream_from_template(video)
        for pkt in i.demux(video):
            if pkt.dts is None:
                continue
            if pkt.pts * video.time_base >= 3:
                step = round(60 / video.time_base)
                pkt.pts += step
                pkt.dts += step
            pkt.stream = out
            o.mux(pkt)
    return path


@pytest.mark.parametrize("mode", ["copy", "exact"])
def test_a_pause_after_the_last_frame_is_not_shown_as_it_nor_hidden(jumped, tmp_path, mode):
    res = cut([SourceSpan(jumped, T0)], T0 + S // 2, T0 + 5 * S, tmp_path / "clip.mp4", mode=mode)
    stamps, _ = _stamps(res.path)
    assert stamps[-1] == T0 + 2_900_000 == res.delivered_end_us
    # The window's last 2 s hold no frame: said, not covered by the last frame's 60 s wait.
    assert res.shortfall_end_us == 2 * S
    with av.open(str(res.path)) as c:   # and the clip does not play on past the window
        stream = c.streams.video[0]
        assert stream.duration * stream.time_base * S <= T0 + 5 * S - res.delivered_start_us


def test_export_says_the_clip_ends_before_the_window(jumped, home, tmp_path, capsys):
    assert main(["--home", str(home), "scan", str(jumped.parent), "--tz", "UTC",
                 "--progress", "none"]) == 0
    code = main(["--home", str(home), "export", "--camera", "card", "--from",
                 "2026-11-20T22:00:00.500Z", "--to", "2026-11-20T22:00:05Z", "--out",
                 str(tmp_path), "--mode", "exact", "--progress", "none"])
    said = capsys.readouterr()
    assert code == 0, said.err
    assert "note: the clip ends 2.00 s before the window does" in said.err


def test_a_clip_ending_where_its_recording_does_is_said_once(tmp_path):
    last, window_end = T0 + 1_900_000, T0 + 6 * S
    gap = (T0 + 2 * S, window_end)   # the file ends at 2 s, after its last frame's 0.1 s
    assert early_end_us(window_end, last, window_end - (last + 100_000), [gap]) == 0
    assert early_end_us(window_end, last, window_end - (last + 100_000), []) == 4 * S
