"""An owner who lost the owner key (a forgotten passphrase, a dead disk without a backup) and
recovers as the user guide says: the key file moved aside, a new key made, the agency's file
accepted again, a new invite, and the agency retiring the old registration. Against the real
reference portal (tests/test_registration_cli.py's world)."""
from __future__ import annotations

import threading

from agent.audit.log import AuditLog
from agent.events import PortalsUnreachable
from agent.requests.agencies import TrustStore
from agent.requests.poll_thread import run_polling
from agent.service import Agent
from tests.registering import invite
from tests.test_registration_cli import AGENCY_ID, world  # noqa: F401


def _register(run, portal) -> str:
    """Register with a new invite; the new registration's id."""
    before = {r.id for r in TrustStore(run.home).registration_records()}
    code, _, err = run("agencies", "register", AGENCY_ID, "--invite", invite(portal),
                         "--name", "Ann Owner", "--camera", "porch", "--address", "1 Elm St")
    assert code == 0, err
    (made,) = {r.id for r in TrustStore(run.home).registration_records()} - before
    return made


def test_a_registration_pinned_to_a_lost_key_is_forgotten_once_the_agency_retired_it(
        world, tmp_path):
    """After registering again with a new key, the old registration could never leave the app:
    `agencies unregister` refused before asking the portal ('pinned to owner key ..., which
    this app does not hold; register again with a new invite code', which the owner had done),
    and once the agency retired it every `inbox sync` failed, saying to unregister it."""
    portal, _server, run = world
    old = _register(run, portal)
    keys = run.home / "keys"
    (keys / "owner.key").rename(tmp_path / "owner.key.lost")   # moved aside, kept
    assert run("keys", "show")[0] == 0   # the new key
    assert run("agencies", "add", str(portal.state_dir / "agency.json"), "--replace")[0] == 0
    new = _register(run, portal)

    # The agency holds the old one still: nothing is forgotten, and the owner is told whom to ask.
    code, _, err = run("agencies", "unregister", AGENCY_ID, "--registration", old)
    assert code == 3, err
    assert f"registration {old} with Example Police Department is pinned to an owner key " \
           "this PC no longer holds" in err
    assert "Ask the agency to retire it" in err and "then unregister it here again" in err
    assert "register again with a new invite code" not in err
    assert [r.id for r in TrustStore(run.home).registration_records()] == sorted([old, new])
    assert portal.registry.pinned(old) is not None   # nothing ended at the portal either

    assert portal.registry.retire(old)   # as asked: `footage-portal retire`
    code, _, err = run("inbox", "sync")
    assert code == 1 and "Unregister from the agency here to match" in err
    code, _, err = run("agencies", "unregister", AGENCY_ID, "--registration", old)
    assert code == 0, err
    assert [r.id for r in TrustStore(run.home).registration_records()] == [new]
    (ended,) = [r["data"] for r in AuditLog(run.home).entries() if r["event"] == "unregistered"]
    assert ended == {"agency": AGENCY_ID, "registration": old, "portal": "already gone"}
    code, _, err = run("inbox", "sync")
    assert code == 0 and "0 new" in err


def test_a_registration_pinned_to_a_lost_key_says_so_and_an_untrusted_agencys_says_that(
        world, tmp_path):
    """With the key lost, the registration pinned to it was listed as sound ('certificate
    valid until ...') though nothing of it could be answered; and while the agency's file is
    not trusted (changed in place since it was accepted), its certificate problem read 'the
    agency's file has no registration CA to check it with', which the file has."""
    portal, _server, run = world
    old = _register(run, portal)
    (kept,) = (run.home / "agencies").glob("*.json")
    kept.write_text(kept.read_text().replace("+1-206-555-0100", "+1-206-555-0199"))
    assert "DAMAGED" in run("agencies", "list")[1]
    (view,) = run.json("agencies", "registrations")
    problem = view["certificate"]["problem"]
    assert "registration CA" not in problem
    assert f"{AGENCY_ID} is not trusted now" in problem

    (run.home / "keys" / "owner.key").rename(tmp_path / "owner.key.lost")
    assert run("keys", "show")[0] == 0
    assert run("agencies", "add", str(portal.state_dir / "agency.json"), "--replace")[0] == 0
    code, out, err = run("agencies", "registrations")
    assert code == 0, err
    assert f"{old}\tregistered from this app" in out
    assert "certificate problem: it is for an owner key this PC no longer holds" in out
    assert "ask the agency for a new invite code" in out and "valid until" not in out

    new = _register(run, portal)
    views = {v["registration"]: v for v in run.json("agencies", "registrations")}
    assert views[new]["certificate"]["problem"] is None
    assert "no longer holds" in views[old]["certificate"]["problem"]


def test_a_registration_whose_agency_is_not_trusted_now_says_no_request_can_arrive(
        world, tmp_path):
    """Once the key was lost, the agencies' pins (signed by it) trusted nothing, so no portal
    was asked; yet `inbox sync` said '0 new, 0 rejected' (exit 0), as if it had asked, and
    `run` and the app said nothing: requests could not arrive, unseen."""
    portal, _server, run = world
    _register(run, portal)
    (run.home / "keys" / "owner.key").rename(tmp_path / "owner.key.lost")
    assert run("keys", "show")[0] == 0

    code, _, err = run("inbox", "sync")
    assert code == 1, err
    assert f"{AGENCY_ID} is not trusted now" in err and "its portal is not asked" in err
    assert "0 new" not in err

    agent = Agent(run.home)
    told, stop = threading.Event(), threading.Event()
    agent.subscribe(lambda e: told.set() if isinstance(e, PortalsUnreachable) else None)
    polling = threading.Thread(target=run_polling, args=(agent.requests, stop))
    polling.start()
    try:
        assert told.wait(30), "the poll thread never said it"
    finally:
        stop.set()
        polling.join(30)
    try:
        (trouble,) = agent.requests.unreachable()
        assert "is not trusted now" in trouble.problem and trouble.agency == AGENCY_ID
    finally:
        agent.close()

    assert run("agencies", "add", str(portal.state_dir / "agency.json"), "--replace")[0] == 0
    code, _, err = run("inbox", "sync")
    assert code == 0 and "not trusted" not in err and "0 new" in err
