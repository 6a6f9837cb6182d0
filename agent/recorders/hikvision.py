"""Hikvision recorders (and HiWatch, Annke OEMs) over ISAPI (docs/recorders.md, Hikvision).

HTTP Digest on every call; XML in any of three namespaces, read by local names (isapi_xml.py).
Search pages by `searchResultPostion` (sic) while the device says MORE, at most 40 a page;
download sends the playbackURI back with its start and end narrowed to the window (the device
cuts at keyframes). What `Z` means in search times depends on the firmware: true UTC by
default, or local wall time when the recorder was added with `z_is_local`.
"""
from __future__ import annotations

import threading
import uuid
from collections import Counter
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
from xml.sax.saxutils import escape

from agent.recorders.clock import read_clock
from agent.recorders.fetch import Download, fetch_to_file
from agent.recorders.isapi_xml import child_text, iso_reading, local_name, parsed
from agent.recorders.model import (BadAnswer, Channel, ClockReading, CredentialsRefused, DeviceTime,
                                   Fetched, Query, RecorderError, RecorderInfo, Recording,
                                   WholeOnly, first_channels, not_this_make)
from agent.recorders.search_found import new_to, say_left_out
from agent.recorders.wire import Answer, Wire, whole_number
from agent.recorders.zones import DeviceZone, named_once, posix_zone, recording_times, wall_span
from agent.timebase import US, from_datetime
from frp.count_words import counted

PAGE = 40
MAX_PAGES = 10_000
NS = "http://www.isapi.org/ver20/XMLSchema"


