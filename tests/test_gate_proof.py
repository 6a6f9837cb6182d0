"""The gate's proof from the bytes (issue 18): copied samples are matched to the recording's
bytes they were read from (MP4) or to the digests of the source packets as read (MPEG-TS), only
re-encoded frames and each copied run's first GOP are decoded, and each way that proof could be
cheated is refused. Real footage from the ffmpeg program's libopenh264; every broken clip here
is made for real."""
from __future__ import annotations

import os
import subprocess
import threading
from dataclasses import replace
from pathlib import Path

import av
import pytest

from agent.export import ledger as ledger_module
from agent.export import output as output_module
from agent.export.clip_writer import write_clip
from agent.export.cut import SourceSpan, cut
from agent.export.gate import gate
from agent.export.ledger import Ledger
from agent.export.progress import Tracker
from frp.mp4tables import read_movie
from frp.times import format_local
from gui.views.core_words import matches
from demo.samples import ClipSpec
from tests.conftest import t
from tests.ffmpeg_program import ffmpeg_exe
from tests.ffmpeg_program import write_clip as sample

T0 = t("2026-03-01T10:00:00Z")
S = 1_000_000


def at(seconds: float) -> int:
    return T0 + round(seconds * S)


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> SourceSpan:
    root = tmp_path_factory.mktemp("proof")
    return SourceSpan(sample(ClipSpec(root / "cam.mp4", T0, 10, encoder="libopenh264",
                                      audio=True)), T0)


@pytest.fixture(scope="module")
def ts_source(source, tmp_path_factory) -> SourceSpan:
    """The same recording as MPEG-TS: its packets are not stored in one stretch each."""
    out = tmp_path_factory.mktemp("proof-ts") / "cam.ts"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-i", str(source.path), "-c", "copy",
                    str(out)], check=True)
    return SourceSpan(out, T0)


def written(source, tmp_path, mode: str, start=2.55, end=9.0, audio=False):
    return write_clip([source], at(start), at(end), tmp_path / f"{mode}.mp4", mode, audio,
                      Tracker(None, None))


