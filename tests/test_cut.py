"""Cutting the approved seconds: real footage (PyAV, and the ffmpeg program for encoders PyAV
lacks), barcodes read back.

Every sample frame carries its capture time as a barcode (demo.samples), so each test decodes
the clip and proves exactly which instants were delivered, in which order, at which pts.
"""
from __future__ import annotations

import subprocess
import tempfile
import threading
import time
from fractions import Fraction
from pathlib import Path

import av
import pytest

from agent.export import cut as cut_module
from agent.export.clip_writer import write_clip
from agent.export.cut import Cancelled, CutError, SourceSpan, cut
from agent.export.gate import GateReport, gate
from agent.export.nal import join_nals, nal_type, param_sets, split_nals
from agent.export.progress import Tracker
from agent.export.reencode import encoder_options
from demo.samples import ClipSpec, read_stamp
from demo.samples import write_clip as pyav_sample
from tests.conftest import t
from tests.ffmpeg_program import ffmpeg_exe
from tests.ffmpeg_program import write_clip as sample

T0 = t("2026-03-01T10:00:00Z")
S = 1_000_000
FRAME = 100_000  # 10 fps


def at(seconds: float) -> int:
    return T0 + round(seconds * S)


def _bframes_clip(path: Path, start_us: int, encoder: str) -> Path:
    """A file with B-frames (decode order differs from capture order): x264 with closed GOPs,
    or x265 with open GOPs (CRA keyframes whose leading pictures refer to the GOP before)."""
    bframes = 2 if encoder == "libx264" else 3
    return pyav_sample(ClipSpec(path, start_us, 10, encoder=encoder, bframes=bframes))


@pytest.fixture(scope="module")
def footage(tmp_path_factory) -> dict[str, SourceSpan]:
    """10-second files: three contiguous x264 ones, a late one (gap), an overlapping one,
    openh264 and x265 pairs, one with audio and one with B-frames."""
    root = tmp_path_factory.mktemp("footage")
    plan = {"a": (0, "libx264"), "b": (10, "libx264"), "c": (20, "libx264"),
            "late": (13, "libx264"), "overlap": (7.5, "libx264"),
            "oh": (0, "libopenh264"), "oh2": (10, "libopenh264"),
            "x5": (0, "libx265"), "x5b": (10, "libx265"), "kvz": (0, "libkvazaar")}
    spans = {}
    for name, (start, encoder) in plan.items():
        path = sample(ClipSpec(root / f"{name}.mp4", at(start), 10, encoder=encoder))
        spans[name] = SourceSpan(path, at(start))
    spans["audio"] = SourceSpan(sample(ClipSpec(root / "audio.mp4", T0, 10, audio=True)), T0)
    spans["bf"] = SourceSpan(_bframes_clip(root / "bf.mp4", T0, "libx264"), T0)
    spans["bf5"] = SourceSpan(_bframes_clip(root / "bf5.mp4", T0, "libx265"), T0)
    return spans


def decoded(path: Path) -> tuple[list[int], list[int]]:
    """(barcode capture times, pts in microseconds) of every stored frame, edit lists ignored;
    any decode error fails the test."""
    stamps, pts = [], []
    with av.open(str(path), options={"ignore_editlist": "1"}) as c:
        stream = c.streams.video[0]
        for frame in c.decode(stream):
            assert not frame.is_corrupt
            stamps.append(read_stamp(frame.to_ndarray(format="gray")))
            pts.append(round(frame.pts * stream.time_base * S))
    return stamps, pts


def check_clip(result, start_us: int, end_us: int) -> list[int]:
    """Invariants of every clip: inside the window, strictly increasing, pts = capture offset."""
    stamps, pts = decoded(result.path)
    assert stamps, "no frames"
    assert all(start_us <= s < end_us for s in stamps)
    assert all(b > a for a, b in zip(stamps, stamps[1:])), "a frame repeats or goes back"
    assert pts[0] == 0, "the first frame is not at pts 0"
    assert [p - pts[0] for p in pts] == [s - stamps[0] for s in stamps]
    assert (result.delivered_start_us, result.delivered_end_us) == (stamps[0], stamps[-1])
    assert result.frames == len(stamps)
    assert gate(result.path, result.delivered_start_us, start_us, end_us).ok
    head = result.path.read_bytes()[:1 << 16]
    assert 0 <= head.find(b"moov") < head.find(b"mdat") or b"mdat" not in head  # faststart
    return stamps


