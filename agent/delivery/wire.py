"""The HTTP side of delivery: which URLs may be used, and one capped tus exchange.

Security rules from the design live here so every request goes through them: HTTPS only
(plain http only for loopback hosts), no redirects, every URL the server hands back must stay
on the endpoint's origin, a timeout on every request, response bodies read with a size cap.
"""
from __future__ import annotations

import base64
import json
import logging
import re
import ssl
import threading
from dataclasses import dataclass

import httpx

from agent.backoff import parse_retry_after
from agent.call_transport import CallTransport
from agent.deadline import ANSWER, CallDeadline
from agent.network_words import error_words
from frp.origins import is_loopback
from frp.text import one_line

log = logging.getLogger(__name__)

TUS_VERSION = "1.0.0"
BODY_CAP = 64 * 1024  # an error page is never worth more than this
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# Once a request has left whole, its answer (headers and capped body) must come within this:
# each byte restarts the read timeout, so a server sending one now and then held an upload
# for days. Not counted from the start: a PATCH's own bytes take as long as the link needs.
ANSWER_LIMIT_S = 60.0
_DEFAULT_PORTS = {"http": 80, "https": 443}
_DIGITS = re.compile(r"[0-9]{1,18}")
_CODE = re.compile(r"[a-z_]{1,64}")
_META_KEY = re.compile(r"^[!-+\--~]+$")  # printable ASCII without space or comma