def alter_sample(path: Path, index: int, track: str = "vide", delta: int = 1) -> None:
    """Change one byte in the middle of one stored sample, in place."""
    table = next(x for x in read_movie(path).tracks if x.handler == track)
    where = int(table.offsets[index] + table.sizes[index] // 2)
    with open(path, "r+b") as fh:
        fh.seek(where)
        byte = fh.read(1)[0]
        fh.seek(where)
        fh.write(bytes([(byte + delta) % 256]))


def test_copy_mode_is_proved_by_digests_and_one_decoded_gop(source, tmp_path):
    res = written(source, tmp_path, "copy")
    report = gate(res.path, res.delivered_start_us, at(2.55), at(9.0), ledger=res.ledger)
    assert report.ok, report.problems
    assert report.frames == report.packets == res.frames == 50        # 4.0 .. 8.9
    assert report.matched == 50 and report.decoded == 20                # the first GOP only


def test_exact_mode_decodes_what_it_reencoded_and_the_copied_runs_first_gop(source, tmp_path):
    res = written(source, tmp_path, "exact")
    report = gate(res.path, res.delivered_start_us, at(2.55), at(9.0), ledger=res.ledger)
    assert report.ok, report.problems
    assert res.reencoded_frames == 14 and report.frames == report.packets == 64
    assert report.matched == 50 and report.decoded == 14 + 20


@pytest.mark.parametrize("mode,index", [("copy", 0), ("copy", 33), ("exact", 40)])
def test_a_copied_packet_altered_by_one_byte_is_refused(source, tmp_path, mode, index):
    """Past the first GOP nothing is decoded: only the match with the recording sees it."""
    res = written(source, tmp_path, mode)
    alter_sample(res.path, index)
    report = gate(res.path, res.delivered_start_us, at(2.55), at(9.0), ledger=res.ledger)
    assert not report.ok
    assert any("1 copied frame differs from the recording" in p for p in report.problems)
    assert all(matches(p) for p in report.problems if "differs" in p), report.problems


def test_copied_mp4_samples_are_found_in_the_recording_and_ts_packets_by_digest(
        source, ts_source, tmp_path):
    mp4 = written(source, tmp_path, "copy")
    copied = [r for r in mp4.ledger.video if r.copied]
    assert len(copied) == 50 and all(r.digest is None for r in copied)
    where = copied[0].found_at                   # the recording's own bytes of its frame
    with open(source.path, "rb") as fh:
        fh.seek(where.offset)
        first = fh.read(where.size)
    assert where.path == source.path and first[4:].startswith(b"\x65")  # an IDR slice
    ts = write_clip([ts_source], at(2.55), at(9.0), tmp_path / "ts.mp4", "copy", False,
                    Tracker(None, None))
    assert all(r.found_at is None and len(r.digest) == 32 for r in ts.ledger.video)
    report = gate(ts.path, ts.delivered_start_us, at(2.55), at(9.0), ledger=ts.ledger)
    assert report.ok and report.matched == 50, report.problems
    alter_sample(ts.path, 33)
    report = gate(ts.path, ts.delivered_start_us, at(2.55), at(9.0), ledger=ts.ledger)
    assert any("1 copied frame differs from the recording" in p for p in report.problems)


def test_no_hashing_thread_runs_when_every_copied_frame_is_found_in_place(
        source, ts_source, tmp_path, monkeypatch):
    """An MP4 recording's frames are held against its bytes, so nothing is left to hash: the
    cut and the gate start no digest thread (a TS recording's packets still need one)."""
    started = []

    class Counted(threading.Thread):
        def start(self):
            started.append(self.name)
            super().start()

    monkeypatch.setattr(ledger_module.threading, "Thread", Counted)
    mp4 = written(source, tmp_path, "copy")
    assert gate(mp4.path, mp4.delivered_start_us, at(2.55), at(9.0), ledger=mp4.ledger).ok
    assert "footage-digests" not in started
    ts = write_clip([ts_source], at(2.55), at(9.0), tmp_path / "ts.mp4", "copy", False,
                    Tracker(None, None))
    assert gate(ts.path, ts.delivered_start_us, at(2.55), at(9.0), ledger=ts.ledger).ok
    assert started.count("footage-digests") == 2      # the cut's and the gate's


def test_a_recording_changed_or_gone_after_the_cut_is_refused(source, tmp_path):
    """The clip is held against the recording as it is now, not against what the cut said."""
    own = SourceSpan(tmp_path / "own.mp4", T0)
    own.path.write_bytes(source.path.read_bytes())
    res = written(own, tmp_path, "copy")
    assert gate(res.path, res.delivered_start_us, at(2.55), at(9.0), ledger=res.ledger).ok
    alter_sample(own.path, 70)                     # 7.0 s, copied into the clip
    report = gate(res.path, res.delivered_start_us, at(2.55), at(9.0), ledger=res.ledger)
    assert any("1 copied frame differs from the recording" in p for p in report.problems)
    own.path.unlink()
    report = gate(res.path, res.delivered_start_us, at(2.55), at(9.0), ledger=res.ledger)
    assert not report.ok
    assert any("own.mp4 could not be read again" in p for p in report.problems)


def test_a_sample_longer_than_its_source_packet_is_refused(source, tmp_path):
    """A ledger whose record claims more of the recording than the packet read (as if two
    packets were stored as one sample): the sizes must agree as well as the bytes."""
    res = written(source, tmp_path, "copy")
    video = list(res.ledger.video)
    grown = replace(video[10].found_at, size=video[10].found_at.size + 1)
    video[10] = replace(video[10], found_at=grown)
    ledger = Ledger(res.ledger.codec, tuple(video), res.ledger.audio)
    report = gate(res.path, res.delivered_start_us, at(2.55), at(9.0), ledger=ledger)
    assert any("1 copied frame differs from the recording" in p for p in report.problems)


def test_a_copied_sound_packet_altered_is_refused(source, tmp_path):
    res = written(source, tmp_path, "copy", audio=True)
    assert gate(res.path, res.delivered_start_us, at(2.55), at(9.0), ledger=res.ledger).ok
    alter_sample(res.path, 5, "soun")
    report = gate(res.path, res.delivered_start_us, at(2.55), at(9.0), ledger=res.ledger)
    assert not report.ok and any("1 copied audio packet differs from the recording" in p for p in report.problems)


def test_a_reencoded_frame_outside_the_window_is_refused(source, tmp_path, monkeypatch):
    """The head's first re-encoded frame (2.6 s) is found by the tables, not by decoding. The
    refusal, which a failed export shows the owner, says its times on the owner's clock, as
    every core sentence does (it said '2026-03-01T10:00:02.600000Z'), in words the app has."""
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    res = written(source, tmp_path, "exact")
    report = gate(res.path, res.delivered_start_us, at(2.65), at(9.0), ledger=res.ledger)
    assert not report.ok and "1 frame lies outside" in report.problems[0]
    said = report.problems[0]
    assert f"the first at {format_local(at(2.6), 'America/Los_Angeles')})" in said, said
    assert f"window {format_local(at(2.65), 'America/Los_Angeles')} to " in said, said
    assert "Z" not in said and "PST" in said and matches(said), said


def test_a_frame_moved_off_its_capture_time_is_refused(source, tmp_path):
    """A clip whose origin is claimed 0.1 s late: every frame in the window, none at its time."""
    res = written(source, tmp_path, "copy")
    report = gate(res.path, res.delivered_start_us + 100_000, at(2.55), at(9.1),
                  ledger=res.ledger)
    assert not report.ok
    assert any("50 frames are not stored at their capture time" in p for p in report.problems)
    assert all(matches(p) for p in report.problems if "capture time" in p), report.problems


def test_a_copied_run_missing_its_keyframe_is_refused(source, tmp_path, monkeypatch):
    """A cutter that loses the keyframe its copied GOP starts from (the first 4.0 s frame)."""
    real = output_module.Output.video_packet

    def losing(self, pkt, params, t_us, *args, **kwargs):
        if t_us == at(4.0):
            return True
        return real(self, pkt, params, t_us, *args, **kwargs)

    monkeypatch.setattr(output_module.Output, "video_packet", losing)
    res = written(source, tmp_path, "copy")
    report = gate(res.path, res.delivered_start_us, at(2.55), at(9.0), ledger=res.ledger)
    assert not report.ok
    assert any("starts without a keyframe" in p for p in report.problems)
    assert all(matches(p) for p in report.problems if "keyframe" in p), report.problems
    assert any("decode" in p for p in report.problems)


def test_a_missing_reference_inside_a_copied_runs_first_gop_is_refused(source, tmp_path,
                                                                      monkeypatch):
    """A P-frame (4.5 s) lost inside the first copied GOP: the frames after it refer to it."""
    real = output_module.Output.video_packet

    def losing(self, pkt, params, t_us, *args, **kwargs):
        if t_us == at(4.5):
            return True
        return real(self, pkt, params, t_us, *args, **kwargs)

    monkeypatch.setattr(output_module.Output, "video_packet", losing)
    res = written(source, tmp_path, "copy")
    report = gate(res.path, res.delivered_start_us, at(2.55), at(9.0), ledger=res.ledger)
    assert not report.ok and report.decoded > 0, report
    assert any("decode" in p for p in report.problems), report.problems


def test_a_ledger_for_another_clip_is_refused(source, tmp_path):
    copy = written(source, tmp_path, "copy")
    exact = written(source, tmp_path, "exact")
    report = gate(copy.path, copy.delivered_start_us, at(2.55), at(9.0), ledger=exact.ledger)
    assert not report.ok and "the cut wrote 64" in report.problems[-1]


def test_bytes_that_belong_to_no_sample_are_refused(source, tmp_path):
    res = written(source, tmp_path, "copy")
    with open(res.path, "ab") as fh:             # a box of its own after the media data
        payload = b"frames from before the window" * 10
        fh.write((8 + len(payload)).to_bytes(4, "big") + b"uuid" + payload)
    report = gate(res.path, res.delivered_start_us, at(2.55), at(9.0), ledger=res.ledger)
    assert not report.ok and any("uuid" in p for p in report.problems)


def test_cut_gates_with_its_ledger(source, tmp_path, monkeypatch):
    """cut() hands the gate its ledger, and the delivered clip is what was proved."""
    from agent.export import cut as cut_module

    seen = []
    real = cut_module.gate

    def spy(*args, **kwargs):
        report = real(*args, **kwargs)
        seen.append((kwargs.get("ledger"), report))
        return report

    monkeypatch.setattr(cut_module, "gate", spy)
    res = cut([source], at(2.55), at(9.0), tmp_path / "clip.mp4", mode="exact")
    ((ledger, report),) = seen
    assert ledger is not None and len(ledger.video) == res.frames and report.matched == 50
    with av.open(str(res.path)) as c:
        assert c.streams.video[0].frames == res.frames
    assert os.path.getsize(res.path) > 0


def test_the_gate_holds_one_recording_open_at_a_time(source, tmp_path, monkeypatch):
    """A clip of many recordings is checked one recording after another (file handles are
    limited: 512 by default on Windows)."""
    from agent.export import ledger as ledger_module

    spans = []
    for i in range(3):
        path = tmp_path / f"rec{i}.mp4"
        path.write_bytes(source.path.read_bytes())
        spans.append(SourceSpan(path, T0 + i * 10 * S))
    res = write_clip(spans, at(2.55), at(29.0), tmp_path / "three.mp4", "copy", False,
                     Tracker(None, None))
    open_now, most = set(), [0]
    real_open, real_close = os.open, os.close

    def opening(path, *args):
        fd = real_open(path, *args)
        open_now.add(fd)
        most[0] = max(most[0], len(open_now))
        return fd

    def closing(fd):
        open_now.discard(fd)
        real_close(fd)

    monkeypatch.setattr(ledger_module.os, "open", opening)
    monkeypatch.setattr(ledger_module.os, "close", closing)
    report = gate(res.path, res.delivered_start_us, at(2.55), at(29.0), ledger=res.ledger)
    assert report.ok and report.matched == res.frames, report.problems
    assert {r.found_at.path for r in res.ledger.video} == {s.path for s in spans}
    assert most[0] == 1 and not open_now
