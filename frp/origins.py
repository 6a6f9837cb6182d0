"""Where FRP/1 may send and fetch: web origins, https only, plain http only to this computer.

One rule for "this computer" (localhost, 127.0.0.0/8, ::1) serves the agency file, requests,
the portal client, uploads and the reference portal, so no two parts can disagree on it.
"""
from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from frp.text import quoted

CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


def is_loopback(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1: the only hosts plain http may go to."""
    if not isinstance(host, str):
        return False
    host = host.strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_ipv6(host: str) -> bool:
    """True for an IPv6 address literal (which URLs write in brackets)."""
    try:
        return isinstance(ipaddress.ip_address(host), ipaddress.IPv6Address)
    except ValueError:
        return False


def web_origin(url: str, what: str) -> tuple[str, str]:
    """(origin, path) of an https URL (http only for loopback hosts); raises ValueError."""
    if not isinstance(url, str) or not url or CONTROL_CHARS.search(url) or " " in url:
        raise ValueError(f"{what} must be a web address (https://...)")
    try:
        parts = urlsplit(url)
        port = parts.port
        host = parts.hostname
    except ValueError:
        raise ValueError(f"{what} {quoted(url)} is not a valid web address") from None
    scheme = parts.scheme.lower()
    if not host:
        raise ValueError(f"{what} {quoted(url)} has no host name")
    if parts.username is not None or parts.password is not None:
        raise ValueError(f"{what} {quoted(url)} carries a user name or password, which is not "
                         "allowed")
    if scheme == "http" and not is_loopback(host):
        raise ValueError(f"{what} {quoted(url)} uses plain http; only https is allowed "
                         "(http only for this computer: localhost, 127.0.0.1, ::1)")
    if scheme not in ("https", "http"):
        raise ValueError(f"{what} {quoted(url)} must start with https://")
    default = 443 if scheme == "https" else 80
    netloc = f"[{host}]" if is_ipv6(host) else host
    origin = f"{scheme}://{netloc}" + (f":{port}" if port not in (None, default) else "")
    return origin, parts.path
