"""Reolink NVR firmware as owners have it, taught to the simulator from public reports: 3.6.5
(RLN8-410), whose Search names each file and which ends the connection with no reply when
asked to Download a `fragment_*` name from NvrDownload (home-assistant/core#179099, #178519,
reolink_aio#196); an NVR that never answers Download (reolink_aio#190); and NvrDownload naming
several fragments for one window, each from its own time (API guide v7 §3.6.9).

Real HTTPS on 127.0.0.1, real footage whose frames carry their capture time."""
from __future__ import annotations

import hashlib
import json
import shutil
import socket
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from agent.recorders import credentials
from agent.recorders import fetch as fetch_module
from agent.recorders.connect import fetch_window
from agent.recorders.model import (DownloadFailed, FetchCancelled, NoReply, RecorderError,
                                   RecorderUnreachable)
from agent.recorders.wire import Wire
from agent.service import Agent
from agent.timebase import US, format_utc
from agent.views import RecorderAddress
from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSPHRASE, cli, recent_footage
from tests.recorder_sources_support import T0 as RECENT_T0
from tests.recorder_support import CLIP_S, PASSWORD, T0, connect, footage, stamps

__all__ = ["footage", "recent_footage"]  # the session fixtures, imported for pytest


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def downloads(sim: Simulator) -> list[str]:
    """The `source` of every Download the device was asked for, in order."""
    return [parse_qs(urlsplit(p).query)["source"][0] for _m, p in sim.device.log
            if "cmd=Download" in p]


def test_firmware_3_6_5_sends_the_recording_whole_by_its_name_when_it_drops_the_cut(footage, tmp_path):
    stored = sorted((footage / "01 Driveway").glob("*.mp4"))
    with Simulator(footage, "reolink", "admin", PASSWORD, tls=True,
                   quirks=("reolink-native-names",)) as sim:
        rec = connect(sim, "reolink", zone="UTC")
        try:
            # 4 s of the first recording, then 4 s of the second.
            got = fetch_window(rec, 0, T0 + 3 * US, T0 + 7 * US, tmp_path / "a")
            got += fetch_window(rec, 0, T0 + 13 * US, T0 + 17 * US, tmp_path / "b")
            found = list(rec.search(0, T0, T0 + 2 * CLIP_S * US))
        finally:
            rec.close()
        asked = downloads(sim)
    # The cut was asked for once, dropped (and tried again, as any dropped download is); from
    # then on each recording comes whole by the name Search gave it.
    assert [s.startswith("fragment_") for s in asked] == [True, True, True, False, False]
    assert asked[3:] == [r.handle for r in found]
    assert [sha256(g.path) for g in got] == [sha256(p) for p in stored[:2]]
    # Whole recordings start at their own start (the export counts from it), not the window's.
    assert [(g.start_us, g.end_us) for g in got] == [(r.start_us, r.end_us) for r in found]
    assert [g.query.command for g in got] == ["Download", "Download"]
    assert [stamps(g.path)[0] for g in got] == [T0, T0 + CLIP_S * US]


def test_an_nvr_that_never_answers_a_download_is_said_in_plain_words_and_nothing_is_kept(
        footage, tmp_path):
    with Simulator(footage, "reolink", "admin", PASSWORD, tls=True,
                   quirks=("reolink-no-download",)) as sim:
        rec = connect(sim, "reolink", zone="UTC")
        try:
            first, second = sorted(rec.search(0, T0, T0 + 2 * CLIP_S * US), key=lambda r: r.start_us)
            with pytest.raises(RecorderError) as caught:
                rec.fetch(first, T0 + 3 * US, T0 + 7 * US, tmp_path)
            asked = downloads(sim)
            # The next recording of the same stretch: its cut not asked for again, the same words.
            with pytest.raises(RecorderError) as again:
                rec.fetch(second, T0 + 13 * US, T0 + 17 * US, tmp_path)
        finally:
            rec.close()
        asked_again = downloads(sim)[len(asked):]
    said = str(caught.value)
    assert "both the piece it cut and the whole recording" in said
    assert "Nothing was downloaded" in said and "Reolink's own app" in said
    assert "token" not in said and PASSWORD not in said
    assert asked[-1] == first.handle and asked[0].startswith("fragment_")
    assert str(again.value) == said and set(asked_again) == {second.handle}
    assert list(tmp_path.iterdir()) == []


