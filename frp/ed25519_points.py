"""An Ed25519 public key's 32 bytes read as RFC 8032 (section 5.1.3) decodes them, and held to
being a key someone made: canonical, on the curve, and in the group of prime order L that every
key made from a private key lies in.

OpenSSL (under `cryptography`) loads any 32 bytes as an Ed25519 public key and verifies against
it without asking more. A key of small order (the neutral point, and the seven other points
whose multiples never leave a group of 8; libsodium keeps the same list) lets anyone sign any
message: with it, the signature R = the neutral point, S = 0 verifies for every message. A key
written in a second spelling (a `y` of p or more, or the sign bit set on a point whose `x` is 0)
is the same point under another thumbprint, so it would pass a check that no two trusted
agencies list one key. A key carrying a small-order part beside its own (mixed order) is another
thumbprint for the holder of that key, whose signatures verify under it one time in eight, as
many tries as it takes to find one. None is ever made by a private key, so each is refused.
"""
from __future__ import annotations

from functools import lru_cache

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
_D = -121665 * pow(121666, P - 2, P) % P
_SQRT_M1 = pow(2, (P - 1) // 4, P)
_NEUTRAL = (0, 1, 1, 0)   # extended coordinates (X, Y, Z, T), x = X/Z, y = Y/Z, xy = T/Z


class PointError(ValueError):
    """32 bytes that are no Ed25519 key a private key makes; the message says why."""


def decode(raw: bytes) -> tuple[int, int]:
    """The point (x, y) that 32 bytes encode, refusing a second spelling of one (RFC 8032,
    section 5.1.3: `y` below p; `x` = 0 with its sign bit set is no encoding)."""
    if len(raw) != 32:
        raise PointError("an Ed25519 key is 32 bytes")
    n = int.from_bytes(raw, "little")
    sign, y = n >> 255, n & ((1 << 255) - 1)
    if y >= P:
        raise PointError("it is written in a second spelling of another value (its y is not "
                         "below 2^255 - 19)")
    x2 = (y * y - 1) * pow(_D * y * y + 1, P - 2, P) % P
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * _SQRT_M1 % P
    if (x * x - x2) % P:
        raise PointError("it is not a point on the curve")
    if x == 0 and sign:
        raise PointError("it is written in a second spelling (the sign of an x of 0 set)")
    return (P - x if x & 1 != sign else x), y


def _add(a: tuple, b: tuple) -> tuple:
    # RFC 8032 section 5.1.4, the unified addition (it doubles too).
    x1, y1, z1, t1 = a
    x2, y2, z2, t2 = b
    aa = (y1 - x1) * (y2 - x2) % P
    bb = (y1 + x1) * (y2 + x2) % P
    cc = 2 * t1 * t2 * _D % P
    dd = 2 * z1 * z2 % P
    e, f, g, h = bb - aa, dd - cc, dd + cc, bb + aa
    return e * f % P, g * h % P, f * g % P, e * h % P


def _times(n: int, point: tuple) -> tuple:
    out = _NEUTRAL
    while n:
        if n & 1:
            out = _add(out, point)
        point, n = _add(point, point), n >> 1
    return out


def _is_neutral(point: tuple) -> bool:
    x, y, z, _t = point
    return x % P == 0 and (y - z) % P == 0


@lru_cache(maxsize=256)
def check_key(raw: bytes) -> None:
    """PointError unless `raw` is an Ed25519 public key a private key can make: canonical, on
    the curve, not of small order, and of the prime order L (kept per key: the trust store
    reads its agencies' keys again on each read)."""
    x, y = decode(raw)
    point = (x, y, 1, x * y % P)
    if _is_neutral(_times(8, point)):
        raise PointError("it is one of the eight points of small order, with which anyone "
                         "can sign anything")
    if not _is_neutral(_times(L, point)):
        raise PointError("it carries a part of small order beside the key (no private key "
                         "makes one)")
