"""The tus 1.0 endpoint at /files: resumable-upload's server, bound to FRP registrations.

The library does the protocol (creation, sha256 checksums, termination, resumption); the hooks
here add what FRP needs: every call carries a registration's bearer token, an upload names an
approved request of that registration and stays within its limits (portal/submissions.py), and
a registration only ever sees its own uploads. None is created once the owner withdrew the
request's approval. Refusals are FRP/1 JSON errors.
"""
from __future__ import annotations

import json
import os
import re
import threading
import time
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from resumable_upload import SQLiteStorage, TusServer
from resumable_upload.exceptions import TusHookError
from resumable_upload.server.headers import validate_upload_id

from frp.origins import web_origin
from frp.text import quoted
from portal import db
from portal.auth import registration_of
from portal.decision import require_approval
from portal.errors import ApiError
from portal.state import Portal
from portal.submissions import (
    UploadLimits,
    camera_sha256,
    note_upload,
    open_uploads,
    receipt_for_upload,
    upload_ended,
)

BASE_PATH = "/files"
TUS_DB = "tus.db"
UPLOAD_DIR = "uploads"
MAX_CHUNK_BYTES = 64 * 1024 * 1024
REQUEST_TIMEOUT_S = 30
_SHA256_HEX = re.compile(r"[0-9a-fA-F]{64}")

# The registration of the request being handled on this thread: set by the incoming-request
# hook, read by the creation hook that the library calls next on the same thread.
_caller = threading.local()


def open_storage(portal: Portal) -> SQLiteStorage:
    """The tus upload store inside the portal folder (tus.db 0600 with its -wal and -shm,
    and uploads/ 0700)."""
    upload_dir = portal.state_dir / UPLOAD_DIR
    tus_db = portal.state_dir / TUS_DB
    db.private_file(tus_db)   # before the library opens it: SQLite gives -wal/-shm its mode
    storage = SQLiteStorage(db_path=str(tus_db), upload_dir=str(upload_dir))
    db.private_file(tus_db)
    os.chmod(upload_dir, 0o700)
    return storage


def hook_error(status: int, code: str, detail: str, headers: dict | None = None) -> TusHookError:
    """A refusal from a tus hook, as the FRP/1 JSON error (JsonTus adds its headers)."""
    doc = {"error": code, "detail": detail}
    if headers and "Retry-After" in headers:
        doc["retry_after"] = headers["Retry-After"]
    return TusHookError(json.dumps(doc), status)


def _from_api(exc: ApiError) -> TusHookError:
    return hook_error(exc.status, exc.code, exc.detail, exc.headers)


class JsonTus:
    """The tus server with FRP/1 error bodies marked as JSON (and 429's Retry-After set)."""

    def __init__(self, server: TusServer) -> None:
        self._server = server

    def __getattr__(self, name: str):
        return getattr(self._server, name)

    def handle_request(self, method: str, path: str, headers: dict, body: bytes):
        status, out, content = self._server.handle_request(method, path, headers, body)
        if status >= 400 and isinstance(content, bytes) and content.startswith(b'{"error"'):
            out = {**out, "Content-Type": "application/json"}
            try:
                retry = json.loads(content).get("retry_after")
            except ValueError:
                retry = None
            if retry:
                out["Retry-After"] = str(retry)
        return status, out, content


