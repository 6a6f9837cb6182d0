"""The agency portal over HTTPS (protocol.md "Portal HTTP API"), and when to poll it.

Every call goes to the agency's own portal origin from the trust store: certificates verified,
redirects never followed (one is an error naming where it pointed), a timeout on every network
operation and a limit on the whole call however slowly the portal answers, answers read as a
stream and cut off at a size cap, so a broken or hostile portal gets a clear error and never a
hang, a crash or an unbounded read. What an answer means is read in portal_answers.py.
"""
from __future__ import annotations

import json
import ssl
import threading
from dataclasses import dataclass
from urllib.parse import quote

import httpx

from agent.backoff import Backoff
from agent.call_transport import CallTransport
from agent.deadline import CallDeadline
from agent.delivery.wire import DEFAULT_TIMEOUT
from agent.network_words import network_words
from agent.requests.registrations import sendable_secret
from agent.requests.portal_answers import (
    PortalError,
    came_whole,
    check_status,
    json_object,
    parse_retry_after,
    read_capped,
    should_retry,
)
from frp.agency import Agency
from frp.origins import web_origin

POLL_CAP = 1 << 20
REPLY_CAP = 64 * 1024
CURSOR_LIMIT = 1024
CALL_LIMIT_S = 60.0   # a whole call, connecting included: 1 MiB at 20 kB/s fits

# The client's names, with those of portal_answers.py its callers use (imported from here).
__all__ = ["CALL_LIMIT_S", "CURSOR_LIMIT", "POLL_CAP", "REPLY_CAP", "PollPolicy", "PortalCancelled",
           "PortalClient", "PortalError", "json_object", "parse_retry_after", "path_segment",
           "should_retry"]


class PortalCancelled(PortalError):
    """The call was cut short because the work it belongs to was cancelled (a stop signal);
    never retried."""

    @property
    def retryable(self) -> bool:
        return False


@dataclass(frozen=True)
class PollPolicy:
    """When to poll next: every `interval_s` +/- `jitter` after a success; after failures a
    wait doubling from `backoff_base_s` up to `backoff_cap_s` (the same jitter, the cap after
    it); never before the portal's Retry-After (at most a day). The rule is
    agent/backoff.py's; these are its numbers for polling."""

    interval_s: float = 300.0
    jitter: float = 0.2
    backoff_base_s: float = 30.0
    backoff_cap_s: float = 3600.0

    def schedule(self, failures: int) -> Backoff:
        """The schedule of the wait after `failures` failed polls in a row (0: the last one ok)."""
        if failures <= 0:
            # A hand-edited settings file may say a negative or NaN interval: polled as often
            # as the loop allows, as before, rather than failing every pass.
            every = self.interval_s if self.interval_s >= 0 else 0.0
            return Backoff(every, factor=1.0, jitter=self.jitter)
        return Backoff(self.backoff_base_s, 2.0, self.backoff_cap_s, self.jitter)

    def next_delay(self, failures: int = 0, retry_after_s: float | None = None,
                   rand: float | None = None) -> float:
        """Seconds until the next poll after `failures` failed polls in a row (0: last one ok).

        `rand` in [0, 1] picks the jitter (random when None), so the policy is testable as data.
        """
        draw = None if rand is None else (lambda: rand)
        return self.schedule(failures).delay(failures, retry_after_s, draw)


def path_segment(name: str) -> str:
    """A request or registration id as one segment of a portal path: `.` and `..` are valid
    ids but would be read as path steps."""
    return "%2E" * len(name) if set(name) == {"."} else quote(name, safe="")


