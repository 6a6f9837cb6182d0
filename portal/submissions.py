"""Uploads and submissions in the portal's database: each upload is counted against its request
(how many, how many bytes) and its registration (how often), and each submission is stored with
the checks made when it arrived, which is what `footage-portal submissions` lists.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from frp.times import format_utc
from portal import db
from portal.checks import Arrival
from portal.errors import ApiError
from portal.records import StoredRequest, Submission

HOUR_S = 3600


@dataclass(frozen=True)
class UploadLimits:
    """How much one request and one registration may upload (issue 15, finding 9)."""

    per_request: int = 16           # uploads ever created for one request
    per_hour: int = 12              # uploads one registration may create in an hour


def note_upload(db_path: Path, upload_id: str, req: StoredRequest, registration: str,
                length: int, limits: UploadLimits, now: float | None = None) -> None:
    """Count a new upload, or ApiError 409/413/429 when it would go over a limit (then
    nothing is counted). The total of a request's kept and unfinished uploads may not pass
    its max_bytes."""
    now = int(time.time() if now is None else now)
    with db.connect(db_path) as conn:
        # Written first, so concurrent creations wait for each other and count each other.
        conn.execute("INSERT INTO uploads (upload_id, jti, registration, length, created_at) "
                     "VALUES (?, ?, ?, ?, ?)", (upload_id, req.jti, registration, length, now))
        recent = conn.execute("SELECT COUNT(*), MIN(created_at) FROM uploads WHERE "
                              "registration = ? AND created_at > ?",
                              (registration, now - HOUR_S)).fetchone()
        if recent[0] > limits.per_hour:
            wait = max(1, recent[1] + HOUR_S - now)
            raise ApiError(429, "too_many_uploads", f"this registration started more than "
                           f"{limits.per_hour} uploads in the last hour; try again in {wait} s",
                           {"Retry-After": str(wait)})
        count, total = conn.execute("SELECT COUNT(*), COALESCE(SUM(CASE WHEN ended_at IS NULL "
                                    "THEN length ELSE 0 END), 0) FROM uploads WHERE jti = ?",
                                    (req.jti,)).fetchone()
        if count > limits.per_request:
            raise ApiError(409, "too_many_uploads", f"request {req.jti} has had "
                           f"{limits.per_request} uploads already; no more are taken for it")
        if req.max_bytes is not None and total > req.max_bytes:
            raise ApiError(413, "too_large", f"with this one, the uploads for request {req.jti} "
                           f"would hold {total} bytes; it accepts at most {req.max_bytes} in all")


def upload_ended(db_path: Path, upload_id: str, now: float | None = None) -> None:
    """An upload was terminated or refused: its bytes no longer count, unless it was kept."""
    with db.connect(db_path) as conn:
        conn.execute("UPDATE uploads SET ended_at = ? WHERE upload_id = ? AND ended_at IS NULL "
                     "AND upload_id NOT IN (SELECT upload_id FROM submissions)",
                     (int(time.time() if now is None else now), upload_id))


def record_submission(db_path: Path, s: Submission, arrival: Arrival, receipt: str,
                      received_at: int) -> str | None:
    """Store an accepted submission with its checks and the receipt given for it; None when
    stored, else why nothing was: `approval_withdrawn` (the owner withdrew the approval
    meanwhile), `already_received` (a package for the same camera passed its checks
    before: a second copy of the home delivering again) or `stored` (this very upload was
    stored meanwhile by another portal process on the same folder: its receipt stands)."""
    with db.connect(db_path) as conn:
        if arrival.ok and arrival.camera is not None:
            taken = conn.execute("INSERT OR IGNORE INTO received_cameras (jti, camera, "
                                 "upload_id) VALUES (?, ?, ?)",
                                 (s.jti, arrival.camera, s.upload_id))
            if taken.rowcount != 1:
                return _held_by(conn, s, arrival.camera)
        cur = conn.execute(
            "INSERT INTO submissions (jti, upload_id, file, sha256, size, claimed_sha256, "
            "claimed_size, package, signer, ok, checks, receipt, received_at) "
            "SELECT ?,?,?,?,?,?,?,?,?,?,?,?,? WHERE NOT EXISTS "
            "(SELECT 1 FROM withdrawals WHERE jti = ?)",
            (s.jti, s.upload_id, str(s.file), s.sha256, s.size, s.claimed_sha256,
             s.claimed_size, s.package, arrival.signer, int(arrival.ok),
             json.dumps([c.doc() for c in arrival.checks]), receipt, received_at, s.jti))
        if cur.rowcount != 1:
            conn.rollback()   # the camera is not taken by a package not kept
            return "approval_withdrawn"
    return None


def _held_by(conn, s: Submission, camera: str) -> str:
    """Why a camera's place for the request is taken: by this upload (`stored`), or another."""
    r = conn.execute("SELECT upload_id FROM received_cameras WHERE jti = ? AND camera = ?",
                     (s.jti, camera)).fetchone()
    return "stored" if r is not None and r["upload_id"] == s.upload_id else "already_received"


