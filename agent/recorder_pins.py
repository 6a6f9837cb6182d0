"""Whether a recorder added before still shows the certificate the owner trusted then, asked
before a password is sent to it (the app's Test and Add, `sources add-recorder`).

A recorder that was reset or replaced shows a new certificate, and so does another device
answering at its address (a man in the middle on the home network): only the recorder's own
screen tells which, so the new one is used only once the owner has compared it and said so.
The password would otherwise be the first thing the impostor is given.
"""
from __future__ import annotations

import httpx

from agent.errors import Refusal
from agent.recorders.transport import fingerprint_text


class CertificateNotTrustedBefore(Refusal):
    """A recorder added before shows another certificate than the one trusted then; nothing
    was sent to it. `before` and `now` are the two SHA-256s (hex)."""

    def __init__(self, root: str, before: str, now: str) -> None:
        url = httpx.URL(root)
        where = f"{url.host}:{url.port or 443}"   # as the recorder's other words name it
        super().__init__(
            f"The recorder at {where} shows another certificate ({fingerprint_text(now)}) than "
            f"the one trusted before for it ({fingerprint_text(before)}), so nothing was sent "
            "to it, not even the password. If the recorder was reset or replaced, compare the "
            "new fingerprint with the one on its own screen or web page, then trust it; if not, "
            "another device may be answering at its address.")
        self.before, self.now = before, now


def trusted_before(pins: dict[str, str | None], root: str, fingerprint: str | None) -> str | None:
    """The fingerprint trusted before for the recorder at `root` (`pins`: each recorder
    source's root and fingerprint) when `fingerprint` is another one; None for a recorder not
    added before, the same certificate, or plain http (no certificate to compare)."""
    before = pins.get(root)
    if before is None or fingerprint is None or before == fingerprint:
        return None
    return before
