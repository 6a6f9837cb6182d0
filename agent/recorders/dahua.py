"""Dahua recorders and their Amcrest and Lorex brands over the CGI API (docs/recorders.md, Dahua).

HTTP Digest on every call (never Basic: it would send the password as it is), `key=value`
answers, a finder object for searching that is always closed and destroyed (dahua_search.py), and downloads by
file (RPC_Loadfile, whole) or by time (loadfile.cgi, the device cuts at keyframes). Dahua's
zone setting is an index into a table no public source maps, so times are read in the zone
the owner names (by default this PC's).
"""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import httpx

from agent.recorders.clock import read_clock
from agent.recorders.dahua_search import FMT, DahuaSearch, parse_lines
from agent.recorders.dahua_search import query as _query
from agent.recorders.fetch import Download, fetch_to_file
from agent.recorders.model import (BadAnswer, Channel, ClockReading, CredentialsRefused, Fetched,
                                   Query, RecorderError, RecorderInfo, Recording,
                                   NothingNamesIt, TIMES_SHARED, WholeOnly, first_channels,
                                   not_this_make)
from agent.recorders.wire import Answer, Wire, whole_number
from agent.recorders.zones import DeviceZone, named_once
from agent.timebase import US


class DahuaRecorder(DahuaSearch):
    vendor = "dahua"

    def __init__(self, wire: Wire, zone: DeviceZone) -> None:
        self._wire, self._zone = wire, zone
        self._from_zero = False   # its search results number channels from 0 (_own_number)
        self._counts = True       # it may answer getCount (_total)
        self._none_at_find: bool | None = None   # findFile says Error for nothing (_says_none)
        self.left_out: Counter = Counter()   # by the channel asked (model.Recorder)

    def __repr__(self) -> str:
        return f"DahuaRecorder({self._wire.where})"

    def _get(self, cgi: str, params: list[tuple[str, str]]) -> Answer:
        answer = self._wire.call("GET", f"/cgi-bin/{cgi}?{_query(params)}")
        if answer.status == 401:
            raise CredentialsRefused(
                f"The recorder at {self._wire.where} refused the user name or password. Nothing "
                "was retried (Dahua devices lock an address out for about 30 minutes after a few "
                "wrong tries).")
        return answer

    def _values(self, cgi: str, params: list[tuple[str, str]]) -> dict[str, str]:
        answer = self._get(cgi, params)
        text = answer.text
        if "invalid authority" in text.lower():  # some firmware: 200 with a refusal in the body
            raise CredentialsRefused(f"The recorder at {self._wire.where} refused the user name "
                                     "or password. Nothing was retried.")
        if answer.status != 200 and not text.strip().lower().startswith("error"):
            raise not_this_make(self._wire.where, "Dahua")   # a Dahua refuses with "Error"
        if answer.status != 200 or text.strip().lower().startswith("error"):
            raise RecorderError(f"The recorder at {self._wire.where} refused {cgi} "
                                f"{params[0][1]} ({answer.status}).")
        values = parse_lines(text)
        if not values:
            raise not_this_make(self._wire.where, "Dahua")
        return values

    def info(self) -> RecorderInfo:
        system = self._values("magicBox.cgi", [("action", "getSystemInfo")])
        version = self._values("magicBox.cgi", [("action", "getSoftwareVersion")])
        try:
            name = self._values("magicBox.cgi", [("action", "getMachineName")]).get("name", "")
        except RecorderError:
            name = ""
        titles = self._values("configManager.cgi", [("action", "getConfig"), ("name", "ChannelTitle")])
        channels = []
        for key, value in titles.items():
            if key.startswith("table.ChannelTitle[") and key.endswith("].Name"):
                index = key[len("table.ChannelTitle["):-len("].Name")]
                number = whole_number(index)
                if number is not None:
                    channels.append(Channel(number + 1, value))
        firmware = version.get("version", "").split(",")[0]
        return RecorderInfo("dahua", system.get("deviceType", ""), firmware,
                            system.get("serialNumber", ""), name,
                            first_channels(channels))

    def clock(self) -> ClockReading:
        def ask() -> tuple[datetime, str, DeviceZone]:
            text = self._values("global.cgi", [("action", "getCurrentTime")]).get("result", "")
            try:
                return datetime.strptime(text, FMT), text, self._zone
            except ValueError:
                raise BadAnswer(f"The recorder's clock reads {text[:40]!r}, not a time.") from None
        return read_clock(ask)

    def fetch(self, recording: Recording, start_us: int, end_us: int, folder: Path, *,
              whole_ok: bool = True, cancel: threading.Event | None = None,
              by_name: bool = False) -> Fetched:
        s, e = max(start_us, recording.start_us), min(end_us, recording.end_us)
        name = recording.handle.rsplit("/", 1)[-1] or "recording.mp4"
        if by_name and not recording.handle.startswith("/"):
            raise NothingNamesIt(TIMES_SHARED)
        if recording.handle.startswith("/") and (by_name or not named_once(self._zone, s, e)):
            # The clocks changed inside the part, or an end is in the repeated hour, or another
            # recording has its times: its wall times would name another stretch.
            if not whole_ok:
                raise WholeOnly()
            s, e = recording.start_us, recording.end_us
        if s <= recording.start_us and e >= recording.end_us and recording.handle.startswith("/"):
            path = "/cgi-bin/RPC_Loadfile" + quote(recording.handle, safe="/:")
            query = Query("dahua", "RPC_Loadfile", (("FilePath", recording.handle),))
            spec = Download("GET", path, query, recording.channel, s, e, name,
                            expected_size=recording.size, refusal=self._refusal)
        else:
            w0 = self._zone.wall_at(s).replace(microsecond=0)
            w1 = self._zone.wall_at(e + US - 1).replace(microsecond=0)
            params = [("action", "startLoad"), ("channel", str(recording.channel)),
                      ("startTime", w0.strftime(FMT)), ("endTime", w1.strftime(FMT)),
                      ("subtype", "0")]
            query = Query("dahua", "loadfile.cgi", tuple(params))
            spec = Download("GET", f"/cgi-bin/loadfile.cgi?{_query(params)}", query,
                            recording.channel, s, e, f"{w0:%Y%m%d-%H%M%S}-{name}",
                            refusal=self._refusal)
        return fetch_to_file(self._wire, replace(spec, cancel=cancel), folder)

    @staticmethod
    def _refusal(status: int, headers: httpx.Headers, body: bytes) -> RecorderError | None:
        if status == 404:
            return RecorderError("The recorder no longer has that recording.")
        return None

    def close(self) -> None:
        self._wire.close()  # no session to end: every call carries its own Digest answer
