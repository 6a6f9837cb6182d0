"""Reading a clip's C2PA manifest store by its structure, without the C2PA library: where
its top-level boxes are, and the certificate chain its claim was signed with.

The Reader says who signed (the signing certificate's serial and names) but not the
certificate's key; the key is taken from the signature's own COSE header (`x5chain`, the
chain the Reader checked the signature with), found by walking the JUMBF boxes to the
active manifest's `c2pa.signature`. Everything here is bounded: a store is read whole only up
to MAX_STORE, boxes are walked at most MAX_BOXES deep and wide, and the CBOR reader refuses
indefinite lengths and deep nesting. Nothing here raises for what a clip holds: a shape it
does not expect gives None.
"""
from __future__ import annotations

import struct
from typing import BinaryIO

C2PA_UUID = bytes.fromhex("d8fec3d61b0e483c92975828877ec481")
MAX_STORE = 16 << 20      # a manifest store larger than this is not one footage-agent writes
# A footage-agent clip has ftyp, moov, mdat and its C2PA box (and perhaps a free box): far
# more top-level boxes is a clip built to make a validator walk them, which the C2PA Reader
# does in time that grows faster than their number.
MAX_BOXES = 16
# The same holds for the boxes inside moov (a genuine clip's index is a few dozen boxes).
MAX_NESTED = 512
_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"dinf", b"edts", b"udta",
               b"mvex", b"moof", b"traf", b"mfra"}
_MAX_CHILDREN = 256
_MAX_DEPTH = 8
_X5CHAIN = 33             # COSE header label of the certificate chain (RFC 9360)


def top_boxes(stream: BinaryIO, limit: int = MAX_BOXES + 1) -> list[tuple[bytes, int, int, bool]]:
    """(type, offset, size, is the C2PA store) of the top-level boxes as far as they are well
    formed, at most `limit` of them."""
    out: list[tuple[bytes, int, int, bool]] = []
    end = stream.seek(0, 2)
    pos = 0
    while pos + 8 <= end and len(out) < limit:
        found = _header_at(stream, pos)
        if found is None:
            break
        kind, size, header = found
        if size == 0:   # the last box, running to the end of the file
            size = end - pos
        if size < header or pos + size > end:
            break
        c2pa = kind == b"uuid" and stream.read(16) == C2PA_UUID
        out.append((kind, pos, size, c2pa))
        pos += size
    return out


def nested_boxes(stream: BinaryIO, boxes, limit: int = MAX_NESTED) -> int:
    """How many boxes the top-level container boxes among `boxes` hold, at any depth,
    counted up to just past `limit`."""
    count = 0
    for kind, at, size, _c2pa in boxes:
        found = _header_at(stream, at) if kind in _CONTAINERS else None
        if found is not None:
            count += _count_inside(stream, at + found[2], at + size, limit - count, 0)
            if count > limit:
                break
    return count


def _count_inside(stream: BinaryIO, start: int, end: int, budget: int, depth: int) -> int:
    count, pos = 0, start
    while pos + 8 <= end and count <= budget:
        found = _header_at(stream, pos)
        if found is None:
            break
        kind, size, header = found
        if size < header or pos + size > end:
            break
        count += 1
        if kind in _CONTAINERS and depth < _MAX_DEPTH:
            count += _count_inside(stream, pos + header, pos + size, budget - count, depth + 1)
        pos += size
    return count


def _header_at(stream: BinaryIO, pos: int) -> tuple[bytes, int, int] | None:
    """(type, size as written, header length) of the box header at `pos`, the stream left just
    past it; a size of 1 is read from the 64 bits that follow (16-byte header), 0 is left to
    the caller. None when the stream ends inside the header."""
    stream.seek(pos)
    raw = stream.read(8)
    if len(raw) < 8:
        return None
    size, kind = struct.unpack(">I4s", raw)
    if size != 1:
        return kind, size, 8
    raw = stream.read(8)
    return (kind, struct.unpack(">Q", raw)[0], 16) if len(raw) == 8 else None


def signing_chain(store: bytes, active: str) -> list[bytes] | None:
    """The DER certificates (signing certificate first) in the COSE signature of the manifest
    labelled `active`, from the bytes of a C2PA `uuid` box; None when they cannot be found."""
    jumbf = _jumbf_of(store)
    if jumbf is None:
        return None
    manifests = _superbox(jumbf, 0, len(jumbf), ("c2pa",))
    if manifests is None:
        return None
    manifest = _superbox(jumbf, *manifests, (active,))
    signature = _superbox(jumbf, *manifest, ("c2pa.signature",)) if manifest else None
    if signature is None:
        return None
    content = _content(jumbf, *signature, b"cbor")
    try:
        cose = _Cbor(content).value() if content is not None else None
        return _x5chain(cose)
    except (ValueError, IndexError, RecursionError):
        return None


