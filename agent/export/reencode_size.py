"""How big a clip re-encoded whole will be, measured before it is cut, for a drive that holds
no file past a size (FAT32's 4 GiB: drive_limit.py).

A copied clip holds its recordings' frames as recorded, so their bytes estimate it. A clip
re-encoded whole (privacy masks, faces blurred) holds what the re-encoder makes of them:
several times the recordings' bytes for a camera that records at a low bit rate (x264 at
CRF 18 keeps the sensor's noise the camera threw away), or less for one that records at a
high one. Known only once the whole window is cut, a refusal then comes after minutes or
hours of work. So before the cut a few short stretches spread over the window are cut as the
export will cut them (the same re-encoder, settings and redaction: clip_writer.write_clip)
into a temporary folder, and the clip is estimated at their bytes per second of recording.

The re-encoder makes a keyframe where the recording has one (and where it starts), so the
clip's frames are weighed at its keyframes' mean size as often as the recordings' own
keyframes come (read from their packets, not decoded), else at its other frames' mean: the
keyframe each stretch starts with where the recording has none counts as one of those. A
refusal is for a clip clearly over: the drive's limit must be passed by more than a quarter (a
window's busy minutes may lie between the stretches, its quiet hours be sampled). A clip
estimated under that is cut, and the drive's own refusal of the write stays the final word
(drive_limit.limit_hit). docs/cli.md (`export`, a DIR on a FAT drive) says the rule.
"""
from __future__ import annotations

import tempfile
import threading
from pathlib import Path
from typing import Callable

import av

from agent.callbacks import call_safely
from agent.export.clip_writer import write_clip
from agent.export.drive_limit import clip_estimate
from agent.export.faces import FaceModelError
from agent.export.plan import ExportPlan
from agent.export.progress import Cancelled, CutError, Tracker
from agent.export.redact import Redaction, Redactor
from agent.export.source import Source

SAMPLE_US = 4_000_000   # each stretch cut to measure: four seconds, a camera's GOP or two
SAMPLES = 3             # at the start, the middle and the end of what the window recorded
CLEARLY_OVER = 1.25     # the estimate must pass the drive's limit by more than a quarter


def clip_weight(plan: ExportPlan, redaction: Redaction | None, keep_audio: bool,
                largest: int | None, cancel: threading.Event | None = None,
                progress: Callable[[str, float], None] | None = None) -> tuple[int, float]:
    """(bytes, allowance): what a clip of `plan`'s window is weighed at against a drive whose
    largest file is `largest` bytes (None: no limit, nothing measured), and how far past it
    that may go before the clip is refused. Its recordings' bytes, allowed nothing more, unless
    `redaction` re-encodes it whole and stretches of its recordings, files on this computer,
    could be cut: then their measure, allowed CLEARLY_OVER."""
    copied = clip_estimate(plan.coverage.files, plan.start_us, plan.end_us)
    if largest is None or redaction is None or not redaction.touches_video:
        return copied, 1.0
    if any(row.status == "remote" for row in plan.coverage.files):
        # A recorder's rows are its address, no file: FFmpeg given one would go to the
        # recorder itself, past the agent's allow-list and pinned certificate. Weighed by the
        # sizes it listed; once downloaded, the export weighs the files so.
        return copied, 1.0
    measured = reencoded_estimate(plan, redaction, keep_audio, cancel, progress)
    return (copied, 1.0) if measured is None else (measured, CLEARLY_OVER)


def sample_windows(spans: list[tuple[int, int]], count: int = SAMPLES,
                   length_us: int = SAMPLE_US) -> list[tuple[int, int]]:
    """Up to `count` stretches of `length_us`, spread evenly over the recorded `spans` (in
    time order, apart) and each inside one of them; none when the spans hold no more than the
    stretches would (such a window is short: its recordings' bytes estimate it)."""
    total = sum(end - start for start, end in spans)
    if total <= count * length_us:
        return []
    chosen = []
    for i in range(count):
        # The i-th stretch starts at its share of the recorded time, counted through the spans.
        at = (total - length_us) * i // max(1, count - 1)
        for start, end in spans:
            if at < end - start:   # moved back to end with its recording, if it is long enough
                begin = max(start, min(start + at, end - length_us))
                chosen.append((begin, min(end, begin + length_us)))
                break
            at -= end - start
    return sorted(set(chosen))


