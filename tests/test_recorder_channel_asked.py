"""A search answered with another channel's recordings (firmware leaving no channel out, or a
device on the LAN answering so) keeps the channel asked for alone. Before, every recording a
Dahua (`items[].Channel`) or Hikvision (`trackID`) search returned was taken as the asked
channel's: the Porch camera's recording was indexed, and exported, as the Driveway's."""
from __future__ import annotations

import logging

import pytest

from agent.timebase import US
from nvrsim.server import Simulator
from tests.recorder_support import CLIP_S, PASSWORD, POSIX_LA, T0, connect, footage

__all__ = ["footage"]


def own_handle(vendor: str, channel: int, handle: str) -> bool:
    """Whether the simulator's handle names a recording of `channel` (its folder or track)."""
    return (f"/{channel:03d}/" in handle if vendor == "dahua"
            else f"/Streaming/tracks/{channel}01/" in handle)


@pytest.mark.parametrize("vendor", ["dahua", "hikvision"])
def test_a_search_answered_with_every_channel_keeps_the_asked_one_and_says_so(
        vendor, footage, caplog):
    with Simulator(footage, vendor, "admin", PASSWORD, zone=POSIX_LA,
                   quirks=("search-all-channels",)) as sim:
        rec = connect(sim, vendor)
        try:
            with caplog.at_level(logging.WARNING, logger="agent.recorders.search_found"):
                driveway = list(rec.search(1, T0, T0 + 4 * CLIP_S * US))
                porch = list(rec.search(2, T0, T0 + 4 * CLIP_S * US))
        finally:
            rec.close()
    # The simulator's footage: three Driveway recordings, one Porch; each search got all four.
    assert len(driveway) == 3 and all(own_handle(vendor, 1, r.handle) for r in driveway)
    assert len(porch) == 1 and own_handle(vendor, 2, porch[0].handle)
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 2 and "left out" in said[0], said
    assert ("1 of 2" if vendor == "dahua" else "1 of 201") in said[0]
    assert ("3 of 1" if vendor == "dahua" else "3 of 101") in said[1]


@pytest.mark.parametrize("vendor", ["dahua", "hikvision"])
def test_a_search_answered_with_its_own_channel_leaves_nothing_out(vendor, footage, caplog):
    with Simulator(footage, vendor, "admin", PASSWORD, zone=POSIX_LA) as sim:
        rec = connect(sim, vendor)
        try:
            with caplog.at_level(logging.WARNING, logger="agent.recorders.search_found"):
                found = list(rec.search(1, T0, T0 + 4 * CLIP_S * US))
        finally:
            rec.close()
    assert len(found) == 3 and not caplog.records


@pytest.mark.parametrize("quirks", [("dahua-channels-from-zero",),
                                    ("dahua-channels-from-zero", "search-all-channels")])
def test_a_dahua_numbering_its_results_from_zero_keeps_each_cameras_own(quirks, footage):
    """Recorders hunt: Dahua NVRs are asked for a channel from 1 (the API, and the recorder's
    own screen) but write the recordings' `items[].Channel` from 0, the first camera's as 0
    (public clients' notes of live NVRs). The search kept only results saying the number
    asked, so every recording of such a recorder was left out: its cameras showed nothing
    recorded, and the log alone said why. The number below the one asked, said alone or
    beside a 0, is the channel asked; with every channel in the answer, each keeps its own."""
    with Simulator(footage, "dahua", "admin", PASSWORD, zone=POSIX_LA, quirks=quirks) as sim:
        rec = connect(sim, "dahua")
        try:
            driveway = list(rec.search(1, T0, T0 + 4 * CLIP_S * US))
            porch = list(rec.search(2, T0, T0 + 4 * CLIP_S * US))
        finally:
            rec.close()
    assert len(driveway) == 3 and all(own_handle("dahua", 1, r.handle) for r in driveway)
    assert len(porch) == 1 and own_handle("dahua", 2, porch[0].handle)
