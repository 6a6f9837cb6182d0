"""Bearer tokens on every call: which registration is asking (an unregistered or retired
registration's token no longer works)."""
from __future__ import annotations

from typing import Mapping

from portal.errors import ApiError
from portal.state import Portal


def bearer_token(headers: Mapping[str, str]) -> str | None:
    """The token of an `Authorization: Bearer <token>` header (any header-name case)."""
    value = next((v for k, v in headers.items() if k.lower() == "authorization"), None)
    if not isinstance(value, str):
        return None
    scheme, _, token = value.strip().partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def registration_of(portal: Portal, headers: Mapping[str, str]) -> str:
    """The caller's registration id, or ApiError 401 when the token is missing or unknown."""
    token = bearer_token(headers)
    if token is None:
        raise ApiError(401, "unauthorized", "send 'Authorization: Bearer <registration token>'",
                       {"WWW-Authenticate": 'Bearer realm="frp"'})
    registration = portal.registry.registration_for(token)
    if registration is None:
        raise ApiError(401, "unauthorized", "the registration token is not known to this portal",
                       {"WWW-Authenticate": 'Bearer realm="frp", error="invalid_token"'})
    return registration
