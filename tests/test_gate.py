"""The gate: every frame stored in a clip (edit lists ignored) must lie inside the window and
decode cleanly. Each bad clip here is made for real with the ffmpeg program or PyAV."""
from __future__ import annotations

import re
import subprocess
from fractions import Fraction
from pathlib import Path

import av
import pytest

from agent.export.cut import SourceSpan, cut
from agent.export.gate import gate, track_edits
from demo.samples import ClipSpec
from tests.conftest import t
from tests.ffmpeg_program import encode_command, ffmpeg_exe, write_clip

T0 = t("2026-03-01T10:00:00Z")
S = 1_000_000


def at(seconds: float) -> int:
    return T0 + round(seconds * S)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("gate")
    x264 = write_clip(ClipSpec(root / "x264.mp4", T0, 10, audio=True))
    oh = write_clip(ClipSpec(root / "oh.mp4", T0, 10, encoder="libopenh264"))
    clip = cut([SourceSpan(x264, T0)], at(2.0), at(8.0), root / "clip.mp4", mode="exact",
               keep_audio=True).path
    return {"x264": x264, "oh": oh, "clip": clip, "root": root}


def ss_copy_command(src: Path, seek_s: float, seconds: float, out: Path) -> list[str]:
    """What the design forbids: `ffmpeg -ss T -c copy` (snaps back to the keyframe before T)."""
    return [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-ss", str(seek_s),
            "-i", str(src), "-t", str(seconds), "-c", "copy", "-an", str(out)]


def test_clean_clip_passes(files):
    report = gate(files["clip"], at(2.0), at(2.0), at(8.0))
    assert report.ok and report.problems == ()
    assert report.frames == report.packets == 60
    assert (report.first_us, report.last_us) == (at(2.0), at(7.9))


def test_ffmpeg_ss_copy_leak_is_caught(files, tmp_path):
    leaky = tmp_path / "ss.mp4"
    subprocess.run(ss_copy_command(files["x264"], 3.5, 4.0, leaky), check=True)
    # What a player shows starts at 3.5 s: the edit list hides the keyframe-before-T frames.
    with av.open(str(leaky)) as c:
        shown = sum(1 for _ in c.decode(video=0))
    assert track_edits(leaky)["vide"].shown[0][0] > 0
    report = gate(leaky, at(3.5), at(3.5), at(7.5))
    assert not report.ok
    assert report.packets == report.frames > shown      # 2.0 .. 3.4 are stored anyway
    assert any("hidden by an edit list" in p for p in report.problems)
    assert any("outside the approved window" in p for p in report.problems)


def test_truncated_clip_is_caught(files, tmp_path):
    data = files["clip"].read_bytes()
    cut_short = tmp_path / "short.mp4"
    cut_short.write_bytes(data[: len(data) * 6 // 10])
    report = gate(cut_short, at(2.0), at(2.0), at(8.0))
    assert not report.ok
    assert any("truncated" in p or "decode" in p for p in report.problems)


def test_corrupt_bytes_are_caught(files, tmp_path):
    data = bytearray(files["clip"].read_bytes())
    mdat = data.find(b"mdat")
    for i in range(mdat + 2000, len(data) - 64, 997):
        data[i] ^= 0x5A
    damaged = tmp_path / "damaged.mp4"
    damaged.write_bytes(bytes(data))
    report = gate(damaged, at(2.0), at(2.0), at(8.0))
    assert not report.ok
    assert any("decode" in p for p in report.problems)


def test_join_without_inband_parameter_sets_is_caught(files, tmp_path):
    """An x264 GOP spliced in front of openh264 GOPs under the camera's SPS/PPS alone: the
    broken join the design warns about. The gate must refuse it."""
    src = files["oh"]
    with av.open(str(src)) as c:
        raw = [f.to_ndarray(format="yuv420p") for i, f in zip(range(20), c.decode(video=0))][5:]
    head = tmp_path / "head.mp4"
    cmd = encode_command("libx264", "Constrained Baseline", 320, 240, Fraction(10), head)
    subprocess.run(cmd, input=b"".join(a.tobytes() for a in raw), check=True)
    spliced = tmp_path / "spliced.mp4"
    with av.open(str(head)) as h, av.open(str(src)) as s, \
            av.open(str(spliced), "w", format="mp4") as out:
        stream = out.add_stream_from_template(s.streams.video[0])
        stream.time_base = Fraction(1, S)
        head_pkts = [p for p in h.demux(video=0) if p.size]
        cam_pkts = [p for p in s.demux(video=0) if p.size][20:]
        for n, p in enumerate(head_pkts + cam_pkts):
            p.pts = p.dts = n * 100_000
            p.time_base, p.stream = stream.time_base, stream
            out.mux(p)
    report = gate(spliced, at(0.5), at(0.5), at(10.0))
    assert not report.ok
    assert any("decode" in p for p in report.problems)


def test_frames_outside_the_claimed_window_are_caught(files):
    late = gate(files["clip"], at(2.0), at(2.0), at(7.5))
    assert not late.ok and "5 frames lie outside" in late.problems[0]
    early_claim = gate(files["clip"], at(1.9), at(2.0), at(8.0))
    assert not early_claim.ok and early_claim.first_us == at(1.9)


def test_audio_past_the_window_is_caught(files):
    report = gate(files["clip"], at(2.0), at(2.0), at(7.9) + 1)  # video fits, audio runs on
    assert not report.ok
    assert any(re.match(r"\d+ audio packets? lies? outside the approved window$", p)
               for p in report.problems)


def test_unreadable_files_give_a_report_not_a_traceback(tmp_path):
    garbage = tmp_path / "garbage.mp4"
    garbage.write_bytes(b"\x00\x01junk" * 500)
    missing = tmp_path / "missing.mp4"
    for path in (garbage, missing):
        report = gate(path, T0, T0, at(1))
        assert not report.ok and report.frames == 0 and "cannot be opened" in report.problems[0]


def test_a_second_video_track_is_caught(files, tmp_path):
    """Only the first video track is decoded, so any other track must fail the gate."""
    two = tmp_path / "two.mp4"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(files["clip"]), "-i", str(files["oh"]),
                    "-map", "0:v", "-map", "1:v", "-c", "copy", str(two)], check=True)
    report = gate(two, at(2.0), at(2.0), at(8.0))
    assert not report.ok and report.problems[-1].startswith(
        "the clip holds 1 track besides one video and one audio track; it was not checked")
