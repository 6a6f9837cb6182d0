"""Privacy masks: polygons an owner draws once per camera, filled solid in every export.

Points are relative (0..1 of the frame's width and height) so a mask survives a change of
resolution. Masks live in `<home>/masks/<camera>.json`:

    {"camera": "porch", "picture": [1920, 1080],
     "polygons": [{"name": "neighbour's window",
                   "points": [[0.10, 0.20], [0.30, 0.20], [0.30, 0.50]]}]}

"picture" is the size (width, height in pixels) of the picture they were drawn on: shares of
its size fall where they were drawn on any picture of the same shape, and elsewhere on one of
another shape (a camera switched from 16:9 to 4:3, a sub stream that crops), so an export of
such a recording is refused (mask_pictures.py). Files saved before it was recorded have none,
and are read as they were. A bare list of polygons, or a polygon given as a bare list of
points, is accepted too.
"""
from __future__ import annotations

import errno
import json
import math
import os
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from agent.export.masks_logged import logged_masks
from agent.json_words import json_fault
from agent.os_words import plain_home_error, plain_os_error
from agent.permissions import make_folder
from agent.saved_text import owner_file_text
from agent.storage import distinct_name, read_file_start, safe_name, write_atomic
from frp.count_words import counted

MAX_POLYGONS = 64
MAX_POINTS = 1000
# Every corner and name goes into each clip's Content Credentials (a region per masked area),
# whose manifest the C2PA library refuses past about 2 MB: 64 polygons of 1000 corners made
# 3 MB, and no export of the camera could be signed. 16000 corners make about 0.7 MB.
MAX_TOTAL_POINTS = 16000
MAX_NAME = 120
# The most masks a camera may have, as save_masks writes them, take about 1.3 MB.
MAX_FILE_BYTES = 4 << 20
MAX_PICTURE_SIDE = 100_000   # pixels: far past any camera's picture


class MaskError(Exception):
    """A mask file is missing or wrong; the message says which polygon and point."""


@dataclass(frozen=True)
class Polygon:
    """One masked area: its corners in relative coordinates, and an optional name."""

    points: tuple[tuple[float, float], ...]
    name: str = ""


@dataclass(frozen=True)
class CameraMasks:
    """All masks of one camera (empty when the owner has drawn none)."""

    camera: str
    polygons: tuple[Polygon, ...] = ()
    picture: tuple[int, int] | None = None   # (width, height) drawn on; None: not recorded

    def to_json(self) -> dict:
        """The form kept on disk (provenance.json records its polygons)."""
        out: dict = {"camera": self.camera}
        if self.picture is not None:
            out["picture"] = list(self.picture)
        out["polygons"] = [{"name": p.name, "points": [list(xy) for xy in p.points]}
                           for p in self.polygons]
        return out


def masks_file(home: Path, camera: str) -> Path:
    """Where one camera's masks are kept."""
    path = Path(home) / "masks" / f"{distinct_name(camera)}.json"
    if safe_name(camera) == "_" + camera and not path.exists():
        # A camera named like a Windows device ("aux") kept its masks as aux.json before
        # safe_name changed such names (never on Windows, which could not write it).
        before = path.with_name(f"{camera}.json")
        if before.is_file():
            return before
    return path


def parse_masks(camera: str, data: object) -> CameraMasks:
    """Validate decoded JSON into CameraMasks; MaskError says exactly what is wrong."""
    picture = None
    if isinstance(data, dict):
        named = data.get("camera")
        if named is not None and named != camera:
            raise MaskError(f"this mask file is for camera '{named}', not '{camera}'")
        if "polygons" not in data:
            raise MaskError('the mask file needs a "polygons" list')
        picture = _picture(data.get("picture"))
        data = data["polygons"]
    if not isinstance(data, list):
        raise MaskError('masks must be a list of polygons (or {"polygons": [...]})')
    if len(data) > MAX_POLYGONS:
        raise MaskError(f"at most {MAX_POLYGONS} polygons per camera (got {len(data)})")
    polygons = tuple(_polygon(i, p) for i, p in enumerate(data, start=1))
    corners = sum(len(p.points) for p in polygons)
    if corners > MAX_TOTAL_POINTS:
        raise MaskError(f"at most {MAX_TOTAL_POINTS} corners in all (got {corners}): each "
                        "export names every corner in the clip's Content Credentials")
    return CameraMasks(camera, polygons, picture)


