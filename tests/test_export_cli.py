"""`export`, `verify` and `keys show` end to end: real footage in, a validated signed package out."""
from __future__ import annotations

import json
import os
import subprocess
import threading
from pathlib import Path

import av
import bagit
import pytest

from agent.cli import main
from agent.timebase import US, format_utc
from demo.samples import make_recordings, read_stamp
from tests.conftest import require_tool, t

T0 = "2026-11-20T22:00:00Z"


@pytest.fixture(scope="module")
def footage(tmp_path_factory) -> Path:
    """Porch: three 10 s files, 2 s GOP, a 10 s gap before the third; audio on."""
    root = tmp_path_factory.mktemp("rec") / "porch"   # the folder names the camera
    make_recordings(root, "blue-iris", "porch", t(T0), 2, 10.0, fps=10, gop_s=2.0, audio=True)
    make_recordings(root, "blue-iris", "porch", t(T0) + 30 * US, 1, 10.0, fps=10, gop_s=2.0, audio=True)
    for p in root.iterdir():  # finished long ago: not "in-progress"
        os.utime(p, (1_700_000_000, 1_700_000_000))
    return root


@pytest.fixture
def indexed(footage, home, capsys):
    assert main(["--home", str(home), "scan", str(footage), "--tz", "UTC"]) == 0
    capsys.readouterr()
    return home


def export(capsys, home: Path, out: Path, start: str, end: str, *extra: str) -> tuple[int, dict, str]:
    code = main(["--home", str(home), "export", "--camera", "porch", "--from", start, "--to", end,
                 "--out", str(out), "--json", *extra])
    cap = capsys.readouterr()
    return code, (json.loads(cap.out) if cap.out.strip() else {}), cap.err


def stamps(clip: Path) -> list[int]:
    with av.open(str(clip)) as c:
        return [read_stamp(f.to_ndarray(format="gray")) for f in c.decode(video=0)]


