"""A trusted agency as the rest of the agent sees it: the Agency record and web_origin.

Requests, polling, the portal client and the portal compare web addresses with an agency's
origins through web_origin alone, so that rule (https only; plain http only for this computer)
lives with the record it applies to. Reading, checking and keeping agency files is the trust
store's job (agencies.py), which builds these records.
"""
from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from agent.requests.jws import shown

DEFAULT_MAX_WINDOW_S = 43200
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Agency:
    """One trusted agency, as imported by the owner."""

    id: str
    name: str
    phone: str
    portal: str
    upload_origins: tuple[str, ...]
    keys: tuple[dict, ...]
    max_window_s: int = DEFAULT_MAX_WINDOW_S

    def fingerprints(self) -> tuple[str, ...]:
        """Key thumbprints (RFC 7638), for the owner to compare with the agency's published ones."""
        return tuple(k["kid"] for k in self.keys)

    def key(self, kid: str) -> dict | None:
        """The agency's public JWK with this kid, if it has one."""
        for k in self.keys:
            if k["kid"] == kid:
                return dict(k)
        return None


def web_origin(url: str, what: str) -> tuple[str, str]:
    """(origin, path) of an https URL (http only for loopback hosts); raises ValueError."""
    if not isinstance(url, str) or not url or CONTROL_CHARS.search(url) or " " in url:
        raise ValueError(f"{what} must be a web address (https://...)")
    try:
        parts = urlsplit(url)
        port = parts.port
        host = parts.hostname
    except ValueError:
        raise ValueError(f"{what} {shown(url)} is not a valid web address") from None
    scheme = parts.scheme.lower()
    if not host:
        raise ValueError(f"{what} {shown(url)} has no host name")
    if parts.username is not None or parts.password is not None:
        raise ValueError(f"{what} {shown(url)} carries a user name or password, which is not "
                         "allowed")
    if scheme == "http" and host not in LOOPBACK_HOSTS:
        raise ValueError(f"{what} {shown(url)} uses plain http; only https is allowed "
                         "(http only for this computer: 127.0.0.1, localhost, ::1)")
    if scheme not in ("https", "http"):
        raise ValueError(f"{what} {shown(url)} must start with https://")
    default = 443 if scheme == "https" else 80
    netloc = f"[{host}]" if is_ipv6(host) else host
    origin = f"{scheme}://{netloc}" + (f":{port}" if port not in (None, default) else "")
    return origin, parts.path


def is_ipv6(host: str) -> bool:
    try:
        return isinstance(ipaddress.ip_address(host), ipaddress.IPv6Address)
    except ValueError:
        return False