def frames_at(first_s: float, last_s: float) -> list[int]:
    return list(range(at(first_s), at(last_s) + 1, FRAME))


def sample_entry(path: Path) -> str:
    with av.open(str(path)) as c:
        return c.streams.video[0].codec_context.codec_tag


def keyframe_nal_types(path: Path) -> list[list[int]]:
    with av.open(str(path)) as c:
        stream = c.streams.video[0]
        codec = stream.codec_context.name
        return [[nal_type(codec, n) for n in split_nals(bytes(p), 4)]
                for p in c.demux(stream) if p.size and p.is_keyframe]


# --- copy mode -----------------------------------------------------------------------------

def test_copy_starts_at_next_keyframe_and_copies_bytes_untouched(footage, tmp_path):
    src = footage["a"]
    res = cut([src], at(2.55), at(7.25), tmp_path / "clip.mp4")
    assert check_clip(res, at(2.55), at(7.25)) == frames_at(4.0, 7.2)
    assert (res.mode, res.codec, res.reencoded_frames, res.audio) == ("copy", "h264", 0, False)
    assert res.shortfall_start_us == 1_450_000 and res.shortfall_end_us == 0
    assert sample_entry(res.path) == "avc1"   # one source, its own sample entry
    with av.open(str(src.path)) as s, av.open(str(res.path)) as o:
        wanted = [bytes(p) for p in s.demux(video=0) if p.size][40:73]
        assert [bytes(p) for p in o.demux(video=0) if p.size] == wanted


@pytest.mark.parametrize("names,tag", [(("a", "b", "c"), "avc1"), (("x5", "x5b"), "hvc1")])
def test_copy_window_across_files(footage, tmp_path, names, tag):
    spans = [footage[n] for n in names]
    end, last = (25.55, 25.5) if len(spans) == 3 else (20.0, 19.9)  # x5b ends at 20 s
    res = cut(spans, at(5.05), at(end), tmp_path / "clip.mp4")
    assert check_clip(res, at(5.05), at(end)) == frames_at(6.0, last)
    assert res.sources_used == tuple(spans)
    assert sample_entry(res.path) == tag  # same camera settings: the camera's own entry


def test_gap_between_files_stays_a_gap_in_time(footage, tmp_path):
    res = cut([footage["a"], footage["late"]], at(5.05), at(18.0), tmp_path / "clip.mp4")
    stamps = check_clip(res, at(5.05), at(18.0))  # pts offsets follow capture offsets
    assert stamps == frames_at(6.0, 9.9) + frames_at(13.0, 17.9)


@pytest.mark.parametrize("mode", ["copy", "exact"])
def test_a_pause_of_40_minutes_stays_a_pause_in_time(footage, tmp_path, mode):
    """Seen: any window over recordings more than 35.8 minutes apart failed its final check
    ("not stored at their capture time"): an MP4 keeps a frame's duration in 32 bits of its
    timescale, and FFmpeg put the frame after the pause 1 us after the one before it."""
    later = sample(ClipSpec(tmp_path / "later.mp4", at(2410), 4, encoder="libx264"))
    res = cut([footage["a"], SourceSpan(later, at(2410))], at(5.05), at(2413.0),
              tmp_path / "clip.mp4", mode=mode)
    stamps = check_clip(res, at(5.05), at(2413.0))
    first = 5.1 if mode == "exact" else 6.0
    assert stamps == frames_at(first, 9.9) + frames_at(2410.0, 2412.9)
    with av.open(str(res.path)) as c:   # the finest tick that holds 40 minutes: 10 us
        assert c.streams.video[0].time_base == Fraction(1, 100_000)


def test_the_video_tick_is_the_finest_that_holds_the_pause():
    from agent.export.output import tick_for
    assert [tick_for(s) for s in (1, 2**31 - 2, 2**31 - 1, 36 * 60 * S, 7 * 3600 * S,
                                  30 * 24 * 3600 * S)] == [1, 1, 10, 10, 100, 10_000]


@pytest.mark.parametrize("mode", ["copy", "exact"])
def test_overlapping_files_emit_no_frame_twice(footage, tmp_path, mode):
    res = cut([footage["a"], footage["overlap"]], at(5.05), at(16.0), tmp_path / "clip.mp4",
              mode=mode)
    stamps = check_clip(res, at(5.05), at(16.0))
    if mode == "copy":  # the re-export resumes at its first keyframe after 9.9 s
        assert stamps == frames_at(6.0, 9.9) + frames_at(11.5, 15.9)
    else:
        assert stamps == frames_at(5.1, 15.9)


