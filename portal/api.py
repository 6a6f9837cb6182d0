"""The FRP/1 portal API under /v1 (protocol.md, "Portal HTTP API" and "Registration"),
independent of HTTP plumbing.

`Api.handle` takes a method, path, headers and an already size-capped body and returns a
`Response`; the server only moves bytes. Every error is `{"error": code, "detail": text}`.
Decisions and packages count only when signed by the key pinned to the registration.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from resumable_upload import SQLiteStorage

from frp.bagview import file_sha256
from frp.claims import TOLERANCE_S
from frp.jws_encoding import JWSError, loads_strict
from frp.text import quoted
from portal import registration_api, submissions
from portal.auth import registration_of
from portal.approval_match import approval_of
from portal.checks import check_arrival
from portal.decision import require_approval, verify_decision
from portal.errors import ApiError, PortalError, wrong_key
from portal.limits import CallLimiter
from portal.records import Decision, StoredRequest, Submission
from portal.state import Portal
from portal.tus import completed_upload, upload_id_from_url

MAX_BODY_BYTES = 64 * 1024
_REQUEST_PATH = re.compile(r"/v1/requests/([^/]{1,384})/(decision|submissions)")
_SHA256_HEX = re.compile(r"[0-9a-fA-F]{64}")
_CURSOR = re.compile(r"[0-9]{1,18}")
_HYGIENE = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


@dataclass(frozen=True)
class Response:
    """What to send back: status, headers, body bytes."""

    status: int
    headers: dict = field(default_factory=dict)
    body: bytes = b""


def json_response(status: int, doc: dict, headers: dict | None = None) -> Response:
    """A JSON response with the portal's standard headers."""
    body = json.dumps(doc, separators=(",", ":")).encode("utf-8")
    return Response(status, {"Content-Type": "application/json", **_HYGIENE, **(headers or {})},
                    body)


def error_response(exc: ApiError) -> Response:
    """The JSON error document for an ApiError."""
    return json_response(exc.status, {"error": exc.code, "detail": exc.detail}, exc.headers)


