"""Refusals added by this round's hunts, in the owner's language: a safe copy the disk has no
room for, packages over what the request lets the agency take, a recordings folder inside
or around one added already, and approving a request that expired while its page was open
(the app showed it in English). Each message is
made by the agent's own code; every part of it must be a known sentence, read in Spanish with
its values kept (tests/test_gui_core_words.py checks the others the same way)."""
from __future__ import annotations

import json
import os
import re
import types

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
import pytest  # noqa: E402

import sqlite3  # noqa: E402

from agent.export.path_room import home_too_deep  # noqa: E402
from agent.index.store_errors import disk_words  # noqa: E402
from agent.recorders.credentials import NOT_IN_KEYCHAIN  # noqa: E402
from agent.requests.approval_run import chosen_approval  # noqa: E402
from agent.requests.approval_step import ApprovalRefused, OverLimit  # noqa: E402
from agent.requests.desk_decisions import resumable  # noqa: E402
from agent.requests.package_delivery import footage_outside, forgotten  # noqa: E402
from agent.requests.tus_uploads import approved_elsewhere, no_more_uploads, received_elsewhere  # noqa: E402,E501
from agent.requests.polling import delivered_elsewhere, not_trusted  # noqa: E402
from agent.requests.portal_answers import PortalError  # noqa: E402
from agent.requests.portal_retries import PORTAL_WAIT_CAP_S, _busy_words  # noqa: E402
from agent.requests.tus_uploads import changed_while_sent  # noqa: E402
from agent.requests.hold_room import room_problem  # noqa: E402
from agent.requests.package_delivery import within_limit  # noqa: E402
from agent.requests.portal_answers import PortalError, check_status  # noqa: E402
from agent.requests.running_deliveries import CUT_OFF, CUT_OFF_SENDING  # noqa: E402
from agent.requests.registering import key_lost, lost_words  # noqa: E402
from agent.requests.tus_uploads import decided_elsewhere  # noqa: E402
from agent.storage import newer_layout  # noqa: E402
from gui.views.core_words import in_owner_language, matches  # noqa: E402
from gui.views.display import NBSP  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_gui_core_words import _values, spanish_of  # noqa: E402
from tests.test_registration_agent import cas  # noqa: E402,F401


def read_in_spanish(message: str) -> str:
    """The Spanish the app should show: each part (between ": " and "; ") a known sentence."""
    parts = re.split(r"(: |; )", message)
    out = []
    for part in parts:
        if part in (": ", "; "):
            out.append(part)
            continue
        template = matches(part)
        assert template is not None, f"no template for {part!r}"
        out.append(spanish_of(template, **_values(template, part)))
    return "".join(out)


def refusal(call, kind) -> str:
    with pytest.raises(kind) as caught:
        call()
    return str(caught.value)


@pytest.mark.parametrize("count", [1, 2])
def test_a_safe_copy_the_disk_has_no_room_for_reads_in_spanish(spanish, tmp_path, count):
    rows = [types.SimpleNamespace(size=10**18, status="ok")] * count
    message = room_problem(tmp_path, rows, 0, 1)
    said = in_owner_language(message)
    assert said == read_in_spanish(message) and f"{count * 10**18:,}" in said
    assert "recording" not in said


@pytest.mark.parametrize("sizes, received, uncut, undecided", [
    ((1500,), 0, 0, False), ((600, 600), 0, 0, False), ((600, 600), 1, 0, False),
    ((1500,), 0, 1, False), ((600, 600), 0, 30, False), ((600, 600), 0, 0, True),
    ((1500,), 0, 1, True)])
def test_packages_over_the_requests_limit_read_in_spanish(spanish, sizes, received, uncut,
                                                          undecided):
    deliveries = [types.SimpleNamespace(camera=name, size=size)
                  for name, size in zip(("yard", "porch"), sizes)]
    step = types.SimpleNamespace(request=types.SimpleNamespace(upload_max_bytes=1000),
                                 agency=types.SimpleNamespace(name="Example City Police"))
    message = refusal(lambda: within_limit(step, deliveries, deliveries[received:], uncut,
                                           undecided), OverLimit)
    said = in_owner_language(message)
    assert said == read_in_spanish(message) and "Example City Police" in said
    assert "not exported" not in said and (not uncut or f" {uncut} " in said)


def test_a_request_decided_elsewhere_reads_in_spanish(spanish):
    """A home put back from a backup approves a request declined since (test_restored_home)."""
    message = decided_elsewhere("Example City Police")
    said = in_owner_language(message)
    assert said == read_in_spanish(message) and "Example City Police" in said
    assert "backup" not in said