def test_source_with_a_hiding_edit_list_is_timed_by_what_it_shows(footage, tmp_path):
    """A recording that is itself an `ffmpeg -ss 3.5 -c copy` cut stores 2.0 .. 3.4 behind its
    edit list; its index start is 3.5 s (the first frame it shows)."""
    trimmed = tmp_path / "trimmed.mp4"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-ss", "3.5", "-i",
                    str(footage["a"].path), "-c", "copy", str(trimmed)], check=True)
    span = SourceSpan(trimmed, at(3.5))
    for mode, begin, first in (("copy", 3.5, 4.0), ("exact", 3.5, 3.5), ("exact", 3.0, 3.0)):
        res = cut([span], at(begin), at(6.0), tmp_path / f"{mode}.mp4", mode=mode)
        assert check_clip(res, at(begin), at(6.0)) == frames_at(first, 5.9)


def test_files_from_different_encoders_join_with_inband_parameter_sets(footage, tmp_path):
    res = cut([footage["a"], footage["oh2"]], at(5.05), at(15.0), tmp_path / "clip.mp4")
    assert check_clip(res, at(5.05), at(15.0)) == frames_at(6.0, 14.9)
    assert sample_entry(res.path) == "avc3"
    assert all({7, 8} <= set(types) for types in keyframe_nal_types(res.path))


# --- exact mode ----------------------------------------------------------------------------

@pytest.mark.parametrize("source,encoder", [("oh", "libx264"), ("a", "libx264"),
                                            ("kvz", "libx265"), ("x5", "libx265")])
def test_exact_starts_on_the_first_frame_and_joins_another_encoder(footage, tmp_path, source,
                                                                   encoder):
    res = cut([footage[source]], at(2.55), at(7.25), tmp_path / "clip.mp4", mode="exact",
              encoder=encoder)
    assert check_clip(res, at(2.55), at(7.25)) == frames_at(2.6, 7.2)
    assert res.reencoded_frames == 14            # 2.6 .. 3.9, then whole GOPs are copied
    assert res.shortfall_start_us == 50_000 and res.shortfall_end_us == 0
    hevc = source in ("x5", "kvz")
    assert sample_entry(res.path) == ("hev1" if hevc else "avc3")
    wanted = {32, 33, 34} if hevc else {7, 8}
    keys = keyframe_nal_types(res.path)
    assert len(keys) >= 3 and all(wanted <= set(types) for types in keys)
    # The re-encoded GOP really carries other parameter sets than the camera's.
    with av.open(str(footage[source].path)) as c:
        camera = param_sets(c.streams.video[0].codec_context.name,
                            c.streams.video[0].codec_context.extradata).nals
    with av.open(str(res.path)) as c:
        first = split_nals(bytes(next(p for p in c.demux(video=0) if p.size)), 4)
    assert [n for n in first if nal_type("hevc" if hevc else "h264", n) in wanted] != list(camera)


@pytest.mark.parametrize("source,encoder", [("oh", "libx264"), ("kvz", "libx265")])
def test_exact_from_mpegts_annex_b_source(footage, tmp_path, source, encoder):
    """NVRs also write MPEG-TS: Annex B start codes, parameter sets in-band, no avcC/hvcC."""
    ts = tmp_path / "rec.ts"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(footage[source].path), "-c", "copy",
                    str(ts)], check=True)
    res = cut([SourceSpan(ts, T0)], at(2.55), at(7.25), tmp_path / "clip.mp4", mode="exact",
              encoder=encoder)
    assert check_clip(res, at(2.55), at(7.25)) == frames_at(2.6, 7.2)
    assert res.reencoded_frames == 14


def test_exact_from_a_keyframe_reencodes_nothing(footage, tmp_path):
    res = cut([footage["oh"]], at(2.0), at(6.0), tmp_path / "clip.mp4", mode="exact")
    assert check_clip(res, at(2.0), at(6.0)) == frames_at(2.0, 5.9)
    assert res.reencoded_frames == 0 and res.shortfall_start_us == res.shortfall_end_us == 0


def test_exact_across_files_from_a_camera_like_encoder(footage, tmp_path):
    res = cut([footage["oh"], footage["oh2"]], at(5.05), at(13.33), tmp_path / "clip.mp4",
              mode="exact")
    assert check_clip(res, at(5.05), at(13.33)) == frames_at(5.1, 13.3)
    assert res.reencoded_frames == 9


