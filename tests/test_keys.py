"""Owner key storage, identifiers and minisign signatures, checked against the stock minisign tool."""
from __future__ import annotations

import base64
import json
import os
import pickle
import stat
import subprocess

import pytest
from cryptography.hazmat.primitives import serialization

from agent.identity.keys import OwnerKey, OwnerKeyError
from agent.identity.pkcs8 import encrypt_pkcs8
from frp.minisign import (
    PublicKey,
    PublicKeyError,
    SignatureError,
    parse_minisign_public,
    public_key_from_raw,
    verify_minisign,
)
from tests.conftest import require_tool


def minisign_tool() -> str:
    """The stock minisign CLI (tests.conftest.require_tool: required where tools are)."""
    return require_tool("minisign")


@pytest.fixture
def key(tmp_path):
    return OwnerKey.load_or_create(tmp_path / "home")


def test_created_key_is_loaded_again_and_signs(tmp_path):
    home = tmp_path / "home"
    first = OwnerKey.load_or_create(home)
    again = OwnerKey.load_or_create(home)
    loaded = OwnerKey.load(home)
    assert first.public == again.public == loaded.public
    pem = (home / "keys" / "owner.key").read_bytes()
    assert pem.startswith(b"-----BEGIN PRIVATE KEY-----")
    assert isinstance(serialization.load_pem_private_key(pem, None), type(loaded._private))
    signature = loaded.sign(b"decision")
    first.public.verify(signature, b"decision")
    with pytest.raises(SignatureError):
        first.public.verify(signature, b"decisioN")


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_key_file_and_folders_are_private(tmp_path):
    home = tmp_path / "home"
    OwnerKey.load_or_create(home)
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "keys").stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "keys" / "owner.key").stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "keys" / "owner.pub").stat().st_mode) == 0o600
    # no temp file left behind; the public half is kept beside (the log's seal is checked
    # against it without the passphrase)
    assert sorted(os.listdir(home / "keys")) == ["owner.key", "owner.pub"]


def test_passphrase_protects_key_with_scrypt(tmp_path):
    home = tmp_path / "home"
    made = OwnerKey.load_or_create(home, passphrase=b"correct horse")
    pem = (home / "keys" / "owner.key").read_bytes()
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    der = base64.b64decode(b"".join(pem.splitlines()[1:-1]))
    assert bytes.fromhex("06092b06010401da47040b") in der  # id-scrypt OID (RFC 7914)
    assert OwnerKey.load(home, passphrase=b"correct horse").public == made.public
    with pytest.raises(OwnerKeyError, match="passphrase for the owner key is wrong") as wrong:
        OwnerKey.load(home, passphrase=b"wrong horse")
    assert "horse" not in str(wrong.value)
    with pytest.raises(OwnerKeyError, match="protected by a passphrase"):
        OwnerKey.load(home)


def test_the_product_stretches_passphrases_at_its_own_cost(tmp_path):
    """Tests about other things lower scrypt's cost in their own process (conftest
    `cheap_scrypt`); the product's is N=2**17, r=8, p=1 (128 MiB), for the owner key and the
    recorder passwords' file alike."""
    from agent.recorders.credentials import CredentialStore

    home = tmp_path / "home"
    OwnerKey.load_or_create(home, passphrase=b"correct horse")
    pem = (home / "keys" / "owner.key").read_bytes()
    der = base64.b64decode(b"".join(pem.splitlines()[1:-1]))
    # scrypt's parameters after its 16-byte salt: INTEGER N, r, p and the key's length
    assert bytes.fromhex("0203 020000 020108 020101 020120".replace(" ", "")) in der
    store = CredentialStore(home, keyring_backend=False, passphrase=lambda: b"correct horse")
    store.save("nvr-1", "secret")
    kept = json.loads(store.path.read_text())
    assert (kept["kdf"], kept["n"], kept["r"], kept["p"]) == ("scrypt", 1 << 17, 8, 1)


