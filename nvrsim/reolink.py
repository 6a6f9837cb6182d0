"""Reolink's HTTP API as an NVR answers it (Camera HTTP API User Guide v7, §2.3 login and
tokens, §3.1.2 GetDevInfo, §3.1.5 GetTime, §3.6.5 Search, §3.6.6-3.6.9 Download and
NvrDownload, §4.1 error codes): JSON arrays POSTed to /cgi-bin/api.cgi, answered as text/html,
errors as `code` 1 with an `rspCode`."""
from __future__ import annotations

import json
import secrets
import threading
from datetime import datetime, timedelta, timezone

from nvrsim.device import Device
from nvrsim.exchange import Reply, Request

MAX_SESSIONS = 8
ALLOWED = {"Login", "Logout", "GetDevInfo", "GetChannelstatus", "GetTime", "Search",
           "NvrDownload", "Download"}


def _time_dict(t: datetime) -> dict:
    return {"year": t.year, "mon": t.month, "day": t.day, "hour": t.hour, "min": t.minute,
            "sec": t.second}


def _wall(d: dict) -> datetime:
    return datetime(int(d["year"]), int(d["mon"]), int(d["day"]), int(d.get("hour", 0)),
                    int(d.get("min", 0)), int(d.get("sec", 0)))


def _answer(items: list[dict]) -> Reply:
    # Devices pretty-print with `"key" : value` and call it text/html.
    text = json.dumps(items, indent=3, separators=(",", " : "))
    return Reply(200, text.encode(), "text/html")


def _error(cmd: str, rsp: int, detail: str) -> dict:
    return {"cmd": cmd, "code": 1, "error": {"detail": detail, "rspCode": rsp}}


