"""The Agent's methods for the owner's set-up and records (trust store, registrations, activity
log, a first look at a recordings folder, zones) and the view types it hands the app."""
from __future__ import annotations

import dataclasses
import json
from zoneinfo import ZoneInfo

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

import agent.views
from agent.requests import desk_decisions
import frp.claims
import frp.registration
from agent.index.first_look import LOOK_LIMIT
from agent.service import Agent, AgentError, Refusal
from tests.registering import keep_unpinned
from frp.jws import public_jwk

AGENCY_ID = "https://police.example.gov"


def agency_file(tmp_path, name="Example Police Department"):
    doc = {"frp": 1, "id": AGENCY_ID, "name": name, "phone": "+1-206-555-0100",
           "portal": "https://frp.police.example.gov/v1",
           "upload_origins": ["https://upload.police.example.gov"],
           "keys": {"keys": [public_jwk(Ed25519PrivateKey.generate())]}}
    path = tmp_path / "agency.json"
    path.write_text(json.dumps(doc))
    return path


@pytest.fixture
def owner(tmp_path):
    a = Agent(tmp_path / "home")
    yield a
    a.close()


def test_agencies_are_added_registered_listed_and_removed(owner, tmp_path):
    assert owner.agencies() == [] and owner.registrations() == {}
    added = owner.add_agency(agency_file(tmp_path))
    assert added.name == "Example Police Department" and added.fingerprints()
    assert owner.agencies() == [added]
    assert owner.requests.trust.get(AGENCY_ID) == added   # the desk verifies with the same
    keep_unpinned(owner.home, AGENCY_ID, "reg-7")   # a registration made elsewhere
    assert owner.registrations() == {AGENCY_ID: ["reg-7"]}
    assert owner.requests.trust.portal_token(AGENCY_ID, "reg-7") is None
    (view,) = owner.registration_views()
    assert (view.id, view.owner_id, view.certificate) == ("reg-7", None, None)
    assert owner.remove_agency(AGENCY_ID) is True
    assert owner.agencies() == [] and owner.registrations() == {}
    assert owner.remove_agency(AGENCY_ID) is False