def test_wrong_passphrase_that_decrypts_to_valid_padding_is_still_a_wrong_passphrase(tmp_path):
    # About one wrong passphrase in 256 decrypts (AES-CBC) to valid padding over bytes that are
    # not a key; CI once met one and told the owner the file was damaged. The same state, made
    # on purpose: a whole envelope whose plaintext is not a key.
    keys = tmp_path / "keys"
    keys.mkdir()
    envelope = encrypt_pkcs8(b"not a private key", b"pw")
    (keys / "owner.key").write_bytes(_pem_block(envelope))
    with pytest.raises(OwnerKeyError, match="passphrase for the owner key is wrong"):
        OwnerKey.load(tmp_path, passphrase=b"pw")
    for damaged in (envelope[:-20], b"\x31" + envelope[1:], envelope + b"\x00"):
        (keys / "owner.key").write_bytes(_pem_block(damaged))
        with pytest.raises(OwnerKeyError, match="damaged"):
            OwnerKey.load(tmp_path, passphrase=b"pw")


def _pem_block(der: bytes) -> bytes:
    return (b"-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + base64.encodebytes(der)
            + b"-----END ENCRYPTED PRIVATE KEY-----\n")


def test_passphrase_for_unprotected_key_is_refused(tmp_path):
    OwnerKey.load_or_create(tmp_path)
    with pytest.raises(OwnerKeyError, match="not protected by one"):
        OwnerKey.load(tmp_path, passphrase=b"x")