def test_several_fragments_for_one_window_are_never_taken_for_the_window(footage, tmp_path):
    # Without names (firmware before 3.6.5) nothing says where each fragment starts: refused.
    with Simulator(footage, "reolink", "admin", PASSWORD, quirks=("reolink-fragments",)) as sim:
        rec = connect(sim, "reolink", zone="UTC", allow_plain_http=True)
        try:
            with pytest.raises(RecorderError) as caught:
                fetch_window(rec, 0, T0 + 2 * US, T0 + 8 * US, tmp_path)
        finally:
            rec.close()
        assert downloads(sim) == []
    said = str(caught.value)
    assert "split this stretch into 2 files" in said and "nothing was downloaded" in said
    assert list(tmp_path.iterdir()) == []


def test_several_fragments_with_a_named_recording_bring_the_recording_whole(footage, tmp_path):
    stored = sorted((footage / "01 Driveway").glob("*.mp4"))[0]
    with Simulator(footage, "reolink", "admin", PASSWORD,
                   quirks=("reolink-fragments", "reolink-native-names")) as sim:
        rec = connect(sim, "reolink", zone="UTC", allow_plain_http=True)
        try:
            (got,) = fetch_window(rec, 0, T0 + 2 * US, T0 + 8 * US, tmp_path)
        finally:
            rec.close()
        assert [s.startswith("0-0-0-") for s in downloads(sim)] == [True]
    # Every second of the window is in it, each frame at its own time.
    assert sha256(got.path) == sha256(stored) and got.start_us == T0
    times = stamps(got.path)
    assert times[0] <= T0 + 2 * US and times[-1] >= T0 + 7 * US


def test_an_export_from_a_3_6_5_nvr_is_cut_sealed_and_verified(recent_footage, tmp_path, capsys,
                                                                  monkeypatch):
    # Before, every export from such an NVR failed: "The connection to the recorder ... failed
    # (Server disconnected without sending a response.)".
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(credentials, "SCRYPT_N", 1 << 10)   # the password file's cost, not its way
    home = tmp_path / "home"
    run = lambda *a, **kw: cli(capsys, monkeypatch, home, *a, **kw)  # noqa: E731
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True,
                   quirks=("reolink-native-names",)) as sim:
        code, _, err = run("sources", "add-recorder", sim.url, "--vendor", "reolink", "--user",
                           "admin", "--password-stdin", "--name", "nvr", "--camera", "drive",
                           "--zone", "UTC", stdin=PASSWORD + "\n")
        assert code == 0, err
        start, end = RECENT_T0 + 13 * US, RECENT_T0 + 17 * US
        code, done, err = run("export", "--camera", "drive", "--from", format_utc(start),
                              "--to", format_utc(end), "--out", str(tmp_path / "out"),
                              "--mode", "exact", "--json")
        assert code == 0, err
        times = stamps(Path(done["clip"]))
        assert min(times) == start and max(times) < end
        prov = json.loads((Path(done["package"]) / "data" / "provenance.json").read_text())
        (download,) = prov["recorder"]["downloads"]
        assert download["whole_recording"] and download["query"]["command"] == "Download"
        assert download["start"] == format_utc(RECENT_T0 + CLIP_S * US)
        code, verdict, _ = run("verify", done["package"], "--json")
        assert code == 0 and verdict["ok"], verdict


def test_a_preview_from_a_3_6_5_nvr_never_downloads_a_whole_recording(recent_footage, tmp_path,
                                                                      monkeypatch):
    # A preview wants 4 s; an NVR's recording is up to an hour. Where the device sends only the
    # whole recording, the preview goes without rather than fetch an hour a slot.
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(credentials, "SCRYPT_N", 1 << 10)
    agent = Agent(tmp_path / "home")
    try:
        with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True,
                       quirks=("reolink-native-names",)) as sim:
            address = RecorderAddress(sim.url, "reolink", "admin",
                                      agent.look_at_recorder(sim.url), "UTC")
            agent.add_recorder(address, PASSWORD, cameras=("drive", "porch"))
            start = RECENT_T0 + 13 * US
            assert [r.status for r in agent.recordings("drive")] == ["remote"] * 3
            assert agent.usable_recordings("drive", start, start + US) == []
            asked = downloads(sim)
    finally:
        agent.close()
    assert asked and all(s.startswith("fragment_") for s in asked)
    previews = tmp_path / "home" / "cache" / "recorders" / "previews"
    assert not [p for p in previews.rglob("*") if p.is_file()]


@pytest.mark.parametrize("answer, no_reply", [(b"", True),
                                              (b"HTTP/1.1 200 OK\r\nnot a header\r\n\r\n", False)])