@pytest.mark.parametrize("source", ["bf", "bf5"])
@pytest.mark.parametrize("window", [(2.55, 7.25), (3.75, 5.85)])
def test_b_frame_sources(footage, tmp_path, source, window):
    start, end = at(window[0]), at(window[1])
    with av.open(str(footage[source].path)) as c:  # the test needs reordered frames
        pts = [p.pts for p in c.demux(video=0) if p.size]
    assert pts != sorted(pts)
    copy = cut([footage[source]], start, end, tmp_path / "copy.mp4")
    stamps = check_clip(copy, start, end)
    assert stamps[0] == at(4.0) and stamps == frames_at(4.0, (stamps[-1] - T0) / S)
    exact = cut([footage[source]], start, end, tmp_path / "exact.mp4", mode="exact")
    first, last = (2.6, 7.2) if window == (2.55, 7.25) else (3.8, 5.8)
    assert check_clip(exact, start, end) == frames_at(first, last)
    assert 0 < exact.reencoded_frames <= exact.frames  # (3.75, 5.85): head GOP + tail GOP
    if window == (2.55, 7.25):
        assert exact.reencoded_frames < exact.frames - 10  # the middle GOP is copied


def test_whole_window_reencode_fallback(footage, tmp_path):
    path = tmp_path / "clip.mp4"
    res = write_clip([footage["oh"]], at(2.55), at(7.25), path, "exact", False,
                     Tracker(None, None), whole=True)
    assert check_clip(res, at(2.55), at(7.25)) == frames_at(2.6, 7.2)
    assert res.reencoded_frames == res.frames


def test_exact_falls_back_to_whole_reencode_when_the_join_fails_its_check(footage, tmp_path,
                                                                          monkeypatch):
    calls = []

    def flaky_gate(path, origin, start, end, tick=None, ledger=None):
        calls.append(path)
        if len(calls) == 1:
            return GateReport(False, 1, 1, None, None, ("simulated broken join",))
        return gate(path, origin, start, end, tick=tick, ledger=ledger)

    monkeypatch.setattr(cut_module, "gate", flaky_gate)
    res = cut([footage["oh"]], at(2.55), at(7.25), tmp_path / "clip.mp4", mode="exact")
    assert len(calls) == 2 and res.reencoded_frames == res.frames == 47


# --- audio ---------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["copy", "exact"])
def test_audio_removed_unless_kept(footage, tmp_path, mode):
    res = cut([footage["audio"]], at(2.55), at(7.25), tmp_path / "clip.mp4", mode=mode)
    assert res.audio is False
    with av.open(str(res.path)) as c:
        assert not c.streams.audio


@pytest.mark.parametrize("mode", ["copy", "exact"])
def test_kept_audio_lies_inside_the_window(footage, tmp_path, mode):
    start, end = at(2.55), at(7.25)
    res = cut([footage["audio"]], start, end, tmp_path / "clip.mp4", mode=mode, keep_audio=True)
    assert res.audio is True
    check_clip(res, start, end)
    with av.open(str(res.path)) as c:  # as players see it (edit lists applied)
        a = c.streams.audio[0]
        spans = [(res.delivered_start_us + round(p.pts * a.time_base * S),
                  round(p.duration * a.time_base * S)) for p in c.demux(a) if p.size]
    assert spans and all(start <= s and s + d <= end for s, d in spans)
    covered = sum(d for _, d in spans)
    assert covered >= 0.9 * (res.delivered_end_us + FRAME - res.delivered_start_us)


# --- progress, cancel, errors --------------------------------------------------------------

def test_failing_progress_callback_does_not_kill_the_job(footage, tmp_path):
    seen = []

    def progress(stage, fraction):
        seen.append(fraction)
        raise RuntimeError("broken progress bar")

    res = cut([footage["a"], footage["b"]], at(1.0), at(19.0), tmp_path / "clip.mp4",
              mode="exact", progress=progress)
    assert res.path.exists() and len(seen) > 3
    assert all(0.0 <= f <= 1.0 for f in seen) and seen == sorted(seen) and seen[-1] == 1.0


