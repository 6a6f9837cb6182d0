"""Kept sound is placed at the time it was heard, so a muted range silences exactly what the
owner chose and nothing of it leaves.

An MP4 written by FFmpeg (as Frigate's recordings are, their sound encoded as AAC) carries an
edit list on its sound track that hides the encoder's priming (1024 samples), and one on its
video track when the camera uses B-frames. A cut reads the recordings with edit lists ignored
(every stored frame accounted for), so each track's own edit list has to be applied to its
times: timing the sound by the video's edit list moved it 64 ms late (no B-frames) or 136 ms
early (two B-frames at 10 fps), and the owner's muted range slid by as much, leaving the start
or the end of what they silenced audible in the package.

The recordings' sound is a 440 Hz tone except from 1 s to 2 s into the file, where it is a
3000 Hz tone: what the owner mutes. Any 3000 Hz in a clip is sound the owner hid.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import av
import numpy as np
import pytest

from agent.export.cut import SourceSpan, cut
from agent.export.redact import Redaction
from tests.conftest import t
from tests.ffmpeg_program import ffmpeg_exe

T0 = t("2026-11-20T22:00:00Z")
S = 1_000_000
RATE = 16000
HIDDEN_HZ, HEARD_HZ = 3000, 440
WIN = RATE // 100          # 10 ms of sound per measurement


def recording(path: Path, bframes: int,
              tone: str = f"if(between(t,1,2),{HIDDEN_HZ},{HEARD_HZ})") -> Path:
    """4 s of 320x240 H.264 at 10 fps with AAC sound, as FFmpeg writes an MP4 (edit lists);
    the sound's frequency at time t is `tone`."""
    tone = f"0.5*sin(2*PI*{tone}*t)"
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y",
           "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10",
           "-f", "lavfi", "-i", f"aevalsrc='{tone}':s={RATE}",
           "-c:v", "libx264", "-g", "10", "-bf", str(bframes), "-pix_fmt", "yuv420p",
           "-c:a", "aac", "-t", "4", str(path)]
    subprocess.run(cmd, check=True)
    os.utime(path, (1_700_000_000, 1_700_000_000))  # long closed: not still being written
    return path


@pytest.fixture(scope="module")
def recordings(tmp_path_factory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("sound")
    return {b: recording(folder / f"bf{b}.mp4", b) for b in (0, 2)}


def levels_of(samples: np.ndarray) -> tuple[float, float]:
    """(3000 Hz level, 440 Hz level) of a stretch of sound."""
    n = np.arange(len(samples)) / RATE
    return tuple(abs(samples @ np.exp(-2j * np.pi * hz * n)) * 2 / len(samples)
                 for hz in (HIDDEN_HZ, HEARD_HZ))


def tone_levels(clip: Path, origin_us: int) -> list[tuple[int, float, float]]:
    """(capture time, 3000 Hz level, 440 Hz level) of every 10 ms of the clip's sound, as a
    player places it (edit lists honoured) from the clip's first frame at `origin_us`."""
    out = []
    n = np.arange(WIN) / RATE
    hidden, heard = np.exp(-2j * np.pi * HIDDEN_HZ * n), np.exp(-2j * np.pi * HEARD_HZ * n)
    with av.open(str(clip)) as c:
        stream = c.streams.audio[0]
        for frame in c.decode(stream):
            first = origin_us + round(frame.pts * stream.time_base * S)
            x = frame.to_ndarray().mean(axis=0)
            for i in range(0, len(x) - WIN + 1, WIN):
                seg = x[i:i + WIN]
                out.append((first + i * S // RATE, abs(seg @ hidden) * 2 / WIN,
                            abs(seg @ heard) * 2 / WIN))
    return out


@pytest.mark.parametrize("bframes", [0, 2])
def test_the_sound_is_where_it_was_heard(recordings, bframes, tmp_path):
    result = cut([SourceSpan(recordings[bframes], T0)], T0, T0 + 4 * S, tmp_path / "c.mp4",
                 mode="copy", keep_audio=True)
    levels = tone_levels(result.path, result.delivered_start_us)
    onset = next(at for at, hidden, _ in levels if hidden > 0.25)
    assert abs(onset - (T0 + S)) <= 10_000, \
        f"the sound is {(onset - T0 - S) / 1000:+.0f} ms off the picture"


@pytest.mark.parametrize("mode", ["copy", "exact"])
@pytest.mark.parametrize("bframes", [0, 2])
def test_nothing_of_a_muted_range_is_heard(recordings, bframes, mode, tmp_path):
    result = cut([SourceSpan(recordings[bframes], T0)], T0, T0 + 4 * S, tmp_path / "c.mp4",
                 mode=mode, keep_audio=True, redaction=Redaction(mute=((T0 + S, T0 + 2 * S),)))
    levels = tone_levels(result.path, result.delivered_start_us)
    heard = [(at, hidden) for at, hidden, _ in levels if hidden > 0.05]
    assert not heard, (f"{len(heard) * 10} ms of the muted sound is heard, from "
                       f"{(heard[0][0] - T0) / S:.3f} s")
    # what was not muted is still there, up to the range's edges
    assert all(other > 0.3 for at, _, other in levels
               if T0 + 200_000 <= at < T0 + 900_000 or T0 + 2_100_000 <= at < T0 + 3_800_000)


def test_no_sound_after_the_window_is_in_the_bytes_of_the_last_packet(tmp_path):
    # An AAC packet holds its frame and, overlapped, the frame after it: a player needs the
    # next packet to hear that, but the bytes carry it. The recording turns to 3000 Hz just
    # where the window ends (47 AAC frames in), so any 3000 Hz in the clip's packets is sound
    # from after the window; decoding them followed by one more packet (silence) shows it.
    end = 47 * 1024 * S // RATE
    src = recording(tmp_path / "r.mp4", 0, f"if(lt(t,{end / S}),{HEARD_HZ},{HIDDEN_HZ})")
    result = cut([SourceSpan(src, T0)], T0, T0 + end, tmp_path / "c.mp4", mode="copy",
                 keep_audio=True)
    with av.open(str(result.path)) as clip:
        stream = clip.streams.audio[0]
        packets = [bytes(p) for p in clip.demux(stream) if p.size]
        config = stream.codec_context.extradata
    silence = tmp_path / "silence.mp4"
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                    f"anullsrc=r={RATE}:cl=mono", "-c:a", "aac", "-t", "1", str(silence)],
                   check=True)
    with av.open(str(silence)) as quiet:
        after = [bytes(p) for p in quiet.demux(quiet.streams.audio[0]) if p.size][5]
    decoder = av.CodecContext.create("aac", "r")
    decoder.extradata = config
    decoded = [f.to_ndarray().mean(axis=0) for data in packets[-4:] + [after]
               for f in decoder.decode(av.Packet(data))]
    assert levels_of(decoded[-2])[1] > 0.3, "the window's own sound is kept up to its end"
    hidden, _ = levels_of(decoded[-1])
    assert hidden < 0.02, f"the clip's last packet holds sound from after the window ({hidden:.2f})"
