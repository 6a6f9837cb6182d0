"""Which registered cameras are near an incident (`footage-portal cameras near`): the question
a registry exists to answer, so the agency knows whom to ask.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from portal import db

EARTH_RADIUS_M = 6_371_008.8
_M_PER_DEG_LAT = 111_320.0


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def cameras_near(db_path: Path, lat: float, lon: float, radius_m: float) -> tuple[list[dict], int]:
    """Cameras of active registrations within `radius_m` of (lat, lon), nearest first, and how
    many active cameras have only an address (no lat/lon), so they could not be placed."""
    # A box around the point narrows the rows; the distance decides. Near a pole or across
    # the date line the box would be wrong, so there every placed camera is measured.
    dlat = radius_m / _M_PER_DEG_LAT
    cos = math.cos(math.radians(lat))
    dlon = radius_m / (_M_PER_DEG_LAT * cos) if cos > 0.01 else 360.0
    box = abs(lat) + dlat < 89 and -180 < lon - dlon and lon + dlon < 180
    where = "c.lat BETWEEN ? AND ? AND c.lon BETWEEN ? AND ?" if box else "c.lat IS NOT NULL"
    args = (lat - dlat, lat + dlat, lon - dlon, lon + dlon) if box else ()
    with db.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT c.*, r.contact FROM cameras c JOIN registrations r ON r.id = c.registration "
            f"WHERE r.ended_at IS NULL AND {where}", args).fetchall()
        unplaced = conn.execute(
            "SELECT COUNT(*) FROM cameras c JOIN registrations r ON r.id = c.registration "
            "WHERE r.ended_at IS NULL AND c.lat IS NULL").fetchone()[0]
    found = []
    for r in rows:
        d = distance_m(lat, lon, r["lat"], r["lon"])
        if d <= radius_m:
            found.append({"registration": r["registration"], "camera": r["name"],
                          "distance_m": round(d, 1), "lat": r["lat"], "lon": r["lon"],
                          "address": r["address"], "sees": r["sees"],
                          "retention_days": r["retention_days"],
                          "contact": json.loads(r["contact"]) if r["contact"] else None})
    found.sort(key=lambda f: (f["distance_m"], f["registration"], f["camera"]))
    return found, unplaced
