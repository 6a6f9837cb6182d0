"""A Hikvision ring file the camera records over while its rows are in the index.

A camera (or an NVR keeping its footage on a NAS share in the same format) writes into its
ring files for as long as it runs, and when the ring comes round it records over the oldest:
the bytes the scan placed at last week's times then hold today's footage. A cut of the row
sealed today's footage at last week's times (the gate matched the bytes it was given, and the
whole-file check of changed.py leaves ring files out). The cards are written by
demo/hikvision_card.py: real MPEG-PS footage whose every frame carries its capture time.
"""
from __future__ import annotations

from pathlib import Path

import av
import pytest

from agent.service import AgentError
from demo.hikvision_card import Recording, write_card
from demo.samples import read_stamp
from tests.conftest import t

T = t("2026-11-20T22:00:00Z")
S = 1_000_000
WEEK = 7 * 86400 * S
SMALL = {"width": 320, "height": 240}
FIRST = [Recording(T, 6, 0), Recording(T + 10 * S, 6, 1)]
# A week on the ring came round to file 0: a new recording from its first byte on, the index
# listing it there instead; file 1's recording untouched.
WRAPPED = [Recording(T + WEEK, 6, 0), Recording(T + 10 * S, 6, 1)]


def first_stamp(clip: Path) -> int:
    with av.open(str(clip)) as container:
        frame = next(container.decode(video=0))
        return read_stamp(frame.to_ndarray(format="gray"))


def scanned_card(agent, root: Path) -> None:
    write_card(root, FIRST, **SMALL)
    agent.add_source(root, camera="garage", tz="UTC")
    agent.scan()


def test_a_recording_the_ring_came_round_to_since_the_scan_is_not_cut_at_its_old_times(
        tmp_path, agent):
    root = tmp_path / "garage"
    scanned_card(agent, root)
    write_card(root, WRAPPED, **SMALL)   # the camera went on recording; no scan since
    with pytest.raises(AgentError, match="hiv00000.mp4 changed after it was indexed"):
        agent.export("garage", T + S, T + 4 * S, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    # The index file changed, but file 1's recording is listed as it was: it is cut as indexed.
    kept = agent.export("garage", T + 11 * S, T + 14 * S, tmp_path / "out")
    assert first_stamp(kept.clip) == T + 11 * S
    agent.scan()   # the rows now say what the ring holds: cut at its own times
    again = agent.export("garage", T + WEEK + S, T + WEEK + 4 * S, tmp_path / "again")
    assert first_stamp(again.clip) == T + WEEK + S


def test_a_recording_the_ring_comes_round_to_while_it_is_cut_leaves_no_package(tmp_path, agent):
    root = tmp_path / "garage"
    scanned_card(agent, root)
    wrapped = []

    def camera_records_on(stage, fraction):
        if stage == "cutting" and not wrapped:
            wrapped.append(write_card(root, WRAPPED, **SMALL))
    with pytest.raises(AgentError, match="hiv00000.mp4 changed after it was indexed"):
        agent.export("garage", T + S, T + 4 * S, tmp_path / "out", progress=camera_records_on)
    assert wrapped
    assert not any((tmp_path / "out").glob("*/data/*.mp4"))


def test_a_recording_the_camera_finished_since_the_scan_is_still_cut(tmp_path, agent,
                                                                      written_just_now):
    root = tmp_path / "garage"
    write_card(root, [Recording(T, 6, 0), Recording(T + 10 * S, 6, 0, open=True)], **SMALL)
    agent.add_source(root, camera="garage", tz="UTC")
    agent.scan()
    assert [r.status for r in agent.store.files("garage", T, T + 20 * S)] == ["ok", "in-progress"]
    write_card(root, [Recording(T, 6, 0), Recording(T + 10 * S, 6, 0)], **SMALL)   # ended
    done = agent.export("garage", T + S, T + 4 * S, tmp_path / "out")
    assert first_stamp(done.clip) == T + S
