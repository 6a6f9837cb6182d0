"""Owner certificates (protocol.md, "Registration", step 3): X.509 v3 certificates for an owner's
Ed25519 key, issued by the agency's registration CA, whose certificate the agency file carries
as `registration_ca`.

The agent checks a certificate here before it keeps a registration; a receiver of a clip signed
with it can check it the same way. Issuing is the agency's (portal/ca.py) and follows the
profile named here.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from frp.ed25519_points import PointError, check_key
from frp.jws import b64url_encode, jwk_thumbprint

MAX_CA_PEM_CHARS = 16 * 1024
MAX_CERT_PEM_CHARS = 16 * 1024
OWNER_CERT_DAYS = 730           # "valid from issue for 2 years"
_CLOCK_SKEW_S = 300             # a certificate issued a moment ago by a portal whose clock is ahead


class CertificateError(ValueError):
    """A certificate that cannot be used; the message says why in plain words."""


@dataclass(frozen=True)
class CertificateFacts:
    """What a checked owner certificate says, for the owner and whoever checks a clip."""

    pem: str
    owner_id: str           # the subject CN: the owner id of the certified key
    issuer: str             # the CA's name (RFC 4514)
    serial: str             # hex
    not_before_s: int
    not_after_s: int
    sha256: str             # fingerprint of the DER, hex
    key: bytes              # the certified public key (raw Ed25519; empty for another kind)


def _one_pem(pem: object, limit: int, what: str) -> x509.Certificate:
    if not isinstance(pem, str) or not pem.strip():
        raise CertificateError(f"{what} must be a PEM certificate (text)")
    if len(pem) > limit:
        raise CertificateError(f"{what} is longer than {limit // 1024} KiB")
    if pem.count("-----BEGIN CERTIFICATE-----") != 1:
        raise CertificateError(f"{what} must hold exactly one PEM certificate")
    try:
        return x509.load_pem_x509_certificate(pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError, UnsupportedAlgorithm):
        raise CertificateError(f"{what} is not a readable X.509 certificate") from None


def _extension(cert: x509.Certificate, kind):
    try:
        return cert.extensions.get_extension_for_class(kind)
    except x509.ExtensionNotFound:
        return None
    except ValueError:  # duplicate or unparsable extensions
        raise CertificateError("the certificate's extensions cannot be read") from None


def read_ca(pem: object) -> x509.Certificate:
    """The registration CA certificate of an agency file: one PEM certificate of at most 16 KiB
    for an Ed25519 or P-256 key, marked as a CA (BasicConstraints CA=true)."""
    cert = _one_pem(pem, MAX_CA_PEM_CHARS, "the registration CA")
    key = cert.public_key()
    if not isinstance(key, Ed25519PublicKey) and not (
            isinstance(key, ec.EllipticCurvePublicKey) and isinstance(key.curve, ec.SECP256R1)):
        raise CertificateError("the registration CA's key must be Ed25519 or P-256")
    if isinstance(key, Ed25519PublicKey):   # OpenSSL takes any 32 bytes, those anyone signs for
        try:
            check_key(key.public_bytes(Encoding.Raw, PublicFormat.Raw))
        except PointError as exc:
            raise CertificateError(f"the registration CA's Ed25519 key cannot be used: "
                                   f"{exc}") from None
    basic = _extension(cert, x509.BasicConstraints)
    if basic is None or not basic.value.ca:
        raise CertificateError("the registration CA certificate is not marked as a CA")
    return cert


def owner_id_of(key: Ed25519PublicKey) -> str:
    """The owner id (RFC 7638 thumbprint) of an Ed25519 public key."""
    raw = key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return jwk_thumbprint({"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(raw)})


def _seconds(when: datetime) -> int:
    return int(when.replace(tzinfo=when.tzinfo or timezone.utc).timestamp())


def _check_profile(cert: x509.Certificate) -> None:
    basic = _extension(cert, x509.BasicConstraints)
    if basic is None or not basic.critical or basic.value.ca:
        raise CertificateError("the certificate must be an end-entity certificate "
                               "(BasicConstraints CA=false, critical)")
    usage = _extension(cert, x509.KeyUsage)
    if usage is None or not usage.critical or not usage.value.digital_signature \
            or usage.value.key_cert_sign:
        raise CertificateError("the certificate's key usage must be digitalSignature (critical)")
    eku = _extension(cert, x509.ExtendedKeyUsage)
    if eku is None or ExtendedKeyUsageOID.EMAIL_PROTECTION not in eku.value:
        raise CertificateError("the certificate is not for signing (no emailProtection usage)")
    if _extension(cert, x509.SubjectKeyIdentifier) is None \
            or _extension(cert, x509.AuthorityKeyIdentifier) is None:
        raise CertificateError("the certificate lacks its key identifiers")


def check_owner_certificate(pem: object, ca_pem: object, owner_raw: bytes,
                            now: float) -> CertificateFacts:
    """Check that `pem` certifies the owner key `owner_raw` (32 bytes, Ed25519): signed by the
    registration CA `ca_pem`, subject CN = the owner id, valid at `now`, in the FRP/1 profile.
    CertificateError says what is wrong."""
    cert = _one_pem(pem, MAX_CERT_PEM_CHARS, "the owner certificate")
    ca = read_ca(ca_pem)
    if cert.issuer != ca.subject:
        raise CertificateError("the certificate was not issued by the agency's registration CA "
                               "(its issuer is another name)")
    try:
        cert.verify_directly_issued_by(ca)
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        raise CertificateError("the certificate is not signed by the agency's registration "
                               "CA") from None
    key = cert.public_key()
    if not isinstance(key, Ed25519PublicKey) \
            or key.public_bytes(Encoding.Raw, PublicFormat.Raw) != bytes(owner_raw):
        raise CertificateError("the certificate is for another key, not the owner's")
    owner_id = owner_id_of(key)
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    if [n.value for n in names] != [owner_id]:
        raise CertificateError("the certificate's subject is not the owner id")
    start, end = _seconds(cert.not_valid_before_utc), _seconds(cert.not_valid_after_utc)
    if now + _CLOCK_SKEW_S < start or now > end:
        raise CertificateError("the certificate is not valid now (check this computer's clock)")
    _check_profile(cert)
    return certificate_facts(pem)


def certificate_facts(pem: str) -> CertificateFacts:
    """What a certificate says (it is not checked here: check_owner_certificate does that)."""
    cert = _one_pem(pem, MAX_CERT_PEM_CHARS, "the owner certificate")
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    try:
        key = cert.public_key()
    except (ValueError, UnsupportedAlgorithm):
        key = None
    raw = key.public_bytes(Encoding.Raw, PublicFormat.Raw) \
        if isinstance(key, Ed25519PublicKey) else b""
    return CertificateFacts(pem, str(names[0].value) if names else "",
                            cert.issuer.rfc4514_string(), format(cert.serial_number, "x"),
                            _seconds(cert.not_valid_before_utc),
                            _seconds(cert.not_valid_after_utc),
                            hashlib.sha256(cert.public_bytes(Encoding.DER)).hexdigest(), raw)
