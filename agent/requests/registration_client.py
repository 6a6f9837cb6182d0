"""The registration calls to an agency portal (protocol.md, "Registration"), made with the
portal client's transport rules (https only, no redirects, capped reads, timeouts). What the
portal answers is checked for shape here; its certificate is checked by the caller.
"""
from __future__ import annotations

from dataclasses import dataclass

from agent.requests.portal_client import PortalClient, PortalError, json_object, path_segment
from frp.agency import Agency

_JOSE = {"Content-Type": "application/jose"}
_TEXT_LIMIT = 16 * 1024


@dataclass(frozen=True)
class PortalRegistration:
    """What the portal answered to a registration: the id, the bearer token (a secret; its
    repr leaves it out) and the certificate (PEM, unchecked)."""

    registration: str
    token: str
    certificate: str

    def __repr__(self) -> str:
        return f"PortalRegistration(registration={self.registration!r})"


def _text(doc: dict, name: str, agency: Agency) -> str:
    value = doc.get(name)
    if not isinstance(value, str) or not value or len(value) > _TEXT_LIMIT:
        raise PortalError(f"{agency.name}'s portal answered without a usable '{name}'")
    return value


def _segment(registration: str) -> str:
    return "/registrations/" + path_segment(registration)


def register(client: PortalClient, agency: Agency, token: str) -> PortalRegistration:
    """POST the registration token; the new registration's id, bearer token and certificate."""
    body = client.call(agency, "POST", "/registrations", None, content=token.encode("ascii"),
                       headers=_JOSE)
    doc = json_object(body, agency)
    return PortalRegistration(_text(doc, "registration", agency), _text(doc, "token", agency),
                              _text(doc, "certificate", agency))


def update(client: PortalClient, agency: Agency, bearer: str, registration: str,
           token: str) -> None:
    """PUT an update token (new contact and cameras)."""
    client.call(agency, "PUT", _segment(registration), bearer, content=token.encode("ascii"),
                headers=_JOSE)


def rotate(client: PortalClient, agency: Agency, bearer: str, registration: str,
           token: str) -> str:
    """POST a rotation token; the certificate for the new key (PEM, unchecked)."""
    body = client.call(agency, "POST", _segment(registration) + "/key", bearer,
                       content=token.encode("ascii"), headers=_JOSE)
    return _text(json_object(body, agency), "certificate", agency)


def unregister(client: PortalClient, agency: Agency, bearer: str, registration: str,
               token: str) -> None:
    """DELETE the registration with an unregister token."""
    client.call(agency, "DELETE", _segment(registration), bearer,
                content=token.encode("ascii"), headers=_JOSE)