class PortalClient:
    """Calls to agency portals. Pass `verify` (an SSLContext) to trust a private CA in tests.
    Each call ends after `call_limit_s` in all."""

    def __init__(self, *, verify: bool | ssl.SSLContext = True,
                 timeout: httpx.Timeout = DEFAULT_TIMEOUT,
                 transport: httpx.BaseTransport | None = None,
                 call_limit_s: float = CALL_LIMIT_S) -> None:
        # No keep-alive: the call's limit needs the connection made for it (deadline.py);
        # a poll every few minutes gains nothing from keeping one open. CallTransport keeps
        # none, and lets the limit or a cancel end a connect still being made.
        self._client = httpx.Client(verify=verify, timeout=timeout, follow_redirects=False,
                                    transport=transport or CallTransport(verify),
                                    trust_env=False,
                                    limits=httpx.Limits(max_keepalive_connections=0))
        self._call_limit_s = call_limit_s

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "PortalClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # the API -----------------------------------------------------------------------------
    def poll(self, agency: Agency, registration_id: str, token: str | None,
             cursor: str | None, cancel: threading.Event | None = None
             ) -> tuple[list[str], str | None]:
        """New request tokens for one registration since `cursor`, and the cursor to use next
        (`cancel` set: the call ends at once with PortalCancelled)."""
        params = {"after": cursor} if cursor else {}
        body = self.call(agency, "GET", "/requests", token, params=params, cap=POLL_CAP,
                         cancel=cancel)
        doc = json_object(body, agency)
        tokens, new_cursor = doc.get("requests"), doc.get("cursor", cursor)
        if not isinstance(tokens, list) or not all(isinstance(t, str) for t in tokens):
            raise PortalError(f"{agency.name}'s portal sent a list of requests in an unexpected "
                              "form (\"requests\" must be a list of tokens)")
        if new_cursor is not None and (not isinstance(new_cursor, str)
                                       or len(new_cursor) > CURSOR_LIMIT
                                       or not new_cursor.isprintable()):
            raise PortalError(f"{agency.name}'s portal sent a position marker (cursor) in an "
                              "unexpected form")
        return tokens, new_cursor

    def post_decision(self, agency: Agency, token: str | None, jti: str, decision: str,
                      cancel: threading.Event | None = None) -> None:
        """Deliver the owner's signed decision token for request `jti` (`cancel` set: the
        call ends at once with PortalCancelled)."""
        self.call(agency, "POST", f"/requests/{path_segment(jti)}/decision", token,
                  content=decision.encode("ascii"), cancel=cancel,
                  headers={"Content-Type": "application/jose"}, cap=REPLY_CAP)

    def post_submission(self, agency: Agency, token: str | None, jti: str, upload_url: str,
                        sha256: str, size: int, package: str,
                        cancel: threading.Event | None = None) -> str:
        """Tell the portal which upload answers `jti`; returns its receipt token (unverified).
        `cancel` set: the call ends at once with PortalCancelled."""
        payload = {"upload_url": upload_url, "sha256": sha256, "size": size, "package": package}
        body = self.call(agency, "POST", f"/requests/{path_segment(jti)}/submissions", token,
                         content=json.dumps(payload).encode(), cancel=cancel,
                         headers={"Content-Type": "application/json"}, cap=REPLY_CAP)
        receipt = json_object(body, agency).get("receipt")
        if not isinstance(receipt, str) or not receipt:
            raise PortalError(f"{agency.name}'s portal accepted the package but sent no receipt")
        return receipt

    def fetch_request(self, agency: Agency, url: str, token: str | None) -> bytes:
        """A request token at `url`, which must be on the agency's portal origin."""
        try:
            origin, _ = web_origin(url, "the request address")
            portal_origin, _ = web_origin(agency.portal, "the agency's portal")
        except ValueError as exc:
            raise PortalError(str(exc)) from None
        if origin != portal_origin:
            raise PortalError(f"{origin} is not {agency.name}'s portal ({portal_origin}); "
                              "requests are only fetched from a portal in your trust store")
        return self._send("GET", url, agency, token, cap=POLL_CAP)

    # plumbing ----------------------------------------------------------------------------
    def call(self, agency: Agency, method: str, path: str, token: str | None, *,
             cap: int = REPLY_CAP, **kwargs) -> bytes:
        """One call to a path under the agency's portal, with the rules above; the body."""
        return self._send(method, agency.portal.rstrip("/") + path, agency, token, cap=cap,
                          **kwargs)

    def _send(self, method: str, url: str, agency: Agency, token: str | None, *, cap: int,
              params: dict | None = None, content: bytes | None = None,
              headers: dict | None = None, cancel: threading.Event | None = None) -> bytes:
        all_headers = {"Accept": "application/json", "Accept-Encoding": "identity",
                       **(headers or {})}
        if token:
            if not sendable_secret(token):   # kept before it was checked, or edited by hand
                raise PortalError(f"the portal password kept for your registration with "
                                  f"{agency.name} holds characters a web request cannot "
                                  "carry, so its portal cannot be asked: ask the agency for "
                                  "a new invite code and register again")
            all_headers["Authorization"] = f"Bearer {token}"
        with CallDeadline(self._call_limit_s, cancel) as deadline:
            answer = None
            try:
                answer = self._exchange(method, url, agency, params, content, all_headers,
                                        cap, deadline)
            except PortalError:
                if not (deadline.expired or deadline.cancelled):
                    raise
            # An answer that came whole before the cut is the portal's: a decline it took (a
            # 204 as the owner pressed Stop) was otherwise kept as unsent, and a registration
            # it made lost. Any other that a cut ended (read until the connection closed, or
            # not read to its end) is not its answer.
            if answer is None or not came_whole(answer[0]):
                if deadline.cancelled:
                    raise PortalCancelled(f"the call to {agency.name}'s portal was cancelled")
                if deadline.expired:
                    raise PortalError(f"{agency.name}'s portal took more than "
                                      f"{self._call_limit_s:.0f} s to answer; it was cut off. "
                                      "Try again later")
        response, body = answer
        check_status(response, body, agency, response.request.url)
        return body

    def _exchange(self, method: str, url: str, agency: Agency, params, content, headers: dict,
                  cap: int, deadline: CallDeadline) -> tuple[httpx.Response, bytes]:
        try:
            request = self._client.build_request(method, url, params=params, content=content,
                                                 headers=headers,
                                                 extensions={"trace": deadline.trace})
            response = self._client.send(request, stream=True, follow_redirects=False)
        except httpx.InvalidURL as exc:
            raise PortalError(f"{agency.name}'s portal address cannot be used: {exc}") from None
        except httpx.TimeoutException:
            raise PortalError(f"{agency.name}'s portal did not answer in time; try again "
                              "later") from None
        except httpx.HTTPError as exc:
            raise PortalError(f"cannot reach {agency.name}'s portal: {network_words(exc)}") from None
        try:
            return response, read_capped(response, cap, agency)
        finally:
            response.close()
