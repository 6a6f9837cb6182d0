"""The trust store: agencies the owner imported, and the registrations each agency gave them.

An agency file is the only place a request's signer, call-back phone and upload origins come
from; nothing in a request can add to it. Registration tokens are secrets and live in a 0600
file that nothing here ever prints.
"""
from __future__ import annotations

import hashlib
import json
import re
import threading
from pathlib import Path

from agent.config import ConfigError, ensure_home
from agent.storage import write_atomic
from frp.agency import MAX_FILE_BYTES, Agency, AgencyError, agency_doc, read_agency
from frp.jws import JWSError, loads_strict
from frp.origins import CONTROL_CHARS

_SECRET_LIMIT = 4096


class TrustStoreError(AgencyError):
    """An agency file or registration that cannot be used or kept; the message says what to fix."""


def _safe_name(agency_id: str) -> str:
    # Readable and unique: the id's letters for the owner, a hash so two ids never collide.
    slug = re.sub(r"[^A-Za-z0-9.-]+", "_", agency_id.split("://", 1)[-1]).strip("._-")[:60]
    return f"{slug or 'agency'}-{hashlib.sha256(agency_id.encode()).hexdigest()[:12]}.json"


def _check_token_text(value: str, what: str) -> None:
    if not isinstance(value, str) or not value or len(value) > _SECRET_LIMIT:
        raise TrustStoreError(f"the {what} must be non-empty text of at most {_SECRET_LIMIT} characters")
    if CONTROL_CHARS.search(value) or " " in value:
        raise TrustStoreError(f"the {what} must not contain spaces or control characters")


class TrustStore:
    """Agencies under `<home>/agencies/`, registrations in `<home>/registrations.json` (0600)."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self.folder = self.home / "agencies"
        self._reg_path = self.home / "registrations.json"
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"TrustStore({str(self.home)!r})"

    def _ensure(self) -> None:
        try:
            ensure_home(self.home)
            self.folder.mkdir(mode=0o700, exist_ok=True)
        except ConfigError as exc:
            raise TrustStoreError(str(exc)) from None
        except OSError as exc:
            raise TrustStoreError(f"cannot create {self.folder}: {exc.strerror}") from None

    def add(self, path: Path) -> Agency:
        """Validate an agency file and import it (replacing any entry with the same id)."""
        path = Path(path)
        try:
            with open(path, "rb") as f:
                raw = f.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise TrustStoreError(f"cannot read the agency file {path}: {exc.strerror}") from None
        if len(raw) > MAX_FILE_BYTES:
            raise TrustStoreError(f"the agency file {path.name} is larger than 256 KiB; "
                                  "that is not an agency file")
        try:
            agency = read_agency(raw)
        except AgencyError as exc:
            raise TrustStoreError(str(exc)) from None
        data = json.dumps(agency_doc(agency), indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
        with self._lock:
            self._ensure()
            try:
                write_atomic(self.folder / _safe_name(agency.id), data, 0o600)
            except OSError as exc:
                raise TrustStoreError(f"cannot save the agency in {self.folder}: {exc.strerror}") from None
        return agency

    def _load(self, path: Path) -> Agency | None:
        # Files here were validated on import; one that no longer parses was altered by hand and
        # is left out rather than trusted.
        try:
            return read_agency(path.read_bytes()[:MAX_FILE_BYTES + 1])
        except (OSError, AgencyError):
            return None

    def list(self) -> list[Agency]:
        """Every usable agency, sorted by name."""
        if not self.folder.is_dir():
            return []
        found = (self._load(p) for p in sorted(self.folder.glob("*.json")))
        return sorted((a for a in found if a is not None), key=lambda a: (a.name.lower(), a.id))

    def broken(self) -> list[Path]:
        """Agency files that no longer validate (edited by hand); list() leaves them out."""
        if not self.folder.is_dir():
            return []
        return [p for p in sorted(self.folder.glob("*.json")) if self._load(p) is None]

    def get(self, agency_id: str) -> Agency | None:
        """The agency with exactly this id, if imported."""
        if not isinstance(agency_id, str) or not agency_id:
            return None
        path = self.folder / _safe_name(agency_id)
        agency = self._load(path) if path.is_file() else None
        return agency if agency is not None and agency.id == agency_id else None

    def remove(self, agency_id: str) -> bool:
        """Forget an agency and its registrations; False when it was not there."""
        with self._lock:
            path = self.folder / _safe_name(agency_id) if isinstance(agency_id, str) else None
            if path is None or not path.is_file():
                return False
            try:
                path.unlink()
            except OSError as exc:
                raise TrustStoreError(f"cannot remove {path}: {exc.strerror}") from None
            regs = self._read_regs()
            if regs.pop(agency_id, None) is not None:
                self._write_regs(regs)
        return True

    def register(self, agency_id: str, registration_id: str, token: str | None = None) -> None:
        """Record a registration id (and its portal token) the agency gave the owner.

        Registering an id again without a token keeps the token stored earlier.
        """
        if self.get(agency_id) is None:
            raise TrustStoreError(f"no agency '{agency_id}' in the trust store; add its file first")
        _check_token_text(registration_id, "registration id")
        if token is not None:
            _check_token_text(token, "portal token")
        with self._lock:
            regs = self._read_regs()
            entry = regs.setdefault(agency_id, {})
            if token is not None or registration_id not in entry:
                entry[registration_id] = token if token is not None else entry.get(registration_id)
            self._write_regs(regs)

    def registrations(self) -> dict[str, list[str]]:
        """Agency id -> the registration ids held for it."""
        with self._lock:
            return {aid: sorted(entry) for aid, entry in self._read_regs().items()}

    def portal_token(self, agency_id: str, registration_id: str) -> str | None:
        """The bearer token for this registration, if one was given."""
        with self._lock:
            return self._read_regs().get(agency_id, {}).get(registration_id)

    def _read_regs(self) -> dict[str, dict[str, str | None]]:
        try:
            raw = self._reg_path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise TrustStoreError(f"cannot read {self._reg_path}: {exc.strerror}") from None
        try:
            doc = loads_strict(raw, "registrations file")
        except JWSError:
            doc = None
        valid = isinstance(doc, dict) and all(
            isinstance(e, dict) and all(isinstance(t, (str, type(None))) for t in e.values())
            for e in doc.values())
        if not valid:
            # Never echo the content: it holds secrets.
            raise TrustStoreError(f"the registrations file {self._reg_path} is damaged; remove it "
                                  "and register again with the ids and tokens the agency gave you")
        return doc

    def _write_regs(self, regs: dict) -> None:
        self._ensure()
        data = json.dumps(regs, indent=2, sort_keys=True).encode("utf-8") + b"\n"
        try:
            write_atomic(self._reg_path, data, 0o600)
        except OSError as exc:
            raise TrustStoreError(f"cannot save {self._reg_path}: {exc.strerror}") from None
