"""frp/c2pa_store.py's box walks, on hand-made streams: the top-level walk and the count of the
boxes inside containers read a box header the same way, and neither raises for a clip that
ends inside one."""
from __future__ import annotations

import io
import struct

from frp.c2pa_store import nested_boxes, top_boxes


def box(kind: bytes, body: bytes = b"") -> bytes:
    return struct.pack(">I4s", 8 + len(body), kind) + body


def large_box(kind: bytes, body: bytes = b"") -> bytes:
    # size 1: the real size follows as 64 bits (ISO/IEC 14496-12 4.2)
    return struct.pack(">I4sQ", 1, kind, 16 + len(body)) + body


def test_boxes_with_a_64_bit_size_are_walked_at_the_top_and_counted_inside():
    clip = io.BytesIO(box(b"ftyp", b"isom") + large_box(b"moov", large_box(b"trak", box(b"free")))
                      + box(b"mdat", b"\0" * 8))
    boxes = top_boxes(clip)
    assert [(kind, size) for kind, _at, size, _c2pa in boxes] == [
        (b"ftyp", 12), (b"moov", 40), (b"mdat", 16)]
    # moov is read as a 16-byte header: trak and the free box inside it, nothing more
    assert nested_boxes(clip, boxes[1:2]) == 2


def test_a_clip_ending_inside_a_boxs_64_bit_size_is_counted_up_to_there_not_raised_on():
    cut = struct.pack(">I4s", 1, b"free") + b"\0\0\0"   # the 64-bit size is cut off
    clip = io.BytesIO(box(b"ftyp", b"isom") + box(b"moov", box(b"trak", box(b"free")) + cut))
    boxes = top_boxes(clip)
    assert [kind for kind, *_ in boxes] == [b"ftyp", b"moov"]
    assert nested_boxes(clip, boxes) == 2
    top_cut = io.BytesIO(box(b"ftyp", b"isom") + cut)
    assert [kind for kind, *_ in top_boxes(top_cut)] == [b"ftyp"]
