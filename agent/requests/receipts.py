"""A delivery's stored receipt read again, for `inbox show`: when the agency says it received
the package, and whether the receipt still checks out against today's trust store (the
agency's key, this request, the package's SHA-256 and size).

The receipt was checked when it arrived (package_delivery.py); it is checked again here so
that what the owner is shown is true of the file as it is now: a receipt edited into the inbox,
or an agency no longer trusted, is said, never passed off as checked.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from agent.requests.records import Delivery
from frp.agency import Agency
from frp.decision import ReceiptError, verify_receipt


@dataclass(frozen=True)
class StoredReceipt:
    """A camera's receipt as stored: the agency-signed token, when the agency says it received
    the package (as it signed it), and why the receipt no longer checks out (None when it
    does; `received_at` is then None too)."""

    token: str
    received_at: str | None
    problem: str | None


def stored_receipt(delivery: Delivery, agency: Agency | None, request_id: str,
                   trusted: Iterable[Agency] = ()) -> StoredReceipt | None:
    """The delivery's receipt read again against `agency` (None: no longer trusted), and
    against the `trusted` agencies, none of which may list the key that signed it; None when
    no receipt is stored."""
    token = delivery.receipt
    if not token:
        return None
    if agency is None:
        return StoredReceipt(token, None, "the agency that signed it is no longer in your "
                                          "trust store")
    try:
        claims = verify_receipt(token, agency, delivery.sha256, request_id, trusted)
    except ReceiptError as exc:
        return StoredReceipt(token, None, str(exc))
    if claims["size"] != delivery.size:
        return StoredReceipt(token, None, f"it names {claims['size']:,} bytes, not the "
                                          f"{delivery.size:,} of the package")
    at = claims.get("received_at")
    return StoredReceipt(token, at if isinstance(at, str) else None, None)


def unchecked_receipts(deliveries: Iterable[Delivery], agency: Agency, request_id: str,
                       trusted: Iterable[Agency] = ()) -> list[tuple[Delivery, str]]:
    """The deliveries whose kept receipt no longer checks out against `agency` (changed in
    the inbox since it was checked: another program, a damaged disk), each with why. A run
    resuming the request asks the portal for them again: passed over, they were said
    "receipt checked" at its end."""
    trusted = tuple(trusted)
    found = []
    for d in deliveries:
        kept = stored_receipt(d, agency, request_id, trusted)
        if kept is not None and kept.problem is not None:
            found.append((d, kept.problem))
    return found
