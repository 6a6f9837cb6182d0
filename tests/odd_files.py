"""Things a test puts where a file of the home belongs, made inside the test's own folder."""
from __future__ import annotations

import os
import stat
from pathlib import Path


def zero_device(folder: Path) -> Path:
    """A device that reads zeros for ever, as /dev/zero does, for a test's "link to /dev/zero".

    Made as a node of its own in `folder` (outside the home the test reads), since the tests
    run as root: a regression that wrote, moved or renamed through the link would otherwise
    reach the machine's own /dev/zero (one helper's test once moved a file over it). Without
    the right to make a node, /dev/zero itself, which such an account cannot replace."""
    folder.mkdir(parents=True, exist_ok=True)
    node = folder / "zero-device"
    if node.exists():
        return node
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 5))   # Linux's /dev/zero numbers
    except (PermissionError, AttributeError):
        return Path("/dev/zero")
    return node
