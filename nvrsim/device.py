"""The simulated device's state: its footage, clock and zone, accounts and lockout, the faults
asked for, the one download it allows at a time, and clips cut by time (as a recorder's
download-by-time does, from the keyframe before the start)."""
from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from nvrsim.behaviours import FAULTS, QUIRKS
from nvrsim.catalogue import US, Catalogue, Clip
from nvrsim.posixtz import PosixZone
from nvrsim.window_cut import cut_by_time

LOCK_AFTER = {"reolink": 3, "dahua": 5, "hikvision": 5}  # wrong passwords before the lock


def true_now_s() -> float:
    """The true time now, UTC seconds: this machine's clock, which the device's clock reads at
    its offset from. Looked up as the device answers, so a test can make it stand still with
    the agent's (tests/recorder_support.steady_clocks): read over the network, a clock is
    only good to the round trip, which a loaded machine stretches past a second."""
    return time.time()


@dataclass
class Device:
    """Everything the vendor front-ends share. Faults may be changed while serving."""

    folder: Path
    vendor: str
    user: str
    password: str
    zone: PosixZone = field(default_factory=lambda: PosixZone.parse("UTC0"))
    clock_offset_s: float = 0.0  # device clock minus true time
    faults: set[str] = field(default_factory=set)
    hik_z_is_local: bool = False  # Hikvision firmware that writes local time with a `Z`
    quirks: set[str] = field(default_factory=set)  # names from QUIRKS
    serial: str = "SIM0000000001"
    model: str = ""
    firmware: str = "v3.0.0.0_sim"
    name: str = "NVR"   # the device's own name (deviceName, getMachineName, GetDevInfo's name)
    # Channels (catalogue numbers, from 1) whose search the device refuses in its make's own
    # error form, as one whose camera is gone or whose disk failed does; the others answer.
    refused_search: set[int] = field(default_factory=set)
    # Channels whose search a Dahua answers `Error` part-way, from the page that would bring
    # a recording starting at or after this true instant on (a disk it cannot read beyond
    # there), and at most how many recordings it sends a page (fewer than asked: a short page
    # is not the end).
    search_fails_from: dict[int, int] = field(default_factory=dict)
    search_page_cap: int = 100

    def __post_init__(self) -> None:
        unknown = set(self.faults) - FAULTS
        if unknown:
            raise ValueError(f"unknown faults: {sorted(unknown)}")
        if set(self.quirks) - QUIRKS:
            raise ValueError(f"unknown quirks: {sorted(set(self.quirks) - QUIRKS)}")
        self.catalogue = Catalogue.load(self.folder)
        self.failures = 0          # wrong passwords seen (a real device locks after a few)
        self.locked = False
        self.downloads_started = 0
        self.dropped_once = False  # the drop-once fault has been spent
        self.boots = 0             # restarts so far (restart-once): sessions of before end
        self.served: list[tuple[int, int]] = []  # (first byte, bytes promised) per download
        self.log: list[tuple[str, str]] = []  # (method, path?query) of every request
        self.stopping = threading.Event()
        self._slot = threading.Semaphore(1)
        self._lock = threading.Lock()
        self._cuts: dict[tuple[int, int, int], Path] = {}
        self._cut_dir = Path(tempfile.mkdtemp(prefix="nvrsim-cuts-"))
        self.nonces: set[str] = set()
        # Clocks put right before now: (true instant it was set, offset until then). A
        # recording keeps the time its clock wrote when it was made.
        self.earlier_clocks: list[tuple[int, float]] = []
        # Recordings starting at this true instant or later are not made yet (None: all are),
        # so a test can add the recorder before them, as an owner would have (put_right).
        self.recorded_before: int | None = None

    # --- clock ---------------------------------------------------------------------------
    def set_clock(self, offset_s: float) -> None:
        """The clock put right (by its owner, or NTP) now: recordings made before keep the
        times the clock wrote then."""
        self.earlier_clocks.append((time.time_ns() // 1000, self.clock_offset_s))
        self.clock_offset_s = offset_s

    def put_right(self, at_us: int, offset_s: float) -> None:
        """The clock put right at the true instant `at_us`, a moment already past: recordings
        made before it keep the times the clock wrote then, and those made after it, by the
        new clock, are recorded by now (`recorded_before` is lifted). A recording's times, as
        its device wrote them, never change once listed: recordings listed before (a test
        adding the recorder first) are those made before `at_us`."""
        self.earlier_clocks.append((at_us, self.clock_offset_s))
        self.clock_offset_s = offset_s
        self.recorded_before = None

    def offset_at(self, true_us: int) -> float:
        """The clock's offset when the device recorded at a true instant."""
        return next((off for until, off in sorted(self.earlier_clocks) if true_us < until),
                    self.clock_offset_s)

    def device_s(self, true_us: int) -> float:
        """True UTC (us) -> the device clock's UTC reading (seconds) when it recorded then."""
        return true_us / US + self.offset_at(true_us)

    def wall(self, true_us: int) -> datetime:
        """What the device's wall clock read at a true instant."""
        return self.zone.to_wall(self.device_s(true_us))

    def now_s(self) -> float:
        """The device clock's UTC reading now (seconds)."""
        return true_now_s() + self.clock_offset_s

    def now_wall(self) -> datetime:
        """What the device's wall clock reads now."""
        return self.zone.to_wall(self.now_s())

    def searched(self, channel: int, device_start_s: float, device_end_s: float) -> list[Clip]:
        """What a search for the channel answers: its clips (`recorded`), or with the
        `search-all-channels` quirk every channel's, by their start."""
        if "search-all-channels" not in self.quirks:
            return self.recorded(channel, device_start_s, device_end_s)
        every = [c for n in sorted(self.catalogue.clips)
                 for c in self.recorded(n, device_start_s, device_end_s)]
        return sorted(every, key=lambda c: (c.start_us, c.channel))

    def recorded(self, channel: int, device_start_s: float, device_end_s: float) -> list[Clip]:
        """The channel's clips whose times as the device wrote them (device-clock UTC seconds,
        from its start on by the clock it started under) overlap [start, end), as a device
        lists them: by the times it stored. A clock put back makes two recordings share
        times; both are listed, the one recorded first first."""
        found = []
        for clip in self.catalogue.clips.get(channel, []):
            if self.recorded_before is not None and clip.start_us >= self.recorded_before:
                continue   # not made yet
            first = self.device_s(clip.start_us)
            if first < device_end_s and first + (clip.end_us - clip.start_us) / US > device_start_s:
                found.append(clip)
        return found

    def true_range(self, clip: Clip, device_start_s: float,
                   device_end_s: float) -> tuple[int, int]:
        """A stretch of `clip` asked for by the device's times: in true time, by the clock the
        clip was recorded under."""
        off = self.offset_at(clip.start_us)
        return round((device_start_s - off) * US), round((device_end_s - off) * US)

    # --- accounts ------------------------------------------------------------------------
    def check_password(self, user: str, password: str) -> bool:
        """A login attempt; wrong ones count toward the lock, and a locked device refuses all."""
        with self._lock:
            # As bytes: compare_digest refuses str holding anything but ASCII ("contraseña").
            good = (not self.locked and "unauthorized" not in self.faults
                    and secrets.compare_digest(user.encode(), self.user.encode())
                    and secrets.compare_digest(password.encode(), self.password.encode()))
            if not good:
                self.note_failure()
            return good

    def note_failure(self) -> None:
        self.failures += 1
        if self.failures >= LOCK_AFTER[self.vendor]:
            self.locked = True

    def digest_ok(self, method: str, header: str, realm: str) -> bool | None:
        """HTTP Digest (RFC 7616, MD5, qop=auth): True, False (wrong), None (no attempt)."""
        if not header.lower().startswith("digest "):
            return None
        fields = {}
        for part in _split_params(header[7:]):
            key, _, value = part.partition("=")
            fields[key.strip().lower()] = value.strip().strip('"')
        if fields.get("nonce") not in self.nonces:
            return None  # stale or foreign nonce: a fresh challenge, not a wrong password
        with self._lock:
            if self.locked or "unauthorized" in self.faults:
                self.note_failure()
                return False
        user = fields.get("username", "")
        ha1 = _md5(f"{user}:{realm}:{self.password}")
        ha2 = _md5(f"{method}:{fields.get('uri', '')}")
        want = _md5(f"{ha1}:{fields['nonce']}:{fields.get('nc', '')}:{fields.get('cnonce', '')}:"
                    f"{fields.get('qop', '')}:{ha2}")
        good = (secrets.compare_digest(user, self.user)
                and secrets.compare_digest(fields.get("response", ""), want))
        if not good:
            with self._lock:
                self.note_failure()
        return good

    def challenge(self, realm: str) -> str:
        nonce = secrets.token_hex(16)
        self.nonces.add(nonce)
        return f'Digest realm="{realm}", qop="auth", nonce="{nonce}", opaque="{secrets.token_hex(8)}"'

    # --- downloads -----------------------------------------------------------------------
    def take_slot(self) -> bool:
        """Start a download; False when the device allows one at a time and one is running."""
        if "one-download" in self.faults:
            if not self._slot.acquire(blocking=False):
                return False
        with self._lock:
            self.downloads_started += 1
        return True

    def release_slot(self) -> None:
        if "one-download" in self.faults:
            self._slot.release()

    def cut(self, clip: Clip, start_us: int, end_us: int) -> Path:
        """The clip's footage from the keyframe at or before start to the frame at or after
        end, as a download-by-time gives it; the whole file when the window covers it."""
        start_us, end_us = max(start_us, clip.start_us), min(end_us, clip.end_us)
        if start_us <= clip.start_us and end_us >= clip.end_us:
            return clip.path
        key = (clip.id, start_us, end_us)
        with self._lock:
            if key in self._cuts:
                return self._cuts[key]
        out = self._cut_dir / f"{clip.id}-{start_us}-{end_us}.mp4"
        tmp = out.with_suffix(".tmp.mp4")
        cut_by_time(clip.path, tmp, (start_us - clip.start_us) / US, (end_us - start_us) / US)
        os.replace(tmp, out)
        with self._lock:
            self._cuts[key] = out
        return out

    def close(self) -> None:
        self.stopping.set()
        shutil.rmtree(self._cut_dir, ignore_errors=True)


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def _split_params(text: str) -> list[str]:
    """Split `a="x, y", b=z` at the commas outside quotes."""
    parts, current, quoted = [], "", False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == "," and not quoted:
            parts.append(current)
            current = ""
        else:
            current += ch
    return parts + [current] if current.strip() else parts
