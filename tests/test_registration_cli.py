"""Registration end to end from the command line (issue 14), against the real portal: register
with an invite code, update, rotate the key, decide with the new key, unregister."""
from __future__ import annotations

import json
import os
import stat
import time
from types import SimpleNamespace

import pytest

from agent.audit.log import AuditLog
from agent.commands.local_time import shown as shown_at
from agent.cli import main
from agent.requests import registering
from agent.requests.agencies import TrustStore
from agent.timebase import US
from demo.samples import make_recordings
from frp.certificates import check_owner_certificate
from frp.minisign import parse_minisign_public
from frp.times import parse_rfc3339
from portal.server import PortalServer
from portal.state import Portal
from tests.registering import invite

AGENCY_ID = "https://police.example.gov"
T0 = (int(time.time()) - 3600) * US


class Run:
    """`footage-agent --home HOME ...` in-process: (exit code, stdout, stderr)."""

    def __init__(self, home, capsys) -> None:
        self.home, self.capsys = home, capsys

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        code = main(["--home", str(self.home), *argv])
        out = self.capsys.readouterr()
        return code, out.out, out.err

    def json(self, *argv: str):
        code, out, err = self(*argv, "--json")
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def world(tmp_path, capsys):
    for camera in ("porch", "yard"):
        make_recordings(tmp_path / "rec" / camera, "blue-iris", camera, T0, 1, 2.0, fps=5)
    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    with PortalServer(portal.state_dir) as server:
        run = Run(tmp_path / "home", capsys)
        for camera in ("porch", "yard"):
            assert run("sources", "add", str(tmp_path / "rec" / camera), "--camera", camera,
                       "--tz", "UTC")[0] == 0
        assert run("scan")[0] == 0
        assert run("agencies", "add", str(portal.state_dir / "agency.json"))[0] == 0
        yield portal, server, run


def owner_id(run: Run) -> str:
    return run.json("keys", "show")["owner_id"]