def test_a_bad_agency_file_or_an_unknown_agency_is_refused_with_the_reason(owner, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    with pytest.raises(Refusal):
        owner.add_agency(bad)
    with pytest.raises(Refusal, match="cannot read the agency file"):
        owner.add_agency(tmp_path / "missing.json")
    assert owner.agencies() == []


def test_activity_lists_the_log_and_its_check_notices_an_edit(owner, tmp_path):
    owner_id = owner.owner_key().public.owner_id()   # made now: the log's first record
    owner.requests.audit.append("decline", id="req-1", reason="not ours")
    owner.requests.audit.append("release", id="req-1")
    records = owner.activity()
    assert [(r.seq, r.event, r.data) for r in records] == [
        (1, "key-created", {"owner": owner_id, "passphrase": False}),
        (2, "decline", {"id": "req-1", "reason": "not ours"}), (3, "release", {"id": "req-1"})]
    assert all(r.at.endswith("Z") and r.at_us is not None for r in records)
    assert records[0].at_us <= records[1].at_us <= records[2].at_us
    report = owner.verify_activity()
    assert report.ok and report.count == 3 and report.sealed == 3
    log = owner.home / "audit.log"
    log.write_text(log.read_text().replace("not ours", "not mine"))
    report = owner.verify_activity()
    assert not report.ok and "line 2 was edited" in report.problems[0]


def test_look_at_folder_recognises_the_recorder_cameras_and_utc_names(owner, tmp_path):
    root = tmp_path / "nvr"
    for cam, minute in (("driveway", "07"), ("porch", "08")):
        f = root / "recordings" / "2026-03-08" / "10" / cam / f"{minute}.40.mp4"
        f.parent.mkdir(parents=True)
        f.write_bytes(b"")
    (root / "notes.txt").write_text("not a recording")
    facts = owner.look_at_folder(root)
    assert (facts.path, facts.recordings, facts.layout, facts.cameras) == (
        str(root), 2, "frigate", ("driveway", "porch"))
    assert facts.names_in_utc and not facts.more
    assert facts.layout in owner.layouts() and "auto" not in owner.layouts()
    assert owner.sources() == []   # looking registers nothing


def test_look_at_folder_of_local_time_names_and_of_no_folder(owner, tmp_path):
    root = tmp_path / "card" / "Mp4Record" / "2026-03-08"
    root.mkdir(parents=True)
    (root / "RecM01_20260308_100740_100940_6D28808_1C3F8B0.mp4").write_bytes(b"")
    facts = owner.look_at_folder(tmp_path / "card")
    assert facts.layout == "reolink-sd" and not facts.names_in_utc
    with pytest.raises(AgentError, match="is not a folder"):
        owner.look_at_folder(tmp_path / "no-such-folder")
    assert LOOK_LIMIT >= 1000


def test_local_zone_is_a_zone_name(owner, monkeypatch):
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    assert owner.local_zone() == "America/Los_Angeles"
    monkeypatch.delenv("TZ")
    ZoneInfo(owner.local_zone())   # whatever this PC says, it is a usable zone


def test_every_view_type_is_exported_by_name_and_frozen():
    assert sorted(agent.views.__all__) == sorted(set(agent.views.__all__))
    for name in agent.views.__all__:
        kind = getattr(agent.views, name)
        if name in ("one_line", "multi_line"):   # the display sanitiser, a function
            assert callable(kind) and kind.__module__ == "frp.text", name
        elif name in ("headless_words", "stepped_words"):   # a recording an export read in part
            assert callable(kind) and kind.__module__.startswith("agent.export."), name
        elif name == "write_atomic":   # a file written whole as the agent's own are (autostart)
            assert callable(kind) and kind.__module__ == "agent.storage", name
        elif name == "picture_rank":   # which of a camera's pictures masks are drawn on
            assert callable(kind) and kind.__module__ == "agent.media.frame_reader", name
        elif name in ("same_shape", "drawn_on"):   # masks' picture: its shape, which one
            assert callable(kind) and kind.__module__ == "agent.export.mask_pictures", name
        elif name == "encloses_area":   # corners a mask can hide the area of
            assert callable(kind) and kind.__module__ == "agent.export.masks", name
        elif name == "covers_a_pixel":   # corners going around a pixel of their picture
            assert callable(kind) and kind.__module__ == "agent.export.mask_bitmap", name
        elif name == "drive_rooted":   # a folder the owner typed, E: alone the drive's root
            assert callable(kind) and kind.__module__ == "agent.owner_paths", name
        elif name == "NotAFolderPath":   # its refusal: a network computer without its share
            assert issubclass(kind, Exception) and kind.__module__ == "agent.owner_paths", name
        elif name in ("folder_camera_name", "offered_name"):   # names a folder or device offers
            assert callable(kind) and kind.__module__ == "agent.index.camera_names", name
        elif name == "usable_clock_offset":   # a folder's clock offset the agent can apply
            assert callable(kind) and kind.__module__ == "agent.timebase", name
        elif name == "WRONG_KEY":   # the portal's code for a decision signed by another key
            assert kind == "wrong_key", name
        elif name == "SENDING_DECLINE":   # the stage a decline reports while it sends
            assert kind is desk_decisions.SENDING_DECLINE, name
        elif name in ("HOLD_WAITING", "HOLD_COPYING", "HOLD_DOWNLOADING"):   # a copy's stages
            from agent.requests import hold_copies
            assert kind is getattr(hold_copies, name), name
        elif name == "shared_key_marks":   # two trusted agencies listing one key, marked
            assert callable(kind) and kind.__module__ == "agent.requests.agency_changes", name
        elif name == "MAX_MESSAGE_CHARS":   # the protocol's limit, for the app's reason box
            assert kind is frp.claims.MAX_MESSAGE_CHARS, name
        elif name == "CAMERA_NAME_CHARS":   # the protocol's limit, for the cameras page
            assert kind is frp.registration.CAMERA_NAME_CHARS, name
        elif dataclasses.is_dataclass(kind):
            assert kind.__dataclass_params__.frozen, name
        else:   # FileRow: a NamedTuple
            assert issubclass(kind, tuple), name
    assert {"RequestView", "Source", "FileRow", "Coverage", "CameraMasks", "Polygon", "Agency",
            "FolderFacts", "LogRecord", "PreviewFrame"} <= set(agent.views.__all__)
