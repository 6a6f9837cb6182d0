"""The gate: proof, from the clip's own bytes, that every stored frame lies inside the window.

"Every frame" means every frame stored in the file, whatever a player would show. The proof
reads the MP4's own sample tables (mp4tables.py), which every demuxer believes, with edit
lists ignored:

- every sample of every track is found there, with its bytes and its presentation time; the
  clip may hold one video track and at most one audio track, nothing else, and every byte of
  its media data must belong to one of their samples;
- every video sample's time lies in [start, end), and no edit list hides any of them; every
  audio sample lies wholly inside the window;
- with the cut's ledger (ledger.py): every copied sample, less the parameter sets the writer
  put in front of it, equals the recording's bytes the source packet was read from (MP4/MOV
  recordings, read again at the packet's offset) or hashes to the digest of the source packet
  as read (recordings whose packets are not stored as read), and sits at that packet's
  capture time;
- decoded, frame for frame (one frame out for each sample in, no decoder error, no frame
  flagged corrupt): every re-encoded sample, the first GOP of each copied run (where a missing
  reference would show), and every sample the ledger does not vouch for. Without a ledger,
  that is every sample.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import av
import numpy as np

from frp.count_words import counted
from agent.export.gate_decode import Run, decode_runs
from frp.clip_layout import layout_problems
from frp.clip_tables import audio_problems, sample_times, time_problems
from agent.export.ledger import Digester, Ledger, Recordings, SampleRecord, as_read, digest
from agent.export.frame_nums import FrameNums
from agent.export.nal import join_nals, nal_type, param_sets, split_nals
from frp.mp4tables import Movie, SampleTable, TableError, TrackEdits, read_movie
from frp.mp4tables import track_edits
from agent.media.read_at import read_at
from agent.timebase import local_text

__all__ = ["GateReport", "TrackEdits", "gate", "track_edits"]

US = 1_000_000
_PARAM_TYPES = {"h264": {7, 8, 13}, "hevc": {32, 33, 34}}
_CODECS = {"avc1": "h264", "avc3": "h264", "hvc1": "hevc", "hev1": "hevc"}


@dataclass(frozen=True)
class GateReport:
    ok: bool
    frames: int        # frames accounted for: decoded, or matched byte for byte to a source
    packets: int       # video samples the clip's tables list
    first_us: int | None
    last_us: int | None
    problems: tuple[str, ...]
    decoded: int = 0   # of those frames, how many were decoded
    matched: int = 0   # copied samples matched to their source packet's digest


@dataclass
class _Tally:
    problems: list[str] = field(default_factory=list)
    frames: int = 0
    decoded: int = 0
    matched: int = 0


def gate(path: Path, origin_us: int, start_us: int, end_us: int, *,
         tick: Callable[[float], None] | None = None, ledger: Ledger | None = None) -> GateReport:
    """Prove that every frame stored in `path` was captured in [start_us, end_us).

    Capture times are origin_us plus each sample's presentation offset from the first video
    sample's. `ledger` is what the cut wrote (ledger.py); without it every frame is decoded.
    `tick(fraction)` is called as the check goes (it may raise to stop it)."""
    path = Path(path)
    try:
        movie = read_movie(path)
    except TableError as exc:
        return GateReport(False, 0, 0, None, None, (f"the clip cannot be opened ({exc})",))
    videos = [t for t in movie.tracks if t.handler == "vide"]
    audios = [t for t in movie.tracks if t.handler == "soun"]
    if not videos:
        return GateReport(False, 0, 0, None, None, ("the clip holds no video",))
    video, audio = videos[0], (audios[0] if audios else None)
    tally = _Tally()
    n = len(video)
    times = sample_times(video, origin_us)
    readable = _readable(movie, video)
    tally.problems += time_problems(video, times, start_us, end_us, local_text)
    if audio is not None and len(video):
        tally.problems += audio_problems(audio, video, origin_us, start_us, end_us)
    tally.problems += layout_problems(movie)
    codec = _codec(path, video)
    runs, vouched = _plan(tally, path, video, times, readable, ledger, codec, audio)
    tally.matched = len(vouched)
    decoded = decode_runs(path, video, codec, runs, tick)
    tally.decoded = decoded.frames
    tally.frames = decoded.frames + len(vouched - decoded.fed)
    if decoded.error:
        tally.problems.insert(0, "the clip's video does not decode cleanly "
                                 f"(decoder: {decoded.error})")
    if not n:
        tally.problems.append("the clip holds no video frames")
    if decoded.fed_count != decoded.frames:
        tally.problems.append(f"the clip stores {decoded.fed_count} video packets but only "
                              f"{decoded.frames} decode to frames")
    unread = int((~readable).sum())
    if unread:
        tally.problems.append(f"the clip's index lists {n} frames but {n - unread} could be "
                              "read: the file is truncated or damaged")
    if decoded.corrupt:
        tally.problems.append(counted(decoded.corrupt, "frame decodes", "frames decode")
                              + " with errors")
    extra = len(movie.tracks) - 1 - min(1, len(audios))
    if extra:  # only the first video and audio tracks are checked: others must not exist
        tally.problems.append(f"the clip holds {counted(extra, 'track')} besides one video and "
                              "one audio track; " + ("it was" if extra == 1 else "they were")
                              + " not checked")
    first = int(times.min()) if n else None
    last = int(times.max()) if n else None
    return GateReport(not tally.problems, tally.frames, n, first, last, tuple(tally.problems),
                      tally.decoded, tally.matched)


def _readable(movie: Movie, video: SampleTable) -> np.ndarray:
    return video.offsets + video.sizes <= movie.file_size


def _codec(path: Path, video: SampleTable) -> str:
    if video.fourcc in _CODECS:
        return _CODECS[video.fourcc]
    try:  # other sample entries (mp4v holding MJPEG, ...): ask the demuxer what it is
        with av.open(str(path)) as c:
            return c.streams.video[0].codec_context.name
    except (av.FFmpegError, OSError, IndexError):
        return video.fourcc


def _plan(tally: _Tally, path: Path, video: SampleTable, times: np.ndarray,
          readable: np.ndarray, ledger: Ledger | None, codec: str,
          audio: SampleTable | None) -> tuple[list[Run], set[int]]:
    """Match copied samples to their source digests, follow H.264 reference continuity, and
    choose what must be decoded."""
    n = len(video)
    if ledger is not None and len(ledger.video) != n:
        tally.problems.append(f"the clip stores {n} video frames but the cut wrote "
                              f"{len(ledger.video)}")
        ledger = None
    nums = FrameNums() if codec == "h264" else None
    if nums is not None:
        for nal in param_sets("h264", video.config).nals if video.config else ():
            nums.take(join_nals([nal], 4))
    vouched: set[int] = set()
    differ, moved = [], []
    # Stored at the capture time to the microsecond, or on a coarser video tick (a clip
    # spanning a long pause, output.py) within half a tick: rounding, never a moved frame.
    slack = US // (2 * video.timescale) + 1
    hashing: list[tuple[int, int]] = []   # (sample, digest index): hashed on a worker thread
    digests = Digester()
    segment = None
    with open(path, "rb") as fh, Recordings() as recordings:
        fd = fh.fileno()
        for i in range(n):
            rec = ledger.video[i] if ledger is not None else None
            if rec is not None and abs(int(times[i]) - rec.source_us) > slack:
                moved.append(i)
            if not readable[i] or (nums is None and not _vouchable(rec)):
                continue
            sample = read_at(fd, int(video.sizes[i]), int(video.offsets[i]))
            if nums is not None:
                if rec is not None and rec.segment != segment:
                    segment = rec.segment
                    nums.reset()
                nums.take(sample)
            if not _vouchable(rec):
                continue
            data = as_read(sample, rec)
            if data is None or not _params_only(rec.inserted, codec):
                differ.append(i)
            elif rec.found_at is None:
                hashing.append((i, digests.add(data)))
            elif recordings.hold(rec.found_at, data):
                vouched.add(i)
            else:
                differ.append(i)
        if audio is not None and ledger is not None and ledger.audio:
            _match_audio(tally, fd, audio, ledger)
    for gone in sorted(recordings.unreadable):
        tally.problems.append(f"the recording {gone.name} could not be read again to hold the "
                              "clip's copied frames against it")
    done = digests.results()
    for i, at in hashing:
        if done[at] == ledger.video[i].digest:
            vouched.add(i)
        else:
            differ.append(i)
    differ.sort()
    if differ:
        differs = counted(len(differ), "copied frame differs", "copied frames differ")
        tally.problems.append(f"{differs} from the recording they were copied from (the first "
                              f"at {local_text(int(times[differ[0]]))})")
    if moved:
        are = counted(len(moved), "frame is", "frames are")
        tally.problems.append(f"{are} not stored at their capture time (the "
                              f"first at {local_text(int(times[moved[0]]))})")
    if nums is not None and nums.gaps:
        tally.problems.append("the clip's video would not decode as recorded: "
                              + counted(nums.gaps, "reference picture is",
                                        "reference pictures are")
                              + " missing (gaps in H.264 frame_num)")
    if ledger is None:
        return [Run(tuple(i for i in range(n) if readable[i]))], set()
    return _runs(tally, video, ledger, vouched, readable), vouched


def _vouchable(rec: SampleRecord | None) -> bool:
    """A sample the ledger can vouch for: a copied packet it can find or has a digest of."""
    return rec is not None and (rec.found_at is not None or rec.digest is not None)


def _params_only(inserted: bytes, codec: str) -> bool:
    """What the writer may add to a copied packet: parameter sets, nothing with a picture."""
    if not inserted:
        return True
    types = _PARAM_TYPES.get(codec, set())
    return all(nal_type(codec, nal) in types for nal in split_nals(inserted, 4))


def _match_audio(tally: _Tally, fd: int, audio: SampleTable, ledger: Ledger) -> None:
    if len(ledger.audio) != len(audio):
        tally.problems.append(f"the clip stores {len(audio)} audio packets but the cut wrote "
                              f"{len(ledger.audio)}")
        return
    differ = sum(1 for i, want in enumerate(ledger.audio) if want is not None and digest(
        read_at(fd, int(audio.sizes[i]), int(audio.offsets[i]))) != want)
    if differ:
        differs = counted(differ, "copied audio packet differs", "copied audio packets differ")
        tally.problems.append(f"{differs} from the recording")


def _runs(tally: _Tally, video: SampleTable, ledger: Ledger, vouched: set[int],
          readable: np.ndarray) -> list[Run]:
    """What to decode: re-encoded runs whole, each copied run's first GOP (to the sample before
    its second keyframe), and any sample not vouched for (from the keyframe before it)."""
    runs: list[Run] = []
    segments: dict[int, list[int]] = {}
    for i, rec in enumerate(ledger.video):
        segments.setdefault(rec.segment, []).append(i)
    for members in segments.values():
        if all(ledger.video[i].copied and i in vouched for i in members):
            if not video.sync[members[0]]:
                tally.problems.append("a run of copied frames starts without a keyframe (at "
                                      f"{local_text(ledger.video[members[0]].source_us)})")
            head = [members[0]]
            for i in members[1:]:
                if video.sync[i]:
                    break
                head.append(i)
            runs.append(Run(tuple(head)))
            continue
        if any(ledger.video[i].copied and i not in vouched for i in members):
            continue  # a copied sample that differs is refused; decoding it proves nothing
        runs.append(Run(tuple(i for i in members if readable[i])))
    return runs