@pytest.mark.parametrize("mode,when", [("copy", 0.2), ("exact", 0.2), ("exact", 0.04)])
def test_cancel_leaves_no_output(footage, tmp_path, mode, when):
    """Cancel mid-copy, and (exact, 0.04: at 3.3 s) while the re-encoder is running."""
    cancel = threading.Event()
    out = tmp_path / "out" / "clip.mp4"
    out.parent.mkdir()
    scratch = Path(tempfile.gettempdir())
    before = set(scratch.glob("footage-agent-cut-*"))

    def progress(stage, fraction):
        if fraction > when:
            cancel.set()

    with pytest.raises(Cancelled):
        cut([footage["a"], footage["b"]], at(2.55), at(19.0), out, mode=mode,
            progress=progress, cancel=cancel)
    assert list(out.parent.iterdir()) == []
    assert set(scratch.glob("footage-agent-cut-*")) <= before  # re-encoder scratch removed


def test_clip_failing_the_gate_is_deleted(footage, tmp_path, monkeypatch):
    monkeypatch.setattr(cut_module, "gate", lambda *a, **k: GateReport(
        False, 1, 1, None, None, ("1 frame lies outside the approved window",)))
    out = tmp_path / "clip.mp4"
    with pytest.raises(CutError, match="outside the approved window"):
        cut([footage["a"]], at(2.55), at(7.25), out)
    assert list(tmp_path.iterdir()) == []


def test_a_clip_the_disk_would_not_keep_is_refused_and_deleted(footage, tmp_path, monkeypatch):
    """fsync failing (EIO: a failing disk, a USB stick pulled) after the clip was written."""
    def failing(path):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(cut_module, "fsync_file", failing)
    with pytest.raises(CutError, match="could not be read back or saved to the disk"):
        cut([footage["a"]], at(2.55), at(7.25), tmp_path / "clip.mp4")
    assert list(tmp_path.iterdir()) == []


def test_a_slow_disk_is_said_while_the_clip_is_saved(footage, tmp_path, monkeypatch):
    """A USB stick may take the clip long after the gate is done: the owner sees why."""
    real = cut_module.fsync_file
    monkeypatch.setattr(cut_module, "fsync_file", lambda path: (time.sleep(0.5), real(path)))
    stages = []
    cut([footage["a"]], at(2.55), at(7.25), tmp_path / "clip.mp4",
        progress=lambda stage, fraction: stages.append(stage))
    assert stages[-2:] == ["saving", "done"] and stages.count("saving") == 1


def test_plain_errors(footage, tmp_path):
    out = tmp_path / "clip.mp4"
    with pytest.raises(CutError, match="no frames"):   # no keyframe in 2.1 .. 3.9
        cut([footage["a"]], at(2.1), at(3.9), out)
    with pytest.raises(CutError, match="before its end"):
        cut([footage["a"]], at(5), at(5), out)
    with pytest.raises(CutError, match="mode"):
        cut([footage["a"]], at(1), at(5), out, mode="fast")
    with pytest.raises(CutError, match="cannot re-encode"):
        cut([footage["a"]], at(1), at(5), out, mode="exact", encoder="libkvazaar")
    garbage = tmp_path / "garbage.mp4"
    garbage.write_bytes(b"not a video at all" * 100)
    with pytest.raises(CutError, match="garbage.mp4"):
        cut([SourceSpan(garbage, T0)], at(1), at(5), out)
    with pytest.raises(CutError, match="be written"):
        cut([footage["a"]], at(1), at(5), tmp_path / "no-such-folder" / "clip.mp4")
    with pytest.raises(CutError, match="change codec"):
        cut([footage["a"], footage["x5b"]], at(1), at(15), out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["garbage.mp4"]


# --- pieces as data ------------------------------------------------------------------------

def test_encoder_options_are_plain_data():
    x264 = encoder_options("libx264", "Constrained Baseline")
    assert x264["profile"] == "baseline" and x264["bf"] == "0"
    assert encoder_options("libx264", "High")["profile"] == "high"
    x265 = encoder_options("libx265", "Main")["x265-params"]
    assert "bframes=0" in x265 and "rc-lookahead" in x265   # P-frames only, few frames held
    with pytest.raises(CutError, match="unknown re-encoder"):
        encoder_options("libkvazaar", "Main")


def test_parameter_sets_and_nal_framing(footage):
    with av.open(str(footage["oh"].path)) as c:
        ps = param_sets("h264", c.streams.video[0].codec_context.extradata)
        key = bytes(next(p for p in c.demux(video=0) if p.size))
    assert ps.length_size == 4 and [nal_type("h264", n) for n in ps.nals] == [7, 8]
    nals = split_nals(key, 4)
    assert join_nals(nals, 4) == key
    assert split_nals(join_nals(nals, 0), 0) == nals        # Annex B round trip
    assert split_nals(join_nals(nals, 2), 2) == nals
