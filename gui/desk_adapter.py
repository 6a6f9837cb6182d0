"""What the request screens need from the agent's request desk, seen through one small view.

The screens only ever see `RequestView` (frozen) and call `Desk`'s methods, always inside agent
jobs (they read databases and talk to portals). `Desk` wraps the agent's own request desk
(`agent.requests`).

Who asks and how to call them back come from the trust store, never from the request's text.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

from frp.agency import Agency
from frp.jws import JWSError, parse_compact

Progress = Callable[[str, float], None]


class DeskError(Exception):
    """A request action that cannot be done; the message says why in plain words."""


@dataclass(frozen=True)
class RequestView:
    """One request as the owner sees it."""

    id: str
    agency_id: str
    agency_name: str        # from the trust store
    agency_phone: str       # from the trust store: the number to call back
    upload_host: str
    case: str
    incident: str
    requester: str          # name, unit, badge as the request states them
    legal_basis: str
    location: str
    message: str            # plain text, shown as such
    window_start_us: int
    window_end_us: int
    cameras: tuple[str, ...]
    status: str
    received_us: int
    expires_us: int
    verified: bool
    emergency: bool
    reason: str = ""        # a decline reason, a failure, or why it no longer verifies
    deliveries: tuple = ()  # what was sent (inbox Delivery records)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def describe(entry, agency: Agency | None, verified: bool, reason: str = "") -> RequestView:
    """The view of an inbox entry; its token was verified when it arrived (claims read again)."""
    try:
        claims = parse_compact(entry.token).claims
    except JWSError as exc:
        raise DeskError(f"this request can no longer be read ({exc})") from None
    people = claims.get("requester") if isinstance(claims.get("requester"), dict) else {}
    who = ", ".join(p for p in (_text(people.get("name")), _text(people.get("unit"))) if p)
    if _text(people.get("badge")):
        who += f" (badge {people['badge']})"
    where = claims.get("location") if isinstance(claims.get("location"), dict) else {}
    place = _text(where.get("address"))
    if isinstance(where.get("radius_m"), (int, float)):
        place = (place + f" (within {int(where['radius_m'])} m)").strip()
    case = claims.get("case") if isinstance(claims.get("case"), dict) else {}
    upload = claims.get("upload") if isinstance(claims.get("upload"), dict) else {}
    return RequestView(
        id=entry.jti, agency_id=entry.iss,
        agency_name=agency.name if agency else "Unknown agency (no longer in your trust list)",
        agency_phone=agency.phone if agency else "",
        upload_host=_host(_text(upload.get("endpoint"))),
        case=entry.case, incident=_text(case.get("incident")), requester=who,
        legal_basis=_text(claims.get("legal_basis")), location=place,
        message=_text(claims.get("message")),
        window_start_us=entry.window_start_us, window_end_us=entry.window_end_us,
        cameras=tuple(entry.cameras), status=entry.status, received_us=entry.received_at_us,
        expires_us=entry.expires_at_us, verified=verified,
        emergency=claims.get("emergency") is True,
        reason=reason or entry.reason or entry.decision_error or "",
        deliveries=tuple(entry.deliveries))


def _host(url: str) -> str:
    try:
        return urlsplit(url).netloc
    except ValueError:
        return ""


class Desk:
    """The agent's request desk for the screens. Every method does I/O: call it in a job."""

    def __init__(self, agent):
        self.agent = agent
        self.desk = agent.requests    # the agent closes it
        self.trust = self.desk.trust

    def list(self) -> list[RequestView]:
        agencies = {a.id: a for a in self.trust.list()}
        return [describe(e, agencies.get(e.iss), True) for e in self.desk.list()]

    def show(self, request_id: str) -> RequestView:
        shown = self._do(self.desk.show, request_id)
        return describe(shown.entry, shown.agency, shown.request is not None, shown.problem or "")

    def sync(self):
        return self._do(self.desk.sync)

    def import_request(self, path) -> RequestView:
        entry = self._do(self.desk.import_request, str(path))
        return self.show(entry.jti)

    def decline(self, request_id: str, reason: str = "") -> RequestView:
        self._do(self.desk.decline, request_id, reason or None)
        return self.show(request_id)

    def approve(self, request_id: str, cameras=None, start_us: int | None = None,
                end_us: int | None = None, mode: str | None = None,
                keep_audio: bool | None = None, progress: Progress | None = None,
                cancel: threading.Event | None = None, *, blur_faces: bool | None = None,
                masks: bool | None = None) -> RequestView:
        """Export, deliver and receipt; with no choices, resume what was approved before
        (redaction included)."""
        self._do(self.desk.approve, request_id, None if cameras is None else list(cameras),
                 start_us, end_us, mode, keep_audio, progress, cancel, blur_faces=blur_faces,
                 masks=masks)
        return self.show(request_id)

    @staticmethod
    def _do(fn, *args, **kwargs):
        from agent.requests.desk import DeskError as AgentDeskError
        from agent.requests.desk import DeskRefusal
        try:
            return fn(*args, **kwargs)
        except DeskRefusal as exc:
            raise DeskError(f"Not accepted: {_plain(exc)}") from None
        except AgentDeskError as exc:
            raise DeskError(_plain(exc)) from None


def _plain(exc: Exception) -> str:
    text = str(exc)
    return text[:1].upper() + text[1:]
