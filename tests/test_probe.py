"""Container probe: real ffmpeg-written files in every container the index meets, damaged ones,
crafted box layouts, and fuzzing of the MP4 box reader."""
from __future__ import annotations

import os
import struct
import subprocess
from pathlib import Path

import av
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.index.probe import ContainerFacts, ProbeError, _pts_span, probe
from agent.media import mp4box
from agent.media.mp4box import POWER_LOSS, parse_bytes
from tests.conftest import t
from tests.ffmpeg_program import ffmpeg_exe

CREATED = "2024-05-06T07:08:09Z"
FPS = 10
STATUSES = {"ok", "empty", "damaged", "unsupported"}
H264 = ["-c:v", "libx264", "-preset", "ultrafast", "-g", str(FPS), "-bf", "0", "-pix_fmt", "yuv420p"]
OPENH264 = ["-c:v", "libopenh264", "-g", str(FPS), "-pix_fmt", "yuv420p"]
X265 = ["-c:v", "libx265", "-preset", "ultrafast", "-tag:v", "hvc1",
        "-x265-params", f"keyint={FPS}:min-keyint={FPS}:log-level=error", "-pix_fmt", "yuv420p"]
FRAG = ["-movflags", "frag_keyframe+empty_moov"]
# name -> (codec args, muxer args, with audio)
SAMPLES = {
    "plain.mp4": (H264, ["-metadata", f"creation_time={CREATED}"], False),
    "faststart.mp4": (OPENH264, ["-movflags", "+faststart"], False),
    "frag.mp4": (H264, FRAG + ["-metadata", f"creation_time={CREATED}"], False),
    "fragbase.mp4": (H264, ["-movflags", "frag_keyframe+empty_moov+default_base_moof"], False),
    "clip.mov": (OPENH264, ["-metadata", f"creation_time={CREATED}"], False),
    "audio.mp4": (X265, ["-c:a", "aac", "-b:a", "32k"], True),
    "clip.ts": (H264, [], False),
    "clip.mkv": (X265, ["-metadata", f"creation_time={CREATED}"], False),
    "clip.avi": (H264, [], False),
    "hiv00000.mp4": (H264, ["-f", "mpeg"], False),   # Hikvision: MPEG-PS behind an .mp4 name
    "old.mp4": (H264, ["-metadata", "creation_time=1999-12-31T23:59:59Z"], False),
}


