"""A home folder put back from a backup (or copied to another PC) while the agency's portal
knows what was done since: against the real reference portal (tests/test_delivery_faults.py's
World), the backup a real copy of the home taken before the owner decided."""
from __future__ import annotations

import shutil
import threading
from pathlib import Path

from agent.audit.log import AuditLog
from agent.requests.agencies import TrustStore
from tests.fault_proxy import Rule
from tests.test_requests_e2e import Run
from tests.test_delivery_faults import AGENCY_ID, footage, refuse_one_patch, world  # noqa: F401
from tests.registering import invite
from tests.test_safety_crash import AGENT, kill9, start


def _restore(home, backup) -> None:
    shutil.rmtree(home)
    shutil.copytree(backup, home)


def test_approving_a_request_declined_since_the_backup_says_so_and_sends_nothing(world):
    """The restored inbox shows a request the owner declined after the backup as new. Approving
    it cut the footage, took the portal's 409 already_decided for its own decision, and ended
    `failed` with 'The upload server rejected the new upload (409: this request has not been
    approved ...) (approve it again to resume)': every approve after failed the same."""
    w = world
    backup = w.run.home.parent / "backup"
    shutil.copytree(w.run.home, backup)
    assert w.run("decline", "--reason", "not my camera", "--", w.jti)[0] == 0
    _restore(w.run.home, backup)
    assert w.show()["status"] == "new"   # the backup knows nothing of the decline

    for _ in range(2):   # approving again changes nothing, and says the same
        code, _, err = w.approve()
        assert code == 3, err
        assert "Example Police Department holds another decision on this request" in err
        assert "put back from a backup" in err and "nothing was sent" in err
        assert "Approving again cannot change that" in err and "Decline the request here" in err
        assert "approve it again to resume" not in err and "409" not in err
        assert w.show()["status"] == "failed"
    assert w.portal.decision(w.jti).decision == "decline"
    assert w.portal.submissions() == []

    code, _, err = w.run("decline", "--", w.jti)   # as told: the agency has a no already
    assert code == 0, err
    assert "sent to the agency" in err and "not sent" not in err and "409" not in err
    assert w.show()["status"] == "declined"
    assert not [p for p in (w.run.home / "packages").rglob("*") if p.is_file()]


def test_a_backup_from_before_a_key_rotation_says_the_portal_holds_the_newer_key(world):
    """The restored home holds the key the portal no longer pins. Approving said '...refused
    (HTTP 403): the decision is not signed by the key registered for this registration; nothing
    was stored (approve it again to resume)', which no approve could ever do; `keys rotate`
    said the same and left a third key waiting."""
    w = world
    backup = w.run.home.parent / "backup"
    shutil.copytree(w.run.home, backup)
    assert w.run("keys", "rotate")[0] == 0
    rotated = w.run.home.parent / "rotated-keys"
    shutil.copytree(w.run.home / "keys", rotated)
    registrations = (w.run.home / "registrations.json").read_bytes()
    _restore(w.run.home, backup)

    code, _, err = w.approve()
    assert code == 3, err
    assert "has another key registered for you than this PC's owner key" in err
    assert "after the backup put back here was made" in err
    assert "Put back the keys folder and registrations.json from that copy" in err
    assert "approve it again to resume" not in err and w.show()["status"] == "failed"
    code, _, err = w.run("inbox", "sync")
    assert code == 1 and "another key registered for you" in err
    code, _, err = w.run("keys", "rotate")
    assert code == 1 and "another key registered for you" in err

    _restore(w.run.home / "keys", rotated)   # as told: the keys of the newer copy put back
    (w.run.home / "registrations.json").write_bytes(registrations)
    # The first approve's decision and package, signed with the old key, are made anew.
    code, _, err = w.approve()
    assert code == 0, err
    assert w.show()["status"] == "delivered"
    (aside,) = (w.run.home / "packages").glob("*/*.another-key-*")
    assert (aside / "bagit.txt").is_file()   # kept, for a look
    assert len(w.portal.submissions()) == 1 and w.portal.decision(w.jti).decision == "approve"


def test_a_backup_from_before_unregistering_says_the_registration_ended(world):
    """The restored home holds a registration the portal ended. Sync said only '...refused
    (HTTP 401): the registration token is not known to this portal', and approve added
    '(approve it again to resume)'."""
    w = world
    backup = w.run.home.parent / "backup"
    shutil.copytree(w.run.home, backup)
    assert w.run("agencies", "unregister", AGENCY_ID)[0] == 0
    _restore(w.run.home, backup)

    code, _, err = w.run("inbox", "sync")
    assert code == 1 and "it no longer knows your registration" in err
    assert "after the backup put back here was made" in err
    assert "Unregister from the agency here to match" in err
    code, _, err = w.approve()
    assert code == 3 and "it no longer knows your registration" in err
    assert "approve it again to resume" not in err and w.show()["status"] == "failed"
    code, _, err = w.run("agencies", "unregister", AGENCY_ID)   # as told
    assert code == 0, err
    assert TrustStore(w.run.home).registration_records() == []


