"""How a recorder's mirroring stands, as the owner reads it in `footage-agent sources` and in
Settings' list of sources. Before, a mirrored recorder read "mirrored (mirrored
2026-12-07T04:00:00Z)": the word twice and the time in UTC; and Settings showed every state in
English whatever the owner's language."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
import pytest  # noqa: E402

from agent.index import mirror, unrefreshed  # noqa: E402
from agent.index.recorder_book import RECORDER_LAYOUT  # noqa: E402
from agent.recorders.clock import CLOCK_JUMPED, CLOCK_RESET  # noqa: E402
from agent.recorders.connect import RecorderAddress  # noqa: E402
from agent.recorders.credentials import NOT_IN_KEYCHAIN  # noqa: E402
from agent.recorders.model import RecorderError  # noqa: E402
from agent.recorders.wire import Wire  # noqa: E402
from agent.service import Agent  # noqa: E402
from agent.timebase import US  # noqa: E402
from frp.times import format_local  # noqa: E402
from gui.views.recorder_facts import recorder_states as _recorders  # noqa: E402
from gui.views.display import day_time  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.recorder_sources_support import recent_footage  # noqa: E402,F401
from tests.test_gui_core_words import closed_port  # noqa: E402

ZONE = "America/Los_Angeles"
MIRRORED_US = 1_796_000_000 * US
URL = "http://192.0.2.10"


def unreachable() -> str:
    """What the recorder client says of a recorder nothing answers for (a real refused call)."""
    wire = Wire(httpx.URL(f"http://127.0.0.1:{closed_port()}"), "hikvision", timeout_s=2.0)
    try:
        with pytest.raises(RecorderError) as caught:
            wire.call("GET", "/ISAPI/System/deviceInfo")
    finally:
        wire.close()
    return str(caught.value)


STATES = {   # (state, problem, mirrored before)
    "new": ("new", None, False),
    "ok": ("ok", None, True),
    # a camera whose search brought only another channel's recordings (mirror.LEFT_OUT)
    "ok, noted": ("ok", mirror.LEFT_OUT.format(camera="driveway"), True),
    # a camera whose search failed while the others answered (unrefreshed.CHANNEL_FAILED)
    "ok, a camera failed": ("ok", unrefreshed.CHANNEL_FAILED.format(
        camera="driveway", reason=f"The recorder at {URL[7:]} refused /ISAPI/ContentMgmt/search "
                                  "(deviceError)."), True),
    # a camera the recorder no longer lists (unrefreshed.CHANNEL_GONE)
    "ok, a camera gone": ("ok", unrefreshed.CHANNEL_GONE.format(camera="driveway"), True),
    # a clock so far off it was reset (clock.CLOCK_RESET): it answers, nothing is mirrored
    "clock reset": ("offline", CLOCK_RESET.format(reading="2000-01-01 00:00:05"), True),
    # a clock moved more than a day further from this PC's (clock.CLOCK_JUMPED): the same
    "clock jumped": ("offline", CLOCK_JUMPED.format(reading="2026-05-20 00:00:05",
                                                    now="2026-12-07 14:00:05 PST"), True),
    "offline": ("offline", None, True),
    "offline, never mirrored": ("offline", None, False),
    "failed here": ("offline", mirror.FAILED_HERE, True),
    "locked": ("locked", NOT_IN_KEYCHAIN, True),
}


def shows_time(which: str) -> bool:
    """A recorder mirrored once says when, while it mirrors or cannot be reached (a locked
    password says what to do instead)."""
    state, _problem, mirrored = STATES[which]
    return mirrored and state in ("ok", "offline")


@pytest.fixture
def recorder_agent(tmp_path, monkeypatch):
    """A real agent with one recorder source in its index; (agent, set_state)."""
    monkeypatch.setenv("TZ", ZONE)
    agent = Agent(tmp_path / "home")
    source = agent.store.add_source(URL, "driveway", ZONE, RECORDER_LAYOUT, 0.0)
    book = agent.store.recorders
    book.set_address(source.id, RecorderAddress(URL, "hikvision", "admin",
                                                allow_plain_http=True))
    book.record_device(source.id, "DS-7608", "V4", "SN1", "NVR", ((1, "driveway"),), 0.0)

    def set_state(which: str) -> None:
        state, problem, mirrored = STATES[which]
        book.set_address(source.id, RecorderAddress(URL, "hikvision", "admin",
                                                    allow_plain_http=True))
        if mirrored:
            book.record_success(source.id, MIRRORED_US, True, MIRRORED_US,
                                problem if state == "ok" else None)
        if state != "new" and state != "ok":
            book.record_failure(source.id, state, problem or unreachable(), MIRRORED_US)

    yield agent, set_state
    agent.close()


@pytest.mark.parametrize("which", list(STATES))
def test_a_recorders_state_says_each_thing_once_on_this_pcs_clock(recorder_agent, which):
    agent, set_state = recorder_agent
    set_state(which)
    (rec,) = agent.recorders()
    said = agent.recorder_state_words(rec)
    assert said.count("mirrored") <= 1, said
    assert "UTC" not in said and "Z)" not in said, said
    if shows_time(which):
        assert format_local(MIRRORED_US, ZONE) in said, said


@pytest.mark.parametrize("which", list(STATES))
def test_settings_says_how_a_recorder_stands_in_spanish(recorder_agent, spanish, which):
    agent, set_state = recorder_agent
    set_state(which)
    (said,) = _recorders(agent).values()
    assert said.startswith("Hikvision DS-7608: "), said   # the make as its maker writes it
    for english in ("mirrored", "answering", "added", "locked", "Refreshing", "Could not",
                    "left out", "Connection", "refreshed", "refused", "clock", "reset"):   # the system's own "Connection refused" too
        assert english not in said, said
    if shows_time(which):
        assert day_time(MIRRORED_US, ZONE) in said, said


@pytest.mark.parametrize("channels,offset_s", [(((1, "door"),), 0.4),
                                                (((1, "a"), (2, "b")), -125.0)])
def test_a_tested_recorder_is_described_in_spanish_with_its_cameras_counted(
        qapp, spanish, tmp_path, channels, offset_s):
    """Seen in the Spanish app: a doorbell (one channel) was 'con 1 cámaras', 'with 1 cameras'
    in English, and the recorder's clock was said in English ('The recorder's clock agrees
    with this computer's', lowered after its first letter by str.capitalize)."""
    from agent.owner_recorders import RecorderCheck
    from gui.shell.context import make_context
    from gui.widgets.recorder_step import RecorderDialog

    agent = Agent(tmp_path / "home")
    ctx = make_context(agent, ZONE)
    try:
        dialog = RecorderDialog(ctx)
        dialog._tested(RecorderCheck(URL, "hikvision", None, None, "DS-7608", "V4", "SN1", "NVR",
                                     channels, offset_s, abs(offset_s) > 2, ZONE))
        said = dialog.facts.text()
        dialog.deleteLater()
    finally:
        ctx.bridge.close()
        agent.close()
    first, *_rest, clock = said.splitlines()
    assert first.startswith("Es una Hikvision DS-7608"), first
    assert first.endswith("con 1 cámara.") if len(channels) == 1 else first.endswith(
        f"con {len(channels)} cámaras."), first
    assert clock.startswith("El reloj de la grabadora") and "recorder" not in clock, clock


def test_testing_a_recorder_added_before_says_its_certificate_is_not_the_one_trusted(
        qapp, tmp_path, recent_footage, monkeypatch, cheap_scrypt):
    """The recorders hunt: testing the connection again for a recorder added before (a new
    password, say) showed a certificate other than the one trusted with the words of a first
    add ('Compare it ... The app will trust this one only'): nothing said it had changed, so a
    device taking the recorder's address was trusted in its place by a press of Add."""
    from agent.owner_recorders import recorder_root
    from gui.shell.context import make_context
    from gui.widgets.recorder_step import RecorderDialog
    from nvrsim.server import Simulator
    from tests.recorder_sources_support import PASSPHRASE, PASSWORD

    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    agent = Agent(tmp_path / "home")
    ctx = make_context(agent, ZONE)
    try:
        with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True) as sim:
            seen = agent.look_at_recorder(sim.url)
            address = RecorderAddress(sim.url, "reolink", "admin", seen)
            first = agent.check_recorder(address, PASSWORD)
            agent.add_recorder(address, PASSWORD, name="nvr")
            (rec,) = agent.recorders()
            # As if the recorder trusted before had another certificate than the device now.
            agent.store.recorders.set_address(rec.source_id, RecorderAddress(
                recorder_root(sim.url), "reolink", "admin", "ab" * 32))
            # Compared with the recorder's screen (else nothing is sent: test_recorder_new_certificate)
            check = agent.check_recorder(address, PASSWORD, new_certificate_ok=True)
        dialog = RecorderDialog(ctx)
        dialog._tested(check)
        said = dialog.facts.text()
        dialog.deleteLater()
    finally:
        ctx.bridge.close()
        agent.close()
    assert first.trusted_before_text is None   # a first add: nothing to compare with
    before = agent.fingerprint_words("ab" * 32)
    assert check.trusted_before_text == before
    assert "not the certificate trusted before" in said and before in said, said