def test_a_package_outside_the_approval_the_agency_holds_reads_in_spanish(spanish):
    """A home put back from a backup approves other cameras than the approval the portal
    holds (test_approval_bounds); the portal finds footage outside the approved window in a
    package (test_portal_footage_window)."""
    for words in (approved_elsewhere, received_elsewhere, footage_outside,
                  delivered_elsewhere):
        message = words("Example City Police", "yard") if words is not delivered_elsewhere \
            else words("Example City Police")
        said = in_owner_language(message)
        assert said == read_in_spanish(message) and "Example City Police" in said
        assert "backup" not in said and ("yard" in said or words is delivered_elsewhere)


def test_a_request_the_portal_takes_no_more_uploads_for_reads_in_spanish(spanish):
    """A portal at its limit of uploads for the request (test_delivery_faults)."""
    message = no_more_uploads("Example City Police", "yard")
    said = in_owner_language(message)
    assert said == read_in_spanish(message) and "Example City Police" in said
    assert "yard" in said and "no more uploads" not in said


@pytest.mark.parametrize("status, code", [(403, "wrong_key"), (401, "unauthorized")])
def test_a_registration_changed_from_another_copy_of_the_home_reads_in_spanish(spanish, status,
                                                                                code):
    """A backup from before a key rotation or an unregistration put back (test_restored_home)."""
    answer = httpx.Response(status, json={"error": code, "detail": "the portal's own words"})
    agency = types.SimpleNamespace(name="Example City Police")
    message = refusal(lambda: check_status(answer, answer.content, agency,
                                           httpx.URL("https://portal.example/v1")), PortalError)
    said = in_owner_language(message)
    assert said == read_in_spanish(message) and "Example City Police" in said
    assert "backup" not in said and "portal's own words" not in said


def test_an_invite_used_by_a_registration_whose_answer_was_lost_reads_in_spanish(spanish):
    """A register killed before its answer was kept, tried again (test_restored_home)."""
    message = f"registering with Example City Police failed: {lost_words('Example City Police')}"
    said = in_owner_language(message)
    assert said == read_in_spanish(message) and said.count("Example City Police") == 2


def test_unregistering_with_a_lost_key_reads_in_spanish(spanish):
    """Unregistering one pinned to a key the home lost, while the agency holds it
    (test_lost_key)."""
    message = key_lost("Example City Police", "reg-7")
    said = in_owner_language(message)
    assert said == read_in_spanish(message) and "reg-7" in said and "registration" not in said


def test_a_registration_of_an_agency_not_trusted_now_reads_in_spanish(spanish):
    """The line above the inbox for a registration whose agency's file is not what the owner
    accepted (test_lost_key): no request can arrive, and why."""
    from agent.requests.poll_trouble import PortalTrouble
    from gui.views.requests import unreachable_text
    trouble = PortalTrouble("https://police.example.gov", "reg-7", 1_800_000_000 * 10**6, 3,
                            not_trusted("https://police.example.gov"))
    said = unreachable_text([trouble], "UTC")
    assert "no es de confianza ahora" in said and "No puede llegar" in said
    assert "not trusted" not in said and "https://police.example.gov" in said


@pytest.mark.parametrize("what", ["the index", "the inbox", "the registrations file",
                                  "the activity log's seal",
                                  "the record of the agencies you accepted"])
def test_a_file_a_newer_version_wrote_reads_in_spanish(spanish, what):
    """The home folder last used by a newer footage-agent (test_home_layouts)."""
    message = newer_layout(what, "/home/ann/footage-agent/x", 3, 2)
    said = in_owner_language(message)
    assert "/home/ann/footage-agent/x" in said and "newer" not in said and "3" in said


@pytest.mark.parametrize("words", [CUT_OFF, CUT_OFF_SENDING])
def test_a_delivery_cut_off_by_a_crash_reads_in_spanish(spanish, words):
    """The reason a delivery killed part way is left with (test_cut_off_delivery), before an
    upload was made or once one was (test_inbox_disk_full_delivery)."""
    said = in_owner_language(words)
    assert "footage-agent" in said and "stopped" not in said and "approve it" not in said
    assert "Intentar enviar de nuevo" in said and ("recibo" in said) == (words != CUT_OFF)


