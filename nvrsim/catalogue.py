"""What the simulated recorder holds: the footage in its folder, by channel and true time.

The folder's layout is the simulator's own, chosen so a test can write it in one line:

    FOLDER/01 Driveway/20261120T220000Z-20261120T220100Z.mp4

one sub-folder per channel (its number, 1-based, then optionally a space and the channel's
name), one file per recording named by the true UTC instants of its first frame and its end.
The device reports these times through its own (possibly wrong) clock and zone.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

_DIR = re.compile(r"^(\d{1,3})(?: (.+))?$")
_FILE = re.compile(r"^(\d{8}T\d{6})(?:\.(\d{1,6}))?Z-(\d{8}T\d{6})(?:\.(\d{1,6}))?Z\.mp4$")
US = 1_000_000


def _us(stamp: str, frac: str | None) -> int:
    t = datetime.strptime(stamp, "%Y%m%dT%H%M%S").replace(tzinfo=timezone.utc)
    return int(t.timestamp()) * US + (int(frac.ljust(6, "0")) if frac else 0)


def _stamp(us: int) -> str:
    whole, frac = divmod(us, US)
    text = datetime.fromtimestamp(whole, timezone.utc).strftime("%Y%m%dT%H%M%S")
    return text + (f".{frac:06d}".rstrip("0") if frac else "") + "Z"


def clip_name(start_us: int, end_us: int) -> str:
    """The file name for a recording covering [start, end) in true UTC."""
    return f"{_stamp(start_us)}-{_stamp(end_us)}.mp4"


def channel_folder(number: int, name: str = "") -> str:
    """The sub-folder for channel `number` (1-based) called `name`."""
    return f"{number:02d} {name}" if name else f"{number:02d}"


@dataclass(frozen=True)
class Clip:
    """One recording: channel (1-based), true UTC span in microseconds, its file and size."""

    channel: int
    start_us: int
    end_us: int
    path: Path
    size: int
    id: int = 0  # the device's own number for it (an index into the catalogue)


@dataclass
class Catalogue:
    """Channels (number -> name) and each channel's clips in start order."""

    channels: dict[int, str] = field(default_factory=dict)
    clips: dict[int, list[Clip]] = field(default_factory=dict)
    by_id: list[Clip] = field(default_factory=list)

    @classmethod
    def load(cls, folder: Path) -> "Catalogue":
        """Read the folder; names that do not fit the layout are ignored."""
        cat = cls()
        for sub in sorted(p for p in Path(folder).iterdir() if p.is_dir()):
            m = _DIR.match(sub.name)
            if not m:
                continue
            number = int(m.group(1))
            cat.channels[number] = m.group(2) or ""
            found = []
            for f in sub.iterdir():
                fm = _FILE.match(f.name)
                if fm:
                    found.append((_us(fm.group(1), fm.group(2)), _us(fm.group(3), fm.group(4)), f))
            found.sort()
            clips = []
            for start, end, f in found:
                clip = Clip(number, start, end, f, f.stat().st_size, len(cat.by_id))
                cat.by_id.append(clip)
                clips.append(clip)
            cat.clips[number] = clips
        return cat

    def overlapping(self, channel: int, start_us: int, end_us: int) -> list[Clip]:
        """The channel's clips that overlap [start, end), in start order."""
        clips = self.clips.get(channel, [])
        starts = [c.start_us for c in clips]
        hi = bisect.bisect_left(starts, end_us)
        return [c for c in clips[:hi] if c.end_us > start_us]

    def covering(self, channel: int, at_us: int) -> Clip | None:
        """The clip holding instant `at_us` (or the first one after it)."""
        for clip in self.overlapping(channel, at_us, at_us + 24 * 3600 * US):
            return clip
        return None
