"""Content Credentials for a cut clip: its C2PA manifest, hard-bound to the clip's bytes,
signed with the owner's key and embedded in the clip as a top-level C2PA `uuid` box.

The binding is C2PA's BMFF hash (`c2pa.hash.bmff.v3`): SHA-256 over every top-level box but
`ftyp`, `free`, `skip`, `mfra` and the C2PA box itself, each box preceded by its file offset as
a 64-bit big-endian number. footage-agent computes it here, in one read of the clip, and the
library signs the claim (c2pa_sign.py).

The box is appended after the clip's last box. Nothing the cut wrote moves: the sample
tables' chunk offsets stay as they were, so the gate proves exactly the samples the cut wrote,
and no second copy of the clip is made (inserting the box after `ftyp`, where the library
itself would put it, means rewriting the whole file with every offset moved). C2PA validators
find the box wherever it stands at the top level; the C2PA library's Reader checks every clip
this way in the tests.
"""
from __future__ import annotations

import hashlib
import struct
from pathlib import Path

from agent.export.c2pa_sign import SigningError, sign_manifest
from agent.identity.certificates import SigningChain
from agent.identity.keys import OwnerKey
from frp.mp4tables import C2PA_UUID, TableError, c2pa_boxes, read_moov
from agent.media.read_at import read_at

_CHUNK = 1 << 20
# C2PA's default BMFF exclusions, as the library writes them: the C2PA box (by its type),
# and the boxes a file may change without changing its media.
EXCLUSIONS = [{"xpath": "/uuid", "data": [{"offset": 8, "value": list(C2PA_UUID)}]},
              {"xpath": "/ftyp"}, {"xpath": "/mfra"}, {"xpath": "/free"}, {"xpath": "/skip"}]
_EXCLUDED = {"ftyp", "mfra", "free", "skip"}


class CredentialsError(Exception):
    """The clip's credentials could not be made; the message says why."""


def bmff_hash(path: Path) -> bytes:
    """The clip's C2PA BMFF hash (v2 and later: box offsets included), SHA-256."""
    try:
        _moov, boxes, size = read_moov(Path(path))
    except (TableError, OSError, struct.error) as exc:
        raise CredentialsError(f"the clip's boxes cannot be read ({exc})") from None
    digest = hashlib.sha256()
    with open(path, "rb", buffering=0) as fh:
        for kind, start, length in boxes:
            if kind in _EXCLUDED:
                continue
            if kind == "uuid" and read_at(fh.fileno(), 16, start + 8) == C2PA_UUID:
                continue
            digest.update(struct.pack(">Q", start))
            fh.seek(start)
            left = min(length, size - start)
            buf = bytearray(_CHUNK)
            view = memoryview(buf)
            while left:
                got = fh.readinto(view[:min(left, _CHUNK)])
                if not got:
                    raise CredentialsError("the clip ended while it was hashed")
                digest.update(view[:got])
                left -= got
    return digest.digest()


def make_credentials(path: Path, definition: dict, key: OwnerKey, chain: SigningChain) -> bytes:
    """Sign `definition` (frp.clip_claims.manifest_definition) for the clip at `path` as it is
    now: the C2PA box to append to it (append_credentials). The clip is only read."""
    path = Path(path)
    try:
        _moov, boxes, size = read_moov(path)
    except (TableError, OSError, struct.error) as exc:
        raise CredentialsError(f"the clip's boxes cannot be read ({exc})") from None
    if not boxes or boxes[-1][1] + boxes[-1][2] != size:
        raise CredentialsError("the clip's last box does not end where the file does")
    digest = bmff_hash(path)
    definition = {**definition, "assertions": [*definition.get("assertions", ()), {
        "label": "c2pa.hash.bmff.v3",
        "data": {"exclusions": EXCLUSIONS, "alg": "sha256", "hash": list(digest),
                 "name": "jumbf manifest"}}]}
    try:
        box = sign_manifest(definition, chain.pem, key.sign)
    except SigningError as exc:
        raise CredentialsError(f"the C2PA library could not sign the clip's manifest: {exc}") \
            from None
    if len(box) < 24 or box[4:8] != b"uuid" or box[8:24] != C2PA_UUID \
            or int.from_bytes(box[:4], "big") != len(box):
        raise CredentialsError("the C2PA library returned something other than a C2PA box")
    return box


def append_credentials(path: Path, size: int, box: bytes) -> None:
    """Append the C2PA box made for the clip's first `size` bytes, and read the clip's boxes
    back: they must be the clip's own, then exactly this box, last.

    OSError (a full disk, a drive gone) is raised as it is, for the caller's plain words.
    """
    try:
        with open(path, "r+b") as fh:
            if fh.seek(0, 2) != size:
                raise CredentialsError("the clip changed while its credentials were made")
            fh.write(box)
        _moov, boxes, end = read_moov(Path(path))
        sealed = c2pa_boxes(Path(path), boxes)
        with open(path, "rb") as fh:
            fh.seek(size)
            back = fh.read()
    except (TableError, struct.error) as exc:
        raise CredentialsError(f"the credentials could not be added to the clip ({exc})") \
            from None
    if end != size + len(box) or sealed != [(size, len(box))] or back != box \
            or boxes[-1][1:] != (size, len(box)):
        raise CredentialsError("the clip does not end with exactly the Content Credentials "
                               "signed for it")
