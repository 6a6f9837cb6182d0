"""Frames lost while decoding the recordings for an exact cut (issue 15, finding 8) are counted
in the cut result, the export summary and provenance.json, and stop the export unless the
owner accepts them explicitly. Real footage written with PyAV, one frame's bytes zeroed
as a bad sector would."""
from __future__ import annotations

import json
from pathlib import Path

import av
import pytest

from agent.audit.log import AuditLog
from agent.cli import main
from agent.export.cut import CutError, cut
from agent.export.source_span import SourceSpan
from agent.timebase import US, format_utc, local_text
from demo.samples import make_recordings

T0 = 1_700_000_000 * US
FPS = 10


def damage(path, frame: int) -> int:
    """Zero the bytes of the `frame`-th video packet (a P-frame); its capture time."""
    with av.open(str(path)) as c:
        stream = c.streams.video[0]
        packets = [(p.pts, p.pos, p.size, p.is_keyframe) for p in c.demux(stream) if p.size]
        base = packets[0][0]
        pts, pos, size, key = packets[frame]
        tb = stream.time_base
    assert not key
    data = bytearray(path.read_bytes())
    data[pos:pos + size] = bytes(size)
    path.write_bytes(bytes(data))
    return T0 + round((pts - base) * tb * US)


@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    """A 4 s recording, GOP 2 s, with frame 5 (0.5 s in) unreadable: (folder, file, its time)."""
    root = tmp_path_factory.mktemp("rec")
    (path,) = make_recordings(root, "blue-iris", "porch", T0, 1, 4.0, fps=FPS, gop_s=2.0)
    return root, path, damage(path, 5)


def test_an_exact_cut_counts_the_frame_it_could_not_decode_and_stops(damaged, tmp_path):
    _root, path, lost_us = damaged
    span = SourceSpan(path, T0)
    start, end = T0 + 300_000, T0 + 3 * US   # mid-GOP: the head is decoded and re-encoded
    with pytest.raises(CutError, match="1 frame") as refused:
        cut([span], start, end, tmp_path / "a.mp4", mode="exact")
    # the owner reads when on this PC's clock (timebase.local_text), as every core sentence says it
    assert "could not be decoded" in str(refused.value) and local_text(lost_us) in str(
        refused.value)
    assert not (tmp_path / "a.mp4").exists()
    done = cut([span], start, end, tmp_path / "b.mp4", mode="exact", accept_dropped=True)
    assert done.dropped_frames == 1 and done.first_dropped_us == lost_us
    assert done.frames == (end - start) // (US // FPS) - 1
    clean = cut([span], T0 + 2 * US, end, tmp_path / "c.mp4", mode="exact")
    assert clean.dropped_frames == 0   # the damaged frame is not in this window


def test_redaction_counts_it_too_and_copy_mode_decodes_nothing_to_drop(damaged, tmp_path):
    from agent.export.masks import CameraMasks, Polygon
    from agent.export.redact import Redaction

    _root, path, _lost = damaged
    span = SourceSpan(path, T0)
    masks = CameraMasks("porch", (Polygon(((0, 0), (0.5, 0), (0.5, 0.5))),))
    with pytest.raises(CutError, match="could not be decoded"):
        cut([span], T0, T0 + 2 * US, tmp_path / "m.mp4", redaction=Redaction(masks=masks))
    done = cut([span], T0 + 2 * US, T0 + 4 * US, tmp_path / "k.mp4", mode="copy")
    assert done.dropped_frames == 0