def open_uploads(db_path: Path, jti: str, registration: str | None = None,
                 made_before: int | None = None) -> list[str]:
    """The ids of a request's uploads neither ended nor submitted (of one registration's,
    and created before a time, when named)."""
    with db.connect(db_path) as conn:
        rows = conn.execute("SELECT upload_id FROM uploads WHERE jti = ? AND ended_at IS NULL "
                            "AND upload_id NOT IN (SELECT upload_id FROM submissions) "
                            "AND (? IS NULL OR registration = ?) "
                            "AND (? IS NULL OR created_at < ?)",
                            (jti, registration, registration, made_before,
                             made_before)).fetchall()
    return [r["upload_id"] for r in rows]


def camera_sha256(db_path: Path, jti: str, camera: str) -> str | None:
    """The SHA-256 of the package that holds `camera`'s place for the request, if one does."""
    with db.connect(db_path) as conn:
        r = conn.execute("SELECT s.sha256 FROM received_cameras c JOIN submissions s ON "
                         "s.upload_id = c.upload_id WHERE c.jti = ? AND c.camera = ?",
                         (jti, camera)).fetchone()
    return r["sha256"] if r else None


def camera_receipt(db_path: Path, jti: str, camera: str | None, sha256: str) -> str | None:
    """The receipt of the package that holds `camera`'s place for the request, when it is
    these very bytes (sent again in a new upload after an answer was lost); else None."""
    with db.connect(db_path) as conn:
        r = conn.execute("SELECT s.receipt FROM received_cameras c JOIN submissions s ON "
                         "s.upload_id = c.upload_id WHERE c.jti = ? AND c.camera = ? AND "
                         "s.sha256 = ?", (jti, camera, sha256)).fetchone()
    return r["receipt"] if r else None


def receipt_for_upload(db_path: Path, upload_id: str) -> tuple[str, str] | None:
    """(jti, receipt) of a submission already made from this upload, if any."""
    with db.connect(db_path) as conn:
        r = conn.execute("SELECT jti, receipt FROM submissions WHERE upload_id = ?",
                         (upload_id,)).fetchone()
    return (r["jti"], r["receipt"]) if r else None


def submissions(db_path: Path) -> list[dict]:
    """Every submission received, oldest first, with the checks made when it arrived (the
    kept packages are not read again)."""
    with db.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT s.*, r.case_number, r.registration, d.owner_id FROM submissions s "
            "JOIN requests r ON r.jti = s.jti LEFT JOIN decisions d ON d.jti = s.jti "
            "ORDER BY s.id").fetchall()
    return [{"request": r["jti"], "case": r["case_number"], "registration": r["registration"],
             "upload_id": r["upload_id"], "file": r["file"], "sha256": r["sha256"],
             "size": r["size"], "claimed_sha256": r["claimed_sha256"],
             "claimed_size": r["claimed_size"], "package": r["package"], "signer": r["signer"],
             "decision_owner_id": r["owner_id"], "receipt": r["receipt"],
             "received_at": format_utc(r["received_at"] * 1_000_000), "ok": bool(r["ok"]),
             "checks": json.loads(r["checks"])} for r in rows]
