"""Whether a received package is one the owner's approval covers (protocol.md, submissions):
it answers this very request token, for a camera the approval names, its approved window and
the frames it delivered inside the approved window.

A package is signed by the pinned key, but that key's holder may run two copies of the app (a
home copied to another PC, or put back from a backup made before the approval): the approval
the portal holds is the one the owner sent, and what it does not cover is never kept.
"""
from __future__ import annotations

from dataclasses import dataclass

from frp.bagit import REQUEST
from frp.text import quoted
from frp.times import format_utc, parse_rfc3339, window_of


@dataclass(frozen=True)
class Approval:
    """What a package is held to: the request as issued and the approval the portal holds."""

    jti: str
    agency_id: str
    token_sha256: str
    window: tuple[int, int]            # approved start, end (microseconds since 1970)
    cameras: tuple[str, ...]


def approval_of(jti: str, agency_id: str, token_sha256: str, approved: dict) -> Approval:
    """The Approval of a stored decision's `approved` (already checked when it was taken)."""
    window = approved["window"]
    return Approval(jti, agency_id, token_sha256,
                    (parse_rfc3339(window["start"]), parse_rfc3339(window["end"])),
                    tuple(approved["cameras"]))


def outside_approval(provenance: dict | None, approval: Approval) -> str | None:
    """Why the package, by what its provenance.json says, is not one `approval` covers; None
    when it is."""
    if not isinstance(provenance, dict):
        return "the package says nothing readable of what it holds (no provenance.json)"
    request = provenance.get("request")
    if not isinstance(request, dict) or request.get("id") != approval.jti \
            or request.get("agency") != approval.agency_id \
            or _request_sha256(provenance) != approval.token_sha256:
        return ("the package answers another request (or another token) than this one, "
                f"{quoted(approval.jti, 130)}")
    camera = provenance.get("camera")
    if camera not in approval.cameras:
        return (f"the package is for camera {quoted(camera, 80)}, which the owner's approval "
                f"does not name (it names {', '.join(quoted(c, 80) for c in approval.cameras)})")
    start, end = approval.window
    for what in ("approved", "delivered"):
        window = window_of(provenance.get(what))
        if window is None or window[0] < start or window[1] > end:
            return (f"the package's {what} window lies outside the window the owner approved, "
                    f"{format_utc(start)} to {format_utc(end)}")
    return None


def camera_of(provenance: dict | None) -> str | None:
    """The camera a package says it holds, if it names one."""
    camera = provenance.get("camera") if isinstance(provenance, dict) else None
    return camera if isinstance(camera, str) else None


def _request_sha256(provenance: dict) -> str | None:
    """The SHA-256 provenance.json records for data/request.jws (held against the manifest,
    and the manifest against the bytes, by the package's own checks)."""
    outputs = provenance.get("outputs")
    for entry in outputs if isinstance(outputs, list) else ():
        if isinstance(entry, dict) and entry.get("path") == REQUEST:
            return entry.get("sha256")
    return None
