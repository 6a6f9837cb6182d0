"""What the index keeps: a registered source (`Source`) and a recording (`FileRow`), with the
SQL that writes a FileRow and reads one back (its columns follow FileRow's fields)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Source:
    """A recordings root the owner registered; `camera` is the owner's name for it."""

    id: int
    root: str
    camera: str
    tz: str
    layout: str
    clock_offset_s: float


class FileRow(NamedTuple):
    """One indexed recording: what it is, which camera, which seconds (true UTC), its state.

    Immutable like the frozen dataclasses elsewhere, but a NamedTuple: a scan builds one per
    file, hundreds of thousands at a time. `camera` is the camera's current name (cameras.py);
    `channel` is the recorder's own word for the camera in the path ('' when it names none).
    `time_source` says what placed the row in time: "name", "container", "frigate.db",
    "index00.bin", "mtime" (the file's modification time alone), or None (no time known).
    `byte_start`/`byte_end` are the recording's bytes inside `path`: 0 and None for a whole
    file, a range for a recording inside a ring file (Hikvision `hiv*.mp4`).
    `clock_shift_us`: a recorder's mirrored row only, the recorder's clock offset taken off its
    own times when it was first mirrored, the clock it recorded under: a clock put right later
    leaves it there (index/mirror.py); and a piece downloaded from it, the offset it was placed
    by (remote_window.piece_rows; a hold keeps it per copy). None for anything else, and for
    rows mirrored before it was kept (the recorder's offset then applies).
    """

    source_id: int
    path: str
    camera: str
    start_us: int | None
    end_us: int | None
    size: int
    mtime_ns: int
    layout: str | None
    status: str
    reason: str | None
    stream: str | None = None
    alt_start_us: int | None = None
    codec: str | None = None
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    audio: bool = False
    channel: str = ""
    time_source: str | None = None
    byte_start: int = 0
    byte_end: int | None = None
    clock_shift_us: int | None = None

    @property
    def ranged(self) -> bool:
        """True for a recording inside a larger file (a byte range of a ring file)."""
        return self.byte_end is not None


# In FileRow's order, with the camera's id where FileRow has its name.
_FILE_COLUMNS = ("source_id", "path", "camera_id", "start_us", "end_us", "size", "mtime_ns",
                 "layout", "status", "reason", "stream", "alt_start_us", "codec", "width",
                 "height", "fps", "audio", "channel", "time_source", "byte_start", "byte_end",
                 "clock_shift_us")
UPSERT = (
    f"INSERT INTO files({','.join(_FILE_COLUMNS)}) VALUES "
    f"(?, ?, (SELECT id FROM cameras WHERE name=?), {','.join('?' * (len(_FILE_COLUMNS) - 3))}) "
    "ON CONFLICT(path, byte_start) DO UPDATE SET "
    + ",".join(f"{c}=excluded.{c}" for c in _FILE_COLUMNS if c not in ("path", "byte_start")))
# A recorder's row out of date says so first, then its own reason (mirror._failed).
_REASON = ("CASE WHEN {p}stale_note IS NULL THEN {p}reason WHEN {p}reason IS NULL THEN "
           "{p}stale_note ELSE {p}stale_note || '; ' || {p}reason END")
SELECT = ("SELECT f.source_id, f.path, c.name, f.start_us, f.end_us, f.size, f.mtime_ns, "
          f"f.layout, f.status, {_REASON.format(p='f.')}, f.stream, f.alt_start_us, f.codec, f.width, f.height, "
          "f.fps, f.audio, f.channel, f.time_source, f.byte_start, f.byte_end, f.clock_shift_us "
          "FROM files f JOIN cameras c ON c.id = f.camera_id")
# One camera's rows: its name is known, so no join (the coverage query's hot path).
SELECT_ONE = ("SELECT source_id, path, ?, start_us, end_us, size, mtime_ns, layout, status, "
              f"{_REASON.format(p='')}, stream, alt_start_us, codec, width, height, fps, audio, channel, "
              "time_source, byte_start, byte_end, clock_shift_us FROM files WHERE camera_id=?")


def file_row(r: tuple) -> FileRow:
    """The FileRow of a row read with SELECT or SELECT_ONE."""
    # Columns follow FileRow's field order (audio is stored as 0/1).
    return FileRow(*r[:16], bool(r[16]), *r[17:])
