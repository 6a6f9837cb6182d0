"""Owner certificates (protocol.md, "Registration", step 3): the profile the registration CA
issues, every reason the agent refuses one, the agency file's registration_ca, and a second
implementation (the openssl command) agreeing that the chain holds."""
from __future__ import annotations

import datetime
import json
import shutil
import subprocess
import time

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from frp.agency import AgencyError, parse_agency
from frp.certificates import (
    CertificateError,
    check_owner_certificate,
    owner_id_of,
    read_ca,
)
from portal.ca import create_ca, issue_owner_certificate, load_ca
from portal.state import Portal

DAY = datetime.timedelta(days=1)


@pytest.fixture(scope="module")
def ca(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ca")
    create_ca(folder, "Example Police Department")
    return load_ca(folder)


@pytest.fixture(scope="module")
def owner():
    return Ed25519PrivateKey.generate()


def raw(key) -> bytes:
    return key.public_key().public_bytes_raw()


def test_the_issued_certificate_has_the_frp_profile(ca, owner):
    pem = issue_owner_certificate(ca, raw(owner))
    facts = check_owner_certificate(pem, ca.pem, raw(owner), time.time())
    cert = x509.load_pem_x509_certificate(pem.encode())
    (cn,) = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    assert facts.owner_id == owner_id_of(owner.public_key()) == cn.value
    assert facts.key == raw(owner) and facts.issuer == ca.cert.subject.rfc4514_string()
    assert cert.version == x509.Version.v3
    life = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert life == datetime.timedelta(days=730)
    ext = cert.extensions
    basic = ext.get_extension_for_class(x509.BasicConstraints)
    usage = ext.get_extension_for_class(x509.KeyUsage)
    assert basic.critical and not basic.value.ca
    assert usage.critical and usage.value.digital_signature and not usage.value.key_cert_sign
    assert ExtendedKeyUsageOID.EMAIL_PROTECTION in ext.get_extension_for_class(
        x509.ExtendedKeyUsage).value
    aki = ext.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    assert aki.key_identifier == ca.cert.extensions.get_extension_for_class(
        x509.SubjectKeyIdentifier).value.digest
    read_ca(ca.pem)   # the CA itself is a CA


def build(ca, key, *, ca_flag=False, usage=True, eku=True, cn=None, days=730, start=None):
    """A certificate like the CA's but changed in one way."""
    start = start or datetime.datetime.now(datetime.timezone.utc)
    b = (x509.CertificateBuilder()
         .subject_name(x509.Name([x509.NameAttribute(
             NameOID.COMMON_NAME, cn or owner_id_of(key.public_key()))]))
         .issuer_name(ca.cert.subject).public_key(key.public_key()).serial_number(7)
         .not_valid_before(start).not_valid_after(start + days * DAY)
         .add_extension(x509.BasicConstraints(ca=ca_flag, path_length=None), critical=True)
         .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
         .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
             ca.key.public_key()), False))
    if usage:
        b = b.add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False,
                                          False), critical=True)
    if eku:
        b = b.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), False)
    return b.sign(ca.key, None).public_bytes(Encoding.PEM).decode()


def test_every_reason_to_refuse_a_certificate(ca, owner, tmp_path):
    create_ca(tmp_path, "Example Police Department")
    impostor = load_ca(tmp_path)   # same name, other key
    other = Ed25519PrivateKey.generate()
    now = time.time()
    cases = [
        (issue_owner_certificate(ca, raw(other)), "for another key"),
        (issue_owner_certificate(impostor, raw(owner)), "not signed by the agency's"),
        (build(ca, owner, ca_flag=True), "end-entity"),
        (build(ca, owner, usage=False), "digitalSignature"),
        (build(ca, owner, eku=False), "emailProtection"),
        (build(ca, owner, cn="someone else"), "not the owner id"),
        (build(ca, owner, start=datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc),
               days=30), "not valid now"),
        ("garbage", "exactly one PEM"),
        (issue_owner_certificate(ca, raw(owner)) * 2, "exactly one PEM"),
        ("x" * 20000, "longer than 16 KiB"),
        (None, "PEM certificate"),
    ]
    for pem, text in cases:
        with pytest.raises(CertificateError, match=text):
            check_owner_certificate(pem, ca.pem, raw(owner), now)
    good = issue_owner_certificate(ca, raw(owner))
    with pytest.raises(CertificateError, match="not valid now"):
        check_owner_certificate(good, ca.pem, raw(owner), now + 731 * 86400)
    with pytest.raises(CertificateError, match="not marked as a CA"):
        check_owner_certificate(good, good, raw(owner), now)


def test_the_agency_file_carries_a_ca_or_none(tmp_path, ca, owner):
    doc = Portal.init(tmp_path / "p", "Example PD", "https://police.example.gov",
                      "+1-206-555-0100").trust_document("https://portal.example.gov")
    assert parse_agency(doc).registration_ca == doc["registration_ca"]
    assert parse_agency({k: v for k, v in doc.items() if k != "registration_ca"}
                        ).registration_ca is None
    leaf = issue_owner_certificate(ca, raw(owner))
    for bad, text in [(leaf, "not marked as a CA"), ("-----BEGIN CERTIFICATE-----\nAAAA\n"
                                                      "-----END CERTIFICATE-----", "readable"),
                      (42, "PEM"), ("x" * (17 * 1024), "16 KiB")]:
        with pytest.raises(AgencyError, match=text):
            parse_agency({**doc, "registration_ca": bad})
    assert json.loads(json.dumps(doc))["registration_ca"].startswith("-----BEGIN CERTIFICATE")


def test_openssl_agrees_the_chain_holds_for_signing(ca, owner, tmp_path):
    """A second X.509 implementation: OpenSSL's own verifier, with the S/MIME signing purpose
    (it checks keyUsage digitalSignature and extendedKeyUsage emailProtection)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    (tmp_path / "ca.pem").write_text(ca.pem)
    (tmp_path / "owner.pem").write_text(issue_owner_certificate(ca, raw(owner)))
    (tmp_path / "other.pem").write_text(issue_owner_certificate(
        load_ca(_other_ca(tmp_path)), raw(owner)))
    ok = subprocess.run([openssl, "verify", "-CAfile", str(tmp_path / "ca.pem"), "-purpose",
                         "smimesign", str(tmp_path / "owner.pem")], capture_output=True,
                        text=True, timeout=30)
    assert ok.returncode == 0 and "OK" in ok.stdout, ok.stdout + ok.stderr
    bad = subprocess.run([openssl, "verify", "-CAfile", str(tmp_path / "ca.pem"),
                          str(tmp_path / "other.pem")], capture_output=True, text=True,
                         timeout=30)
    assert bad.returncode != 0


def _other_ca(tmp_path):
    folder = tmp_path / "other-ca"
    folder.mkdir()
    create_ca(folder, "Example Police Department")
    return folder
