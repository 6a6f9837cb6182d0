"""A recording the app indexes but cannot cut (an older DVR's MPEG-4 Part 2), in the owner's
language: exporting it said "the recording clip.mp4 is mpeg4 video; only H.264, H.265 and
intra-only (MJPEG) recordings can be cut" in English in the Spanish app (no template). Made by
the agent's own export, the call the Export page makes, from a real MPEG-4 file."""
from __future__ import annotations

import os
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import av  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402

from agent.errors import AgentError, Refusal  # noqa: E402
from agent.service import Agent  # noqa: E402
from agent.timebase import US, format_utc  # noqa: E402
from gui.views import core_words  # noqa: E402
from gui.views.core_words import in_owner_language, matches  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401


def write_mpeg4(path, start_us: int) -> None:
    """Two seconds of MPEG-4 Part 2 at 10 fps, 320x240, its first frame at `start_us`."""
    path.parent.mkdir(parents=True)
    with av.open(str(path), "w") as out:
        out.metadata["creation_time"] = format_utc(start_us)
        stream = out.add_stream("mpeg4", rate=10)
        stream.width, stream.height, stream.pix_fmt = 320, 240, "yuv420p"
        for n in range(20):
            frame = av.VideoFrame.from_ndarray(np.full((240, 320, 3), n * 10, np.uint8),
                                               format="rgb24")
            out.mux(stream.encode(frame))
        out.mux(stream.encode())


def exported_mpeg4(tmp_path: Path):
    """The refusal of an export of a second of an MPEG-4 Part 2 recording (pytest's
    ExceptionInfo), indexed as an older DVR's folder."""
    start = (int(time.time()) - 3600) * US
    write_mpeg4(tmp_path / "dvr" / "clip.mp4", start)
    (tmp_path / "out").mkdir()
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(tmp_path / "dvr", camera="garage", tz="UTC")
        agent.scan()
        with pytest.raises(AgentError) as caught:
            agent.export("garage", start, start + US, tmp_path / "out")
    finally:
        agent.close()
    return caught


def test_a_recording_of_a_codec_the_export_cannot_cut_reads_in_spanish(spanish, tmp_path):
    caught = exported_mpeg4(tmp_path)
    message = str(caught.value)
    template = matches(message)
    assert template is not None, f"no template for the agent's {message!r}"
    spanish_words = QCoreApplication.translate(core_words.CONTEXT, template)
    assert spanish_words != template, f"no Spanish for {template!r}"
    assert in_owner_language(message) == spanish_words.format(path="clip.mp4", codec="mpeg4")


def test_a_recording_the_export_cannot_cut_says_what_the_owner_can_do(tmp_path):
    """The recorders hunt: the refusal named the codec ('is mpeg4 video; only H.264, H.265
    and intra-only (MJPEG) recordings can be cut') and stopped, leaving a non-technical owner
    with footage that indexes, previews in the timeline and can never leave the app."""
    caught = exported_mpeg4(tmp_path)
    assert isinstance(caught.value, Refusal)   # refused as the recording is (exit 3), no failure
    said = str(caught.value)
    assert "clip.mp4" in said and "mpeg4" in said, said
    # what to do: hand over the file as recorded, and record H.264 from now on
    assert "copy the file" in said and "set the recorder to record H.264" in said, said
    assert list((tmp_path / "out").iterdir()) == []