def test_register_update_rotate_decide_and_unregister_from_the_command_line(world, monkeypatch):
    portal, server, run = world
    (agency,) = run.json("agencies", "list")
    assert agency["can_register"] is True and agency["registrations"] == []

    code = invite(portal)
    refused = run("agencies", "register", AGENCY_ID, "--invite", code, "--name", "Ann",
                  "--camera", "garage", "--address", "1200 Elm Street")
    assert refused[0] == 3 and "no camera named 'garage' is indexed" in refused[2]
    assert portal.registry.rows() == [] and run.json("agencies", "registrations") == []

    first_id = owner_id(run)
    rc, out, err = run("agencies", "register", AGENCY_ID, "--invite", code, "--name", "Ann Owner",
                       "--email", "ann@example.com", "--camera", "porch", "--camera", "yard",
                       "--address", "1200 Elm Street", "--lat", "47.61", "--lon", "-122.33",
                       "--sees", "porch=the street and the sidewalk", "--retention-days", "30",
                       "--json")
    assert rc == 0, err
    shown = json.loads(out)
    held = TrustStore(run.home).registration(AGENCY_ID, shown["registration"])
    assert held.token and held.token not in out + err and code not in out + err
    assert shown["owner_id"] == first_id and shown["certificate"]["problem"] is None
    assert [c["name"] for c in shown["cameras"]] == ["porch", "yard"]
    assert stat.S_IMODE(os.stat(run.home / "registrations.json").st_mode) == 0o600
    (row,) = portal.registry.rows()
    assert row["owner_id"] == first_id and row["contact"] == {
        "name": "Ann Owner", "email": "ann@example.com"}
    assert row["cameras"][0] == {"name": "porch", "address": "1200 Elm Street", "lat": 47.61,
                                 "lon": -122.33, "sees": "the street and the sidewalk",
                                 "retention_days": 30}
    agency_doc = json.loads((portal.state_dir / "agency.json").read_text())
    public = parse_minisign_public(run.json("keys", "show")["minisign"])
    check_owner_certificate(held.certificate, agency_doc["registration_ca"], public.raw,
                            time.time())
    again = run("agencies", "register", AGENCY_ID, "--invite", code, "--name", "Ann")
    assert again[0] == 3 and "used already" in again[2]

    rc, out, err = run("agencies", "update", AGENCY_ID, "--phone", "+1 206 555 0199",
                       "--camera", "porch", "--address", "1200 Elm Street")
    assert rc == 0, err
    (row,) = portal.registry.rows()
    assert row["contact"]["phone"] == "+1 206 555 0199" and row["contact"]["name"] == "Ann Owner"
    assert [c["name"] for c in row["cameras"]] == ["porch"]

    rotated = run.json("keys", "rotate")
    assert rotated["finished"] and rotated["old_owner_id"] == first_id
    second_id = owner_id(run)
    assert rotated["owner_id"] == second_id != first_id
    assert (run.home / "keys" / "retired" / f"{first_id}.key").is_file()
    assert not (run.home / "keys" / "owner.next.key").exists()
    (row,) = portal.registry.rows()
    (view,) = run.json("agencies", "registrations")
    assert row["owner_id"] == view["owner_id"] == second_id
    assert view["certificate"]["problem"] is None and view["certificate"]["serial"] != \
        shown["certificate"]["serial"]
    # The docs hunt: cli.md lists the registrations "with cameras and certificate", and the
    # listing gave no certificate unless it had a problem: not when it lapses (two years).
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    listed = run("agencies", "registrations")[1]
    lapses = shown_at(parse_rfc3339(view["certificate"]["not_after"]), "America/Los_Angeles")
    assert f"certificate valid until {lapses}" in listed

    portal.create_request(row["registration"], T0, T0 + 2 * US, "2026-3", "Det. Roe")
    assert run("inbox", "sync")[0] == 0
    (item,) = run.json("inbox")
    rc, _, err = run("decline", "--reason", "not home", "--", item["id"])
    assert rc == 0 and "sent to the agency" in err, err
    (decided,) = portal.decisions()
    assert decided["owner_id"] == second_id

    rc, _, err = run("agencies", "unregister", AGENCY_ID)
    assert rc == 0 and "forgets your cameras" in err
    (row,) = portal.registry.rows()
    assert row["ended_by"] == "owner" and row["cameras"] == [] and row["contact"] is None
    assert run.json("agencies", "registrations") == []
    rc, _, err = run("inbox", "sync")
    assert rc == 0 and "refused" not in err
    # The docs hunt: it said '0 new, 0 rejected', read as the agency's portal asked; the
    # user guide (and the app) say there was no agency to ask.
    assert "there was no agency to ask" in err and "0 new" not in err

    events = [r["event"] for r in AuditLog(run.home).entries()]
    # Setting up is logged first; the camera the index does not know was refused before
    # anything was sent.
    assert events == ["key-created", "source-added", "source-added", "agency-added", "invite-sent", "registered", "invite-sent",
                      "registration-refused", "registration-updated",
                      "key-rotation-started", "registration-rekeyed", "key-rotated",
                      "request-seen", "decline", "unregistered"]
    assert run("log", "verify")[0] == 0
    assert code not in (run.home / "audit.log").read_text()


def test_a_computer_clock_an_hour_off_is_told_to_set_its_clock_and_keeps_its_invite(
        world, monkeypatch):
    # The portal refuses a token made more than 5 minutes from its clock; the owner read
    # "made at 1765100000, more than 5 minutes from this clock (1765096400); check the
    # computer's clock" in English seconds since 1970 (and in the Spanish app too).
    portal, server, run = world
    code = invite(portal)
    ahead = SimpleNamespace(time=lambda: time.time() + 3600)
    monkeypatch.setattr(registering, "time", ahead)
    argv = ("agencies", "register", AGENCY_ID, "--invite", code, "--name", "Ann",
            "--camera", "porch", "--address", "1200 Elm Street")
    rc, out, err = run(*argv)
    assert rc == 3 and "more than 5 minutes apart" in err, err
    assert "set this computer's date, time and time zone right" in err, err
    assert str(int(time.time()))[:6] not in err, err   # no seconds since 1970
    assert portal.registry.rows() == []
    monkeypatch.setattr(registering, "time", time)
    rc, out, err = run(*argv)   # the clock set right: the same invite code registers
    assert rc == 0, err
    assert len(portal.registry.rows()) == 1


def test_the_pasted_registration_id_and_token_are_refused_with_directions(world, tmp_path):
    _portal, _server, run = world
    (tmp_path / "token.txt").write_text("secret-token")
    rc, _, err = run("agencies", "register", AGENCY_ID, "--id", "reg-1", "--token-file",
                     str(tmp_path / "token.txt"))
    assert rc == 2 and "invite code" in err and "secret-token" not in err
    rc, _, err = run("agencies", "register", AGENCY_ID)
    assert rc == 2 and "--invite" in err
    assert run.json("agencies", "registrations") == []


