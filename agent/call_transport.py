"""The transport under the portal client and the upload: each request on a connection of its
own, whose connect a CallDeadline can cut (agent/deadline.py).

httpx's own transport connects with httpcore's network backend and offers no way to change it,
so this one is the same few lines over httpcore's public ConnectionPool with a backend whose
connect_tcp goes through the calling thread's CallDeadline: a cancel (or the call's time limit)
then ends a connect the server never answers at once, instead of after the connect timeout.
Certificates are checked as httpx checks them (httpx.create_ssl_context), and httpcore's
errors reach callers as httpx's classes of the same name, as from httpx's own transport
(`send_through`, which the recorders' transport, also over httpcore, uses too).
"""
from __future__ import annotations

import ssl
from typing import Iterator

import httpcore
import httpx

from agent import deadline


class _CuttableBackend(httpcore.NetworkBackend):
    """httpcore's own backend, with each TCP connect inside a CallDeadline cut with the call."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options=None) -> httpcore.NetworkStream:
        def connect() -> httpcore.NetworkStream:
            return self._inner.connect_tcp(host, port, timeout, local_address, socket_options)

        call = deadline.current()
        return connect() if call is None else call.connecting(connect)

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options=None):
        return self._inner.connect_unix_socket(path, timeout, socket_options)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _httpx_error(exc: Exception, request: httpx.Request) -> Exception:
    """httpcore's error as httpx's class of the same name (what callers catch)."""
    for cls in type(exc).__mro__:
        target = getattr(httpx, cls.__name__, None)
        if isinstance(target, type) and issubclass(target, httpx.TransportError):
            return target(str(exc), request=request)
    return exc


class _MappedBody(httpx.SyncByteStream):
    """A response body from httpcore whose read errors come out as httpx's."""

    def __init__(self, stream, request: httpx.Request) -> None:
        self._stream, self._request = stream, request

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._stream
        except (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError) as exc:
            raise _httpx_error(exc, self._request) from exc

    def close(self) -> None:
        if hasattr(self._stream, "close"):
            self._stream.close()


def send_through(pool: httpcore.ConnectionPool, request: httpx.Request) -> httpx.Response:
    """`request` sent through an httpcore pool, answered (and failing) as httpx's own transport
    would: httpcore's errors become httpx's, its body streams as httpx's."""
    core = httpcore.Request(
        method=request.method,
        url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host,
                         port=request.url.port, target=request.url.raw_path),
        headers=request.headers.raw, content=request.stream, extensions=request.extensions)
    try:
        resp = pool.handle_request(core)
    except (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError,
            httpcore.UnsupportedProtocol) as exc:
        raise _httpx_error(exc, request) from exc
    return httpx.Response(status_code=resp.status, headers=resp.headers,
                          stream=_MappedBody(resp.stream, request), extensions=resp.extensions)


class CallTransport(httpx.BaseTransport):
    """httpx transport for calls bounded by a CallDeadline: HTTP/1.1, certificates checked
    (`verify` as httpx takes it), no retries, and no connection kept alive, since a call can
    only cut a connection made for it."""

    def __init__(self, verify: bool | ssl.SSLContext = True) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            network_backend=_CuttableBackend(), max_keepalive_connections=0, retries=0)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return send_through(self._pool, request)

    def close(self) -> None:
        self._pool.close()
