"""The registration forms as typed, without Qt: a camera as the cameras page holds it, the
contact and the ticked cameras becoming a Contact and Cameras, with what is missing in words.

The agent checks everything again before it signs (limits, lengths, the invite's form); the
checks here only catch what an owner can fix on the page they are on.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from agent.views import CAMERA_NAME_CHARS, Camera, Contact
from gui.views.shown import shown
from gui.views.words import translate

# Texts keep the translation context "registrations" they were translated under: the catalogue
# finds its Spanish by it.


@dataclass(frozen=True)
class CameraEntry:
    """One camera as typed on the cameras page: whether it is ticked, where it is (a street
    address and/or a map point "lat, lon"), what it sees and how many days its recorder keeps
    footage (None: not said)."""

    name: str
    ticked: bool = False
    address: str = ""
    point: str = ""
    sees: str = ""
    retention_days: int | None = None


def entry_of(camera: Camera) -> CameraEntry:
    """A registered camera as the cameras page shows it (ticked, its fields filled in)."""
    point = "" if camera.lat is None else f"{camera.lat}, {camera.lon}"
    return CameraEntry(camera.name, True, camera.address or "", point, camera.sees or "",
                       camera.retention_days)


def read_point(text: str) -> tuple[float, float] | None:
    """"47.61, -122.33" (as map apps copy it) as (lat, lon); None when empty; ValueError
    saying what is wrong otherwise."""
    parts = [p for p in re.split(r"[\s,;]+", text.strip()) if p]
    if not parts:
        return None
    try:
        lat, lon = (float(p) for p in parts) if len(parts) == 2 else (math.nan, math.nan)
    except ValueError:
        lat = lon = math.nan
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError(translate("registrations", "write the map point as two numbers, latitude "
                                                    "then longitude, e.g. 47.6101, -122.3421"))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(translate("registrations", "a latitude is from -90 to 90 and a longitude "
                                                    "from -180 to 180"))
    return lat, lon


def contact_from(name: str, email: str, phone: str) -> tuple[Contact | None, list[str]]:
    """The contact as typed (blank optional fields left out), or None and what is missing."""
    if not name.strip():
        return None, [translate("registrations", "Type your name: the agency needs to know whom it "
                                                 "is talking to.")]
    return Contact(name.strip(), email.strip() or None, phone.strip() or None), []


def cameras_from(entries: list[CameraEntry]) -> tuple[tuple[Camera, ...], list[str]]:
    """The ticked cameras as Cameras, and each problem an owner must fix first."""
    cameras, problems = [], []
    for e in entries:
        if not e.ticked:
            continue
        if len(e.name) > CAMERA_NAME_CHARS:
            # the agency asks for a camera by its registered name: the index's name, not a cut
            problems.append(shown(translate(
                "registrations", "{camera}: an agency registers camera names of at most {most} "
                                 "characters, and this one has {count}: give it a shorter name "
                                 "first (Rename camera\u2026 in Settings)."),
                camera=e.name, most=CAMERA_NAME_CHARS, count=len(e.name)))
            continue
        try:
            point = read_point(e.point)
        except ValueError as exc:
            # the camera's name isolated (gui.views.shown): a Hebrew one keeps the line's order
            problems.append(shown("{camera}: {why}.", camera=e.name, why=str(exc)))
            continue
        if point is None and not e.address.strip():
            problems.append(shown(translate("registrations", "{camera}: say where it is (a "
                                                             "street address, a map point or "
                                                             "both)."), camera=e.name))
            continue
        lat, lon = point if point else (None, None)
        cameras.append(Camera(e.name, e.address.strip() or None, lat, lon,
                              e.sees.strip() or None, e.retention_days))
    return tuple(cameras), problems
