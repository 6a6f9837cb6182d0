"""Failures cut short that reached the Spanish app in English (a hunt ran the messages under
agent/ the app shows through core_words with the Spanish catalogue): a clip the disk did not
take (not written, not finished, not saved), a recording the cut cannot read, a package folder
or tar not written, and a call to a portal the owner stopped. Each is made by the agent's own
code; every part of it must read in Spanish with its values kept, the system's own words in
brackets kept as the system wrote them."""
from __future__ import annotations

import errno
import json
import os
import threading
import types

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.export import clip_writer, cut as cut_module, output  # noqa: E402
from agent.export.cut import CutError, SourceSpan, cut  # noqa: E402
from agent.requests import polling  # noqa: E402
from agent.requests.portal_client import PortalCancelled, PortalClient, PortalError  # noqa: E402
from frp.agency import Agency  # noqa: E402
from demo.samples import ClipSpec, write_clip  # noqa: E402
from tests.conftest import t  # noqa: E402
from gui.views.core_words import in_owner_language  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_gui_core_words_answers import reads_in_spanish  # noqa: E402
from tests.test_safety_network import reply, serving  # noqa: E402

T0 = t("2026-11-20T22:00:00Z")


@pytest.fixture
def recording(tmp_path) -> SourceSpan:
    path = write_clip(ClipSpec(tmp_path / "porch.mp4", T0, 4, fps=5, gop_s=1.0))
    return SourceSpan(path, T0)


def cut_refusal(recording, out) -> str:
    with pytest.raises(CutError) as caught:
        cut([recording], T0 + 1_000_000, T0 + 3_000_000, out)
    assert not out.exists()
    return str(caught.value)


def full(*_a, **_k):   # a disk filling part way: none fills here
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_clip_whose_folder_went_away_reads_in_spanish(spanish, tmp_path, recording):
    message = cut_refusal(recording, tmp_path / "gone" / "clip.mp4")   # a drive pulled out
    said = reads_in_spanish(message, os.strerror(errno.ENOENT))
    assert "el clip" in said and " not " not in said


@pytest.mark.parametrize("where", ["finishing", "saving"])
def test_a_clip_the_disk_did_not_take_reads_in_spanish(spanish, tmp_path, monkeypatch,
                                                       recording, where):
    if where == "finishing":   # its index, written last, not taken
        monkeypatch.setattr(clip_writer.Output, "close", full)
    else:   # the clip written, its last bytes not kept by the disk (fsync)
        monkeypatch.setattr(cut_module, "fsync_file", full)
    message = cut_refusal(recording, tmp_path / "clip.mp4")
    said = reads_in_spanish(message, os.strerror(errno.ENOSPC))
    assert "el clip" in said and " not " not in said


def test_a_clip_its_folder_does_not_let_be_written_reads_in_spanish(spanish, tmp_path,
                                                                    monkeypatch, recording):
    real = output.av.open

    def refused(path, mode="r", **options):   # a folder the account may not write in: root
        if mode != "w":                        # may, here
            return real(path, mode, **options)
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)

    monkeypatch.setattr(output.av, "open", refused)
    message = cut_refusal(recording, tmp_path / "clip.mp4")
    said = reads_in_spanish(message, str(tmp_path))
    assert "el clip" in said and " not " not in said and "(Permiso denegado)" in said



# a recording the cut cannot read --------------------------------------------------------------
def audio_only(path):
    """An MP4 holding sound and no picture (a camera's microphone track copied alone)."""
    import av
    import numpy as np

    with av.open(str(path), "w") as out:
        stream = out.add_stream("aac", rate=8000)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(np.zeros((1, 1024), dtype=np.float32), format="fltp",
                                           layout="mono")
        frame.rate = 8000
        for pkt in [*stream.encode(frame), *stream.encode(None)]:
            out.mux(pkt)
    return path


@pytest.mark.parametrize("what", ["garbage", "sound only"])
def test_a_recording_the_cut_cannot_read_reads_in_spanish(spanish, tmp_path, what):
    path = tmp_path / "porch.mp4"
    if what == "garbage":   # its bytes not a recording any more (same size, same time)
        path.write_bytes(b"not a video at all" * 100)
    else:
        audio_only(path)
    message = cut_refusal(SourceSpan(path, T0), tmp_path / "clip.mp4")
    said = reads_in_spanish(message, "porch.mp4")
    assert "grabación porch.mp4" in said and "recording" not in said


