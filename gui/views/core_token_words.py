"""The core's words for why a file is not a signed request (frp/jws.py, frp/jws_encoding.py,
frp/request.py): the {reason} of "the request is not a well-formed signed token: {reason}",
which an owner meets opening the wrong file with "Open a request file…" (a PDF, the agency's
.json, an e-mail). Word for word as the core writes them; Qt-free data listed among
core_templates' TEMPLATES, marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "it contains non-ASCII bytes"),
    QT_TRANSLATE_NOOP("core", "a compact JWS has three parts separated by '.', this one has "
                              "{count}"),
    QT_TRANSLATE_NOOP("core", "the token is not text"),
    QT_TRANSLATE_NOOP("core", "the token contains characters that cannot appear in a JWS"),
    QT_TRANSLATE_NOOP("core", "the token's header part is empty"),
    QT_TRANSLATE_NOOP("core", "the token's payload part is empty"),
    # the head of "<part>: <what is wrong with its base64url text>"
    QT_TRANSLATE_NOOP("core", "the token's header part"),
    QT_TRANSLATE_NOOP("core", "the token's payload part"),
    QT_TRANSLATE_NOOP("core", "the token's signature part"),
    QT_TRANSLATE_NOOP("core", "base64url text contains non-ASCII bytes"),
    QT_TRANSLATE_NOOP("core", "base64url text must not carry '=' padding"),
    QT_TRANSLATE_NOOP("core", "base64url text contains characters outside A-Z a-z 0-9 - _"),
    QT_TRANSLATE_NOOP("core", "base64url text has an impossible length (truncated?)"),
    QT_TRANSLATE_NOOP("core", "base64url text cannot be decoded"),
    QT_TRANSLATE_NOOP("core", "base64url text is not in canonical form (stray trailing bits)"),
    QT_TRANSLATE_NOOP("core", "the header is not valid JSON"),
    QT_TRANSLATE_NOOP("core", "the payload is not valid JSON"),
    QT_TRANSLATE_NOOP("core", "the header is not a JSON object"),
    QT_TRANSLATE_NOOP("core", "the payload is not a JSON object"),
)
