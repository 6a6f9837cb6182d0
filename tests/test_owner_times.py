"""Every time a sentence of the core names is on the owner's own clock: the command line says
it as it says every time (`2026-09-21 07:12:19 PDT`, frp.times.format_local), the app as it
writes every time (`Mon 21 Sep 2026, 07:12:19 PDT`, in the owner's language). Before, a request
refused as expired said "expired at 2026-09-21 14:12:19 UTC", an approval refused for the same
reason "expired at 2026-09-21T14:12:19Z", and the app kept both as the core wrote them."""
from __future__ import annotations

import os
import re
import types

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.export.cut import _dropped  # noqa: E402
from agent.requests.approval_choices import new_approval  # noqa: E402
from agent.requests.approval_run import chosen_approval  # noqa: E402
from agent.requests.intake import checked_request  # noqa: E402
from agent.timebase import US, format_utc  # noqa: E402
from frp.claims import Rejected  # noqa: E402
from frp.times import FIRST_US, format_local  # noqa: E402
from gui.views import core_words  # noqa: E402
from gui.views.core_templates import TEMPLATES  # noqa: E402
from gui.views.core_words import in_owner_language  # noqa: E402
from gui.views.display import day_time  # noqa: E402
from gui.views.times import read_shown  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_token import NOW, claims, iso, make_store, signed  # noqa: E402

ZONE = "America/Los_Angeles"
# the placeholders of the core's templates that hold a time
_TIMES = getattr(core_words, "_TIMES", {"when", "time"})
# 01:30 PST on 1 Nov 2026, the second time the clocks read 01:30 that night (PDT first)
REPEATED_HOUR_US = 1_793_525_400 * US   # 2026-11-01T09:30:00Z


@pytest.fixture
def pacific(monkeypatch):
    """This PC's clock is in Los Angeles (agent.timebase.system_zone_name reads TZ first)."""
    monkeypatch.setenv("TZ", ZONE)


def _refused(call, kind) -> str:
    with pytest.raises(kind) as caught:
        call()
    return getattr(caught.value, "reason", None) or str(caught.value)


def core_sentences(home, tmp_path) -> list[tuple[str, int]]:
    """(sentence, the instant it names) for each sentence of the core that names a time, each
    made by the core's own code."""
    store = make_store(home, tmp_path)

    def request(**changes) -> str:
        token = signed(claims(**changes))
        return _refused(lambda: checked_request(token, store, ["reg-1"], lambda i, j: False,
                                                now=NOW), Rejected)

    future = {"start": iso(NOW + 3600), "end": iso(NOW + 7200)}
    entry = types.SimpleNamespace(jti="req-7", status="expired", cameras=("porch",),
                                  expires_at_us=(NOW - 61) * US,
                                  window_start_us=(NOW - 7200) * US,
                                  window_end_us=(NOW - 3600) * US)
    expired = _refused(lambda: chosen_approval(None, None, entry, None, None, None, None, None,
                                               None, None, None), Exception)
    wider = _refused(lambda: new_approval(entry, ["porch"], ["porch"], (NOW - 7201) * US, None,
                                          None, None), Exception)
    dropped = str(_dropped(types.SimpleNamespace(dropped_frames=3, dropped_audio_packets=0,
                                                 first_dropped_us=REPEATED_HOUR_US)))
    return [(request(exp=NOW - 61), (NOW - 61) * US),
            (request(iat=NOW + 3600), (NOW + 3600) * US),
            (request(window=future), (NOW + 3600) * US),
            (request(iat=NOW - 10, exp=NOW - 20), (NOW - 20) * US),
            (request(window={"start": iso(NOW - 60), "end": iso(NOW - 120)}), (NOW - 60) * US),
            (expired, (NOW - 61) * US),
            (wider, (NOW - 7200) * US),
            (dropped, REPEATED_HOUR_US)]


def test_every_time_a_core_sentence_names_is_on_this_pcs_clock(pacific, home, tmp_path):
    for sentence, us in core_sentences(home, tmp_path):
        local = format_local(us, ZONE)
        assert local in sentence, sentence
        assert local.endswith((" PST", " PDT")), local
        assert "UTC" not in sentence and format_utc(us) not in sentence, sentence


def test_the_app_writes_those_times_as_it_writes_every_time_in_spanish(pacific, spanish, home,
                                                                       tmp_path):
    for sentence, us in core_sentences(home, tmp_path):
        said = in_owner_language(sentence)
        assert day_time(us, ZONE) in said, (sentence, said)
        assert format_local(us, ZONE) not in said, said
        for english in (" at ", "expire", "window", "frames"):
            assert english not in said, said


def _time_templates() -> list[str]:
    names = lambda t: set(re.findall(r"\{(\w+)\}", t))  # noqa: E731
    return [t for t in TEMPLATES if names(t) & _TIMES]


@pytest.mark.parametrize("template", _time_templates())
def test_every_core_template_with_a_time_writes_it_as_the_app_does(pacific, spanish, template):
    for us in (NOW * US, REPEATED_HOUR_US, REPEATED_HOUR_US - 3600 * US):
        values = {name: format_local(us, ZONE) if name in _TIMES else "7"
                  for name in re.findall(r"\{(\w+)\}", template)}
        said = in_owner_language(template.format(**values))
        assert day_time(us, ZONE) in said and format_local(us, ZONE) not in said, said


def test_a_time_read_back_is_the_instant_written_on_either_side_of_the_clocks_going_back():
    for us in (REPEATED_HOUR_US - 3600 * US, REPEATED_HOUR_US, NOW * US + 250_000):
        assert read_shown(format_local(us, ZONE), ZONE) == us // 1000 * 1000
    first = format_local(FIRST_US, ZONE)   # the zone would take it before the year 1: UTC
    assert first == "0001-01-01 00:00:00 UTC" and read_shown(first, ZONE) == FIRST_US
    for not_one in ("2026-13-01 10:00:00 PST", "2026-11-20 14:05:00 CET", "soon",
                    "2026-11-20T14:05:00Z"):
        assert read_shown(not_one, ZONE) is None, not_one
