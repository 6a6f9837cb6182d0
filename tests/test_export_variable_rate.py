"""A camera whose frame rate varies (lower at night, a "smart" codec): a re-encoded clip ends
where the recording's frames say, not one average frame after its last one.

Real footage written by PyAV (libx264, frames at uneven times), the real `footage-agent`
command, a real index; face blurring runs the real face model."""
from __future__ import annotations

import json
import os
from fractions import Fraction
from pathlib import Path

import av
import pytest

from agent.cli import main
from demo.samples import frame_image
from tests.conftest import t

T0 = t("2026-11-20T22:00:00Z")
MS = 1000
# Ten frames a second to 3.0 s, then none for 0.3 s (the camera slowed down), then ten a
# second again to 4.0 s: the average rate stays near ten a second.
TIMES_MS = [n * 100 for n in range(31)] + [3300 + n * 100 for n in range(8)]


@pytest.fixture(scope="module")
def slowing(tmp_path_factory) -> Path:
    """The porch camera's one recording (a Blue Iris name: its start from the name)."""
    root = tmp_path_factory.mktemp("rec") / "porch"
    root.mkdir()
    path = root / "porch.20261120_220000.mp4"
    with av.open(str(path), "w") as out:
        video = out.add_stream("libx264", rate=10)
        video.width, video.height, video.pix_fmt = 320, 240, "yuv420p"
        video.codec_context.time_base = video.time_base = Fraction(1, 1000)
        # keyframes at 0 and 2.0 s only: the window's end lies in a GOP re-encoded whole
        video.codec_context.options = {"g": "20", "keyint_min": "20", "sc_threshold": "0",
                                       "bf": "0"}
        for n, ms in enumerate(TIMES_MS):
            gray = frame_image(T0 + ms * MS, 320, 240, n)
            frame = av.VideoFrame.from_ndarray(gray, format="gray").reformat(format="yuv420p")
            frame.pts, frame.time_base = ms, Fraction(1, 1000)
            for pkt in video.encode(frame):
                out.mux(pkt)
        for pkt in video.encode():
            out.mux(pkt)
    os.utime(path, (1_700_000_000, 1_700_000_000))   # long closed: not "in-progress"
    return root


@pytest.mark.parametrize("how", [["--blur-faces"], ["--mode", "exact"]])
def test_a_window_ending_while_the_camera_slowed_down_is_not_said_to_end_early(
        capsys, home, slowing, tmp_path, how):
    # The window ends at 3.2 s, between the frame of 3.0 s and the next, of 3.3 s: the
    # camera was recording all along. The re-encoded last frame was given one frame at the
    # average rate (0.1 s), so the clip was said to end 0.10 s before the window "(it stopped
    # or paused there)", in the note, provenance.json and the README handed over with it.
    assert main(["--home", str(home), "scan", str(slowing), "--tz", "UTC"]) == 0
    capsys.readouterr()
    code = main(["--home", str(home), "export", "--camera", "porch",
                 "--from", "2026-11-20T22:00:02.5Z", "--to", "2026-11-20T22:00:03.2Z",
                 "--out", str(tmp_path), "--json", "--progress", "none", *how])
    cap = capsys.readouterr()
    assert code == 0, cap.err
    done = json.loads(cap.out)
    assert done["delivered"]["end"] == "2026-11-20T22:00:03Z"   # the 3.0 s frame, the last
    assert "before the window does" not in cap.err
    package = Path(done["package"])
    provenance = json.loads((package / "data" / "provenance.json").read_text())
    assert provenance["delivered"]["shortfall_end_s"] == 0
    assert "before the window does" not in (package / "README.txt").read_text()
    assert provenance["cut"]["reencoded_frames"] > 0   # the re-encoder made the last frame