def test_only_a_connection_ended_before_any_answer_is_no_reply(answer, no_reply):
    # A malformed answer came, so it is not what the fallback to the whole recording is for.
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(answer)

    server = threading.Thread(target=serve)
    server.start()
    wire = Wire(httpx.URL(f"http://127.0.0.1:{listener.getsockname()[1]}"), "reolink")
    try:
        with pytest.raises(RecorderUnreachable) as caught:
            wire.call("GET", "/cgi-bin/api.cgi", params={"cmd": "Download", "source": "x"})
    finally:
        wire.close()
        server.join()
        listener.close()
    assert isinstance(caught.value, NoReply) is no_reply


class StopAfter(threading.Event):
    """The owner's Stop, found pressed from the `looks`+1-th look on (a click at a known
    moment: the looks before it are the download's own, each attempt's and each piece's)."""

    def __init__(self, looks: int) -> None:
        super().__init__()
        self.looks = looks

    def is_set(self) -> bool:
        self.looks -= 1
        return self.looks < 0


def test_a_whole_recording_being_downloaded_stops_when_the_owner_stops_it(footage, tmp_path):
    # An NVR's recording is up to an hour: its download used to run to the end, whatever the
    # owner pressed, since Stop was looked at only between recordings.
    with Simulator(footage, "reolink", "admin", PASSWORD, tls=True,
                   quirks=("reolink-native-names",)) as sim:
        rec = connect(sim, "reolink", zone="UTC")
        try:
            first, second = sorted(rec.search(0, T0, T0 + 2 * CLIP_S * US), key=lambda r: r.start_us)
            rec.fetch(first, T0 + 3 * US, T0 + 7 * US, tmp_path / "a")   # its cuts refused
            with pytest.raises(FetchCancelled):
                rec.fetch(second, second.start_us + 3 * US, second.start_us + 7 * US,
                          tmp_path / "b", cancel=StopAfter(1))
        finally:
            rec.close()
        asked = downloads(sim)
    assert asked[-1] == second.handle   # stopped as its first bytes came
    assert list((tmp_path / "b").iterdir()) == []


def test_an_export_from_a_recorder_stops_during_its_download(recent_footage, tmp_path,
                                                              monkeypatch):
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(credentials, "SCRYPT_N", 1 << 10)
    agent = Agent(tmp_path / "home")
    try:
        with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True) as sim:
            address = RecorderAddress(sim.url, "reolink", "admin",
                                      agent.look_at_recorder(sim.url), "UTC")
            agent.add_recorder(address, PASSWORD, cameras=("drive", "porch"))
            start = RECENT_T0 + 13 * US
            # Looked at before the recording, as its download starts, then as bytes come.
            with pytest.raises(FetchCancelled):
                agent.export("drive", start, start + 4 * US, tmp_path / "out",
                             cancel=StopAfter(2))
    finally:
        agent.close()
    cache = tmp_path / "home" / "cache" / "recorders"
    assert not [p for p in cache.rglob("*") if p.is_file()]
    assert not list((tmp_path / "out").glob("*"))


def test_a_whole_recording_the_disk_cannot_hold_is_not_downloaded(footage, tmp_path, monkeypatch):
    # A disk short of what the device announced (its free space is the OS's to say; it cannot
    # be made small here): said before a byte is asked for, not after the minutes it takes.
    stored = sorted((footage / "01 Driveway").glob("*.mp4"))[0].stat().st_size
    free = stored - 1   # room for the piece the device cut, not for the whole recording
    real_usage = shutil.disk_usage
    monkeypatch.setattr(fetch_module.shutil, "disk_usage",
                        lambda path: real_usage(path)._replace(free=free))
    with Simulator(footage, "reolink", "admin", PASSWORD, tls=True,
                   quirks=("reolink-native-names",)) as sim:
        rec = connect(sim, "reolink", zone="UTC")
        try:
            first = min(rec.search(0, T0, T0 + CLIP_S * US), key=lambda r: r.start_us)
            with pytest.raises(DownloadFailed) as caught:
                rec.fetch(first, T0 + 3 * US, T0 + 7 * US, tmp_path)
        finally:
            rec.close()
        asked = downloads(sim)
    assert (f"would send is {stored:,} bytes and the disk holding {tmp_path} has {free:,} bytes "
            "free") in str(caught.value)
    assert "Free some space there" in str(caught.value)
    assert asked and first.handle not in asked   # its cut was tried; the whole never asked for
    assert list(tmp_path.iterdir()) == []
