"""Ed25519 keys no private key makes, in an agency file (trust hunt 9). OpenSSL loads any 32
bytes as an Ed25519 public key and verifies against it as they are, so an agency file could
list one of the eight points of small order (RFC 8032; the list libsodium refuses), and
anyone could then sign every request as that agency (R = the neutral point, S = 0 verifies for
any message); or the police's own key with a small-order point added, another thumbprint the
police's key signs for one time in eight, past the check that no two trusted agencies list
one key. Each was imported ("added"); each is refused now with what it is, and one an older
version kept is listed as damaged, never trusted."""
from __future__ import annotations

import hashlib
import json
import os
import time
from datetime import datetime, timezone

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from agent.cli import main
from agent.requests.agencies import TrustStore
from agent.requests.registrations import Registration
from frp import ed25519_points, jws
from frp.jws_encoding import b64url_encode
from frp.jws import JWSError, jwk_thumbprint, public_jwk
from portal.signers import sign_request
from tests.test_agencies import agency_doc, own_keys, write

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
SHERIFF = "https://sheriff.example.gov"

# The eight points of small order as 32 bytes (libsodium's blocklist, canonical entries):
# the neutral point (order 1), order 2, the two of order 4 and the four of order 8.
SMALL_ORDER = {
    "neutral": "0100000000000000000000000000000000000000000000000000000000000000",
    "order 2": "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "order 4": "0000000000000000000000000000000000000000000000000000000000000000",
    "order 4, x negated": "0000000000000000000000000000000000000000000000000000000000000080",
    "order 8": "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "order 8, x negated": "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    "order 8 (2)": "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "order 8 (2), x negated": "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
}
# Second spellings RFC 8032 section 5.1.3 refuses: y = p (0), y = p + 1 (the neutral point
# again), the neutral point with the sign of its x = 0 set; and bytes that are no point.
SECOND_SPELLINGS = {
    "y = p": "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "y = p + 1": "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "sign of x = 0 set": "0100000000000000000000000000000000000000000000000000000000000080",
}
NOT_ON_CURVE = "0200000000000000000000000000000000000000000000000000000000000000"


