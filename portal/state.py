"""Everything the portal keeps in its folder: the agency key, the registration CA,
registrations (portal/registry.py), requests, decisions and submissions (SQLite), and the
trust-store file owners import.

Layout of the folder (0700): agency.key and registration-ca.key (0600), registration-ca.pem,
portal.db (0600, with its -wal and -shm), agency.json, and the tus upload area (tus.db, 0600,
and uploads/) plus received/ (packages accepted as submissions).
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from frp.agency import (
    DEFAULT_MAX_WINDOW_S,
    MAX_WINDOW_LIMIT_S,
    AgencyError,
    parse_agency,
)
from frp.jws import public_jwk
from frp.origins import web_origin
from frp.times import format_utc
from portal import db
from portal.ca import RegistrationCA, create_ca, load_ca
from portal.claims import RequestSpec, request_claims
from portal.errors import PortalError
from portal.files import write_atomic
from portal.records import Decision, StoredRequest, Withdrawal
from portal.registry import Registry
from portal.signers import sign_receipt, sign_request

KEY_FILE = "agency.key"
AGENCY_FILE = "agency.json"
RECEIVED_DIR = "received"


def token_hash(token: str) -> str:
    """SHA-256 hex of a token (a request's): what the owner's decision must name."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Portal:
    """One agency's portal state, kept in `state_dir`."""

    def __init__(self, state_dir: Path) -> None:
        self.state_dir = Path(state_dir)
        self.db_path = self.state_dir / db.DB_FILE
        if self.db_path.is_file():  # made private even if an older portal left it open
            db.private_file(self.db_path)
        with db.connect(self.db_path) as conn:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("schema") != str(db.SCHEMA_VERSION):
            raise PortalError(f"The portal database in {self.state_dir} was made by another "
                              "version of footage-portal; make a new portal with "
                              "'footage-portal init'.")
        db.add_missing_tables(self.db_path)
        try:
            self.agency_id = meta["agency_id"]
            self.name, self.phone = meta["name"], meta["phone"]
            self.max_window_s = int(meta["max_window_s"])
        except (KeyError, ValueError):
            raise PortalError(f"The portal database in {self.state_dir} is incomplete; "
                              "make a new portal with 'footage-portal init'.") from None
        self._key = self._load_key()
        self.jwk = public_jwk(self._key)
        self.kid = self.jwk["kid"]
        self._ca: RegistrationCA | None = None
        self._ca_lock = threading.Lock()
        self.registry = Registry(self.db_path, self.agency_id, self.ca)

    def ca(self) -> RegistrationCA:
        """The registration CA (read from the folder on first use)."""
        with self._ca_lock:
            if self._ca is None:
                self._ca = load_ca(self.state_dir)
            return self._ca

    @classmethod
    def init(cls, state_dir: Path, name: str, agency_id: str, phone: str,
             max_window_s: int = DEFAULT_MAX_WINDOW_S) -> "Portal":
        """Create a new portal folder (0700) with a fresh Ed25519 agency key (0600)."""
        state_dir = Path(state_dir)
        if type(max_window_s) is not int or not 0 < max_window_s <= MAX_WINDOW_LIMIT_S:
            raise PortalError(f"The longest window must be 1 to {MAX_WINDOW_LIMIT_S} seconds.")
        try:
            origin, path = web_origin(agency_id, "The agency id")
        except ValueError as exc:
            raise PortalError(f"{exc}.") from None
        probe = {"frp": 1, "id": agency_id, "name": name, "phone": phone, "portal": origin,
                 "upload_origins": [origin], "max_window_s": max_window_s,
                 "keys": {"keys": [public_jwk(Ed25519PrivateKey.generate())]}}
        try:
            parse_agency(probe)  # the same checks owners' agents apply on import
        except AgencyError as exc:
            raise PortalError(f"{exc}.") from None
        if (state_dir / db.DB_FILE).exists() or (state_dir / KEY_FILE).exists():
            raise PortalError(f"{state_dir} already holds a portal; it is never overwritten.")
        try:
            state_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(state_dir, 0o700)
            key = Ed25519PrivateKey.generate()
            pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
            fd = os.open(state_dir / KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(pem)
            create_ca(state_dir, name.strip())
            db.create(state_dir / db.DB_FILE)
        except OSError as exc:
            raise PortalError(f"Cannot create the portal in {state_dir}: {exc.strerror}.") from None
        with db.connect(state_dir / db.DB_FILE) as conn:
            conn.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("agency_id", agency_id), ("name", name.strip()), ("phone", phone.strip()),
                ("max_window_s", str(max_window_s))])
        return cls(state_dir)

    def _load_key(self) -> Ed25519PrivateKey:
        path = self.state_dir / KEY_FILE
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except OSError as exc:
            raise PortalError(f"Cannot read the agency key {path}: {exc.strerror}.") from None
        except (ValueError, TypeError):
            raise PortalError(f"The agency key {path} is damaged.") from None
        if not isinstance(key, Ed25519PrivateKey):
            raise PortalError(f"The agency key {path} is not an Ed25519 key.")
        return key

    # --- trust-store file -------------------------------------------------------------------

    def trust_document(self, origin: str) -> dict:
        """The agency file owners import, for a portal served at `origin`."""
        doc = {"frp": 1, "id": self.agency_id, "name": self.name, "phone": self.phone,
               "portal": origin.rstrip("/") + "/v1", "upload_origins": [origin.rstrip("/")],
               "keys": {"keys": [dict(self.jwk)]}, "max_window_s": self.max_window_s,
               "registration_ca": self.ca().pem}
        try:
            parse_agency(doc)
        except AgencyError as exc:
            raise PortalError(f"The portal cannot be offered at {origin}: {exc}.") from None
        return doc

    def write_trust_document(self, origin: str) -> Path:
        """(Re)write state_dir/agency.json for `origin`; returns its path."""
        path = self.state_dir / AGENCY_FILE
        text = json.dumps(self.trust_document(origin), indent=2, ensure_ascii=False) + "\n"
        write_atomic(path, text.encode("utf-8"), 0o644)
        return path

    def served_origin(self) -> str | None:
        """The origin in agency.json (written by the last `serve`), if any."""
        try:
            doc = json.loads((self.state_dir / AGENCY_FILE).read_text("utf-8"))
            return doc["upload_origins"][0]
        except (OSError, ValueError, KeyError, IndexError, TypeError):
            return None

    # --- requests ---------------------------------------------------------------------------

    def create_request(self, registration_id, start_us, end_us, case_number, requester_name,
                       cameras=(), message=None, legal_basis="voluntary", expires_in=864000,
                       emergency=False, incident=None, max_bytes=None, origin=None) -> str:
        """Sign a request token for a registration and queue it; returns the token."""
        origin = origin or self.served_origin()
        if not origin:
            raise PortalError("The portal's web address is not known yet: start it with "
                              "'footage-portal serve' first, or pass --origin.")
        try:
            origin = web_origin(origin, "The portal origin")[0]
        except ValueError as exc:
            raise PortalError(f"{exc}.") from None
        registered = self.registry.camera_names(registration_id)
        if registered is None:
            raise PortalError(f"There is no active registration {registration_id!r}; see "
                              "'footage-portal registrations'.")
        cameras = tuple(cameras) or registered
        strangers = [c for c in cameras if c not in registered]
        if strangers:
            raise PortalError(f"Registration {registration_id} has no camera named "
                              f"{strangers[0]!r}; its cameras: {', '.join(registered) or 'none'}.")
        spec = RequestSpec(registration_id, start_us, end_us, case_number, requester_name,
                           cameras, message, legal_basis, expires_in, emergency, incident,
                           max_bytes)
        claims = request_claims(spec, self.agency_id, origin + "/files", self.max_window_s)
        token = sign_request(claims, self._key, self.kid)
        with db.connect(self.db_path) as conn:
            conn.execute(
                "INSERT INTO requests (jti, registration, token, token_sha256, case_number, "
                "start_us, end_us, cameras, max_bytes, issued_at, expires_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (claims["jti"], registration_id, token, token_hash(token),
                 claims["case"]["number"], start_us, end_us, json.dumps(claims.get("cameras", [])),
                 claims["upload"]["max_bytes"], claims["iat"], claims["exp"]))
        return token

    def requests_after(self, registration_id: str, after: int, limit: int = 200
                       ) -> tuple[list[str], int]:
        """Tokens queued for a registration after sequence `after`, and the new cursor."""
        with db.connect(self.db_path) as conn:
            rows = conn.execute("SELECT seq, token FROM requests WHERE registration = ? AND "
                                "seq > ? ORDER BY seq LIMIT ?",
                                (registration_id, after, limit)).fetchall()
        return [r["token"] for r in rows], (rows[-1]["seq"] if rows else after)

    def request(self, jti: str) -> StoredRequest | None:
        """The stored request with this jti, or None."""
        with db.connect(self.db_path) as conn:
            r = conn.execute("SELECT * FROM requests WHERE jti = ?", (jti,)).fetchone()
        if r is None:
            return None
        return StoredRequest(r["jti"], r["registration"], r["token"], r["token_sha256"],
                             r["case_number"], r["start_us"], r["end_us"],
                             tuple(json.loads(r["cameras"])), r["max_bytes"], r["issued_at"],
                             r["expires_at"])

    # --- decisions --------------------------------------------------------------------------

    def record_decision(self, d: Decision) -> bool:
        """Store a verified decision; False when the request already has one."""
        try:
            with db.connect(self.db_path) as conn:
                conn.execute("INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (d.jti, d.token, d.owner_id, d.decision, d.reason,
                              json.dumps(d.approved) if d.approved is not None else None,
                              int(time.time())))
        except sqlite3.IntegrityError:
            return False
        return True

    def record_withdrawal(self, d: Decision) -> str | None:
        """Store a verified decline withdrawing the request's approval, kept beside it; None
        when stored, else why not: "already_delivered" (a submission was received) or
        "already_decided" (withdrawn already). One statement, so a submission being stored
        at the same moment either comes first or is refused (submissions.record_submission)."""
        try:
            with db.connect(self.db_path) as conn:
                cur = conn.execute(
                    "INSERT INTO withdrawals SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS "
                    "(SELECT 1 FROM submissions WHERE jti = ?)",
                    (d.jti, d.token, d.owner_id, d.reason, int(time.time()), d.jti))
        except sqlite3.IntegrityError:
            return "already_decided"
        return None if cur.rowcount == 1 else "already_delivered"

    def decision(self, jti: str) -> Decision | None:
        """The decision stored for a request (with its withdrawal, if any), or None."""
        with db.connect(self.db_path) as conn:
            r = conn.execute("SELECT d.*, w.token AS w_token, w.owner_id AS w_owner_id, "
                             "w.reason AS w_reason, w.received_at AS w_received_at "
                             "FROM decisions d LEFT JOIN withdrawals w ON w.jti = d.jti "
                             "WHERE d.jti = ?", (jti,)).fetchone()
        if r is None:
            return None
        withdrawn = None if r["w_token"] is None else Withdrawal(
            r["w_token"], r["w_owner_id"], r["w_reason"], r["w_received_at"])
        return Decision(r["jti"], r["token"], r["owner_id"], r["decision"], r["reason"],
                        json.loads(r["approved"]) if r["approved"] else None, withdrawn)

    def decisions(self) -> list[dict]:
        """Every decision received, oldest first, with its request's case and registration,
        and an approval's withdrawal (`withdrawn`: reason and when, or None)."""
        with db.connect(self.db_path) as conn:
            rows = conn.execute(
                "SELECT d.*, r.case_number, r.registration, w.reason AS w_reason, "
                "w.received_at AS w_received_at FROM decisions d "
                "JOIN requests r ON r.jti = d.jti LEFT JOIN withdrawals w ON w.jti = d.jti "
                "ORDER BY d.received_at, d.rowid").fetchall()
        return [{"request": r["jti"], "case": r["case_number"], "registration": r["registration"],
                 "decision": r["decision"], "reason": r["reason"], "owner_id": r["owner_id"],
                 "approved": json.loads(r["approved"]) if r["approved"] else None,
                 "received_at": format_utc(r["received_at"] * 1_000_000),
                 "withdrawn": None if r["w_received_at"] is None else {
                     "reason": r["w_reason"],
                     "received_at": format_utc(r["w_received_at"] * 1_000_000)}}
                for r in rows]

    # --- submissions ---------------------------------------------------------------------

    def received_dir(self) -> Path:
        """Where accepted packages are kept (created on demand, 0700)."""
        path = self.state_dir / RECEIVED_DIR
        path.mkdir(mode=0o700, exist_ok=True)
        return path

    def submissions(self) -> list[dict]:
        """Every submission received, oldest first, with the checks made when it arrived."""
        from portal.submissions import submissions
        return submissions(self.db_path)

    def sign_receipt(self, jti: str, sha256: str, size: int, received_at: int) -> str:
        """The agency-signed receipt for bytes the portal received and hashed itself."""
        claims = {"iss": self.agency_id, "request": jti, "sha256": sha256, "size": size,
                  "received_at": format_utc(received_at * 1_000_000)}
        return sign_receipt(claims, self._key, self.kid)
