"""What `verify` holds a package against besides itself, for whoever must trust it later on a
computer that never saw the owner's: the owner id the agency registered (`--owner`), and the
receipt the agency's portal signed when it received the tar (`--receipt`). Each mismatch is a
problem in words an expert can act on; a verified package says what was checked.

A package's own signature proves only that the holder of the key in its owner.pub sealed it;
the agency ties that key to a registration. A receipt names the SHA-256 of the tar the portal
received (the tar that travels is reproducible, package-format.md), the request, and when.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from agent.commands.common import UsageError
from agent.os_words import plain_os_error
from agent.saved_text import saved_text
from agent.storage import read_file_start
from frp.agency import Agency
from frp.bagview import file_sha256
from frp.decision import ReceiptError, verify_receipt
from frp.jws import parse_compact
from frp.jws_encoding import JWSError
from frp.text import one_line, quoted

_OWNER_ID = re.compile(r"[A-Za-z0-9_-]{43}")   # base64url of a SHA-256, unpadded
MAX_RECEIPT = 64 * 1024   # an FRP/1 token is at most 64 KiB


@dataclass(frozen=True)
class Receipt:
    """A receipt given with --receipt, as read (its claims unchecked until held to a tar)."""

    token: str
    claims: dict


def owner_option(value: str | None) -> str | None:
    """--owner's value: an owner id (exit 2 for anything else)."""
    if value is None or _OWNER_ID.fullmatch(value):
        return value
    raise UsageError(f"--owner {one_line(value, 80)}: give the owner id, 43 letters, digits, "
                     "'-' and '_' (as `footage-agent keys show` prints it, or the agency's "
                     "record of the registration)")


def read_receipt(path: str | None, package: Path) -> Receipt | None:
    """--receipt's file, read (exit 2 when it cannot be read or is no receipt, or the package
    is a folder: a receipt names the SHA-256 of a tar)."""
    if path is None:
        return None
    if not package.is_file():
        raise UsageError("--receipt: a receipt names the SHA-256 of the tar the agency received; "
                         "give that tar, not the package folder")
    try:   # never a pipe waited on, nor more than a token holds
        data = read_file_start(path, MAX_RECEIPT + 1)
    except OSError as exc:
        raise UsageError(f"--receipt: {plain_os_error(exc, path)}") from None
    try:   # as Windows saved it: Notepad's mark, Windows PowerShell's `>` (UTF-16)
        token = saved_text(data).strip()
        token.encode("ascii")
        claims = parse_compact(token).claims
        if len(data) > MAX_RECEIPT or not isinstance(claims, dict):
            raise ValueError
    except (UnicodeError, JWSError, ValueError):
        raise UsageError(f"--receipt: {one_line(path)} is not a receipt (the agency-signed token "
                         "its portal answered the submission with, as `inbox show --json` "
                         "prints it in receipt_token)") from None
    return Receipt(token, claims)


def owner_problems(owner_id: str | None, expected: str | None) -> list[str]:
    """The package's signer against --owner."""
    if expected is None or owner_id is None or owner_id == expected:
        return []
    return [f"The package was sealed by owner {owner_id}, not by owner {expected} that you "
            "gave: it is not that registration's package, unless the owner rotated their key "
            "(the agency's record of the registration says which keys it pinned, and when)."]


def receipt_problems(receipt: Receipt, package: Path, record: dict | None,
                     agencies: list[Agency]) -> tuple[list[str], str | None]:
    """(problems, a line saying what the receipt vouches for when it holds)."""
    issuer = receipt.claims.get("iss")
    agency = next((a for a in agencies if a.id == issuer), None)
    if agency is None:
        return [f"The receipt says it was issued by {quoted(issuer, 200)}, which this "
                "computer does not trust, so its signature cannot be checked: add that "
                "agency's file first (`footage-agent agencies add FILE`)."], None
    request = record.get("request") if isinstance(record, dict) else None
    if not isinstance(request, dict):
        return ["The package was exported by hand, for no request, so no receipt belongs to "
                "it."], None
    if request.get("agency") != agency.id:   # a receipt is its request's agency's alone
        asker = next((a for a in agencies if a.id == request.get("agency")), None)
        asked = (f"{one_line(asker.name, 200)} ({one_line(asker.id, 200)})" if asker is not None
                 else quoted(request.get("agency"), 200))
        return [f"The receipt was issued by {one_line(agency.name, 200)} "
                f"({one_line(agency.id, 200)}), but the package "
                f"answers a request of {asked}: only that agency's portal received it for "
                "that request, so this is not its receipt."], None
    named = receipt.claims.get("sha256")
    try:
        claims = verify_receipt(receipt.token, agency, str(named), str(request.get("id")),
                                agencies)
    except ReceiptError as exc:
        return [f"The receipt does not vouch for this package: {one_line(str(exc), 300)}."], None
    sha, size = file_sha256(package)
    if sha != str(named).lower() or size != claims["size"]:
        return [f"The receipt is for other bytes: it names SHA-256 {str(named).lower()} "
                f"({claims['size']:,} bytes), but this tar is {sha} ({size:,} bytes). It is the "
                "receipt of another package, or this tar is not the one the agency received "
                "(a tar made again from the folder keeps its SHA-256 only if the folder's name "
                "and files are unchanged)."], None
    return [], (f"receipt: {agency.name} received this tar (SHA-256 {sha}) for request "
                f"{one_line(request.get('id'), 130)} at {one_line(claims['received_at'], 40)}; "
                "its signature checks out with the agency's key")