def test_a_folder_inside_or_around_one_added_reads_in_spanish(spanish, tmp_path):
    from agent.errors import Refusal
    from agent.service import Agent

    porch = tmp_path / "recordings" / "porch"
    (porch / "2026").mkdir(parents=True)
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(porch, tz="UTC")
        for folder in (porch.parent, porch / "2026"):
            message = refusal(lambda: agent.add_source(folder, tz="UTC"), Refusal)
            said = in_owner_language(message)
            assert said == read_in_spanish(message) and str(porch) in said
    finally:
        agent.close()


def test_a_folder_holding_or_inside_the_apps_own_reads_in_spanish(spanish, tmp_path):
    from agent.errors import Refusal
    from agent.service import Agent

    agent = Agent(tmp_path / "home")
    try:
        (tmp_path / "home" / "holds").mkdir()
        for folder in (tmp_path, tmp_path / "home" / "holds"):
            message = refusal(lambda: agent.add_source(folder, tz="UTC"), Refusal)
            said = in_owner_language(message)
            assert said == read_in_spanish(message) != message
            assert str(folder) in said and "footage-agent" in said
    finally:
        agent.close()


def test_recorder_passwords_locked_or_opened_wrong_read_in_spanish(spanish, tmp_path,
                                                                   cheap_scrypt):
    from agent.recorders.credentials import CredentialError, CredentialStore

    CredentialStore(tmp_path, keyring_backend=False,
                    passphrase=lambda: b"the one").save("https://nvr", "pw")
    locked = refusal(CredentialStore(tmp_path, keyring_backend=False,
                                     passphrase=lambda: None).check_passphrase, CredentialError)
    said = in_owner_language(locked)
    assert "llavero" in said and "Desbloquear" in said and "FOOTAGE_AGENT" not in said
    wrong = refusal(CredentialStore(tmp_path, keyring_backend=False,
                                    passphrase=lambda: b"another").check_passphrase,
                    CredentialError)
    assert in_owner_language(wrong) == read_in_spanish(wrong) != wrong


def test_a_registration_answer_naming_one_held_already_reads_in_spanish(spanish, tmp_path,
                                                                        cas):
    from agent.audit.log import AuditLog
    from agent.errors import Refusal
    from agent.requests import registering
    from agent.requests.portal_client import PortalClient
    from frp.registration import Contact
    from portal.ca import issue_owner_certificate
    from tests.test_registration_agent import AGENCY_ID, CODE, HOME_CAMERAS, answering_portal

    ours, _ = cas
    home = tmp_path / "home"
    with answering_portal(tmp_path, home, ours) as (server, trust, key):
        server.answer = {"registration": "reg-1", "token": "bearer",
                         "certificate": issue_owner_certificate(ours, key.public.raw)}
        with PortalClient() as client:
            def again():
                registering.register(trust, client, AuditLog(home), key, AGENCY_ID, CODE,
                                     Contact("Ann"), HOME_CAMERAS)
            again()
            message = refusal(again, Refusal)
    said = in_owner_language(message)
    assert said == read_in_spanish(message) and "reg-1" in said


def test_a_camera_with_nothing_indexed_or_typed_wrong_reads_in_spanish(spanish, tmp_path):
    from agent.errors import NotFound
    from agent.service import Agent

    from demo.samples import ClipSpec, write_clip
    from tests.conftest import t

    (tmp_path / "porch").mkdir()
    write_clip(ClipSpec(path=tmp_path / "yard" / "yard.20261120_220000.mp4",
                        start_us=t("2026-11-20T22:00:00Z"), seconds=2, fps=5))
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(tmp_path / "porch", tz="UTC")   # added, never scanned
        agent.scan([str(tmp_path / "yard")], tz="UTC")
        message = refusal(lambda: agent.indexed_camera("porch"), NotFound)
        said = in_owner_language(message)
        assert said == read_in_spanish(message) and "Ajustes" in said   # not a command
        assert "footage-agent" not in said
        message = refusal(lambda: agent.indexed_camera("yrd"), NotFound)
        unknown, meant = message.split("; ")   # "(known: yard)" holds a colon of its own
        assert in_owner_language(message) == "; ".join(
            spanish_of(matches(part), **_values(matches(part), part)) for part in (unknown, meant))
        assert "«yard»" in in_owner_language(message)
    finally:
        agent.close()


def test_approving_a_request_that_expired_while_its_page_was_open_reads_in_spanish(spanish):
    entry = types.SimpleNamespace(jti="req-7", status="expired", expires_at_us=1_796_000_000 * 10**6)
    message = refusal(lambda: chosen_approval(None, None, entry, None, None, None, None, None,
                                              None, None, None), ApprovalRefused)
    template = matches(message)
    assert template is not None
    assert in_owner_language(message) == spanish_of(template, **_values(template, message))
    assert "req-7" in in_owner_language(message) and "expired" not in in_owner_language(message)


