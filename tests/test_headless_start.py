"""A recording that starts partway through a group of pictures: the recorder cut the file where
it was, not at a keyframe (DVR exports, a card's first file after a restart). Its frames before
the first keyframe refer to a picture the file does not hold, so neither mode can make them
into a picture: the exact cut said nothing of the late start, and the copy told the owner to
use exact mode for the exact second, which gives the same. Real footage (PyAV)."""
from __future__ import annotations

import os
from pathlib import Path

import av
import pytest

from agent.cli import main
from agent.export.clip_writer import HeadlessStart
from agent.export.cut import SourceSpan, cut
from demo.samples import ClipSpec, write_clip
from tests.conftest import t

T0 = t("2026-11-20T22:00:00Z")
S = 1_000_000


@pytest.fixture(scope="module")
def headless(tmp_path_factory) -> Path:
    """6 s of 10 fps footage with a keyframe every 2 s, its file starting 5 frames before one:
    the first keyframe is at 22:00:01.5."""
    root = tmp_path_factory.mktemp("headless")
    whole = write_clip(ClipSpec(root / "whole.mp4", T0 - S // 2, 6.5))
    path = root / "card" / "CH01_20261120_220000_220006.mp4"
    path.parent.mkdir()
    with av.open(str(whole)) as i, av.open(str(path), "w") as o:
        video = i.streams.video[0]
        out = o.add_stream_from_template(video)
        packets = [p for p in i.demux(video) if p.dts is not None]
        shift = round(0.5 / video.time_base)
        for pkt in packets[5:]:
            pkt.pts -= shift
            pkt.dts -= shift
            pkt.stream = out
            o.mux(pkt)
    os.utime(path, ns=((T0 + 6 * S) * 1000,) * 2)
    return path


@pytest.mark.parametrize("mode", ["copy", "exact"])
def test_a_cut_says_the_frames_before_the_first_keyframe_cannot_be_shown(headless, tmp_path,
                                                                        mode):
    res = cut([SourceSpan(headless, T0)], T0, T0 + 4 * S, tmp_path / "clip.mp4", mode=mode)
    assert res.delivered_start_us == T0 + 1_500_000
    assert res.headless == (HeadlessStart(headless, T0 + 1_500_000),)


def test_a_window_after_the_first_keyframe_is_not_said_to_miss_anything(headless, tmp_path):
    res = cut([SourceSpan(headless, T0)], T0 + 2 * S, T0 + 4 * S, tmp_path / "clip.mp4",
              mode="exact")
    assert res.headless == ()


def test_the_export_tells_the_owner_in_either_mode(headless, home, tmp_path, capsys):
    assert main(["--home", str(home), "scan", str(headless.parent), "--tz", "UTC",
                 "--progress", "none"]) == 0
    said = {}
    for mode in ("copy", "exact"):
        capsys.readouterr()
        assert main(["--home", str(home), "export", "--camera", "card", "--from",
                     "2026-11-20T22:00:00Z", "--to", "2026-11-20T22:00:04Z", "--out",
                     str(tmp_path), "--mode", mode, "--progress", "none"]) == 0
        said[mode] = capsys.readouterr().err
    for mode, err in said.items():
        assert (f"note: the recording {headless.name} starts partway through a group of "
                "pictures") in err, mode
    assert "use --mode exact" not in said["copy"]   # it gives no more
