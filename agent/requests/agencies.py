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
from agent.requests.agency_record import CONTROL_CHARS, DEFAULT_MAX_WINDOW_S, Agency, web_origin
from agent.requests.jws import JWSError, shown, jwk_thumbprint, loads_strict, public_key_from_jwk

MAX_FILE_BYTES = 256 * 1024
MAX_WINDOW_LIMIT_S = 7 * 24 * 3600
_TEXT_LIMIT = 400
_SECRET_LIMIT = 4096


class TrustStoreError(Exception):
    """An agency file or registration that cannot be used; the message says what to fix."""


def _text(doc: dict, name: str) -> str:
    value = doc.get(name)
    if not isinstance(value, str) or not value.strip():
        raise TrustStoreError(f"the agency file has no '{name}' (it must be non-empty text)")
    if len(value) > _TEXT_LIMIT or CONTROL_CHARS.search(value):
        raise TrustStoreError(f"the agency file's '{name}' is too long or contains control characters")
    return value.strip()


def _url(doc: dict, name: str) -> str:
    try:
        web_origin(doc.get(name), f"the agency's '{name}'")
    except ValueError as exc:
        raise TrustStoreError(str(exc)) from None
    return doc[name]


def _upload_origins(doc: dict) -> tuple[str, ...]:
    values = doc.get("upload_origins")
    if not isinstance(values, list) or not values:
        raise TrustStoreError("the agency file needs 'upload_origins': a list of https origins")
    out = []
    for value in values:
        try:
            origin, path = web_origin(value, "an upload origin")
        except ValueError as exc:
            raise TrustStoreError(str(exc)) from None
        if path not in ("", "/"):
            raise TrustStoreError(f"upload origin {shown(value)} must be scheme://host[:port], "
                                  "without a path")
        if origin not in out:
            out.append(origin)
    return tuple(out)


def _keys(doc: dict) -> tuple[dict, ...]:
    keyset = doc.get("keys")
    if not isinstance(keyset, dict) or not isinstance(keyset.get("keys"), list) or not keyset["keys"]:
        raise TrustStoreError('the agency file needs "keys": {"keys": [ ...public keys... ]}')
    out = []
    for n, jwk in enumerate(keyset["keys"], 1):
        if not isinstance(jwk, dict):
            raise TrustStoreError(f"key {n} in the agency file is not a JSON object")
        if "d" in jwk:
            raise TrustStoreError(f"key {n} contains a private key; ask the agency for its public key "
                                  "only, and tell them their private key was shared")
        try:
            public_key_from_jwk(jwk)
            kid = jwk_thumbprint(jwk)
        except JWSError as exc:
            raise TrustStoreError(f"key {n} in the agency file: {exc}") from None
        if "kid" in jwk and jwk["kid"] != kid:
            raise TrustStoreError(f"key {n}'s kid {shown(jwk['kid'])} is not its thumbprint "
                                  f"({kid}); the file may have been altered")
        if any(k["kid"] == kid for k in out):
            raise TrustStoreError(f"key {n} is listed twice")
        names = ("crv", "kty", "x") + (("y",) if jwk["kty"] == "EC" else ())
        out.append({**{m: jwk[m] for m in names}, "kid": kid})
    return tuple(out)


def _max_window(doc: dict) -> int:
    value = doc.get("max_window_s", DEFAULT_MAX_WINDOW_S)
    if type(value) is not int or not 0 < value <= MAX_WINDOW_LIMIT_S:
        raise TrustStoreError(f"'max_window_s' must be a whole number of seconds from 1 to "
                              f"{MAX_WINDOW_LIMIT_S} (7 days); the file has {shown(value)}")
    return value


def parse_agency(doc: object) -> Agency:
    """Validate an agency document (protocol.md) and return the Agency it describes."""
    if not isinstance(doc, dict):
        raise TrustStoreError("the agency file is not a JSON object")
    if type(doc.get("frp")) is not int or doc["frp"] != 1:
        raise TrustStoreError(f"the agency file is for protocol version {shown(doc.get('frp'))}; "
                              "this agent speaks FRP version 1 (\"frp\": 1)")
    phone = _text(doc, "phone")
    if not re.search(r"\d", phone):
        raise TrustStoreError(f"the agency's phone {shown(phone)} contains no digits")
    return Agency(id=_url(doc, "id"), name=_text(doc, "name"), phone=phone,
                  portal=_url(doc, "portal"), upload_origins=_upload_origins(doc),
                  keys=_keys(doc), max_window_s=_max_window(doc))


def _agency_doc(agency: Agency) -> dict:
    return {"frp": 1, "id": agency.id, "name": agency.name, "phone": agency.phone,
            "portal": agency.portal, "upload_origins": list(agency.upload_origins),
            "keys": {"keys": [dict(k) for k in agency.keys]}, "max_window_s": agency.max_window_s}


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
            doc = loads_strict(raw, "agency file")
        except JWSError as exc:
            raise TrustStoreError(str(exc)) from None
        agency = parse_agency(doc)
        data = json.dumps(_agency_doc(agency), indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
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
            return parse_agency(loads_strict(path.read_bytes()[:MAX_FILE_BYTES + 1], "agency file"))
        except (OSError, JWSError, TrustStoreError):
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
