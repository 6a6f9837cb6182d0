"""The two encodings a JWS is made of, read strictly: base64url without padding (RFC 7515
section 2) and UTF-8 JSON without repeated members or NaN; and JWSError, which everything that
cannot be used in a token raises.

Strict because two spellings of the same token would let it change without changing its
meaning, and a repeated member leaves it to the reader which one counts.
"""
from __future__ import annotations

import base64
import binascii
import json
import re

_B64URL = re.compile(r"[A-Za-z0-9_-]*")


class JWSError(ValueError):
    """A token, key or encoding that cannot be used; the message says what is wrong."""


def b64url_encode(data: bytes) -> str:
    """Base64url without padding (RFC 7515 section 2)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str | bytes) -> bytes:
    """Strict base64url: no padding, no other characters, no non-canonical trailing bits."""
    if isinstance(text, bytes):
        try:
            text = text.decode("ascii")
        except UnicodeDecodeError:
            raise JWSError("base64url text contains non-ASCII bytes") from None
    if not isinstance(text, str):
        raise JWSError("base64url value is not text")
    if "=" in text:
        raise JWSError("base64url text must not carry '=' padding")
    if not _B64URL.fullmatch(text):
        raise JWSError("base64url text contains characters outside A-Z a-z 0-9 - _")
    if len(text) % 4 == 1:
        raise JWSError("base64url text has an impossible length (truncated?)")
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise JWSError("base64url text cannot be decoded") from None
    # Two spellings of the same bytes would let a token change without changing its meaning.
    if b64url_encode(raw) != text:
        raise JWSError("base64url text is not in canonical form (stray trailing bits)")
    return raw


def _no_duplicates(pairs: list) -> dict:
    out = {}
    for key, value in pairs:
        if key in out:
            raise JWSError(f"the JSON repeats the member '{key}'")
        out[key] = value
    return out


def _refuse_constant(name: str):
    raise JWSError(f"the JSON contains {name}, which is not valid JSON")


def loads_strict(raw: bytes, what: str) -> object:
    """Parse UTF-8 JSON, refusing duplicate members and NaN/Infinity."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise JWSError(f"the {what} is not UTF-8 text") from None
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    except JWSError as exc:
        raise JWSError(f"the {what} is not acceptable JSON: {exc}") from None
    except RecursionError:   # well-formed, perhaps, but no document of ours nests so
        raise JWSError(f"the {what} nests too deeply to be read") from None
    except ValueError:
        raise JWSError(f"the {what} is not valid JSON") from None
    if "\\u" in text:
        # A \u escape can name half a surrogate pair, which is no character: such text cannot
        # be stored, shown or signed again, so the document is refused here, once.
        try:
            json.dumps(doc, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise JWSError(f"the {what} holds text that is not valid Unicode (a lone "
                           "surrogate escape)") from None
    return doc