def test_copy_export_across_files_is_sealed_verifiable_and_inside_the_window(capsys, footage, indexed, tmp_path):
    start, end = "2026-11-20T22:00:03.5Z", "2026-11-20T22:00:16.25Z"
    code, out, err = export(capsys, indexed, tmp_path / "out", start, end)
    assert code == 0, err
    assert f"made the folder {tmp_path / 'out'}" in err   # new, and kept: said once it is done
    package, clip = Path(out["package"]), Path(out["clip"])
    assert out["mode"] == "copy" and out["audio"] is False
    assert out["requested"] == {"start": "2026-11-20T22:00:03.500000Z", "end": "2026-11-20T22:00:16.250000Z"}
    got = stamps(clip)
    # First keyframe at or after 03.5 is 04.0; last frame before 16.25 is 16.2.
    assert got[0] == t("2026-11-20T22:00:04Z") and got[-1] == t("2026-11-20T22:00:16.2Z")
    assert got == sorted(set(got)) and len(got) == 123
    assert out["delivered"] == {"start": format_utc(got[0]), "end": format_utc(got[-1])}
    with av.open(str(clip)) as c:
        assert len(c.streams.audio) == 0
    assert "keyframe" in err  # the shortfall is disclosed

    bag = bagit.Bag(str(package))
    bag.validate()
    assert (package / "bagit.txt").read_text().startswith("BagIt-Version: 1.0")
    minisign = require_tool("minisign")
    res = subprocess.run([minisign, "-Vm", str(package / "tagmanifest-sha256.txt"), "-p",
                          str(package / "data" / "owner.pub")], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr

    prov = json.loads((package / "data" / "provenance.json").read_text())
    assert prov["approved"] == {"start": "2026-11-20T22:00:03.500000Z", "end": "2026-11-20T22:00:16.250000Z"}
    assert prov["delivered"]["start"] == out["delivered"]["start"]
    assert prov["audio"] == "removed" and prov["cut"]["mode"] == "copy"
    # Paths relative to the recordings folder: the owner's own folder names stay on their PC.
    assert [s["path"] for s in prov["sources"]] == ["porch.20261120_220000.mp4", "porch.20261120_220010.mp4"]
    assert [s["size"] for s in prov["sources"]] == [(footage / s["path"]).stat().st_size for s in prov["sources"]]
    assert str(footage) not in (package / "data" / "provenance.json").read_text()
    assert len(prov["sources"]) == 2 and all(len(s["sha256"]) == 64 for s in prov["sources"])
    assert prov["clock"]["time_zones"] == ["UTC"] and "ffmpeg" in prov["software"]

    assert main(["--home", str(indexed), "verify", str(package), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_exact_export_with_audio_starts_on_the_exact_frame(capsys, indexed, tmp_path):
    code, out, err = export(capsys, indexed, tmp_path / "out", "2026-11-20T22:00:03.5Z",
                            "2026-11-20T22:00:08Z", "--mode", "exact", "--keep-audio")
    assert code == 0, err
    got = stamps(Path(out["clip"]))
    assert got[0] == t("2026-11-20T22:00:03.5Z") and got[-1] == t("2026-11-20T22:00:07.9Z")
    assert len(got) == 45
    with av.open(out["clip"]) as c:
        assert len(c.streams.audio) == 1
    prov = json.loads((Path(out["package"]) / "data" / "provenance.json").read_text())
    assert prov["audio"] == "kept" and prov["cut"]["reencoded_frames"] > 0


def test_window_with_a_gap_reports_it_and_keeps_time(capsys, indexed, tmp_path):
    code, out, err = export(capsys, indexed, tmp_path / "out", "2026-11-20T22:00:16Z", "2026-11-20T22:00:34Z")
    assert code == 0, err
    assert out["gaps"] == [{"start": "2026-11-20T22:00:20Z", "end": "2026-11-20T22:00:30Z"}]
    got = stamps(Path(out["clip"]))
    assert all(t("2026-11-20T22:00:16Z") <= s < t("2026-11-20T22:00:34Z") for s in got)
    assert not any(t("2026-11-20T22:00:20Z") <= s < t("2026-11-20T22:00:30Z") for s in got)


def test_tampering_is_named_and_exit_code_is_3(capsys, indexed, tmp_path):
    code, out, _ = export(capsys, indexed, tmp_path / "out", "2026-11-20T22:00:02Z", "2026-11-20T22:00:06Z")
    assert code == 0
    clip = Path(out["clip"])
    data = bytearray(clip.read_bytes())
    data[len(data) // 2] ^= 0xFF
    clip.write_bytes(bytes(data))
    assert main(["--home", str(indexed), "verify", out["package"], "--json"]) == 3
    said = capsys.readouterr()
    report = json.loads(said.out)
    assert report["ok"] is False and any(clip.name in p for p in report["problems"])
    assert f"failed verification ({len(report['problems'])} problem" in said.err
    assert ("(1 problems)" not in said.err) and ("(1 problem)" in said.err) == (
        len(report["problems"]) == 1)


def test_nothing_recorded_is_refused_and_leaves_no_package(capsys, indexed, tmp_path):
    code, out, err = export(capsys, indexed, tmp_path / "out", "2026-11-21T00:00:00Z", "2026-11-21T00:01:00Z")
    assert code == 3 and "no usable recording" in err
    assert not (tmp_path / "out").exists(), \
        "the folder the export made for its package is taken away again"
    assert "made the folder" not in err, "nor is it said to be made"
    (tmp_path / "mine").mkdir()   # a folder the owner had stays, empty as it was
    assert export(capsys, indexed, tmp_path / "mine", "2026-11-21T00:00:00Z",
                  "2026-11-21T00:01:00Z")[0] == 3
    assert (tmp_path / "mine").is_dir() and not any((tmp_path / "mine").iterdir())


def test_a_window_no_picture_was_captured_in_is_refused_as_nothing_found(capsys, indexed,
                                                                          tmp_path):
    # 22:00:19.95 to 22:00:25: the index has the first files reach 22:00:20, but their last
    # frame was captured at 22:00:19.9. Both modes exited 1 (an unexpected failure), and
    # each time said "exact mode may find frames", which it never can here.
    for mode in ("copy", "exact"):
        code, _, err = export(capsys, indexed, tmp_path / mode, "2026-11-20T22:00:19.95Z",
                              "2026-11-20T22:00:25Z", "--mode", mode)
        assert code == 3, err
        assert "no frames of this camera lie inside the window" in err
        assert "the camera captured no picture in it" in err and "exact mode" not in err
        assert not (tmp_path / mode).exists()
    # Frames there but no keyframe (19.5 .. 19.9): a copy cannot start, exact can.
    code, _, err = export(capsys, indexed, tmp_path / "late", "2026-11-20T22:00:19.5Z",
                          "2026-11-20T22:00:25Z")
    assert code == 3 and "exact mode may find frames" in err, err
    code, done, err = export(capsys, indexed, tmp_path / "late", "2026-11-20T22:00:19.5Z",
                             "2026-11-20T22:00:25Z", "--mode", "exact")
    assert code == 0 and done["mode"] == "exact", err


def test_cancelled_export_leaves_nothing_that_looks_finished(indexed, tmp_path):
    from agent.export.cut import Cancelled
    from agent.service import Agent

    cancel = threading.Event()
    agent = Agent(indexed)
    seen = []

    def progress(stage, fraction):
        seen.append(stage)
        if fraction > 0.3:
            cancel.set()

    with pytest.raises(Cancelled):
        agent.export("porch", t("2026-11-20T22:00:01Z"), t("2026-11-20T22:00:19Z"), tmp_path / "out",
                     progress=progress, cancel=cancel)
    agent.close()
    out = tmp_path / "out"   # made for the export, and taken away again when it is empty
    left = list(out.iterdir()) if out.exists() else []
    assert all(p.name.startswith(".") for p in left) and not any((p / "bagit.txt").exists() for p in left)


def test_keys_show_is_stable_and_private_key_is_0600(capsys, home):
    assert main(["--home", str(home), "keys", "show", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["--home", str(home), "keys", "show", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == first
    assert first["jwk"]["kid"] == first["owner_id"] and first["minisign"].startswith("untrusted comment")
    secrets = [p for p in home.rglob("*") if p.is_file() and "key" in p.name]
    assert secrets and all((p.stat().st_mode & 0o777) == 0o600 for p in secrets)


def test_export_progress_is_one_rising_bar(indexed, tmp_path):
    from agent.service import Agent

    seen: list[tuple[str, float]] = []
    agent = Agent(indexed)
    agent.export("porch", t("2026-11-20T22:00:01Z"), t("2026-11-20T22:00:12Z"), tmp_path / "out",
                 progress=lambda stage, fraction: seen.append((stage, fraction)))
    agent.close()
    fractions = [f for _, f in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert {"hashing sources", "sealing", "done"} <= {s for s, _ in seen}
