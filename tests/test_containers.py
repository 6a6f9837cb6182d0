"""Recordings as they really are (issue 16, the export half): every container and codec recorders
write, cut in both modes, checked frame by frame against the clock each frame carries.

MJPEG AVI (dashcams), MPEG-TS with H.265 B-frames and open GOPs, Hikvision's MPEG-PS (named
hiv*.mp4, frames split over PES packets, some without a time), Dahua .dav, a resolution change
inside a file, a byte range of a file as a source, and sound in G.711, PCM, ADPCM and AAC.
Footage written with PyAV (demo.samples), remuxed by the ffmpeg program; PS and .dav framing from tests/container_support.py.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import av
import pytest

from agent.export.cut import SourceSpan, cut
from agent.export.masks import CameraMasks, Polygon
from agent.export.redact import Redaction
from demo.samples import ClipSpec, read_stamp, write_clip
from tests.conftest import t
from tests.container_support import (alaw_chunks, annexb_frames, bframes_clip, write_dav,
                                     write_ps)
from tests.ffmpeg_program import ffmpeg_exe

T0 = t("2026-03-01T10:00:00Z")
S = 1_000_000
FRAME = 100_000   # 10 fps


def at(seconds: float) -> int:
    return T0 + round(seconds * S)


def frames_at(first_s: float, last_s: float) -> list[int]:
    return list(range(at(first_s), at(last_s) + 1, FRAME))


def remux(src: Path, out: Path, *args: str) -> Path:
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-i", str(src), "-c", "copy", *args,
                    str(out)], check=True)
    return out


def stamps(path: Path) -> list[int]:
    """The clock of every stored frame (edit lists ignored); a decode error fails the test."""
    out = []
    with av.open(str(path), options={"ignore_editlist": "1"}) as c:
        for frame in c.decode(video=0):
            assert not frame.is_corrupt
            out.append(read_stamp(frame.to_ndarray(format="gray")))
    return out


def sound_codec(path: Path) -> str | None:
    with av.open(str(path)) as c:
        return c.streams.audio[0].codec_context.name if c.streams.audio else None


@pytest.fixture(scope="module")
def rec(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("containers")
    files = {}
    files["mjpeg"] = write_clip(ClipSpec(root / "dashcam.avi", T0, 6, encoder="mjpeg",
                                         audio=True, audio_codec="pcm_mulaw",
                                         creation_time=False))
    files["ts_hevc_b"] = remux(bframes_clip(root / "bf5.mp4", T0, "libx265"), root / "b.ts")
    files["mkv_pcm"] = write_clip(ClipSpec(root / "pcm.mkv", T0, 6, audio=True,
                                           audio_codec="pcm_s16le", creation_time=False))
    files["avi_adpcm"] = write_clip(ClipSpec(root / "adpcm.avi", T0, 6, audio=True,
                                             audio_codec="adpcm_ima_wav", creation_time=False))
    files["ts_aac"] = remux(write_clip(ClipSpec(root / "aac.mp4", T0, 6, audio=True)),
                            root / "aac.ts")
    for codec, encoder in (("h264", "libx264"), ("hevc", "libx265")):
        frames = annexb_frames(ClipSpec(root / f"es-{codec}.mp4", T0, 6, encoder=encoder))
        files[f"ps_{codec}"] = write_ps(root / f"hiv0000{len(files)}.mp4", frames, codec,
                                        alaw_chunks(6), untimed=(13, 14, 37))
        files[f"dav_{codec}"] = write_dav(root / f"ch1_{codec}.dav", frames, codec,
                                          T0 // 1000, 10, 320, 240, alaw_chunks(6))
    return files


CASES = {  # name: (first frame in copy mode, re-encoded frames in exact mode, sound)
    "mjpeg": (2.6, 0, ("pcm_mulaw", "aac")),
    "ts_hevc_b": (4.0, None, None),
    "ps_h264": (4.0, 14, ("pcm_alaw", "aac")),
    "ps_hevc": (4.0, 14, ("pcm_alaw", "aac")),
    "dav_h264": (4.0, 14, ("pcm_alaw", "aac")),
    "dav_hevc": (4.0, 14, ("pcm_alaw", "aac")),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("mode", ["copy", "exact"])
def test_every_container_cuts_frame_for_frame(rec, tmp_path, name, mode):
    first_copy, reencoded, sound = CASES[name]
    keep = sound is not None
    res = cut([SourceSpan(rec[name], T0)], at(2.55), at(5.25), tmp_path / "clip.mp4", mode=mode,
              keep_audio=keep)
    first = 2.6 if mode == "exact" else first_copy
    assert stamps(res.path) == frames_at(first, 5.2)
    assert res.frames == len(frames_at(first, 5.2))
    if mode == "exact" and reencoded is not None:
        assert res.reencoded_frames == reencoded
    if mode == "copy":
        assert res.reencoded_frames == 0
    if keep:
        assert (res.audio_codec, res.audio_converted_to) == sound
        assert sound_codec(res.path) == "aac"


def test_untimed_ps_frames_are_kept_not_dropped(rec):
    """Hikvision's PS: three frames arrive without a time of their own (the Hikvision clip
    that lost 5 of 292 frames); each is timed from the frame before it."""
    with av.open(str(rec["ps_h264"])) as c:
        untimed = sum(1 for p in c.demux(video=0) if p.size and p.pts is None)
    assert untimed == 3
    res = cut([SourceSpan(rec["ps_h264"], T0)], at(0.0), at(6.0), rec["ps_h264"].parent /
              "all.mp4", mode="exact")
    assert stamps(res.path) == frames_at(0.0, 5.9) and res.dropped_frames == 0
    res.path.unlink()


def test_hevc_open_gop_b_frames_exact_window_inside_one_gop(rec, tmp_path):
    res = cut([SourceSpan(rec["ts_hevc_b"], T0)], at(3.75), at(4.55), tmp_path / "c.mp4",
              mode="exact")
    assert stamps(res.path) == frames_at(3.8, 4.5)


@pytest.mark.parametrize("name,codec,converted", [("mkv_pcm", "pcm_s16le", "aac"),
                                                  ("avi_adpcm", "adpcm_ima_wav", "aac"),
                                                  ("ts_aac", "aac", None)])
def test_sound_is_copied_where_mp4_holds_it_else_converted(rec, tmp_path, name, codec,
                                                          converted):
    res = cut([SourceSpan(rec[name], T0)], at(2.55), at(5.25), tmp_path / "c.mp4",
              mode="exact", keep_audio=True)
    assert stamps(res.path) == frames_at(2.6, 5.2)
    assert res.audio and (res.audio_codec, res.audio_converted_to) == (codec, converted)
    with av.open(str(res.path)) as c:
        a = c.streams.audio[0]
        spans = [(res.delivered_start_us + round(p.pts * a.time_base * S),
                  round(p.duration * a.time_base * S)) for p in c.demux(a) if p.size]
    assert spans and all(at(2.55) <= s and s + d <= at(5.25) for s, d in spans)
    assert sum(d for _s, d in spans) >= 0.8 * (at(5.25) - at(2.6))


def tone_file(path: Path, rate: int, codec: str) -> Path:
    """Two seconds of picture and a 440 Hz tone, the sound as `codec` at `rate`."""
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc=size=320x240:rate=10", "-f", "lavfi", "-i",
                    f"sine=f=440:r={rate}", "-t", "2", "-c:v", "libx264", "-bf", "0", "-g", "10",
                    "-c:a", codec, str(path)], check=True)
    return path


@pytest.mark.parametrize("second", [("aac", 48000, "b.mp4"), ("pcm_mulaw", 8000, "b.mov")],
                         ids=["aac-48k", "g711"])
def test_sound_changing_format_between_recordings_is_converted_whole(tmp_path, second):
    """A camera's sound changed between two recordings (16 kHz AAC, then 48 kHz AAC or G.711
    after a setting or firmware change): the second one's packets were copied into the
    first one's track, which cannot hold them, so half the clip's sound did not decode and
    nothing said so."""
    codec, rate, name = second
    first = tone_file(tmp_path / "a.mp4", 16000, "aac")
    then = tone_file(tmp_path / name, rate, codec)
    res = cut([SourceSpan(first, T0), SourceSpan(then, at(2.0))], T0, at(4.0),
              tmp_path / "c.mp4", keep_audio=True)
    assert res.audio and res.audio_converted_to == "aac"
    assert "16000 Hz" in " ".join(res.audio_formats) and f"{rate} Hz" in res.audio_formats[-1]
    level, errors = [], 0
    with av.open(str(res.path)) as c:
        stream = c.streams.audio[0]
        for packet in c.demux(stream):
            try:
                for frame in packet.decode():
                    level.append((float(frame.pts * stream.time_base),
                                  float(abs(frame.to_ndarray()).max())))
            except av.FFmpegError:
                errors += 1
    assert errors == 0
    for half in ((0.2, 1.8), (2.2, 3.8)):
        heard = [v for t_s, v in level if half[0] <= t_s < half[1]]
        assert heard and min(heard) > 0.05, f"no tone from {half[0]} to {half[1]} s"


def test_mjpeg_redaction_reencodes_as_mjpeg(rec, tmp_path):
    masks = CameraMasks("dashcam", (Polygon(((0.6, 0.6), (0.9, 0.6), (0.9, 0.9))),))
    res = cut([SourceSpan(rec["mjpeg"], T0)], at(2.55), at(4.0), tmp_path / "m.mp4",
              redaction=Redaction(masks=masks))
    assert stamps(res.path) == frames_at(2.6, 3.9)
    assert res.reencoded_frames == res.frames == 14 and res.codec == "mjpeg"
    with av.open(str(res.path)) as c:
        frame = next(c.decode(video=0)).to_ndarray(format="gray")
    assert frame[160, 280] < 30 and frame[150, 40] > 60   # black inside the mask only


@pytest.fixture(scope="module")
def resized(tmp_path_factory) -> Path:
    """One MPEG-TS recording whose resolution (and parameter sets) change at 4.0 s."""
    root = tmp_path_factory.mktemp("resize")
    a = remux(write_clip(ClipSpec(root / "a.mp4", T0, 4)), root / "a.ts")
    b = remux(write_clip(ClipSpec(root / "b.mp4", at(4.0), 4, width=480, height=360)),
              root / "b.ts", "-output_ts_offset", "4")
    joined = root / "joined.ts"
    joined.write_bytes(a.read_bytes() + b.read_bytes())
    return joined


@pytest.mark.parametrize("mode", ["copy", "exact"])
@pytest.mark.parametrize("window", [(1.05, 6.55), (4.55, 7.25)])
def test_a_resolution_change_inside_a_file(resized, tmp_path, mode, window):
    res = cut([SourceSpan(resized, T0)], at(window[0]), at(window[1]), tmp_path / "c.mp4",
              mode=mode)
    first = {("copy", 1.05): 2.0, ("copy", 4.55): 6.0}.get((mode, window[0]),
                                                             window[0] + 0.05)
    assert stamps(res.path) == frames_at(first, window[1] - 0.05)
    with av.open(str(res.path)) as c:
        sizes = {(f.width, f.height) for f in c.decode(video=0)}
    assert sizes == ({(320, 240), (480, 360)} if window[0] < 4 else {(480, 360)})


def test_redaction_across_a_resolution_change(resized, tmp_path):
    masks = CameraMasks("cam", (Polygon(((0.6, 0.6), (0.9, 0.6), (0.9, 0.9))),))
    res = cut([SourceSpan(resized, T0)], at(3.05), at(5.0), tmp_path / "r.mp4",
              redaction=Redaction(masks=masks))
    assert stamps(res.path) == frames_at(3.1, 4.9)
    assert res.reencoded_frames == res.frames


def test_a_byte_range_of_a_file_is_a_source(rec, tmp_path):
    """A ring file holds recordings one after another: a byte range picks one of them."""
    first, second = rec["ps_h264"].read_bytes(), rec["ps_hevc"].read_bytes()
    ring = tmp_path / "hiv00000.mp4"
    ring.write_bytes(first + second)
    span = SourceSpan(ring, T0, byte_range=(len(first), len(first) + len(second)))
    res = cut([span], at(2.55), at(5.25), tmp_path / "c.mp4", mode="exact")
    assert stamps(res.path) == frames_at(2.6, 5.2) and res.codec == "hevc"
    whole = cut([SourceSpan(ring, T0, byte_range=(0, len(first)))], at(2.55), at(5.25),
                tmp_path / "d.mp4", mode="copy")
    assert whole.codec == "h264" and stamps(whole.path) == frames_at(4.0, 5.2)


def test_an_export_from_a_dahua_dav_says_the_sound_was_converted(tmp_path, capsys):
    """End to end: a .dav in a Dahua folder tree is indexed, exported with its G.711 sound,
    and provenance.json says the sound was converted to AAC (and why)."""
    import json

    from agent.cli import main
    from agent.timebase import format_utc
    from demo.samples import layout_path

    root = tmp_path / "yard"   # the folder names the camera
    rel = layout_path("dahua-tree", "yard", T0, at(6.0), "UTC").replace(".mp4", ".dav")
    (root / rel).parent.mkdir(parents=True)
    frames = annexb_frames(ClipSpec(tmp_path / "es.mp4", T0, 6, encoder="libx264"))
    write_dav(root / rel, frames, "h264", T0 // 1000, 10, 320, 240, alaw_chunks(6))
    home = str(tmp_path / "home")
    assert main(["--home", home, "scan", str(root), "--tz", "UTC"]) == 0
    capsys.readouterr()
    code = main(["--home", home, "export", "--camera", "yard", "--from", format_utc(at(1.05)),
                 "--to", format_utc(at(4.0)), "--out", str(tmp_path / "out"), "--mode",
                 "exact", "--keep-audio", "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    package = Path(json.loads(out.out)["package"])
    if not package.is_absolute():
        package = tmp_path / "out" / package.name
    provenance = json.loads((package / "data" / "provenance.json").read_text())
    assert provenance["audio"] == "kept"
    assert provenance["audio_conversion"]["from"] == "pcm_alaw"
    assert provenance["audio_conversion"]["to"] == "aac"
    assert provenance["delivered"]["frames"] == 29 and provenance["cut"]["codec"] == "h264"
