"""Changing the trust store when its second write fails: the agencies' folder on a disk with room
and the home (where registrations.json lives) on a full one, both real tmpfs disks (root only;
skipped elsewhere). A change that stops half way (the same as a crash between its two writes)
must leave nothing unsafe: never a bearer token kept for an agency whose new file sends it to
another portal, never registrations of a removed agency that come back when it is added again."""
from __future__ import annotations

import json
import shutil

import pytest

from agent.requests.agencies import TrustStore, TrustStoreError
from portal.state import Portal
from tests.registering import keep_unpinned
from tests.test_cli_plain_storage import _mount_tmpfs, _umount

AGENCY_ID = "https://police.example.gov"


@pytest.fixture
def split_home(tmp_path):
    """(home, agency file, the same agency's file naming another portal, fill): the home on
    a small disk, its agencies folder on another; fill() leaves the home's disk full."""
    home, agencies = tmp_path / "home", tmp_path / "home" / "agencies"
    if not _mount_tmpfs(home, "size=1m"):
        pytest.skip("no disk of our own can be mounted here (root only)")
    if not _mount_tmpfs(agencies, "size=1m"):
        _umount(home)
        pytest.skip("no second disk can be mounted here")
    portal = Portal.init(tmp_path / "portal", "Example PD", AGENCY_ID, "+1-206-555-0100")
    files = []
    for name, origin in (("agency.json", "https://portal.police.example.gov"),
                         ("moved.json", "https://elsewhere.example.net")):
        files.append(tmp_path / name)
        files[-1].write_text(json.dumps(portal.trust_document(origin)))
    trust = TrustStore(home)
    trust.add(files[0])
    keep_unpinned(home, AGENCY_ID, "reg-1", "bearer-secret")

    def fill() -> None:
        (home / "filler").write_bytes(b"\0" * shutil.disk_usage(home).free)
    try:
        yield home, files[0], files[1], fill
    finally:
        _umount(agencies)
        _umount(home)


def test_a_new_portal_whose_registrations_cannot_be_forgotten_is_not_imported(split_home):
    """Before: the new file was written first, then forgetting the registrations failed: the
    bearer token stayed, for an agency whose portal was now the other origin."""
    home, _, moved, fill = split_home
    fill()
    with pytest.raises(TrustStoreError, match="full"):
        TrustStore(home).add(moved, replace=True)
    trust = TrustStore(home)
    assert trust.get(AGENCY_ID).portal == "https://portal.police.example.gov/v1"
    assert trust.portal_token(AGENCY_ID, "reg-1") == "bearer-secret"   # its own portal still


def test_an_agency_whose_registrations_cannot_be_forgotten_is_not_removed(split_home):
    """Before: the agency file went first, then forgetting its registrations failed: the
    agency looked removed, and adding it again brought its registration back."""
    home, original, _, fill = split_home
    fill()
    with pytest.raises(TrustStoreError, match="full"):
        TrustStore(home).remove(AGENCY_ID)
    trust = TrustStore(home)
    assert trust.get(AGENCY_ID) is not None   # nothing changed: still listed, to remove again
    assert trust.registrations() == {AGENCY_ID: ["reg-1"]}
    (home / "filler").unlink()
    assert trust.remove(AGENCY_ID) and trust.registrations() == {}
    trust.add(original)   # added again later: it comes back without its registration
    assert trust.registrations() == {}
