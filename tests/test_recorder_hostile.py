"""A recorder that answers in shapes its API never promised, or sends more than it announced.

A Reolink NVR written here (plain http on 127.0.0.1, which the agent allows to this computer)
answers as the real one does until the test tells it to misbehave: a size the agent cannot
read, a list where an object belongs, a time without its year, and downloads larger than the
size it announced or without end. The scan goes on and the recorder's failure is its state and
problem; a download stops at its bound and nothing of it is kept."""
from __future__ import annotations

import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from agent.index import mirror
from agent.recorders import fetch as fetch_module
from agent.recorders.connect import RecorderAddress, fetch_window, open_recorder
from agent.recorders.model import BadAnswer, DownloadFailed
from agent.recorders.wire import whole_number
from agent.service import Agent
from agent.timebase import US
from tests.test_safety_network import reply, serving
from tests.trickle_support import LASTS_S, PACE_S, cut_short, trickle

# How a passphrase is stretched is not what these tests are about (tests/test_keys.py).
pytestmark = pytest.mark.usefixtures("cheap_scrypt")

PASSWORD = "hostile-nvr-pw"
ANNOUNCED = 1000   # the fileSize the NVR gives for every download


def fields(t: time.struct_time) -> dict:
    return {"year": t.tm_year, "mon": t.tm_mon, "day": t.tm_mday, "hour": t.tm_hour,
            "min": t.tm_min, "sec": t.tm_sec}


