"""What provenance.json must state for a package's clip to be held to anything: the window the
owner approved, when the clip's first and last frames were captured and how many it holds
(package-format.md, "provenance.json"). The checks that place a clip's frames in time
(clip_tables) and hold the approval to the request (verify_request) read these, and find
nothing to compare when one is missing: a record that leaves one out, or writes it so it is not
a time with its zone, fails here instead of passing in silence, even under the owner's key."""
from __future__ import annotations

from frp.bagit import PROVENANCE
from frp.bagview import Bag
from frp.times import window_of

TIMES = "a start and an end, each a time with its zone such as 2026-11-24T08:54:00Z"


def check_record(bag: Bag, record: dict) -> None:
    """Problems, in `bag`, for each of the clip's times the record does not state readably."""
    if window_of(record.get("approved")) is None:
        bag.problems.append(f"{PROVENANCE} does not say which window the owner approved "
                            f"(approved: {TIMES}), so the clip cannot be held to it.")
    delivered = record.get("delivered")
    if window_of(delivered) is None:
        bag.problems.append(f"{PROVENANCE} does not say when the clip's first and last frames "
                            f"were captured (delivered: {TIMES}), so its frames cannot be "
                            "placed in time.")
    frames = delivered.get("frames") if isinstance(delivered, dict) else 0
    if type(frames) is not int or frames < 0:   # a record with no `delivered` is named above
        bag.problems.append(f"{PROVENANCE} does not say how many frames the clip holds "
                            "(delivered.frames, a whole number), so the clip cannot be held "
                            "to it.")
    request = record.get("request")
    if isinstance(request, dict) and window_of(request.get("window")) is None:
        bag.problems.append(f"{PROVENANCE} does not say which window the request asked for "
                            f"(request.window: {TIMES}), so the approval cannot be held to it.")
