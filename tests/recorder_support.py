"""Shared pieces of the recorder tests: real footage in the simulator's folder layout, written
once per session with PyAV (demo.samples), and a simulator per test."""
from __future__ import annotations

import os
import time
from pathlib import Path

import av
import pytest

from agent.index.mirror import placed_rows
from agent.index.mirrored_rows import match
from agent.recorders.connect import RecorderAddress, look_at_certificate, open_recorder
from agent.timebase import US, parse_rfc3339
from demo.samples import ClipSpec, read_stamp, write_clip
from nvrsim.catalogue import channel_folder, clip_name
from nvrsim.server import Simulator

T0 = parse_rfc3339("2026-11-20T22:00:00Z")
CLIP_S = 10
GOP_S = 2.0
PASSWORD = "correct horse 7"
# The simulator's zone (POSIX) and the same rules by IANA name (for Dahua, whose zone is named).
POSIX_LA, IANA_LA = "PST8PDT,M3.2.0,M11.1.0", "America/Los_Angeles"
VENDORS = ("reolink", "dahua", "hikvision")


def stand_clocks_still(monkeypatch) -> None:
    """Each time the agent reads a recorder's clock (agent.recorders.clock.read_clock), this
    PC's clock and the true time the simulator's device clock runs from
    (nvrsim.device.true_now_s) stand still at one instant until it has the answer: the next
    half second past a whole one, so never before what the test read of time.time(). Read
    over the network a clock is good only to the round trip: on a loaded machine an answer
    leaving a second after the device read its clock took its offset a whole second out (3 h
    less 1 s, tests/test_recorder_holds.py), and every recording placed by it. Standing
    still, the reading is the device's offset exactly however late the answer; between
    readings both run as they do. Readings are taken one at a time. For an agent and a
    simulator both in this process (a child's clock would run on)."""
    import sys
    import threading

    import agent.recorders.connect  # noqa: F401 (loads every maker's client, to patch each)
    import nvrsim.device
    from agent.recorders import clock

    real_read, real_now = clock.read_clock, nvrsim.device.true_now_s
    held: list[int] = []
    one_at_a_time = threading.Lock()

    def read_clock(ask, now=None):
        if now is not None:   # a test's own PC clock
            return real_read(ask, now)
        with one_at_a_time:
            at_us = (time.time_ns() // 1000 + US // 2) // US * US + US // 2
            held.append(at_us)
            try:
                return real_read(ask, lambda: at_us)
            finally:
                held.clear()

    def true_now_s() -> float:
        return held[0] / US if held else real_now()

    readers = [m for n, m in list(sys.modules.items())
               if n.startswith("agent.recorders.") and getattr(m, "read_clock", None) is real_read]
    assert len(readers) >= 3, readers   # Dahua's, Hikvision's and Reolink's clients
    for module in readers:
        monkeypatch.setattr(module, "read_clock", read_clock)
    monkeypatch.setattr(nvrsim.device, "true_now_s", true_now_s)


def remote_rows(source_id: int, root: str, camera: str, channel: str, found, offset_s: float,
                vendor: str, now_us: int, kept=None) -> list:
    """The index rows a refresh makes of what a channel's search returned (mirror.refresh:
    each recording matched to its row, mirrored_rows.match, then placed_rows): each by the
    clock offset its row was mirrored with before (`kept`), else by `offset_s`."""
    return placed_rows(source_id, camera, channel, match(root, channel, found, kept or []),
                       offset_s, vendor, now_us)


def first_channel(vendor: str) -> int:
    """The vendor's own number for the first camera (Reolink counts from 0)."""
    return 0 if vendor == "reolink" else 1


@pytest.fixture(scope="session")
def footage(tmp_path_factory) -> Path:
    """Two channels: Driveway with three 10 s clips from T0, Porch with one."""
    return two_channels(tmp_path_factory.mktemp("nvr-footage"), T0)


def two_channels(root: Path, t0_us: int) -> Path:
    """A simulator's folder: Driveway with three 10 s clips from `t0_us`, Porch with one."""
    for n, name, count in ((1, "Driveway", 3), (2, "Porch", 1)):
        for i in range(count):
            s = t0_us + i * CLIP_S * US
            write_clip(ClipSpec(path=root / channel_folder(n, name) / clip_name(s, s + CLIP_S * US),
                                start_us=s, seconds=CLIP_S, gop_s=GOP_S))
    return root


def many_clips(root: Path, source: Path, channel: int, start_us: int, count: int, seconds: int) -> Path:
    """`count` back-to-back recordings on one channel, each a hard link to one real file
    (searching reads names; a download still gets real footage)."""
    folder = root / channel_folder(channel, f"Cam{channel}")
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        s = start_us + i * seconds * US
        os.link(source, folder / clip_name(s, s + seconds * US))
    return root


def stamps(path: Path) -> list[int]:
    """The capture time of every frame stored in a file (edit lists ignored: every byte counts)."""
    with av.open(str(path), options={"ignore_editlist": "1"}) as container:
        return [read_stamp(frame.to_ndarray(format="gray")) for frame in container.decode(video=0)]


def connect(sim: Simulator, vendor: str, password: str = PASSWORD, **kw):
    """A recorder client for a running simulator, its certificate trusted as an owner would."""
    fingerprint = look_at_certificate(sim.url) if sim.scheme == "https" else None
    zone = kw.pop("zone", IANA_LA if vendor == "dahua" else None)
    timeout_s = kw.pop("timeout_s", 5.0)
    address = RecorderAddress(sim.url, vendor, "admin", fingerprint, zone, **kw)
    return open_recorder(address, password, timeout_s=timeout_s)
