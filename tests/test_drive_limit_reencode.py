"""A redacted clip bigger than its FAT32 drive holds, refused before the cut (export hunt 15).

A copy export is weighed by its recordings' bytes before anything is cut; a clip re-encoded
whole (privacy masks, faces blurred) was weighed the same, but x264 at CRF 18 keeps the noise a
camera recording at a low bit rate threw away: here five times the recordings' bytes. On a
FAT32 stick such an export passed the check, re-encoded for minutes (hours, for an hour of 4K)
and was refused only when its write reached 4 GiB. Now stretches of the window are cut as the
export cuts them and the clip is weighed by them (agent/export/reencode_size.py).

Real footage (noisy, at a camera's low bit rate, written with PyAV), the real command, the
drive read as FAT from a mountinfo naming the folder so, and the limit made small, as
tests/test_drive_limit.py does: no 4 GiB FAT drive can be written here."""
from __future__ import annotations

import json
import os
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from agent.cli import main
from agent.export import drive_limit, evidence
from agent.export.reencode_size import CLEARLY_OVER, SAMPLE_US, SAMPLES, sample_windows
from demo.samples import layout_path
from tests.conftest import t
from tests.test_drive_limit import _fat_here

T0 = "2026-11-20T22:00:00Z"
T1 = "2026-11-20T22:00:40Z"
S = 1_000_000
MASKS = {"polygons": [{"name": "hedge", "points": [[0, 0], [0.2, 0], [0.2, 0.2], [0, 0.2]]}]}


