"""What a portal answered, read: the status (an error, with the wait the portal asked for and
whether the call may be sent again), the body under a size cap, the FRP/1 error's words, and
an answer that must be a JSON object. The calls themselves are portal_client.py's."""
from __future__ import annotations

import json
import time
from email.utils import parsedate_to_datetime

import httpx

from agent import backoff
from agent.backoff import MAX_RETRY_AFTER_S
from agent.delivery.wire import header_int
from agent.network_words import SIGN_IN_PAGE, error_words
from frp.agency import Agency
from frp.text import one_line


# 403 wrong_key: the portal pins another key than the one this home signed with, which is the
# key registrations.json says is pinned. So the key was rotated from elsewhere: the folder was
# copied before a rotation, or put back from a backup made before one.
KEY_ELSEWHERE = ("it has another key registered for you than this PC's owner key, so it takes "
                 "nothing this PC signs. The key was changed (a key rotation) from another copy "
                 "of this app's folder, or after the backup put back here was made. Put back the "
                 "keys folder and registrations.json from that copy, or ask the agency for a new "
                 "invite code and register again")

# 401: the portal no longer knows the registration's bearer token (protocol.md): the
# registration ended, where this home did not see it.
REGISTRATION_ENDED = ("it no longer knows your registration, which was ended (unregistered from "
                      "another copy of this app's folder or after the backup put back here was "
                      "made, or retired by the agency), so nothing can be received or sent with "
                      "it. Unregister from the agency here to match, and ask it for a new invite "
                      "code to register again")

# 400 stale: a registration token's iat more than 5 minutes from the portal's clock
# (protocol.md): this PC's clock is the likely one off (a wrong time zone with the right local
# time is hours off too). The portal's own words name both clocks in seconds since 1970.
CLOCK_APART = ("its clock and this computer's are more than 5 minutes apart, so it takes "
               "nothing this computer signs now: set this computer's date, time and time zone "
               "right (or let it set them automatically), then try again")