class UploadError(Exception):
    """Delivery failed; the message says what happened and what the owner can do.

    `status` is the HTTP status that ended it, or None (network, file or policy problem);
    `code` the FRP/1 error code the server gave with it (`not_approved`), or None.
    """

    def __init__(self, message: str, status: int | None = None,
                 code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class UploadCancelled(UploadError):
    """The caller cancelled; the upload can be resumed later from where it stopped."""


class UnusableAddress(UploadError):
    """The server named the new upload by an address the package may not go to (another
    origin's, or longer than a portal takes): sending again would meet the same."""


class AddressTooLong(UnusableAddress):
    """The server named the new upload by an address longer than a portal takes."""


@dataclass(frozen=True)
class Reply:
    """What a request came back with: status, headers and at most BODY_CAP bytes of body."""

    status: int
    headers: httpx.Headers
    body: bytes

    def offset(self) -> int | None:
        """The Upload-Offset header as a non-negative int, or None when absent or garbled."""
        return header_int(self.headers.get("upload-offset"))

    def length(self) -> int | None:
        return header_int(self.headers.get("upload-length"))

    def detail(self) -> str:
        """The server's own words about an error (FRP/1 JSON `detail` or `error`, none from
        other JSON, else text, a web page by its title: network_words.error_words), made safe
        to show by the one display rule (frp.text.one_line: what acts is written as a visible
        escape), at most 200 characters."""
        text = error_words(self.body.decode("utf-8", "replace"), self.status)
        return one_line(text.strip(), 200)

    def error_code(self) -> str | None:
        """The FRP/1 JSON `error` code of a refusal (`not_approved`), or None."""
        try:
            data = json.loads(self.body.decode("utf-8", "replace"))
        except (ValueError, RecursionError):
            return None
        code = data.get("error") if isinstance(data, dict) else None
        return code if isinstance(code, str) and _CODE.fullmatch(code) else None

    def retry_after(self) -> float | None:
        """Retry-After in seconds (delta-seconds only: backoff.parse_retry_after); the
        caller's Backoff caps the wait it takes."""
        return parse_retry_after(self.headers.get("retry-after"))


def refusal(reply: Reply, what: str) -> UploadError:
    """The error for a 4xx retrying cannot fix, in words the owner can act on."""
    detail = f": {reply.detail()}" if reply.detail() else ""
    if reply.status in (401, 403):
        msg = (f"The upload server refused {what} ({reply.status}{detail}). Retrying will not "
               "help; check the request with the agency.")
    elif reply.status == 413:
        msg = (f"The package is too large for the upload server ({reply.status}{detail}). "
               "Sending it again will not change that; tell the agency.")
    elif reply.status == 412:
        # tus: the server does not speak the Tus-Resumable version sent, and lists the ones
        # it does in Tus-Version; every request carries the same one, so none would pass
        versions = one_line(reply.headers.get("tus-version", "").strip(), 60)
        speaks = f"; it speaks {versions}" if versions else ""
        msg = (f"The upload server does not speak tus {TUS_VERSION}, the version of the upload "
               f"protocol this app uses ({reply.status}{detail}{speaks}), so it cannot take the "
               "package. Sending it again will not change that; tell the agency.")
    else:
        msg = f"The upload server rejected {what} ({reply.status}{detail})."
    return UploadError(msg, reply.status, reply.error_code())


def header_int(value: str | None) -> int | None:
    """A header's non-negative integer (Upload-Offset, Content-Length), None for anything else.

    ASCII digits only, and not absurdly long: int() would accept '²' or choke on 5000 digits."""
    if value is None or not _DIGITS.fullmatch(value.strip()):
        return None
    return int(value.strip())


def origin(url: httpx.URL) -> str:
    """scheme://host:port, the unit the security rules compare."""
    port = url.port or _DEFAULT_PORTS.get(url.scheme)
    host = f"[{url.host}]" if ":" in url.host else url.host
    return f"{url.scheme}://{host}:{port}"


def check_endpoint(endpoint: str) -> httpx.URL:
    """Parse a tus endpoint and apply the transport rules; UploadError names what is wrong."""
    try:
        url = httpx.URL(endpoint)
    except (httpx.InvalidURL, TypeError) as exc:
        raise UploadError(f"The upload address {endpoint!r} is not a valid URL ({exc}).") from None
    if url.scheme not in ("https", "http") or not url.host:
        raise UploadError(f"The upload address {endpoint!r} must start with https://.")
    if url.scheme == "http" and not is_loopback(url.host):
        raise UploadError(f"The upload address {endpoint} is not encrypted (http). Only https:// "
                          "addresses are used, so nobody on the way can read or alter the footage.")
    if url.userinfo:
        raise UploadError("The upload address must not contain a user name or password.")
    return url


def same_origin_url(base: httpx.URL, location: str | None, what: str) -> httpx.URL:
    """Resolve a URL the server sent (Location) and refuse it unless it is on base's origin."""
    # `what` (which answer) is for the log; the owner's words are whole sentences the app
    # says in the owner's language (gui/views/core_templates.py)
    if not location:
        log.warning("no Location header in the upload server's answer (%s)", what)
        raise UploadError("The upload server did not say where to send the package (no "
                          "Location header); it may not be a tus server.")
    try:
        url = base.join(location)
    except (httpx.InvalidURL, TypeError):
        log.warning("malformed Location %r in the upload server's answer (%s)", location, what)
        raise UploadError("The upload server answered with a malformed address.") from None
    if origin(url) != origin(base):
        raise UploadError(f"The upload server tried to send the package to {origin(url)}, which is "
                          f"not {origin(base)}, the address the agency gave; refused.")
    if url.userinfo:   # httpx would send them as Basic authorisation, in place of the bearer's
        raise UploadError("The upload address the server answered must not contain a user "
                          "name or password; refused.")
    return url


def other_origin(base: httpx.URL, location: str | None) -> str | None:
    """The origin a Location the server sent resolves to, when it is not base's; None when it
    is, or names no address (same_origin_url says what is wrong with that)."""
    try:
        named = base.join(location) if location else None
    except (httpx.InvalidURL, TypeError):
        return None
    return origin(named) if named is not None and origin(named) != origin(base) else None


def encode_metadata(metadata: dict[str, str]) -> str:
    """tus Upload-Metadata: `key base64(value)` pairs joined by commas."""
    parts = []
    for key, value in metadata.items():
        if not isinstance(key, str) or not _META_KEY.match(key):
            raise UploadError(f"Upload metadata key {key!r} is not allowed (ASCII, no spaces or commas).")
        encoded = base64.b64encode(str(value).encode("utf-8")).decode("ascii")
        parts.append(f"{key} {encoded}" if encoded else key)
    return ",".join(parts)


def request_timeout(client: httpx.Client) -> httpx.Timeout:
    """The caller's client timeouts, unless they are all off: then ours (never wait forever)."""
    t = client.timeout
    if t.connect is None and t.read is None and t.write is None and t.pool is None:
        return DEFAULT_TIMEOUT
    return t


def new_client(verify: bool | ssl.SSLContext = True) -> httpx.Client:
    """Our own client: certificates verified (`verify`: a private CA's context instead), no
    redirects, default timeouts, and a connect a cancel ends at once (call_transport.py)."""
    return httpx.Client(verify=verify, follow_redirects=False, timeout=DEFAULT_TIMEOUT,
                        transport=CallTransport(verify),
                        trust_env=False)  # no proxy or certificate overrides from the environment


def exchange(client: httpx.Client, method: str, url: httpx.URL, headers: dict[str, str],
             content=None, cancel: threading.Event | None = None) -> Reply:
    """One tus request; never follows a redirect and reads at most BODY_CAP of the answer,
    which must come whole within ANSWER_LIMIT_S of the request's last byte.

    Network failures propagate as httpx.TransportError (the caller retries them), an answer
    past its limit as httpx.ReadTimeout; a 3xx
    becomes an UploadError naming where the server wanted to send us. Setting `cancel` ends
    the call at once with UploadCancelled, even one whose server never answers, or never
    answers the connect (that with a client from new_client: its transport lets it be cut).
    """
    # Each request on a connection of its own: the one a call can cut on cancel (deadline.py).
    # A connection per request costs little next to a PATCH of about 8 s of data.
    all_headers = {"Tus-Resumable": TUS_VERSION, "Accept-Encoding": "identity",
                   **headers, "Connection": "close"}
    with CallDeadline(ANSWER_LIMIT_S, cancel, after=ANSWER) as watch:
        request = client.build_request(method, url, headers=all_headers, content=content,
                                       timeout=request_timeout(client),
                                       extensions={"trace": watch.trace})
        try:
            response, body = _send_capped(client, request)
        except httpx.TransportError:
            if not (watch.cancelled or watch.expired):
                raise
    if watch.cancelled:   # cut short: whatever arrived is not the server's whole answer
        raise UploadCancelled("The upload was cancelled; it resumes from here next time.")
    if watch.expired:     # also a body that the cut connection seemed to end
        raise httpx.ReadTimeout(f"the upload server took more than {ANSWER_LIMIT_S:.0f} s to "
                                "answer", request=request)
    if 300 <= response.status_code < 400:
        target = response.headers.get("location") or "(no address given)"
        try:
            target = origin(url.join(target))
        except (httpx.InvalidURL, TypeError):
            pass
        raise UploadError(f"The upload server tried to redirect the package to {target}; "
                          "redirects are never followed, so it was not sent there.",
                          response.status_code)
    return Reply(response.status_code, response.headers, body)


def _send_capped(client: httpx.Client, request: httpx.Request) -> tuple[httpx.Response, bytes]:
    response = client.send(request, stream=True, follow_redirects=False)
    try:
        body = bytearray()
        for piece in response.iter_raw():
            body += piece[: BODY_CAP - len(body)]
            if len(body) >= BODY_CAP:
                break
    finally:
        response.close()
    return response, bytes(body)


def capabilities(client: httpx.Client, base: httpx.URL, headers: dict[str, str],
                 cancel: threading.Event | None = None) -> Reply | None:
    """The server's OPTIONS answer, or None if it gave none (then it is taken to check nothing)."""
    try:
        return exchange(client, "OPTIONS", base, headers, cancel=cancel)
    except (httpx.TransportError, UploadError):
        return None


def checksum_support(reply: Reply | None) -> str:
    """What an OPTIONS answer says of `Upload-Checksum: sha256` (tus checksum extension):
    "checked" (it checks them), "refused" (it checks other algorithms only, and would answer a
    sha256 one with 400) or "ignored" (no checksum extension, or no answer)."""
    if reply is None or reply.status not in (200, 204):
        return "ignored"

    def listed(header: str) -> set[str]:
        return {p.strip().lower() for p in reply.headers.get(header, "").split(",")}

    if "checksum" not in listed("tus-extension"):
        return "ignored"
    return "checked" if "sha256" in listed("tus-checksum-algorithm") else "refused"
