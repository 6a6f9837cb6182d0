"""Failures cut short that reached the Spanish app in English (a hunt ran the messages under
agent/ the app shows through core_words with the Spanish catalogue): a clip the disk did not
take (not written, not finished, not saved), and a call to a portal the owner stopped. Each is
made by the agent's own code; every part of it must read in Spanish with its values kept, the
system's own words in brackets kept as the system wrote them."""
from __future__ import annotations

import errno
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.export import clip_writer, cut as cut_module, output  # noqa: E402
from agent.export.cut import CutError, SourceSpan, cut  # noqa: E402
from demo.samples import ClipSpec, write_clip  # noqa: E402
from tests.conftest import t  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_gui_core_words_answers import reads_in_spanish  # noqa: E402

T0 = t("2026-11-20T22:00:00Z")


@pytest.fixture
def recording(tmp_path) -> SourceSpan:
    path = write_clip(ClipSpec(tmp_path / "porch.mp4", T0, 4, fps=5, gop_s=1.0))
    return SourceSpan(path, T0)


def cut_refusal(recording, out) -> str:
    with pytest.raises(CutError) as caught:
        cut([recording], T0 + 1_000_000, T0 + 3_000_000, out)
    assert not out.exists()
    return str(caught.value)


def full(*_a, **_k):   # a disk filling part way: none fills here
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_clip_whose_folder_went_away_reads_in_spanish(spanish, tmp_path, recording):
    message = cut_refusal(recording, tmp_path / "gone" / "clip.mp4")   # a drive pulled out
    said = reads_in_spanish(message, os.strerror(errno.ENOENT))
    assert "el clip" in said and " not " not in said


@pytest.mark.parametrize("where", ["finishing", "saving"])
def test_a_clip_the_disk_did_not_take_reads_in_spanish(spanish, tmp_path, monkeypatch,
                                                       recording, where):
    if where == "finishing":   # its index, written last, not taken
        monkeypatch.setattr(clip_writer.Output, "close", full)
    else:   # the clip written, its last bytes not kept by the disk (fsync)
        monkeypatch.setattr(cut_module, "fsync_file", full)
    message = cut_refusal(recording, tmp_path / "clip.mp4")
    said = reads_in_spanish(message, os.strerror(errno.ENOSPC))
    assert "el clip" in said and " not " not in said


def test_a_clip_its_folder_does_not_let_be_written_reads_in_spanish(spanish, tmp_path,
                                                                    monkeypatch, recording):
    real = output.av.open

    def refused(path, mode="r", **options):   # a folder the account may not write in: root
        if mode != "w":                        # may, here
            return real(path, mode, **options)
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)

    monkeypatch.setattr(output.av, "open", refused)
    message = cut_refusal(recording, tmp_path / "clip.mp4")
    said = reads_in_spanish(message, str(tmp_path), os.strerror(errno.EACCES))
    assert "el clip" in said and " not " not in said