class PortalError(Exception):
    """A portal call failed. `status` is the HTTP status (None: no answer, or a policy refusal);
    `retry_after_s` is the wait the portal asked for, if any."""

    def __init__(self, message: str, status: int | None = None,
                 retry_after_s: float | None = None, error: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after_s = retry_after_s
        self.error = error   # the FRP/1 error code the portal gave ("already_decided"), if any

    @property
    def retryable(self) -> bool:
        """Network failures, 5xx and 429 may be retried; any other 4xx never unchanged, but
        `409 conflict`: an older reference portal's answer to storing a submission at the
        same moment as another (today's answers `503` with Retry-After)."""
        return should_retry(self.status) or (self.status, self.error) == (409, "conflict")


def should_retry(status: int | None) -> bool:
    """Whether a call that ended with `status` (None: no answer) may be sent again as it was."""
    return status is None or status >= 500 or status == 429


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """The portal's Retry-After as seconds to wait, at most MAX_RETRY_AFTER_S (a day); None when
    unusable. Delta-seconds are read by backoff.parse_retry_after (ASCII digits only); an HTTP
    date, which RFC 9110 allows as well, is read here: until then from `now` (this clock)."""
    seconds = backoff.parse_retry_after(value)
    if seconds is None:
        seconds = _until_http_date(value, time.time() if now is None else now)
    return None if seconds is None else min(seconds, float(MAX_RETRY_AFTER_S))


def _until_http_date(value: str | None, now: float) -> float | None:
    """Seconds from `now` to an HTTP date (0 for one past); None for anything else."""
    if not value or not isinstance(value, str):
        return None
    try:
        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(when.timestamp() - now, 0.0)


def plain(text: str, limit: int = 300) -> str:
    """Portal text for a message: trimmed, one line through the display sanitiser, bounded."""
    return one_line(text.strip(), limit)


def read_capped(response: httpx.Response, cap: int, agency: Agency) -> bytes:
    """The body of a streamed answer, refused (PortalError) once it passes `cap` bytes."""
    too_big = PortalError(f"{agency.name}'s portal sent an answer larger than {cap // 1024} KiB; "
                          "it was not read")
    length = header_int(response.headers.get("content-length"))
    if length is not None and length > cap:
        raise too_big
    body = bytearray()
    try:
        for piece in response.iter_bytes():  # decoded as it streams, so the cap holds on it
            body += piece
            if len(body) > cap:
                raise too_big
    except httpx.TimeoutException:
        raise PortalError(f"{agency.name}'s portal stopped answering part way") from None
    except httpx.HTTPError as exc:
        raise PortalError(f"{agency.name}'s portal answer broke off: {plain(str(exc))}") from None
    return bytes(body)


def came_whole(response: httpx.Response) -> bool:
    """Whether an answer read to its end is known to be the whole of it: one with no body (a
    204, a 304), or whose body's end the answer itself marks (a Content-Length, or chunks, of
    which HTTP/1.1 would have refused a part). One read until the connection closed is not:
    a cut (a stop, the time limit) ends it as the server closing would."""
    if response.status_code in (204, 304) or response.status_code < 200:
        return True
    chunked = "chunked" in response.headers.get("transfer-encoding", "").lower()
    return chunked or header_int(response.headers.get("content-length")) is not None


def check_status(response: httpx.Response, body: bytes, agency: Agency, url: httpx.URL) -> None:
    """PortalError unless the answer is a 200, 201 or 204 and no web page: a redirect names
    where it pointed (never followed), a 4xx or 5xx carries the portal's words and its
    Retry-After, a web page is no answer (retryable: a network's sign-in page)."""
    status = response.status_code
    if 300 <= status < 400:
        target = response.headers.get("location") or "(no address given)"
        try:
            other = url.join(target)
            target = f"{other.scheme}://{other.netloc.decode('ascii', 'replace')}"
        except (httpx.InvalidURL, TypeError, ValueError, UnicodeError):
            target = plain(target, 120)
        raise PortalError(f"{agency.name}'s portal tried to redirect to {target}; redirects are "
                          "never followed", status)
    if status >= 400:
        retry = parse_retry_after(response.headers.get("retry-after"))
        code = _error_code(body)
        why = (KEY_ELSEWHERE if (status, code) == (403, "wrong_key") else
               CLOCK_APART if (status, code) == (400, "stale") else
               REGISTRATION_ENDED if status == 401 else
               _error_detail(body, status) or "no reason given")
        raise PortalError(f"{agency.name}'s portal refused (HTTP {status}): {why}", status,
                          retry, code)
    if status not in (200, 201, 204):
        raise PortalError(f"{agency.name}'s portal gave an unexpected answer (HTTP {status})",
                          status)
    if body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        # A web page, not the portal's answer (a decision "sent" to a Wi-Fi sign-in page was
        # taken as received, and a decline never reached the agency): no answer, tried again
        # later. Told by the markup, not the Content-Type, which some servers give JSON too.
        raise PortalError(f"{agency.name}'s portal did not answer: {SIGN_IN_PAGE}")


def _error_detail(body: bytes, status: int | None = None) -> str:
    """The FRP/1 error `detail` (else `error`; none from other JSON, else the text itself, a
    web page by its title: network_words.error_words), as plain text."""
    return plain(error_words(body[:4096].decode("utf-8", "replace"), status))


def _error_code(body: bytes) -> str | None:
    """The FRP/1 error code (`error`), when the answer is an error document with one."""
    code = _error_doc(body[:4096].decode("utf-8", "replace")).get("error")
    return code if isinstance(code, str) and code.isascii() and code.isprintable() else None


def _error_doc(text: str) -> dict:
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return doc if isinstance(doc, dict) else {}


def json_object(body: bytes, agency: Agency) -> dict:
    """A portal answer that must be a JSON object; PortalError otherwise."""
    try:
        doc = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PortalError(f"{agency.name}'s portal sent an answer that is not JSON") from None
    if not isinstance(doc, dict):
        raise PortalError(f"{agency.name}'s portal sent JSON of an unexpected shape")
    return doc