class _Gate:
    """The library hooks that tie uploads to registrations and approved requests."""

    def __init__(self, portal: Portal, storage: SQLiteStorage, limits: UploadLimits,
                 upload_lock: Callable[[str], threading.Lock]) -> None:
        self.portal = portal
        self.storage = storage
        self.limits = limits
        self.upload_lock = upload_lock

    def incoming(self, method: str, path: str, headers: dict) -> None:
        _caller.registration = None
        if method == "OPTIONS":  # capability discovery carries no secrets
            return
        try:
            registration = registration_of(self.portal, headers)
        except ApiError as exc:
            raise _from_api(exc) from None
        _caller.registration = registration
        upload_id = path[len(BASE_PATH) + 1:] if path.startswith(BASE_PATH + "/") else ""
        if upload_id:
            upload = self.storage.get_upload(upload_id) if validate_upload_id(upload_id) else None
            if upload is not None and upload["metadata"].get("registration") != registration:
                # someone else's upload does not exist
                raise hook_error(404, "unknown_upload", "there is no such upload")
        if method == "PATCH" and not headers.get("upload-checksum"):
            raise hook_error(400, "checksum_required",
                             "every PATCH must carry 'Upload-Checksum: sha256 <base64>'")

    def create(self, upload_id: str, metadata: dict, upload_length: int | None) -> dict:
        registration = getattr(_caller, "registration", None)
        jti = metadata.get("request")
        req = self.portal.request(jti) if isinstance(jti, str) and jti else None
        if req is None or registration is None or req.registration != registration:
            raise hook_error(404, "unknown_request", "Upload-Metadata 'request' must name a "
                                                     "request sent to this registration")
        metadata = _with_package_sha256(metadata)
        decision = self.portal.decision(jti)
        try:
            require_approval(decision)
        except ApiError as exc:
            raise _from_api(exc) from None
        _within_approval(self.portal.db_path, jti, decision.approved, metadata)
        if upload_length is None:
            raise hook_error(400, "length_required", "Upload-Length is required")
        if req.max_bytes is not None and upload_length > req.max_bytes:
            raise hook_error(413, "too_large", f"the package is {upload_length} bytes; this "
                                               f"request accepts at most {req.max_bytes}")
        self._supersede(jti, registration, metadata.get("sha256"))
        try:
            note_upload(self.portal.db_path, upload_id, req, registration, upload_length,
                        self.limits)
        except ApiError as exc:
            raise _from_api(exc) from None
        return {**metadata, "registration": registration}

    def _supersede(self, jti: str, registration: str, sha256: object) -> None:
        """End the registration's open uploads for this request that the store no longer
        holds (expired, cleaned up) and those of the same package (its `sha256`). An agent
        delivers a request one run at a time and starts a new upload of a package only when
        it lost track of the one it had (its saved progress unreadable after a power cut,
        killed as a finished upload was being recorded, or told the upload is gone); kept,
        either would count against the request's max_bytes for ever, and refuse the package
        its room. An upload the store does not hold yet is one being created (the store
        makes it after this hook): only those older than a creation's time limit count as
        forgotten, so racing creations cannot end each other's count."""
        settled = set(open_uploads(self.portal.db_path, jti, registration,
                                   made_before=int(time.time()) - REQUEST_TIMEOUT_S))
        for upload_id in open_uploads(self.portal.db_path, jti, registration):
            with self.upload_lock(upload_id):   # after any submission of it being stored
                if receipt_for_upload(self.portal.db_path, upload_id):
                    continue
                upload = self.storage.get_upload(upload_id)
                if upload is None and upload_id not in settled:
                    continue
                if upload is not None:
                    same = isinstance(sha256, str) and sha256 \
                        and upload["metadata"].get("sha256") == sha256
                    if not same or upload["metadata"].get("registration") != registration:
                        continue
                    self.storage.delete_upload(upload_id)
                upload_ended(self.portal.db_path, upload_id)

    def terminated(self, upload_id: str) -> None:
        upload_ended(self.portal.db_path, upload_id)


def _with_package_sha256(metadata: dict) -> dict:
    """`metadata` with its `sha256` in lower case, as the submission's and the portal's own
    digests are written: compared with them to tell the same package sent again from another
    (protocol.md), a digest in capitals would be taken for other bytes. One that is not a hex
    SHA-256 (base64, as `Upload-Checksum` writes its digests) is refused before a byte is sent."""
    sha256 = metadata.get("sha256")
    if sha256 is None:
        return metadata
    if not isinstance(sha256, str) or not _SHA256_HEX.fullmatch(sha256):
        raise hook_error(400, "bad_metadata", "Upload-Metadata 'sha256' must be the package's "
                                              "SHA-256 in hex (64 characters 0-9 a-f)")
    return {**metadata, "sha256": sha256.lower()}