def _picture(raw: object) -> tuple[int, int] | None:
    """The picture size a masks file records, [width, height] in pixels (None: not given)."""
    if raw is None:
        return None
    if (not isinstance(raw, list) or len(raw) != 2
            or not all(type(v) is int and 0 < v <= MAX_PICTURE_SIDE for v in raw)):
        raise MaskError('"picture" must be the width and height in pixels of the picture the '
                        "masks were drawn on, such as [1920, 1080]")
    return (raw[0], raw[1])


def _polygon(number: int, raw: object) -> Polygon:
    where = f"polygon {number}"
    name = ""
    if isinstance(raw, dict):
        name = raw.get("name", "")
        if not isinstance(name, str):
            raise MaskError(f"{where}: the name must be text")
        _check_name(where, name)
        raw = raw.get("points")
    if not isinstance(raw, list):
        raise MaskError(f'{where}: needs "points", a list of [x, y] pairs')
    if not 3 <= len(raw) <= MAX_POINTS:
        raise MaskError(f"{where}: needs 3 to {MAX_POINTS} points (got {len(raw)})")
    points = []
    for j, point in enumerate(raw, start=1):
        if (not isinstance(point, (list, tuple)) or len(point) != 2
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                           for v in point)):
            raise MaskError(f"{where}, point {j}: must be a pair of numbers [x, y]")
        for axis, value in zip("xy", point):
            if not (math.isfinite(value) and 0.0 <= value <= 1.0):
                raise MaskError(f"{where}, point {j}: {axis} must be between 0 and 1 "
                                f"(a share of the frame's {'width' if axis == 'x' else 'height'}"
                                f"), got {value}")
        points.append((float(point[0]), float(point[1])))
    if _on_one_line(points):
        raise MaskError(f"{where}: its points enclose no area (they lie on one line)")
    return Polygon(tuple(points), name)


def _check_name(where: str, name: str) -> None:
    """A mask's name goes into every package of the camera (provenance.json, the clip's
    Content Credentials): words for a person, short, and nothing a terminal or viewer would
    act on or hide."""
    if len(name) > MAX_NAME:
        raise MaskError(f"{where}: the name is at most {MAX_NAME} characters (got {len(name)})")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        raise MaskError(f"{where}: the name cannot hold control or invisible characters")


def encloses_area(points) -> bool:
    """Whether corners (relative x, y) make an area a mask can hide: three at least, not all
    on one line (the rule a masks file is held to; the app's drawing asks it first)."""
    return len(points) >= 3 and not _on_one_line(points)


def _on_one_line(points) -> bool:
    """True when every point lies on the line through two of them (the signed area would say
    a 'bow tie', whose two halves cancel out, encloses nothing)."""
    x0, y0 = points[0]
    far = max(points, key=lambda p: (p[0] - x0) ** 2 + (p[1] - y0) ** 2)
    dx, dy = far[0] - x0, far[1] - y0
    return all(abs(dx * (y - y0) - dy * (x - x0)) < 1e-9 for x, y in points)


def read_masks_file(path: Path, camera: str) -> CameraMasks:
    """Read and validate a JSON file the owner gives (e.g. `masks set CAMERA FILE`)."""
    try:
        raw = read_file_start(path, MAX_FILE_BYTES + 1)   # a named pipe: said, never waited on
    except OSError as exc:
        raise MaskError(f"cannot read the masks file: {plain_os_error(exc, str(path))}") from None
    if len(raw) > MAX_FILE_BYTES:   # a recording picked by mistake: not read into memory whole
        raise MaskError(f"{path} is larger than any masks file ({MAX_FILE_BYTES >> 20} MiB at "
                        "most): is it the file you meant?")
    try:
        text = owner_file_text(raw)   # as Notepad or PowerShell saved it
    except UnicodeDecodeError:
        raise MaskError(f"{path} is not a text (JSON) file") from None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise MaskError(f"{path} is not valid JSON ({json_fault(exc)})") from None
    return parse_masks(camera, data)


