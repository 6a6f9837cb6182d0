"""The two ways the portal says no: to the person running it, and to an HTTP client."""
from __future__ import annotations


class PortalError(Exception):
    """A command that cannot be carried out; the message says what to do instead."""


class ApiError(Exception):
    """An HTTP request the portal refuses: sent as `{"error": code, "detail": detail}`."""

    def __init__(self, status: int, code: str, detail: str, headers: dict | None = None) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = dict(headers or {})


def wrong_key(what: str) -> ApiError:
    """403 wrong_key (protocol.md): signed by a key other than the one pinned to the
    registration; nothing is stored."""
    return ApiError(403, "wrong_key", f"{what} is not signed by the key registered for this "
                                      "registration; nothing was stored")
