"""The core's words for a certificate that is not the one trusted or cannot be used, word for
word as the core writes them: a recorder showing another HTTPS certificate than the one the
owner trusted, or one not trusted yet (agent/recorders/transport.py, connect.py), and the
certificate an agency's portal sent for the owner key on registering (frp/certificates.py,
agent/requests/registering.py), which the Registrations page also shows; and why a clip's
Content Credentials were signed with a self-issued certificate instead (clip_signing.py).
Qt-free data listed among core_templates' TEMPLATES, marked for Qt's translation in the "core"
context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # a recorder's certificate (transport.py RecorderTransport, connect.py open_recorder)
    QT_TRANSLATE_NOOP("core", "The recorder at {where} showed a different HTTPS certificate "
                              "({now}...) from the one you trusted ({before}...), so nothing "
                              "was sent to it. If the recorder was reset, updated or replaced, "
                              "check its certificate on its own screen and trust it again; "
                              "otherwise another device may be answering at its address."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} has not been trusted yet: look at its "
                              "certificate first and trust it."),
    QT_TRANSLATE_NOOP("core", "Look at the recorder's certificate and trust it before "
                              "connecting."),
    # the owner's certificate a portal sent on registering (registering.py), then what is
    # wrong with it (frp/certificates.py), and what became of the registration
    QT_TRANSLATE_NOOP("core", "{agency}'s portal sent a certificate that cannot be used"),
    QT_TRANSLATE_NOOP("core", "it was withdrawn at the portal again; nothing was kept"),
    QT_TRANSLATE_NOOP("core", "withdrawing it at the portal failed too: ask {agency} to retire "
                              "registration {id}"),
    QT_TRANSLATE_NOOP("core", "the owner certificate must be a PEM certificate (text)"),
    QT_TRANSLATE_NOOP("core", "the owner certificate is longer than {count} KiB"),
    QT_TRANSLATE_NOOP("core", "the owner certificate must hold exactly one PEM certificate"),
    QT_TRANSLATE_NOOP("core", "the owner certificate is not a readable X.509 certificate"),
    QT_TRANSLATE_NOOP("core", "the registration CA must be a PEM certificate (text)"),
    QT_TRANSLATE_NOOP("core", "the registration CA is longer than {count} KiB"),
    QT_TRANSLATE_NOOP("core", "the registration CA must hold exactly one PEM certificate"),
    QT_TRANSLATE_NOOP("core", "the registration CA is not a readable X.509 certificate"),
    QT_TRANSLATE_NOOP("core", "the registration CA's key must be Ed25519 or P-256"),
    QT_TRANSLATE_NOOP("core", "the registration CA certificate is not marked as a CA"),
    QT_TRANSLATE_NOOP("core", "the certificate's extensions cannot be read"),
    QT_TRANSLATE_NOOP("core", "the certificate was not issued by the agency's registration CA "
                              "(its issuer is another name)"),
    QT_TRANSLATE_NOOP("core", "the certificate is not signed by the agency's registration CA"),
    QT_TRANSLATE_NOOP("core", "the certificate is for another key, not the owner's"),
    QT_TRANSLATE_NOOP("core", "the certificate's subject is not the owner id"),
    QT_TRANSLATE_NOOP("core", "the certificate is not valid now (check this computer's clock)"),
    QT_TRANSLATE_NOOP("core", "the certificate must be an end-entity certificate "
                              "(BasicConstraints CA=false, critical)"),
    QT_TRANSLATE_NOOP("core", "the certificate's key usage must be digitalSignature (critical)"),
    QT_TRANSLATE_NOOP("core", "the certificate is not for signing (no emailProtection usage)"),
    QT_TRANSLATE_NOOP("core", "the certificate lacks its key identifiers"),
    # why a clip's Content Credentials are self-issued (agent/requests/clip_signing.py)
    QT_TRANSLATE_NOOP("core", "{agency} has no registration CA in your trust store, so the clip "
                              "is signed with a self-issued certificate"),
    QT_TRANSLATE_NOOP("core", "you hold no certificate from {agency} for your current key, so the "
                              "clip is signed with a self-issued certificate instead"),
    QT_TRANSLATE_NOOP("core", "your certificate from {agency} cannot be used ({reason}), so the "
                              "clip is signed with a self-issued certificate instead"),
)
