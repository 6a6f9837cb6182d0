"""The core's words for an agency portal's answer the app cannot use (a redirect, something
not JSON or not of FRP/1's shape, an accepted package without a receipt, an answer cut off:
agent/requests/portal_answers.py, portal_client.py; a receipt for other bytes:
package_delivery.py), word for word as the core writes them: what the inbox's "Check for
requests now", a registration and a delivery show. Qt-free data listed among
core_templates' TEMPLATES; marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "{agency}'s portal tried to redirect to {url}; redirects are "
                              "never followed"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal sent an answer that is not JSON"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal sent JSON of an unexpected shape"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal sent a list of requests in an unexpected form "
                              "(\"requests\" must be a list of tokens)"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal sent a position marker (cursor) in an "
                              "unexpected form"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal accepted the package but sent no receipt"),
    # an answer cut off part way (portal_answers.read_capped): the head before httpx's words
    QT_TRANSLATE_NOOP("core", "{agency}'s portal stopped answering part way"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal answer broke off"),
    # a genuine receipt for other bytes than the package's (agent/requests/package_delivery.py):
    # the {reason} of core_app_words' UPLOAD_FORGOTTEN
    QT_TRANSLATE_NOOP("core", "{agency}'s portal says it received {received} bytes of the "
                              "{sent}-byte package for {camera}, so it is not delivered."),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal says it received other bytes for {camera} "
                              "(SHA-256 {digest}, {received} bytes) than the package sent "
                              "(SHA-256 {sent_digest}, {sent} bytes), so it is not delivered."),
    # a call to a portal the owner stopped (portal_client.py, portal_retries.py)
    QT_TRANSLATE_NOOP("core", "the call to {agency}'s portal was cancelled"),
    QT_TRANSLATE_NOOP("core", "The delivery was cancelled while waiting for the portal; it "
                              "resumes from here next time."),
    # more than a portal may send (portal_answers.py read_capped, polling.py poll)
    QT_TRANSLATE_NOOP("core", "{agency}'s portal sent an answer larger than {count} KiB; it was "
                              "not read"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal sent {count} requests in one answer; at most "
                              "{limit} are taken at a time (a portal sends the rest after the "
                              "cursor)"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal answered without a usable '{name}'"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal address cannot be used"),
    QT_TRANSLATE_NOOP("core", "{origin} is not {agency}'s portal ({portal}); requests are only "
                              "fetched from a portal in your trust store"),
    # a decision a check for requests could not send (polling.py _send_decision)
    QT_TRANSLATE_NOOP("core", "the decision on '{jti}' cannot be sent yet: no agency or portal "
                              "token for it in your trust store"),
    QT_TRANSLATE_NOOP("core", "the decision on '{jti}' was not sent"),
)