def _noisy(root: Path, seconds: int = 40, fps: int = 10) -> Path:
    """One recording of sensor-like noise at 60 kbit/s, as a camera's encoder squeezes it."""
    start = t(T0)
    path = root / layout_path("blue-iris", "porch", start, start + seconds * S, "UTC")
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(7)
    with av.open(str(path), "w") as out:
        video = out.add_stream("libx264", rate=fps, options={
            "preset": "ultrafast", "b": "60k", "g": "20", "keyint_min": "20",
            "sc_threshold": "0", "bf": "0", "tune": "zerolatency"})
        video.width, video.height, video.pix_fmt = 320, 240, "yuv420p"
        video.codec_context.time_base = Fraction(1, fps)
        for n in range(seconds * fps):
            gray = rng.integers(60, 200, (240, 320), dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(gray, format="gray").reformat(format="yuv420p")
            frame.pts = n
            out.mux(video.encode(frame))
        out.mux(video.encode(None))
    closed = (start + seconds * S) * 1000
    os.utime(path, ns=(closed, closed))
    return path


@pytest.fixture(scope="module")
def recording(tmp_path_factory) -> Path:
    return _noisy(tmp_path_factory.mktemp("rec") / "porch")


@pytest.fixture
def masked_home(tmp_path, recording, capsys) -> Path:
    home = tmp_path / "home"
    assert main(["--home", str(home), "scan", str(recording.parent), "--tz", "UTC"]) == 0
    masks = tmp_path / "masks.json"
    masks.write_text(json.dumps(MASKS))
    assert main(["--home", str(home), "masks", "set", "porch", str(masks)]) == 0
    capsys.readouterr()
    return home


def _export(home: Path, out: Path, *more: str) -> int:
    return main(["--home", str(home), "export", "--camera", "porch", "--from", T0, "--to", T1,
                 "--out", str(out), "--progress", "none", *more])


def test_a_masked_clip_too_big_for_its_fat_drive_is_refused_before_it_is_cut(
        capsys, monkeypatch, tmp_path, recording, masked_home):
    stick = tmp_path / "stick"
    stick.mkdir()
    _fat_here(monkeypatch, tmp_path, stick)
    size = recording.stat().st_size
    # The stick's "4 GiB": twice the recording, which its copy fits in, and its masked clip
    # (about five times the recording) clearly does not.
    monkeypatch.setattr(drive_limit, "FAT_LARGEST", 2 * size)
    cuts = []
    real_cut = evidence.cut
    monkeypatch.setattr(evidence, "cut", lambda *a, **k: cuts.append(a) or real_cut(*a, **k))
    code = _export(masked_home, stick / "for the insurer")
    err = capsys.readouterr().err
    assert code == 2, err
    assert "this clip would be about " in err and "too big for the drive holding" in err
    assert "formatted FAT32, which holds no file of 4 GB or more" in err
    assert cuts == [] and not any(stick.iterdir())   # the window was never cut, nothing left
    # Without its masks it is copied, as recorded: it fits, and is exported as ever.
    code = _export(masked_home, stick, "--no-masks", "--json")
    assert code == 0 and Path(json.loads(capsys.readouterr().out)["clip"]).is_file()


def test_a_masked_clip_estimated_to_fit_is_exported(capsys, monkeypatch, tmp_path,
                                                    recording, masked_home):
    # The estimate is no refusal where the clip fits: its measure is under the limit, and a
    # copy estimate over the limit no longer refuses a re-encode that comes out smaller.
    stick = tmp_path / "stick"
    stick.mkdir()
    _fat_here(monkeypatch, tmp_path, stick)
    monkeypatch.setattr(drive_limit, "FAT_LARGEST", 20 * recording.stat().st_size)
    from agent.export import reencode_size
    measured = []
    real = reencode_size.reencoded_estimate
    monkeypatch.setattr(reencode_size, "reencoded_estimate",
                        lambda *a, **k: measured.append(real(*a, **k)) or measured[-1])
    assert _export(masked_home, stick, "--json") == 0
    clip = Path(json.loads(capsys.readouterr().out)["clip"])
    assert clip.stat().st_size > 2 * recording.stat().st_size   # the re-encode is bigger
    # The stretches weighed it near what it came to (the recordings' bytes were a fifth).
    [estimate] = measured
    assert 0.6 * clip.stat().st_size < estimate < CLEARLY_OVER * clip.stat().st_size


def test_a_clip_measured_near_the_limit_is_cut_and_the_drive_has_the_last_word(
        capsys, monkeypatch, tmp_path, recording, masked_home):
    # Estimated just over the limit, within the allowance: cut, not refused on a guess.
    stick = tmp_path / "stick"
    stick.mkdir()
    _fat_here(monkeypatch, tmp_path, stick)
    monkeypatch.setattr(drive_limit, "FAT_LARGEST", 1)   # measured first, limit set below
    from agent.export import reencode_size
    measured = {}
    real = reencode_size.reencoded_estimate

    def measure(*a, **k):
        measured["bytes"] = real(*a, **k)
        drive_limit.FAT_LARGEST = round(measured["bytes"] / ((1 + CLEARLY_OVER) / 2))
        return measured["bytes"]
    monkeypatch.setattr(reencode_size, "reencoded_estimate", measure)
    assert _export(masked_home, stick, "--json") == 0, capsys.readouterr().err
    assert measured["bytes"] > drive_limit.FAT_LARGEST


def test_stretches_are_spread_over_what_was_recorded_each_inside_one_recording():
    # One hour recorded: the start, the middle and the end.
    assert sample_windows([(0, 3600 * S)], 3, 2 * S) == [(0, 2 * S), (1799 * S, 1801 * S),
                                                         (3598 * S, 3600 * S)]
    # Two recorded stretches with a gap between: counted through the recorded time alone, and
    # each sample inside one of them (the middle one moved back to end with the first).
    got = sample_windows([(0, 10 * S), (100 * S, 110 * S)], 3, 2 * S)
    assert got == [(0, 2 * S), (8 * S, 10 * S), (108 * S, 110 * S)]
    # A stretch shorter than a sample is taken whole.
    assert sample_windows([(0, 1 * S), (5 * S, 15 * S)], 3, 2 * S) == [
        (0, 1 * S), (8_500_000, 10_500_000), (13 * S, 15 * S)]
    # A window no longer than the stretches themselves: its recordings' bytes weigh it.
    assert sample_windows([(0, SAMPLES * SAMPLE_US)]) == []
    assert len(sample_windows([(0, SAMPLES * SAMPLE_US + 1)])) == SAMPLES


def test_the_apps_check_of_several_cameras_weighs_a_masked_clip_as_re_encoded(
        monkeypatch, tmp_path, recording, masked_home):
    # The Export page asks this before the first camera is cut, with the owner's choices: a
    # masked clip weighed by its recordings passed, to be refused after other cameras were cut.
    from agent.errors import UsageProblem
    from agent.service import Agent
    stick = tmp_path / "stick"
    stick.mkdir()
    _fat_here(monkeypatch, tmp_path, stick)
    monkeypatch.setattr(drive_limit, "FAT_LARGEST", 2 * recording.stat().st_size)
    agent = Agent(masked_home)
    stages = []
    with pytest.raises(UsageProblem) as refused:
        agent.check_drive_holds(["porch"], t(T0), t(T1), stick, masks=True,
                                progress=lambda stage, f: stages.append(stage))
    assert str(refused.value).startswith("the clip of porch would be about ")
    assert "so no camera was exported" in str(refused.value) and stages == ["measuring"]
    agent.check_drive_holds(["porch"], t(T0), t(T1), stick, masks=False)   # copied: it fits
    assert not any(stick.iterdir())
