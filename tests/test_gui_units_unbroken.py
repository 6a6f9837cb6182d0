"""A number and its unit never part across lines: the Spanish request page showed "(40" above
"s)" and "quedan 4" above "días" (display.duration, time_left and size now join them with a
no-break space, and the labels' sanitiser keeps it); so do how long a camera keeps footage on
the registration review and the seconds of a portal's or recorder's time-out."""
from __future__ import annotations

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from gui.views import display  # noqa: E402
from gui.views.core_words import in_owner_language  # noqa: E402
from gui.views.registration_review import days  # noqa: E402
from gui.widgets.labels import PlainLabel  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401

US = 1_000_000
NOW = 1_800_000_000 * US
# A number followed by a space (or by the end of a line) where a label may wrap.
PARTED = re.compile(r"\d(?: |$)")
RECORDER = "nvr.example"


def said() -> list[str]:
    return [*(display.duration(s) for s in (0, 12, 60, 270, 3900)),
            *(display.time_left(NOW + s * US, NOW) for s in (90, 5 * 3600, 4 * 86400)),
            *(display.size(n) for n in (12, 640_000, 1_200_000, 2_500_000_000)),
            *(days(n) for n in (1, 14)),
            # the recorder's address ends in its port, a number with no unit after it
            *(in_owner_language(m).replace(f"{RECORDER}:80", "") for m in time_outs())]


def time_outs() -> list[str]:
    """The core's own words for a recorder and a portal that took too long (no waiting: each
    message as the core makes it when its time is up)."""
    import httpx

    from agent.recorders.wire import Wire
    from agent.requests.portal_client import PortalClient, PortalError
    from frp.agency import Agency
    from tests.test_gui_core_words import silent_server

    wire = Wire(httpx.URL(f"http://{RECORDER}"), "hikvision", timeout_s=10.0, call_limit_s=30.0)
    try:
        out = [str(wire._failure(httpx.ReadTimeout("slow"))), str(wire._cut_off(30.0))]
    finally:
        wire.close()
    server, port = silent_server()   # a portal that never answers, cut off at its call limit
    portal = Agency(id="https://pd.example", name="Springfield PD", phone="", keys=(),
                    portal=f"http://127.0.0.1:{port}", upload_origins=())
    try:
        with PortalClient(call_limit_s=0.05) as client:
            with pytest.raises(PortalError) as caught:
                client.call(portal, "GET", "/requests", None)
    finally:
        server.close()
    return out + [str(caught.value)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_number_parts_from_its_unit(language, request):
    if language == "es":
        request.getfixturevalue("spanish")
    texts = said()
    parted = [t for t in texts if PARTED.search(t)]
    assert parted == [], parted
    assert all(re.search(r"\d\u00a0\w", t) for t in texts if t != display.time_left(NOW, NOW))
    if language == "es":
        assert "quedan 4\u00a0días" in texts and "40\u00a0s" in [display.duration(40)]
    *_, recorder, cut_off, portal = texts
    assert all("took more than" in t or "did not answer" in t for t in (recorder, cut_off,
                                                                          portal)) == (
        language == "en"), texts   # the core's words, in Spanish with the catalogue's


def test_a_label_shows_the_joined_unit_as_it_was_written(qapp):
    label = PlainLabel()
    label.setText(f"(quedan {display.time_left(NOW + 4 * 86400 * US, NOW)})")
    assert "4\u00a0days" in label.text(), repr(label.text())


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_seconds_a_copy_starts_late_stay_with_their_unit(language, request):
    """"driveway: starts 1.0 s after your start" could wrap between 1.0 and s."""
    from gui.views.summary import CameraPart, Outgoing, lines

    if language == "es":
        request.getfixturevalue("spanish")
    out = Outgoing((CameraPart("driveway", 8.0, 1000, 0, 1.0, False),), NOW, NOW + 9 * US,
                   "copy", False, ())
    (late,) = [row for row in lines(out, "x", "UTC") if "driveway:" in row]
    mark = "," if language == "es" else "."   # Spanish writes 1,0 (test_gui_decimal_mark)
    assert f"1{mark}0\u00a0s" in late and not PARTED.search(late), late