def _delivery_failures() -> list[str]:
    step = types.SimpleNamespace(agency=types.SimpleNamespace(name="Example City Police"))
    busy = PortalError("HTTP 502", status=502)
    return [resumable(_busy_words(step, busy, 5, 0.5)),
            resumable(_busy_words(step, busy, 2, PORTAL_WAIT_CAP_S + 3000)),
            resumable(forgotten("Example City Police's portal refused (HTTP 409): finish it "
                                "first.")),
            resumable(changed_while_sent("porch"))]


@pytest.mark.parametrize("which", range(4))
def test_failures_that_say_to_approve_again_say_it_once_and_in_the_apps_words(spanish, which):
    """A failure whose own words say when to approve again (a busy portal, a forgotten upload, a
    package changed as it went) was given '(approve it again to resume)' as well, twice the
    advice; the app showed both in English, the command line's words."""
    message = _delivery_failures()[which]
    assert message.count("approve it again") == 1, message
    said = in_owner_language(message)
    assert "approve it again" not in said and "Intentar enviar de nuevo" in said, said
    assert "busy or down" not in said and "forgot" not in said and "changed on" not in said


@pytest.mark.parametrize("what", ["the index", "the inbox"])
@pytest.mark.parametrize("code", [sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR,
                                  sqlite3.SQLITE_READONLY, sqlite3.SQLITE_BUSY])
def test_the_index_or_inbox_disk_words_read_in_spanish(spanish, tmp_path, what, code):
    """The crash-and-restore hunt's disk words for the two databases (a full disk, a failing
    one, read-only, held by another program) were English in the Spanish app, whose notice
    above every page now shows an index that cannot be opened."""
    error = sqlite3.OperationalError("disk trouble")
    error.sqlite_errorcode = code
    message = disk_words(what, tmp_path / "index.db", error)
    template = matches(message)
    assert template is not None, message
    said = in_owner_language(message)
    assert said == spanish_of(template, **_values(template, message))
    assert str(tmp_path / "index.db") in said and what not in said


def test_a_recorder_password_left_in_another_pcs_keychain_reads_in_spanish(spanish):
    said = in_owner_language(NOT_IN_KEYCHAIN)
    assert said != NOT_IN_KEYCHAIN and "llavero" in said


def test_the_activity_log_says_the_cores_reasons_in_spanish_and_the_owners_as_typed(spanish):
    """The Spanish app's activity log showed why a step failed or a request was refused in the
    core's English ("Motivo: interrupted") beside Spanish labels. It says them as the core did
    then, without the app's advice for now ("press 'Try sending again'")."""
    from PySide6.QtCore import QCoreApplication

    from agent.views import LogRecord
    from gui.views import activity

    def catalogue(text: str) -> str:
        said = QCoreApplication.translate("core", text)
        assert said != text
        return said

    refused = delivered_elsewhere("Example City Police")
    records = [LogRecord(0, "2026-12-01T10:00:00Z", None, event, data) for event, data in (
        ("upload", {"status": "failed", "reason": "cancelled"}),
        ("request-rejected", {"reason": refused, "reasons": [refused, "interrupted"]}),
        ("decline", {"status": "declined", "reason": "interrupted"}))]
    failed, rejected, declined = (activity.details(r.data, "UTC", cut=False,
                                                   typed=activity.typed(r)) for r in records)
    assert failed.endswith(f": {catalogue('cancelled')}") and "cancelled" not in failed
    assert read_in_spanish(refused) in rejected and "already received" not in rejected
    assert rejected.endswith(f"{read_in_spanish(refused)}, {catalogue('interrupted')}")
    assert declined.endswith(": interrupted")   # what the owner typed, as typed
    assert activity.row(records[0], "UTC")[2] == activity.details(records[0].data, "UTC")


@pytest.fixture
def desk_footage(tmp_path):
    """test_desk's cameras' folders, empty: a request is shown without their recordings."""
    for camera in ("porch", "yard"):
        (tmp_path / "rec" / camera).mkdir(parents=True)
    return tmp_path / "rec"