def test_a_recordings_damaged_codec_header_reads_in_spanish(spanish):
    from agent.export.nal import param_sets

    with pytest.raises(CutError) as caught:
        param_sets("h264", bytes([1, 100, 0, 31, 0xFF, 0xE1, 0, 200, 0x67]))   # SPS cut short
    assert "SPS/PPS" in reads_in_spanish(str(caught.value))




@pytest.mark.parametrize("damage", ["power cut", "garbage"])
def test_an_export_of_damaged_recordings_only_says_why_in_spanish(spanish, tmp_path, agent,
                                                                  damage):
    from agent.errors import NotFound

    folder = tmp_path / "porch"
    path = write_clip(ClipSpec(folder / "porch.20261120_220000.mp4", T0, 4, fps=5))
    data = path.read_bytes()
    # cut off before its index (a recorder losing power), or no recording at all
    path.write_bytes(data[:len(data) // 2] if damage == "power cut" else b"\x01" * len(data))
    os.utime(path, (T0 // 10**6, T0 // 10**6))   # long closed: not one still being written
    agent.add_source(folder, camera="porch", tz="UTC")
    agent.scan()
    with pytest.raises(NotFound) as caught:
        agent.export("porch", T0, T0 + 3_000_000, tmp_path / "out")
    message = str(caught.value)
    said = in_owner_language(message)
    assert str(path) in said and "is damaged" in message and "is damaged" not in said
    assert "está dañad" in said and ("moov" in said) == (damage == "power cut")
    english = [w for w in ("power", "cannot", "not a") if w in said]
    assert not english, said


# a package folder or tar not written ----------------------------------------------------------
def package_refusal(call) -> str:
    from agent.export.package import PackageError

    with pytest.raises(PackageError) as caught:
        call()
    return str(caught.value)


def test_a_package_whose_name_is_taken_or_file_is_missing_reads_in_spanish(spanish, tmp_path):
    from agent.export.package import PackageBuilder

    (tmp_path / "case-7_porch").mkdir()   # a finished package of that name
    taken = package_refusal(lambda: PackageBuilder(tmp_path, "case-7_porch"))
    assert "case-7_porch" in reads_in_spanish(taken, str(tmp_path))
    with PackageBuilder(tmp_path, "case-8_porch") as builder:
        gone = tmp_path / "porch.mp4"   # the clip taken away before it was added
        missing = package_refusal(lambda: builder.add_file("data/porch.mp4", gone))
        assert "El archivo" in reads_in_spanish(missing, str(gone))


@pytest.mark.parametrize("how", ["exists", "folder gone"])
def test_a_package_tar_not_written_reads_in_spanish(spanish, tmp_path, how):
    from agent.export.bagtar import tar_package

    package = tmp_path / "case-7_porch"
    (package / "data").mkdir(parents=True)
    (package / "bagit.txt").write_text("BagIt-Version: 1.0\n")
    out = tmp_path / ("case-7_porch.tar" if how == "exists" else "gone/case-7_porch.tar")
    if how == "exists":
        out.write_bytes(b"an earlier tar")
    said = reads_in_spanish(package_refusal(lambda: tar_package(package, out)), str(out))
    assert "tar" in said and "Could not" not in said and "never" not in said


# a call to a portal stopped, or answered with more than it may send ---------------------------
def police(origin: str) -> Agency:
    return Agency(id="https://pd.example", name="Springfield PD", phone="", keys=(),
                  portal=origin + "/v1", upload_origins=(origin,))


def desk_for(origin: str, client: PortalClient):
    """A desk as polling reads it: the real portal client, a token for every registration."""
    return types.SimpleNamespace(
        portal=client, trust=types.SimpleNamespace(portal_token=lambda *_a: "bearer",
                                                   get=lambda _iss: None),
        inbox=types.SimpleNamespace(cursor=lambda *_a: None))


def test_a_portal_call_the_owner_stopped_reads_in_spanish(spanish):
    stop = threading.Event()
    stop.set()   # Stop pressed while the portal had not answered
    with serving(lambda h, server: server.release.wait(10)) as server, PortalClient() as client:
        with pytest.raises(PortalCancelled) as caught:
            client.poll(police(server.origin), "reg-1", "bearer", None, cancel=stop)
    said = reads_in_spanish(str(caught.value), "Springfield PD")
    assert "portal de Springfield PD" in said


def test_a_delivery_stopped_while_waiting_for_a_busy_portal_reads_in_spanish(spanish):
    from agent.delivery.wire import UploadCancelled
    from agent.requests import portal_retries

    stop = threading.Event()
    stop.set()   # Stop pressed while the delivery waits to ask the portal again
    with pytest.raises(UploadCancelled) as caught:
        portal_retries._pause(types.SimpleNamespace(cancel=stop), 30.0)
    assert "portal" in reads_in_spanish(str(caught.value))


@pytest.mark.parametrize("answer", ["huge", "many"])
def test_a_portal_sending_more_than_it_may_reads_in_spanish(spanish, monkeypatch, answer):
    monkeypatch.setattr(polling, "MAX_TOKENS_PER_POLL", 3)   # 200 in life
    body = b"x" * (8 << 20) if answer == "huge" else \
        json.dumps({"requests": ["a.b.c"] * 4}).encode()
    with serving(lambda h, _s: reply(h, 200, body, {"Content-Type": "application/json"})) \
            as server, PortalClient() as client:
        with pytest.raises(PortalError) as caught:
            polling.poll(desk_for(server.origin, client), police(server.origin), "reg-1")
    said = reads_in_spanish(str(caught.value), "Springfield PD")
    assert ("KiB" in said) == (answer == "huge") and "portal" in said


@pytest.mark.parametrize("held", [False, True], ids=["no-agency", "refused"])
def test_a_decision_a_check_could_not_send_reads_in_spanish(spanish, held):
    refusal = json.dumps({"error": "bad_decision", "detail": "no"}).encode()
    with serving(lambda h, _s: reply(h, 400, refusal, {"Content-Type": "application/json"})) \
            as server, PortalClient() as client:
        desk = desk_for(server.origin, client)
        desk.inbox.decision_sent = lambda *_a: None
        if held:
            desk.trust.get = lambda _iss: police(server.origin)
        entry = types.SimpleNamespace(iss="https://pd.example", jti="req-7",
                                      registration="reg-1", decision="a.b.c")
        problems, _again, _wait = polling._send_decision(desk, entry, None)
    if not held:
        said = reads_in_spanish(problems[0], "req-7")
    else:   # the portal's refusal after it, read in Spanish as the app reads it alone
        head, _, refusal = problems[0].partition(": ")
        said = in_owner_language(problems[0])
        assert said == in_owner_language(head) + ": " + in_owner_language(refusal)
        assert "refused" in refusal and "refused" not in said and "(HTTP 400): no" in said
    assert "decision" not in said and "«req-7»" in said


@pytest.mark.parametrize("how", ["changed", "gone"])
def test_a_clips_credentials_not_added_read_in_spanish(spanish, tmp_path, recording, how):
    from agent.export.credentials import CredentialsError, append_credentials, bmff_hash

    clip = tmp_path / "clip.mp4"
    if how == "changed":   # the clip grew after its credentials were made for it
        clip.write_bytes(recording.path.read_bytes())
        call = lambda: append_credentials(clip, clip.stat().st_size - 10, b"box")  # noqa: E731
    else:   # taken away (a scanner, a drive pulled out) before it was hashed
        call = lambda: bmff_hash(clip)  # noqa: E731
    with pytest.raises(CredentialsError) as caught:
        call()
    if how == "changed":
        said = reads_in_spanish(str(caught.value))
    else:   # the system's words in brackets, kept as they are
        said = in_owner_language(str(caught.value))
        assert said.startswith("no se pueden leer las cajas del clip (") and "[Errno" in said
    assert "clip" in said and "cannot" not in said and "changed" not in said


def test_a_package_tar_not_the_one_sealed_reads_in_spanish_with_the_apps_advice(spanish,
                                                                                tmp_path):
    from agent.delivery.upload import upload_file
    from agent.delivery.wire import UploadError

    tar = tmp_path / "case-7_porch.tar"
    tar.write_bytes(b"\0" * 2048)   # its bytes changed since the package was sealed
    with pytest.raises(UploadError) as caught:
        upload_file(tar, "http://127.0.0.1:9/files/", state_dir=tmp_path / "uploads",
                    metadata={"sha256": "ab" * 32})
    message = str(caught.value)
    assert "Export the package again" in message
    said = reads_in_spanish(message, "case-7_porch.tar")
    assert "«Intentar enviar de nuevo»" in said
