"""The home's disk filling up while the app runs for months: each write that meets the full
disk is said in plain words, and what was kept before stays whole (never half a record or a
truncated state file that then fails to load). On a real small disk: a tmpfs of our own (root
only; skipped where none can be mounted), filled to its last byte."""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from agent.audit.log import AuditError, AuditLog
from agent.config import ConfigError
from agent.errors import AgentError
from agent import owner_exports
from agent.service import Agent
from agent.timebase import US
from agent.views import CameraMasks, Polygon, RecorderAddress
from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSPHRASE, PASSWORD, T0, recent_footage
from tests.test_cli_plain_storage import _mount_tmpfs, _umount
from tests.test_delivery_faults import World, footage

__all__ = ["footage", "recent_footage"]

FULL = "is full: free some space there"


@pytest.fixture
def disk(tmp_path):
    where = tmp_path / "disk"
    if not _mount_tmpfs(where, "size=1m"):
        pytest.skip("mounting a small disk needs root")
    try:
        yield where
    finally:
        _umount(where)


def fill(disk: Path) -> Path:
    """Fill the disk to its last byte; the filler, to delete to free it."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError:
            pass
    return filler


def test_a_full_disk_mid_record_leaves_the_activity_log_as_it_was(disk):
    """Seen: the disk filled part way through a record (its page had room for some of it), the
    half record stayed at the log's end, `log verify` called the log altered ("last line
    incomplete (crash while writing)", exit 3), and the next record covered it with a
    `log-recovered` record kept for good, though nothing had crashed."""
    home = disk / "home"
    log = AuditLog(home)
    log.append("settings", changed={"poll_interval_s": {"from": 300, "to": 600}})
    before = (home / "audit.log").read_bytes()
    assert len(before) % 4096   # the log's last page has room for part of the next record
    filler = fill(disk)
    with pytest.raises(AuditError) as refused:
        log.append("settings", changed={"note": "x" * 8000})
    # the app's own folder: no "or choose another folder", which the owner cannot do for it
    assert str(refused.value).endswith(f"the disk holding {home / 'audit.log'} {FULL}")
    assert (home / "audit.log").read_bytes() == before

    filler.unlink()
    assert log.verify().ok
    log.append("settings", changed={"poll_interval_s": {"from": 600, "to": 300}})
    assert [r["event"] for r in log.entries()][-2:] == ["settings", "settings"]  # no recovery
    assert log.verify().ok


def test_settings_and_masks_on_a_full_disk_are_said_and_the_old_ones_kept(disk):
    """Seen: the app's Settings page said "[Errno 28] No space left on device" (no file, no
    advice) for settings saved on a full disk, and masks likewise."""
    home = disk / "home"
    agent = Agent(home)
    try:
        agent.set_settings(replace(agent.settings, poll_interval_s=600))
        kept = (home / "settings.json").read_bytes()
        assert agent.cameras() == []   # the index open, as in the app running when it fills
        fill(disk)
        with pytest.raises(ConfigError) as refused:
            agent.set_settings(replace(agent.settings, poll_interval_s=900))
        assert str(refused.value) == ("cannot save the settings: the disk holding "
                                      f"{home / 'settings.json'} {FULL}")
        with pytest.raises(AgentError) as refused:
            agent.set_masks(CameraMasks("porch", (Polygon(((0.1, 0.1), (0.5, 0.1), (0.5, 0.5))),)))
        assert str(refused.value) == ("the masks of porch cannot be saved: the disk holding "
                                      f"{home / 'masks'} {FULL}")
    finally:
        agent.close()
    assert (home / "settings.json").read_bytes() == kept
    assert Agent(home).settings.poll_interval_s == 600
    assert not [p for p in home.rglob(".*") if p.name.endswith(".tmp")]   # nothing half-made
    assert not os.path.exists(home / "masks" / "porch.json")


def test_a_recorders_footage_meeting_a_full_disk_is_said_and_nothing_kept(
        disk, tmp_path, monkeypatch, recent_footage):
    """Seen: exporting a recorder's camera (by hand, or approving a request naming it) with
    the home's disk full said only "[Errno 28] No space left on device": its window is
    downloaded into the home's cache first."""
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    # The disk filling as the download runs: the room an export asks for first (its own test
    # below) is not asked here, since where a 1 MiB disk fills is not ours to place.
    monkeypatch.setattr(owner_exports, "EXPORT_ROOM_BYTES", 0)
    agent = Agent(disk / "home")
    try:
        with Simulator(recent_footage, "dahua", "admin", PASSWORD, tls=True) as sim:
            agent.add_recorder(RecorderAddress(sim.url, "dahua", "admin",
                                               agent.look_at_recorder(sim.url), "UTC"),
                               PASSWORD, name="nvr")
            fill(disk)
            with pytest.raises(AgentError) as refused:
                agent.export("nvr/Driveway", T0 + 2 * US, T0 + 6 * US, tmp_path / "out")
    finally:
        agent.close()
    assert str(refused.value) == (
        "the download from the recorder stopped: the disk holding "
        f"{disk / 'home' / 'cache' / 'recorders'} {FULL}")
    assert list((disk / "home" / "cache" / "recorders").iterdir()) == []
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_request_whose_package_the_homes_disk_cannot_hold_fails_in_plain_words_and_resumes(
        tmp_path, footage, capsys):
    """Seen: the approve said "... is full: free some space there, or choose another folder
    for the package", the advice of an export by hand, where a request's package goes into
    the home's own folder, which is not the owner's to choose. A real small disk is mounted
    where the request's packages go."""
    w = World(tmp_path, footage, capsys)
    try:
        packages = w.run.home / "packages"
        packages.mkdir(mode=0o700)
        if not _mount_tmpfs(packages, "size=64k,mode=0700"):
            pytest.skip("mounting a small disk needs root")
        try:
            code, _, err = w.approve()
            assert w.show()["status"] == "failed"
            assert [p.name for p in packages.rglob(".*")] == []   # nothing half-made kept
        finally:
            _umount(packages)
        assert code == 1
        assert f"the disk holding {packages}" in err, err
        assert "is full: free some space there (approve it again to resume)" in err, err
        d = w.delivery()   # room again (the small disk gone): approving again resumes
        assert w.show()["status"] == "delivered" and Path(d["package"]).is_dir()
    finally:
        w.close()


