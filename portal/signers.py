"""What only an agency signs: request tokens and receipts (protocol.md), with its own key.

The owner's agent verifies these (frp.request, frp.decision) and never signs them; the demo and
the tests sign through here as the reference portal does.
"""
from __future__ import annotations

from frp.decision import RECEIPT_TYP
from frp.jws import Signer, sign_compact
from frp.request import REQUEST_TYP


def sign_request(claims: dict, private_key: Signer, kid: str, alg: str = "EdDSA") -> str:
    """Sign request claims as the agency whose key `kid` names."""
    return sign_compact({"alg": alg, "typ": REQUEST_TYP, "kid": kid}, claims, private_key)


def sign_receipt(claims: dict, private_key: Signer, kid: str, alg: str = "EdDSA") -> str:
    """Sign a receipt's claims as the agency whose key `kid` names."""
    return sign_compact({"alg": alg, "typ": RECEIPT_TYP, "kid": kid}, claims, private_key)
