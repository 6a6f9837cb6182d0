"""The agent's messages shown in the app keep a right-to-left name apart from the app's words
(GUI hunt). Seen: a recorder added with its cameras named "מצלמה קדמית" and "מצלמה אחורית"
(Hebrew, front and back camera) said "✔ Added. Found 4 recordings; cameras: <back>, <front>"
as laid out: the two names, joined by ", ", made one right-to-left run, so the list read in
the reverse order of the recorder's. And the agent's "{camera} is no longer among the
recorder's cameras…" with a Hebrew name took the name's direction whole (a label's text
document takes a line's direction from its first letter): the app's words laid out from the
right. core_words.owner_words says an agent message as in_owner_language does, each value
sanitised and isolated (gui.views.shown), the line started by a left-to-right mark.
Against the recorder simulator over HTTPS, the app offscreen, in English and Spanish.
Seen too: an agency named "משטרה" whose portal on 127.0.0.1 never answered made the Inbox's
line after Check for requests now "משטרה's portal did not answer in time; try again later",
laid out from the right; the line above the inbox named it unisolated twice."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402

from agent.index.unrefreshed import CHANNEL_GONE  # noqa: E402
from gui.views.core_words import in_owner_language, owner_words  # noqa: E402
from gui.views.shown import Shown  # noqa: E402
from gui.views.words import sentence_start  # noqa: E402
from gui.widgets.labels import plain_label  # noqa: E402
from nvrsim.server import Simulator  # noqa: E402
from tests.gui_support import settle, spanish  # noqa: E402,F401
from tests.recorder_sources_support import PASSPHRASE, PASSWORD, recent_footage  # noqa: E402,F401
from tests.test_gui_recorders import click, fill, window  # noqa: E402,F401
from tests.test_gui_rtl_names import label_xs  # noqa: E402

FRONT = "\u05de\u05e6\u05dc\u05de\u05d4 \u05e7\u05d3\u05de\u05d9\u05ea"            # מצלמה קדמית
BACK = "\u05de\u05e6\u05dc\u05de\u05d4 \u05d0\u05d7\u05d5\u05e8\u05d9\u05ea"       # מצלמה אחורית


def added_status(qtbot, window, recent_footage) -> tuple[str, QFont]:  # noqa: F811
    """What the recorder window says once a recorder whose two cameras the owner named in
    Hebrew was added (the simulator's channels, first and second)."""
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        win = window()
        win.show_page("settings")
        settle(qtbot, win)
        click(qtbot, win.settings.add_recorder_button)
        dialog = win.settings.recorder_dialog
        settle(qtbot, win)
        fill(qtbot, dialog, sim, "hikvision")
        click(qtbot, dialog.test_button)
        settle(qtbot, win)
        assert dialog.add_button.isEnabled(), dialog.status.text()
        dialog.channels.item(0, 2).setText(FRONT)
        dialog.channels.item(1, 2).setText(BACK)
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        click(qtbot, dialog.add_button)
        settle(qtbot, win)
        said = dialog.status.text()
        font = dialog.status.font()
        dialog.close()
        return said, font


def assert_in_order(said: str, font) -> None:
    """The two names stand as listed, left to right, each whole, as a label lays them out."""
    assert "\\u" not in said, said   # no mark written out as an escape
    assert f"\u2068{FRONT}\u2069, \u2068{BACK}\u2069" in said, said
    places = label_xs(said, font)
    front = [places[said.index(FRONT) + i] for i, ch in enumerate(FRONT) if ch != " "]
    back = [places[said.index(BACK) + i] for i, ch in enumerate(BACK) if ch != " "]
    assert max(front) < min(back), (said, places)


@pytest.mark.usefixtures("cheap_scrypt")
def test_a_recorders_hebrew_camera_names_are_listed_in_order(qtbot, window,
                                                             recent_footage):  # noqa: F811
    said, font = added_status(qtbot, window, recent_footage)
    assert said.startswith("\u200e\u2714 Added. Found"), said
    assert_in_order(said, font)


@pytest.mark.usefixtures("cheap_scrypt", "spanish")
def test_in_spanish_too(qtbot, window, recent_footage):  # noqa: F811
    said, font = added_status(qtbot, window, recent_footage)
    assert "\u2714" in said and "Added" not in said, said
    assert_in_order(said, font)


def gone_line(message: str) -> str:
    """The agent's message about a camera the recorder no longer lists, as a label shows it."""
    label = plain_label("")
    label.setText(owner_words(message))
    return label.text()


def assert_name_first(line: str) -> None:
    """The name stands at the line's left (in Spanish in «»), the app's words after it."""
    assert line.startswith((f"\u200e\u2068{FRONT}\u2069 ", f"\u200e«\u2068{FRONT}\u2069» ")), line
    places = label_xs(line, QFont())
    name = [places[line.index(FRONT) + i] for i, ch in enumerate(FRONT) if ch != " "]
    words = line.index(" ", line.index("\u2069")) + 1
    assert max(name) < places[words] < places[words + 3], (line, places)


def test_an_agent_message_starting_with_a_hebrew_name_keeps_the_apps_direction(qtbot):
    message = CHANNEL_GONE.format(camera=FRONT)   # the agent's own words
    line = gone_line(message)
    assert "\\u" not in line and "is no longer among the recorder's cameras" in line, line
    assert "Remove" in line or "remove" in line   # the app's advice, not the command's
    assert_name_first(line.split("\n")[0])
    # every other word as in_owner_language says it
    assert line.replace("\u200e", "").replace("\u2068", "").replace("\u2069", "") == \
        in_owner_language(message)


def test_in_spanish_an_agent_message_starting_with_a_hebrew_name_too(qtbot, spanish):  # noqa: F811,E501
    line = gone_line(CHANNEL_GONE.format(camera=FRONT))
    assert "\\u" not in line and "recorder's" not in line, line
    assert_name_first(line.split("\n")[0])


def test_sentence_start_keeps_a_shown_and_skips_its_mark():
    assert isinstance(sentence_start(Shown("\u200eabc")), Shown)
    assert sentence_start(Shown("\u200eabc")) == "\u200eAbc"
    assert sentence_start("abc") == "Abc" and type(sentence_start("abc")) is str


# "Check for requests now" and the line above the inbox: an agency named in Hebrew ----------
POLICE = "\u05de\u05e9\u05d8\u05e8\u05d4"   # משטרה (police)


def portal_silence() -> str:
    """What the agent's own portal client says of a Hebrew-named agency's portal that takes
    the connection on 127.0.0.1 and never answers."""
    import httpx

    from agent.requests.portal_client import PortalClient, PortalError
    from frp.agency import Agency
    from tests.test_gui_core_words import silent_server

    server, port = silent_server()
    agency = Agency(id="https://pd.example", name=POLICE, phone="", keys=(),
                    portal=f"http://127.0.0.1:{port}", upload_origins=())
    try:
        with PortalClient(timeout=httpx.Timeout(0.3), call_limit_s=10.0) as client:
            client.call(agency, "GET", "/requests", None)
    except PortalError as exc:
        return str(exc)
    finally:
        server.close()
    raise AssertionError("the silent portal answered")


def assert_agency_in_place(line: str) -> None:
    """The agency's name stands where the sentence puts it, whole, between the app's words
    before it (if any) and after it, left to right."""
    assert "\\u" not in line and line.startswith("\u200e"), line
    assert f"\u2068{POLICE}\u2069" in line, line
    places = label_xs(line, QFont())
    name = [places[line.index(POLICE) + i] for i in range(len(POLICE))]
    before, after = line.index("\u2068") - 2, line.index("\u2069") + 1
    if before > 0:
        assert places[before] < min(name), (line, places)
    assert max(name) < places[after + 2] < places[after + 4], (line, places)


@pytest.mark.parametrize("language", ["English", "Spanish"])
def test_a_hebrew_agencys_silent_portal_keeps_the_check_line_in_order(qtbot, request,
                                                                      language):
    import types

    from gui.views.requests import sync_text
    from gui.widgets.spoken import status_label
    if language == "Spanish":
        request.getfixturevalue("spanish")
    message = portal_silence()
    assert message.startswith(f"{POLICE}'s portal"), message
    label = status_label()   # the Inbox's status line
    label.setText(sync_text(types.SimpleNamespace(new=(), rejected=(), problems=(message,))))
    (line,) = label.text().split("\n")
    assert ("did not answer" in line) == (language == "English"), line
    if language == "English":
        assert line.startswith(f"\u200e\u2068{POLICE}\u2069's portal"), line
    assert_agency_in_place(line)


def test_the_line_above_the_inbox_keeps_a_hebrew_agency_apart(qtbot):
    from agent.requests.poll_trouble import PortalTrouble
    from gui.views.requests import unreachable_text
    trouble = PortalTrouble(POLICE, "reg-7", 1_800_000_000 * 10**6, 3,
                            portal_silence())
    label = plain_label("")
    label.setText(unreachable_text([trouble], "UTC"))
    line = label.text()
    assert "\\u" not in line and f"from \u2068{POLICE}\u2069 since" in line, line
    assert f"\u2068{POLICE}\u2069's portal did not answer" in line, line
    assert_agency_in_place(line)
