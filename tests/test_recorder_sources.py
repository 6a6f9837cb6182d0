"""Each vendor end to end from the command line, against the simulator over HTTPS on 127.0.0.1
with real footage and a clock three hours off: add (the certificate shown and pinned, the
password kept out of every file), scan, recordings, coverage, export in copy and exact mode
(only the window downloaded, every frame inside it, provenance naming the recorder), a hold,
and verify."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from agent.recorders.credentials import FILE_NAME
from agent.timebase import US, format_utc
from agent.views import RecorderAddress
from nvrsim.server import Simulator
from tests.recorder_sources_support import (CLIP_S, HOURS_OFF, IANA_LA, PASSPHRASE, PASSWORD,
                                            POSIX_LA, T0, cli, recent_footage, request_file,
                                            trust_demo_agency)
from tests.recorder_support import VENDORS, stamps

# How a passphrase is stretched is not what these tests are about (tests/test_keys.py).
pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["recent_footage"]  # the session fixture, imported for pytest


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def every_file_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("vendor", VENDORS)
def test_each_vendor_end_to_end_from_the_command_line(vendor, recent_footage, tmp_path, capsys,
                                                       monkeypatch):
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    home = tmp_path / "home"
    with Simulator(recent_footage, vendor, "admin", PASSWORD, tls=True, zone=POSIX_LA,
                   clock_offset_s=HOURS_OFF) as sim:
        run = lambda *a, **kw: cli(capsys, monkeypatch, home, *a, **kw)  # noqa: E731
        zone = ("--zone", IANA_LA) if vendor == "dahua" else ()
        code, added, err = run("sources", "add-recorder", sim.url, "--vendor", vendor, "--user",
                               "admin", "--password-stdin", "--name", "nvr", "--camera", "drive",
                               *zone, "--json", stdin=PASSWORD + "\n")
        assert code == 0, err
        # The certificate was shown as people compare it, and is the one pinned.
        assert added["fingerprint"] == sim.fingerprint
        shown = ":".join(sim.fingerprint.upper()[i:i + 2] for i in range(0, 64, 2))
        assert shown in err
        assert [(c["name"], c["camera"]) for c in added["channels"]] == [
            ("Driveway", "drive"), ("Porch", "nvr/Porch")]
        assert added["recordings"] == 4 and added["model"] and added["serial"]
        assert "3 h ahead of this computer's" in err   # the clock, shown (over 2 s)
        assert "encrypted file" in added["password_kept_in"]
        # Said in words ("kept in encrypted file" read as a slip): which file, and what opens it.
        assert f"the password is kept in an encrypted file ({FILE_NAME}) unlocked by your " \
               "passphrase" in err, err
        # The password is in no file of the home in the clear.
        assert PASSWORD.encode() not in every_file_bytes(home)
        assert (home / FILE_NAME).exists()

        code, listed, _ = run("sources", "list", "--json")
        (source,) = listed
        assert source["path"] == sim.url and source["recorder"]["vendor"] == vendor
        assert source["recorder"]["fingerprint"] == sim.fingerprint
        assert source["recorder"]["state"] == "ok" and "password" not in json.dumps(source)

        code, scanned, err = run("scan", "--json")
        assert code == 0 and scanned[0]["statuses"] == {"remote": 4}, err
        code, rows, _ = run("recordings", "--camera", "drive", "--json")
        # True times: the device's clock three hours ahead is taken off.
        assert [(r["start"], r["end"], r["status"]) for r in rows] == [
            (format_utc(T0 + i * CLIP_S * US), format_utc(T0 + (i + 1) * CLIP_S * US), "remote")
            for i in range(3)]
        code, cov, _ = run("coverage", "--camera", "drive", "--from", format_utc(T0 - 5 * US),
                           "--to", format_utc(T0 + 40 * US), "--json")
        assert code == 0 and cov["covered_s"] == 30 and len(cov["gaps"]) == 2

        start, end = T0 + 13 * US, T0 + 17 * US
        served_before = len(sim.device.served)
        packages = {}
        for mode in ("copy", "exact"):
            code, done, err = run("export", "--camera", "drive", "--from", format_utc(start),
                                  "--to", format_utc(end), "--out", str(tmp_path / mode),
                                  "--mode", mode, "--json")
            assert code == 0, err
            packages[mode] = Path(done["package"])
            times = stamps(Path(done["clip"]))
            assert times and start <= min(times) and max(times) < end   # the gate's promise
            if mode == "exact":
                assert min(times) == start
        # One download per export, each only the window (plus what reaches the keyframe).
        downloads = sim.device.served[served_before:]
        assert len(downloads) == 2
        assert all(count < sim.device.catalogue.clips[1][1].size for _first, count in downloads)
        assert not [p for p in (home / "cache" / "recorders").iterdir() if p.name != "previews"]

        prov = json.loads((packages["copy"] / "data" / "provenance.json").read_text())
        recorder = prov["recorder"]
        assert (recorder["vendor"], recorder["channel"]) == (vendor, {"id": 1 if vendor != "reolink" else 0, "name": "Driveway"})
        assert recorder["serial"] and recorder["model"] and recorder["firmware"]
        assert recorder["clock"]["applied_offset_s"] == HOURS_OFF
        assert abs(recorder["clock"]["offset_s"] - HOURS_OFF) < 1.5
        (download,) = recorder["downloads"]
        (source_file,) = prov["sources"]
        assert download["sha256"] == source_file["sha256"] and download["query"]["command"]
        assert PASSWORD not in json.dumps(prov) and "token" not in json.dumps(download["query"])
        assert prov["clock"]["clock_offset_s"] == [HOURS_OFF]
        for package in packages.values():
            code, verdict, _ = run("verify", str(package), "--json")
            assert code == 0 and verdict["ok"], verdict

        # A hold downloads the window into the holds folder, hashed as it arrived.
        trust_demo_agency(home, tmp_path)
        request = request_file(tmp_path, "req-nvr", T0 + 5 * US, T0 + 15 * US, ("drive",))
        code, _, err = run("import-request", str(request))
        assert code == 0, err
        code, _, err = run("inbox", "hold", "req-nvr")
        assert code == 0, err
    (hold,) = (home / "holds").iterdir()
    record = json.loads((hold / "hold.json").read_text())
    files = record["files"]
    assert len(files) == 2 and all(f["name"].startswith("drive/") for f in files)
    for f in files:
        assert sha256(hold / f["name"]) == f["sha256"]
        assert stamps(hold / f["name"])
    assert record["recorders"]["drive"]["vendor"] == vendor
    manifest = (hold / "manifest-sha256.txt").read_text().splitlines()
    assert sorted(manifest) == sorted(f"{f['sha256']}  {f['name']}" for f in files)


def test_an_approved_request_for_a_recorder_camera_is_fetched_sealed_and_delivered(
        recent_footage, tmp_path):
    """The request desk's delivery of a recorder's camera, against the reference portal on
    loopback: the window is downloaded first, and the package the portal receipted names the
    recorder."""
    from agent.service import Agent
    from agent.views import RecorderAddress
    from portal.server import PortalServer
    from portal.state import Portal
    from tests.registering import enrol

    portal = Portal.init(tmp_path / "portal", "Example Police Department",
                         "https://police.example.gov", "+1-206-555-0100")
    home = tmp_path / "home"
    with PortalServer(portal.state_dir), Simulator(recent_footage, "hikvision", "admin",
                                                   PASSWORD, tls=True) as sim:
        reg = None
        agent = Agent(home)
        try:
            agent.use_recorder_passphrase(PASSPHRASE)   # as the app does: typed by the owner
            agent.requests.trust.add(portal.state_dir / "agency.json")
            reg = enrol(home, portal, ("drive",)).registration
            agent.add_recorder(RecorderAddress(sim.url, "hikvision", "admin",
                                               agent.look_at_recorder(sim.url)), PASSWORD,
                               name="nvr", cameras=("drive",))
            portal.create_request(reg, T0 + 2 * US, T0 + 14 * US, "2026-77", "Det. Roe",
                                  cameras=("drive",))
            (entry,) = agent.requests.sync().new
            view = agent.requests.approve(entry.jti, start_us=T0 + 3 * US, end_us=T0 + 12 * US)
        finally:
            agent.close()
    assert view.status == "delivered", view
    (package,) = (home / "packages").glob("*/*")
    record = json.loads((package / "data" / "provenance.json").read_text())
    assert record["request"]["case"] == "2026-77" and record["recorder"]["vendor"] == "hikvision"
    assert len(record["recorder"]["downloads"]) == 2   # the window spans two recordings
    times = stamps(next((package / "data").glob("*.mp4")))
    assert T0 + 3 * US <= min(times) and max(times) < T0 + 12 * US


def test_the_recordings_mirrored_when_a_recorder_is_added_are_counted_in_words():
    """`sources add-recorder` said "1 recordings mirrored" for a recorder holding one."""
    from agent.commands.recorders import mirrored_words

    assert (mirrored_words(1), mirrored_words(4)) == ("1 recording mirrored", "4 recordings mirrored")


def test_a_masked_export_of_a_recorders_camera_says_the_recorder_keeps_the_original(
        recent_footage, tmp_path, capsys, monkeypatch):
    """A recorder's window is downloaded for the cut and deleted once the clip is made, but a
    masked clip's record said its unmasked recordings 'stay on the owner's computer': a court
    told to ask the owner for them would find none there, and the recorder writes over its
    oldest recordings when its disk fills."""
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    home = tmp_path / "home"
    masks = tmp_path / "masks.json"
    masks.write_text(json.dumps({"polygons": [[[0.1, 0.1], [0.4, 0.1], [0.4, 0.4]]]}))
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True) as sim:
        run = lambda *a, **kw: cli(capsys, monkeypatch, home, *a, **kw)  # noqa: E731
        code, _, err = run("sources", "add-recorder", sim.url, "--vendor", "reolink", "--user",
                           "admin", "--password-stdin", "--name", "nvr", "--camera", "drive",
                           "--json", stdin=PASSWORD + "\n")
        assert code == 0, err
        assert run("scan", "--json")[0] == 0
        assert run("masks", "set", "drive", str(masks))[0] == 0
        code, done, err = run("export", "--camera", "drive", "--from", format_utc(T0 + 13 * US),
                              "--to", format_utc(T0 + 15 * US), "--out", str(tmp_path / "out"),
                              "--json")
        assert code == 0, err
    assert not [p for p in (home / "cache" / "recorders").iterdir() if p.name != "previews"]
    prov = json.loads((Path(done["package"]) / "data" / "provenance.json").read_text())
    assert [r["kind"] for r in prov["redactions"]] == ["privacy-mask"]
    original = prov["unredacted_original"]
    assert "owner's computer" not in original.replace("deleted from the owner's computer", "")
    assert "recorder" in original and prov["recorder"]["serial"] in original


def test_adding_a_recorder_again_refuses_a_certificate_other_than_the_one_trusted_before(
        recent_footage, tmp_path, capsys, monkeypatch):
    """The recorders hunt: run again (a new password, say) after the device showed another
    certificate, `sources add-recorder` trusted the new one with the words it says the first
    time ('compare it ...'): nothing said it was not the certificate trusted before, so a
    device taking the recorder's address was trusted in place of it."""
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    home = tmp_path / "home"
    args = ("--vendor", "reolink", "--user", "admin", "--password-stdin", "--name", "nvr")
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True) as sim:
        run = lambda *a, **kw: cli(capsys, monkeypatch, home, *a, **kw)  # noqa: E731
        assert run("sources", "add-recorder", sim.url, *args, stdin=PASSWORD + "\n")[0] == 0
        # As if the recorder trusted before had another certificate than the device now there.
        from agent.service import Agent
        agent = Agent(home)
        try:
            (rec,) = agent.recorders()
            agent.store.recorders.set_address(rec.source_id, RecorderAddress(
                sim.url, "reolink", "admin", "ab" * 32))
        finally:
            agent.close()
        code, _, err = run("sources", "add-recorder", sim.url, *args, stdin=PASSWORD + "\n")
        assert code == 3, err
        assert "not the certificate trusted before" in err and "--fingerprint" in err, err
        kept = Agent(home)
        try:
            assert kept.recorders()[0].fingerprint == "ab" * 32   # nothing else trusted
        finally:
            kept.close()
        # Compared with the recorder's screen and given: trusted.
        code, _, err = run("sources", "add-recorder", sim.url, *args, "--fingerprint",
                           sim.fingerprint, stdin=PASSWORD + "\n")
        assert code == 0, err


def test_a_recorder_of_another_make_is_refused_with_exit_3_and_nothing_kept(
        tmp_path, capsys, monkeypatch):
    """Recorders hunt: `sources add-recorder --vendor dahua` for a Hikvision said to choose the
    other make, and exited 1, the code cli.md keeps for an unexpected failure: a script could
    not tell the owner's wrong choice from a recorder that failed. It is refused (exit 3), as a
    --fingerprint other than the certificate is."""
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    home = tmp_path / "home"
    (tmp_path / "nvr").mkdir()
    with Simulator(tmp_path / "nvr", "hikvision", "admin", PASSWORD, tls=True) as sim:
        code, _, err = cli(capsys, monkeypatch, home, "sources", "add-recorder", sim.url,
                           "--vendor", "dahua", "--user", "admin", "--zone", "UTC",
                           "--password-stdin", stdin=PASSWORD + "\n")
        assert code == 3, err
        assert "does not answer as a Dahua recorder" in err and "choose that make" in err, err
        assert cli(capsys, monkeypatch, home, "sources", "list", "--json")[1] == []
