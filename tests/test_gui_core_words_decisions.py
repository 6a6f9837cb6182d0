"""The core's refusals of a request that cannot be approved, declined, held or released as it
stands, in the owner's language (words hunt 4). Rarely met (the request page is open while a
terminal's `decline` or `footage-agent run` acts on the same request, or the owner presses
Approve on a request declined meanwhile), and the Spanish app said them in English: "request
'req-2026-0001' was declined; it cannot be approved now". Each message is the agent's own,
made on a real home; each must come out with no English left."""
from __future__ import annotations

import os
import re
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.requests.running_deliveries import delivery_lock  # noqa: E402
from agent.service import Agent, AgentError  # noqa: E402
from demo.gui_data import make_world  # noqa: E402
from gui.views.core_words import in_owner_language  # noqa: E402
from tests.gui_support import footage, spanish  # noqa: E402,F401

ENGLISH = re.compile(r"\b(the|is|was|has|not|it|its|being|cannot|can|be|only|held|hold|"
                     r"nothing|request|new|approved|declined|delivered|expired|wait|finish|"
                     r"first|another|kept|copy|delete|answered|yet)\b")


@pytest.fixture(scope="module")
def said(tmp_path_factory, footage):  # noqa: F811 (the fixture)
    """Every such message, made by the agent on a home with the demo world's request."""
    root = tmp_path_factory.mktemp("decisions")
    world = make_world(root / "world", root / "home", footage=footage)
    agent = Agent(world.home)
    desk, jti = agent.requests, world.request_id
    messages = {}

    def refusal(name, action, *args, **kwargs):
        with pytest.raises(AgentError) as caught:
            action(*args, **kwargs)
        messages[name] = str(caught.value)
    try:
        desk.import_request(world.request_file)
        entry = desk.inbox.get(jti)
        refusal("release new", desk.release, jti)
        cancelled = threading.Event()
        cancelled.set()
        refusal("hold cancelled", desk.hold, jti, cancel=cancelled)
        with delivery_lock(world.home, entry):   # another footage-agent delivers it
            refusal("approve elsewhere", desk.approve, jti)
            refusal("decline elsewhere", desk.decline, jti)
        desk.decline(jti, "Not that week.")
        refusal("approve declined", desk.approve, jti)
        refusal("decline declined", desk.decline, jti)
        refusal("hold declined", desk.hold, jti)
    finally:
        agent.close()
    return messages


@pytest.mark.parametrize("name", ["release new", "hold cancelled", "approve elsewhere",
                                  "decline elsewhere", "approve declined", "decline declined",
                                  "hold declined"])
def test_a_request_that_cannot_be_decided_as_it_stands_says_why_in_spanish(spanish, said,
                                                                           name):
    message = said[name]
    shown = in_owner_language(message)
    assert shown != message and not ENGLISH.search(shown), (message, shown)


# the owner's choices an approval refuses ------------------------------------------------------
@pytest.mark.parametrize("choice", ["none registered", "no window", "not asked", "not indexed"])
def test_an_approval_of_choices_it_refuses_reads_in_spanish(spanish, choice):
    import types

    from agent.requests.approval_choices import new_approval
    from agent.requests.approval_step import ApprovalRefused
    from tests.test_gui_core_words_answers import reads_in_spanish

    entry = types.SimpleNamespace(window_start_us=10**15, window_end_us=10**15 + 600 * 10**6,
                                  cameras=("porch",))
    cameras, start, on_file = None, None, ("porch",)
    if choice == "none registered":   # the agency asks for a camera it was never told of
        on_file = ("yard",)
    elif choice == "no window":
        start = entry.window_end_us
    elif choice == "not asked":
        cameras = ("yard",)
    with pytest.raises(ApprovalRefused) as caught:
        new_approval(entry, ["yard"] if choice != "not indexed" else ["garage"], cameras, start,
                     None, None, None, on_file=on_file)
    said = reads_in_spanish(str(caught.value))
    assert "camera" not in said and "window" not in said


def test_a_delivery_a_stopped_command_left_waiting_reads_in_spanish(spanish, tmp_path):
    # `footage-agent run` stopped while a call hung: the request is left failed with this
    # reason, which the app's request list and page then show.
    import types

    from agent.requests.running_deliveries import mark_interrupted
    from tests.test_gui_core_words_answers import reads_in_spanish

    said = []
    inbox = types.SimpleNamespace(
        get=lambda jti, iss: types.SimpleNamespace(status="uploading"),
        transition=lambda iss, jti, status, reason: said.append((status, reason)))
    assert mark_interrupted(inbox, lambda *_a, **_k: None, "https://pd.example", "req-1")
    (status, reason), = said
    assert status == "failed" and "apruébela de nuevo" in reads_in_spanish(reason)