def reencoded_estimate(plan: ExportPlan, redaction: Redaction, keep_audio: bool,
                       cancel: threading.Event | None = None,
                       progress: Callable[[str, float], None] | None = None) -> int | None:
    """Bytes a clip of `plan`'s window, re-encoded whole with `redaction`, will about hold,
    from stretches of it cut so (said to `progress` as the stage "measuring"); None when it
    cannot be told (a window too short to sample, or no stretch could be cut: the cut then
    says why)."""
    spans = [(s.start_us, s.end_us) for s in plan.coverage.spans]
    windows = sample_windows(spans)
    if not windows:
        return None
    call_safely(progress, "measuring", 0.0)
    try:
        redactor = Redactor(redaction)
    except FaceModelError:   # the face model is missing or broken: the cut says so
        return None
    track = Tracker(None, cancel)
    tally = _Tally()
    with tempfile.TemporaryDirectory(prefix="footage-agent-size-") as folder:
        for n, (start, end) in enumerate(windows):
            inside = [span for row, span in zip(plan.coverage.files, plan.spans)
                      if row.start_us < end and row.end_us > start]
            clip = Path(folder) / f"sample-{n}.mp4"
            try:
                write_clip(inside, start, end, clip, "exact", keep_audio, track,
                           whole=True, redactor=redactor)
            except Cancelled:
                raise
            except (CutError, OSError, av.FFmpegError):
                continue   # a stretch that cannot be cut is not measured; the cut says why
            tally.add(clip, end - start, _recorded_keys(inside, start, end))
            clip.unlink(missing_ok=True)
    rate = tally.bytes_per_us()
    return None if rate is None else round(rate * plan.coverage.covered_us)


class _Tally:
    """What the sample clips hold: their frames and sound, by size, and the recordings' own
    keyframes over the same stretches (the re-encoder makes a keyframe where they have one,
    and one more wherever it starts)."""

    def __init__(self) -> None:
        self.frames = 0        # every video frame of the samples
        self.recorded_keys = 0  # the recordings' keyframes among them
        self.keys: list[int] = []      # the samples' keyframes' sizes
        self.others: list[int] = []    # the other frames' sizes
        self.sound = 0
        self.us = 0            # recording time sampled

    def add(self, clip: Path, us: int, recorded_keys: int) -> None:
        """Count one sample clip of `us` microseconds of recording, over which the recordings
        hold `recorded_keys` keyframes (none counted when the clip cannot be read)."""
        try:
            with av.open(str(clip)) as box:
                if not box.streams.video:
                    return
                video = box.streams.video[0]
                sizes = [(p.size, p.is_keyframe, p.stream is video) for p in box.demux()
                         if p.size]
        except (OSError, av.FFmpegError):
            return
        frames = [(size, key) for size, key, is_video in sizes if is_video]
        if not frames:
            return
        self.frames += len(frames)
        self.recorded_keys += min(recorded_keys, len(frames))
        self.keys += [size for size, key in frames if key]
        self.others += [size for size, key in frames if not key]
        self.sound += sum(size for size, _key, is_video in sizes if not is_video)
        self.us += us

    def bytes_per_us(self) -> float | None:
        """The clip's bytes per microsecond of recording: its frames at the keyframes' mean
        size as often as the recordings have keyframes, else at the other frames' mean (the
        keyframe each sample starts with, where the recording has none, left out); None when
        nothing was measured."""
        if not self.us or not self.frames or not self.keys:
            return None
        key_mean = sum(self.keys) / len(self.keys)
        if not self.others:   # every frame a keyframe (MJPEG)
            per_frame = key_mean
        else:
            share = self.recorded_keys / self.frames
            per_frame = key_mean * share + sum(self.others) / len(self.others) * (1 - share)
        return (per_frame * self.frames + self.sound) / self.us


def _recorded_keys(spans: list, start_us: int, end_us: int) -> int:
    """The recordings' keyframes captured in [start_us, end_us), read from their packets
    without decoding (0 for a recording that cannot be read: the cut says why)."""
    keys = 0
    for span in spans:
        try:
            src = Source(span, False)
        except CutError:
            continue
        try:
            for pkt in src.packets(start_us):
                if pkt.stream is not src.video:
                    continue
                at = src.time_us(pkt)
                if at >= end_us:
                    break
                keys += int(at >= start_us and pkt.is_keyframe)
        except (OSError, av.FFmpegError, CutError):
            pass
        finally:
            src.close()
    return keys