class HostileReolink:
    """A one-channel Reolink NVR on 127.0.0.1 whose search and downloads follow `mode`."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.sent = 0          # bytes of footage sent by the last download
        self.cut_at: list[float | None] = []   # trickle_support.trickle's, for each trickle
        self.trickled, self.stop = threading.Event(), threading.Event()
        # A minute into the hour a test fetches (window_of): its recordings lie wholly inside
        # it however long the set-up takes on a busy machine (the first one was cut short).
        self.hour_ago = time.time() - 3600 + 60
        nvr = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            wbufsize = 1 << 16   # headers and body in one send: no 40 ms wait on each answer

            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                items = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                cmd = items[0]["cmd"]
                body = json.dumps([{"cmd": cmd, "code": 0, "value": nvr.value(cmd)}]).encode()
                if nvr.mode == "deep" and cmd != "Login":   # JSON nested past Python's reader
                    body = b"[" * 100_000 + b"]" * 100_000
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                nvr.download(self)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address) -> None:
                pass   # the agent hanging up on a download is what the tests want

        self._server = Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "HostileReolink":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def recording(self, n: int) -> dict:
        start, end = time.gmtime(self.hour_ago + 60 * n), time.gmtime(self.hour_ago + 60 * n + 30)
        entry = {"StartTime": fields(start), "EndTime": fields(end),
                 "PlaybackTime": fields(start), "size": "123456", "type": "main"}
        if self.mode == "bad_size" and n == 1:
            entry["size"] = "\u00b2"          # '²'.isdigit() is True; int('²') refuses it
        if self.mode == "huge_size" and n == 1:
            entry["size"] = "9" * 5000        # past int()'s digit limit, and any index's
        if self.mode == "no_playback_year" and n == 1:
            entry["PlaybackTime"] = {"mon": 1}
        return entry

    def value(self, cmd: str) -> dict:
        if cmd == "Login":
            if self.mode == "huge_token":   # Reolink's are under 32 characters
                return {"Token": {"name": "t" * (1 << 20), "leaseTime": 3600}}
            return {"Token": {"name": "token0123456789", "leaseTime": 3600}}
        if cmd == "GetDevInfo":
            return {"DevInfo": {"model": "RLN8-410", "firmVer": "v3", "serial": "S1",
                                "name": "nvr", "channelNum": 1}}
        if cmd == "GetChannelstatus":
            return {"count": 1, "status": [{"channel": 0, "name": "Drive"}]}
        if cmd == "GetTime":
            return {"Time": {**fields(time.gmtime()), "timeZone": 0}, "Dst": {"enable": 0}}
        if cmd == "Search":
            if self.mode == "result_list":
                return {"SearchResult": ["x"]}
            # other_channel: the answer of another camera (channel 1 for the 0 asked)
            return {"SearchResult": {"channel": 1 if self.mode == "other_channel" else 0,
                                     "File": [self.recording(n) for n in range(2)]}}
        if cmd == "NvrDownload":
            return {"fileCount": 1, "fileList": [{"fileName": "fragment_01.mp4",
                                                  "fileSize": str(ANNOUNCED)}]}
        return {"rspCode": 200}

    def download(self, handler: BaseHTTPRequestHandler) -> None:
        if self.mode in ("recut", "no_ranges"):
            return self.recut(handler)
        handler.send_response(200)
        handler.send_header("Content-Type", "video/mp4")
        self.sent = 0
        if self.mode == "trickle":   # a byte now and then: each read well within its timeout
            handler.send_header("Content-Length", str(ANNOUNCED))
            handler.end_headers()
            handler.close_connection = True

            def send(byte: bytes) -> None:
                handler.wfile.write(byte)
                handler.wfile.flush()

            self.cut_at.append(trickle(send, handler.connection, PACE_S, self.stop))
            self.trickled.set()
            return
        if self.mode == "endless":   # no length, the connection closes at the end: a stream
            handler.send_header("Connection", "close")
            handler.end_headers()
            handler.close_connection = True
            piece = b"\0" * 65536
            try:
                while self.sent < 64 << 20:   # stops in the end only to keep the test short
                    handler.wfile.write(piece)
                    self.sent += len(piece)
            except OSError:
                pass   # the agent hung up: what the test wants
            return
        size = 50 << 20 if self.mode == "larger" else ANNOUNCED
        handler.send_header("Content-Length", str(size))
        handler.end_headers()
        try:
            while self.sent < size:   # counted as it goes: what got out before a hang-up
                piece = b"\0" * min(65536, size - self.sent)
                handler.wfile.write(piece)
                self.sent += len(piece)
        except OSError:
            pass

    def recut(self, handler: BaseHTTPRequestHandler) -> None:
        """The first answer (FIRST_CUT) drops half-way; every later one is another cut of the
        window (LATER_CUT: the device started it from another keyframe), ranges honoured; or,
        in mode no_ranges, the same cut again whole, the range ignored."""
        self.answers = getattr(self, "answers", 0) + 1
        wanted = None if self.mode == "no_ranges" else handler.headers.get("Range")
        body = FIRST_CUT if self.answers == 1 or self.mode == "no_ranges" else LATER_CUT
        at = int(wanted[len("bytes="):].rstrip("-")) if wanted and self.answers > 1 else 0
        handler.send_response(206 if at else 200)
        handler.send_header("Content-Type", "video/mp4")
        if at:
            handler.send_header("Content-Range", f"bytes {at}-{len(body) - 1}/{len(body)}")
        handler.send_header("Content-Length", str(len(body) - at))
        handler.end_headers()
        if self.answers == 1:
            handler.wfile.write(body[:len(body) // 2])
            handler.close_connection = True
            return
        handler.wfile.write(body[at:])


FIRST_CUT = bytes(range(200)) * 5            # 1000 bytes
LATER_CUT = bytes(range(199, -1, -1)) * 6    # 1200 bytes: not the same answer


@pytest.fixture
def nvr():
    with HostileReolink() as device:
        yield device


@pytest.fixture
def agent(tmp_path, monkeypatch):
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", "owner passphrase for the recorders")
    a = Agent(tmp_path / "home")
    yield a
    a.close()


def remote(agent: Agent) -> list:
    return sorted((r for r in agent.recordings() if r.status == "remote"), key=lambda r: r.start_us)


# -- answers in shapes the API never promised --------------------------------------------------

@pytest.mark.parametrize("mode", ["bad_size", "huge_size", "no_playback_year"])
def test_an_odd_value_in_one_search_result_is_read_around(mode, nvr, agent):
    agent.add_recorder(RecorderAddress(nvr.url, "reolink", "admin"), PASSWORD, name="nvr")
    before = remote(agent)
    assert len(before) == 2
    nvr.mode = mode
    (report,) = agent.scan()
    assert not report.problems
    (rec,) = agent.recorders()
    assert rec.state == "ok" and rec.problem is None
    after = remote(agent)
    # The unreadable size is unknown; a PlaybackTime without its year leaves the start and end
    # (here UTC, as the device's zone is) to place the recording, at the same instants.
    assert [(r.start_us, r.end_us) for r in after] == [(r.start_us, r.end_us) for r in before]
    assert after[1].size == (123456 if mode == "no_playback_year" else 0)


def test_a_search_answered_for_another_channel_is_left_out_and_said(nvr, caplog):
    """Recorders hunt: a Reolink search answered with another channel's result (its
    `SearchResult.channel`) had those recordings taken as the asked channel's."""
    nvr.mode = "other_channel"
    rec = open_recorder(RecorderAddress(nvr.url, "reolink", "admin"), PASSWORD, timeout_s=5)
    try:
        with caplog.at_level("WARNING", logger="agent.recorders.search_found"):
            found = list(rec.search(0, int((nvr.hour_ago - 60) * US), int(time.time() * US)))
    finally:
        rec.close()
    assert found == []
    assert any("left out" in r.getMessage() and "2 of 1" in r.getMessage()
               for r in caplog.records)