def load_masks(home: Path, camera: str) -> CameraMasks:
    """A camera's saved masks (none saved: no polygons)."""
    path = masks_file(home, camera)
    if not path.exists():
        if not path.parent.exists() or path.parent.is_dir():
            _never_kept(home, camera, path)
            return CameraMasks(camera)
        # A file in the folder's place (a sync tool, a restore): read as "no masks", every
        # camera would be exported unmasked, so it is said as the masks' damage.
        gone = NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path.parent))
        raise _damaged(camera, plain_home_error(gone))
    try:
        return read_masks_file(path, camera)
    except MaskError as exc:
        raise _damaged(camera, str(exc)) from None


def masks_left_off(home: Path, camera: str) -> int:
    """How many saved privacy masks an export of `camera` leaves off when the owner chose to
    export without them (0 when it has none, or none that can be read), for the activity log
    and the owner to see what went out in the clear."""
    try:
        return len(load_masks(home, camera).polygons)
    except MaskError:
        return 0


def _never_kept(home: Path, camera: str, path: Path) -> None:
    """Raise MaskError when the activity log says `camera`'s masks were saved and never removed
    while their file is gone (the `masks` folder deleted by hand, a backup restored from before
    they were drawn): read as none, the camera would be exported unmasked, saying nothing."""
    logged = logged_masks(home, camera)
    if logged is not None and logged.areas > 0:
        when = logged.at[:16].replace("T", " ")
        raise _damaged(camera, f"{path} is gone, though the activity log says "
                               f"{counted(logged.areas, 'area')} was saved there at {when} UTC "
                               "and never removed")


def _damaged(camera: str, why: str) -> MaskError:
    return MaskError(f"the saved masks of camera '{camera}' are damaged ({why}); draw them "
                     "again in the app (Settings, Draw privacy masks) or set them with "
                     "`footage-agent masks set`")


def save_masks(home: Path, masks: CameraMasks) -> Path:
    """Keep a camera's masks (atomic write); no polygons removes the file."""
    path = masks_file(home, masks.camera)
    if not masks.polygons:
        path.unlink(missing_ok=True)
        return path
    make_folder(path.parent)   # a file in its place: said as not a folder
    write_atomic(path, json.dumps(masks.to_json(), indent=2).encode("utf-8"))
    return path


def rename_masks(home: Path, old: str, new: str, keep_old: bool = False,
                 only_if_none: bool = False) -> bool:
    """A renamed camera keeps its masks: they are saved under the new name (written first, so
    a failure never leaves the camera unmasked) and the old file goes, unless `keep_old` (a
    name several cameras had: each gets a copy). With `only_if_none`, a camera that has masks
    of its own keeps them. False when nothing was carried."""
    masks = load_masks(home, old)
    if not masks.polygons or (only_if_none and load_masks(home, new).polygons):
        return False
    try:
        save_masks(home, replace(masks, camera=new))
    except OSError as exc:
        raise MaskError("they could not be saved under the new name: "
                        + plain_home_error(exc, str(masks_file(home, new)))) from None
    if not keep_old:
        drop_former_masks(home, old, new)
    return True


def drop_former_masks(home: Path, old: str, new: str) -> None:
    """Remove the masks kept by a camera's former name, unless that is the very file its new
    name keeps (a change of capitals only, on Windows and macOS, whose file names ignore
    them: removing it would leave the camera unmasked)."""
    before, now = masks_file(home, old), masks_file(home, new)
    try:
        if now.exists() and before.exists() and before.samefile(now):
            return
    except OSError:
        return   # cannot tell: keeping a stale copy is harmless, losing the masks is not
    before.unlink(missing_ok=True)