def test_a_request_its_agency_no_longer_vouches_for_says_why_in_spanish(spanish, tmp_path,
                                                                        desk_footage):
    """Seen in the Spanish app: a request whose agency was removed from the trust store, or
    whose agency's file now holds other keys, said why on its page in English."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from frp import jws
    from gui.views.requests import reason
    from tests.test_desk import AGENCY_ID, World, agency_doc, request_token

    world = World(tmp_path, desk_footage)
    try:
        world.desk.import_request(world.file(request_token()))
        doc = agency_doc("https://upload.police.example.gov")
        doc["keys"] = {"keys": [jws.public_jwk(Ed25519PrivateKey.generate())]}   # rotated
        rotated = tmp_path / "rotated.json"
        rotated.write_text(json.dumps(doc))
        world.desk.trust.add(rotated, replace=True)
        unverified = world.desk.show("req-1")
        world.desk.trust.remove(AGENCY_ID)
        removed = world.desk.show("req-1")
    finally:
        world.close()
    for view, english in ((unverified, "no longer verifies"), (removed, "trust store")):
        assert english in view.problem, view.problem
        said = reason(view)
        assert english not in said and "request" not in said, said
    assert AGENCY_ID in reason(removed)


def test_agencies_a_newer_version_accepted_are_not_to_be_imported_again_in_spanish(spanish):
    """Settings' row for an agency file left untrusted by a newer version's record of the
    agencies accepted (test_home_layouts): that version's words alone, in Spanish, without
    'import the agency's file again', which would sign this version's record over it."""
    from types import SimpleNamespace

    from PySide6.QtCore import QCoreApplication

    from agent.owner_records import DamagedAgencyFile
    from gui.widgets.agencies_panel import AgenciesPanel
    panel = SimpleNamespace(tr=lambda text: QCoreApplication.translate("AgenciesPanel", text))
    why = newer_layout("the record of the agencies you accepted", "/home/ann/agencies.pins", 2, 1)
    (_, _, shown) = AgenciesPanel._damaged_row(panel, DamagedAgencyFile("x.json", why,
                                                                        newer=True))
    assert "/home/ann/agencies.pins" in shown and "versión más nueva" in shown
    assert "importe" not in shown and "newer" not in shown


def test_a_requests_package_too_deep_for_windows_reads_in_spanish(spanish):
    """test_path_room's approval in the app's own folder, too deep for Windows."""
    home = "C:\\Users\\Margaret Thompson\\AppData\\Local\\footage-agent"
    message = home_too_deep(home, 283)
    said = in_owner_language(message)
    assert said == read_in_spanish(message) and home in said and "283" in said
    assert "Enable Win32 long paths" in said and "LongPathsEnabled" in said
    assert "Windows allows" not in said
    resumed = in_owner_language(message + " (approve it again to resume)")   # as approving says
    assert resumed.startswith(said) and "approve it again" not in resumed


def test_a_folder_name_the_usb_stick_refuses_reads_in_spanish(spanish, tmp_path):
    """The app's Export page types `Police: porch` on a FAT or exFAT stick
    (test_cli_plain::test_a_folder_name_the_stick_refuses_is_said_in_plain_words): the path,
    with the ': ' the stick refused, stays whole and the rest reads in Spanish."""
    from agent.export.destination import refused_name_words

    message = refused_name_words(tmp_path / "Police: porch")
    said = in_owner_language(message)
    assert said.startswith(f"{tmp_path / 'Police: porch'}: ") and "unidad no admite" in said
    assert "does not take" not in said


def test_a_window_the_camera_captured_no_picture_in_reads_in_spanish(spanish):
    """test_export_cli::test_a_window_no_picture_was_captured_in_is_refused_as_nothing_found:
    the agent's own words, with and without the copy's hint, read in Spanish."""
    from agent.export.clip_writer import _no_frames_words

    for may_find in (True, False):
        message = _no_frames_words(may_find, stepped=False)
        said = in_owner_language(message)
        assert said.startswith("ninguna imagen de esta cámara") and "camera" not in said
    assert "no captó ninguna imagen" in in_owner_language(_no_frames_words(False, False))


def test_a_window_where_the_camera_changed_codec_reads_in_spanish(spanish, tmp_path):
    """test_export_by_hand::test_a_window_where_the_camera_changed_codec_says_where_to_split_it:
    the agent's own words, for one change and for several, read in Spanish, time kept."""
    from types import SimpleNamespace as Seen

    from agent.export.clip_writer import codec_change_words
    from agent.timebase import US

    def source(at, codec):
        return Seen(span=Seen(start_us=at * US), codec=codec)
    one = [source(1_780_000_000, "h264"), source(1_780_000_004, "hevc")]
    for sources in (one, one + [source(1_780_000_008, "h264")]):
        message = codec_change_words(sources)
        template = matches(message)
        assert template is not None, f"no template for {message!r}"
        said = in_owner_language(message)
        assert said == spanish_of(template, **_values(template, message)) != message
        assert "cambian de códec" in said and "H.264 antes, H.265 desde entonces" in said


