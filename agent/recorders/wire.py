"""One recorder's HTTP client: the pinned, allow-listed transport under an httpx client with a
timeout on every network operation and a limit on each whole call (call_limit.py: a
recorder trickling its answer a byte at a time is cut off), no redirects, no proxies from the
environment, and answers read with a size cap. Network failures become RecorderUnreachable
with the reason in words; messages name the host and port, never a query (Reolink's token
travels there)."""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Iterator

import httpx

from agent.recorders.call_limit import CallLimit
from agent.recorders.model import BadAnswer, CutOff, NoReply, RecorderError, RecorderUnreachable
from agent.recorders.transport import RecorderTransport, reason_words
from frp.origins import is_loopback

ANSWER_CAP = 32 << 20  # a day of one channel's search results fits many times over
# What each make's answers are read up to: every answer is read whole into objects, and a
# hostile device filling 32 MiB with tiny XML elements (`<a/>` 8 million times) made one
# Hikvision answer cost some 800 MiB of memory and seconds of work. A Hikvision search page is
# 40 results (some 25 KiB; 4 MiB holds some 6,000, for firmware that would ignore maxResults),
# a Dahua's at most the 100 asked, of ten lines each (some 60 KiB): 2 MiB holds it many times
# over. A Reolink search answers a whole day of one camera in one answer: 8 MiB holds some
# 20,000 recordings of it.
ANSWER_CAPS = {"hikvision": 4 << 20, "dahua": 2 << 20, "reolink": 8 << 20}
CALL_LIMIT_S = 60.0    # a whole call: a search page or a login takes a device seconds
_MAX_WHOLE = (1 << 63) - 1   # the largest number the index (SQLite) keeps
HTTPS_WANTED = "The recorder at {where} wants https: add it with the address {address}."
SENT_ELSEWHERE = ("The recorder at {where} sent this computer on to another address, which is "
                  "never followed: check that the address given is the recorder's own.")


@dataclass(frozen=True)
class Answer:
    status: int
    headers: httpx.Headers
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def whole_number(value: object) -> int | None:
    """A count or size as a device wrote it (a JSON number, or text of ASCII digits), or None
    for anything else. `str.isdigit` passes '²' and other digits `int` refuses, and a number
    past what the index keeps would break it later, so both are None too."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
        number = int(value)
    else:
        return None
    return number if 0 <= number <= _MAX_WHOLE else None


class Wire:
    """Calls to one recorder at `base` (an httpx.URL from transport.recorder_url): each
    network operation within `timeout_s`, each whole call within `call_limit_s`."""

    def __init__(self, base: httpx.URL, vendor: str, *, pin: str | None = None,
                 auth: httpx.Auth | None = None, timeout_s: float = 20.0,
                 call_limit_s: float = CALL_LIMIT_S,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.base, self.vendor, self.timeout_s = base, vendor, timeout_s
        self.call_limit_s = call_limit_s
        self.answer_cap = ANSWER_CAPS.get(vendor, ANSWER_CAP)
        self.where = f"{base.host}:{base.port or (443 if base.scheme == 'https' else 80)}"
        self._client = httpx.Client(
            base_url=base, auth=auth, transport=transport or RecorderTransport(
                vendor, pin, home_only=base.scheme == "http" and not is_loopback(base.host)),
            follow_redirects=False, trust_env=False,
            timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 10.0)))

    def _no_reply(self, exc: httpx.TransportError) -> RecorderError:
        """A request sent and the connection ended before any answer: what some firmware does
        with a download it will not serve, rather than a network failure."""
        ended = isinstance(exc, httpx.ReadError) or (
            isinstance(exc, httpx.RemoteProtocolError) and "disconnected" in str(exc).lower())
        if ended:   # not a malformed answer ("illegal header line"): that one came
            return NoReply(f"The recorder at {self.where} ended the connection without "
                           f"answering ({reason_words(exc)}).")
        return self._failure(exc)

    def _failure(self, exc: httpx.TransportError) -> RecorderError:
        if isinstance(exc, httpx.TimeoutException):
            return RecorderUnreachable(f"The recorder at {self.where} did not answer within "
                                       f"{self.timeout_s:g} s.")
        if isinstance(exc, httpx.ConnectError):
            return RecorderUnreachable(f"Could not reach the recorder at {self.where} "
                                       f"({reason_words(exc)}). Check that it is on and the address is right.")
        return RecorderUnreachable(f"The connection to the recorder at {self.where} failed "
                                   f"({reason_words(exc)}).")

    def _redirect(self, response: httpx.Response) -> RecorderError:
        """A redirect is never followed. One from plain http to https on the same host (what a
        recorder does once https is on, with any of 301, 302, 307, 308) says which address to
        add; any other says nothing of where it pointed (a hostile device's text)."""
        try:
            to = httpx.URL(response.headers.get("location", ""))
        except (httpx.InvalidURL, TypeError, ValueError):
            to = None
        if (self.base.scheme == "http" and to is not None and to.scheme == "https"
                and to.host == self.base.host):
            host = f"[{to.host}]" if ":" in to.host else to.host
            port = f":{to.port}" if to.port not in (None, 443) else ""
            return RecorderError(HTTPS_WANTED.format(where=self.where,
                                                     address=f"https://{host}{port}"))
        return BadAnswer(SENT_ELSEWHERE.format(where=self.where))

    def _cut_off(self, limit_s: float) -> CutOff:
        return CutOff(f"The recorder at {self.where} took more than {limit_s:g} s to answer, "
                      "so it was cut off. If this keeps happening, restart the recorder.")

    def call(self, method: str, path: str, *, params: dict | None = None,
             content: bytes | None = None, headers: dict | None = None,
             cap: int | None = None) -> Answer:
        """One request; the whole answer, at most `cap` bytes (the make's, ANSWER_CAPS, when
        None; more is a BadAnswer)."""
        cap = self.answer_cap if cap is None else cap
        with self.stream(method, path, params=params, content=content, headers=headers) as resp:
            body = bytearray()
            try:
                for piece in resp.iter_raw():
                    body += piece
                    if len(body) > cap:
                        raise BadAnswer(f"The recorder at {self.where} sent an answer larger "
                                        f"than {cap >> 20} MiB to a {method} {path}; ignored.")
            except httpx.TransportError as exc:
                raise self._failure(exc) from None
        return Answer(resp.status_code, resp.headers, bytes(body))

    @contextlib.contextmanager
    def stream(self, method: str, path: str, *, params: dict | None = None,
               content: bytes | None = None, headers: dict | None = None,
               limit_s: float | None = None) -> Iterator[httpx.Response]:
        """A request whose body the caller reads (downloads), all of it within `limit_s` (the
        call limit when None): past it CutOff is raised, even while headers are still
        coming. Redirects are errors."""
        limit_s = self.call_limit_s if limit_s is None else limit_s
        with CallLimit(limit_s) as limit:
            request = self._client.build_request(
                method, path, params=params, content=content,
                headers={"Accept-Encoding": "identity", **(headers or {})})
            try:
                response = self._send(request)
                try:
                    if 300 <= response.status_code < 400:
                        raise self._redirect(response)
                    yield response
                finally:
                    response.close()
            except (httpx.TransportError, RecorderError):
                if limit.expired:
                    raise self._cut_off(limit_s) from None
                raise

    def _send(self, request: httpx.Request) -> httpx.Response:
        try:
            return self._client.send(request, stream=True)
        except httpx.TransportError as exc:
            raise self._no_reply(exc) from None

    def close(self) -> None:
        self._client.close()