def _jumbf_of(store: bytes) -> bytes | None:
    """The JUMBF inside a C2PA `uuid` box: after its header, UUID, version and flags, the
    purpose ("manifest") and, for a manifest, an 8-byte offset."""
    at = 8 + 16 + 4
    zero = store.find(b"\0", at, at + 64)
    if len(store) < at or zero < 0 or store[at:zero] != b"manifest":
        return None
    return store[zero + 1 + 8:]


def _children(data: bytes, start: int, end: int):
    """(type, payload start, payload end) of the boxes in data[start:end]."""
    pos, count = start, 0
    while pos + 8 <= end and count < _MAX_CHILDREN:
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if size < 8 or pos + size > end:
            return
        yield kind, pos + 8, pos + size
        pos += size
        count += 1


def _label(data: bytes, start: int, end: int) -> str | None:
    """The label of a JUMBF superbox whose payload is data[start:end] (its `jumd` box: a
    16-byte type, toggles, then the label when toggle 0x02 is set)."""
    for kind, a, b in _children(data, start, end):
        if kind != b"jumd" or b - a < 17 or not data[a + 16] & 0x02:
            return None
        zero = data.find(b"\0", a + 17, b)
        return data[a + 17:zero].decode("utf-8", "replace") if zero >= 0 else None
    return None


def _superbox(data: bytes, start: int, end: int, labels: tuple[str, ...]):
    """(start, end) of the payload of the child `jumb` box of data[start:end] labelled one of
    `labels` (the first one when `labels` is the box's own label)."""
    if _label(data, start, end) in labels:
        return start, end
    for kind, a, b in _children(data, start, end):
        if kind == b"jumb" and _label(data, a, b) in labels:
            return a, b
    return None


def _content(data: bytes, start: int, end: int, kind: bytes) -> bytes | None:
    for k, a, b in _children(data, start, end):
        if k == kind:
            return data[a:b]
    return None


def _x5chain(cose) -> list[bytes] | None:
    """The x5chain of a COSE_Sign1 ([protected, unprotected, payload, signature]): in the
    protected header (C2PA 2) or, from older signers, the unprotected one."""
    if not isinstance(cose, list) or len(cose) != 4:
        return None
    protected = _Cbor(cose[0]).value() if isinstance(cose[0], bytes) and cose[0] else {}
    for header in (protected, cose[1]):
        chain = header.get(_X5CHAIN) if isinstance(header, dict) else None
        if isinstance(chain, bytes):
            return [chain]
        if isinstance(chain, list) and chain and all(isinstance(c, bytes) for c in chain):
            return chain
    return None


class _Cbor:
    """Just enough CBOR (RFC 8949) for a COSE header: definite lengths, bounded nesting."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def value(self, depth: int = 0):
        if depth > 16:
            raise ValueError("CBOR nested too deep")
        major, arg = self._head()
        if major in (0, 1):
            return arg if major == 0 else -1 - arg
        if major in (2, 3):
            raw = self._take(arg)
            return raw if major == 2 else raw.decode("utf-8", "replace")
        if major == 4:
            return [self.value(depth + 1) for _ in range(self._count(arg))]
        if major == 5:
            items = {}
            for _ in range(self._count(arg)):
                key = self.value(depth + 1)
                items[key if isinstance(key, (int, str)) else repr(key)] = self.value(depth + 1)
            return items
        if major == 6:
            return self.value(depth + 1)   # a tag (18: COSE_Sign1): the tagged value
        return None                        # simple values and floats: not needed here

    def _head(self) -> tuple[int, int]:
        first = self._take(1)[0]
        major, info = first >> 5, first & 0x1F
        if info < 24:
            return major, info
        if info > 27:
            raise ValueError("indefinite or reserved CBOR length")
        if major == 7:   # floats: their bytes are skipped
            self._take(1 << (info - 24))
            return major, 0
        return major, int.from_bytes(self._take(1 << (info - 24)), "big")

    def _count(self, n: int) -> int:
        if n > len(self.data) - self.at:   # every item takes at least one byte
            raise ValueError("CBOR count beyond the data")
        return n

    def _take(self, n: int) -> bytes:
        if n > len(self.data) - self.at:
            raise ValueError("CBOR beyond the data")
        raw = self.data[self.at:self.at + n]
        self.at += n
        return raw
