"""The network under every recorder client: which addresses may be used, the device's
certificate pinned on first use, and the read-only allow-list, all below httpx's client so no
request can go around them.

A recorder's HTTPS certificate is self-signed, so no CA can vouch for it. Instead its SHA-256
is compared with the one the owner trusted when the recorder was added, on every new
connection, right after the TLS handshake and before one byte of HTTP (a password, a login)
is written. Plain HTTP is used only for this computer, or for a device on the home network
when the owner chose it (many recorders speak nothing else).
"""
from __future__ import annotations

import hashlib
import ipaddress
import socket
import ssl
from typing import Callable

import httpcore
import httpx

from agent.call_transport import send_through
from agent.network_words import network_words
from agent.recorders import allowlist
from agent.recorders.call_limit import bounded
from agent.recorders.model import CertificateChanged, RecorderError, RecorderUnreachable
from frp.origins import is_loopback

_LAN_SUFFIXES = (".local", ".lan", ".home.arpa", ".home", ".internal")


def fingerprint_text(hex_digest: str) -> str:
    """A SHA-256 as people compare it: `AB:CD:...` in pairs."""
    h = hex_digest.upper()
    return ":".join(h[i:i + 2] for i in range(0, len(h), 2))


def on_home_network(host: str) -> bool:
    """A private, link-local or loopback address, or a name only the local network resolves."""
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        name = host.lower().rstrip(".")
        return "." not in name or name.endswith(_LAN_SUFFIXES)
    return ip.is_private or ip.is_link_local or ip.is_loopback


def recorder_url(text: str, *, allow_plain_http: bool = False) -> httpx.URL:
    """The recorder's base URL (scheme, host, port), with the address rules applied."""
    try:
        url = httpx.URL(text.strip())
    except (httpx.InvalidURL, TypeError, AttributeError):
        raise RecorderError(f"{text!r} is not a recorder address (try https://192.168.1.20).") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise RecorderError(f"{text!r} is not a recorder address (try https://192.168.1.20).")
    if url.userinfo:
        raise RecorderError("Give the user name and password separately, not in the address.")
    if url.path not in ("", "/") or url.query:
        raise RecorderError("Give only the recorder's address (https://host or https://host:port).")
    if url.scheme == "http" and not is_loopback(url.host):
        if not allow_plain_http:
            raise RecorderError(
                f"{url.host} would be reached over plain http, which anyone on the network can "
                "read. Use https:// if the recorder offers it, or allow plain http for this "
                "recorder on your home network.")
        if not on_home_network(url.host):
            raise RecorderError(f"{url.host} is not on your home network; plain http is refused.")
    return url.copy_with(path="/", query=None, fragment=None)


def tls_context() -> ssl.SSLContext:
    """TLS without CA checks: the pin replaces them (see the module's note)."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


class _FirstLook(Exception):
    """Raised after the handshake when no pin was given: carries what the device showed."""

    def __init__(self, fingerprint: str) -> None:
        super().__init__(fingerprint)
        self.fingerprint = fingerprint


class _PinnedStream(httpcore.NetworkStream):
    """A connection to the device: the pin checked after the TLS handshake, and every
    operation within what is left of the call's limit (call_limit.py)."""

    def __init__(self, inner: httpcore.NetworkStream, pin: str | None, host: str) -> None:
        self._inner, self._pin, self._host = inner, pin, host

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        tls = self._inner.start_tls(ssl_context, server_hostname,
                                    bounded(timeout, httpcore.ConnectTimeout))
        # httpcore hands out the low-level SSL object: its getpeercert takes the flag positionally.
        der = tls.get_extra_info("ssl_object").getpeercert(True) or b""
        seen = hashlib.sha256(der).hexdigest()
        if self._pin is None:
            tls.close()
            raise _FirstLook(seen)
        if seen != self._pin:
            tls.close()
            raise CertificateChanged(
                f"The recorder at {self._host} showed a different HTTPS certificate "
                f"({fingerprint_text(seen)[:23]}...) from the one you trusted "
                f"({fingerprint_text(self._pin)[:23]}...), so nothing was sent to it. If the "
                "recorder was reset, updated or replaced, check its certificate on its own screen "
                "and trust it again; otherwise another device may be answering at its address.")
        return _PinnedStream(tls, self._pin, self._host)   # its reads bounded as well


# A name reached over plain http that leads off the home network when connected to.
LEADS_AWAY = ("{host} now leads to {address}, which is not on your home network, so nothing "
              "was sent to it over plain http (anyone on the way could read it). If the "
              "recorder has a new address, give that one (such as http://192.168.1.20); if "
              "not, your router or internet provider may be answering for the name.")


