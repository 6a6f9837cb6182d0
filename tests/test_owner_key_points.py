"""Owner keys no private key makes (verify hunt 10). OpenSSL loads any 32 bytes as an Ed25519
public key and verifies against them as they are, so a package whose data/owner.pub held the
neutral point (or another of the eight points of small order) verified with the signature
R = the neutral point, S = 0, over any tag manifest: "signed by owner ..." for a key anyone can
sign with, where minisign's own tool (libsodium refuses such keys) fails it. frp/minisign.py holds a key to frp/ed25519_points.check_key as the trust hunt held
agency keys; the portal's registration CA never certifies such a key either."""
from __future__ import annotations

import base64
import datetime
import subprocess

import pytest

from frp import minisign
from frp.minisign import PublicKeyError, SignatureError, parse_minisign_public
from portal.ca import create_ca, issue_owner_certificate, load_ca
from portal.errors import PortalError
from tests.conftest import require_tool
from tests.test_agency_key_points import SMALL_ORDER
from tests.test_verify_credentials import made, package, verify  # noqa: F401

NEUTRAL = bytes.fromhex(SMALL_ORDER["neutral"])
ANYONES = NEUTRAL + bytes(32)   # R = the neutral point, S = 0: verifies for every message


def _key_text(raw: bytes, key_id: bytes = b"\x01" * 8) -> str:
    blob = base64.b64encode(b"Ed" + key_id + raw).decode("ascii")
    return f"untrusted comment: minisign public key\n{blob}\n"


def _signature_text(key_id: bytes = b"\x01" * 8) -> str:
    blob = base64.b64encode(b"ED" + key_id + ANYONES).decode("ascii")
    comment = base64.b64encode(ANYONES).decode("ascii")
    return (f"untrusted comment: signature\n{blob}\n"
            f"trusted comment: timestamp:1 package:x owner y\n{comment}\n")


@pytest.mark.parametrize("which", sorted(SMALL_ORDER))
def test_a_minisign_key_of_small_order_is_refused(which):
    with pytest.raises(PublicKeyError, match="one of the eight points of small order"):
        parse_minisign_public(_key_text(bytes.fromhex(SMALL_ORDER[which])))


def test_a_key_of_small_order_verifies_nothing_however_it_was_made():
    key = minisign.PublicKey(raw=NEUTRAL, key_id=b"\x01" * 8)   # as public_key_from_raw makes
    with pytest.raises(SignatureError, match="points of small order"):
        key.verify(ANYONES, b"any message at all")
    with pytest.raises(SignatureError):
        minisign.verify_minisign(key, _signature_text(), b"any tag manifest")


def test_a_package_whose_owner_key_anyone_can_sign_with_fails(capsys, made, package):
    (package / "data" / "owner.pub").write_text(_key_text(NEUTRAL))
    (package / "tagmanifest-sha256.txt.minisig").write_text(_signature_text())
    stock = subprocess.run([require_tool("minisign"), "-Vm", "tagmanifest-sha256.txt", "-p",
                            "data/owner.pub", "-q"], cwd=package, capture_output=True)
    assert stock.returncode != 0   # the check the README gives refuses it
    code, out = verify(capsys, made[0], package)
    assert code == 3 and out["owner_id"] is None, out
    assert any(p.startswith("data/owner.pub is not a usable public key: its Ed25519 key cannot "
                            "be used: it is one of the eight points of small order")
               for p in out["problems"]), out["problems"]


def test_the_registration_ca_never_certifies_a_key_of_small_order(tmp_path):
    create_ca(tmp_path, "Sheriff")
    with pytest.raises(PortalError, match="points of small order"):
        issue_owner_certificate(load_ca(tmp_path), NEUTRAL,
                                datetime.datetime(2026, 12, 1, tzinfo=datetime.timezone.utc))
