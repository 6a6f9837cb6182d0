"""Registrations (protocol.md, "Registration"): an invite turned into a registration pinned to
the owner's key, and the changes that key signs (update, rotate, unregister).

Each change is one SQLite transaction: a refused token leaves nothing behind (no invite used,
no jti remembered, no half-written cameras). Only the SHA-256 of an invite code or a bearer
token is stored.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import secrets
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from frp.jws import b64url_decode
from frp.registration import Camera, RegistrationError
from frp.registration_token import (
    RegistrationToken,
    read_key_proof,
    read_registration_token,
)
from portal import db
from portal.ca import RegistrationCA, issue_owner_certificate
from portal.errors import ApiError, wrong_key

_FORBIDDEN = ("invite_unknown", "invite_used", "invite_expired", "wrong_key")
JTI_MEMORY_S = 3600   # longer than a token's iat may be off (5 min), so a replay is still known


def sha256_hex(text: str) -> str:
    """SHA-256 hex of a secret (an invite code, a bearer token): the only form stored."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def refusal(exc: RegistrationError) -> ApiError:
    """The HTTP refusal of a registration error: 403 for invites and keys, else 400."""
    return ApiError(403 if exc.code in _FORBIDDEN else 400, exc.code, exc.detail)


@dataclass(frozen=True)
class Registered:
    """The portal's answer to a registration: the id, the bearer token (given once, never
    stored) and the certificate for the owner's key."""

    registration: str
    token: str
    certificate: str


