"""What every step of an approval shares: the Step (everything one approval's steps need)
and the errors a step raises.

The steps themselves: the owner's choices (approval_choices), cutting and sealing the
packages (package_export), the signed decision (decisions), uploading (tus_uploads) and the
portal's receipt (package_delivery). Each records its result in the inbox as soon as it is
done, so running approve again after a failure skips finished packages and uploads (an
unfinished upload resumes where it stopped).
"""
from __future__ import annotations

import ssl
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from agent.audit.log import AuditLog
from agent.callbacks import call_safely
from agent.identity.keys import OwnerKey
from agent.index.mirror import Connect
from agent.index.store import Store
from agent.requests.inbox import Inbox
from agent.requests.portal_client import PortalClient
from agent.requests.records import Entry
from frp.agency import Agency
from frp.request import Request

Progress = Callable[[str, float], None]


class DeliveryError(Exception):
    """A delivery step failed; the message says what happened and what to do."""


class ApprovalRefused(DeliveryError):
    """An approval wider than the request, or otherwise against the owner's rules."""


class PackageAltered(DeliveryError):
    """A package folder from an earlier run no longer verifies against its own seal."""


class OverLimit(DeliveryError):
    """The packages are more than the request lets the portal take; approving again cannot
    change that (the approval is kept as it was), only declining ends it."""


class DecidedElsewhere(DeliveryError):
    """The portal holds another decision on the request than this approval (a decline, or an
    approval withdrawn): it takes no footage for it, and approving again cannot change that."""


class FootageRefused(DeliveryError):
    """The portal found footage in a package outside the window the owner approved (422
    footage_outside_approval): the check before sealing should have stopped it, so approving
    again makes the same package and cannot help."""


class SubmissionRefused(DeliveryError):
    """The portal refused a finished upload's submission as malformed, or as no upload of
    its own (400): asked again, it would be asked the same way; the agency must put it right."""


class RegistrationChanged(DeliveryError):
    """The portal holds the registration otherwise than this home: it pins another key to it
    (rotated from a copy of the home, or after the backup put back here), or it ended."""


@dataclass(frozen=True)
class Step:
    """Everything one approval's steps need."""

    home: Path
    store: Store
    key: OwnerKey
    inbox: Inbox
    audit: AuditLog
    portal: PortalClient
    agency: Agency
    request: Request
    bearer: str
    verify: bool | ssl.SSLContext = True
    progress: Progress | None = None
    cancel: threading.Event | None = None
    accept_dropped: bool = False    # the owner accepts frames lost to damaged recordings
    connect: Connect | None = None  # how a recorder camera's footage is reached
    # The trusted agencies, none of which may list the key a receipt is signed with (a key two
    # agencies list, its holder signs as either: frp.decision.verify_receipt).
    trusted: tuple[Agency, ...] = ()

    def entry(self) -> Entry:
        return self.inbox.get(self.request.id, self.agency.id)

    def report(self, stage: str, fraction: float) -> None:
        call_safely(self.progress, stage, fraction)

    def log(self, event: str, **data) -> None:
        self.audit.append(event, id=self.request.id, agency=self.agency.id, **data)