class Reolink:
    def __init__(self, device: Device) -> None:
        self.device = device
        device.model = device.model or "RLN8-410"
        self.tokens: set[str] = set()
        self.boot = 0   # the device's restarts this front has seen: each ends every session
        self.lease_s = 3600   # a token's leaseTime (s); firmware gives as little as 300 or less
        self.fragments: dict[str, object] = {}
        self.names: dict[str, object] = {}   # native names Search gave (3.6.5 firmware)
        self._lock = threading.Lock()

    def handle(self, req: Request) -> Reply:
        if req.path != "/cgi-bin/api.cgi":
            return Reply(404, b"not found")
        with self._lock:
            if self.boot != self.device.boots:   # restarted: its sessions are gone
                self.boot = self.device.boots
                self.tokens.clear()
        cmd = req.query.get("cmd", "")
        if req.method == "GET" and cmd == "Download":
            return self._download(req)
        try:
            items = json.loads(req.body or b"[]")
            assert isinstance(items, list) and all(isinstance(i, dict) for i in items)
        except (ValueError, AssertionError):
            return _answer([_error(cmd, -4, "param error")])
        out = []
        for item in items:
            name = item.get("cmd", "")
            if name == "Login":
                out.append(self._login(item))
            elif name not in ALLOWED:
                out.append(_error(name, -9, "not support"))
            elif req.query.get("token") not in self.tokens:
                out.append(_error(name, -6, "please login first"))
            elif name == "Logout":
                self.tokens.discard(req.query.get("token"))
                out.append({"cmd": name, "code": 0, "value": {"rspCode": 200}})
            else:
                out.append(getattr(self, "_" + name)(item.get("param") or {}))
        return _answer(out)

    def _login(self, item: dict) -> dict:
        user = ((item.get("param") or {}).get("User") or {})
        if self.device.locked:
            self.device.note_failure()
            return _error("Login", -506, "Login has been locked")
        if not self.device.check_password(str(user.get("userName", "")), str(user.get("password", ""))):
            if self.device.locked:   # this wrong try reached the limit (§4.1: -507)
                return _error("Login", -507, "login reach max")
            return _error("Login", -7, "login failed")
        with self._lock:
            if len(self.tokens) >= MAX_SESSIONS:
                return _error("Login", -5, "max session")
            token = secrets.token_hex(8)[:15]
            self.tokens.add(token)
        return {"cmd": "Login", "code": 0, "value": {"Token": {"leaseTime": self.lease_s,
                                                               "name": token}}}

    def _GetDevInfo(self, _param: dict) -> dict:
        d = self.device
        info = {"model": d.model, "firmVer": d.firmware, "hardVer": "H3MB18", "serial": d.serial,
                "name": d.name, "channelNum": max(d.catalogue.channels, default=0),
                "exactType": "NVR", "type": "NVR", "diskNum": 1}
        return {"cmd": "GetDevInfo", "code": 0, "value": {"DevInfo": info}}

    def _GetChannelstatus(self, _param: dict) -> dict:
        status = [{"channel": n - 1, "name": name, "online": 1, "typeInfo": "RLC-810A"}
                  for n, name in sorted(self.device.catalogue.channels.items())]
        return {"cmd": "GetChannelstatus", "code": 0,
                "value": {"count": len(status), "status": status}}

    def _GetTime(self, _param: dict) -> dict:
        z = self.device.zone
        now = self.device.now_wall()
        t = {**_time_dict(now), "timeZone": -z.std_east_s, "timeFmt": "DD/MM/YYYY", "hourFmt": 0}
        dst = {"enable": 0}
        if z.has_dst:
            dst = {"enable": 1, "offset": (z.dst_east_s - z.std_east_s) // 3600}
            for key, rule in (("start", z.start), ("end", z.end)):
                h, rest = divmod(rule.at_s, 3600)
                dst.update({f"{key}Mon": rule.month, f"{key}Week": rule.week,
                            f"{key}Weekday": rule.weekday, f"{key}Hour": h,
                            f"{key}Min": rest // 60, f"{key}Sec": rest % 60})
        return {"cmd": "GetTime", "code": 0, "value": {"Dst": dst, "Time": t}}

    def _Search(self, param: dict) -> dict:
        s = param.get("Search") or {}
        try:
            channel = int(s["channel"]) + 1
            start_wall, end_wall = _wall(s["StartTime"]), _wall(s["EndTime"])
        except (KeyError, TypeError, ValueError):
            return _error("Search", -4, "param error")
        d = self.device
        if channel in d.refused_search:
            return _error("Search", -17, "rcv failed")
        clips = d.recorded(channel, d.zone.from_wall(start_wall), d.zone.from_wall(end_wall))
        days: dict[tuple[int, int], set[int]] = {}
        for c in clips:
            w = d.wall(c.start_us)
            days.setdefault((w.year, w.month), set()).add(w.day)
        result: dict = {"channel": channel - 1, "Status": [
            {"year": y, "mon": m, "table": "".join("1" if i + 1 in ds else "0" for i in range(31))}
            for (y, m), ds in sorted(days.items())]}
        if not result["Status"]:
            del result["Status"]
        # One day at most: a longer window gives the day map without files (guide, reolink_aio#77).
        if not s.get("onlyStatus") and end_wall - start_wall <= timedelta(days=1) and clips:
            result["File"] = [self._file(c) for c in clips]
        return {"cmd": "Search", "code": 0, "value": {"SearchResult": result}}

    def _file(self, clip) -> dict:
        d = self.device
        utc = datetime.fromtimestamp(int(d.device_s(clip.start_us)), timezone.utc)
        # An NVR (before 3.6.5) gives no file name, and PlaybackTime in UTC (reolink_aio#9,
        # HA core#100764).
        found = {"StartTime": _time_dict(d.wall(clip.start_us)),
                 "EndTime": _time_dict(d.wall(clip.end_us)),
                 "PlaybackTime": _time_dict(utc), "frameRate": 0, "height": 0, "width": 0,
                 "size": str(clip.size), "type": "main"}
        if self.device.quirks & {"reolink-native-names", "reolink-no-download"}:
            # 3.6.5 names it, e.g. `0-1-0-01260711025823-00000` (reolink_aio#196); what each
            # field means is unconfirmed, so the start's wall time here is only a likeness.
            name = f"0-{clip.channel - 1}-0-01{d.wall(clip.start_us):%y%m%d%H%M%S}-{clip.id:05d}"
            with self._lock:
                self.names[name] = clip.path
            found["name"] = name
        return found

    def _NvrDownload(self, param: dict) -> dict:
        p = param.get("NvrDownload") or {}
        try:
            channel = int(p["channel"]) + 1
            start_wall, end_wall = _wall(p["StartTime"]), _wall(p["EndTime"])
        except (KeyError, TypeError, ValueError):
            return _error("NvrDownload", -4, "param error")
        d = self.device
        files = []
        # By wall times alone: where a clock put back made two recordings share them, the
        # device cuts the first it recorded.
        for clip in d.recorded(channel, d.zone.from_wall(start_wall), d.zone.from_wall(end_wall))[:1]:
            start, end = d.true_range(clip, d.zone.from_wall(start_wall), d.zone.from_wall(end_wall))
            for a, b in self._fragments(max(start, clip.start_us), min(end, clip.end_us)):
                path = d.cut(clip, a, b)
                name = f"fragment_{channel:02d}_{d.wall(a):%Y%m%d%H%M%S}_{clip.id}.mp4"
                with self._lock:
                    self.fragments[name] = path
                files.append({"fileName": name, "fileSize": str(path.stat().st_size)})
        return {"cmd": "NvrDownload", "code": 0,
                "value": {"fileCount": len(files), "fileList": files}}

    def _fragments(self, start: int, end: int) -> list[tuple[int, int]]:
        """The stretches NvrDownload names a file for: the window whole, or with the
        `reolink-fragments` quirk split at a whole second a third of the way in (so the later
        fragment is the larger), each named by its own start."""
        cut = -(-(start + (end - start) // 3) // 1_000_000) * 1_000_000
        if "reolink-fragments" not in self.device.quirks or not start < cut < end:
            return [(start, end)]
        return [(start, cut), (cut, end)]

    def _download(self, req: Request) -> Reply:
        if req.query.get("token") not in self.tokens:
            return _answer([_error("Download", -6, "please login first")])
        source = req.query.get("source", "")
        quirks = self.device.quirks
        if "reolink-no-download" in quirks or (
                "reolink-native-names" in quirks and source.startswith("fragment_")):
            return Reply(hang_up=True)   # the connection closes with no reply (HA core#179099)
        path = self.fragments.get(source) or self.names.get(source)
        if path is None:
            return _answer([_error("Download", -222, "video file does not exist")])
        if not self.device.take_slot():
            return _answer([_error("Download", -221, "busy video recording task")])
        output = req.query.get("output") or "download.mp4"
        return Reply(200, content_type="apolication/octet-stream",  # sic: the devices' typo
                     headers={"Content-Disposition": f"attachment;filename={output}",
                              "ETag": f'"{abs(hash(str(path))):x}"'},
                     file=path, release=self.device.release_slot)