@pytest.mark.parametrize("stream", ["crop", "ext"])
def test_a_window_only_a_crop_or_other_lens_recorded_reads_in_spanish(spanish, stream):
    """Masks hunt: a masked window recorded only by a camera's crop or other lens is refused
    (the masks would fall elsewhere on it); the app says it in the owner's language, with its
    own option rather than the command line's."""
    from agent.export.mask_pictures import masks_elsewhere

    row = types.SimpleNamespace(stream=stream, path="/card/RecC01_20261120_220002.mp4")
    cov = types.SimpleNamespace(camera="porch", files=(row,), start_us=1_795_000_000 * 10**6,
                                end_us=1_795_000_002 * 10**6)
    message = masks_elsewhere(cov)
    said = in_owner_language(message)
    assert said == read_in_spanish(message)
    assert "«porch»" in said and "RecC01_20261120_220002.mp4" in said
    assert "--no-masks" not in said and "picture" not in said


def test_a_window_of_another_picture_shape_than_the_masks_reads_in_spanish(spanish):
    """Masks hunt: a masked window whose picture has another shape than the one the masks
    were drawn on is refused; the app says it in the owner's language, with its own option
    rather than the command line's."""
    from agent.export.mask_pictures import masks_misplaced
    from agent.export.masks import CameraMasks, Polygon

    row = types.SimpleNamespace(stream=None, path="/porch/porch.20261120_220002.mp4",
                                width=320, height=240)
    cov = types.SimpleNamespace(camera="porch", files=(row,), start_us=1_795_000_000 * 10**6,
                                end_us=1_795_000_002 * 10**6)
    masks = CameraMasks("porch", (Polygon(((0, 0), (1, 0), (1, 1))),), (320, 180))
    message = masks_misplaced(cov, masks)
    said = in_owner_language(message)
    assert said == read_in_spanish(message)
    assert "«porch»" in said and "320 x 240" in said and "320 x 180" in said
    assert "--no-masks" not in said and "picture" not in said


@pytest.mark.parametrize("undecided", [True, False])
@pytest.mark.parametrize("advice", ["AWAY", "LOOK_AGAIN", "ONE_SHAPE"])
def test_an_approval_its_masks_cannot_be_placed_on_reads_in_spanish(spanish, advice, undecided):
    """Masks hunt: a delivery's cut refused because the masks cannot be placed on the approved
    footage says what the owner can do (approval_change.masks_way_on), in the owner's
    language, with the request page's button rather than the command line's words: for a crop
    (AWAY), a picture of another shape the masks page can show (LOOK_AGAIN) or one it cannot,
    the page showing the masks' own shape (ONE_SHAPE)."""
    from agent.export import mask_pictures
    from agent.export.mask_pictures import MasksElsewhere, misplaced
    from agent.export.masks import CameraMasks, Polygon
    from agent.requests.approval_change import masks_way_on

    shape = advice != "AWAY"
    row = types.SimpleNamespace(stream=None if shape else "crop", width=320, height=240,
                                path="/porch/RecC01_20261120_220002.mp4")
    cov = types.SimpleNamespace(camera="porch", files=(row,), start_us=1_795_000_000 * 10**6,
                                end_us=1_795_000_002 * 10**6)
    shown = (320, 180) if advice == "ONE_SHAPE" else (320, 240)
    found = misplaced(cov, CameraMasks("porch", (Polygon(((0, 0), (1, 0), (1, 1))),),
                                       (320, 180)), shown)
    assert found.advice == getattr(mask_pictures, advice)
    message = str(MasksElsewhere(found.why, masks_way_on(found.advice, undecided)))
    said = in_owner_language(message)
    assert said == read_in_spanish(message)
    assert "«porch»" in said and "--no-masks" not in said and "approve" not in said
    assert ("«Intentar enviar de nuevo»" in said) == (advice == "LOOK_AGAIN" or undecided)
    assert ("rechace la solicitud" in said) == (not undecided)
    assert ("una sola forma de imagen a la vez" in said) == (advice == "ONE_SHAPE")


