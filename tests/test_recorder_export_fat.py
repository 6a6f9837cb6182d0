"""A recorder's camera exported by hand onto a FAT32 drive its clip cannot go onto, or into a
folder too deep for Windows (export hunt 15). The app's Export page weighs every camera against
the drive first, by the sizes the recorder listed; `export` on the command line downloaded the
whole window from the recorder first (minutes over a home network for an hour of footage) and
only then refused it, for either reason.

Real footage served by the simulator over HTTPS on 127.0.0.1, the real command; the drive read
as FAT from a mountinfo naming the folder so, and the limit made small (tests/test_drive_limit.py
does the same: no 4 GiB FAT drive can be written here)."""
from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from agent.export import drive_limit, evidence
from agent.export.path_room import room_problem
from agent.timebase import US, format_utc
from nvrsim.server import Simulator
from tests.recorder_sources_support import (HOURS_OFF, PASSPHRASE, PASSWORD, POSIX_LA, T0, cli,
                                            recent_footage)
from tests.test_drive_limit import _fat_here

pytestmark = pytest.mark.usefixtures("cheap_scrypt")   # not about how a passphrase is stretched

__all__ = ["recent_footage"]  # the session fixture, imported for pytest


def test_a_recorders_window_too_big_for_its_fat_drive_is_refused_before_it_is_downloaded(
        recent_footage, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    home, stick = tmp_path / "home", tmp_path / "stick"
    stick.mkdir()
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True, zone=POSIX_LA,
                   clock_offset_s=HOURS_OFF) as sim:
        run = lambda *a, **kw: cli(capsys, monkeypatch, home, *a, **kw)  # noqa: E731
        code, _added, err = run("sources", "add-recorder", sim.url, "--vendor", "reolink",
                                "--user", "admin", "--password-stdin", "--name", "nvr",
                                "--camera", "drive", "--json", stdin=PASSWORD + "\n")
        assert code == 0, err
        assert run("scan", "--json")[0] == 0
        listed = sum(clip.size for clip in sim.device.catalogue.clips[1])   # Driveway, 30 s
        _fat_here(monkeypatch, tmp_path, stick)
        monkeypatch.setattr(drive_limit, "FAT_LARGEST", listed // 6)   # 5 s of the 30 fit
        served = len(sim.device.served)
        window = ("--camera", "drive", "--from", format_utc(T0), "--to",
                  format_utc(T0 + 30 * US))
        code, _out, err = run("export", *window, "--out", str(stick), "--progress", "none")
        assert code == 2, err
        assert "this clip would be about " in err and "formatted FAT32" in err
        assert len(sim.device.served) == served   # nothing was downloaded
        assert not any(stick.iterdir())
        assert not [p for p in (home / "cache" / "recorders").glob(".window-*")]
        # A window that fits is downloaded and exported as ever.
        code, done, err = run("export", "--camera", "drive", "--from", format_utc(T0),
                              "--to", format_utc(T0 + 4 * US), "--out", str(stick), "--json")
        assert code == 0 and Path(done["clip"]).is_file(), err
        assert len(sim.device.served) > served
        assert json.loads((Path(done["package"]) / "data" / "provenance.json").read_text())[
            "recorder"]["downloads"]


def test_a_recorders_window_too_deep_for_windows_is_refused_before_it_is_downloaded(
        recent_footage, tmp_path, capsys, monkeypatch):
    # Windows cannot run here: its answer is given (no long paths), the rest is real, as in
    # tests/test_path_room.py.
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(evidence, "room_problem",
                        functools.partial(room_problem, windows=True, probe=lambda: 0))
    home = tmp_path / "home"
    deep = tmp_path.joinpath(*["a-folder-of-the-owner"] * 9)
    deep.mkdir(parents=True)
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True, zone=POSIX_LA,
                   clock_offset_s=HOURS_OFF) as sim:
        run = lambda *a, **kw: cli(capsys, monkeypatch, home, *a, **kw)  # noqa: E731
        assert run("sources", "add-recorder", sim.url, "--vendor", "reolink", "--user",
                   "admin", "--password-stdin", "--name", "nvr", "--camera", "drive",
                   "--json", stdin=PASSWORD + "\n")[0] == 0
        assert run("scan", "--json")[0] == 0
        served = len(sim.device.served)
        code, _out, err = run("export", "--camera", "drive", "--from", format_utc(T0), "--to",
                              format_utc(T0 + 4 * US), "--out", str(deep))
        assert code == 2 and "too deep for Windows" in err, err
        assert len(sim.device.served) == served and list(deep.iterdir()) == []


def test_a_masked_recorders_window_is_weighed_without_reading_the_recorder_behind_its_back(
        recent_footage, tmp_path, capsys, monkeypatch):
    # A clip re-encoded whole is weighed by stretches of it cut first (reencode_size.py); a
    # recorder's rows are no files here but its address, and FFmpeg, given one to cut, went
    # to the recorder itself, outside the agent's allow-list and pinned certificate. A
    # recorder's camera is weighed by the sizes it listed, nothing cut.
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    home, stick = tmp_path / "home", tmp_path / "stick"
    stick.mkdir()
    masks = tmp_path / "masks.json"
    masks.write_text(json.dumps({"polygons": [{"name": "hedge", "points": [
        [0, 0], [0.2, 0], [0.2, 0.2], [0, 0.2]]}]}))
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True, zone=POSIX_LA,
                   clock_offset_s=HOURS_OFF) as sim:
        run = lambda *a, **kw: cli(capsys, monkeypatch, home, *a, **kw)  # noqa: E731
        assert run("sources", "add-recorder", sim.url, "--vendor", "reolink", "--user",
                   "admin", "--password-stdin", "--name", "nvr", "--camera", "drive",
                   "--json", stdin=PASSWORD + "\n")[0] == 0
        assert run("scan", "--json")[0] == 0
        code, _out, err = run("masks", "set", "drive", str(masks))
        assert code == 0, err
        listed = sum(clip.size for clip in sim.device.catalogue.clips[1])
        _fat_here(monkeypatch, tmp_path, stick)
        monkeypatch.setattr(drive_limit, "FAT_LARGEST", listed // 6)
        asked = len(sim.device.log)
        code, _out, err = run("export", "--camera", "drive", "--from", format_utc(T0), "--to",
                              format_utc(T0 + 30 * US), "--out", str(stick), "--progress",
                              "none")
        assert code == 2 and "this clip would be about " in err, err
        # Only the agent's own calls reached the device: none for a bare address.
        assert [call for call in sim.device.log[asked:] if call[1] == "/"] == []
        assert len(sim.device.served) == 0 and not any(stick.iterdir())
