"""Export hunt 14: the stretch after a recording still being written, past what its file held
when it was indexed, is "not saved yet" in the package, README, verify and `export --json`
(export hunt 13), but the app's summary ('What will leave this PC', on the export and request
pages) still called it "a stretch without recording", and the timeline drew it hatched with no
note: an owner choosing the last minutes of a camera that is recording was told the camera
recorded nothing then. The summary and the timeline's note now say the end is not saved yet,
in English and Spanish, and a real stretch without recording keeps its words. A real
fragmented MP4 cut short as a recorder leaves it while writing, a real scan and index, the
app's own summary words (Qt's translator for Spanish)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.timebase import US  # noqa: E402
from demo.samples import make_recordings  # noqa: E402
from gui.views.camera_sums import CameraSums  # noqa: E402
from gui.views.coverage import note  # noqa: E402
from gui.views.summary import lines, outgoing  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_growing_source import T0, _fragmented  # noqa: E402


def _said(agent, camera: str, start_us: int, end_us: int) -> str:
    sums = CameraSums.of(agent.coverage(camera, start_us, end_us))
    out = outgoing([sums], start_us, end_us, "exact", False, {camera: None})
    return "\n".join(lines(out, "Police", "UTC"))


def _porch(agent, tmp_path, saved: int):
    """A camera's 6 s recording, its file holding its first `saved` seconds (still written when
    `saved` < 6): its camera's name."""
    (mp4,) = make_recordings(tmp_path / "made", "blue-iris", "porch", T0, 1, 6.0, fps=10,
                             gop_s=1.0)
    data, starts = _fragmented(mp4, tmp_path / "whole.mp4")
    folder = tmp_path / "rec"
    folder.mkdir()
    (folder / mp4.name).write_bytes(data[:starts[saved]] if saved < 6 else data)
    if saved == 6:   # closed by its recorder long ago
        os.utime(folder / mp4.name, (1_700_000_000, 1_700_000_000))
    agent.scan([str(folder)], tz="UTC")
    (row,) = agent.recordings()
    return row


def test_the_seconds_a_recording_still_being_written_has_not_saved_are_said_not_saved_yet(
        agent, tmp_path, spanish):  # noqa: F811
    row = _porch(agent, tmp_path, 3)
    assert (row.status, row.end_us) == ("in-progress", T0 + 3 * US)
    said = _said(agent, row.camera, T0, T0 + 6 * US)
    assert "sin grabación" not in said, said   # "a stretch without recording", in Spanish
    assert (f"{row.camera}: el final de este período aún no está guardado, la grabación todavía se "
            "está escribiendo (aún no hay nada que enviar ahí)") in said, said
    # The note under its timeline, which draws the stretch as one without recording.
    assert note(agent.coverage(row.camera, T0, T0 + 6 * US)) == (
        "el final aún no está guardado (todavía grabándose)")
    # A selection ending before the saved end has no such stretch.
    assert "guardado" not in _said(agent, row.camera, T0, T0 + 2 * US)


def test_a_stretch_after_a_finished_recording_is_still_without_recording(agent, tmp_path):
    row = _porch(agent, tmp_path, 6)
    assert row.status == "ok"
    said = _said(agent, row.camera, T0, T0 + 9 * US)
    assert f"{row.camera}: a stretch without recording (nothing to send there)" in said, said
    assert "not saved" not in said
    assert note(agent.coverage(row.camera, T0, T0 + 9 * US)) == ""
