"""Request page hunt: the line at the foot of a request's page still said the agent's words by
in_owner_language. A decline to an agency named "משטרה" (Hebrew, police) whose portal took the
connection on 127.0.0.1 and never answered reads "Declined, not taken by the agency", and its
page said "This request: declined, not taken by the agency. משטרה's portal did not answer in
time; try again later. Your reason: not our camera" with the name unisolated: a label writes
the isolate marks of a Shown formatted into plain words as escapes, and a name not set apart
reorders the words around it. The line is made piece by piece now (requests.page_status,
shown_reason: core_words.owner_words), as the Inbox's lines were (test_gui_rtl_agent_words.py);
an open request that no longer verifies says why alike (not_answerable).

The agent's own portal client against a silent loopback port (test_gui_rtl_agent_words), laid
out as the page's status label lays it out; English and Spanish."""
from __future__ import annotations

import os
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests.gui_support import spanish  # noqa: E402,F401 (a fixture)
from tests.test_gui_rtl_agent_words import POLICE, assert_agency_in_place, portal_silence  # noqa: E402,E501


def _view(**changed) -> SimpleNamespace:
    """What the page's status line reads of a RequestView (agent.views)."""
    fields = dict(status="declined", verified=True, problem=None, reason="not our camera",
                  decision_error=None, decision_sent_at_us=None, decision_refusal=None,
                  agency_name=POLICE, deliveries=())
    fields.update(changed)
    return SimpleNamespace(**fields)


def _line(text: str) -> str:
    from gui.widgets.labels import QuietLabel
    label = QuietLabel()   # the page's status line
    label.setText(text)
    (line,) = label.text().split("\n")
    return line


@pytest.mark.parametrize("language", ["English", "Spanish"])
def test_a_decline_a_hebrew_agencys_silent_portal_did_not_take_keeps_the_line_in_order(
        qtbot, request, language):
    from gui.views.requests import page_status
    if language == "Spanish":
        request.getfixturevalue("spanish")
    silence = portal_silence()
    line = _line(page_status(_view(decision_error=silence)))
    if language == "English":
        assert line.startswith("\u200eThis request: declined, not taken by the agency. "
                               f"\u2068{POLICE}\u2069's portal did not answer"), line
        assert line.endswith(". Your reason: not our camera"), line
    else:
        assert "Esta solicitud:" in line and "did not answer" not in line, line
    assert_agency_in_place(line)


def test_an_open_request_a_hebrew_agencys_portal_problem_says_why_it_cannot_be_approved(qtbot):
    from gui.views.requests import page_status
    line = _line(page_status(_view(status="new", verified=False, reason=None,
                                   problem=portal_silence())))
    assert line.startswith(f"\u200e\u2068{POLICE}\u2069's portal did not answer"), line
    assert ", so it cannot be approved. You can still decline it" in line, line
    assert_agency_in_place(line)


def test_a_safe_copy_not_made_for_a_hebrew_camera_keeps_the_line_in_order(qtbot):
    """The last try to make the safe copy failed as the request arrived, its recorder no longer
    having a camera named in Hebrew: the line above the page named it through
    in_owner_language, unisolated, the app's words after it laid out from the right."""
    from agent.index.unrefreshed import CHANNEL_GONE
    from gui.widgets.kept_copy import KeptCopy
    from tests.test_gui_rtl_agent_words import FRONT
    from tests.test_gui_rtl_names import label_xs

    kept = KeptCopy(None)
    qtbot.addWidget(kept)
    kept.key = ("r1", "a1")
    failed = "the recorder's footage could not be held: " + CHANNEL_GONE.format(camera=FRONT)
    kept._shown(kept.key, SimpleNamespace(status="new", hold_failed=failed, hold=None,
                                          hold_problem=None, hold_gone=None))
    line = kept.words.text().split("\n")[0]
    assert "\\u" not in line and line.startswith("\u200e"), line   # marks, not escapes
    assert line.replace("\u200e", "").startswith(
        "The safe copy of this request's footage could not be made: the recorder's "
        f"footage could not be held: \u2068{FRONT}\u2069 is no longer among"), line
    places = label_xs(line, kept.words.font())
    name = [places[line.index(FRONT) + i] for i in range(len(FRONT))]
    after = line.index("\u2069") + 2   # "is", after the name
    assert places[line.index("held:")] < min(name) and max(name) < places[after], line
