"""Dahua's CGI API as an NVR (or its Amcrest and Lorex brands) answers it (Dahua HTTP API for
IPC/NVR, as the Amcrest HTTP API 3.2017 and V3.26 print it: §4 magicBox, configManager and
global.cgi, §4.10 mediaFileFind, §4.11 RPC_Loadfile and loadfile.cgi): HTTP Digest on every
call, `key=value` lines, a finder object with state for searching, channels counted from 1."""
from __future__ import annotations

import threading
from datetime import datetime

from nvrsim.device import Device
from nvrsim.exchange import Reply, Request

MAX_FINDERS = 16
PAGE_CAP = 100


def _text(lines: list[str] | str, status: int = 200) -> Reply:
    body = lines if isinstance(lines, str) else "".join(f"{line}\r\n" for line in lines)
    return Reply(status, body.encode(), "text/plain;charset=utf-8")


def _when(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except (TypeError, ValueError):
        return None


class Dahua:
    def __init__(self, device: Device) -> None:
        self.device = device
        device.model = device.model or "DHI-NVR4108HS-4KS2"
        self.realm = f"Login to {device.serial}"
        self.finders: dict[str, dict] = {}
        self.paths: dict[str, object] = {}
        self._lock = threading.Lock()
        self._next = 3039757640

    def handle(self, req: Request) -> Reply:
        verdict = self.device.digest_ok(req.method, req.headers.get("authorization", ""), self.realm)
        if verdict is not True:
            return Reply(401, b"Error\r\nInvalid Authority!\r\n" if verdict is False else b"",
                         "text/plain", {"WWW-Authenticate": self.device.challenge(self.realm)})
        if req.path.startswith("/cgi-bin/RPC_Loadfile/"):
            return self._file(req.path[len("/cgi-bin/RPC_Loadfile"):])
        action = req.query.get("action", "")
        route = {"/cgi-bin/magicBox.cgi": self._magic_box,
                 "/cgi-bin/configManager.cgi": self._config,
                 "/cgi-bin/global.cgi": self._global,
                 "/cgi-bin/mediaFileFind.cgi": self._find,
                 "/cgi-bin/loadfile.cgi": self._load_by_time}.get(req.path)
        if route is None:
            return _text("Error\r\nBad Request!\r\n", 400)
        return route(action, req.query)

    def _magic_box(self, action: str, _q: dict) -> Reply:
        d = self.device
        answers = {
            "getSystemInfo": [f"deviceType={d.model}", "hardwareVersion=1.00", "processor=S3LM",
                              f"serialNumber={d.serial}", f"updateSerial={d.model}"],
            "getSoftwareVersion": [f"version={d.firmware},build:2024-01-01"],
            "getMachineName": [f"name={d.name}"],
            "getDeviceType": [f"type={d.model}"],
            "getSerialNo": [f"sn={d.serial}"],
            "getVendor": ["vendor=Dahua"],
        }
        return _text(answers[action]) if action in answers else _text("Error\r\n", 400)

    def _config(self, action: str, q: dict) -> Reply:
        name = q.get("name", "")
        if action != "getConfig":
            return _text("Error\r\n", 400)
        d = self.device
        if name == "ChannelTitle":
            top = max(d.catalogue.channels, default=0)
            return _text([f"table.ChannelTitle[{n - 1}].Name={d.catalogue.channels.get(n) or f'Channel{n}'}"
                          for n in range(1, top + 1)])
        if name == "Locales":
            z = d.zone
            lines = [f"table.Locales.DSTEnable={'true' if z.has_dst else 'false'}",
                     "table.Locales.TimeFormat=yyyy-MM-dd HH:mm:ss", "table.Locales.WeekEnable=true"]
            if z.has_dst:
                for key, rule in (("DSTStart", z.start), ("DSTEnd", z.end)):
                    lines += [f"table.Locales.{key}.Year=0", f"table.Locales.{key}.Month={rule.month}",
                              f"table.Locales.{key}.Week={rule.week if rule.week < 5 else -1}",
                              f"table.Locales.{key}.Day={rule.weekday}",
                              f"table.Locales.{key}.Hour={rule.at_s // 3600}",
                              f"table.Locales.{key}.Minute={rule.at_s % 3600 // 60}"]
            return _text(lines)
        if name == "NTP":
            return _text(["table.NTP.Enable=false", "table.NTP.TimeZone=0",
                          "table.NTP.TimeZoneDesc=Simulated"])
        return _text("Error\r\n", 400)

    def _global(self, action: str, _q: dict) -> Reply:
        if action != "getCurrentTime":
            return _text("Error\r\n", 400)
        return _text([f"result={self.device.now_wall():%Y-%m-%d %H:%M:%S}"])

    def _find(self, action: str, q: dict) -> Reply:
        d = self.device
        if action == "factory.create":
            with self._lock:
                if len(self.finders) >= MAX_FINDERS:
                    return _text("Error\r\n", 400)
                self._next += 1
                self.finders[str(self._next)] = {"items": [], "pos": 0}
                return _text([f"result={self._next}"])
        finder = self.finders.get(q.get("object", ""))
        if finder is None:
            return _text("Error\r\n", 400)
        if action == "findFile":
            start, end = q.get("condition.StartTime", ""), q.get("condition.EndTime", "")
            if "." in start or "." in end:
                return _text("Error\r\nBad Request!\r\n", 400)  # fractional seconds (amcrest#177)
            s, e = _when(start), _when(end)
            try:
                channel = int(q.get("condition.Channel", ""))
            except ValueError:
                channel = -1
            if s is None or e is None or channel < 1:
                return _text("Error\r\n", 400)
            finder["items"] = d.searched(channel, d.zone.from_wall(s), d.zone.from_wall(e))
            finder["pos"] = 0
            if not finder["items"] and "dahua-find-says-none" in d.quirks:
                return _text("Error\r\n", 400)
            return _text(["OK"])
        if action == "getCount":   # the RPC2 API's mediaFileFind.getCount, in CGI form
            if "dahua-no-count" in d.quirks:
                return _text("Error\r\n", 400)
            return _text([f"count={len(finder['items'])}"])
        if action == "findNextFile":
            cap = min(PAGE_CAP, d.search_page_cap)
            try:
                count = max(1, min(int(q.get("count", "100")), cap))
            except ValueError:
                count = cap
            page = finder["items"][finder["pos"]:finder["pos"] + count]
            if not page and "dahua-error-at-end" in d.quirks:
                return _text("Error\r\n", 400)
            if any(c.start_us >= d.search_fails_from.get(c.channel, 1 << 62) for c in page):
                return _text("Error\r\n", 400)   # a disk it cannot read beyond there
            finder["pos"] += len(page)
            lines = [f"found={len(page)}"]
            for i, c in enumerate(page):
                w0, w1 = d.wall(c.start_us), d.wall(c.end_us)
                path = f"/mnt/dvr/sda0/{w0:%Y-%m-%d}/{c.channel:03d}/dav/{w0:%H}/{c.id}.mp4"
                self.paths[path] = c
                said = c.channel - 1 if "dahua-channels-from-zero" in d.quirks else c.channel
                lines += [f"items[{i}].Channel={said}", f"items[{i}].StartTime={w0:%Y-%m-%d %H:%M:%S}",
                          f"items[{i}].EndTime={w1:%Y-%m-%d %H:%M:%S}", f"items[{i}].FilePath={path}",
                          f"items[{i}].Length={c.size}", f"items[{i}].Type=mp4",
                          f"items[{i}].Flags[0]=Timing", f"items[{i}].VideoStream=Main",
                          f"items[{i}].Duration={(c.end_us - c.start_us) // 1_000_000}"]
            return _text(lines)
        if action == "close":
            return _text(["OK"])
        if action == "destroy":
            with self._lock:
                self.finders.pop(q.get("object", ""), None)
            return _text(["OK"])
        return _text("Error\r\n", 400)

    def _file(self, path: str) -> Reply:
        clip = self.paths.get(path)
        if clip is None:
            return _text("Error\r\nFile not found\r\n", 404)
        return self._serve(clip.path)

    def _load_by_time(self, action: str, q: dict) -> Reply:
        d = self.device
        s, e = _when(q.get("startTime", "")), _when(q.get("endTime", ""))
        try:
            channel = int(q.get("channel", ""))
        except ValueError:
            channel = -1
        if action != "startLoad" or s is None or e is None or channel < 1:
            return _text("Error\r\n", 400)
        # By times alone: where a clock put back made two recordings share them, the device
        # sends the first it recorded.
        clips = d.recorded(channel, d.zone.from_wall(s), d.zone.from_wall(e))
        if not clips:
            return _text("Error\r\nNo file\r\n", 404)
        return self._serve(d.cut(clips[0], *d.true_range(clips[0], d.zone.from_wall(s),
                                                          d.zone.from_wall(e))))

    def _serve(self, path) -> Reply:
        if not self.device.take_slot():
            return _text("Error\r\nBusy\r\n", 503)
        return Reply(200, content_type="application/octet-stream", file=path,
                     release=self.device.release_slot)
