"""Whether the upload at an address kept on record is this package's own: the upload server
names, in its answer to HEAD, the metadata the upload was created with (tus 1.0.0: a HEAD
answer MUST carry the Upload-Metadata given at creation), and this app always gives the
package's SHA-256 there.

An address on the agency's own upload server but of another upload (another request's,
another camera's: the saved progress in `uploads/` or the address in inbox.db changed by
another program, a damaged disk, a backup put back) passes every check of its origin, and the
server takes the registration's calls to any of its uploads: a resume would PATCH this
package's bytes into it, and a withdrawal would DELETE it (tus termination). Such an address
is forgotten instead, and nothing but the HEAD that told it goes to it.
"""
from __future__ import annotations

import base64
import binascii

import httpx


def echoed_metadata(headers: httpx.Headers) -> dict[str, str | None] | None:
    """The Upload-Metadata of a HEAD answer, each value decoded (None: one that is no
    base64 UTF-8), or None when the answer carries none (a server that does not echo it)."""
    raw = headers.get("upload-metadata")
    if raw is None:
        return None
    pairs: dict[str, str | None] = {}
    for pair in raw.split(","):
        key, _, value = pair.strip().partition(" ")
        if not key:
            continue
        try:
            pairs[key] = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, ValueError):
            pairs[key] = None
    return pairs


def names_other_bytes(headers: httpx.Headers, sha256: str) -> bool:
    """Whether a HEAD answer says its upload is of other bytes than the package's `sha256`:
    its Upload-Metadata names no sha256, or another. An answer without Upload-Metadata tells
    nothing (a server that does not echo it), and is taken as before: by its length."""
    echoed = echoed_metadata(headers)
    if echoed is None:
        return False
    named = echoed.get("sha256")
    return not isinstance(named, str) or named.lower() != sha256.lower()
