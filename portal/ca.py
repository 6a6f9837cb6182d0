"""The agency's registration CA: it certifies each registered owner's key (protocol.md,
"Registration", step 3). Its certificate goes into the agency file as `registration_ca`; its
key (Ed25519, 0600) stays in the portal folder and signs nothing but owner certificates.
"""
from __future__ import annotations

import datetime
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from frp.certificates import OWNER_CERT_DAYS, owner_id_of
from frp.ed25519_points import PointError, check_key
from portal.errors import PortalError
from portal.files import write_atomic

CA_KEY_FILE = "registration-ca.key"
CA_CERT_FILE = "registration-ca.pem"
CA_YEARS = 20


@dataclass(frozen=True)
class RegistrationCA:
    """The CA's key and certificate (PEM as published in the agency file)."""

    key: Ed25519PrivateKey
    cert: x509.Certificate
    pem: str


def _serial() -> int:
    return secrets.randbits(127) | 1   # positive, at most 20 octets, never 0 (RFC 5280 4.1.2.2)


def create_ca(state_dir: Path, agency_name: str) -> None:
    """Make the CA's key (0600) and self-signed certificate in a new portal folder."""
    key = Ed25519PrivateKey.generate()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME,
                                         f"{agency_name[:40]} registration CA"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, agency_name[:64])])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(_serial())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=365 * CA_YEARS))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True, crl_sign=True,
                                         encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, None))
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    fd = os.open(state_dir / CA_KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    write_atomic(state_dir / CA_CERT_FILE, cert.public_bytes(serialization.Encoding.PEM), 0o644)


def load_ca(state_dir: Path) -> RegistrationCA:
    """The portal's registration CA; PortalError when it is missing or damaged."""
    try:
        key = serialization.load_pem_private_key((state_dir / CA_KEY_FILE).read_bytes(), None)
        pem = (state_dir / CA_CERT_FILE).read_text("ascii")
        cert = x509.load_pem_x509_certificate(pem.encode("ascii"))
    except OSError as exc:
        raise PortalError(f"Cannot read the registration CA in {state_dir}: {exc.strerror}. "
                          "A portal folder made by 'footage-portal init' has it.") from None
    except (ValueError, TypeError, UnicodeError):
        raise PortalError(f"The registration CA in {state_dir} is damaged.") from None
    if not isinstance(key, Ed25519PrivateKey) or \
            key.public_key().public_bytes_raw() != cert.public_key().public_bytes(
                serialization.Encoding.Raw, serialization.PublicFormat.Raw):
        raise PortalError(f"The registration CA key in {state_dir} does not match its "
                          "certificate.")
    return RegistrationCA(key, cert, pem)


def issue_owner_certificate(ca: RegistrationCA, owner_raw: bytes,
                            now: datetime.datetime | None = None) -> str:
    """An owner certificate (PEM) for the Ed25519 key `owner_raw`, in the FRP/1 profile;
    PortalError for a key no private key makes, which anyone could sign with as the owner."""
    try:   # the registration token's key is checked so already; the CA holds to it itself
        check_key(bytes(owner_raw))
    except PointError as exc:
        raise PortalError(f"The owner's Ed25519 key cannot be certified: {exc}.") from None
    owner = Ed25519PublicKey.from_public_bytes(owner_raw)
    now = now or datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, owner_id_of(owner))]))
            .issuer_name(ca.cert.subject).public_key(owner).serial_number(_serial())
            .not_valid_before(now)
            .not_valid_after(now + datetime.timedelta(days=OWNER_CERT_DAYS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                           critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(owner), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca.key.public_key()), critical=False)
            .sign(ca.key, None))
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