def test_an_older_window_than_the_masks_shape_reads_in_spanish(spanish):
    """Masks hunt: a masked window of another shape than the masks, the masks page showing a
    recording of their own shape (mask_pictures.for_the_page): the app says that the masks
    fit one shape at a time in the owner's language, with its own option."""
    from agent.export.mask_pictures import masks_misplaced
    from agent.export.masks import CameraMasks, Polygon

    row = types.SimpleNamespace(stream=None, path="/porch/porch.20261120_220002.mp4",
                                width=320, height=240)
    cov = types.SimpleNamespace(camera="porch", files=(row,), start_us=1_795_000_000 * 10**6,
                                end_us=1_795_000_002 * 10**6)
    masks = CameraMasks("porch", (Polygon(((0, 0), (1, 0), (1, 1))),), (320, 180))
    message = masks_misplaced(cov, masks, (320, 180))
    said = in_owner_language(message)
    assert said == read_in_spanish(message)
    assert "una sola forma de imagen a la vez" in said and "Usar máscaras de privacidad" in said
    assert "--no-masks" not in said and "picture" not in said


def test_a_card_at_another_drive_letter_reads_in_spanish(spanish, tmp_path):
    """agent/owner_sources.py's refusal of a folder holding a missing folder's recordings
    (tests/test_moved_folder.py), made by the agent, in Spanish."""
    from agent.errors import Refusal
    from agent.service import Agent
    from tests.test_moved_folder import _card

    _card(tmp_path / "E" / "DCIM")
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(tmp_path / "E" / "DCIM", camera="porch", tz="UTC")
        agent.scan()
        (tmp_path / "E").rename(tmp_path / "F")
        message = refusal(lambda: agent.add_source(tmp_path / "F" / "DCIM"), Refusal)
    finally:
        agent.close()
    said = in_owner_language(message)
    assert said == read_in_spanish(message) != message
    assert str(tmp_path / "E" / "DCIM") in said and "porch" in said


@pytest.mark.parametrize("typed", ["\\\\nas", "\\\\"])
def test_a_network_computer_without_its_share_reads_in_spanish(spanish, typed):
    from agent.owner_paths import NotAFolderPath, drive_rooted

    message = refusal(lambda: drive_rooted(typed, "nt"), NotAFolderPath)
    said = in_owner_language(message)
    assert said == read_in_spanish(message) != message and "\\\\nas\\Recordings" in said


@pytest.mark.parametrize("typed", ["not my street", None])
def test_a_decline_refused_for_a_key_rotated_elsewhere_says_the_app_sends_it_again(spanish,
                                                                                  typed):
    """`inbox show` says a decline refused `403 wrong_key` is signed anew and sent at the next
    `inbox sync` once the keys are put back (test_restored_home); the app's request page
    showed only the portal's words, so the owner who put the keys back never learnt the app
    sends it by itself. Said in Spanish, with no command to type."""
    from dataclasses import replace

    from agent.views import WRONG_KEY
    from gui.views.requests import reason
    from tests.test_gui_views import VIEW
    answer = httpx.Response(403, json={"error": "wrong_key", "detail": "the portal's words"})
    agency = types.SimpleNamespace(name="Example City Police")
    why = refusal(lambda: check_status(answer, answer.content, agency,
                                       httpx.URL("https://portal.example/v1")), PortalError)
    refused = replace(VIEW, status="declined", reason=typed, decision_error=why,
                      decision_refusal=WRONG_KEY)
    said = reason(refused)
    assert "Example City Police" in said and "firmará de nuevo este rechazo" in said, said
    assert "inbox sync" not in said and "put back" not in said, said
    assert (typed or "") in said and "de nuevo. Cuando se vuelvan" in said, said
    assert ".." not in said, said
    other = reason(replace(refused, decision_refusal="already_decided"))
    assert "firmará" not in other and "Example City Police" in other, other