def _jwk(hex_bytes: str) -> dict:
    return {"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(bytes.fromhex(hex_bytes))}


def _run(capsys, home, *args) -> tuple[int, str, str]:
    code = main(["--home", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _claims(iss: str, aud: str, jti: str) -> dict:
    now = int(time.time())
    start = datetime.fromtimestamp(now - 3600, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    end = datetime.fromtimestamp(now - 3000, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    host = iss.split("://", 1)[1]
    return {"iss": iss, "aud": aud, "jti": jti, "iat": now - 10, "exp": now + 3600,
            "case": {"number": "2026-0042"}, "window": {"start": start, "end": end},
            "requester": {"name": "Det. Jane Roe", "phone": "+1-555-000-0000"},
            "legal_basis": "voluntary",
            "upload": {"protocol": "tus", "endpoint": f"https://upload.{host}/f"}}


def _forged_with_the_neutral_key(tmp_path, claims: dict) -> os.PathLike:
    """A request nobody's private key signed: R the neutral point, S = 0."""
    neutral = _jwk(SMALL_ORDER["neutral"])
    token = sign_request(claims, lambda data: bytes.fromhex(SMALL_ORDER["neutral"]) + bytes(32),
                         jwk_thumbprint(neutral))
    path = tmp_path / "forged.jwt"
    path.write_text(token)
    return path


# The curve's arithmetic, written here from RFC 8032 apart from frp's, to make the keys an
# attacker would.
D = -121665 * pow(121666, P - 2, P) % P


def _add(a, b):
    (x1, y1), (x2, y2) = a, b
    t = D * x1 * x2 * y1 * y2 % P
    return ((x1 * y2 + x2 * y1) * pow(1 + t, P - 2, P) % P,
            (y1 * y2 + x1 * x2) * pow(1 - t, P - 2, P) % P)


def _times(n, point):
    out = (0, 1)
    while n:
        if n & 1:
            out = _add(out, point)
        point, n = _add(point, point), n >> 1
    return out


def _encode(point) -> bytes:
    x, y = point
    return (y | (x & 1) << 255).to_bytes(32, "little")


def _decode(raw: bytes):
    y = int.from_bytes(raw, "little") & ((1 << 255) - 1)
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * pow(2, (P - 1) // 4, P) % P
    return (P - x if x & 1 != raw[31] >> 7 else x), y


BASE = _decode((4 * pow(5, P - 2, P) % P).to_bytes(32, "little"))   # y = 4/5, x even


def _mixed_signer(private: Ed25519PrivateKey):
    """(the key with a point of order 8 added, a sign function for it): the private key's
    holder signs for it, trying nonces until the signature's hash is a multiple of 8, where
    the added point vanishes (about eight tries)."""
    seed = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    a = int.from_bytes(hashlib.sha512(seed).digest()[:32], "little")
    a = a & ((1 << 254) - 8) | 1 << 254
    own = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert _encode(_times(a, BASE)) == own
    mixed = _encode(_add(_decode(own), _decode(bytes.fromhex(SMALL_ORDER["order 8"]))))

    def sign(data: bytes) -> bytes:
        while True:
            r = int.from_bytes(os.urandom(64), "little") % L
            big_r = _encode(_times(r, BASE))
            k = int.from_bytes(hashlib.sha512(big_r + mixed + data).digest(), "little") % L
            if k % 8 == 0:
                return big_r + ((r + k * a) % L).to_bytes(32, "little")
    return mixed, sign


@pytest.mark.parametrize("name", sorted({**SMALL_ORDER, **SECOND_SPELLINGS, "no point": 0}))
def test_a_key_no_private_key_makes_is_refused_on_the_command_line(tmp_path, home, capsys,
                                                                    name):
    hex_bytes = {**SMALL_ORDER, **SECOND_SPELLINGS, "no point": NOT_ON_CURVE}[name]
    keys = {"keys": own_keys()["keys"] + [_jwk(hex_bytes)]}
    code, out, err = _run(capsys, home, "agencies", "add", str(write(tmp_path,
                                                                     agency_doc(keys=keys))))
    assert code == 3 and out == "", (name, code, out, err)
    assert "key 2 in the agency file: the Ed25519 key's 'x' cannot be used: " in err, err
    said = {"small": "one of the eight points of small order, with which anyone can sign",
            "spelling": "second spelling", "no point": "not a point on the curve"}
    kind = ("small" if name in SMALL_ORDER else "no point" if name == "no point"
            else "spelling")
    assert said[kind] in err, (name, err)
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert TrustStore(home).list() == []


def test_every_small_order_point_is_the_list_and_real_keys_pass():
    """The list above is every point whose eighth multiple is the neutral point (each of
    [0..7]T for a point T of order 8, and their x negated), and keys made by private keys,
    the reference portal's own, pass."""
    t8 = _decode(bytes.fromhex(SMALL_ORDER["order 8"]))
    found = {_encode(_times(k, t8)) for k in range(8)} | {
        _encode(((P - x) % P, y)) for x, y in (_times(k, t8) for k in range(8)) if x}
    assert found == {bytes.fromhex(h) for h in SMALL_ORDER.values()}
    for _ in range(20):
        jws.public_key_from_jwk(public_jwk(Ed25519PrivateKey.generate()))


def test_a_request_signed_by_nobody_verifies_against_no_agency(tmp_path, home, capsys,
                                                              monkeypatch):
    """An older version kept an agency file listing the neutral key: a request no private
    key signed (R the neutral point, S = 0) was taken into the inbox as the agency's. The
    file is listed as damaged now, saying why, and the request is refused."""
    doc = agency_doc(keys={"keys": [_jwk(SMALL_ORDER["neutral"])]})
    with monkeypatch.context() as m:   # the version before: any 32 bytes were a key
        m.setattr(jws, "check_key", lambda raw: None, raising=False)
        TrustStore(home).add(write(tmp_path, doc))
        TrustStore(home).keep_registration(Registration("https://police.example.gov", "reg-p",
                                                        "s3cret-portal-token-value"))
    forged = _forged_with_the_neutral_key(
        tmp_path, _claims("https://police.example.gov", "reg-p", "req-forged"))
    code, out, err = _run(capsys, home, "import-request", str(forged))
    assert code == 3 and "not in your trust store" in err, (code, out, err)
    code, out, _err = _run(capsys, home, "inbox", "--json")
    assert code == 0 and json.loads(out) == []
    code, out, err = _run(capsys, home, "agencies", "list")
    assert code == 0 and "DAMAGED" in out and "points of small order" in out, out


def test_the_police_key_with_a_small_order_part_is_no_key_of_the_sheriffs(tmp_path, home,
                                                                           capsys, monkeypatch):
    """The sheriff's file lists the police's key with a point of order 8 added: another
    thumbprint, so the shared-key check let it in, and the police key's holder signed a
    request the inbox showed as the sheriff's. It is refused now; kept by an older version,
    the sheriff is damaged and the request refused."""
    police = Ed25519PrivateKey.generate()
    assert _run(capsys, home, "agencies", "add", str(write(
        tmp_path, agency_doc(keys={"keys": [public_jwk(police)]}))))[0] == 0
    mixed, sign = _mixed_signer(police)
    mixed_jwk = {"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(mixed)}
    sheriff = write(tmp_path, agency_doc(id=SHERIFF, name="Example County Sheriff",
                                         phone="+1-206-555-0111",
                                         upload_origins=["https://upload.sheriff.example.gov"],
                                         keys={"keys": [mixed_jwk]}), "sheriff.json")
    code, out, err = _run(capsys, home, "agencies", "add", str(sheriff))
    assert code == 3 and "carries a part of small order" in err, (code, out, err)
    with monkeypatch.context() as m:   # the version before
        m.setattr(jws, "check_key", lambda raw: None, raising=False)
        assert _run(capsys, home, "agencies", "add", str(sheriff))[0] == 0
        TrustStore(home).keep_registration(Registration(SHERIFF, "reg-s", "s3cret-token"))
    token = sign_request(_claims(SHERIFF, "reg-s", "req-borrowed"), sign,
                         jwk_thumbprint(mixed_jwk))
    with pytest.raises(JWSError, match="small order"):
        jws.verify_signature(jws.parse_compact(token), mixed_jwk)
    path = tmp_path / "borrowed.jwt"
    path.write_text(token)
    code, out, err = _run(capsys, home, "import-request", str(path))
    assert code == 3 and "not in your trust store" in err, (code, out, err)
    assert [a.id for a in TrustStore(home).list()] == ["https://police.example.gov"]


def test_the_check_is_kept_per_key_not_made_again_on_every_read():
    key = public_jwk(Ed25519PrivateKey.generate())
    ed25519_points.check_key.cache_clear()
    for _ in range(5):
        jws.public_key_from_jwk(key)
    info = ed25519_points.check_key.cache_info()
    assert (info.misses, info.hits) == (1, 4)


def test_a_registration_ca_of_small_order_is_refused(tmp_path, home, capsys):
    """The agency file's registration CA, which certifies owner keys (and so whose clips carry
    the agency's certificate), read its key as OpenSSL loads it: a CA of the neutral point
    would have let anyone issue an owner certificate 'from the agency'."""
    from datetime import datetime, timedelta, timezone

    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.x509.oid import NameOID

    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Example PD registration CA")])
    now = datetime.now(timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(Ed25519PublicKey.from_public_bytes(bytes.fromhex(SMALL_ORDER["neutral"])))
            .serial_number(1).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .sign(Ed25519PrivateKey.generate(), None))
    pem = cert.public_bytes(Encoding.PEM).decode("ascii")
    path = write(tmp_path, agency_doc(keys=own_keys(), registration_ca=pem))
    code, out, err = _run(capsys, home, "agencies", "add", str(path))
    assert code == 3 and out == "", (code, out, err)
    assert ("the agency file's 'registration_ca': the registration CA's Ed25519 key cannot be "
            "used: it is one of the eight points of small order") in err, err
    assert TrustStore(home).list() == []