class Api:
    """The /v1 routes of one portal served at `origin`."""

    def __init__(self, portal: Portal, storage: SQLiteStorage, origin: str,
                 limiter: CallLimiter | None = None) -> None:
        self.portal = portal
        self.storage = storage
        self.origin = origin
        self.limiter = limiter or CallLimiter()
        self._lock = threading.Lock()
        self._upload_locks: dict[str, threading.Lock] = {}
        self._throttled = 0
        self._retry_after = 1

    def throttle(self, polls: int, retry_after: int = 1) -> None:
        """Answer the next `polls` polls with 503 and Retry-After (for tests and drills)."""
        with self._lock:
            self._throttled, self._retry_after = max(0, int(polls)), max(0, int(retry_after))

    def handle(self, method: str, target: str, headers: dict, body: bytes) -> Response:
        """Route one request; never raises."""
        try:
            return self._route(method, target, headers, body)
        except ApiError as exc:
            return error_response(exc)

    def _caller(self, headers: dict) -> str:
        registration = registration_of(self.portal, headers)
        self.limiter.take(registration)
        return registration

    def _route(self, method: str, target: str, headers: dict, body: bytes) -> Response:
        parts = urlsplit(target)
        if registration_api.is_registration_path(parts.path):
            status, doc = registration_api.route(self.portal.registry, method, parts.path,
                                                 headers, body, lambda: self._caller(headers))
            return Response(status, dict(_HYGIENE)) if doc is None else json_response(status, doc)
        registration = self._caller(headers)
        if parts.path == "/v1/requests":
            self._allow(method, "GET")
            return self._poll(registration, parts.query)
        match = _REQUEST_PATH.fullmatch(parts.path)
        jti = registration_api.path_id(match.group(1)) if match else None
        if jti is None:
            raise ApiError(404, "not_found", "there is no such address on this portal")
        self._allow(method, "POST")
        req = self.portal.request(jti)
        if req is None or req.registration != registration:
            raise ApiError(404, "unknown_request", "there is no such request for this registration")
        if match.group(2) == "decision":
            return self._decision(req, headers, body)
        return self._submission(req, registration, body)

    @staticmethod
    def _allow(method: str, allowed: str) -> None:
        if method != allowed:
            raise ApiError(405, "method_not_allowed", f"use {allowed} here", {"Allow": allowed})

    def _take_throttle(self) -> int | None:
        with self._lock:
            if self._throttled <= 0:
                return None
            self._throttled -= 1
            return self._retry_after

    def _poll(self, registration: str, query: str) -> Response:
        retry_after = self._take_throttle()
        if retry_after is not None:
            raise ApiError(503, "busy", "the portal is busy; poll again later",
                           {"Retry-After": str(retry_after)})
        values = parse_qs(query, keep_blank_values=True).get("after", [""])
        after = values[-1]
        if after and (len(values) > 1 or not _CURSOR.fullmatch(after)):
            raise ApiError(400, "bad_cursor", "'after' must be a cursor this portal returned")
        tokens, cursor = self.portal.requests_after(registration, int(after or 0))
        return json_response(200, {"requests": tokens, "cursor": str(cursor)})

    def _decision(self, req: StoredRequest, headers: dict, body: bytes) -> Response:
        ctype = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
        if ctype.split(";")[0].strip().lower() != "application/jose":
            raise ApiError(415, "unsupported_media_type",
                           "send the decision token as Content-Type: application/jose")
        before = self.portal.decision(req.jti)
        if before is not None and (before.decision != "approve" or before.withdrawn):
            raise ApiError(409, "already_decided", "this request already has a decision")
        # A withdrawal is taken after the request expired too: the owner may always say no.
        if before is None and time.time() > req.expires_at + TOLERANCE_S:
            raise ApiError(409, "request_expired", "this request has expired")
        decision = verify_decision(body, req, self.portal.agency_id,
                                   self.portal.registry.pinned(req.registration))
        if before is not None:
            if decision.decision != "decline":
                raise ApiError(409, "already_decided", "this request already has a decision")
            self._withdraw(decision)
        elif not self.portal.record_decision(decision):
            raise ApiError(409, "already_decided", "this request already has a decision")
        return Response(204, dict(_HYGIENE))

    def _withdraw(self, decline: Decision) -> None:
        """A decline after an approve withdraws it (protocol.md): kept beside the approval,
        refused once a package was received, and the request's uploads not submitted are
        ended (deleted), so none of the owner's bytes stay for a request they said no to."""
        problem = self.portal.record_withdrawal(decline)
        if problem == "already_delivered":
            raise ApiError(409, "already_delivered", "the agency already received a package "
                                                     "for this request; the approval stands")
        if problem is not None:
            raise ApiError(409, "already_decided", "this request's approval was withdrawn "
                                                   "already")
        for upload_id in submissions.open_uploads(self.portal.db_path, decline.jti):
            with self.upload_lock(upload_id):  # after any submission of it being stored
                if self.storage.get_upload(upload_id) is not None:
                    self.storage.delete_upload(upload_id)
                submissions.upload_ended(self.portal.db_path, upload_id)

    def _submission(self, req: StoredRequest, registration: str, body: bytes) -> Response:
        decision = self.portal.decision(req.jti)
        require_approval(decision)
        claim = _submission_body(body)
        upload_id = upload_id_from_url(claim["upload_url"], self.origin)
        with self.upload_lock(upload_id):  # one receipt per upload, even when a retry races
            # A retry (the first answer was lost) gets the same receipt, even if the client
            # has meanwhile terminated the tus upload.
            done = submissions.receipt_for_upload(self.portal.db_path, upload_id)
            if done is None:
                file = completed_upload(self.storage, upload_id, registration, req.jti)
                done = (req.jti, self._accept(req, upload_id, file, claim, decision))
        if done[0] != req.jti:
            raise ApiError(409, "wrong_upload", "that upload was submitted for another request")
        return json_response(201, {"receipt": done[1]})

    def _registration_ca(self) -> str | None:
        """The CA clips' credentials are trusted by; None in a folder without one."""
        try:
            return self.portal.ca().pem
        except PortalError:
            return None

    def upload_lock(self, upload_id: str) -> threading.Lock:
        """The lock held while a submission of the upload is stored (the tus side takes it too)."""
        with self._lock:  # one lock per upload (a few bytes each; uploads are few)
            return self._upload_locks.setdefault(upload_id, threading.Lock())

    def _accept(self, req: StoredRequest, upload_id: str, file: Path, claim: dict,
                decision: Decision) -> str:
        pinned = self.portal.registry.pinned_key(req.registration)
        approval = approval_of(req.jti, self.portal.agency_id, req.token_sha256,
                               decision.approved)
        try:
            sha, size = file_sha256(file)
        except OSError as exc:
            raise ApiError(500, "storage_error", f"the package could not be read: {exc.strerror}")
        # Checked once, here: what `footage-portal submissions` lists is this result.
        arrival = check_arrival(file, pinned, sha, claim["sha256"], decision.owner_id,
                                self._registration_ca(), approval) if pinned is not None else None
        if arrival is None or not arrival.pinned or arrival.outside or arrival.beyond:
            self.storage.delete_upload(upload_id)   # nothing of it is kept
            submissions.upload_ended(self.portal.db_path, upload_id)
            if arrival is not None and arrival.pinned and arrival.outside:
                raise ApiError(409, "outside_approval", f"{arrival.outside}; nothing of it was "
                                                        "kept")
            if arrival is not None and arrival.pinned:
                # Not an approval made elsewhere (409 outside_approval): the package itself
                # holds more than it says, which a genuine agent's check before sealing stops.
                raise ApiError(422, "footage_outside_approval", "the package holds what the "
                               f"owner's approval does not cover: {arrival.beyond}; nothing of "
                               "it was kept")
            raise wrong_key("the package")
        same = submissions.camera_receipt(self.portal.db_path, req.jti, arrival.camera, sha) \
            if arrival.ok else None
        if same is not None:   # the bytes received already, in a new upload: their receipt
            self.storage.delete_upload(upload_id)
            submissions.upload_ended(self.portal.db_path, upload_id)
            return same
        # A hard link keeps exactly these bytes even if the client later terminates the tus
        # upload; a finished tus upload accepts no more writes, so the link cannot change.
        kept = self.portal.received_dir() / f"{upload_id}.tar"
        try:
            if not kept.exists():
                try:
                    os.link(file, kept)
                except OSError:
                    shutil.copyfile(file, kept)
        except OSError as exc:
            raise ApiError(500, "storage_error", f"the package could not be kept: {exc.strerror}")
        now = int(time.time())
        receipt = self.portal.sign_receipt(req.jti, sha, size, now)
        submission = Submission(req.jti, upload_id, kept, sha, size, claim["sha256"],
                                claim["size"], claim["package"])
        try:
            stored = submissions.record_submission(self.portal.db_path, submission, arrival,
                                                   receipt, now)
        except sqlite3.IntegrityError:   # another process stored at once: submit again
            raise ApiError(503, "busy", "the submission could not be stored just now; submit "
                           "it again", {"Retry-After": "1"}) from None
        if stored == "stored":   # the same upload, stored by another process: its receipt
            return submissions.receipt_for_upload(self.portal.db_path, upload_id)[1]
        if stored is not None:   # withdrawn while it arrived, or its camera's came before
            kept.unlink(missing_ok=True)
            self.storage.delete_upload(upload_id)
            submissions.upload_ended(self.portal.db_path, upload_id)
            require_approval(self.portal.decision(req.jti))
            raise ApiError(409, "already_received", f"a package for camera "
                           f"{quoted(arrival.camera, 80)} was received for this request already; "
                           "nothing of this one was kept")
        return receipt


def _submission_body(body: bytes) -> dict:
    try:
        doc = loads_strict(body, "submission")
    except JWSError as exc:
        raise ApiError(400, "malformed", str(exc)) from None
    if not isinstance(doc, dict):
        raise ApiError(400, "malformed", "the body must be a JSON object")
    sha, size, package = doc.get("sha256"), doc.get("size"), doc.get("package")
    if not isinstance(sha, str) or not _SHA256_HEX.fullmatch(sha):
        raise ApiError(400, "malformed", "sha256 must be the package's hex SHA-256")
    if type(size) is not int or size < 0:
        raise ApiError(400, "malformed", "size must be the package's size in bytes")
    if package is not None and (not isinstance(package, str) or len(package) > 1024):
        raise ApiError(400, "malformed", "package must be the package's name (text)")
    return {"upload_url": doc.get("upload_url"), "sha256": sha.lower(), "size": size,
            "package": package}
