"""Hikvision search results whose times are written in another ISO 8601 form than
`2026-11-20T22:00:00Z`: with an offset from UTC (`2026-11-20T14:00:00-08:00`: ISAPI writes ISO
8601, and its System/time writes local time so) or with fractions of a second
(`2026-11-20T22:00:00.000Z`). Before, every such result was passed over in silence: the
camera showed nothing recorded and no word said why. And a result whose times cannot be read
at all was passed over too; it is now the device's bad answer (the camera is said as not
refreshed, unrefreshed.CHANNEL_FAILED)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.index import unrefreshed  # noqa: E402
from agent.recorders.model import BadAnswer  # noqa: E402
from agent.timebase import US  # noqa: E402
from gui.views.core_words import in_owner_language  # noqa: E402
from nvrsim import hikvision as sim_hikvision  # noqa: E402
from nvrsim.server import Simulator  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.recorder_support import CLIP_S, PASSWORD, POSIX_LA, T0, connect, footage  # noqa: E402

__all__ = ["footage"]   # the session fixture, imported for pytest

STARTS = [T0 + i * CLIP_S * US for i in range(3)]   # Driveway's three recordings


def searched(sim: Simulator, **kw) -> list:
    rec = connect(sim, "hikvision", **kw)
    try:
        return list(rec.search(1, T0 - 3600 * US, T0 + 3600 * US))
    finally:
        rec.close()


@pytest.mark.parametrize("z_is_local", (False, True))
@pytest.mark.parametrize("quirk", ("hikvision-times-offset", "hikvision-times-fraction"))
def test_search_times_in_other_iso_forms_are_read_at_their_instant(quirk, z_is_local, footage):
    # The device's clock 90 s ahead, its zone Los Angeles: an offset written is read as the
    # instant on that clock, whatever `Z` means to the firmware.
    with Simulator(footage, "hikvision", "admin", PASSWORD, zone=POSIX_LA, clock_offset_s=90,
                   quirks=(quirk,), hik_z_is_local=z_is_local) as sim:
        found = searched(sim, z_is_local=z_is_local)
    assert [r.start_us for r in found] == [s + 90 * US for s in STARTS]
    assert [r.end_us - r.start_us for r in found] == [CLIP_S * US] * 3
    assert not any(r.start.ambiguous for r in found)


def test_a_search_time_that_is_no_time_is_a_bad_answer_not_a_recording_passed_over(
        footage, monkeypatch, spanish):
    monkeypatch.setattr(sim_hikvision.Hikvision, "_result_time", lambda self, us: "yesterday")
    with Simulator(footage, "hikvision", "admin", PASSWORD) as sim:
        with pytest.raises(BadAnswer, match="no readable start or end") as bad:
            searched(sim)
    # as the owner reads it, the camera not refreshed (unrefreshed.CHANNEL_FAILED), in Spanish
    said = in_owner_language(unrefreshed.CHANNEL_FAILED.format(camera="nvr/Driveway",
                                                          reason=str(bad.value)))
    assert said.startswith("No se actualizó la lista de grabaciones de nvr/Driveway: Un "
                           "resultado de búsqueda de Hikvision"), said
    assert "search" not in said and "refresh" not in said, said


SYDNEY = "AEST-10AEDT,M10.1.0,M4.1.0/3"   # summer time now, whenever in December it runs


@pytest.mark.parametrize("z_is_local", (False, True))
def test_a_hikvision_in_summer_time_writing_its_standard_offset_is_read_by_its_zone(
        z_is_local, footage):
    """Recorders hunt: a Hikvision writes its zone in its own form (`DST01:00:00`: how far
    summer time moves the clock) and, in summer, `localTime` with its standard offset, its
    wall time right (public field notes: `07:24:29-05:00` in New York on 9 September). The
    clock was read by the offset written, an hour off, and taken as the device's: recordings
    placed an hour off (and, where `Z` is local time, by a zone read three hours off). Its
    wall time is read by its zone's rules, the offset written kept only where it is one of
    theirs. The simulator's clock agrees with this computer's, in Sydney's summer."""
    from agent.recorders.clock import pc_now_us

    with Simulator(footage, "hikvision", "admin", PASSWORD, zone=SYDNEY,
                   quirks=("hikvision-own-tz",), hik_z_is_local=z_is_local) as sim:
        rec = connect(sim, "hikvision", z_is_local=z_is_local)
        try:
            clock = rec.clock()
            found = list(rec.search(1, T0 - 3600 * US, T0 + 3600 * US))
        finally:
            rec.close()
    assert "+10:00" in clock.device_text and abs(clock.offset_s) < 5, clock
    assert abs(clock.pc_us - pc_now_us()) < 3600 * US
    assert [r.start_us for r in found] == STARTS
