"""Which device answers at a recorder's address: the one added, told by the serial number it
says with what it is (`RecorderInfo.serial`). Over plain http no certificate tells one device
from another, so a router giving the recorder's address to the owner's second recorder (the
same make and password) would have that one's recordings mirrored, and exported, as the first
one's cameras'. One saying another serial is read nothing from, as a changed certificate
(docs/recorders.md, "Read only, outbound only, pinned").
"""
from __future__ import annotations

import httpx

from agent.errors import Refusal
from agent.index.recorder_book import RecorderSource
from agent.recorders.model import RecorderInfo

ANOTHER_DEVICE = ("The recorder at {where} says it is another device (serial number {now}) than "
                  "the one added (serial number {before}), so nothing was read from it. If the "
                  "recorder was replaced, add it again; if not, another device may be answering "
                  "at its address (a router may have given that address to another).")


class AnotherDevice(Refusal):
    """Another device than the recorder added answers at its address."""


def _said(serial: str) -> str:
    """A serial number to compare; none for one of zeros alone, which some firmware says
    (Reolink's API guide's example: "00000000000000") and an update may replace."""
    said = " ".join((serial or "").split())[:40]
    return "" if not said.strip("0") else said


def check_same(rec: RecorderSource, info: RecorderInfo) -> None:
    """Raise AnotherDevice when the device says another serial number than the one kept for
    the recorder; a device saying none (or zeros), or one kept without, is not told apart."""
    before, now = _said(rec.serial), _said(info.serial)
    if before and now and before != now:
        url = httpx.URL(rec.url)
        where = f"{url.host}:{url.port or (443 if url.scheme == 'https' else 80)}"
        raise AnotherDevice(ANOTHER_DEVICE.format(where=where, now=now, before=before))