class HikvisionRecorder:
    vendor = "hikvision"

    def __init__(self, wire: Wire, zone: DeviceZone | None = None, z_is_local: bool = False) -> None:
        self._wire, self._zone_override, self._zone = wire, zone, zone
        self._z_is_local = z_is_local
        self.left_out: Counter = Counter()   # by the channel asked (model.Recorder)

    def __repr__(self) -> str:
        return f"HikvisionRecorder({self._wire.where})"

    def _xml(self, method: str, path: str, body: str | None = None) -> ET.Element:
        answer = self._wire.call(method, path, content=body.encode() if body else None,
                                 headers={"Content-Type": "application/xml"} if body else None)
        if answer.status == 401:
            raise CredentialsRefused(self._refused(answer))
        try:
            root = parsed(answer.body)
        except (ET.ParseError, ValueError, LookupError):   # LookupError: no such encoding
            raise not_this_make(self._wire.where, "Hikvision") from None
        if answer.status != 200 or local_name(root.tag) == "ResponseStatus":
            detail = (child_text(root, "subStatusCode") or child_text(root, "statusString")
                      or str(answer.status))
            raise RecorderError(f"The recorder at {self._wire.where} refused {path} ({detail}).")
        return root

    def _refused(self, answer: Answer) -> str:
        msg = (f"The recorder at {self._wire.where} refused the user name or password. Nothing "
               "was retried (Hikvision locks an address out for about 30 minutes after a few "
               "wrong tries).")
        try:
            check = ET.fromstring(answer.body)
        except ET.ParseError:
            return msg
        if child_text(check, "lockStatus") == "lock":
            minutes = (whole_number(child_text(check, "unlockTime")) or 0) // 60
            for_about = f" for about {counted(minutes, 'minute')}" if minutes else ""
            return msg + f" It is locked now{for_about}."
        left = whole_number(child_text(check, "retryLoginTime"))
        if left is None:
            return msg
        return msg + f" {counted(left, 'try is', 'tries are')} left before it locks."

    def info(self) -> RecorderInfo:
        dev = self._xml("GET", "/ISAPI/System/deviceInfo")
        if local_name(dev.tag) != "DeviceInfo":   # a camera's web page can be well-formed XML
            raise not_this_make(self._wire.where, "Hikvision")
        channels = {}
        for item in self._xml("GET", "/ISAPI/Streaming/channels").iter():
            if local_name(item.tag) != "StreamingChannel":
                continue
            sid = whole_number(child_text(item, "id"))
            if sid is not None and sid % 100 == 1:  # main streams: 101, 201, ...
                channels[sid // 100] = child_text(item, "channelName")
        return RecorderInfo("hikvision", child_text(dev, "model"),
                            child_text(dev, "firmwareVersion"), child_text(dev, "serialNumber"),
                            child_text(dev, "deviceName"),
                            first_channels(Channel(n, name) for n, name in channels.items()))

    def _time(self) -> tuple[datetime, str, DeviceZone | None]:
        root = self._xml("GET", "/ISAPI/System/time")
        text, tz = child_text(root, "localTime"), child_text(root, "timeZone")
        if self._zone_override is None and tz:
            self._zone = posix_zone(tz)
        try:
            when = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise BadAnswer(f"The recorder's clock reads {text[:40]!r}, not a time.") from None
        std_east = getattr(self._zone, "std_east_s", None)   # the device's own zone's
        if when.tzinfo is not None and when.utcoffset().total_seconds() == std_east:
            # Firmware writes its standard offset in summer too, its wall time right (public
            # field notes: 07:24:29-05:00 in New York on 9 September): the wall time is read
            # by the zone's rules, the offset written kept only where it is one of theirs
            # (in the repeated hour it says which).
            wall = when.replace(tzinfo=None)
            if from_datetime(when) not in self._zone.resolve(wall).readings:
                return wall, text, self._zone
        return when, text, self._zone

    def zone(self) -> DeviceZone:
        if self._zone is None:
            self._time()
        if self._zone is None:
            raise BadAnswer("The recorder did not say which time zone it keeps.")
        return self._zone

    def clock(self) -> ClockReading:
        return read_clock(self._time)

    # --- times as this firmware writes them ----------------------------------------------
    def _stamp(self, us: int) -> datetime:
        if self._z_is_local:
            return self.zone().wall_at(us).replace(microsecond=0)
        return datetime.fromtimestamp(us // US, timezone.utc).replace(tzinfo=None)

    def _times(self, start_text: str, end_text: str) -> tuple[DeviceTime, DeviceTime]:
        (w0, east0), (w1, east1) = iso_reading(start_text), iso_reading(end_text)
        if east0 is not None and east1 is not None:
            # An offset written says the instant on the device's clock, whatever `Z` means
            # to this firmware, and in the repeated hour too.
            return (DeviceTime(start_text, from_datetime((w0 - east0).replace(tzinfo=timezone.utc))),
                    DeviceTime(end_text, from_datetime((w1 - east1).replace(tzinfo=timezone.utc))))
        if east0 is not None or east1 is not None:
            raise ValueError("one time with an offset, the other without")
        if self._z_is_local:
            return recording_times(w0, start_text, w1, end_text, self.zone())
        return (DeviceTime(start_text, from_datetime(w0.replace(tzinfo=timezone.utc))),
                DeviceTime(end_text, from_datetime(w1.replace(tzinfo=timezone.utc))))

    def search(self, channel: int, start_us: int, end_us: int) -> Iterator[Recording]:
        track = channel * 100 + 1
        if self._z_is_local:
            s, e = (w.replace(microsecond=0)
                    for w in wall_span(self.zone(), start_us, end_us + US - 1))
        else:
            s, e = self._stamp(start_us), self._stamp(end_us + US - 1)
        seen: set[tuple] = set()
        elsewhere: Counter = Counter()   # results of another track: another camera, or a sub stream
        try:
            yield from self._pages(channel, track, s, e, start_us, end_us, seen, elsewhere)
        finally:
            self.left_out[channel] += say_left_out(self._wire.where,
                                                   f"{channel} (track {track})", elsewhere)

    def _pages(self, channel: int, track: int, s: datetime, e: datetime, start_us: int,
               end_us: int, seen: set[tuple], elsewhere: Counter) -> Iterator[Recording]:
        position, search_id = 0, str(uuid.uuid4()).upper()
        by_time = False   # the device ignores the position: each search is asked from a time
        for _page in range(MAX_PAGES):
            body = (f'<?xml version="1.0" encoding="UTF-8"?><CMSearchDescription version="1.0" xmlns="{NS}">'
                    f"<searchID>{search_id}</searchID><trackIDList><trackID>{track}</trackID></trackIDList>"
                    f"<timeSpanList><timeSpan><startTime>{s:%Y-%m-%dT%H:%M:%S}Z</startTime>"
                    f"<endTime>{e:%Y-%m-%dT%H:%M:%S}Z</endTime></timeSpan></timeSpanList>"
                    f"<maxResults>{PAGE}</maxResults><searchResultPostion>{position}</searchResultPostion>"
                    "<metadataList><metadataDescriptor>//recordType.meta.std-cgi.com</metadataDescriptor>"
                    "</metadataList></CMSearchDescription>")
            root = self._xml("POST", "/ISAPI/ContentMgmt/search", body)
            state = child_text(root, "responseStatusStrg").upper()
            items = [m for m in root.iter() if local_name(m.tag) == "searchMatchItem"]
            new, latest = 0, s
            for item in items:
                rec = self._recording(channel, item)
                if rec is None:
                    continue
                latest = max(latest, self._asked_from(item, rec))
                if not new_to(seen, rec, self._wire.where):
                    continue
                new += 1
                # The track asked for alone (101: channel 1's main stream); none said is it.
                said = (child_text(item, "trackID") or str(track))[:20]
                if whole_number(said) != track:
                    elsewhere[said] += 1
                    continue
                if rec.end_us > start_us and rec.start_us < end_us:
                    yield rec
            if state != "MORE":   # OK, or NO MATCHES
                return
            # MORE with nothing not sent before: firmware ignoring the position sends its
            # first page again (old ISAPI 1.0 NVRs); it is asked again from the last start it
            # gave, as HikLoad does. Nothing later to ask from: a page repeated for ever.
            by_time = by_time or not new
            if by_time and latest == s:
                return
            if by_time:
                position, search_id, s = 0, str(uuid.uuid4()).upper(), latest
            else:
                position += len(items)
        raise BadAnswer("The recorder's search never ended.")

    def _asked_from(self, item: ET.Element, rec: Recording) -> datetime:
        """A result's start as a search asks for times (paging by time): as written, or, written
        with an offset, the instant in the form this firmware's `Z` means."""
        wall, east = iso_reading(child_text(item, "startTime"))
        return (wall if east is None else self._stamp(rec.start_us)).replace(microsecond=0)

    def _recording(self, channel: int, item: ET.Element) -> Recording | None:
        uri = child_text(item, "playbackURI")
        if not uri:
            return None  # an SD-card camera may put a string where the descriptor goes
        try:
            start, end = self._times(child_text(item, "startTime"), child_text(item, "endTime"))
        except ValueError:
            # Never passed over in silence: the camera would show nothing recorded then.
            raise BadAnswer("A Hikvision search result has no readable start or end.") from None
        fields = dict(parse_qsl(urlsplit(uri).query))
        kind = child_text(item, "metadataDescriptor").rsplit("/", 1)[-1]
        # The file's `name` alone names it: the address before it is the device's on the LAN
        # (it may change), and the end and size of a recording still being made grow.
        return Recording(channel, start, end, whole_number(fields.get("size", "")), kind, uri,
                         fields.get("name", ""))

    def fetch(self, recording: Recording, start_us: int, end_us: int, folder: Path, *,
              whole_ok: bool = True, cancel: threading.Event | None = None,
              by_name: bool = False) -> Fetched:
        s, e = max(start_us, recording.start_us), min(end_us, recording.end_us)
        uri = recording.handle
        parts = urlsplit(uri)
        fields = dict(parse_qsl(parts.query))
        whole = s <= recording.start_us and e >= recording.end_us
        if not whole and (by_name or self._z_is_local and not named_once(self.zone(), s, e)):
            # The clocks changed inside the part, or an end is in the repeated hour, or another
            # recording has its times: they would name another stretch; its own URI does not.
            if not whole_ok:
                raise WholeOnly()
            whole, s, e = True, recording.start_us, recording.end_us
        if not whole:
            # Narrow the device's own URI to the window, in the form the device wrote.
            fields["starttime"] = f"{self._stamp(s):%Y%m%dT%H%M%S}Z"
            fields["endtime"] = f"{self._stamp(e + US - 1):%Y%m%dT%H%M%S}Z"
            uri = urlunsplit(parts._replace(query=urlencode(fields, safe=":")))
        body = (f'<?xml version="1.0" encoding="UTF-8"?><downloadRequest version="1.0" xmlns="{NS}">'
                f"<playbackURI>{escape(uri)}</playbackURI></downloadRequest>")
        query = Query("hikvision", "ContentMgmt/download", (("playbackURI", _as_recorded(uri)),))
        name = f"{recording.channel}-{fields.get('starttime', 'start')}-{fields.get('name', 'clip')}.mp4"
        spec = Download("POST", "/ISAPI/ContentMgmt/download", query, recording.channel, s, e,
                        name, content=body.encode(), headers={"Content-Type": "application/xml"},
                        expected_size=recording.size if whole else None,
                        refusal=lambda status, headers, data: None)
        return fetch_to_file(self._wire, replace(spec, cancel=cancel), folder)

    def close(self) -> None:
        self._wire.close()


def _as_recorded(uri: str) -> str:
    """The playbackURI as the package records it: its path and query (the recording, the
    times asked for), without the device's address (and any user name) on the owner's network,
    which the device writes into every URI it gives and which is nobody's business but theirs."""
    parts = urlsplit(uri)
    return urlunsplit(("", "", parts.path, parts.query, ""))