@pytest.mark.parametrize("argv, words", [
    (["--lat", "47.6", "--lon", "-122.3"], "--lat, --lon: these describe the cameras named with"),
    (["--address", "12 Oak Street", "--retention-days", "7"], "give --camera NAME for each"),
    (["--cameras", "cameras.json", "--sees", "porch=the door"], "put them in the --cameras file"),
    (["--no-cameras", "--camera", "porch"], "--no-cameras removes every registered camera"),
])
def test_camera_details_without_the_cameras_they_describe_are_refused_not_dropped(
        world, tmp_path, argv, words):
    """The docs hunt: `agencies update ID --lat 47.6 --lon -122.3` sent an update keeping the
    cameras where they were and said 'updated' (exit 0): the place given was dropped, as
    `--no-cameras` dropped the --camera options beside it. A usage error now, nothing sent."""
    portal, _server, run = world
    (tmp_path / "cameras.json").write_text(json.dumps([{"name": "porch", "address": "1 Elm"}]))
    rc, _, err = run("agencies", "register", AGENCY_ID, "--invite", invite(portal), "--name",
                     "Ann", "--camera", "porch", "--address", "1200 Elm Street")
    assert rc == 0, err
    (before,) = portal.registry.rows()
    rc, _, err = run("agencies", "update", AGENCY_ID,
                     *[str(tmp_path / a) if a.endswith(".json") else a for a in argv])
    assert rc == 2 and words in err
    assert portal.registry.rows() == [before]


@pytest.mark.parametrize("argv, words", [
    (["--phone", "call me"], "the phone number call me has no digits"),
    (["--email", "a" * 255], "the contact's email is 255 characters; at most 254"),
    (["--email", "ann\x1b[2J@example.com"], "the contact's email"),
])
def test_a_contact_typed_wrong_is_a_usage_error_before_anything_is_sent(world, argv, words):
    """The docs hunt: a phone without a digit or an email too long exited 3 ('refused', as a
    used invite), where cli.md makes an option's value typed wrong exit 2."""
    portal, _server, run = world
    code = invite(portal)
    rc, _, err = run("agencies", "register", AGENCY_ID, "--invite", code, "--name", "Ann", *argv)
    assert rc == 2 and words in err
    assert portal.registry.rows() == [] and run.json("agencies", "registrations") == []
    rc, _, err = run("agencies", "register", AGENCY_ID, "--invite", code, "--name", "Ann")
    assert rc == 0, err   # the invite was never sent: it is still unused
    rc, _, err = run("agencies", "update", AGENCY_ID, *argv)
    assert rc == 2 and words in err


def test_a_camera_named_past_an_agencys_limit_is_told_how_to_register_it(world, tmp_path):
    """The names hunt: the index names a camera in up to 120 characters, a registration in up
    to 64. `--camera` with a 78-character name said "camera 1's name is 78 characters; at most
    64 are allowed" and no more: not which camera, nor that a shorter name (`cameras rename`)
    registers it. The refusal now says both, before anything is sent; once renamed, the same
    invite registers it."""
    portal, _server, run = world
    long = "Back garden camera over the shed, looking down the side path to the gate, west"
    assert 64 < len(long) <= 120
    make_recordings(tmp_path / "rec" / "long", "blue-iris", "long", T0, 1, 2.0, fps=5)
    assert run("sources", "add", str(tmp_path / "rec" / "long"), "--camera", long,
               "--tz", "UTC")[0] == 0
    assert run("scan")[0] == 0
    code = invite(portal)
    rc, _, err = run("agencies", "register", AGENCY_ID, "--invite", code, "--name", "Ann",
                     "--camera", long, "--address", "1200 Elm Street")
    assert rc == 2, err
    assert f"camera {long!r}" in err and "at most 64 characters" in err
    assert "footage-agent cameras rename" in err
    assert portal.registry.rows() == [] and run.json("agencies", "registrations") == []
    assert run("cameras", "rename", long, "Back garden")[0] == 0
    rc, _, err = run("agencies", "register", AGENCY_ID, "--invite", code, "--name", "Ann",
                     "--camera", "Back garden", "--address", "1200 Elm Street")
    assert rc == 0, err   # the invite was never sent: it is still unused