def test_a_portal_password_no_web_request_can_carry_reads_in_spanish(spanish):
    """A portal answering a registration with a bearer token holding an 'ö', refused, its
    withdrawal unsendable too; and one kept before the check, said at every call
    (test_registration_agent's carry test)."""
    from agent.errors import Refusal
    from agent.requests.portal_client import PortalClient
    from agent.requests.registering import usable_password
    agency = types.SimpleNamespace(name="Example City Police", id="https://police.example.gov",
                                   portal="https://frp.police.example.gov/v1")
    with pytest.raises(Refusal) as refused:
        usable_password(agency, "t\u00f6k")
    message = (f"{refused.value}; withdrawing it at the portal failed too: ask "
               "Example City Police to retire registration reg-7")
    said = in_owner_language(message)   # its last part holds ": " (read_in_spanish splits it)
    assert said.startswith(read_in_spanish(str(refused.value))), said
    assert "reg-7" in said and "4096" in said and "password" not in said, said
    assert "withdrawing" not in said and "retire" not in said, said
    with PortalClient() as client, pytest.raises(PortalError) as kept:
        client.call(agency, "GET", "/requests", "t\u00f6k")
    said = in_owner_language(str(kept.value))   # one sentence, whole
    assert said.startswith("la contraseña del portal guardada para su registro con Example "
                           "City Police"), said
    assert "invitación" in said and "password" not in said and "ask" not in said, said


def test_an_answer_that_is_no_http_reads_in_spanish(spanish):
    """A portal or upload server answering with garbage or megabytes of headers
    (test_portal_client's and test_upload's no_http tests), said by network_words."""
    from agent.network_words import network_words
    words = network_words(httpx.RemoteProtocolError("illegal status line: bytearray(b'x')"))
    message = f"cannot reach Example City Police's portal: {words}"
    said = in_owner_language(message)
    assert "esta aplicación pueda leer" in said and "Example City Police" in said, said
    assert "web answer" not in said and "agency" not in said, said


def test_a_safe_copy_too_deep_for_windows_reads_in_spanish(spanish):
    """tests/test_hold_path_room.py's hold in the app's own folder, too deep for Windows."""
    from agent.requests.hold_room import path_problem

    home = "C:\\Users\\" + "M" * 170 + "\\AppData\\Local\\footage-agent"
    row = types.SimpleNamespace(path="/rec/porch/porch.20270115_060000.mp4", camera="porch",
                                status="ok", ranged=False)   # an index row, as copied
    message = path_problem(home, "req-1", [row], windows=True, probe=lambda: 0)
    said = in_owner_language(message)
    assert said == read_in_spanish(message) and home in said and "copia a salvo" in said
    assert "Enable Win32 long paths" in said and said.endswith("no se copió nada")
    assert "Windows allows" not in said and "nothing was copied" not in said


@pytest.mark.parametrize("asked, spanish_wait", [(86400.0, "un día"), (3 * 3600.0, "3 horas"),
                                                 (PORTAL_WAIT_CAP_S + 3000, "51 minutos")])
def test_a_long_wait_a_busy_portal_asks_for_reads_in_plain_units(spanish, asked, spanish_wait):
    """A Retry-After of a day was said 'it asks to wait 86,400 s' (in Spanish '86400 s'): the
    wait is said in minutes, hours or a day, in the owner's language."""
    step = types.SimpleNamespace(agency=types.SimpleNamespace(name="Example City Police"))
    message = resumable(_busy_words(step, PortalError("HTTP 503", status=503), 2, asked))
    said = in_owner_language(message)
    assert f"esperar {spanish_wait}: después" in said.replace(NBSP, " "), said
    assert spanish_wait == "un día" or NBSP + spanish_wait.split()[1] in said   # never parted
    assert " s:" not in said and "minutes" not in said and "hours" not in said, said


@pytest.mark.parametrize("why", ["the connection was cut off: try again",
                                 "it did not answer in time"])
def test_creations_whose_answers_were_lost_read_in_spanish(spanish, why):
    """An upload given up on after its creations' answers were lost (tus_setbacks, seen on a
    flaky uplink: test_upload.py::test_creations_whose_answers_are_lost_leave_the_server_few_uploads),
    saying to try again once: a cut connection's words say it already, and the sentence said it
    again at its end ("... cortó la conexión: vuelva a intentarlo), ... vuelva a intentarlo más
    tarde")."""
    from agent.delivery.tus_outcomes import Retry
    from agent.delivery.upload import UploadError
    job = types.SimpleNamespace(new_uploads=2)
    from agent.delivery.tus_setbacks import Setbacks
    with pytest.raises(UploadError) as gave_up:
        Setbacks._creation_unanswered(job, Retry("cannot reach the upload server "
                                                 f"http://127.0.0.1:9/files: {why}"))
    message = str(gave_up.value)
    assert message.lower().count("try again") == 1, message
    said = in_owner_language(message)
    assert "3 veces" in said and "conexión más estable" in said and "lost" not in said, said
    assert "http://127.0.0.1:9/files" in said and "cut off" not in said, said
    assert said.lower().count("vuelva a intentarlo") == 1, said