class Registry:
    """The registrations of one portal (its database and registration CA)."""

    def __init__(self, db_path: Path, agency_id: str, ca: Callable[[], RegistrationCA]) -> None:
        self.db_path = db_path
        self.agency_id = agency_id
        self._ca = ca

    # reading tokens ------------------------------------------------------------------------
    def _read(self, body: bytes, action: str, now: float,
              registration: str | None = None) -> RegistrationToken:
        try:
            token = read_registration_token(body, self.agency_id, now)
        except RegistrationError as exc:
            raise refusal(exc) from None
        if token.action != action:
            raise ApiError(400, "wrong_action", f"this address takes a token with action "
                                                f"'{action}', not '{token.action}'")
        if registration is not None and token.registration != registration:
            raise ApiError(400, "wrong_registration", "the token names another registration")
        return token

    @staticmethod
    def _note_jti(conn: sqlite3.Connection, token: RegistrationToken, now: float) -> None:
        conn.execute("DELETE FROM owner_jtis WHERE seen_at < ?", (int(now) - JTI_MEMORY_S,))
        try:
            conn.execute("INSERT INTO owner_jtis VALUES (?, ?, ?)",
                         (token.owner_id, token.jti, int(now)))
        except sqlite3.IntegrityError:
            raise ApiError(400, "replayed", "this token was used before (its jti is not "
                                            "new); make a new one") from None

    def _certificate(self, jwk: dict, now: float) -> str:
        when = datetime.datetime.fromtimestamp(int(now), datetime.timezone.utc)
        return issue_owner_certificate(self._ca(), b64url_decode(jwk["x"]), when)

    @staticmethod
    def _active(conn: sqlite3.Connection, reg_id: str) -> sqlite3.Row:
        row = conn.execute("SELECT * FROM registrations WHERE id = ? AND ended_at IS NULL",
                           (reg_id,)).fetchone()
        if row is None:
            raise ApiError(404, "unknown_registration", "there is no such registration")
        return row

    @classmethod
    def _signed_by_pin(cls, conn: sqlite3.Connection, row: sqlite3.Row, token: RegistrationToken,
                       what: str, now: float) -> None:
        """The token must be signed by the registration's pinned key, and new (its jti)."""
        if row["owner_id"] != token.owner_id:
            raise wrong_key(what)
        cls._note_jti(conn, token, now)

    @staticmethod
    def _put_cameras(conn: sqlite3.Connection, reg_id: str, cameras: tuple[Camera, ...]) -> None:
        conn.execute("DELETE FROM cameras WHERE registration = ?", (reg_id,))
        conn.executemany("INSERT INTO cameras VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
            (reg_id, pos, c.name, c.address, c.lat, c.lon, c.sees, c.retention_days)
            for pos, c in enumerate(cameras)])

    # the four actions ----------------------------------------------------------------------
    def register(self, body: bytes, now: float | None = None) -> Registered:
        """Pin the token's key to a new registration, using up its invite."""
        now = time.time() if now is None else now
        token = self._read(body, "register", now)
        code = sha256_hex(token.invite)
        certificate = self._certificate(token.jwk, now)
        reg_id, bearer = "reg-" + secrets.token_urlsafe(12), secrets.token_urlsafe(32)
        with db.connect(self.db_path) as conn:
            # One statement checks and uses the invite, so two registrations racing for it
            # cannot both win.
            used = conn.execute("UPDATE invites SET used_at = ?, registration = ? WHERE "
                                "code_sha256 = ? AND used_at IS NULL AND expires_at >= ?",
                                (int(now), reg_id, code, int(now))).rowcount
            if used != 1:
                raise self._invite_refusal(conn, code)
            self._note_jti(conn, token, now)
            jwk = json.dumps(token.jwk)
            conn.execute("INSERT INTO registrations (id, owner_id, jwk, token_sha256, contact, "
                         "certificate, invite_sha256, created_at, updated_at) VALUES "
                         "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (reg_id, token.owner_id, jwk, sha256_hex(bearer),
                          json.dumps(token.contact.claim()), certificate, code, int(now),
                          int(now)))
            conn.execute("INSERT INTO registration_keys VALUES (?, ?, ?, ?, ?, NULL)",
                         (reg_id, token.owner_id, jwk, certificate, int(now)))
            self._put_cameras(conn, reg_id, token.cameras)
        return Registered(reg_id, bearer, certificate)

    @staticmethod
    def _invite_refusal(conn: sqlite3.Connection, code: str) -> ApiError:
        row = conn.execute("SELECT used_at FROM invites WHERE code_sha256 = ?", (code,)).fetchone()
        if row is None:
            return ApiError(403, "invite_unknown", "this invite code is not known to the "
                                                   "agency; check it, or ask for a new one")
        if row["used_at"] is not None:
            return ApiError(403, "invite_used", "this invite code was used already; ask the "
                                                "agency for a new one")
        return ApiError(403, "invite_expired", "this invite code has expired; ask the agency "
                                               "for a new one")

    def update(self, reg_id: str, body: bytes, now: float | None = None) -> None:
        """Replace the contact and cameras, signed by the pinned key."""
        now = time.time() if now is None else now
        token = self._read(body, "update", now, reg_id)
        with db.connect(self.db_path) as conn:
            self._signed_by_pin(conn, self._active(conn, reg_id), token, "the update", now)
            conn.execute("UPDATE registrations SET contact = ?, updated_at = ? WHERE id = ?",
                         (json.dumps(token.contact.claim()), int(now), reg_id))
            self._put_cameras(conn, reg_id, token.cameras)

    def rotate(self, reg_id: str, body: bytes, now: float | None = None) -> str:
        """Re-pin to the new key the proof names (signed by the old, pinned key); the new
        certificate. Asked again once done, the same certificate."""
        now = time.time() if now is None else now
        token = self._read(body, "rotate", now, reg_id)
        try:
            new_id, new_jwk = read_key_proof(token.new_key_proof, reg_id, token.owner_id, now)
        except RegistrationError as exc:
            raise refusal(exc) from None
        certificate = self._certificate(new_jwk, now)
        with db.connect(self.db_path) as conn:
            row = self._active(conn, reg_id)
            if row["owner_id"] == new_id and conn.execute(
                    "SELECT 1 FROM registration_keys WHERE registration = ? AND owner_id = ? "
                    "AND replaced_at IS NOT NULL", (reg_id, token.owner_id)).fetchone():
                return row["certificate"]   # done before: an interrupted agent asks again
            self._signed_by_pin(conn, row, token, "the key rotation", now)
            jwk = json.dumps(new_jwk)
            conn.execute("UPDATE registrations SET owner_id = ?, jwk = ?, certificate = ?, "
                         "updated_at = ? WHERE id = ?",
                         (new_id, jwk, certificate, int(now), reg_id))
            conn.execute("UPDATE registration_keys SET replaced_at = ? WHERE registration = ? "
                         "AND owner_id = ?", (int(now), reg_id, token.owner_id))
            conn.execute("INSERT OR REPLACE INTO registration_keys VALUES (?, ?, ?, ?, ?, NULL)",
                         (reg_id, new_id, jwk, certificate, int(now)))
        return certificate

    def unregister(self, reg_id: str, body: bytes, now: float | None = None) -> None:
        """Forget the contact and cameras and stop the bearer token, signed by the pinned key."""
        now = time.time() if now is None else now
        token = self._read(body, "unregister", now, reg_id)
        with db.connect(self.db_path) as conn:
            self._signed_by_pin(conn, self._active(conn, reg_id), token, "the unregistration",
                                now)
            self._end(conn, reg_id, "owner", now)

    def retire(self, reg_id: str, now: float | None = None) -> bool:
        """The agency ends a registration (a lost key: the owner registered again); False when
        there is no such active registration."""
        with db.connect(self.db_path) as conn:
            try:
                self._active(conn, reg_id)
            except ApiError:
                return False
            self._end(conn, reg_id, "agency", time.time() if now is None else now)
        return True

    @staticmethod
    def _end(conn: sqlite3.Connection, reg_id: str, by: str, now: float) -> None:
        conn.execute("UPDATE registrations SET token_sha256 = NULL, contact = NULL, "
                     "ended_at = ?, ended_by = ? WHERE id = ?", (int(now), by, reg_id))
        conn.execute("DELETE FROM cameras WHERE registration = ?", (reg_id,))

    # looking up ----------------------------------------------------------------------------
    def registration_for(self, bearer: str) -> str | None:
        """The active registration a bearer token belongs to, or None."""
        if not isinstance(bearer, str) or not bearer or len(bearer) > 512:
            return None
        with db.connect(self.db_path) as conn:
            row = conn.execute("SELECT id FROM registrations WHERE token_sha256 = ? AND "
                               "ended_at IS NULL", (sha256_hex(bearer),)).fetchone()
        return row["id"] if row else None

    def pinned(self, reg_id: str) -> str | None:
        """The owner id pinned to an active registration, or None."""
        with db.connect(self.db_path) as conn:
            row = conn.execute("SELECT owner_id FROM registrations WHERE id = ? AND "
                               "ended_at IS NULL", (reg_id,)).fetchone()
        return row["owner_id"] if row else None

    def pinned_key(self, reg_id: str) -> bytes | None:
        """The raw Ed25519 key pinned to an active registration, or None."""
        with db.connect(self.db_path) as conn:
            row = conn.execute("SELECT jwk FROM registrations WHERE id = ? AND "
                               "ended_at IS NULL", (reg_id,)).fetchone()
        return b64url_decode(json.loads(row["jwk"])["x"]) if row else None

    def camera_names(self, reg_id: str) -> tuple[str, ...] | None:
        """The names of an active registration's cameras, or None when it is not active."""
        with db.connect(self.db_path) as conn:
            if conn.execute("SELECT 1 FROM registrations WHERE id = ? AND ended_at IS NULL",
                            (reg_id,)).fetchone() is None:
                return None
            rows = conn.execute("SELECT name FROM cameras WHERE registration = ? ORDER BY pos",
                                (reg_id,)).fetchall()
        return tuple(r["name"] for r in rows)

    def rows(self) -> list[dict]:
        """Every registration, oldest first: owner id, contact, cameras, when, and whether and
        by whom it ended."""
        with db.connect(self.db_path) as conn:
            regs = conn.execute("SELECT * FROM registrations ORDER BY created_at, id").fetchall()
            cams = conn.execute("SELECT * FROM cameras ORDER BY registration, pos").fetchall()
        by_reg: dict[str, list[dict]] = {}
        for c in cams:
            by_reg.setdefault(c["registration"], []).append(Camera(
                c["name"], c["address"], c["lat"], c["lon"], c["sees"],
                c["retention_days"]).claim())
        return [{"registration": r["id"], "owner_id": r["owner_id"],
                 "contact": json.loads(r["contact"]) if r["contact"] else None,
                 "cameras": by_reg.get(r["id"], []), "created_at": r["created_at"],
                 "updated_at": r["updated_at"], "ended_at": r["ended_at"],
                 "ended_by": r["ended_by"]} for r in regs]