def test_an_export_to_another_disk_with_the_homes_disk_full_says_to_free_room_first(
        disk, tmp_path, capsys):
    """Seen: with the home's disk full, `export --out` to a USB stick said "the disk holding
    the index ... is full" (opening the index makes a file beside it), which reads as if the
    index were being written. The export cannot be done there: it is also recorded in the
    activity log, in the home. So it says so, before anything is opened or cut."""
    from agent.cli import main
    from demo.samples import ClipSpec, write_clip
    from tests.conftest import t

    rec = tmp_path / "porch"
    write_clip(ClipSpec(path=rec / "porch.20261120_220000.mp4",
                        start_us=t("2026-11-20T22:00:00Z"), seconds=4, fps=10, gop_s=1.0))
    home, usb = disk / "home", tmp_path / "usb"
    assert main(["--home", str(home), "scan", str(rec), "--tz", "UTC"]) == 0
    export = ["--home", str(home), "export", "--camera", "porch", "--from",
              "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:03Z", "--out", str(usb),
              "--progress", "none"]
    filler = fill(disk)
    capsys.readouterr()
    assert main(export) == 1
    assert capsys.readouterr().err == (
        f"footage-agent: the disk holding footage-agent's own folder {home} is full: free some "
        f"space there first; an export goes to {usb}, but it reads the index and is recorded "
        "in the activity log, both in that folder\n")
    assert not usb.exists()

    filler.unlink()   # room made: the same export is done
    assert main(export) == 0, capsys.readouterr().err
    assert [p for p in usb.iterdir() if (p / "bagit.txt").is_file()]


def test_space_answers_on_a_full_disk_when_the_inbox_cannot_be_opened(disk, capsys):
    """A full disk is when the owner most needs to know what fills it; but `space` opened the
    inbox (to tell delivered packages), which a full disk refuses: it said only that (exit 1)."""
    from agent.cli import main
    home = disk / "home"
    assert main(["--home", str(home), "keys", "show"]) == 0
    fill(disk)
    capsys.readouterr()
    assert main(["--home", str(home), "space", "--json"]) == 0
    import json
    space = json.loads(capsys.readouterr().out)
    assert space["unsorted"].startswith(f"the disk holding the inbox {home / 'inbox.db'} {FULL}")
    assert space["records"] >= (home / "keys" / "owner.key").stat().st_size > 0
    assert space["free"] == 0
