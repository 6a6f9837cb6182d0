"""Registration as the app words it, without a screen (gui/views/registration_forms.py,
registration_review.py and registrations.py, and the activity log's new rows): the forms'
checks, places, certificates, what a refusal kept, and a key change's outcome."""
from __future__ import annotations

import datetime
import os
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.owner_registrations import KEY_NOT_HELD  # noqa: E402
from agent.views import Camera, CertificateFacts, Contact, KeyRotation, LogRecord, \
    RegistrationView  # noqa: E402
from gui.views import activity  # noqa: E402
from gui.views import registration_forms as forms  # noqa: E402
from gui.views import registration_review as reviewing  # noqa: E402
from gui.views import registrations as words  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401

ZONE = "America/Los_Angeles"
FACTS = CertificateFacts("pem", "owner-1", "O=Example PD,CN=Example PD registration CA",
                         "1f", 1_700_000_000, 1_800_000_000, "ab" * 32, b"k")
VIEW = RegistrationView("https://police.example.gov", "Example PD", "reg-1", "owner-1",
                        Contact("Ann"), (Camera("porch", address="1 Elm St"),), FACTS, None,
                        "2026-11-20T22:05:09Z", "2026-11-20T22:05:09Z")


@pytest.mark.parametrize("typed, point", [
    ("", None), ("  ", None), ("47.61, -122.33", (47.61, -122.33)),
    ("47.61 -122.33", (47.61, -122.33)), ("-90;180", (-90.0, 180.0))])
def test_a_map_point_is_two_numbers_as_map_apps_copy_them(typed, point):
    assert forms.read_point(typed) == point


@pytest.mark.parametrize("typed, says", [
    ("47.61", "two numbers"), ("north, west", "two numbers"), ("1, 2, 3", "two numbers"),
    ("nan, 3", "two numbers"), ("inf, 3", "two numbers"), ("91, 0", "from -90 to 90"),
    ("0, -181", "from -180 to 180")])
def test_a_map_point_that_is_not_one_says_what_is_wrong(typed, says):
    with pytest.raises(ValueError, match=says):
        forms.read_point(typed)


def test_only_ticked_cameras_with_a_place_are_registered_and_blank_fields_are_left_out():
    entries = [forms.CameraEntry("porch", True, " 1 Elm St ", "", " ", 0),
               forms.CameraEntry("yard", False),
               forms.CameraEntry("garage", True, "", "47.6, -122.3", "the lane", None)]
    cameras, problems = forms.cameras_from(entries)
    assert problems == []
    assert cameras == (Camera("porch", "1 Elm St", None, None, None, 0),
                       Camera("garage", None, 47.6, -122.3, "the lane", None))
    cameras, problems = forms.cameras_from([forms.CameraEntry("porch", True),
                                            forms.CameraEntry("yard", True, point="x")])
    assert cameras == () and problems == [
        "porch: say where it is (a street address, a map point or both).",
        "yard: write the map point as two numbers, latitude then longitude, e.g. 47.6101, "
        "-122.3421."]


def test_a_registered_camera_fills_the_form_it_came_from_and_its_place_is_never_rounded():
    camera = Camera("porch", "1 Elm St", 47.6101234, -122.3421, "the street", 14)
    entry = forms.entry_of(camera)
    assert entry == forms.CameraEntry("porch", True, "1 Elm St", "47.6101234, -122.3421",
                                      "the street", 14)
    assert forms.cameras_from([entry]) == ((camera,), [])
    assert reviewing.place(camera) == "1 Elm St (map point 47.6101234, -122.3421)"
    assert reviewing.camera_words(camera) == (
        "porch: at 1 Elm St (map point 47.6101234, -122.3421); sees the street; keeps footage "
        "14\u00a0days")   # the number never parted from its unit


def test_the_contact_needs_a_name_and_leaves_out_blank_fields():
    assert forms.contact_from(" ", "a@b", "") == (None, [
        "Type your name: the agency needs to know whom it is talking to."])
    assert forms.contact_from(" Ann ", "", " 555 ") == (Contact("Ann", None, "555"), [])


def test_the_review_of_a_change_says_it_replaces_what_the_agency_has():
    review = reviewing.review("Example PD", Contact("Ann"), (), updating=True)
    assert "No cameras (you can add them later from Settings)" in review.learns
    assert not any("email" in line or "phone" in line for line in review.learns)
    assert review.note.startswith("This replaces what Example PD has on file for you")