def test_the_export_refuses_names_the_option_and_records_an_accepted_loss(damaged, tmp_path,
                                                                        capsys):
    root, _path, lost_us = damaged
    home = tmp_path / "home"

    def run(*argv):
        code = main(["--home", str(home), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    assert run("sources", "add", str(root), "--camera", "porch", "--tz", "UTC")[0] == 0
    assert run("scan")[0] == 0
    args = ["export", "--camera", "porch", "--from", format_utc(T0 + 300_000), "--to",
            format_utc(T0 + 3 * US), "--out", str(tmp_path / "out"), "--mode", "exact"]
    code, out, err = run(*args)
    assert code == 3 and "--accept-dropped-frames" in err and "1 frame" in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    code, out, err = run(*args, "--accept-dropped-frames", "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["dropped_frames"] == 1
    provenance = json.loads((tmp_path / "out" / summary["package"].split("/")[-1] / "data" /
                             "provenance.json").read_text())
    assert provenance["cut"]["dropped_frames"] == 1
    assert provenance["cut"]["first_dropped"] == format_utc(lost_us)
    code, out, err = run(*args[:-4], "--out", str(tmp_path / "out2"), "--mode", "exact",
                         "--accept-dropped-frames")
    assert code == 0 and "1 frame of the recordings could not be decoded" in err
    exports = [r["data"] for r in AuditLog(home).entries() if r["event"] == "export"]
    assert [e["dropped_frames"] for e in exports] == [1, 1]


def test_an_approval_stops_too_and_goes_on_once_the_owner_accepts(tmp_path):
    from agent.requests.desk_errors import DeskError, DeskRefusal
    from tests.test_desk import T0 as DESK_T0
    from tests.test_desk import World, request_token

    root = tmp_path / "rec"
    (path,) = make_recordings(root / "porch", "blue-iris", "porch", DESK_T0 * US, 1, 4.0,
                              fps=FPS, gop_s=2.0)
    (root / "yard").mkdir()   # the desk's world indexes a porch and a yard folder
    with av.open(str(path)) as c:
        n = sum(1 for p in c.demux(c.streams.video[0]) if p.size)
    assert n == 4 * FPS
    global T0
    saved, T0 = T0, DESK_T0 * US   # damage() reports times from this file's start
    try:
        damage(path, 5)
    finally:
        T0 = saved
    w = World(tmp_path / "w", root)
    try:
        w.desk.import_request(w.file(request_token(cameras=("porch",))))
        with pytest.raises(DeskRefusal, match="could not be decoded"):
            w.desk.approve("req-1", mode="exact", start_us=DESK_T0 * US + 300_000)
        assert w.desk.show("req-1").status == "failed" and w.portal.decisions == []
        w.portal.decision_status = 403   # stop once the package is made: it is what counts
        with pytest.raises(DeskError, match="portal says no"):
            w.desk.approve("req-1", accept_dropped=True)
        (delivery,) = w.desk.show("req-1").deliveries
        provenance = json.loads((Path(delivery.package) / "data" /
                                 "provenance.json").read_text())
        assert provenance["cut"]["dropped_frames"] == 1
        (logged,) = [r["data"] for r in w.records()
                     if r["event"] == "export" and "camera" in r["data"]]
        assert logged["dropped_frames"] == 1
    finally:
        w.close()


def test_sound_that_cannot_be_decoded_for_muting_is_counted_and_stops_the_export(tmp_path):
    root = tmp_path / "rec"
    (path,) = make_recordings(root, "blue-iris", "porch", T0, 1, 4.0, fps=FPS, gop_s=2.0,
                              audio=True)
    with av.open(str(path)) as c:
        audio = [(p.pos, p.size) for p in c.demux(c.streams.audio[0]) if p.size]
    pos, size = audio[len(audio) // 2]         # one AAC packet in the middle, zeroed
    data = bytearray(path.read_bytes())
    data[pos:pos + size] = bytes(size)
    path.write_bytes(bytes(data))
    from agent.export.redact import Redaction

    span = SourceSpan(path, T0)
    mute = Redaction(mute=((T0 + US, T0 + 2 * US),))
    with pytest.raises(CutError, match="1 piece of the kept sound could not be decoded"):
        cut([span], T0, T0 + 4 * US, tmp_path / "a.mp4", keep_audio=True, redaction=mute)
    done = cut([span], T0, T0 + 4 * US, tmp_path / "b.mp4", keep_audio=True, redaction=mute,
               accept_dropped=True)
    assert done.dropped_audio_packets == 1 and done.dropped_frames == 0
