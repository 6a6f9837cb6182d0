"""Hikvision's ISAPI as an NVR answers it (ISAPI core protocol: System/deviceInfo, System/time,
Streaming/channels; ContentMgmt/search as the WebSDK guide §5.2.7 I_RecordSearch describes it,
at most 40 matches a call; ContentMgmt/download with a playbackURI): Digest with a `userCheck`
body on 401, XML in three namespaces, `searchResultPostion` (sic), and a switch for firmware
that writes local time with a `Z`."""
from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from urllib.parse import parse_qsl, urlsplit

from nvrsim.device import LOCK_AFTER, Device
from nvrsim.exchange import Reply, Request

PAGE_CAP = 40
NS_HIK = "http://www.hikvision.com/ver20/XMLSchema"
NS_ISAPI = "http://www.isapi.org/ver20/XMLSchema"
NS_PSIA = "urn:psialliance-org"


def _xml(text: str, status: int = 200) -> Reply:
    return Reply(status, ('<?xml version="1.0" encoding="UTF-8"?>\n' + text).encode(),
                 "application/xml; charset=\"UTF-8\"")


def _status(code: int, text: str, sub: str, http: int) -> Reply:
    return _xml(f'<ResponseStatus version="2.0" xmlns="{NS_ISAPI}"><requestURL></requestURL>'
                f"<statusCode>{code}</statusCode><statusString>{text}</statusString>"
                f"<subStatusCode>{sub}</subStatusCode></ResponseStatus>", http)


def _find(root: ET.Element, name: str) -> str | None:
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] == name:
            return (el.text or "").strip()
    return None


