"""The simulator's download-by-time (nvrsim.window_cut) against the ffmpeg program's own
`-ss ... -c copy` cut of the same file: the same packets, times and edit list."""
from __future__ import annotations

import subprocess

import av
import pytest

from agent.media.edit_list import shown_start_us
from demo.samples import ClipSpec, write_clip
from nvrsim.window_cut import cut_by_time
from tests.ffmpeg_program import ffmpeg_exe

T0 = 1_795_000_000_000_000


def packets(path) -> list[tuple[int, int, bool, bytes]]:
    with av.open(str(path)) as c:
        return [(p.pts, p.dts, p.is_keyframe, bytes(p)) for p in c.demux(c.streams.video[0])
                if p.size]


@pytest.fixture(scope="module")
def recording(tmp_path_factory):
    return write_clip(ClipSpec(tmp_path_factory.mktemp("sim") / "rec.mp4", T0, 10, gop_s=2.0,
                               audio=True))


@pytest.mark.parametrize("offset,length", [(3.3, 4.0), (0.0, 5.0), (4.0, 6.0), (5.5, 1.2)])
def test_a_cut_by_time_is_what_ffmpeg_copies(recording, tmp_path, offset, length):
    ours, theirs = tmp_path / "ours.mp4", tmp_path / "theirs.mp4"
    cut_by_time(recording, ours, offset, length)
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-ss", f"{offset:.3f}", "-i",
                    str(recording), "-t", f"{length:.3f}", "-c", "copy", "-an", "-f", "mp4",
                    str(theirs)], check=True)
    assert packets(ours) == packets(theirs)
    assert packets(ours)[0][2]   # it starts at a keyframe
    assert shown_start_us(ours) == shown_start_us(theirs)
    assert shown_start_us(ours) == round(offset % 2.0 * 1_000_000)   # the lead-in is hidden
