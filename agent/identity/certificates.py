"""The certificate chain a clip's Content Credentials are signed with.

C2PA signs with an X.509 certificate, never a bare key, and wants a chain: an end-entity
certificate for the signing key (digitalSignature, emailProtection, not a CA) issued by a CA.
When the export answers a request from an agency the owner registered with, that is the
certificate the agency's registration CA issued for the owner key (protocol.md,
"Registration"), with the CA after it. Otherwise the owner's own key makes both: a CA
certificate it signs itself, naming the owner id and saying it is self-issued, and an
end-entity certificate for the same key. Validators then show the clip as signed but
untrusted: nobody vouches for the key but the key itself.
"""
from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from agent.identity.keys import OwnerKey

SELF_ISSUED = "self-issued"
AGENCY = "agency"
# Ten years for both self-issued certificates: with no time-stamp authority a C2PA validator
# checks the certificate against today, so a clip's credentials read as expired once it lapses
# (an agency's certificate lapses after two years, protocol.md).
SELF_ISSUED_DAYS = 3650


@dataclass(frozen=True)
class SigningChain:
    """PEM certificates, the signing key's first, then its issuer's; whose they are."""

    pem: str
    kind: str                 # AGENCY or SELF_ISSUED
    agency: str | None = None  # the agency id whose CA issued it
    issuer: str = ""          # the issuing CA's name (RFC 4514)
    note: str = ""            # why a self-issued chain was used, when an agency's was wanted

    @property
    def by_agency(self) -> bool:
        """Whether an agency's registration CA issued the signing certificate."""
        return self.kind == AGENCY

    def summary(self) -> str:
        """What the export summary says about the clip's Content Credentials (command line
        and app alike)."""
        if self.by_agency:
            return (f"Content Credentials: signed with your certificate from {self.agency}; "
                    "validators that trust that agency's registration CA show the clip as "
                    "trusted")
        line = ("Content Credentials: self-issued; validators will show this as untrusted: it "
                "is signed by your own key, not by an agency")
        return f"{line} ({self.note})" if self.note else line


def _serial() -> int:
    return secrets.randbits(127) | 1   # positive, at most 20 octets, never 0 (RFC 5280)


def self_issued_chain(key: OwnerKey, now: datetime.datetime | None = None,
                      note: str = "") -> SigningChain:
    """A two-level chain made by the owner's key alone (see the module's docstring)."""
    now = now or datetime.datetime.now(datetime.timezone.utc)
    public = Ed25519PublicKey.from_public_bytes(key.public.raw)
    owner_id = key.public.owner_id()
    ca_name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, f"{owner_id} {SELF_ISSUED}"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME,
                           "footage-agent owner (self-issued: no agency vouches for this key)")])
    start = now - datetime.timedelta(minutes=5)
    ca = key.certify(
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
        .public_key(public).serial_number(_serial()).not_valid_before(start)
        .not_valid_after(now + datetime.timedelta(days=SELF_ISSUED_DAYS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                     key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, key_cert_sign=True, crl_sign=True,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False))
    # The end entity has the same key as its CA, yet is not self-signed in C2PA's sense: its
    # issuer is another name, and C2PA refuses a bare self-signed signing certificate.
    leaf = key.certify(
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, owner_id)]))
        .issuer_name(ca_name).public_key(public).serial_number(_serial())
        .not_valid_before(start).not_valid_after(now + datetime.timedelta(days=SELF_ISSUED_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                     key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, key_cert_sign=False, crl_sign=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                       critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public),
                       critical=False))
    pem = (leaf.public_bytes(Encoding.PEM) + ca.public_bytes(Encoding.PEM)).decode("ascii")
    return SigningChain(pem, SELF_ISSUED, None, ca_name.rfc4514_string(), note)


def agency_chain(certificate: str, registration_ca: str, agency: str) -> SigningChain:
    """The registration certificate (already checked) with the agency's CA after it."""
    ca = x509.load_pem_x509_certificate(registration_ca.encode("ascii"))
    return SigningChain(certificate.strip() + "\n" + registration_ca.strip() + "\n", AGENCY,
                        agency, ca.subject.rfc4514_string())

