"""The registration routes of the portal API (protocol.md, "Registration"):

    POST   /v1/registrations            register (no bearer token) -> 201
    PUT    /v1/registrations/{id}       update                     -> 200
    POST   /v1/registrations/{id}/key   rotate the pinned key      -> 200
    DELETE /v1/registrations/{id}       unregister                 -> 204

Every body is a registration token (`Content-Type: application/jose`); every change also
carries the registration's bearer token.
"""
from __future__ import annotations

import re
from typing import Callable
from urllib.parse import unquote

from portal.errors import ApiError
from portal.registry import Registry

_PATH = re.compile(r"/v1/registrations(?:/([^/]{1,384})(/key)?)?")
_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


def path_id(segment: str) -> str | None:
    """The request or registration id a path segment names, percent-decoded (a client writes
    an id of dots as `%2E`, protocol.md), or None when it is no id."""
    try:
        value = unquote(segment, errors="strict")
    except UnicodeDecodeError:
        return None
    return value if _ID.fullmatch(value) else None


def is_registration_path(path: str) -> bool:
    """Whether a path is one of the registration routes (known or not)."""
    return path == "/v1/registrations" or path.startswith("/v1/registrations/")


def _jose(headers: dict) -> None:
    ctype = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    if ctype.split(";")[0].strip().lower() != "application/jose":
        raise ApiError(415, "unsupported_media_type",
                       "send the registration token as Content-Type: application/jose")


def route(registry: Registry, method: str, path: str, headers: dict, body: bytes,
          caller: Callable[[], str]) -> tuple[int, dict | None]:
    """(status, JSON document or None) for a registration route; `caller` gives the bearer
    token's registration (ApiError 401 without one)."""
    match = _PATH.fullmatch(path)
    if match is None:
        raise ApiError(404, "not_found", "there is no such address on this portal")
    reg_id, key = match.group(1), match.group(2)
    if reg_id is not None:
        reg_id = path_id(reg_id)
        if reg_id is None:
            raise ApiError(404, "not_found", "there is no such address on this portal")
    allowed = "POST" if reg_id is None or key else "PUT, DELETE"
    if method not in allowed.split(", "):
        raise ApiError(405, "method_not_allowed", f"use {allowed} here", {"Allow": allowed})
    if reg_id is None:
        _jose(headers)
        done = registry.register(body)
        return 201, {"registration": done.registration, "token": done.token,
                     "certificate": done.certificate}
    if caller() != reg_id:  # another registration's token: this one does not exist for it
        raise ApiError(404, "unknown_registration", "there is no such registration")
    _jose(headers)
    if key:
        return 200, {"certificate": registry.rotate(reg_id, body)}
    if method == "PUT":
        registry.update(reg_id, body)
        return 200, {"registration": reg_id}
    registry.unregister(reg_id, body)
    return 204, None
