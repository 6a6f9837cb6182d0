"""`footage-agent verify` holds a clip to being played as it was stored: an edit list playing a
track in more than one piece (a second of the video shown again after the rest, as a repeated
event would look, or the sound so) hides no stored frame, so it passed the tables' checks,
and such a clip resealed with the owner key verified as OK (exit 0). The cut writes one piece
per track (after an empty edit, for the sound)."""
from __future__ import annotations

import struct

import pytest

from tests.test_verify_credentials import _resign, clip_of, key_of, made, package, verify  # noqa: F401
from tests.test_verify_video_delay import sounded  # noqa: F401

CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts"}


def _children(data: bytes, start: int, end: int):
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        yield kind, pos, size
        pos += size


def _find(data: bytes, start: int, end: int, kind: bytes) -> list[tuple[int, int]]:
    """(start, size) of every box of `kind` under [start, end), with the boxes holding it."""
    found = []
    for k, pos, size in _children(data, start, end):
        if k == kind:
            found.append((pos, size))
        if k in CONTAINERS:
            found += _find(data, pos + 8, pos + size, kind)
    return found


def repeat_a_second(clip, handler: bytes) -> None:
    """Append to the edit list of the `handler` track (b"vide", b"soun") a second piece that
    plays its media's second second again; box sizes and chunk offsets follow."""
    data = bytearray(clip.read_bytes())
    (moov, moov_size), = _find(bytes(data), 0, len(data), b"moov")
    (mvhd, _), = _find(bytes(data), moov + 8, moov + moov_size, b"mvhd")
    movie_scale = struct.unpack(">I", data[mvhd + 20:mvhd + 24])[0]   # version 0
    for trak, trak_size in _find(bytes(data), moov + 8, moov + moov_size, b"trak"):
        (hdlr, _), = _find(bytes(data), trak + 8, trak + trak_size, b"hdlr")
        if data[hdlr + 16:hdlr + 20] == handler:
            break
    (mdhd, _), = _find(bytes(data), trak + 8, trak + trak_size, b"mdhd")
    track_scale = struct.unpack(">I", data[mdhd + 20:mdhd + 24])[0]
    (edts, _), = _find(bytes(data), trak + 8, trak + trak_size, b"edts")
    (elst, elst_size), = _find(bytes(data), trak + 8, trak + trak_size, b"elst")
    assert data[elst + 8] == 0
    count = struct.unpack(">I", data[elst + 12:elst + 16])[0]
    media = struct.unpack(">i", data[elst + 12 + 4 + 4:elst + 12 + 4 + 8])[0] if count == 1 else \
        struct.unpack(">i", data[elst + 12 + 16 + 4:elst + 12 + 16 + 8])[0]
    entry = struct.pack(">IiI", movie_scale, media + track_scale, 0x10000)
    data[elst + 12:elst + 16] = struct.pack(">I", count + 1)
    data[elst + elst_size:elst + elst_size] = entry
    for box in (elst, edts, trak, moov):
        size = struct.unpack(">I", data[box:box + 4])[0]
        data[box:box + 4] = struct.pack(">I", size + len(entry))
    moov_size += len(entry)
    for stco, _ in _find(bytes(data), moov + 8, moov + moov_size, b"stco"):
        n = struct.unpack(">I", data[stco + 12:stco + 16])[0]
        for i in range(n):
            at = stco + 16 + 4 * i
            data[at:at + 4] = struct.pack(">I", struct.unpack(">I", data[at:at + 4])[0] + len(entry))
    clip.write_bytes(bytes(data))


@pytest.mark.parametrize("handler, said", [
    (b"vide", "its edit list plays the video in 2 pieces, so a player shows frames again, "
              "held or out of their order"),
], ids=["video"])
def test_a_track_played_in_pieces_fails_though_resealed(capsys, made, package, handler, said):
    # (the sound's case is test_sound_played_in_pieces_fails: this package has none)
    clip = clip_of(package, made)
    repeat_a_second(clip, handler)
    _resign(package, made, key_of(made[0]), lambda record: None)
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [f"data/{made[2]}: its own tables: {said}."]


def test_sound_played_in_pieces_fails(capsys, sounded, tmp_path):
    import json
    import shutil

    from agent.cli import main
    from agent.identity.keys import OwnerKey
    from tests.credentials_support import reseal, rewrite_readme, without_credentials
    home, genuine = sounded
    copy = tmp_path / genuine.name
    shutil.copytree(genuine, copy)
    prov = copy / "data/provenance.json"
    record = json.loads(prov.read_text())
    clip = copy / record.pop("content_credentials")["clip"]   # the forger's to sign again
    clip.write_bytes(without_credentials(clip))
    repeat_a_second(clip, b"soun")
    prov.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    rewrite_readme(copy, OwnerKey.load(home))   # which no longer mentions credentials
    reseal(copy, OwnerKey.load(home))
    assert main(["--home", str(home), "verify", str(copy), "--json"]) == 3
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert problems == [f"{clip.relative_to(copy).as_posix()}: its own tables: its edit list "
                        "plays the sound in 2 pieces, so a player plays some of it again or out "
                        "of its time."], problems
