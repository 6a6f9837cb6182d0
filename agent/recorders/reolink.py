"""Reolink NVRs, Home Hubs and cameras over their JSON API (docs/recorders.md, Reolink).

A token session (reolink_session.py): Login once (a wrong password is never retried: three
lock the address out), the token rides in the query, Logout on close. Search is one day at a
time (longer windows return no files); an NVR lists files by time with PlaybackTime in UTC
(and, from firmware 3.6.5, a name of its own), and serves a window through NvrDownload (the
device cuts it) then Download of the name it gives. Where the device will not send its cut (it
ends the connection with no reply, as 3.6.5 does, or refuses the name) or cuts the window into
several fragments (which say where they start only in their names), a recording Search named
is downloaded whole by that name instead; without a name nothing is downloaded, and the owner
is told why.
"""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

from agent.recorders.clock import read_clock
from agent.recorders.fetch import Download, fetch_to_file
from agent.recorders.model import (BadAnswer, Channel, ClockReading, DeviceTime, Fetched,
                                   NoReply, NothingNamesIt, Query, RecorderError, RecorderInfo,
                                   Recording, TIMES_SHARED, WholeOnly, MAX_CHANNELS)
from agent.recorders.search_found import count_found, say_left_out
from agent.recorders.reolink_answers import (BACKWARDS, NEITHER, PLAYBACK_ID, PUT_BACK, Refused,
                                             Split, channels_of, nothing_instead, playback_time,
                                             refusal, time_fields, wall_time)
from agent.recorders.reolink_session import API, ReolinkSession
from agent.recorders.wire import Wire, whole_number
from agent.recorders.zones import DeviceZone, end_after, recording_times, reolink_zone, repeated
from agent.timebase import US, from_datetime

