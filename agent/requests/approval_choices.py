"""The owner's choices for an approval, checked against the request (never wider than it) or
against the approval kept for a failed delivery, and the redactions they ask for."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from agent.export.masks import MaskError
from agent.export.redact import Redaction, owner_redaction
from agent.requests.approval_step import ApprovalRefused
from agent.requests.records import Approval, Entry
from agent.requests.view import unregistered
from agent.timebase import local_text

MODES = ("copy", "exact")


def new_approval(entry: Entry, indexed_cameras: list[str], cameras, start_us: int | None,
                 end_us: int | None, mode: str | None, keep_audio: bool | None,
                 blur_faces: bool | None = None, masks: bool | None = None,
                 current: Callable[[str], str | None] | None = None,
                 on_file: tuple[str, ...] | None = None) -> Approval:
    """The owner's choices, checked: never wider than the request; unset ones default to it.

    The approval names cameras as the request does (the signed decision must): a camera the
    owner renamed since is chosen by either name. `current` gives a camera's current name.
    `on_file` is the cameras registered with the agency (None: not known): by default none
    other is shared, as the owner never told the agency of it."""
    start = entry.window_start_us if start_us is None else start_us
    end = entry.window_end_us if end_us is None else end_us
    now_called = (lambda c: current(c) or c) if current else (lambda c: c)
    as_asked = {now_called(a): a for a in entry.cameras}
    chosen = tuple(dict.fromkeys(c if c in entry.cameras else as_asked.get(now_called(c), c)
                                 for c in cameras)) if cameras else _by_default(entry, on_file)
    if not chosen:
        raise ApprovalRefused("this request does not name cameras; choose which to share")
    if start >= end:
        raise ApprovalRefused("the approved window must start before it ends")
    if start < entry.window_start_us or end > entry.window_end_us:
        raise ApprovalRefused(f"refused: the approved window is wider than the request's "
                              f"({local_text(entry.window_start_us)} to "
                              f"{local_text(entry.window_end_us)}); it may only be narrower")
    outside = [c for c in chosen if entry.cameras and c not in entry.cameras]
    if outside:
        raise ApprovalRefused(f"refused: the request did not ask for {', '.join(outside)} "
                              f"(it asked for {', '.join(entry.cameras)})")
    missing = [c for c in chosen if now_called(c) not in set(indexed_cameras)]
    if missing:
        raise ApprovalRefused(f"no recordings of {', '.join(missing)} are indexed (known "
                              f"cameras: {', '.join(sorted(indexed_cameras)) or 'none'})")
    if (mode or "copy") not in MODES:
        raise ApprovalRefused(f"the cut mode must be one of {', '.join(MODES)}")
    return Approval(start, end, chosen, mode or "copy", bool(keep_audio), bool(blur_faces),
                    masks is not False)


def _by_default(entry: Entry, on_file: tuple[str, ...] | None) -> tuple[str, ...]:
    unasked = unregistered(entry, on_file)
    chosen = tuple(c for c in entry.cameras if c not in unasked)
    if unasked and not chosen:
        raise ApprovalRefused(f"this request asks only for cameras you did not register with "
                              f"this agency ({', '.join(unasked)}); choose which to share, if "
                              "any")
    return chosen


def asked_otherwise(kept: Approval, cameras, start_us, end_us, mode, keep_audio, blur_faces,
                    masks) -> bool:
    """Whether the owner's choices (None: not given) differ from the kept approval's (the same
    cameras named in another order are the same)."""
    asked = (frozenset(cameras) if cameras else None, start_us, end_us, mode, keep_audio,
             blur_faces, masks)
    held = (frozenset(kept.cameras), kept.start_us, kept.end_us, kept.mode, kept.keep_audio,
            kept.blur_faces, kept.masks)
    return any(x is not None and x != y for x, y in zip(asked, held))


def same_approval(entry: Entry, cameras, start_us: int | None, end_us: int | None,
                  mode: str | None, keep_audio: bool | None, blur_faces: bool | None = None,
                  masks: bool | None = None) -> Approval:
    """The approval kept for a failed delivery once its decision is signed; refuses choices
    that differ from it."""
    a = entry.approval
    if asked_otherwise(a, cameras, start_us, end_us, mode, keep_audio, None, None):
        raise ApprovalRefused(f"this request was already approved with other choices; {STANDS}")
    if asked_otherwise(a, None, None, None, None, None, blur_faces, masks):
        raise ApprovalRefused("this request was already approved with other redaction choices "
                              f"({hidden_words(a)}); {STANDS}")
    return a


# Why a kept approval is not changed (approval_change.py), and what the owner can do.
STANDS = ("your signed approval may have reached the agency already, so it can no longer be "
          "changed: approve it again without changing them to finish the delivery, or decline "
          "the request to withdraw your approval")


def hidden_words(approval: Approval) -> str:
    """What the approval hides, as the confirmation and the audit log say it."""
    parts = (["privacy masks"] if approval.masks else []) + (["faces blurred"]
                                                             if approval.blur_faces else [])
    return ", ".join(parts) or "nothing"


def redactions(home: Path, approval: Approval,
               current: Callable[[str], str | None] | None = None) -> dict[str, Redaction | None]:
    """Each camera's redaction, its masks found by its current name (`current`: a camera
    renamed since the approval keeps them); a damaged mask file refuses the approval rather
    than export the camera unmasked."""
    now_called = (lambda c: current(c) or c) if current else (lambda c: c)
    try:
        return {c: owner_redaction(home, now_called(c), masks=approval.masks,
                                   blur_faces=approval.blur_faces) for c in approval.cameras}
    except MaskError as exc:
        raise ApprovalRefused(str(exc)) from None