class Hikvision:
    def __init__(self, device: Device) -> None:
        self.device = device
        device.model = device.model or "DS-7608NI-K2"
        self.realm = "DS-7608NI-K2"

    # --- times as this firmware writes them ----------------------------------------------
    def _stamp(self, true_us: int, compact: bool = False) -> str:
        d = self.device
        t = d.wall(true_us) if d.hik_z_is_local else datetime.fromtimestamp(
            int(d.device_s(true_us)), timezone.utc).replace(tzinfo=None)
        return f"{t:%Y%m%dT%H%M%S}Z" if compact else f"{t:%Y-%m-%dT%H:%M:%S}Z"

    def _result_time(self, true_us: int) -> str:
        """A search result's time as this firmware writes it (the quirks' other forms)."""
        d = self.device
        if "hikvision-times-offset" in d.quirks:
            device_s = d.device_s(true_us)
            east = d.zone.offset_at(device_s)
            sign, (h, m) = "+" if east >= 0 else "-", divmod(abs(east) // 60, 60)
            return f"{d.zone.to_wall(device_s):%Y-%m-%dT%H:%M:%S}{sign}{h:02d}:{m:02d}"
        if "hikvision-times-fraction" in d.quirks:
            return self._stamp(true_us)[:-1] + ".000Z"
        return self._stamp(true_us)

    def _device_s(self, text: str) -> float | None:
        """A time this firmware wrote, as the device clock's UTC seconds."""
        text = text.strip().rstrip("Z").replace("-", "").replace(":", "")
        try:
            t = datetime.strptime(text, "%Y%m%dT%H%M%S")
        except ValueError:
            return None
        d = self.device
        if d.hik_z_is_local:
            return d.zone.from_wall(t)
        return t.replace(tzinfo=timezone.utc).timestamp()

    # --- requests ------------------------------------------------------------------------
    def handle(self, req: Request) -> Reply:
        d = self.device
        verdict = d.digest_ok(req.method, req.headers.get("authorization", ""), self.realm)
        if verdict is not True:
            left = max(LOCK_AFTER["hikvision"] - d.failures, 0)
            body = (f'<userCheck version="2.0" xmlns="{NS_HIK}"><statusValue>401</statusValue>'
                    f"<statusString>Unauthorized</statusString><lockStatus>"
                    f"{'lock' if d.locked else 'unlock'}</lockStatus><unlockTime>"
                    f"{1800 if d.locked else 0}</unlockTime><retryLoginTime>{left}"
                    "</retryLoginTime></userCheck>")
            reply = _xml(body, 401)
            reply.headers["WWW-Authenticate"] = d.challenge(self.realm)
            return reply
        routes = {("GET", "/ISAPI/System/deviceInfo"): self._device_info,
                  ("GET", "/ISAPI/System/time"): self._time,
                  ("GET", "/ISAPI/Streaming/channels"): self._channels,
                  ("POST", "/ISAPI/ContentMgmt/search"): self._search,
                  ("GET", "/ISAPI/ContentMgmt/search"): self._search,
                  ("GET", "/ISAPI/ContentMgmt/download"): self._download,
                  ("POST", "/ISAPI/ContentMgmt/download"): self._download}
        route = routes.get((req.method, req.path))
        if route is None:
            return _status(4, "Invalid Operation", "methodNotAllowed", 403)
        return route(req)

    def _device_info(self, _req: Request) -> Reply:
        d = self.device
        return _xml(f'<DeviceInfo version="2.0" xmlns="{NS_ISAPI}"><deviceName>'
                    f"{html.escape(d.name)}</deviceName>"
                    f"<model>{d.model}</model><serialNumber>{d.model}{d.serial}</serialNumber>"
                    f"<firmwareVersion>{d.firmware}</firmwareVersion><deviceType>NVR</deviceType>"
                    "</DeviceInfo>")

    def _time(self, _req: Request) -> Reply:
        d = self.device
        device_now = d.now_s()
        own = "hikvision-own-tz" in d.quirks
        east = d.zone.std_east_s if own else d.zone.offset_at(device_now)
        sign = "+" if east >= 0 else "-"
        h, m = divmod(abs(east) // 60, 60)
        local = d.zone.to_wall(device_now)
        return _xml(f'<Time version="2.0" xmlns="{NS_HIK}"><timeMode>NTP</timeMode>'
                    f"<localTime>{local:%Y-%m-%dT%H:%M:%S}{sign}{h:02d}:{m:02d}</localTime>"
                    f"<timeZone>{html.escape(_own_text(d.zone) if own else d.zone.text())}"
                    "</timeZone></Time>")

    def _channels(self, _req: Request) -> Reply:
        items = "".join(f"<StreamingChannel><id>{n}01</id><channelName>{html.escape(name or f'Camera {n}')}"
                        "</channelName><enabled>true</enabled></StreamingChannel>"
                        for n, name in sorted(self.device.catalogue.channels.items()))
        return _xml(f'<StreamingChannelList version="2.0" xmlns="{NS_ISAPI}">{items}</StreamingChannelList>')

    def _search(self, req: Request) -> Reply:
        try:
            root = ET.fromstring(req.body)
            track = int(_find(root, "trackID") or "")
            start, end = (self._device_s(_find(root, "startTime") or ""),
                          self._device_s(_find(root, "endTime") or ""))
            wanted = int(_find(root, "maxResults") or "40")
            position = int(_find(root, "searchResultPostion") or "0")
            if "hikvision-position-ignored" in self.device.quirks:
                position = 0
            search_id = _find(root, "searchID") or ""
        except (ET.ParseError, ValueError):
            return _status(6, "Invalid XML Content", "badXmlContent", 400)
        if start is None or end is None:
            return _status(6, "Invalid XML Content", "badXmlContent", 400)
        if track // 100 in self.device.refused_search:
            return _status(3, "Device Error", "deviceError", 500)
        clips = self.device.searched(track // 100, start, end)
        page = clips[position:position + max(1, min(wanted, PAGE_CAP))]
        more = position + len(page) < len(clips)
        state = "MORE" if more else ("OK" if clips else "NO MATCHES")
        matches = "".join(self._match(track, c) for c in page)
        return _xml(f'<CMSearchResult version="1.0" xmlns="{NS_PSIA}"><searchID>{html.escape(search_id)}</searchID>'
                    f"<responseStatus>true</responseStatus><responseStatusStrg>{state}</responseStatusStrg>"
                    f"<numOfMatches>{len(page)}</numOfMatches><matchList>{matches}</matchList></CMSearchResult>")

    def _match(self, asked: int, clip) -> str:
        track = clip.channel * 100 + asked % 100   # the recording's own camera, the stream asked
        s, e = self._result_time(clip.start_us), self._result_time(clip.end_us)
        uri = (f"rtsp://127.0.0.1/Streaming/tracks/{track}/?starttime={self._stamp(clip.start_us, True)}"
               f"&endtime={self._stamp(clip.end_us, True)}&name={clip.id:017d}&size={clip.size}")
        return (f"<searchMatchItem><trackID>{track}</trackID><timeSpan><startTime>{s}</startTime>"
                f"<endTime>{e}</endTime></timeSpan><mediaSegmentDescriptor><contentType>video"
                f"</contentType><codecType>H.264-BP</codecType><playbackURI>{html.escape(uri)}"
                "</playbackURI></mediaSegmentDescriptor><metadataMatches><metadataDescriptor>"
                "recordType.meta.hikvision.com/timing</metadataDescriptor></metadataMatches>"
                "</searchMatchItem>")

    def _download(self, req: Request) -> Reply:
        try:
            uri = _find(ET.fromstring(req.body), "playbackURI") or ""
        except ET.ParseError:
            return _status(6, "Invalid XML Content", "badXmlContent", 400)
        q = dict(parse_qsl(urlsplit(uri).query))
        d = self.device
        try:
            clip = d.catalogue.by_id[int(q.get("name", ""))]
        except (ValueError, IndexError):
            return _status(4, "Invalid Operation", "invalidOperation", 404)
        # The recording the URI names, cut by its own clock's times.
        first, last = self._device_s(q.get("starttime", "")), self._device_s(q.get("endtime", ""))
        start, end = (None, None) if first is None or last is None else \
            d.true_range(clip, first, last)
        own = (self._stamp(clip.start_us, True), self._stamp(clip.end_us, True))
        if (q.get("starttime"), q.get("endtime")) == own:
            # The recording's own URI: the device knows it, even across the night the clocks
            # go back, where its local end reads before its start.
            start, end = clip.start_us, clip.end_us
        if start is None or end is None or end <= start:
            return _status(6, "Invalid Content", "badParameters", 400)
        path = d.cut(clip, start, end)
        if not d.take_slot():
            return _status(2, "Device Busy", "deviceBusy", 503)
        return Reply(200, content_type="application/octet-stream", file=path,
                     release=d.release_slot)


def _own_text(zone) -> str:
    """The zone as Hikvision writes it (the hikvision-own-tz quirk): `CST`, the standard
    offset west of UTC as H:MM:SS, then `DST`, how far summer time moves the clock, and the
    rules with their times as H:MM:SS."""
    def hms(seconds: int, width: int = 1) -> str:
        h, rest = divmod(abs(seconds), 3600)
        return f"{h:0{width}d}:{rest // 60:02d}:{rest % 60:02d}"

    west = -zone.std_east_s
    out = f"CST{'-' if west < 0 else '+'}{hms(west)}"
    if zone.has_dst:
        rules = [f"M{r.month}.{r.week}.{r.weekday}/{hms(r.at_s, 2)}" for r in (zone.start, zone.end)]
        out += f"DST{hms(zone.dst_east_s - zone.std_east_s, 2)},{rules[0]},{rules[1]}"
    return out