def test_a_registration_row_its_certificate_and_an_id_kept_by_hand():
    assert words.row(VIEW, ZONE) == ("Example PD", "reg-1", "porch", "20 Nov 2026",
                                     "\u2714 valid until 15 Jan 2027")
    assert words.state(VIEW, ZONE) == ("Certificate from Example PD registration CA, valid "
                                       "until 15 Jan 2027 (serial 1f)")
    bad = replace(VIEW, certificate_problem="the certificate is for another key")
    assert words.row(bad, ZONE)[4] == "\u2718 does not check out"
    assert words.state(bad, ZONE) == "Certificate problem: the certificate is for another key"
    by_hand = replace(VIEW, owner_id=None, certificate=None, cameras=())
    assert words.row(by_hand, ZONE)[2:] == ("none", "20 Nov 2026", "none (id only)")
    assert words.state(by_hand, ZONE).startswith("Id only: register with an invite code")
    assert words.day("not a time", ZONE) == "not a time" and words.day(None, ZONE) == ""
    assert words.issuer_name("CN=A\\, B CA,O=X") == "A, B CA"
    assert words.issuer_name("O=X") == "O=X"


def test_a_certificate_problem_reads_in_spanish(spanish):
    """A registration pinned to a key this PC lost (test_lost_key) showed its problem in
    English in the Spanish app, as every certificate problem the core gives did."""
    lost = replace(VIEW, certificate_problem=KEY_NOT_HELD)
    said = words.state(lost, ZONE)
    assert said.startswith("Problema con el certificado: ") and "clave de firma" in said
    assert "owner key" not in said
    other = replace(VIEW, certificate_problem="the certificate is for another key")
    assert words.state(other, ZONE) == ("Problema con el certificado: el certificado es para "
                                        "otra clave")


def test_what_a_refusal_kept_is_read_from_the_registrations_before_and_after():
    other = replace(VIEW, agency_id="https://other.example", id="reg-9")
    assert words.kept_after_failure([other], [other], VIEW.agency_id) == \
        "Nothing from this attempt was kept on this computer."
    assert words.kept_after_failure([VIEW], [VIEW], VIEW.agency_id) == \
        "Your registration on this computer is as it was before."
    assert words.kept_after_failure([], [VIEW], VIEW.agency_id) == \
        "This computer now holds registration reg-1; see Settings."
    changed = replace(VIEW, contact=Contact("Bob"))
    assert words.kept_after_failure([VIEW], [changed], VIEW.agency_id) == \
        "What this computer holds for this agency changed; see Settings."


def test_a_key_change_finished_or_waiting():
    done = KeyRotation("old", "new", ("a reg-1", "b reg-2"), (), True)
    assert words.rotation_words(done).startswith(
        "\u2714 Your key was changed: all 2 of your registrations now know your new key.")
    assert "you had no registrations to tell" in words.rotation_words(
        replace(done, moved=()))
    half = KeyRotation("old", "new", ("a reg-1",), ("b reg-2: cannot reach B",), False)
    text = words.rotation_words(half)
    assert text.startswith("The key change is not finished: 1 registration moved to the new "
                           "key, 1 not yet.\n  b reg-2: cannot reach B\nBoth keys are kept")


@pytest.mark.parametrize("event, data, what", [
    ("registered", {}, "Registered with an agency"),
    ("registration-updated", {}, "Registration changed"),
    ("unregistered", {}, "Registration ended"),
    ("registration-refused", {"action": "register"}, "Registering failed"),
    ("registration-refused", {"action": "update"}, "Changing a registration failed"),
    ("registration-refused", {"action": "unregister"}, "Unregistering failed"),
    ("registration-refused", {"action": "rotate"}, "Giving an agency your new key failed"),
    ("registration-refused", {}, "A registration step failed"),
    ("key-rotation-started", {}, "Key change started"),
    ("registration-rekeyed", {}, "Agency given your new key"),
    ("key-rotated", {}, "Key changed (old key retired)")])
def test_the_log_words_registration_events(event, data, what):
    record = LogRecord(1, "2026-11-20T22:05:09Z", None, event,
                       {**data, "invite_sha256": "ab" * 32})
    assert activity.row(record, ZONE)[1:] == (what, f"Step: {data['action']}" if data else "")