def test_a_camera_whose_search_brought_only_another_channels_recordings_says_so(nvr, agent):
    """Recorders hunt: a search the recorder answered only with another channel's recordings
    had them left out and said in the log alone, so the camera showed nothing recorded and the
    owner was told nothing. The refresh says it (`scan`'s notes), and so does the recorder's
    state (Settings, `sources list`) until a refresh finds the camera's own."""
    nvr.mode = "other_channel"
    added = agent.add_recorder(RecorderAddress(nvr.url, "reolink", "admin"), PASSWORD, name="nvr")
    said = mirror.LEFT_OUT.format(camera="nvr")
    assert remote(agent) == [] and said in added.report.notes
    assert not added.report.problems   # the recorder answered: no failure
    (rec,) = agent.recorders()
    assert rec.state == "ok" and agent.recorder_state_words(rec).endswith("; " + said)
    nvr.mode = "ok"
    (report,) = agent.scan()
    (rec,) = agent.recorders()
    assert len(remote(agent)) == 2 and said not in report.notes and rec.problem is None


def test_adding_a_recorder_whose_camera_shows_nothing_says_why_on_the_command_line(
        nvr, tmp_path, capsys, monkeypatch):
    """Recorders hunt: `sources add-recorder` printed the first refresh's problems but not its
    notes, so a camera left showing nothing (mirror.LEFT_OUT) was said only later, by `scan`
    or `sources list`."""
    from tests.recorder_sources_support import cli

    nvr.mode = "other_channel"
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", "a passphrase for the hostile nvr")
    code, out, err = cli(capsys, monkeypatch, tmp_path / "home", "sources", "add-recorder",
                         nvr.url, "--vendor", "reolink", "--user", "admin", "--plain-http",
                         "--name", "nvr", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err
    said = out + err
    assert f"note: {mirror.LEFT_OUT.format(camera='nvr')}" in said, said
    assert said.count("the recorder's clock") == 1, said


def test_a_search_answer_of_the_wrong_shape_is_the_recorders_problem(nvr, agent):
    agent.add_recorder(RecorderAddress(nvr.url, "reolink", "admin"), PASSWORD, name="nvr")
    before = remote(agent)
    nvr.mode = "result_list"
    (report,) = agent.scan()   # no exception: the scan goes on, as for any recorder failure
    (problem,) = report.problems
    assert "not Reolink's list of recordings" in problem
    assert "AttributeError" not in problem and "'list'" not in problem
    (rec,) = agent.recorders()
    assert rec.state == "offline" and rec.failures == 1   # so `run` backs off
    assert [r.path for r in remote(agent)] == [r.path for r in before]   # kept, marked stale
    assert all("could not be asked since" in r.reason for r in remote(agent))


def test_any_answer_a_client_cannot_read_is_an_offline_recorder_not_a_crash(nvr, agent):
    # A shape no client check foresaw (here raised by a client stand-in) still ends as the
    # recorder's failure: offline, its rows kept, asked again later.
    agent.add_recorder(RecorderAddress(nvr.url, "reolink", "admin"), PASSWORD, name="nvr")
    (rec,) = agent.store.recorders.all()

    class Garbled:
        def info(self):
            raise KeyError("year")

        def close(self):
            pass

    done = mirror.refresh(agent.store, rec, lambda _rec: Garbled())
    assert (done.state, done.problem) == ("offline", mirror.UNREADABLE)
    assert agent.recorders()[0].state == "offline" and len(remote(agent)) == 2


def test_a_session_token_no_reolink_gives_is_the_recorders_problem_not_this_computers(nvr, agent):
    """Recorders hunt (a hostile device on the LAN): a login answered with a token of a
    megabyte raised httpx's InvalidURL on the next call, and again on logging out: adding the
    recorder failed with no words for the owner, and a refresh took it for this computer's
    failure ('Refreshing it failed on this computer')."""
    nvr.mode = "huge_token"
    rec = open_recorder(RecorderAddress(nvr.url, "reolink", "admin"), PASSWORD, timeout_s=5)
    try:
        with pytest.raises(BadAnswer, match="session token"):
            rec.info()
    finally:
        rec.close()   # logging out of a session never had raises nothing
    nvr.mode = "ok"
    agent.add_recorder(RecorderAddress(nvr.url, "reolink", "admin"), PASSWORD, name="nvr")
    nvr.mode = "huge_token"
    (report,) = agent.scan()
    (problem,) = report.problems
    assert "session token" in problem and "this computer" not in problem, problem
    assert agent.recorders()[0].state == "offline" and len(remote(agent)) == 2


def test_an_answer_nested_past_what_json_reads_is_not_reolinks_not_a_crash(nvr, agent):
    """Masks hunt (left alone there): an answer nested deeper than Python's JSON reader goes
    raised RecursionError, which no client check caught: adding the recorder ended in
    'unexpected failure', and a refresh took it for this computer's failure."""
    nvr.mode = "deep"
    rec = open_recorder(RecorderAddress(nvr.url, "reolink", "admin"), PASSWORD, timeout_s=5)
    try:
        with pytest.raises(BadAnswer, match="Reolink"):
            rec.info()
    finally:
        rec.close()
    nvr.mode = "ok"
    agent.add_recorder(RecorderAddress(nvr.url, "reolink", "admin"), PASSWORD, name="nvr")
    nvr.mode = "deep"
    (report,) = agent.scan()
    (problem,) = report.problems
    assert "this computer" not in problem and "Recursion" not in problem, problem
    assert agent.recorders()[0].state == "offline" and len(remote(agent)) == 2


def test_numbers_from_a_device_are_ascii_digits_that_fit_or_nothing():
    assert [whole_number(v) for v in ("0", "1000", 1000, "00012")] == [0, 1000, 1000, 12]
    odd = ["\u00b2", "\u0663", "9" * 5000, "-1", -1, " 1", "1.5", 1.5, True, None, [], {},
           str(1 << 63), 1 << 63]
    assert [whole_number(v) for v in odd] == [None] * len(odd)


# -- downloads: no more than announced, never without end --------------------------------------

def window_of(nvr: HostileReolink, folder: Path) -> list:
    """The last hour of channel 0 fetched from the NVR into `folder`."""
    recorder = open_recorder(RecorderAddress(nvr.url, "reolink", "admin"), PASSWORD, timeout_s=5)
    now = time.time_ns() // 1000
    try:
        return fetch_window(recorder, 0, now - 3600 * US, now, folder)
    finally:
        recorder.close()


def test_a_download_as_announced_is_kept(nvr, tmp_path):
    assert [f.size for f in window_of(nvr, tmp_path / "out")] == [ANNOUNCED, ANNOUNCED]


@pytest.mark.parametrize("mode, sent", [("recut", LATER_CUT), ("no_ranges", FIRST_CUT)])
def test_a_download_resumed_from_another_answer_is_started_again_not_spliced(
        mode, sent, nvr, tmp_path):
    # Dropped half-way, resumed with a byte range: the device answered the range from a new cut
    # of the window (1200 bytes, not the 1000 it had promised), and the file kept was the first
    # cut's first half joined to the second's tail, footage no recorder ever wrote, hashed
    # "as received" and said to be resumed. A device ignoring the range sends it all again:
    # nothing was resumed then either.
    nvr.mode = mode
    recorder = open_recorder(RecorderAddress(nvr.url, "reolink", "admin"), PASSWORD, timeout_s=5)
    now = time.time_ns() // 1000
    try:
        first = next(recorder.search(0, now - 3600 * US, now))
        got = recorder.fetch(first, first.start_us, first.end_us, tmp_path / "out")
    finally:
        recorder.close()
    assert got.path.read_bytes() == sent
    assert got.sha256 == hashlib.sha256(sent).hexdigest() and got.size == len(sent)
    assert got.resumed_at == ()   # nothing of the first answer is in the file


@pytest.mark.parametrize("mode", ["larger", "endless"])
def test_a_download_past_what_the_recorder_announced_is_stopped_and_nothing_kept(
        mode, nvr, tmp_path):
    nvr.mode = mode   # 50 MiB with a matching Content-Length; or a stream without a length
    with pytest.raises(DownloadFailed, match=f"more than the {ANNOUNCED} bytes it announced"):
        window_of(nvr, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []   # neither the file nor a partial
    assert nvr.sent < 16 << 20   # the agent hung up long before the device stopped


def test_a_download_with_no_size_announced_stops_at_its_windows_bound(nvr, tmp_path, monkeypatch):
    # As Dahua's and Hikvision's downloads by time: no size known before the answer.
    real = fetch_module.fetch_to_file
    seen = []

    def unannounced(wire, spec, folder, attempts=fetch_module.ATTEMPTS):
        spec = fetch_module.Download(**{**spec.__dict__, "expected_size": None})
        seen.append(spec)
        return real(wire, spec, folder, attempts)
    monkeypatch.setattr("agent.recorders.reolink.fetch_to_file", unannounced)
    monkeypatch.setattr(fetch_module, "MAX_RATE", 1000)   # so the bound is 10 min of lead-in: 600 kB
    nvr.mode = "endless"
    with pytest.raises(DownloadFailed, match="far more than any camera records"):
        window_of(nvr, tmp_path / "out")
    window_s = (seen[0].end_us - seen[0].start_us) // US   # the 30 s recording, as cut
    assert 29 <= window_s <= 30
    assert fetch_module.byte_cap(seen[0]) == (window_s + fetch_module.LEAD_S) * 1000
    assert nvr.sent < 16 << 20
    assert list((tmp_path / "out").iterdir()) == []


def test_a_download_trickling_in_is_stopped_at_its_time_limit(nvr, tmp_path, monkeypatch):
    # Each byte comes well within the 5 s timeout of a read; only the whole download's limit
    # ends it (10 min and more in life: shortened here).
    monkeypatch.setattr(fetch_module, "time_limit_s", lambda spec: 1.0)
    nvr.mode = "trickle"
    with pytest.raises(DownloadFailed, match="took longer than"):
        window_of(nvr, tmp_path / "out")
    # Hung up early in a trickle of a minute (trickle_support.py), not at its end.
    assert nvr.trickled.wait(LASTS_S) and cut_short(nvr.cut_at), nvr.cut_at
    assert list((tmp_path / "out").iterdir()) == []


def test_download_limits_allow_a_slow_recorder_real_footage():
    spec = fetch_module.Download("GET", "/", None, 0, 0, 3600 * US, "a.mp4",
                                 expected_size=4 << 30)   # an hour of 4K: about 4 GiB
    assert fetch_module.byte_cap(spec) == (4 << 30) + (4 << 30) // 100
    assert fetch_module.time_limit_s(spec) > (4 << 30) / (256 << 10)   # at 256 KiB/s
    unknown = fetch_module.Download("GET", "/", None, 0, 0, 3600 * US, "a.mp4")
    assert fetch_module.byte_cap(unknown) > 3600 * 16_000_000 // 8 * 2   # twice 4K's 16 Mbit/s
    assert fetch_module.time_limit_s(unknown) >= 4 * 3600   # a quarter of real time


# -- a search that never ends: the same page again and again -------------------------------------

_ITEM = ("<searchMatchItem><trackID>101</trackID><timeSpan><startTime>{s}</startTime>"
         "<endTime>{e}</endTime></timeSpan><mediaSegmentDescriptor><playbackURI>"
         "rtsp://10.0.0.2/Streaming/tracks/101/?starttime=x&amp;name={n}&amp;size=100"
         "</playbackURI></mediaSegmentDescriptor></searchMatchItem>")


def _same_page_again(vendor: str, asked: list):
    """A handler answering every search page with the same recordings and 'there is more'."""
    def behave(h, _status):
        asked.append(h.path)
        if vendor == "hikvision":
            items = "".join(_ITEM.format(s=f"2026-11-20T22:0{i}:00Z", e=f"2026-11-20T22:0{i}:30Z",
                                         n=i) for i in range(2))
            body = ('<CMSearchResult xmlns="urn:psialliance-org"><responseStatusStrg>MORE'
                    f"</responseStatusStrg><numOfMatches>2</numOfMatches><matchList>{items}"
                    "</matchList></CMSearchResult>")
        elif "factory.create" in h.path:
            body = "result=7\r\n"
        elif "findNextFile" in h.path:
            body = "found=1\r\nitems[0].StartTime=2026-11-20 22:00:00\r\n" \
                   "items[0].EndTime=2026-11-20 22:00:30\r\nitems[0].FilePath=/mnt/a.dav\r\n"
        else:
            body = "OK\r\n"
        reply(h, 200, body.encode(), {"Content-Type": "text/plain"})
    return behave


@pytest.mark.parametrize("vendor", ["hikvision", "dahua"])
def test_a_search_answering_the_same_page_again_ends_with_each_recording_once(vendor, monkeypatch):
    """Recorders hunt (a hostile device on the LAN, or firmware repeating itself): a search
    whose every page brought the same recordings and said there were more was asked 10,000
    times, and each repeat became one more row of the same recording (path~2, ~3, ...), up to
    hundreds of thousands in the index. A page that brings nothing new ends the search."""
    from agent.recorders import dahua_search, hikvision
    from agent.timebase import parse_rfc3339

    for client in (dahua_search, hikvision):   # the bound is not what is tested: a quick failure
        monkeypatch.setattr(client, "MAX_PAGES", 50)
    asked: list = []
    t0 = parse_rfc3339("2026-11-20T00:00:00Z")
    with serving(_same_page_again(vendor, asked)) as server:
        rec = open_recorder(RecorderAddress(server.origin, vendor, "admin", None, "UTC"), "pw",
                            timeout_s=5)
        try:
            found = list(rec.search(1, t0, t0 + 86400 * US))
        finally:
            rec.close()
    assert len(found) == (2 if vendor == "hikvision" else 1)
    assert len([p for p in asked if "search" in p or "findNextFile" in p]) <= 3, len(asked)


def test_a_dahua_refusing_getcount_is_no_refused_password_and_is_asked_it_once():
    """`getCount` (a Dahua's total, in a form no public document shows) answered 401, as a
    firmware might answer an action it does not know: the search goes on without a total, the
    password is not taken for refused (which would stop the recorder until added again), and it
    is not asked again of the connection (a refusal may count toward the lock-out)."""
    from agent.timebase import parse_rfc3339

    asked: list = []

    def behave(h, _status):
        asked.append(h.path)
        if "getCount" in h.path:
            reply(h, 401, b"Error\r\nInvalid Authority!\r\n", {"Content-Type": "text/plain"})
            return
        if "factory.create" in h.path:
            body = "result=7\r\n"
        elif "findNextFile" in h.path:
            first = sum("findNextFile" in p for p in asked) % 2
            body = ("found=1\r\nitems[0].StartTime=2026-11-20 22:00:00\r\n"
                    "items[0].EndTime=2026-11-20 22:00:30\r\nitems[0].FilePath=/mnt/a.dav\r\n"
                    if first else "found=0\r\n")
        else:
            body = "OK\r\n"
        reply(h, 200, body.encode(), {"Content-Type": "text/plain"})

    t0 = parse_rfc3339("2026-11-20T00:00:00Z")
    with serving(behave) as server:
        rec = open_recorder(RecorderAddress(server.origin, "dahua", "admin", None, "UTC"), "pw",
                            timeout_s=5)
        try:
            for _ in range(2):
                assert len(list(rec.search(1, t0, t0 + 86400 * US))) == 1
        finally:
            rec.close()
    assert sum("getCount" in p for p in asked) == 1, asked


@pytest.mark.parametrize("vendor, body, mib", [
    ("hikvision", b'<DeviceInfo xmlns="http://www.hikvision.com/ver20/XMLSchema"><deviceName>NVR'
                  b"</deviceName><model>DS-7608NI</model>" + b"<a/>" * (5 << 18)
                  + b"</DeviceInfo>", 4),
    ("dahua", b"deviceType=DHI-NVR4108\r\n" + b"a=b\r\n" * (3 << 19), 2),
    ("reolink", b"[" + b"{}," * (3 << 20) + b"{}]", 8)])
def test_an_answer_past_what_its_make_ever_sends_is_refused_before_it_is_read(
        vendor, body, mib):
    """Recorders hunt (a hostile device on the LAN): every answer up to 32 MiB was read whole
    into objects: 32 MiB of tiny XML elements cost one Hikvision answer some 800 MiB of memory.
    Each make's answers are read up to what it ever sends, many times over (a Hikvision's
    search page of 40 is some 25 KiB; a Reolink's day of one camera comes in one answer)."""
    asked = []

    def behave(h, _status):
        asked.append(h.path)
        reply(h, 200, body, {"Content-Type": "application/octet-stream"})
    refused = None
    with serving(behave) as server:
        try:
            rec = open_recorder(RecorderAddress(server.origin, vendor, "admin", None, "UTC"),
                                "pw", timeout_s=5)
            try:   # closed either way: a connection left open holds the server's close
                rec.info()
            finally:
                rec.close()
        except BadAnswer as exc:
            refused = str(exc)
    where = server.origin.split("//")[1]
    assert refused is not None and refused.startswith(
        f"The recorder at {where} sent an answer larger than {mib} MiB to a "), refused
    assert len(asked) == 1
