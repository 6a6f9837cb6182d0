"""Where a hold's copies lie in time, kept in its `hold.json` beside the copies.

A recorder's ring deletes the oldest recordings, and the next scan forgets them: by the time an
approval is cut, the index may no longer say which seconds a held copy holds. So a hold records,
per camera, the index's rows for each copy as they were when it was made, their paths the
copies' names in the hold as its manifest lists them (a copy is the very
bytes: the rows hold for it, its byte ranges inside a ring file too), the camera's zone and
clock offset (provenance's `clock`; a recorder's download's row keeps its own, `clock_shift_us`,
which differs from it when the recorder's clock was put right inside the window: the row's
times are true times either way), each copy's original (relative to its recordings folder)
and the index's rows it copied (`indexed`: path, size, modification time), by which a later cut
tells whether the originals are still as they were held. A copy added to the hold later
(hold_top_up.py) after the owner changed its folder's zone or clock offset was placed by that
clock, not the camera's: its row in `recordings` says so (`clock`: `zone`, `clock_offset_s`).
A cut places every copy by its folder's clock as it is then, from the clock it was placed by
(held_clocks.py). A hold made before this was recorded has no placement: it is kept, but only
its originals are cut.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from agent.index.rows import FileRow, Source
from agent.index.window_pieces import RecorderWindow, piece_rows
from agent.requests.hold_names import inside_hold
from agent.storage import distinct_name


@dataclass(frozen=True)
class HeldCamera:
    """One camera's copies in a hold: its rows (`path`: the copy's name in the hold, as its
    manifest lists it), its clock, each copy's original, and a recorder's download record."""

    camera: str
    zone: str
    clock_offset_s: float
    recordings: tuple[FileRow, ...]
    originals: tuple[tuple[str, str], ...]
    indexed: tuple[FileRow, ...]
    recorder: dict | None = None
    # (copy's name, zone, clock offset) of each copy placed by another clock than the
    # camera's: added to the hold after its folder's clock was changed (hold_top_up.py)
    clocks: tuple[tuple[str, str, float], ...] = ()
    # (copy's name, zone, clock offset) of each copy a cut places again by its folder's clock
    # as the owner set it after the hold was made, with the clock it was held under
    # (held_clocks.py); never read from hold.json, whose times stay the held clock's
    replaced: tuple[tuple[str, str, float], ...] = ()

    def clock_of(self, name: str) -> tuple[str, float]:
        """The zone and clock offset the copy `name` (a path of `recordings`) was placed by."""
        return next(((zone, offset) for copy, zone, offset in self.clocks if copy == name),
                    (self.zone, self.clock_offset_s))


@dataclass(frozen=True)
class Placement:
    """What a hold's record says of its copies: when they were made, and each camera's."""

    made: str | None
    request: str | None
    window: dict
    cameras: tuple[HeldCamera, ...]
    # Copies added since it was made (hold_top_up.py): when, their names in the hold, and
    # each recorder camera's download record of them (hold_downloads.py; {} for none).
    added: tuple[tuple[str, tuple[str, ...], dict], ...] = ()

    def camera(self, name: str, current=lambda c: c) -> HeldCamera | None:
        """The held camera `name` means (`current`: the index's current name of a camera)."""
        now = current(name) or name
        return next((c for c in self.cameras if (current(c.camera) or c.camera) == now), None)


def row_record(row: FileRow, path: str | None = None) -> dict:
    """A FileRow as hold.json keeps it (its source's id means nothing outside the index)."""
    record = row._asdict()
    del record["source_id"]
    if path is not None:
        record["path"] = path
    return record


# What each field of a row kept in hold.json may hold (FileRow's); anything else is a record
# edited by hand, which would fail later in Python's words, or be stored out of SQLite's range.
_INTS = ("start_us", "end_us", "size", "mtime_ns", "alt_start_us", "width", "height",
         "byte_start", "byte_end", "clock_shift_us")
_NEEDED = ("path", "camera", "size", "mtime_ns", "status", "channel", "byte_start", "audio")
_INT64 = 1 << 63


def record_row(record: dict, copy: bool = False) -> FileRow:
    """A FileRow read back from hold.json (fields a later version added take their defaults);
    ValueError for one whose fields are not a row's, or, for a `copy`'s, whose path is not a
    copy's name inside the hold."""
    row = FileRow(0, **{k: record[k] for k in FileRow._fields[1:] if k in record})
    for name, value in row._asdict().items():
        if name == "source_id" or (value is None and name not in _NEEDED):
            continue
        if name in _INTS:
            ok = type(value) is int and -_INT64 <= value < _INT64
        elif name == "fps":
            ok = type(value) in (int, float)
        elif name == "audio":
            ok = type(value) is bool
        else:
            ok = isinstance(value, str)
        if not ok:
            raise ValueError(f"a held row's {name} is not one")
    if copy and not inside_hold(row.path):
        raise ValueError("a held row names a file outside the hold")
    return row


def grown_into(then: FileRow, row: FileRow, end_us: int) -> bool:
    """Whether a recording the hold copied while it was still being written (`then`, its row
    as it was copied) holds more of a window ending at `end_us` now (`row`) than its copy does:
    it grew since, and its copy ends before the window does (or when, is not known). One whose
    copy already reaches past the window's end holds all of it, however it grew since."""
    return (then.status == "in-progress" and row.size > then.size
            and (then.end_us is None or then.end_us < end_us))


def local_placement(rows: list[FileRow], held: list, sources: list[Source]) -> dict:
    """hold.json's `placed` for copied recordings: `rows` every index row of the copied files
    (a ring file has several, of one camera or more), `held` the copies (holds.HeldFile); a
    ring folder's index files, copied with its ring files, get their originals too."""
    by_id = {s.id: s for s in sources}
    names = {f.source: f.name for f in held}
    placed: dict = {}
    roots: dict[str, tuple[Path, dict]] = {}   # an original's folder -> its root, camera
    for row in rows:
        source = by_id.get(row.source_id)
        camera = placed.setdefault(row.camera, {
            "zone": source.tz if source else "UTC",
            "clock_offset_s": source.clock_offset_s if source else 0.0,
            "recordings": [], "originals": {}, "indexed": []})
        camera["recordings"].append(row_record(row, names[row.path]))
        camera["indexed"].append(row_record(row))
        root = Path(source.root) if source else Path(row.path).parent
        roots[str(Path(row.path).parent)] = (root, camera)
        camera["originals"][names[row.path]] = _relative(Path(row.path), root)
    for f in held:   # what is no recording: a ring folder's index
        root, camera = roots.get(str(Path(f.source).parent), (None, None))
        if camera is not None and f.name not in camera["originals"]:
            camera["originals"][f.name] = _relative(Path(f.source), root)
    return placed


def _relative(path: Path, root: Path) -> str:
    """A recording's path as provenance names it: relative to its recordings folder."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name


def remote_placement(window: RecorderWindow, indexed: list[FileRow],
                     folder: str | None = None) -> dict:
    """hold.json's `placed` entry for a recorder camera's downloaded window: the pieces as a
    cut reads them (remote_window.piece_rows), and the recorder's `remote` rows it covered;
    `folder` its pieces' folder in the hold (the camera's: holds._download_all's)."""
    folder = folder or distinct_name(window.camera)
    return {"zone": window.clock.zone, "clock_offset_s": window.offset_s,
            "recordings": [row_record(r, f"{folder}/{Path(r.path).name}")
                           for r in piece_rows(0, window.camera, window)],
            "originals": {}, "indexed": [row_record(r) for r in indexed],
            "recorder": window.record()}


def read_placement(doc: dict) -> Placement | None:
    """The placement a hold's record (hold.json, read) holds; None for a hold made before
    holds recorded it, or one whose placement is damaged: its copies are then never cut, its
    recordings are."""
    try:
        return _placement(doc)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def listed_only(placement: Placement | None, names: set[str]) -> Placement | None:
    """The placement, when every copy it places is one of `names`, those the record lists
    (and the manifest hashes); None otherwise (edited by hand): a cut from the hold would read
    an unlisted file with no hash checked."""
    if placement is None or all(r.path in names for c in placement.cameras
                                for r in c.recordings):
        return placement
    return None


def _placement(doc: dict) -> Placement | None:
    placed = doc.get("placed")
    if placed is None:
        return None
    cameras = tuple(HeldCamera(
        name, str(c["zone"]), float(c["clock_offset_s"]),
        tuple(record_row(r, copy=True) for r in c["recordings"]),
        tuple((str(k), str(v)) for k, v in c["originals"].items()),
        tuple(record_row(r) for r in c["indexed"]), c.get("recorder"),
        tuple((r["path"], *_clock(r["clock"])) for r in c["recordings"] if "clock" in r))
        for name, c in placed.items())
    made = doc.get("made")
    if made is not None and not isinstance(made, str):   # edited by hand: not as written
        raise TypeError("not a time")
    return Placement(made, doc.get("request"), dict(doc.get("window") or {}),
                     cameras, _added(doc.get("added") or []))


def _clock(record: dict) -> tuple[str, float]:
    """A copy's own `clock` (zone, offset), read strictly (TypeError for what hold_top_up
    never writes: a record edited by hand)."""
    zone, offset = record["zone"], record["clock_offset_s"]
    if not isinstance(zone, str) or type(offset) not in (int, float):
        raise TypeError("not a clock")
    return zone, float(offset)


def _added(records: list) -> tuple[tuple[str, tuple[str, ...], dict], ...]:
    """hold.json's `added`, read strictly (TypeError for what hold_top_up never writes)."""
    out = []
    for record in records:
        at, names, recorders = record["at"], record["files"], record.get("recorders", {})
        if not isinstance(at, str) or not isinstance(names, list) \
                or not all(isinstance(n, str) for n in names) \
                or not isinstance(recorders, dict) \
                or not all(isinstance(r, dict) for r in recorders.values()):
            raise TypeError("not an addition")
        out.append((at, tuple(names), dict(recorders)))
    return tuple(out)