def test_a_row_of_a_camera_the_recorder_no_longer_lists_says_so_in_spanish(spanish):
    from agent.index.remote_rows import STALE
    from gui.views.core_words import in_owner_language

    said = in_owner_language(f"mirrored at 2026-11-20 14:00; {STALE}{unrefreshed.NOT_LISTED}")
    assert said.endswith("no se ha podido consultar la grabadora desde entonces: la grabadora "
                         "ya no muestra esta cámara en su lista."), said


def test_adding_a_recorder_in_the_app_says_a_camera_left_showing_nothing(
        qapp, spanish, tmp_path, monkeypatch, cheap_scrypt):
    """Recorders hunt: the app's word on a recorder just added said its first refresh's
    problems but not its notes, so a camera left showing nothing (mirror.LEFT_OUT) went
    unsaid until Settings was opened."""
    from gui.shell.context import make_context
    from gui.widgets.recorder_step import RecorderDialog
    from tests.test_recorder_hostile import PASSWORD, HostileReolink

    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", "owner passphrase for the recorders")
    agent = Agent(tmp_path / "home")
    ctx = make_context(agent, ZONE)
    try:
        with HostileReolink() as nvr:
            nvr.mode = "other_channel"
            added = agent.add_recorder(RecorderAddress(nvr.url, "reolink", "admin"), PASSWORD,
                                       name="nvr")
        dialog = RecorderDialog(ctx)
        dialog._added(added)
        said = dialog.status.text()
        dialog.deleteLater()
    finally:
        ctx.bridge.close()
        agent.close()
    assert "nvr no muestra grabaciones" in said, said
    assert "reloj" not in said, said   # the clock is said by the test of the connection