def home_addresses(host: str, port: int) -> list[str]:
    """The addresses a name reached over plain http leads to now, those on the home network
    alone; RecorderError naming the first when none is (a name checked as typed may lead
    anywhere: a router or a provider answering every unknown name, a spoofed answer)."""
    try:
        found = [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]
    except (OSError, UnicodeError) as exc:
        raise httpcore.ConnectError(str(exc)) from None
    home = [a for a in dict.fromkeys(found) if on_home_network(a.split("%")[0])]
    if found and not home:
        raise RecorderError(LEADS_AWAY.format(host=host, address=found[0]))
    return home


class _PinnedBackend(httpcore.NetworkBackend):
    """Connections for one recorder: over https the pin checked after the handshake; over
    plain http (`home_only`), only to an address on the home network, the one checked (no
    second lookup between the check and the connection)."""

    def __init__(self, pin: str | None, home_only: bool = False) -> None:
        self._inner, self._pin, self._home_only = httpcore.SyncBackend(), pin, home_only

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options=None) -> httpcore.NetworkStream:
        timeout = bounded(timeout, httpcore.ConnectTimeout)
        if not self._home_only:
            return _PinnedStream(self._inner.connect_tcp(host, port, timeout, local_address,
                                                         socket_options), self._pin, host)
        failed: Exception = httpcore.ConnectError(f"{host} leads to no address")
        for address in home_addresses(host, port):
            try:
                return _PinnedStream(self._inner.connect_tcp(address, port, timeout,
                                                             local_address, socket_options),
                                     self._pin, host)
            except httpcore.ConnectError as exc:   # the next address the name leads to
                failed = exc
        raise failed

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options=None):
        raise RecorderError("recorders are reached over TCP only")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class RecorderTransport(httpx.BaseTransport):
    """httpx transport for one recorder: allow-list, then the pinned connection pool.

    One connection at a time (recorders cope badly with several), kept alive between calls.
    `check` lets tests see a refusal; production passes the vendor's allow-list. `home_only`:
    plain http to a device not on this computer, connected to on the home network only.
    """

    def __init__(self, vendor: str, pin: str | None,
                 check: Callable[[str, httpx.Request], None] = allowlist.check,
                 home_only: bool = False) -> None:
        self.vendor, self._check = vendor, check
        self._pool = httpcore.ConnectionPool(
            ssl_context=tls_context(), network_backend=_PinnedBackend(pin, home_only),
            max_connections=1,
            max_keepalive_connections=1, keepalive_expiry=20.0, retries=0)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._check(self.vendor, request)
        try:
            return send_through(self._pool, request)
        except _FirstLook:
            raise CertificateChanged(
                f"The recorder at {request.url.host} has not been trusted yet: look at its "
                "certificate first and trust it.") from None

    def close(self) -> None:
        self._pool.close()


def reason_words(exc: Exception) -> str:
    """Why a connection failed, in plain words (agent/network_words, os_words for the system's
    error): the system's own text ("Connection refused") is English in every language, and a
    class name or "[Errno N]" is no reason a person can act on."""
    if isinstance(exc, httpcore.TimeoutException):
        return "it did not answer in time"
    return network_words(exc)


def first_look(url: httpx.URL, timeout_s: float = 10.0) -> str:
    """The SHA-256 (hex) of the certificate the device at an https URL shows, for the owner to
    compare and trust. Only the TLS handshake happens: no request, no credentials."""
    if url.scheme != "https":
        raise RecorderError("Only an https:// address has a certificate to look at.")
    backend = _PinnedBackend(None)
    try:
        stream = backend.connect_tcp(url.host, url.port or 443, timeout_s)
    except (httpcore.TimeoutException, httpcore.NetworkError, OSError) as exc:
        raise RecorderUnreachable(f"Could not reach the recorder at {url.host}:{url.port or 443} "
                                  f"({reason_words(exc)}). Check that it is on and the address "
                                  "is right.") from None
    try:
        stream.start_tls(tls_context(), url.host, timeout_s)
    except _FirstLook as look:
        return look.fingerprint
    except (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ConnectError, OSError) as exc:
        raise RecorderUnreachable(f"{url.host} did not complete an HTTPS handshake "
                                  f"({reason_words(exc)}); "
                                  "it may speak plain http only.") from None
    finally:
        stream.close()
    raise RecorderError("no certificate was seen")  # start_tls always raises without a pin
