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


def describe(shown) -> RequestView:
    """The flat view of the desk's RequestView (agent.requests.view)."""
    who = ", ".join(p for p in (shown.requester.get("name"), shown.requester.get("unit")) if p)
    if shown.requester.get("badge"):
        who += f" (badge {shown.requester['badge']})"
    where = shown.location or {}
    place = where.get("address") or ""
    if isinstance(where.get("radius_m"), (int, float)):
        place = (place + f" (within {int(where['radius_m'])} m)").strip()
    return RequestView(
        id=shown.id, agency_id=shown.agency_id,
        agency_name=(shown.agency_name if shown.agency_name is not None
                     else "Unknown agency (no longer in your trust list)"),
        agency_phone=shown.agency_phone or "",
        upload_host=_host(shown.upload_endpoint or ""),
        case=shown.case, incident=shown.incident or "", requester=who,
        legal_basis=shown.legal_basis or "", location=place, message=shown.message or "",
        window_start_us=shown.window_start_us, window_end_us=shown.window_end_us,
        cameras=tuple(shown.cameras), status=shown.status, received_us=shown.received_at_us,
        expires_us=shown.expires_at_us, verified=shown.verified, emergency=shown.emergency,
        reason=shown.problem or shown.reason or shown.decision_error or "",
        deliveries=tuple(shown.deliveries))


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
        return [describe(v) for v in self.desk.list()]

    def show(self, request_id: str) -> RequestView:
        return describe(self._do(self.desk.show, request_id))

    def sync(self):
        return self._do(self.desk.sync)

    def import_request(self, path) -> RequestView:
        return describe(self._do(self.desk.import_request, str(path)))

    def decline(self, request_id: str, reason: str = "") -> RequestView:
        return describe(self._do(self.desk.decline, request_id, reason or None))

    def approve(self, request_id: str, cameras=None, start_us: int | None = None,
                end_us: int | None = None, mode: str | None = None,
                keep_audio: bool | None = None, progress: Progress | None = None,
                cancel: threading.Event | None = None, *, blur_faces: bool | None = None,
                masks: bool | None = None) -> RequestView:
        """Export, deliver and receipt; with no choices, resume what was approved before
        (redaction included)."""
        return describe(self._do(self.desk.approve, request_id,
                                 None if cameras is None else list(cameras), start_us, end_us,
                                 mode, keep_audio, progress, cancel, blur_faces=blur_faces,
                                 masks=masks))

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
