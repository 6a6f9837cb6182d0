"""The register page's first step with an agency named in Hebrew (RTL hunt). Seen, in Spanish:
an owner registered with "משטרה" already, under registrations "17" and "18" (a portal may
issue ids of digits alone: protocol.md, 1-128 of [A-Za-z0-9._-]), read "Ya está registrado con
)18 ,17( משטרה. Registrarse de nuevo …" as laid out: the name, bare, took the bracket and the
numbers after it into its right-to-left run. The page's lines are made by gui.views.shown now,
the name isolated, the core's reason said by owner_words. The page is the app's own, offscreen;
its agency and readiness are the agent's dataclasses as the flow fills them."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.owner_registrations import RegistrationReadiness  # noqa: E402
from frp.agency import Agency  # noqa: E402
from gui.widgets.registration_pages import InvitePage, ReviewPage  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_gui_rtl_paths import assert_left_to_right, label_xs  # noqa: E402

POLICE = "\u05de\u05e9\u05d8\u05e8\u05d4"   # משטרה (police)
AGENCY = Agency(id="https://pd.example", name=POLICE, phone="+972-3-555-0100", keys=(),
                portal="https://pd.example/portal", upload_origins=())


@pytest.mark.parametrize("language", ["English", "Spanish"])
def test_registered_already_keeps_the_registrations_after_the_name(qapp, request, language):
    if language == "Spanish":
        request.getfixturevalue("spanish")
    page = InvitePage()
    page.set_agencies([(AGENCY, RegistrationReadiness(AGENCY.id, True, None, ("17", "18")))])
    said = page.readiness.text()
    assert "(17, 18)" in said, said
    assert_left_to_right(said, label_xs(said, page.readiness.font()), POLICE, "(17", "18)")


def test_not_ready_says_the_reason_with_the_name_apart(qapp):
    reason = "a key rotation is under way; finish it first (rotate the key again)"
    page = InvitePage()
    page.set_agencies([(AGENCY, RegistrationReadiness(AGENCY.id, False, reason, ()))])
    said = page.readiness.text()
    assert said.startswith(f"\u200eCannot register with \u2068{POLICE}\u2069 now: "), said
    assert page.problems() == [said]


def test_the_review_title_keeps_the_name_apart(qapp):
    from agent.views import Contact
    from gui.views import registration_review

    page = ReviewPage()
    page.show_review(POLICE, registration_review.review(POLICE, Contact("Ann"), ()))
    assert page.title.text() == f"\u200eWhat \u2068{POLICE}\u2069 will learn", page.title.text()
