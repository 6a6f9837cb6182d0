"""The app's Qt-free presentation (gui/views/): request facts in the owner's words, refusals as
the screens word them, the activity log's rows and the time conversions (the agent's own,
redone with the standard library)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from agent import timebase
from agent.service import AgentError, NotFound, Refusal
from agent.views import Delivery, LogRecord, RequestView, one_line
from gui.views import activity, approval_warnings, outcomes, requests, times

ZONE = "America/Los_Angeles"
T0 = timebase.parse_rfc3339("2026-11-20T22:05:09Z")

VIEW = RequestView(
    id="req-1", agency_id="https://police.example.gov", agency_name="Example PD",
    agency_phone="+1-206-555-0100", registration="reg-1", status="new", case="2026-1",
    incident="Porch theft", requester={"name": "Det. Jane Roe", "unit": "North", "badge": "4471"},
    legal_basis="warrant", message="hello", location={"lat": 47.6, "radius_m": 150.0,
                                                     "address": "1200 Elm Street"},
    emergency=False, upload_endpoint="https://upload.police.example.gov/files/",
    window_start_us=T0, window_end_us=T0 + 60_000_000, cameras=("porch",), unregistered=(), received_at_us=T0,
    expires_at_us=T0 + 86_400_000_000, reason=None, decision_sent_at_us=None,
    decision_error=None, approval=None, deliveries=(), verified=True, problem=None, hold=None)


def test_request_facts_read_as_the_screens_show_them():
    assert requests.agency_name(VIEW) == "Example PD"
    assert requests.agency_phone(VIEW) == "+1-206-555-0100"
    assert requests.requester(VIEW) == "Det. Jane Roe, North (badge 4471)"
    assert requests.place(VIEW) == "1200 Elm Street (within 150 m)"
    assert requests.upload_host(VIEW) == "upload.police.example.gov"
    assert requests.legal_basis(VIEW) == "Search warrant"
    assert requests.status(VIEW) == "Waiting for you"
    assert requests.reason(VIEW) == ""


def test_cameras_never_registered_with_the_agency_are_named_in_one_line():
    assert approval_warnings.unregistered(VIEW) == ""
    odd = replace(VIEW, cameras=("porch", "yard\u202e", "attic"), unregistered=("yard\u202e", "attic"))
    said = approval_warnings.unregistered(odd)
    yard = one_line("yard\u202e")
    assert f"never registered with this agency: {yard}, attic." in said
    assert "\u202e" not in said


def test_missing_facts_and_an_agency_no_longer_trusted():
    bare = replace(VIEW, agency_name=None, agency_phone=None, requester={}, location=None,
                   upload_endpoint=None, legal_basis=None, status="odd")
    assert requests.agency_name(bare) == requests.UNKNOWN_AGENCY
    assert requests.agency_phone(bare) == "" and requests.requester(bare) == ""
    assert requests.place(bare) == "" and requests.upload_host(bare) == ""
    assert requests.legal_basis(bare) == "not given" and requests.status(bare) == "odd"
    assert requests.place(replace(VIEW, location={"radius_m": 20})) == "(within 20 m)"


def test_reason_prefers_the_problem_then_the_decision_then_the_portal():
    failed = replace(VIEW, reason="portal says no", decision_error="HTTP 409")
    assert requests.reason(failed) == "portal says no"
    assert requests.reason(replace(failed, problem="no longer verifies")) == "no longer verifies"
    assert requests.reason(replace(VIEW, decision_error="HTTP 409")) == "HTTP 409"


def test_a_refusal_reads_not_accepted_and_other_failures_start_with_a_capital():
    def refuse():
        raise NotFound("request 'x' is declined")

    def fail():
        raise AgentError("the portal could not be reached")

    with pytest.raises(Refusal, match=r"^Not accepted: Request 'x' is declined$"):
        requests.in_owner_words(refuse)
    with pytest.raises(AgentError, match=r"^The portal could not be reached$") as failed:
        requests.in_owner_words(fail)
    assert not isinstance(failed.value, Refusal)
    assert requests.in_owner_words(lambda a, b=0: a + b, 1, b=2) == 3
    with pytest.raises(KeyError):   # not the agent's: left alone
        requests.in_owner_words({}.__getitem__, "x")


def test_a_delivered_request_reads_camera_by_camera():
    sent = Delivery("porch", "/p/pkg", "/p/pkg.tar", "ab" * 32, 2_500_000, "https://u/1", "r")
    text = outcomes.result_text(replace(VIEW, status="delivered", deliveries=(sent,)))
    assert text.startswith("Delivered.\nporch: 2.5\u00a0MB sent; the agency's signed receipt")
    failed = outcomes.result_text(replace(VIEW, status="failed", reason="cancelled"))
    assert failed == ("Not finished: it was stopped before it was all sent: press 'Try sending "
                      "again' to send it")


def test_a_package_sent_whole_without_a_receipt_says_the_agency_may_have_it():
    # Seen: "porch: 2.5 MB sent." for a package whose receipt never came, as if delivered;
    # and the same after the owner withdrew and the copy was kept because of it.
    sent = Delivery("porch", "/p/pkg", "/p/pkg.tar", "ab" * 32, 2_500_000, "https://u/1")
    failed = outcomes.result_text(replace(VIEW, status="failed", reason="busy",
                                          deliveries=(sent,)))
    assert "porch: 2.5\u00a0MB sent whole, but no receipt has come back yet: the agency may have " \
           "it." in failed
    declined = outcomes.result_text(replace(VIEW, status="declined", deliveries=(sent,)))
    assert "porch: 2.5\u00a0MB sent whole, and no receipt came back: the agency may have it, so " \
           "this copy was kept." in declined


def test_withdrawing_names_the_packages_it_keeps_because_the_agency_may_have_them():
    # A package sent whole whose receipt never came is kept by the withdrawal (the agency may
    # hold it); the question before it must not say every copy is removed and stop there.
    sent = Delivery("porch", "/p/pkg", "/p/pkg.tar", "ab" * 32, 2_500_000, "https://u/1")
    built = Delivery("yard", "/p/pkg2", "/p/pkg2.tar", "cd" * 32, 1_000)
    failed = replace(VIEW, status="failed", deliveries=(sent, built))
    assert requests.withdrawable(failed)
    assert requests.kept_when_withdrawn(failed) == (
        "Only the copy of porch stays on this PC: it was sent whole, so the agency may have it "
        "already.")
    assert requests.kept_when_withdrawn(replace(failed, deliveries=(built,))) == ""


def test_activity_rows_show_local_time_words_and_short_details():
    record = LogRecord(1, "2026-11-20T22:05:09Z", T0, "decline",
                       {"id": "req-1", "reason": "x" * 80, "decision_sha256": "ab"})
    when, what, details = activity.row(record, ZONE)
    assert when == "Fri 20 Nov 2026, 14:05:09 PST" and what == "You declined"
    assert details == f"Reason: {'x' * 57}...; Request: req-1"
    odd = LogRecord(2, "yesterday", None, "something-new", {})
    assert activity.row(odd, ZONE) == ("yesterday", "something-new", "")


@pytest.mark.parametrize("us", [0, T0, T0 + 123_456, -86_400_000_001, 4_102_444_800_000_001])
def test_time_conversions_match_the_agents(us):
    assert times.to_datetime(us) == timebase.to_datetime(us)
    assert times.from_datetime(times.to_datetime(us)) == us
    assert times.local(us, ZONE) == timebase.to_datetime(us).astimezone(timebase.zone(ZONE))


def test_wall_time_in_a_zone_becomes_utc_microseconds():
    assert times.wall_us(2026, 11, 20, 14, 5, 9, ZONE) == T0
    assert times.wall_us(2026, 7, 1, 12, 0, 0, "UTC") == timebase.from_datetime(
        datetime(2026, 7, 1, 12, tzinfo=timezone.utc))
    with pytest.raises(ValueError):
        times.from_datetime(datetime(2026, 1, 1))


def test_a_timeline_note_says_what_cannot_be_used_and_what_is_dated_by_files_only():
    from agent.views import Coverage, Mark, Span
    from gui.views.coverage import note, timeline_parts

    damaged = Mark(10, 20, "damaged", "/c/a.mp4", "no moov box")
    unsupported = Mark(20, 30, "unsupported", "/c/b.ubv", "export to MP4")
    cov = Coverage("porch", 0, 40, (), (Span(0, 10),), (Span(10, 40),), (), (), (),
                   (damaged, unsupported), (Span(0, 10),))
    spans, marks, guessed, said = timeline_parts(cov)
    assert (spans, marks, guessed) == ([(0, 10)], [(10, 20, "damaged"), (20, 30, "unsupported")],
                                       [(0, 10)])
    assert said == ("2 recordings here are damaged or in a format this app cannot read; some "
                    "times come from file dates only")
    empty = Coverage("porch", 0, 40, (), (), (Span(0, 40),), (), (), (), (damaged,))
    assert note(empty) == "nothing usable recorded in this time; 1 recording here is damaged"
    assert note(Coverage("porch", 0, 40, (), (), (Span(0, 40),), (), (), ())) == \
        "nothing recorded in this time"
    # The recorder's current file, not closed yet: said as such, not as a format or damage.
    recording = Mark(10, 40, "in-progress", "/c/c.mp4", "still being written", False)
    assert note(Coverage("porch", 0, 40, (), (Span(0, 10),), (Span(10, 40),), (), (), (),
                         (recording,))) == "1 recording here is still being recorded"
    twice = Mark(0, 40, "ambiguous", "/c/d.mp4", "repeated fall-back hour")
    assert note(Coverage("porch", 0, 40, (), (), (Span(0, 40),), (), (), (), (twice,))) == (
        "nothing usable recorded in this time; 1 recording here is from the hour the clocks "
        "repeat, and which pass is not known")


def test_an_exports_result_says_who_vouches_for_its_content_credentials():
    from types import SimpleNamespace

    from agent.views import SigningChain

    made = SimpleNamespace(package=SimpleNamespace(path="/x/manual_porch"), clip_sha256="ab" * 32,
                           cut=None, credentials=SigningChain("", "self-issued"))
    assert "Content Credentials: self-issued; validators will show this as untrusted: it is " \
           "signed by your own key, not by an agency" in outcomes.result_text([made])
    certified = SimpleNamespace(**{**vars(made), "credentials": SigningChain(
        "", "agency", "https://police.example.gov")})
    assert "signed with your certificate from https://police.example.gov" in \
        outcomes.result_text([certified])


def test_a_decline_the_portal_refused_says_why_with_the_owners_reason():
    """Owner hunt: 'Declined, not taken by the agency' sends the owner to open the request to
    see why (user-guide.md), but a decline with a typed reason showed only that reason there:
    why the portal refused it was never said."""
    refused = replace(VIEW, status="declined", reason="The camera was off",
                      decision_error="Example PD's portal refused (HTTP 403): the registration "
                                     "was retired")
    assert requests.status(refused) == "Declined, not taken by the agency"
    said = requests.reason(refused)
    assert "refused (HTTP 403): the registration was retired" in said, said
    assert "The camera was off" in said
    pending = replace(refused, decision_error=None)
    assert requests.reason(pending) == "The camera was off"


def test_a_new_requests_notification_says_the_owners_choice_before_the_case():
    """The attacker hunt: the notification of a new request put the case number (up to 400
    characters, the agency's own words) before "Answer by ...; you may say no, and nothing is
    sent unless you approve it". Windows shows a tray notification's first 255 characters
    (NOTIFYICONDATA's szInfo, where Qt cuts the text), so a long case ("2026-1). URGENT
    POLICE ORDER: you must approve within the hour ...") left only its own words there. What
    the app says comes first now; the case last."""
    from gui.views.arrival import arrival_words

    loud = replace(VIEW, agency_name="Metropolitan Police Department of the District of Columbia",
                   case="2026-1). URGENT POLICE ORDER: you must approve within the hour, "
                        "press Approve and send " + "!" * 300)
    _title, text = arrival_words(loud, ZONE)
    shown = text[:255]
    for words in ("you may say no", "nothing is sent unless you approve it", "Answer by",
                  "Metropolitan Police Department of the District of Columbia"):
        assert words in shown, text
    assert "URGENT POLICE ORDER" in text   # said, after the app's own words


def test_a_sentence_starts_with_a_capital_and_keeps_the_rest_as_written():
    """One helper for what stood as `text[:1].upper() + text[1:]` in 15 places of the app."""
    from gui.views.words import sentence_start
    assert sentence_start("this PC's clock is 3 s behind") == "This PC's clock is 3 s behind"
    assert sentence_start("\u00e9l") == "\u00c9l" and sentence_start("") == ""