def sample_command(path: Path, codec: list[str], mux: list[str], audio: bool, seconds: int = 3) -> list[str]:
    """ffmpeg command writing `seconds` of 320x240 testsrc2 at FPS to path."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y",
           "-f", "lavfi", "-i", f"testsrc2=size=320x240:rate={FPS}"]
    if audio:
        cmd += ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000"]
    return cmd + ["-t", str(seconds)] + codec + (mux if audio else ["-an"] + mux) + [str(path)]


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("probe")
    out = {}
    for name, (codec, mux, audio) in SAMPLES.items():
        out[name] = folder / name
        subprocess.run(sample_command(out[name], codec, mux, audio), check=True)
    return out


def av_duration_us(path: Path) -> int:
    """What PyAV (FFmpeg's demuxers) says the video lasts."""
    with av.open(str(path)) as c:
        v = c.streams.video[0]
        if v.duration:
            return round(v.duration * v.time_base * 1_000_000)
        return c.duration


def top_boxes(data: bytes) -> list[tuple[bytes, int, int]]:
    """(type, offset, size) of the top-level boxes of an ffmpeg-written (32-bit) MP4."""
    out, pos = [], 0
    while pos + 8 <= len(data):
        size, kind = struct.unpack_from(">I4s", data, pos)
        out.append((kind, pos, size))
        pos += size
    return out


def box(data: bytes, kind: bytes) -> tuple[int, int]:
    return next((off, size) for k, off, size in top_boxes(data) if k == kind)


@pytest.mark.parametrize("name,container,codec,audio", [
    ("plain.mp4", "mp4", "h264", False),
    ("faststart.mp4", "mp4", "h264", False),
    ("frag.mp4", "fmp4", "h264", False),
    ("fragbase.mp4", "fmp4", "h264", False),
    ("clip.mov", "mov", "h264", False),
    ("audio.mp4", "mp4", "hevc", True),
    ("clip.ts", "mpegts", "h264", False),
    ("clip.mkv", "matroska", "hevc", False),
    ("clip.avi", "avi", "h264", False),
    ("hiv00000.mp4", "mpeg-ps", "h264", False),
])
def test_real_files_match_ffmpeg(files, name, container, codec, audio):
    facts = probe(files[name])
    assert isinstance(facts, ContainerFacts)
    assert (facts.status, facts.reason, facts.container) == ("ok", None, container)
    assert (facts.codec, facts.width, facts.height, facts.has_audio) == (codec, 320, 240, audio)
    assert abs(facts.duration_us - av_duration_us(files[name])) <= 1_000_000 // FPS
    assert abs(facts.duration_us - 3_000_000) <= 1_000_000 // FPS
    assert facts.fps == pytest.approx(FPS, abs=0.5)
    if container in ("mp4", "fmp4", "mov"):
        assert facts.frames == 3 * FPS and facts.fps == float(FPS)


@pytest.mark.parametrize("name", ["plain.mp4", "frag.mp4", "clip.mov", "clip.mkv"])
def test_creation_time_read_back_exactly(files, name):
    assert probe(files[name]).creation_us == t(CREATED)


def test_missing_creation_time_is_none_and_a_reset_clocks_is_kept(files):
    assert probe(files["faststart.mp4"]).creation_us is None   # ffmpeg writes 0 when unset
    # Before 2000 is a camera whose clock was reset, a time (test_reset_clock_containers.py).
    assert probe(files["old.mp4"]).creation_us == t("1999-12-31T23:59:59Z")


def test_size_argument_and_pathlike(files):
    path = files["plain.mp4"]
    assert probe(str(path), path.stat().st_size) == probe(path)


def test_zero_bytes_is_empty(tmp_path):
    path = tmp_path / "0.mp4"
    path.write_bytes(b"")
    facts = probe(path)
    assert facts.status == "empty" and facts.duration_us is None


def test_cut_before_moov_is_power_loss(files, tmp_path):
    data = files["plain.mp4"].read_bytes()
    moov_at, _ = box(data, b"moov")
    for cut in (moov_at, moov_at - 5000):
        path = tmp_path / f"cut{cut}.mp4"
        path.write_bytes(data[:cut])
        facts = probe(path)
        assert (facts.status, facts.reason, facts.duration_us) == ("damaged", POWER_LOSS, None)


def test_mdat_size_zero_without_moov_is_power_loss(files, tmp_path):
    # A recorder writes mdat with size 0 ("to the end") and patches it on close.
    data = bytearray(files["plain.mp4"].read_bytes())
    mdat_at, _ = box(bytes(data), b"mdat")
    moov_at, _ = box(bytes(data), b"moov")
    data[mdat_at:mdat_at + 4] = b"\0\0\0\0"
    path = tmp_path / "open.mp4"
    path.write_bytes(bytes(data[:moov_at]))
    assert probe(path).reason == POWER_LOSS


def test_cut_inside_moov_is_damaged(files, tmp_path):
    data = files["plain.mp4"].read_bytes()
    path = tmp_path / "half.mp4"
    path.write_bytes(data[:len(data) - 100])
    facts = probe(path)
    assert facts.status == "damaged" and "moov" in facts.reason


def test_faststart_with_media_cut_off_is_damaged(files, tmp_path):
    data = files["faststart.mp4"].read_bytes()
    path = tmp_path / "short.mp4"
    path.write_bytes(data[:len(data) // 2])
    facts = probe(path)
    assert facts.status == "damaged" and "cut off" in facts.reason


def test_an_index_that_lists_media_past_the_end_is_not_finished(files, tmp_path):
    data = files["faststart.mp4"].read_bytes()
    assert probe(files["faststart.mp4"], judge_complete=True).complete is True
    at, _size = box(data, b"mdat")
    growing = bytearray(data[:len(data) - 1000])   # moov first, media still being written,
    growing[at:at + 4] = b"\0\0\0\0"                # mdat running to the end of the file
    path = tmp_path / "growing.mp4"
    path.write_bytes(bytes(growing))
    facts = probe(path, judge_complete=True)
    assert facts.status == "ok" and facts.complete is False


def test_truncated_fragmented_mp4_is_readable_to_last_whole_fragment(files, tmp_path):
    data = files["frag.mp4"].read_bytes()
    moofs = [off for kind, off, _ in top_boxes(data) if kind == b"moof"]
    assert len(moofs) == 3   # one fragment per 1 s GOP
    path = tmp_path / "cut.mp4"
    path.write_bytes(data[:moofs[2] + 300])   # inside the third fragment
    facts = probe(path)
    assert (facts.status, facts.duration_us, facts.frames) == ("ok", 2_000_000, 2 * FPS)
    assert facts.reason == "truncated; readable to 00:02"
    path.write_bytes(data[:moofs[0] + 50])   # inside the first fragment: nothing readable
    assert probe(path).status == "damaged"


def test_random_bytes_with_video_names_are_damaged(tmp_path):
    noise = os.urandom(64 * 1024)
    for name in ("noise.mp4", "noise.dav"):
        (tmp_path / name).write_bytes(noise)
        facts = probe(tmp_path / name)
        assert facts.status == "damaged" and name[-3:] in facts.reason


def test_proprietary_containers_are_unsupported_and_named(tmp_path):
    for name, words in (("Front.20260514_180000.bvr", "Blue Iris"),
                        ("AABBCCDDEEFF_0_rotating_1700000000000.ubv", "UniFi Protect")):
        (tmp_path / name).write_bytes(os.urandom(4096))
        facts = probe(tmp_path / name)
        assert facts.status == "unsupported" and words in facts.reason


def test_largesize_boxes(files, tmp_path):
    # ffmpeg leaves an 8-byte `free` before mdat exactly so mdat can grow a 64-bit size; use it,
    # and move moov to a 64-bit header too. Media offsets do not change, so FFmpeg still plays it.
    data = files["plain.mp4"].read_bytes()
    free_at, free_size = box(data, b"free")
    mdat_at, mdat_size = box(data, b"mdat")
    moov_at, moov_size = box(data, b"moov")
    assert free_size == 8 and free_at + 8 == mdat_at
    crafted = (data[:free_at] + struct.pack(">I4sQ", 1, b"mdat", mdat_size + 8)
               + data[mdat_at + 8:moov_at] + struct.pack(">I4sQ", 1, b"moov", moov_size + 8)
               + data[moov_at + 8:])
    path = tmp_path / "large.mp4"
    path.write_bytes(crafted)
    facts = probe(path)
    assert facts == probe(files["plain.mp4"])
    assert facts.status == "ok" and facts.duration_us == av_duration_us(path)


def test_duration_is_exact_integer_math(files):
    # NTSC-style timescale: 30 s = 900 frames of 1001/30000 s; a float path drifts by 1 us.
    data = bytearray(files["plain.mp4"].read_bytes())
    at = bytes(data).index(b"mdhd") + 4
    assert data[at] == 0
    struct.pack_into(">II", data, at + 12, 30000, 1001 * 900)
    assert parse_bytes(bytes(data)).duration_us == 30_030_000
    struct.pack_into(">II", data, at + 12, 1000, 1001)
    assert parse_bytes(bytes(data)).duration_us == 1_001_000   # 1001 / 1000 * 1e6 = 1000999.99...
    struct.pack_into(">II", data, at + 12, 48000, 15015)
    assert parse_bytes(bytes(data)).duration_us == 312_813     # exactly 312812.5: half rounds up
    struct.pack_into(">II", data, at + 12, 90000, 270001)
    assert parse_bytes(bytes(data)).duration_us == 3_000_011   # 3.0000111 s, rounded


def test_unreadable_file_raises_probe_error(tmp_path):
    with pytest.raises(ProbeError, match="disappeared"):
        probe(tmp_path / "gone.mp4")
    (tmp_path / "folder.mp4").mkdir()
    with pytest.raises(ProbeError, match="folder"):
        probe(tmp_path / "folder.mp4")


def test_permission_denied_raises_probe_error(tmp_path):
    path = tmp_path / "locked.mp4"
    path.write_bytes(b"\0\0\0\x08free")
    path.chmod(0)
    # root reads anything: take the effective id of `nobody` for the probe, then give it back.
    as_root = os.name == "posix" and os.geteuid() == 0
    try:
        if as_root:
            os.seteuid(65534)
        with pytest.raises(ProbeError, match="permission denied"):
            probe(path)
    finally:
        if as_root:
            os.seteuid(0)
        path.chmod(0o600)


def test_a_recording_another_program_holds_on_windows_is_said_to_be_in_use(tmp_path, monkeypatch):
    """Seen in the code: on Windows a recording another program holds open without sharing it
    (a recorder program still writing it, a backup or a video editor) cannot be opened: Python
    says PermissionError there too (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION), and the scan
    listed the recording as 'cannot read the file: permission denied', sending the owner to
    their account's rights. Windows' refusal is given here, as Python raises it there."""
    import errno

    from agent.index import probe as probe_module

    path = tmp_path / "ch01_20261120T220000.mp4"
    path.write_bytes(b"\0\0\0\x08free")
    for code in (32, 33):
        def held(*args, code=code, **kwargs):
            exc = PermissionError(errno.EACCES, "The process cannot access the file because "
                                  "another process has locked it", str(path))
            exc.winerror = code
            raise exc
        monkeypatch.setattr(probe_module, "open", held, raising=False)
        with pytest.raises(ProbeError) as caught:
            probe(path)
        said = str(caught.value)
        assert "in use by another program" in said and "permission" not in said, said


def test_reads_only_headers(files):
    """A moov-at-end file costs two page-sized reads: mdat is hopped over, not read."""
    data = files["plain.mp4"].read_bytes()
    reads = []

    def read_at(offset, length):
        reads.append((offset, length))
        return data[offset:offset + length]

    assert mp4box.read_mp4(read_at, len(data)).status == "ok"
    moov_at, moov_size = box(data, b"moov")
    assert len(reads) == 2 and reads[0] == (0, 4096)
    assert reads[1][0] == moov_at and reads[1][1] <= max(4096, moov_size)


def test_truncated_ts_stays_readable(files, tmp_path):
    data = files["clip.ts"].read_bytes()
    path = tmp_path / "half.ts"
    path.write_bytes(data[:len(data) // 2])
    facts = probe(path)
    assert facts.status == "ok" and 1_000_000 < facts.duration_us < 2_000_000


def test_pts_span_reads_duration_from_the_tail(files):
    # Used when FFmpeg reports no duration for an MPEG-TS/PS file.
    for name in ("clip.ts", "hiv00000.mp4"):
        path = files[name]
        with av.open(str(path)) as c:
            assert abs(_pts_span(c, c.streams.video[0], path.stat().st_size) - 3_000_000) <= 100_000


def test_hikvision_header_before_mpeg_ps(files, tmp_path):
    path = tmp_path / "hiv00001.mp4"
    path.write_bytes(b"IMKH" + bytes(36) + files["hiv00000.mp4"].read_bytes())
    facts = probe(path)
    assert (facts.status, facts.container, facts.codec) == ("ok", "mpeg-ps", "h264")


# -- fuzzing: the box reader returns a status for any bytes ------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_never_raise(data):
    assert parse_bytes(data).status in STATUSES


@pytest.fixture(scope="module")
def headers(files) -> list[bytes]:
    """Valid header regions: faststart ftyp+moov, and fragmented init + first fragment."""
    fast = files["faststart.mp4"].read_bytes()
    frag = files["frag.mp4"].read_bytes()
    mdat_at, _ = box(fast, b"mdat")
    moofs = [off for kind, off, _ in top_boxes(frag) if kind == b"moof"]
    return [fast[:mdat_at + 64], frag[:moofs[1] + 400]]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_headers_never_raise(headers, data):
    blob = bytearray(data.draw(st.sampled_from(headers)))
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(blob) - 1))
        blob[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(blob)))
    facts = parse_bytes(bytes(blob[:cut]))
    assert facts.status in STATUSES
    assert facts.duration_us is None or facts.duration_us >= 0
