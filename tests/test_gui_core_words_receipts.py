"""A receipt that does not fit, or cannot be trusted, said in the owner's language with its
reason: the reason is what the owner tells the agency, so it must not stay English inside a
Spanish sentence. Every receipt here is made and checked by the real code (portal.signers,
frp.decision.verify_receipt), its words built by package_delivery as in a delivery."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from agent.requests.desk_decisions import resumable  # noqa: E402
from agent.requests.package_delivery import _misfit, _untrusted  # noqa: E402
from frp import jws  # noqa: E402
from frp.agency import parse_agency  # noqa: E402
from frp.decision import ReceiptError, UntrustedReceipt, verify_receipt  # noqa: E402
from gui.views.core_words import in_owner_language  # noqa: E402
from portal.signers import sign_receipt  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401

AGENCY_ID = "https://pd.example.gov"
SHA = "a" * 64
KEY = Ed25519PrivateKey.generate()
AGENCY = parse_agency({"frp": 1, "id": AGENCY_ID, "name": "Springfield PD",
                       "phone": "+1-206-555-0100", "portal": "https://pd.example.gov/v1",
                       "upload_origins": ["https://pd.example.gov"],
                       "keys": {"keys": [jws.public_jwk(KEY)]}})
GOOD = {"iss": AGENCY_ID, "request": "req-1", "sha256": SHA, "size": 10,
        "received_at": 1_700_000_000}


def receipt_error(token: str) -> ReceiptError:
    with pytest.raises(ReceiptError) as caught:
        verify_receipt(token, AGENCY, SHA, "req-1")
    return caught.value


def signed(**changes) -> str:
    claims = {k: v for k, v in {**GOOD, **changes}.items() if v is not None}
    return sign_receipt(claims, KEY, AGENCY.keys[0]["kid"])


# What the agency's own key signed that does not fit this package, each by the claim at fault.
MISFITS = {
    "issuer": (dict(iss="https://other.example.gov"), "https://other.example.gov"),
    "request": (dict(request="other-request"), "other-request"),
    "no sha256": (dict(sha256=None), None),
    "other bytes, no size": (dict(sha256="b" * 64, size=None), "b" * 64),
    "no size": (dict(size=None), None),
    "no time": (dict(received_at=None), None),
}


@pytest.mark.parametrize("fault", list(MISFITS))
def test_the_reason_a_receipt_does_not_fit_reads_in_spanish(spanish, fault):  # noqa: F811
    changes, kept = MISFITS[fault]
    exc = receipt_error(signed(**changes))
    assert not isinstance(exc, UntrustedReceipt)
    said = in_owner_language(resumable(_misfit("Springfield PD", "porch", exc)))
    assert said.startswith("El portal de Springfield PD recibió el paquete de porch"), said
    for english in ("the receipt", "the portal received", "does not", "not req-1",
                    "upload it again"):
        assert english not in said, said
    if kept is not None:
        assert kept in said, said   # the value the owner tells the agency stays


UNTRUSTED = {
    "another key": lambda: sign_receipt(GOOD, Ed25519PrivateKey.generate(), "other-kid"),
    "not a token": lambda: "not-a-token",
    "another type": lambda: jws.sign_compact({"alg": "EdDSA", "typ": "JWT",
                                              "kid": AGENCY.keys[0]["kid"]}, GOOD, KEY),
}


@pytest.mark.parametrize("fault", list(UNTRUSTED))
def test_the_reason_a_receipt_cannot_be_trusted_reads_in_spanish(spanish, fault):  # noqa: F811
    exc = receipt_error(UNTRUSTED[fault]())
    assert isinstance(exc, UntrustedReceipt)
    said = in_owner_language(resumable(_untrusted("Springfield PD", "porch", exc)))
    assert said.startswith("El portal de Springfield PD recibió el paquete de porch"), said
    # once: the sentence says what pressing it again does, and nothing is added after it
    assert said.count("Intentar enviar de nuevo") == 1, said
    reason = said[said.index("(") + 1:said.index("), ")]
    for english in ("it is not signed", "its type is", "a compact JWS", " keys", " not "):
        assert english not in reason, reason