def _within_approval(db_path: Path, jti: str, approved: dict, metadata: dict) -> None:
    """Refuse, before a byte is sent, the upload of a package the submission would refuse
    (protocol.md): one for a camera the approval held does not name, or of a camera whose
    package was received already (other bytes than these). An upload naming no `camera` (an
    agent that predates it) is checked on submission alone."""
    camera = metadata.get("camera")
    if camera is None:
        return
    if camera not in approved["cameras"]:
        raise hook_error(409, "outside_approval", f"the owner's approval does not name camera "
                                                  f"{quoted(camera, 80)}; nothing is taken for it")
    taken = camera_sha256(db_path, jti, camera)
    if taken is not None and taken != metadata.get("sha256"):
        raise hook_error(409, "already_received", f"a package for camera {quoted(camera, 80)} "
                                                  "was received for this request already")


def make_tus_server(portal: Portal, storage: SQLiteStorage, origin: str,
                    limits: UploadLimits | None = None,
                    upload_lock: Callable[[str], threading.Lock] | None = None) -> JsonTus:
    """The tus server for /files, with absolute Locations under `origin`; `upload_lock(id)`
    is the lock the API holds while it stores a submission of that upload."""
    gate = _Gate(portal, storage, limits or UploadLimits(),
                 upload_lock or (lambda upload_id: threading.Lock()))
    return JsonTus(TusServer(
        storage=storage, base_path=BASE_PATH, location_base_url=origin,
        checksum_algorithms=("sha256",), disable_concatenation=True,
        max_chunk_size=MAX_CHUNK_BYTES, request_timeout=REQUEST_TIMEOUT_S,
        supports_checksum_trailer=True,
        on_incoming_request=gate.incoming, on_upload_create=gate.create,
        on_upload_terminate=gate.terminated))


def upload_id_from_url(upload_url: object, origin: str) -> str:
    """The tus upload id in a URL of this portal's /files (absolute or path only).

    ApiError 400 for anything else: another origin, another path, a malformed id.
    """
    if not isinstance(upload_url, str) or not upload_url or len(upload_url) > 2048:
        raise ApiError(400, "bad_upload_url", "upload_url must be the upload's URL")
    parts = urlsplit(upload_url)
    if parts.scheme or parts.netloc:
        try:
            there = web_origin(upload_url, "upload_url")[0]
        except ValueError as exc:
            raise ApiError(400, "bad_upload_url", str(exc)) from None
        if there != origin:
            raise ApiError(400, "bad_upload_url", f"upload_url is not on this portal ({origin})")
    upload_id = parts.path[len(BASE_PATH) + 1:]
    if parts.query or parts.fragment or not parts.path.startswith(BASE_PATH + "/") \
            or not validate_upload_id(upload_id):
        raise ApiError(400, "bad_upload_url", f"upload_url must be {origin}{BASE_PATH}/<id>")
    return upload_id


def completed_upload(storage: SQLiteStorage, upload_id: str, registration: str,
                     jti: str) -> Path:
    """The file of a finished upload of this registration for request `jti`.

    ApiError 404 for an unknown upload, 409 for one that belongs to another request or is
    not complete yet.
    """
    upload = storage.get_upload(upload_id)
    if upload is None or upload["metadata"].get("registration") != registration:
        raise ApiError(404, "unknown_upload", "there is no such upload on this portal")
    if upload["metadata"].get("request") != jti:
        raise ApiError(409, "wrong_upload", "that upload was made for another request")
    length = upload["upload_length"]
    if length is None or upload["offset"] != length:
        raise ApiError(409, "upload_incomplete", f"the upload has {upload['offset']} of "
                                                 f"{length} bytes; finish it first")
    return Path(storage.get_file_path(upload_id))
