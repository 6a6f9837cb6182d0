"""The registration token (`frp-registration+jwt`) and the key proof (`frp-key-proof+jwt`) of
protocol.md, "Registration": built and signed by the agent, read and checked by the portal.

Reading checks everything the token itself can prove (its own key signed it, kid = iss =
thumbprint, the audience, the time, the shapes and limits of what it says). Whether the invite
is unused, the jti new and the key the pinned one, only the portal can tell.
"""
from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass

from frp.jws import Signer
from frp.owner_token import OwnerTokenError, read_owner_token, sign_owner_token
from frp.registration import (
    Camera,
    Contact,
    RegistrationError,
    read_cameras,
    read_contact,
    read_invite,
)

REGISTRATION_TYP = "frp-registration+jwt"
KEY_PROOF_TYP = "frp-key-proof+jwt"
ACTIONS = ("register", "update", "rotate", "unregister")
IAT_TOLERANCE_S = 300
_JTI = re.compile(r"[A-Za-z0-9._-]{16,128}")
_REGISTRATION_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


@dataclass(frozen=True)
class RegistrationToken:
    """A registration token whose signature, time and contents checked out."""

    owner_id: str
    jwk: dict
    action: str
    jti: str
    iat: int
    invite: str | None                  # register
    registration: str | None            # update, rotate, unregister
    contact: Contact | None             # register, update
    cameras: tuple[Camera, ...] | None  # register, update
    new_key_proof: str | None           # rotate
    token: str


def _iat(claims: dict, now: float, what: str) -> int:
    iat = claims.get("iat")
    if type(iat) is not int:
        raise RegistrationError("malformed", f"{what}'s iat must be whole seconds since 1970")
    if abs(now - iat) > IAT_TOLERANCE_S:
        raise RegistrationError("stale", f"{what} was made at {iat}, more than "
                                         f"{IAT_TOLERANCE_S // 60} minutes from this clock "
                                         f"({int(now)}); check the computer's clock")
    return iat


def _registration_id(value: object) -> str:
    if not isinstance(value, str) or not _REGISTRATION_ID.fullmatch(value):
        raise RegistrationError("malformed", "registration must be a registration id")
    return value


def _claims(action: str, agency_id: str, invite, registration, contact, cameras,
            new_key_proof, now: float) -> dict:
    if action not in ACTIONS:
        raise RegistrationError("malformed", f"action must be one of {', '.join(ACTIONS)}")
    claims: dict = {"aud": agency_id, "action": action, "jti": secrets.token_urlsafe(24),
                    "iat": int(now)}
    if action == "register":
        claims["invite"] = read_invite(invite)
    else:
        claims["registration"] = _registration_id(registration)
    if action in ("register", "update"):
        if not isinstance(contact, Contact):
            raise RegistrationError("bad_contact", "a registration needs the owner's contact")
        claims["contact"] = contact.claim()
        claims["cameras"] = [c.claim() for c in cameras or ()]
        read_contact(claims["contact"])   # the agent never signs what the portal must refuse
        read_cameras(claims["cameras"])
    if action == "rotate":
        if not isinstance(new_key_proof, str) or not new_key_proof:
            raise RegistrationError("malformed", "a rotation needs the new key's proof")
        claims["new_key_proof"] = new_key_proof
    return claims


def make_registration_token(sign: Signer, jwk: dict, agency_id: str, action: str, *,
                            invite: str | None = None, registration: str | None = None,
                            contact: Contact | None = None,
                            cameras: tuple[Camera, ...] | list[Camera] | None = None,
                            new_key_proof: str | None = None, now: float | None = None) -> str:
    """A signed registration token for `action`; RegistrationError when what it would say is
    not acceptable (the portal would refuse it)."""
    now = time.time() if now is None else now
    claims = _claims(action, agency_id, invite, registration, contact, cameras, new_key_proof,
                     now)
    try:
        return sign_owner_token(REGISTRATION_TYP, claims, sign, jwk)
    except OwnerTokenError as exc:
        detail = exc.detail + (": say less about the cameras (shorter addresses and "
                               "descriptions)" if exc.code == "too_large" else "")
        raise RegistrationError(exc.code, detail) from None


def read_registration_token(token: str | bytes, agency_id: str,
                            now: float | None = None) -> RegistrationToken:
    """Check a registration token addressed to `agency_id`; RegistrationError names the
    first thing that is wrong (its `code` is the FRP/1 error code)."""
    now = time.time() if now is None else now
    try:
        owner = read_owner_token(token, REGISTRATION_TYP)
    except OwnerTokenError as exc:
        raise RegistrationError(exc.code, exc.detail) from None
    claims = owner.claims
    if claims.get("aud") != agency_id:
        raise RegistrationError("wrong_audience", f"the token is addressed to "
                                                  f"{str(claims.get('aud'))[:100]!r}, not this "
                                                  f"agency ({agency_id})")
    action = claims.get("action")
    if action not in ACTIONS:
        raise RegistrationError("malformed", f"action must be one of {', '.join(ACTIONS)}")
    jti = claims.get("jti")
    if not isinstance(jti, str) or not _JTI.fullmatch(jti):
        raise RegistrationError("malformed", "jti must be 16-128 characters of A-Z a-z 0-9 . _ -")
    iat = _iat(claims, now, "the token")
    invite = read_invite(claims.get("invite")) if action == "register" else None
    registration = None if action == "register" else _registration_id(claims.get("registration"))
    contact = cameras = proof = None
    if action in ("register", "update"):
        contact = read_contact(claims.get("contact"))
        cameras = read_cameras(claims.get("cameras"))
    if action == "rotate":
        proof = claims.get("new_key_proof")
        if not isinstance(proof, str) or not proof:
            raise RegistrationError("malformed", "a rotation must carry new_key_proof")
    return RegistrationToken(owner.owner_id, owner.jwk, action, jti, iat, invite, registration,
                             contact, cameras, proof, owner.token)


def make_key_proof(sign: Signer, jwk: dict, registration: str, old_owner_id: str,
                   now: float | None = None) -> str:
    """The new key's proof for a rotation: signed by the new key, naming the registration and
    the old owner id."""
    claims = {"registration": _registration_id(registration), "old": old_owner_id,
              "iat": int(time.time() if now is None else now)}
    try:
        return sign_owner_token(KEY_PROOF_TYP, claims, sign, jwk)
    except OwnerTokenError as exc:
        raise RegistrationError(exc.code, exc.detail) from None


def read_key_proof(proof: str, registration: str, old_owner_id: str,
                   now: float | None = None) -> tuple[str, dict]:
    """(new owner id, new public JWK) of a key proof made for this registration and old key;
    RegistrationError('bad_key_proof') otherwise."""
    now = time.time() if now is None else now
    try:
        owner = read_owner_token(proof, KEY_PROOF_TYP)
    except OwnerTokenError as exc:
        raise RegistrationError("bad_key_proof", f"the new key's proof: {exc.detail}") from None
    claims = owner.claims
    if claims.get("registration") != registration or claims.get("old") != old_owner_id:
        raise RegistrationError("bad_key_proof", "the new key's proof is for another "
                                                 "registration or another old key")
    _iat(claims, now, "the new key's proof")
    if owner.owner_id == old_owner_id:
        raise RegistrationError("bad_key_proof", "the new key is the old key")
    return owner.owner_id, owner.jwk