def test_missing_and_damaged_key_files_give_clear_errors(tmp_path):
    with pytest.raises(OwnerKeyError, match="no owner key"):
        OwnerKey.load(tmp_path)
    (tmp_path / "keys").mkdir()
    (tmp_path / "keys" / "owner.key").write_bytes(b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
    with pytest.raises(OwnerKeyError, match="damaged"):
        OwnerKey.load(tmp_path)


def test_repr_and_pickle_leak_nothing(key):
    secret = key._private.private_bytes_raw()
    pem = key._private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    body = "".join(pem.splitlines()[1:-1])
    for text in (repr(key), str(key), f"{key!r}"):
        assert key.public.owner_id() in text
        for leak in (secret.hex(), base64.b64encode(secret).decode(), body):
            assert leak not in text
    with pytest.raises(TypeError):
        pickle.dumps(key)
    assert not hasattr(key, "__dict__")


def test_owner_id_is_rfc7638_thumbprint():
    # RFC 8037 appendix A.3 gives this thumbprint for its Ed25519 example key.
    x = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
    public = public_key_from_raw(base64.urlsafe_b64decode(x + "="))
    assert public.owner_id() == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
    assert public.jwk() == {"kty": "OKP", "crv": "Ed25519", "x": x, "kid": public.owner_id()}


def test_minisign_public_key_text_round_trips(key):
    text = key.public.minisign_text()
    assert text.startswith("untrusted comment: ")
    blob = base64.b64decode(text.splitlines()[1])
    assert blob == b"Ed" + key.public.key_id + key.public.raw
    assert parse_minisign_public(text) == key.public
    assert parse_minisign_public(text.splitlines()[1]) == key.public


@pytest.mark.parametrize("text, reason", [
    ("hello", "not valid base64"),
    ("untrusted comment: x\nRWQ=\n", "expected 42"),
    ("", "expected one key line"),
    ("untrusted comment: x\n" + base64.b64encode(b"Xx" + bytes(40)).decode(), "not an Ed25519"),
])
def test_bad_public_key_text_is_explained(text, reason):
    with pytest.raises(PublicKeyError, match=reason):
        parse_minisign_public(text)


def test_our_signature_verifies_with_stock_minisign(tmp_path, key):
    tool = minisign_tool()
    data = tmp_path / "clip.bin"
    data.write_bytes(os.urandom(3000))
    pub = tmp_path / "owner.pub"
    pub.write_text(key.public.minisign_text())
    sig = tmp_path / "clip.bin.minisig"
    sig.write_text(key.minisign(data, "footage-agent test comment"))
    ok = subprocess.run([tool, "-Vm", str(data), "-p", str(pub), "-x", str(sig)],
                        capture_output=True, text=True, timeout=30)
    assert ok.returncode == 0, ok.stderr
    assert "footage-agent test comment" in ok.stdout
    assert verify_minisign(key.public, sig.read_text(), data) == "footage-agent test comment"
    assert verify_minisign(key.public, sig.read_text(), data.read_bytes()) == "footage-agent test comment"

    changed = bytearray(data.read_bytes())
    changed[1234] ^= 0x01
    data.write_bytes(bytes(changed))
    bad = subprocess.run([tool, "-Vm", str(data), "-p", str(pub), "-x", str(sig)],
                         capture_output=True, text=True, timeout=30)
    assert bad.returncode != 0
    with pytest.raises(SignatureError, match="signed file was changed"):
        verify_minisign(key.public, sig.read_text(), data)


def test_signature_by_another_key_or_edited_comment_is_rejected(tmp_path, key):
    other = OwnerKey.load_or_create(tmp_path / "other")
    sig = other.minisign(b"payload", "by other")
    with pytest.raises(SignatureError, match="another key"):
        verify_minisign(key.public, sig, b"payload")
    # Same key id but a different key: only the Ed25519 check can catch it.
    impostor = PublicKey(raw=key.public.raw, key_id=other.public.key_id)
    with pytest.raises(SignatureError, match="signed file was changed"):
        verify_minisign(impostor, sig, b"payload")
    lines = key.minisign(b"payload", "owner says yes").splitlines()
    lines[2] = "trusted comment: owner says no"
    with pytest.raises(SignatureError, match="trusted comment was changed"):
        verify_minisign(key.public, "\n".join(lines) + "\n", b"payload")
    with pytest.raises(SignatureError, match="not in minisign format"):
        verify_minisign(key.public, "garbage", b"payload")


def test_multiline_trusted_comment_is_refused(key):
    with pytest.raises(OwnerKeyError, match="single line"):
        key.minisign(b"x", "one\ntrusted comment: two")


def test_stock_minisign_signature_is_accepted(tmp_path):
    tool = minisign_tool()
    pub, sec = tmp_path / "pub", tmp_path / "sec"
    subprocess.run([tool, "-G", "-W", "-p", str(pub), "-s", str(sec)],
                   check=True, capture_output=True, input=b"", timeout=30)
    data = tmp_path / "file.txt"
    data.write_bytes(b"tagmanifest bytes\n" * 100)
    subprocess.run([tool, "-S", "-s", str(sec), "-m", str(data), "-t", "made by stock minisign"],
                   check=True, capture_output=True, input=b"", timeout=30)
    public = parse_minisign_public(pub.read_text())
    sig_text = (tmp_path / "file.txt.minisig").read_text()
    assert verify_minisign(public, sig_text, data) == "made by stock minisign"
    with pytest.raises(SignatureError):
        verify_minisign(public, sig_text, data.read_bytes() + b"!")

    subprocess.run([tool, "-S", "-l", "-s", str(sec), "-m", str(data), "-x", str(tmp_path / "legacy")],
                   check=True, capture_output=True, input=b"", timeout=30)
    with pytest.raises(SignatureError, match="legacy"):
        verify_minisign(public, (tmp_path / "legacy").read_text(), data)


def test_a_locked_key_says_where_its_passphrase_comes_from_not_to_type_it(tmp_path, monkeypatch,
                                                                          capsys):
    # Nothing in the command or the app asks for the passphrase: "Enter the passphrase" left
    # the owner waiting for a prompt that never comes.
    from agent.cli import main

    home = str(tmp_path / "home")
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", "correct horse")
    assert main(["--home", home, "keys", "show"]) == 0
    monkeypatch.delenv("FOOTAGE_AGENT_PASSPHRASE")
    capsys.readouterr()
    assert main(["--home", home, "keys", "show"]) == 1
    err = capsys.readouterr().err
    assert "protected by a passphrase, and none was given" in err and "Enter" not in err
    assert "Set FOOTAGE_AGENT_PASSPHRASE to it, then start footage-agent again" in err
