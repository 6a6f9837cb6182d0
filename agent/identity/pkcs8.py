"""Passphrase protection for a PKCS#8 private key: EncryptedPrivateKeyInfo with PBES2.

PBES2 with scrypt (RFC 7914) and AES-256-CBC, DER-encoded by hand here because cryptography's
BestAvailableEncryption for PKCS#8 is PBKDF2 with only 2048 rounds. cryptography reads the result
back with its ordinary `load_pem_private_key`, so only the encoding side lives here, with a
check of the outer envelope that tells a damaged file from a wrong passphrase.
"""
from __future__ import annotations

import os

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

# 128 MiB, about 0.3 s: slow enough to hurt guessing, quick enough for a person at a prompt.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 1 << 17, 8, 1


def encrypt_pkcs8(plain: bytes, passphrase: bytes) -> bytes:
    """EncryptedPrivateKeyInfo: PBES2(scrypt, aes256-CBC) per RFC 8018 and RFC 7914."""
    salt, iv = os.urandom(16), os.urandom(16)
    key = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(passphrase)
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    ciphertext = encryptor.update(padder.update(plain) + padder.finalize()) + encryptor.finalize()
    kdf = _seq(_oid("1.3.6.1.4.1.11591.4.11"), _seq(
        _der(0x04, salt), _int(SCRYPT_N), _int(SCRYPT_R), _int(SCRYPT_P), _int(32)))
    cipher = _seq(_oid("2.16.840.1.101.3.4.1.42"), _der(0x04, iv))
    algorithm = _seq(_oid("1.2.840.113549.1.5.13"), _seq(kdf, cipher))
    return _seq(algorithm, _der(0x04, ciphertext))


def envelope_intact(der: bytes) -> bool:
    """True if `der` is a whole EncryptedPrivateKeyInfo: SEQUENCE { SEQUENCE, OCTET STRING }.

    AES-CBC carries no integrity check: about one wrong passphrase in 256 decrypts to valid
    padding and then fails as unparsable DER, as a damaged file would. When the envelope is
    whole, a failure to read the key can only come from the passphrase (or from damage inside
    the ciphertext, which no reader can tell apart from it).
    """
    outer = _tlv(der, 0)
    if outer is None or outer[0] != 0x30 or outer[2] != len(der):
        return False
    algorithm = _tlv(der, outer[1])
    if algorithm is None or algorithm[0] != 0x30:
        return False
    data = _tlv(der, algorithm[2])
    if data is None or data[0] != 0x04 or data[2] != len(der):
        return False
    size = data[2] - data[1]
    return size > 0 and size % 16 == 0


def _tlv(der: bytes, at: int) -> tuple[int, int, int] | None:
    """(tag, body start, body end) of the DER element at `at`, or None if it does not fit."""
    if at + 2 > len(der):
        return None
    tag, first = der[at], der[at + 1]
    start = at + 2
    if first < 0x80:
        size = first
    else:
        count = first & 0x7F
        if count == 0 or count > 4 or start + count > len(der):
            return None
        size = int.from_bytes(der[start:start + count], "big")
        start += count
    end = start + size
    return (tag, start, end) if end <= len(der) else None


def _der(tag: int, body: bytes) -> bytes:
    n = len(body)
    if n < 0x80:
        return bytes([tag, n]) + body
    size = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(size)]) + size + body


def _seq(*parts: bytes) -> bytes:
    return _der(0x30, b"".join(parts))


def _int(value: int) -> bytes:
    return _der(0x02, value.to_bytes(value.bit_length() // 8 + 1, "big"))


def _oid(dotted: str) -> bytes:
    arcs = [int(a) for a in dotted.split(".")]
    out = bytearray([arcs[0] * 40 + arcs[1]])
    for arc in arcs[2:]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out += bytes(reversed(chunk))
    return _der(0x06, bytes(out))
