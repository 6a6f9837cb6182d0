"""The core's words for why a portal's receipt is not taken (frp/decision.py verify_receipt):
the {reason} inside "its receipt cannot be trusted ({reason})" and "... signed with the
agency's own key, does not fit ({reason})" (core_sending_words). The owner tells the agency
that reason, so it is said in the owner's language too, its values (an issuer, a request id,
a SHA-256) kept as the receipt had them. Word for word as the core writes them; Qt-free data
listed among core_templates' TEMPLATES, marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # claims the agency's own key signed that do not fit this package
    QT_TRANSLATE_NOOP("core", "the receipt was issued by {issuer}, not {expected}"),
    QT_TRANSLATE_NOOP("core", "the receipt is for request {request}, not {expected}"),
    QT_TRANSLATE_NOOP("core", "the receipt does not state the SHA-256 of what the portal "
                              "received"),
    QT_TRANSLATE_NOOP("core", "the portal received different bytes (SHA-256 {sha256}) from the "
                              "package sent ({expected}); upload it again"),
    QT_TRANSLATE_NOOP("core", "the receipt does not state the size the portal received"),
    QT_TRANSLATE_NOOP("core", "the receipt does not say when the portal received the package"),
    # a signature that proves nothing (the other words of frp/jws.py: core_token_words)
    QT_TRANSLATE_NOOP("core", "its type is {kind}, not {expected}"),
    QT_TRANSLATE_NOOP("core", "it is not signed with one of {agency}'s keys"),
)