class ReolinkRecorder:
    vendor = "reolink"

    def __init__(self, wire: Wire, user: str, password: str, zone: DeviceZone | None = None) -> None:
        self._wire = wire
        self._session = ReolinkSession(wire, user, password)
        self._zone_override, self._zone = zone, zone
        self.left_out: Counter = Counter()   # by the channel asked (model.Recorder)
        self._cuts_refused = False   # the device would not send a cut: fetch recordings whole

    def __repr__(self) -> str:
        return f"ReolinkRecorder({self._wire.where})"

    # --- the Recorder interface ----------------------------------------------------------
    def info(self) -> RecorderInfo:
        dev = self._session.cmd("GetDevInfo", {}).get("DevInfo")
        dev = dev if isinstance(dev, dict) else {}
        try:
            channels = channels_of(self._session.cmd("GetChannelstatus", {}).get("status") or [])
        except RecorderError:  # old NVR firmware lacks the command (or garbles it): count instead
            count = min(whole_number(dev.get("channelNum")) or 1, MAX_CHANNELS)
            channels = [Channel(i, "") for i in range(count)]
        return RecorderInfo("reolink", str(dev.get("model", "")), str(dev.get("firmVer", "")),
                            str(dev.get("serial", "")), str(dev.get("name", "")), tuple(channels))

    def _time(self) -> tuple[datetime, str]:
        value = self._session.cmd("GetTime", {})
        if self._zone_override is None:
            self._zone = reolink_zone(value.get("Time") or {}, value.get("Dst") or {})
        try:
            wall = wall_time(value["Time"])
        except (KeyError, TypeError, ValueError):
            raise BadAnswer("The recorder's clock (GetTime) could not be read.") from None
        return wall, f"{wall:%Y-%m-%d %H:%M:%S}"

    def zone(self) -> DeviceZone:
        if self._zone is None:
            self._time()
        return self._zone

    def clock(self) -> ClockReading:
        def ask() -> tuple[datetime, str, DeviceZone]:
            wall, text = self._time()  # also learns the zone the wall time is in
            return wall, text, self._zone
        return read_clock(ask)

    def search(self, channel: int, start_us: int, end_us: int) -> Iterator[Recording]:
        z = self.zone()
        seen: set[tuple] = set()
        day = z.wall_at(start_us).replace(hour=0, minute=0, second=0, microsecond=0)
        last = z.wall_at(end_us)
        while day <= last:
            until = day + timedelta(days=1) - timedelta(seconds=1)
            param = {"Search": {"channel": channel, "onlyStatus": 0, "streamType": "main",
                                "StartTime": time_fields(day), "EndTime": time_fields(until)}}
            result = self._session.cmd("Search", param).get("SearchResult") or {}
            files = (result.get("File") or []) if isinstance(result, dict) else None
            if not isinstance(files, list):
                raise BadAnswer(f"The recorder at {self._wire.where} answered a search with "
                                "something that is not Reolink's list of recordings.")
            said = result.get("channel", channel)   # the channel asked for, written back
            if whole_number(str(said)) != channel:
                self.left_out[channel] += say_left_out(self._wire.where, str(channel),
                                                       Counter({str(said)[:20]: len(files)}))
                files = []
            for f in files:
                rec = self._recording(channel, f, z)
                key = (rec.start.text, rec.end.text, rec.start_us, rec.handle)  # a day's edge repeats
                if key not in seen and rec.end_us > start_us and rec.start_us < end_us:
                    count_found(seen, self._wire.where)
                    seen.add(key)
                    yield rec
            day += timedelta(days=1)

    def _recording(self, channel: int, f: dict, z: DeviceZone) -> Recording:
        try:
            w0, w1 = wall_time(f["StartTime"]), wall_time(f["EndTime"])
            start, end = recording_times(w0, f"{w0:%Y-%m-%d %H:%M:%S}",
                                         w1, f"{w1:%Y-%m-%d %H:%M:%S}", z)
        except (KeyError, TypeError, ValueError, OverflowError):
            raise BadAnswer("A Reolink search result has no readable start or end.") from None
        name = handle = str(f.get("name") or "")
        utc = playback_time(f.get("PlaybackTime"))
        if utc is not None:
            # An NVR's PlaybackTime is UTC on its clock: exact even in a repeated hour.
            start = DeviceTime(start.text, from_datetime(utc.replace(tzinfo=timezone.utc)))
            end = end_after(w1, end.text, start.us, z)
            handle = handle or f"{utc:%Y%m%d%H%M%S}"   # times alone: no reference (ref)
        return Recording(channel, start, end, whole_number(f.get("size")),
                         str(f.get("type") or "main"), handle, name)

    def fetch(self, recording: Recording, start_us: int, end_us: int, folder: Path, *,
              whole_ok: bool = True, cancel: threading.Event | None = None,
              by_name: bool = False) -> Fetched:
        name = recording.handle
        if name and "/" in name:   # a camera's own file name: the whole file, a short clip
            return self._whole(recording, folder, cancel)
        native = name if name and not PLAYBACK_ID.match(name) else None
        if by_name:   # its times are another recording's too: by its name, or not at all
            if native is None:
                raise NothingNamesIt(TIMES_SHARED)
            if not whole_ok:
                raise WholeOnly()
            return self._whole(recording, folder, cancel)
        # No cut where the device refused one, or its wall times would not name the part alone
        # (nor any part, where its clock was put back while it recorded: end before start).
        if not (native and whole_ok
                and (self._cuts_refused or recording.end_us < recording.start_us
                     or self._span(recording, start_us, end_us)[4])):
            try:
                return self._cut(recording, start_us, end_us, folder, cancel)
            except (NoReply, Refused, Split) as err:
                if native is None:
                    raise RecorderError(nothing_instead(self._wire.where, err)) from None
                self._cuts_refused = not isinstance(err, Split)
                if not whole_ok:
                    raise WholeOnly() from None
        try:   # the recording whole, by the name Search gave it (HA core#179099)
            return self._whole(recording, folder, cancel)
        except NoReply:
            if not self._cuts_refused:
                raise
            raise RecorderError(NEITHER.format(where=self._wire.where)) from None

    def _span(self, recording: Recording, start_us: int, end_us: int) -> tuple:
        """The part of the recording in the window, its wall times (whole seconds), and whether
        they fail to name it alone: running backwards (the clocks went back inside it), or in
        the repeated hour, which the device may read as either."""
        z = self.zone()
        s, e = max(start_us, recording.start_us), min(end_us, recording.end_us)
        w0, w1 = (z.wall_at(t).replace(microsecond=0) for t in (s, e + US - 1))
        return s, e, w0, w1, w1 < w0 or repeated(z, s, e + US - 1)

    def _whole(self, recording: Recording, folder: Path, cancel: threading.Event | None) -> Fetched:
        """The recording as the device stored it, by its name: it starts at its start."""
        name = recording.handle
        return self._download(recording, recording.start_us, recording.end_us, folder, name,
                              recording.size, "Download", (("source", name),), cancel)

    def _cut(self, recording: Recording, start_us: int, end_us: int, folder: Path,
             cancel: threading.Event | None) -> Fetched:
        """The device's own cut of the window (NvrDownload), then Download of the file it names."""
        # NvrDownload takes wall times only: one the repeated hour gives twice names either
        # hour, and which one the device cuts is its own choice.
        s, e, w0, w1, asked_twice = self._span(recording, start_us, end_us)
        if w1 < w0:   # the clocks went back inside the window, or inside the recording
            raise NothingNamesIt(PUT_BACK if recording.end_us < recording.start_us else BACKWARDS)
        param = {"NvrDownload": {"channel": recording.channel, "iLogicChannel": 0,
                                 "streamType": "main", "StartTime": time_fields(w0),
                                 "EndTime": time_fields(w1)}}
        files = self._session.cmd("NvrDownload", param, action=1).get("fileList") or []
        files = [f for f in (files if isinstance(files, list) else [])
                 if isinstance(f, dict) and isinstance(f.get("fileName"), str) and f["fileName"]]
        if not files:
            raise RecorderError("The recorder has no footage for that time any more.")
        if len(files) > 1:
            # Several fragments, each from its own time (API guide §3.6.9), which the device
            # gives only as a name: no one of them is the window, and where each starts would
            # be a guess. (reolink_aio takes the largest, which may start anywhere in it.)
            raise Split(len(files))
        name, size = files[0]["fileName"], whole_number(files[0].get("fileSize"))
        params = (("channel", str(recording.channel)), ("streamType", "main"),
                  ("StartTime", f"{w0:%Y-%m-%d %H:%M:%S}"), ("EndTime", f"{w1:%Y-%m-%d %H:%M:%S}"),
                  ("fileName", name))
        got = self._download(recording, s, e, folder, name, size, "NvrDownload+Download", params,
                             cancel)
        return replace(got, ambiguous=True) if asked_twice else got

    def _download(self, recording: Recording, s: int, e: int, folder: Path, name: str,
                  size: int | None, command: str, params: tuple,
                  cancel: threading.Event | None) -> Fetched:
        output = name.rsplit("/", 1)[-1]

        def asked(anew: bool = False) -> dict:   # anew: the device ended it (SessionEnded)
            return {"cmd": "Download", "source": name, "output": output,
                    "token": self._session.token(anew)}
        spec = Download("GET", API, Query("reolink", command, params), recording.channel, s, e,
                        output, params=asked(), expected_size=size, refusal=refusal,
                        cancel=cancel, renew=lambda: asked(anew=True))
        return fetch_to_file(self._wire, spec, folder)

    def close(self) -> None:
        try:
            self._session.logout()
        finally:
            self._wire.close()