def test_a_key_rotation_killed_after_the_portal_moved_it_finishes_when_run_again(world):
    """kill -9 of a real `keys rotate` once the portal had re-pinned the registration and
    before its answer was kept: both keys stay, and running it again finishes the rotation."""
    w = world
    answered, release = threading.Event(), threading.Event()

    def held(status, headers, body):
        answered.set()   # the portal has moved the registration to the new key
        release.wait(30)
        return status, headers, body
    w.proxy.rules.append(Rule("POST", "/key", after=held))
    old = (w.run.home / "keys" / "owner.pub").read_text()
    proc = start(AGENT + ["--home", str(w.run.home), "keys", "rotate"])
    try:
        assert answered.wait(60), "the rotation never reached the portal"
        assert kill9(proc)
    finally:
        release.set()
    (reg,) = TrustStore(w.run.home).registration_records()
    pinned = w.portal.registry.pinned(reg.id)
    assert pinned != reg.owner_id   # the portal moved on; this home kept the old pin
    assert (w.run.home / "keys" / "owner.next.key").is_file()

    code, _, err = w.run("keys", "rotate")
    assert code == 0, err
    assert "1 registration moved" in err
    (reg,) = TrustStore(w.run.home).registration_records()
    assert reg.owner_id == pinned and (w.run.home / "keys" / "owner.pub").read_text() != old
    code, _, err = w.approve()
    assert code == 0, err
    assert w.run("log", "verify")[0] == 0


def test_a_home_copied_to_another_folder_resumes_with_the_package_it_holds(world):
    """The inbox recorded each package by its absolute path. A home copied to another folder
    or PC (another user name, a path with spaces and accents) resumed a failed delivery by
    cutting the footage again beside the package it held (which a recorder that overwrote that
    week could no longer do), and a decline there would remove the old folder's files."""
    w = world
    refuse_one_patch(w)
    old = w.run.home
    new = old.parent / "Nuevo PC" / "José Núñez" / "footage agent"
    shutil.copytree(old, new)   # the old folder stays, as after a copy to a new PC
    w.run.home = new
    (kept,) = w.show()["deliveries"]
    assert kept["package"].startswith(str(new))   # before: the old folder's path
    w.proxy.rules.clear()
    code, _, err = w.approve()
    assert code == 0, err
    exports = [r for r in AuditLog(new).entries()
               if r["event"] == "export" and "camera" in r["data"]]
    assert len(exports) == 1   # the package the home holds was sent, not cut again
    (delivered,) = w.show()["deliveries"]
    assert delivered["package"] == kept["package"]
    assert [p.name for p in (new / "packages").glob("*/*")] == [Path(kept["package"]).name]
    assert list((old / "packages").glob("*/*"))   # the old folder untouched


def test_a_registration_killed_before_its_answer_was_kept_says_what_the_agency_holds(
        world):
    """kill -9 of a real `agencies register` once the portal had registered it and before the
    answer was kept: the invite is used up and nothing is kept here. Trying the same invite
    again said only 'this invite code was used already; ask the agency for a new one', as
    for a code typed wrong, while the agency holds a registration nobody here has."""
    w = world
    code = invite(w.portal)
    answered, release = threading.Event(), threading.Event()

    def held(status, headers, body):
        answered.set()   # the portal has registered it
        release.wait(30)
        return status, headers, body
    w.proxy.rules.append(Rule("POST", "/registrations", after=held))
    before = len(w.portal.registry.rows())
    proc = start(AGENT + ["--home", str(w.run.home), "agencies", "register", AGENCY_ID,
                          "--invite", code, "--name", "Ann Owner", "--camera", "yard",
                          "--address", "1200 Elm Street"])
    try:
        assert answered.wait(60), "the registration never reached the portal"
        assert kill9(proc)
    finally:
        release.set()
    assert len(w.portal.registry.rows()) == before + 1
    assert len(TrustStore(w.run.home).registration_records()) == 1   # only the first

    again, _, err = w.run("agencies", "register", AGENCY_ID, "--invite", code, "--name",
                          "Ann Owner", "--camera", "yard", "--address", "1200 Elm Street")
    assert again == 3, err
    assert "this invite code was used by this PC already" in err
    assert "the portal's answer never arrived" in err
    assert "Ask the agency to retire the registration made with this invite code" in err
    other, _, err = w.run("agencies", "register", AGENCY_ID, "--invite", "inv-never-sent-here",
                          "--name", "Ann Owner", "--camera", "yard", "--address", "1 Elm St")
    assert other == 3 and "used by this PC" not in err   # an invite never sent from here


def test_a_decline_refused_for_a_key_rotated_elsewhere_is_sent_once_the_keys_are_put_back(
        world, capsys):
    """The key rotated from a copy of the home, the decline made here was refused `403
    wrong_key` and recorded as never to be sent: put the keys back as told, and no sync, `run`
    or app ever sent it. It is now signed anew with the key pinned and sent by the next sync;
    one refused for another reason is not (the portal keeps it refused)."""
    w = world
    copy = Run(w.run.home.parent / "copy", capsys)
    shutil.copytree(w.run.home, copy.home)
    assert copy("keys", "rotate")[0] == 0
    code, _, err = w.run("decline", "--reason", "not my street", "--", w.jti)
    assert code == 0 and "not sent" in err and "another key registered for you" in err, err
    assert "once the keys are put back, it is signed anew and sent at the next" in err, err
    code, out, _ = w.run("inbox", "show", "--", w.jti)
    assert "once the keys are put back, it is signed anew" in out, out
    assert w.run("inbox", "sync")[0] == 0   # the same key: not sent again unchanged
    assert w.portal.decisions() == [] and w.proxy.count("POST", "/decision") == 1

    _restore(w.run.home / "keys", copy.home / "keys")   # as told
    shutil.copy(copy.home / "registrations.json", w.run.home / "registrations.json")
    code, _, err = w.run("inbox", "sync")
    assert code == 0, err
    (decision,) = w.portal.decisions()
    assert decision["decision"] == "decline" and decision["reason"] == "not my street"
    shown = w.show()
    assert shown["status"] == "declined" and shown["decision"]["error"] is None
    assert shown["decision"]["sent_at"] is not None
    assert w.run("inbox", "sync")[0] == 0 and w.proxy.count("POST", "/decision") == 2
    assert w.run("log", "verify")[0] == 0