def test_an_agency_name_or_id_that_acts_is_shown_escaped_on_every_registration_screen():
    """Trust hunt finding 5: the Settings row and the result page showed the agency's name
    raw, so a bidi override read 'call +1-206-555-0100' backwards and a zero-width space hid."""
    hostile = replace(VIEW, agency_name="Seattle Police\u200b \u202e0010-555-602-1+ llac",
                      cameras=(Camera("porch\u2067"),))
    shown = [*words.row(hostile, ZONE), words.registered_words(hostile, ZONE),
             words.registered_words(hostile, ZONE, updating=True), words.agency(hostile)]
    for text in shown:
        assert not any(ch in text for ch in "\u200b\u202e\u2067"), text
    assert words.row(hostile, ZONE)[0] == "Seattle Police\\u200b \\u202e0010-555-602-1+ llac"
    assert "Registered with Seattle Police\\u200b \\u202e0010" in words.registered_words(
        hostile, ZONE)
    assert words.row(hostile, ZONE)[2] == "porch\\u2067"


class WindowsDatetime(datetime.datetime):
    """datetime as Windows' C runtime gives it: fromtimestamp refuses what its gmtime cannot
    convert, a time past the year 3000 (OSError 22 there)."""

    @classmethod
    def fromtimestamp(cls, seconds, tz=None):
        if seconds > 32_536_850_399:
            raise OSError(22, "Invalid argument")
        return super().fromtimestamp(seconds, tz)


def test_a_certificate_valid_until_9999_reads_on_windows_too(monkeypatch):
    """Seen in the code: the certificate's last day was made with datetime.fromtimestamp,
    which on Windows cannot go past the year 3000, and RFC 5280 has a certificate with no end
    say 99991231235959Z: the registrations panel raised OSError there instead of showing it,
    and OverflowError on every system for an owner east of UTC (Spain: the year 10000)."""
    monkeypatch.setattr(words, "datetime", WindowsDatetime)
    forever = replace(FACTS, not_after_s=253_402_300_799)   # 9999-12-31T23:59:59Z
    assert words.certificate_cell(replace(VIEW, certificate=forever), ZONE) == \
        "\u2714 valid until 31 Dec 9999"
    assert "31 Dec 9999" in words.certificate_words(forever, None, "UTC")
    # East of UTC that last second is already in the year 10000, past what datetime holds
    # (on every system): the day is the certificate's own, 31 Dec 9999.
    assert "31 Dec 9999" in words.certificate_words(forever, None, "Europe/Madrid")


def test_a_key_change_waiting_says_why_in_spanish(spanish):
    # The registrations a key change could not move were listed with the portal's failure
    # as the agent wrote it: in English in the Spanish app.
    from agent.requests.portal_client import PortalClient, PortalError
    from frp.agency import Agency
    from tests.test_gui_core_words import closed_port

    origin = f"http://127.0.0.1:{closed_port()}"
    agency = Agency(id="https://pd.example", name="Springfield PD", phone="", keys=(),
                    portal=origin + "/v1", upload_origins=(origin,))
    with PortalClient() as client, pytest.raises(PortalError) as caught:
        client.call(agency, "GET", "/requests", "bearer")
    problem = f"https://pd.example reg-2: {caught.value}"   # as key_rotation.rotate says it
    text = words.rotation_words(KeyRotation("old", "new", ("a reg-1",), (problem,), False))
    line = text.splitlines()[1]
    assert line.startswith("  https://pd.example reg-2: ") and "Springfield PD" in line
    assert "portal de Springfield PD" in line and "cannot reach" not in line


def test_a_camera_named_past_an_agencys_limit_is_a_problem_on_the_page_not_a_refusal_after():
    """The names hunt: the index names a camera in up to 120 characters, a registration in up
    to 64. Ticking a 78-character camera gave no problem on the page; Register then failed
    with "cannot register: camera 1's name is 78 characters; at most 64 are allowed", naming
    neither the camera nor the way out. The page now says both before anything is signed."""
    long = "Back garden camera over the shed, looking down the side path to the gate, west"
    cameras, problems = forms.cameras_from([forms.CameraEntry(long, True, "1 Elm St"),
                                            forms.CameraEntry("porch", True, "1 Elm St")])
    assert [c.name for c in cameras] == ["porch"]
    assert problems == [f"{long}: an agency registers camera names of at most "
                        f"64 characters, and this one has {len(long)}: give it a shorter name "
                        "first (Rename camera\u2026 in Settings)."]
