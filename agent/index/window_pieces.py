"""A recorder camera's window as downloaded (remote_window.py): its pieces, each with where it
starts and ends in true time and the clock offset it was placed by, provenance's `recorder`
section (what the device is, what was asked, what came), and the pieces as index rows, for an
export's index of its own, a hold and previews.
"""
from __future__ import annotations

from dataclasses import dataclass

from agent.index.recorder_book import RecorderSource
from agent.index.rows import FileRow
from agent.recorders.model import ClockReading, Fetched, RecorderInfo
from agent.timebase import US, format_utc


@dataclass(frozen=True)
class Piece:
    """One downloaded piece: the file as fetched, and when it starts in true time. `start_us`
    is its time zero as the cutter counts it (the first shown frame), `first_frame_us` the
    first frame stored (the start of a lead-in the edit list hides). `ambiguous`: the
    recorder wrote its start in the hour the clocks repeat, so it may be an hour later, or it
    was asked for by times in that hour, so it may hold the other one. `clock_shift_us`: the
    recorder's clock offset its times were asked for and placed by (the clock it recorded
    under: mirror.kept_rows)."""

    fetched: Fetched
    start_us: int
    end_us: int
    first_frame_us: int
    whole: bool
    ambiguous: bool = False
    clock_shift_us: int = 0


@dataclass(frozen=True)
class RecorderWindow:
    """A recorder camera's window, downloaded: the device, its clock, the pieces. `offset_s`:
    the offset the pieces' times were placed by, when they share one (else, the window spanning
    a moment the clock was put right, the one applied now; each piece keeps its own)."""

    camera: str
    source: RecorderSource
    info: RecorderInfo
    channel: int
    channel_name: str
    clock: ClockReading
    offset_s: float
    start_us: int
    end_us: int
    pieces: tuple[Piece, ...]

    def record(self) -> dict:
        """Provenance's `recorder` section: what the device is, what was asked, what came."""
        return {
            "vendor": self.info.vendor, "model": self.info.model,
            "firmware": self.info.firmware, "serial": self.info.serial,
            "name": self.info.name,
            "channel": {"id": self.channel, "name": self.channel_name},
            "clock": {"device_time": self.clock.device_text, "zone": self.clock.zone,
                      "offset_s": round(self.clock.offset_s, 3),
                      "uncertainty_s": round(self.clock.uncertainty_s, 3),
                      "applied_offset_s": self.offset_s if len(self.shifts()) <= 1 else None,
                      "note": "recorder clock minus this computer's clock, read through the "
                              "recorder's time API when the footage was fetched; the applied "
                              "offset (whole seconds) turned its times into true time: the "
                              "offset its clock had when the footage was recorded, as measured "
                              "when it was first mirrored (a clock put right since differs; "
                              "null when the window spans a moment it was put right, each "
                              "download giving its own)"},
            "window": {"start": format_utc(self.start_us), "end": format_utc(self.end_us)},
            "downloads": [{
                "file": p.fetched.path.name, "sha256": p.fetched.sha256, "size": p.fetched.size,
                "query": {"command": p.fetched.query.command,
                          "params": dict(p.fetched.query.params)},
                "start": format_utc(p.start_us), "end": format_utc(p.end_us),
                "whole_recording": p.whole, "attempts": p.fetched.attempts,
                "resumed_at": list(p.fetched.resumed_at),
                "applied_offset_s": p.clock_shift_us / US} for p in self.pieces],
        }

    def shifts(self) -> set[int]:
        """The clock offsets (µs) the pieces were placed by: two or more when the window
        spans a moment the recorder's clock was put right."""
        return {p.clock_shift_us for p in self.pieces}


def piece_rows(source_id: int, camera: str, window: RecorderWindow,
               previews: bool = False) -> list[FileRow]:
    """Index rows for the pieces (local files now). For previews a piece starts at its first
    stored frame (the preview reader counts from it); for a cut, at its first shown frame. A
    piece of the repeated hour is `ambiguous`, as a local file would be: never cut into a clip."""
    return [FileRow(source_id, str(p.fetched.path), camera,
                    p.first_frame_us if previews else p.start_us, p.end_us, p.fetched.size,
                    p.fetched.path.stat().st_mtime_ns, window.info.vendor,
                    "ambiguous" if p.ambiguous else "ok", piece_reason(p), "main",
                    channel=str(window.channel), time_source="recorder",
                    clock_shift_us=p.clock_shift_us)
            for p in window.pieces]


def piece_reason(piece: Piece) -> str | None:
    """Why a piece's row is what it is: a time the repeated hour leaves unsure, or cut by the
    recorder (None: a whole recording)."""
    if piece.fetched.ambiguous:
        return ("the recorder can be asked for it only by its clock's times, which the repeated "
                "fall-back hour gives twice, and nothing tells which of the two it sent; it is "
                "never exported, since its footage may be from the other")
    if piece.ambiguous:
        return ("the recorder wrote its start in the repeated fall-back hour and nothing tells "
                "which of the two it was; it is never exported, since its footage may be from "
                "the other")
    return None if piece.whole else "cut by the recorder at the time asked for"
