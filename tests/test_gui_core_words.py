"""The core's messages in the owner's language (gui/views/core_words.py): each template is
checked against the message the agent's own code makes, so a template that drifts from the
agent's words fails here; with the Spanish catalogue the owner reads Spanish, the values (a
path, an agency, a number) kept; words not known stay as they were."""
from __future__ import annotations

import datetime
import errno
import os
import ssl
import socket
import subprocess
import threading
import time
import types
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
import pytest  # noqa: E402
import trustme  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402

from agent.delivery import tus_setbacks  # noqa: E402
from agent.delivery.upload import UploadError, upload_file  # noqa: E402
from agent.export.clip_writer import HeadlessStart, headless_words, stepped_words  # noqa: E402
from agent.export.cut import _dropped  # noqa: E402
from agent.export.clock_step import ClockStep  # noqa: E402
from agent.export.destination import NotThere, package_folder  # noqa: E402
from agent.export.package import PackageBuilder, PackageError  # noqa: E402
from agent.os_words import _HOME_WORDS, _WORDS, plain_home_error, plain_os_error  # noqa: E402
from agent.recorders.connect import RecorderAddress, open_recorder  # noqa: E402
from agent.recorders.model import RecorderError  # noqa: E402
from agent.recorders.wire import Wire  # noqa: E402
from agent.requests.agencies import TrustStore, TrustStoreError  # noqa: E402
from agent.requests.desk_decisions import resumable  # noqa: E402
from agent.requests.desk_errors import DeskRefusal  # noqa: E402
from agent.requests.package_delivery import _misfit, _untrusted, submission_refused  # noqa: E402
from agent.requests.portal_client import PortalClient, PortalError  # noqa: E402
from agent.errors import AgentError  # noqa: E402
from agent.service import Agent  # noqa: E402
from agent.timebase import US, local_text  # noqa: E402
from demo.gui_data import make_world, request_claims, sign  # noqa: E402
from demo.samples import ClipSpec, write_clip  # noqa: E402
from frp.agency import Agency  # noqa: E402
from frp.decision import ReceiptError, verify_receipt  # noqa: E402
from gui.views import core_words  # noqa: E402
from nvrsim.catalogue import channel_folder, clip_name  # noqa: E402
from nvrsim.server import Simulator  # noqa: E402
from gui.views.core_words import in_owner_language, matches  # noqa: E402
from tests.test_safety_network import SIGN_IN, Server, reply, serving  # noqa: E402
from tests.test_upload import Hostile, RealTus  # noqa: E402
from tests.gui_support import choose_window, export_result, footage, open_window, settle, spanish  # noqa: E402,F401

WINDOWS_PATH = "E:\\clips"


def spanish_of(template: str, **values) -> str:
    """The catalogue's Spanish for `template` as the app words it, filled in (and never the
    English itself)."""
    in_the_app = core_words.IN_THE_APP.get(template, template)
    said = QCoreApplication.translate(core_words.CONTEXT, in_the_app)
    assert said != in_the_app, f"no Spanish for {in_the_app!r}"
    return said.format(**values)


def silent_server():
    """A port on 127.0.0.1 that takes connections and never answers: (socket, port)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    return server, server.getsockname()[1]


def closed_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def error_of(call, kind) -> str:
    with pytest.raises(kind) as caught:
        call()
    return str(caught.value)


# the operating system's errors --------------------------------------------------------------
@pytest.mark.parametrize("number", sorted(_WORDS),   # a Windows code no errno says: INVALID_NAME
                         ids=lambda n: errno.errorcode.get(n, f"WinError{-n}"))
def test_every_os_error_sentence_reads_in_spanish_with_its_path(spanish, number):
    message = plain_os_error(OSError(number, "words of the OS", WINDOWS_PATH))
    template = matches(message)
    assert template is not None, f"no template for the agent's {message!r}"
    said = in_owner_language(message)
    assert said == spanish_of(template, path=WINDOWS_PATH)
    if "{path}" in _WORDS[number]:
        assert WINDOWS_PATH in said


@pytest.mark.parametrize("number", sorted(_HOME_WORDS), ids=lambda n: errno.errorcode[n])
def test_a_full_disk_under_the_apps_own_folder_reads_in_spanish_with_its_path(spanish, number):
    message = plain_home_error(OSError(number, "words of the OS", WINDOWS_PATH))
    template = matches(message)
    assert template is not None, f"no template for the agent's {message!r}"
    assert in_owner_language(message) == spanish_of(template, path=WINDOWS_PATH)
    assert WINDOWS_PATH in in_owner_language(message)


def test_a_file_the_os_did_not_name_reads_in_spanish_too(spanish):
    message = plain_os_error(OSError(errno.ENOSPC, "No space left on device"))
    assert in_owner_language(message) == spanish_of(matches(message),
                                                    path=spanish_of(core_words.A_FILE))


def test_a_failure_before_the_os_words_keeps_its_known_head_and_unknown_words(spanish,
                                                                               tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    message = error_of(lambda: PackageBuilder(blocker / "exports", "pkg"), PackageError)
    said = in_owner_language(message)
    head, os_part = message.split(": ", 1)
    assert said == (spanish_of(head) + ": "
                    + spanish_of(matches(os_part), path=str(blocker / "exports")))
    unknown = "the frobnicator jammed: " + os_part
    assert in_owner_language(unknown) == ("the frobnicator jammed: "
                                          + spanish_of(matches(os_part),
                                                       path=str(blocker / "exports")))


def test_the_agents_own_files_failing_read_their_os_words_in_spanish(spanish, tmp_path):
    # "<what failed>: <plain_os_error>" (agencies, the owner key, the log, uploads...): what
    # happened and what to do reads in Spanish, and so does a head core_words knows.
    folder = tmp_path / "Descargas"
    folder.mkdir()
    message = error_of(lambda: TrustStore(tmp_path / "home").add(folder), TrustStoreError)
    head, os_part = message.split(": ", 1)
    assert head == "cannot read the agency file"
    assert in_owner_language(message) == (spanish_of(head) + ": "
                                          + spanish_of(matches(os_part), path=str(folder)))


@pytest.mark.parametrize("head,spanish_head", [
    ("cannot save the settings", "no se pueden guardar los ajustes"),
    ("the masks of porch cannot be saved", "no se pueden guardar las máscaras de porch"),
    ("the download from the recorder stopped", "la descarga desde la grabadora se detuvo")])
def test_the_homes_disk_full_reads_in_spanish(spanish, head, spanish_head):
    # agent/config.py, agent/owner_exports.py, agent/index/remote_window.py (test_disk_full)
    os_part = plain_os_error(OSError(errno.ENOSPC, "No space left on device", WINDOWS_PATH))
    assert in_owner_language(f"{head}: {os_part}") == (
        f"{spanish_head}: " + spanish_of(matches(os_part), path=WINDOWS_PATH))


@pytest.mark.parametrize("record, why", [
    (b"", "está vacío"), (b"\0" * 64, "su texto está roto en la línea 1, columna 1"),
    (b"\xff\xfe", "no es texto"), (b'{"files": 3}', "no enumera las copias"),
    (b"[" * 100_000, "su texto está anidado a demasiada profundidad para poder leerse")])
def test_a_damaged_safe_copy_record_reads_in_spanish(spanish, tmp_path, record, why):
    # agent/requests/holds.py with agent/json_words.py: shown as the reason on the request's page
    from agent.requests import holds
    folder = tmp_path / "holds" / "req-1"
    folder.mkdir(parents=True)
    (folder / holds.RECORD).write_bytes(record)
    message = error_of(lambda: holds.read_hold(tmp_path, "req-1"), holds.HoldError)
    assert in_owner_language(message) == (
        f"el registro de la copia a salvo en {folder} está dañado ({why}); las copias de sus "
        "grabaciones en esa carpeta se conservan tal cual. Para hacer de nuevo la copia a salvo, "
        "saque antes esa carpeta de la carpeta de footage-agent (consérvela)")


@pytest.mark.parametrize("damage, said", [
    (b"", "está dañado y no se puede leer"),
    ("ec", "guarda una clave de otro tipo (no Ed25519)")])
def test_a_damaged_owner_key_reads_in_spanish_with_the_apps_way_out(spanish, tmp_path, damage,
                                                                      said):
    # agent/owner_exports.py: what an approval, a decline or an export by hand meets in the app
    agent = Agent(tmp_path / "home")
    try:
        agent.owner_key()
        key = tmp_path / "home" / "keys" / "owner.key"
        if damage == "ec":   # another program's key put in its place
            from cryptography.hazmat.primitives import serialization
            from cryptography.hazmat.primitives.asymmetric import ec
            damage = ec.generate_private_key(ec.SECP256R1()).private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption())
        key.write_bytes(damage)
        message = error_of(agent.owner_key, AgentError)
    finally:
        agent.close()
    spanish_said = in_owner_language(message)
    assert spanish_said.startswith(f"El archivo de su clave de firma {key} {said}."), \
        spanish_said
    assert "Cierre footage-agent (Salir en su icono junto al reloj)" in spanish_said
    assert "no lo borre" in spanish_said and "move it aside" not in spanish_said


def test_a_damaged_registrations_file_reads_in_spanish_with_the_apps_way_out(spanish,
                                                                             tmp_path):
    # agent/requests/registrations.py: Settings' registrations say it when they cannot be read
    from agent.requests.registrations import RegistrationsFile, RegistrationsFileError
    path = tmp_path / "registrations.json"
    path.write_bytes(b"")
    message = error_of(RegistrationsFile(path).read, RegistrationsFileError)
    said = in_owner_language(message)
    assert said.startswith(f"el archivo de registros {path} está dañado"), said
    assert "Cierre footage-agent (Salir en su icono junto al reloj)" in said, said
    assert "copia de seguridad" in said and "Ajustes" in said, said



@pytest.mark.parametrize("saved, why", [
    (b"", "está vacío"), (b"{", "su texto está roto en la línea 1, columna 2"),
    (b"[]", "no contiene ajustes"),
    (b" " * (1 << 20) + b"{}", "es mucho más grande que cualquier archivo de ajustes (más de "
                               "1 MiB)"),
    (b'{"poll_interval_s": "300"}', 'su poll_interval_s es "300", donde corresponde un número '
                                    'entero de segundos'),
    (b'{"upload_rate_limit_bps": 0}', "su upload_rate_limit_bps es 0, donde corresponde null "
                                      "(sin límite) o un número entero de bytes por segundo, 1 "
                                      "o más"),
    (b'{"keep_running_in_tray": "no"}', 'su keep_running_in_tray es "no", donde corresponde '
                                        'true o false')])
def test_a_settings_file_that_cannot_be_used_reads_in_spanish_in_the_cannot_start_box(
        spanish, tmp_path, saved, why):
    """agent/config.py: the app's "cannot start" box said the whole sentence in English
    ("the settings file ... cannot be used: it is empty: fix it, or delete it to go back to
    the default settings"), there being no template for it nor for its reasons."""
    from agent.config import ConfigError
    from gui.shell.app import cannot_start_box

    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    path = home / "settings.json"
    path.write_bytes(saved)
    message = error_of(lambda: Agent(home), ConfigError)
    box = cannot_start_box(message)
    try:
        assert box.text() == (f"El archivo de ajustes {path} no se puede usar: {why}: "
                              "corríjalo, o bórrelo para volver a los ajustes "
                              "predeterminados"), box.text()
    finally:
        box.deleteLater()
    assert path.read_bytes() == saved   # the owner's file is left as it is


def test_a_recorder_passwords_file_that_cannot_be_read_reads_in_spanish(spanish, tmp_path):
    """agent/recorders/credentials.py: the head, then the system's words (a recorder's
    refresh and the app's lock banner say it), neither left in English."""
    from agent.recorders.credentials import FILE_NAME, CredentialError, CredentialStore

    path = tmp_path / FILE_NAME
    path.mkdir()   # a folder in its place: said, not read
    message = error_of(lambda: CredentialStore(tmp_path, keyring_backend=False,
                                               passphrase=lambda: b"x").load("nvr"),
                       CredentialError)
    assert in_owner_language(message) == (
        f"no se pueden leer las contraseñas de las grabadoras: {path} es una carpeta donde se "
        "esperaba un archivo: compruebe la ruta"), message

def test_scans_turns_left_unusable_read_in_spanish(spanish, tmp_path):
    # agent/index/scan_turns.py: said above every page as the recordings folder's problem
    from agent.index.scan_turns import ScanTurns, TurnsUnusable
    lock = tmp_path / "scan-turns" / "1.lock"
    lock.mkdir(parents=True)
    message = error_of(lambda: ScanTurns(tmp_path)._open(1), TurnsUnusable)
    head, os_part = message.split(": ", 1)
    assert in_owner_language(message) == (spanish_of(head) + ": "
                                          + spanish_of(matches(os_part), path=str(lock)))


def test_a_requests_package_the_homes_disk_cannot_hold_reads_in_spanish(spanish):
    # agent/requests/package_export.py: no "choose another folder" for the home's own folder
    said = in_owner_language(f"the disk holding {WINDOWS_PATH} is full: free some space there")
    assert said == f"el disco que contiene {WINDOWS_PATH} está lleno: libere espacio en él"


def test_a_package_folder_that_is_a_file_or_on_a_missing_drive_reads_in_spanish(spanish,
                                                                                tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    gone = tmp_path / "E" / "clips"   # the drive (its root folder) not there
    for folder in (a_file, gone):
        message = error_of(lambda: package_folder(folder), NotThere)
        template = matches(message)
        assert template is not None, message
        assert in_owner_language(message) == spanish_of(template, **_values(template, message))
        assert str(folder) in in_owner_language(message)


def test_a_usb_stick_taken_out_mid_export_reads_in_spanish(spanish, tmp_path):
    from agent.export.evidence import went_away
    folder = tmp_path / "USB stick" / "clips"
    message = went_away(folder)
    template = matches(message)
    assert template is not None, message
    said = in_owner_language(message)
    assert said == spanish_of(template, **_values(template, message)) and str(folder) in said
    assert said != message


def test_an_export_into_the_apps_own_folder_reads_in_spanish(spanish, tmp_path):
    from agent.errors import UsageProblem
    from agent.service import Agent
    agent = Agent(tmp_path / "home")
    try:
        message = error_of(lambda: agent._check_not_home(tmp_path / "home" / "keys"),
                           UsageProblem)
    finally:
        agent.close()
    template = matches(message)
    assert template is not None, message
    said = in_owner_language(message)
    assert said == spanish_of(template, **_values(template, message)) and said != message
    assert str(tmp_path / "home") in said


def test_an_unknown_message_comes_back_unchanged(spanish):
    for message in ("the frobnicator jammed", "x: y; z", "", "Not a core sentence at all."):
        assert in_owner_language(message) == message


def test_the_app_capitalising_a_message_keeps_its_spanish_capitalised(spanish):
    message = plain_os_error(OSError(errno.EROFS, "Read-only file system", WINDOWS_PATH))
    said = in_owner_language(message[:1].upper() + message[1:])
    expected = spanish_of(matches(message), path=WINDOWS_PATH)
    assert said == expected[:1].upper() + expected[1:]


def test_a_clip_its_final_check_refused_reads_in_spanish_on_the_owners_clock(spanish,
                                                                              monkeypatch):
    """A refused export's problems (the gate's, tests/test_gate_proof.py makes them) named
    times in UTC '...Z' and stayed in English in the app."""
    from agent.timebase import local_text
    from gui.views.display import day_time

    zone = "America/Los_Angeles"
    monkeypatch.setenv("TZ", zone)
    first, start, end = 1_772_359_202_600_000, 1_772_359_202_650_000, 1_772_359_209_000_000
    message = ("the cut clip failed its final check and was deleted: 1 frame lies outside the "
               f"approved window {local_text(start)} to {local_text(end)} (the first at "
               f"{local_text(first)}); a run of copied frames starts without a keyframe (at "
               f"{local_text(first)})")
    said = in_owner_language(message)
    assert said.startswith("el clip cortado no pasó su comprobación final"), said
    assert f"(la primera, el {day_time(first, zone)})" in said, said
    assert f"sin un fotograma clave (el {day_time(first, zone)})" in said, said
    assert "lies" not in said and "frames" not in said, said


# the recordings folder ----------------------------------------------------------------------
def test_a_missing_or_unreadable_recordings_folder_reads_in_spanish(spanish, tmp_path,
                                                                    monkeypatch):
    folder = tmp_path / "card"
    folder.mkdir()
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(folder, camera="porch")
        folder.rmdir()   # the card taken out
        (missing,) = agent.scan()[0].problems
        assert in_owner_language(missing) == spanish_of(matches(missing), path=str(folder))
        folder.mkdir()

        # The tests run as root, which no folder's permissions stop: the OS's refusal is
        # made here (the only stand-in in this file).
        def refuse(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        monkeypatch.setattr("agent.index.scan.os.scandir", refuse)
        (unreadable,) = agent.scan()[0].problems
    finally:
        agent.close()
    template = matches(unreadable)
    assert "{reason}" in template
    said = in_owner_language(unreadable)
    assert said.startswith(spanish_of(template, path=str(folder), reason="@").split("@")[0])
    # the system's words too (Linux's and macOS's are English whatever the owner's language)
    assert str(folder) in said and "(permiso denegado)" in said


def test_a_recordings_folder_found_empty_reads_in_spanish(spanish, tmp_path):
    """A network share that is not connected leaves its folder empty: each part of what the
    scan says reads in Spanish."""
    from demo.samples import ClipSpec, write_clip
    folder = tmp_path / "nas"
    recording = write_clip(ClipSpec(path=folder / "porch.20261120_140000.mp4",
                                    start_us=1_795_000_000 * US, seconds=1.0, fps=5))
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(folder, camera="porch", tz="UTC")
        agent.scan()
        recording.unlink()   # as the share leaves it when it drops
        (empty,) = agent.scan()[0].problems
    finally:
        agent.close()
    head, rest = empty.split(": ", 1)
    advice, kept = rest.split("; ")
    assert in_owner_language(empty) == "; ".join([
        ": ".join([spanish_of(matches(head), path=str(folder)), spanish_of(matches(advice))]),
        spanish_of(matches(kept))])


def test_one_folder_added_by_a_second_path_reads_in_spanish(spanish, tmp_path):
    from agent.service import Refusal
    from tests.test_cli_index import bind
    share, again = tmp_path / "nas", tmp_path / "mnt" / "nas-again"
    share.mkdir()
    if not bind(share, again):
        pytest.skip("a folder cannot be mounted a second time here")
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(share, camera="porch", tz="UTC")
        refused = error_of(lambda: agent.add_source(again, tz="UTC"), Refusal)
    finally:
        agent.close()
        subprocess.run(["umount", str(again)], capture_output=True)
    head, advice = refused.split(": ", 1)
    assert in_owner_language(refused) == ": ".join([
        spanish_of(matches(head), path=str(again), folder=str(share), camera="porch"),
        spanish_of(matches(advice), folder=str(share))])


def test_a_recording_changed_since_the_scan_says_the_app_reads_it_again_in_spanish(spanish):
    from agent.index.changed import changed_words
    path = WINDOWS_PATH + "\\porch.20261120_140000.mp4"
    for paths, shown in (([path], path), ([path, path + "2", path + "3"], path + " (and 2 more)")):
        message = changed_words(paths)
        said = in_owner_language(message)
        assert said == spanish_of(matches(message), path=shown)
        assert "scan" not in core_words.IN_THE_APP[matches(message)]


def test_a_recording_gone_since_the_scan_says_the_app_reads_it_again_in_spanish(spanish):
    from agent.index.changed import gone_words
    path = WINDOWS_PATH + "\\porch.20261120_140000.mp4"
    for paths, shown in (([path], path), ([path, path + "2"], path + " (and 1 more)")):
        message = gone_words(paths)
        said = in_owner_language(message)
        assert said == spanish_of(matches(message), path=shown)
        assert "scan" not in core_words.IN_THE_APP[matches(message)]


def test_another_disk_in_a_recordings_folder_reads_in_spanish_with_the_apps_button(spanish,
                                                                                  tmp_path):
    """Another camera's card where porch's was: the scan's words, made by the agent, read in
    Spanish, and name the app's button, not a command to type."""
    from demo.samples import ClipSpec, write_clip
    from gui.views.core_scan_words import OTHER_DISK
    folder = tmp_path / "reader"
    porch = write_clip(ClipSpec(path=folder / "porch.20261120_140000.mp4",
                                start_us=1_795_000_000 * US, seconds=1.0, fps=5))
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(folder, camera="porch", tz="UTC")
        agent.scan()
        porch.unlink()   # another card: other recordings
        write_clip(ClipSpec(path=folder / "garage.20261121_090000.mp4",
                            start_us=1_795_100_000 * US, seconds=1.0, fps=5))
        (other,) = agent.scan()[0].problems
    finally:
        agent.close()
    assert matches(other) == OTHER_DISK
    said = in_owner_language(other)
    assert said == spanish_of(OTHER_DISK, path=str(folder), again=str(folder))
    assert "«Tarjeta nueva, misma cámara»" in said and "footage-agent" not in said


def test_a_missing_folder_or_an_approval_to_resume_names_the_apps_own_buttons(tmp_path):
    """The core's advice to type `footage-agent sources remove` or `--accept-dropped-frames`
    means nothing in the app: the owner is told the page or button to use, in English too."""
    folder = tmp_path / "card"
    folder.mkdir()
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(folder, camera="porch")
        folder.rmdir()   # the card taken out
        (missing,) = agent.scan()[0].problems
    finally:
        agent.close()
    damaged = str(_dropped(types.SimpleNamespace(dropped_frames=2, first_dropped_us=None,
                                                 dropped_audio_packets=0)))
    # as desk_decisions words a resumable failure of approve (test_desk pins its wording)
    resume = "the connection was cut off: try again (approve it again to resume)"
    said = [in_owner_language(m) for m in (missing, damaged, resume)]
    assert "remove the folder in Settings" in said[0] and str(folder) in said[0]
    assert "tick 'Go on even if damaged frames must be left out'" in said[1]
    assert said[2].endswith("(open the request and press 'Try sending again' to resume)")
    for message in said:
        assert "footage-agent" not in message and "--" not in message, message


# an agency's portal -------------------------------------------------------------------------
def agency(port: int) -> Agency:
    return Agency(id="https://pd.example", name="Springfield PD", phone="", keys=(),
                  portal=f"http://127.0.0.1:{port}", upload_origins=())


@pytest.mark.parametrize("how", ["closed", "no answer", "call limit"])
def test_the_portal_unreachable_reads_in_spanish(spanish, how):
    server, port = silent_server()
    if how == "closed":
        server.close()
        port = closed_port()
    timeout = httpx.Timeout(0.3 if how == "no answer" else 10.0)
    limit = 0.3 if how == "call limit" else 10.0
    try:
        with PortalClient(timeout=timeout, call_limit_s=limit) as client:
            message = error_of(lambda: client.call(agency(port), "GET", "/requests", None),
                               PortalError)
    finally:
        server.close()
    template = matches(message)
    assert template is not None and "{agency}" in template, message
    said = in_owner_language(message)
    assert said != message and "Springfield PD" in said
    if "{reason}" not in template:
        assert said == spanish_of(template, **_values(template, message))
    else:  # the reason is translated in turn: the whole sentence reads in Spanish
        reason = _values(template, message)["reason"]
        assert said == spanish_of(template, agency="Springfield PD",
                                  reason=in_owner_language(reason))
        assert in_owner_language(reason) != reason, reason


def test_a_networks_sign_in_page_reads_in_spanish_for_the_portal_and_the_upload(spanish,
                                                                                tmp_path,
                                                                                monkeypatch):
    monkeypatch.setattr(tus_setbacks, "UPLOAD_BACKOFF",
                        replace(tus_setbacks.UPLOAD_BACKOFF, base_s=0.005))
    page = lambda h, s: reply(h, 200, SIGN_IN, {"Content-Type": "text/html"})
    src = tmp_path / "package.tar"
    src.write_bytes(b"x" * 1000)
    with serving(page) as hotel, PortalClient() as client:
        port = int(hotel.origin.rsplit(":", 1)[1])
        polled = error_of(lambda: client.call(agency(port), "GET", "/requests", None),
                          PortalError)
        sent = resumable(error_of(lambda: upload_file(src, hotel.origin + "/files",
                                                      state_dir=tmp_path / "uploads",
                                                      max_attempts=2), UploadError))
    for message in (polled, sent):
        said = in_owner_language(message)
        assert "inicie sesión en la red" in said, said
        for english in ("web page", "did not answer", "sign in", "Gave up", "Nothing is lost"):
            assert english not in said, said


@pytest.mark.parametrize("certificate", ["expired", "unknown issuer"])
def test_a_certificate_refused_reads_in_spanish_with_what_to_do(spanish, certificate):
    ca = trustme.CA()
    now = datetime.datetime.now(datetime.timezone.utc)
    dates = {"not_after": now - datetime.timedelta(days=1)} if certificate == "expired" else {}
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", **dates).configure_cert(server_ctx)
    trusting = ssl.create_default_context()
    if certificate == "expired":
        ca.configure_trust(trusting)
    hotel = Server(lambda h, s: reply(h, 200, b"{}"), tls=server_ctx)
    try:
        portal = Agency(id="https://pd.example", name="Springfield PD", phone="", keys=(),
                        portal=hotel.origin, upload_origins=())
        with PortalClient(verify=trusting) as client:
            message = error_of(lambda: client.call(portal, "GET", "/requests", None),
                               PortalError)
    finally:
        hotel.close()
    said = in_owner_language(message)
    advice = "el año de este equipo" if certificate == "expired" else "use otra red"
    assert advice in said, said
    # OpenSSL's own words in the parentheses stay as it wrote them, as every {detail} does
    for english in ("cannot reach", "could not be trusted", "not valid on", "check that",
                    "something on this network"):
        assert english not in said, said


def test_a_portal_refusing_this_computers_clock_reads_in_spanish(spanish):
    stale = (b'{"error": "stale", "detail": "the token was made at 1796630618, more than 5 '
             b'minutes from this clock (1796627018); check the computer\'s clock"}')
    with serving(lambda h, s: reply(h, 400, stale, {"Content-Type": "application/json"})) as at, \
            PortalClient() as client:
        port = int(at.origin.rsplit(":", 1)[1])
        message = error_of(lambda: client.call(agency(port), "POST", "/registrations", None),
                           PortalError)
    said = in_owner_language(message)
    assert "la zona horaria de este equipo" in said and "Springfield PD" in said, said
    assert "1796" not in said and "clock" not in said, said


def _values(template: str, message: str) -> dict:
    """The values `message` puts in `template`, a time as the app writes it (test_owner_times
    shows how)."""
    found = core_words._pattern(template).fullmatch(message)
    return {name: core_words._time(value) if name in core_words._TIMES else value
            for name, value in found.groupdict().items()}


# a request that is not what it claims -------------------------------------------------------
def test_a_rejected_request_says_why_in_spanish(spanish, tmp_path, footage):  # noqa: F811
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    now, stranger = int(time.time()), Ed25519PrivateKey.generate()
    claims = request_claims("req-x", world.start_us, world.end_us, now, aud=world.registration)
    tokens = {
        "impostor": sign(stranger, {**claims, "iss": "https://police.example.net"}),
        "other key": sign(stranger, claims),
        "expired": sign(world.key, {**claims, "iat": now - 7200, "exp": now - 3600}),
        "from the future": sign(world.key, {**claims, "iat": now + 3600}),
        "not ours": sign(world.key, {**claims, "aud": "reg-someone-else"}),
        "replay": world.request_file.read_text(),
    }
    agent = Agent(world.home)
    try:
        agent.requests.import_request(world.request_file)
        for how, token in tokens.items():
            path = tmp_path / f"{how}.jws"
            path.write_text(token)
            message = error_of(lambda: agent.requests.import_request(path), DeskRefusal)
            assert message.startswith("request rejected: "), message
            said = in_owner_language(message)
            reason = message.removeprefix("request rejected: ")
            assert said == spanish_of("request rejected: {reason}",
                                      reason=in_owner_language(reason)), (how, said)
            assert in_owner_language(reason) != reason, (how, reason)
            # the same reason met by "Check for requests now" (new-user hunt: it stayed English)
            from gui.views import requests
            report = types.SimpleNamespace(new=(), rejected=(reason,), problems=())
            assert in_owner_language(reason) in requests.sync_text(report), (how, reason)
    finally:
        agent.close()


# a delivery that could not reach the upload server ------------------------------------------
def test_an_upload_that_gave_up_reads_in_spanish_down_to_the_network_words(spanish, tmp_path,
                                                                           monkeypatch):
    monkeypatch.setattr(tus_setbacks, "UPLOAD_BACKOFF",
                        replace(tus_setbacks.UPLOAD_BACKOFF, base_s=0.005))
    src = tmp_path / "package.tar"
    src.write_bytes(b"x" * 1000)
    endpoint = f"http://127.0.0.1:{closed_port()}/files"
    message = error_of(lambda: upload_file(src, endpoint, state_dir=tmp_path / "uploads",
                                           max_attempts=2), UploadError)
    message = resumable(message)   # as desk_decisions says a resumable failure of approve
    said = in_owner_language(message)
    refused = _WORDS[errno.ECONNREFUSED].format(path="")
    assert spanish_of(refused) in said and refused not in said, said
    for english in ("Gave up", "Nothing is lost", "cannot reach", "approve it again"):
        assert english not in said, said
    assert endpoint in said


@pytest.mark.parametrize("limit", ["--max-chunk-size", "--max-size"])
def test_an_upload_server_refusing_what_is_sent_as_too_large_reads_in_spanish(spanish, tmp_path,
                                                                               limit):
    # the real tus server refusing every part (a chunk limit under the smallest part) or the
    # package itself (a size limit under it)
    server = RealTus(tmp_path / "server", limit, "1000")
    server.start()
    try:
        src = tmp_path / "package.tar"
        src.write_bytes(b"x" * 100_000)
        message = error_of(lambda: upload_file(src, server.endpoint,
                                               state_dir=tmp_path / "uploads"), UploadError)
    finally:
        server.kill()
    said = in_owner_language(message)
    assert matches(message) is not None, message
    for english in ("too large", "tell the agency"):
        assert english not in said, said
    assert "413" in said and ("65,536" in said) == (limit == "--max-chunk-size"), said


def _answers(how: str, hostile: Hostile):
    """A hook for the hostile tus server answering PATCH (and HEAD) the way `how` says."""
    def keep(path, body, n):
        up = hostile.uploads[path.rsplit("/", 1)[1]]
        up["data"] += body[:n]
        return 204, {"Upload-Offset": str(len(up["data"]))}, b""

    patches = {
        "busy": lambda p, h, b: (503, {}, b'{"error": "busy", "detail": "try later"}'),
        "none": lambda p, h, b: (204, {"Upload-Offset": h["upload-offset"]}, b""),
        "sliver": lambda p, h, b: keep(p, b, 1),
        "damaged": lambda p, h, b: (460, {}, b"checksum mismatch"),
        "disagree": lambda p, h, b: (409, {}, b"offset mismatch"),
        "confusing": lambda p, h, b: (204, {}, b""),
        "silent": lambda p, h, b: (409, {}, b"offset mismatch"),
        "back": lambda p, h, b: keep(p, b, len(b)) if hostile.count("PATCH") == 1 else
        (409, {}, b"offset mismatch"),
        "lying": lambda p, h, b: (204, {"Upload-Offset": "199999"}, b""),
    }

    def hook(method, path, headers, body):
        if method == "PATCH":
            return patches[how](path, headers, body)
        if method == "HEAD" and how in ("silent", "back"):
            return 200, {} if how == "silent" else {"Upload-Offset": "0"}, b""
        return None
    return hook


@pytest.mark.parametrize("how", ["busy", "none", "sliver", "damaged", "disagree", "confusing",
                                 "silent", "back", "lying"])
def test_why_an_upload_server_was_given_up_on_reads_in_spanish(spanish, tmp_path, monkeypatch,
                                                                how):
    # Seen: only the network's words were Spanish; a 5xx storm read "Se dejó de intentar tras
    # 2 intentos: the server answered 503 try later. ..."
    monkeypatch.setattr(tus_setbacks, "UPLOAD_BACKOFF",
                        replace(tus_setbacks.UPLOAD_BACKOFF, base_s=0.005))
    hostile = Hostile()
    try:
        hostile.hook = _answers(how, hostile)
        src = tmp_path / "package.tar"
        src.write_bytes(os.urandom(200_000))
        message = error_of(lambda: upload_file(src, hostile.endpoint, chunk_size=64 * 1024,
                                               state_dir=tmp_path / "uploads", max_attempts=2),
                           UploadError)
    finally:
        hostile.close()
    said = in_owner_language(message)
    for english in ("Gave up", "gave up", "the server", "the chunk", "The upload server"):
        assert english not in said, (message, said)


@pytest.mark.parametrize("where", ["redirect", "elsewhere", "credentials", "nowhere",
                                   "malformed"])
def test_an_upload_server_sending_the_package_elsewhere_reads_in_spanish(spanish, tmp_path,
                                                                          where):
    # What keeps the package on the agency's origin was said in English in the Spanish app.
    hostile = Hostile()
    port = hostile.httpd.server_address[1]
    answers = {"redirect": (307, {"Location": "https://collector.example.net/files"}),
               "elsewhere": (201, {"Location": "http://127.0.0.2:9/files/x"}),
               "credentials": (201, {"Location": f"http://who:pw@127.0.0.1:{port}/files/u1"}),
               "nowhere": (201, {}),
               "malformed": (201, {"Location": "http://[::1"})}
    try:
        status, headers = answers[where]
        hostile.hook = lambda m, p, h, b: (status, headers, b"") if m == "POST" else None
        src = tmp_path / "package.tar"
        src.write_bytes(b"x" * 1000)
        message = error_of(lambda: upload_file(src, hostile.endpoint,
                                               state_dir=tmp_path / "uploads"), UploadError)
    finally:
        hostile.close()
    said = in_owner_language(message)
    assert said.startswith(("El servidor de envío", "La dirección de envío")), (message, said)
    assert "upload" not in said and "refused" not in said, said


@pytest.mark.parametrize("refused", ["POST", "PATCH"])
def test_an_upload_server_refusing_what_is_sent_reads_in_spanish(spanish, tmp_path, refused):
    hostile = Hostile()
    status = 403 if refused == "POST" else 400
    try:
        hostile.hook = lambda m, p, h, b: (status, {"Content-Type": "application/json"},
                                           b'{"error": "x", "detail": "not today"}') \
            if m == refused else None
        src = tmp_path / "package.tar"
        src.write_bytes(b"x" * 1000)
        message = error_of(lambda: upload_file(src, hostile.endpoint,
                                               state_dir=tmp_path / "uploads"), UploadError)
    finally:
        hostile.close()
    said = in_owner_language(message)
    part = "el nuevo envío" if refused == "POST" else "una parte del paquete"
    assert said.startswith(f"El servidor de envío rechazó {part} ({status}: not today)"), said
    assert "upload" not in said and "agency" not in said, said


@pytest.mark.parametrize("versions", ["2.0.0", None])
def test_an_upload_server_speaking_another_tus_version_reads_in_spanish(spanish, tmp_path,
                                                                        versions):
    hostile = Hostile()
    try:
        hostile.hook = lambda m, p, h, b: (412, {"Tus-Version": versions} if versions else {},
                                           b"") if m == "POST" else None
        src = tmp_path / "package.tar"
        src.write_bytes(b"x" * 1000)
        message = error_of(lambda: upload_file(src, hostile.endpoint,
                                               state_dir=tmp_path / "uploads"), UploadError)
    finally:
        hostile.close()
    said = in_owner_language(message)
    assert matches(message) is not None, message
    speaks = "; habla 2.0.0" if versions else ""
    assert said.startswith(f"El servidor de envío no habla tus 1.0.0, la versión del protocolo "
                           f"de envío que usa esta aplicación (412{speaks}), así que"), said
    assert "avise a la agencia" in said and "agency" not in said, said


def test_an_upload_address_longer_than_a_portal_takes_reads_in_spanish(spanish, tmp_path):
    hostile = Hostile()
    try:
        hostile.hook = lambda m, p, h, b: (201, {"Location": "/files/" + "a" * 3000}, b"") \
            if m == "POST" else None
        src = tmp_path / "package.tar"
        src.write_bytes(b"x" * 1000)
        message = error_of(lambda: upload_file(src, hostile.endpoint,
                                               state_dir=tmp_path / "uploads"), UploadError)
    finally:
        hostile.close()
    assert matches(message) is not None, message
    said = in_owner_language(message)
    assert said.startswith("El servidor de envío dio al paquete una dirección de 3"), said
    assert "2,048" in said or "2048" in said or "2.048" in said, said
    assert "avise a la agencia" in said and "agency" not in said, said


def test_a_new_upload_made_at_another_origins_address_reads_in_spanish(spanish, tmp_path):
    hostile = Hostile()
    try:
        hostile.hook = lambda m, p, h, b: (201, {"Location": "https://tus.internal:1080/files/u1"},
                                           b"") if m == "POST" else None
        src = tmp_path / "package.tar"
        src.write_bytes(b"x" * 1000)
        message = error_of(lambda: upload_file(src, hostile.endpoint,
                                               state_dir=tmp_path / "uploads"), UploadError)
    finally:
        hostile.close()
    assert matches(message) is not None, message
    said = in_owner_language(message)
    assert said.startswith("El servidor de envío creó el envío nuevo en "
                           "https://tus.internal:1080, no en http://127.0.0.1:"), said
    assert "avise a la agencia" in said and "agency" not in said, said


def test_a_submission_the_portal_refuses_as_sent_reads_in_spanish_with_the_apps_button(
        spanish):
    message = submission_refused("Example PD's portal refused (HTTP 400): upload_url is not "
                                 "on this portal", "yard")
    assert matches(message) is not None, message
    said = in_owner_language(message)
    assert said.startswith("el portal de Example PD lo rechazó (HTTP 400): upload_url"), said
    assert "El paquete de yard se envió entero" in said, said
    assert "avise a la agencia" in said and "Intentar enviar de nuevo" in said, said
    for english in ("tell the agency", "approve it again", "sent whole"):
        assert english not in said, said
    logged = in_owner_language(message, advice=False)
    assert "apruébela de nuevo" in logged and "Intentar enviar" not in logged, logged


def test_a_receipt_that_cannot_be_trusted_reads_in_spanish_with_the_apps_own_advice(spanish):
    forged = "eyJhbGciOiJFZERTQSJ9.e30.c2lnbmF0dXJl"   # a token not signed by the agency
    with pytest.raises(ReceiptError) as caught:
        verify_receipt(forged, agency(1), "0" * 64, "req-1")
    message = resumable(_untrusted('Springfield PD', 'porch', caught.value))
    said = in_owner_language(message)
    for english in ("took the package", "cannot be trusted", "approve it again",
                    "agencies add", "trust store"):
        assert english not in said, said
    assert said.count("Springfield PD") == 2 and "porch" in said, said


def test_a_receipt_the_agency_signed_for_another_request_reads_in_spanish(spanish):
    # the words of test_delivery_faults' receipt naming another request, in the app
    message = resumable(_misfit("Springfield PD", "porch", ReceiptError(
        "the receipt is for request other-request, not req-1")))
    assert matches(message) is not None, message
    said = in_owner_language(message)
    assert said.startswith("El portal de Springfield PD recibió el paquete de porch"), said
    assert "(el recibo es de la solicitud other-request, no de req-1)" in said, said
    assert "Intentar enviar de nuevo" in said and "avise a la agencia" in said, said
    for english in ("took the package", "does not fit", "approve it again", "trust store"):
        assert english not in said, said
    logged = in_owner_language(message, advice=False)
    assert "apruébela de nuevo" in logged and "Intentar enviar" not in logged, logged


@pytest.mark.parametrize("changes", [{"id": "https://POLICE.example.gov/"},
                                     {"id": "https://pd.example.gov"}])
def test_an_agency_file_that_looks_like_a_trusted_agency_reads_in_spanish(spanish, tmp_path,
                                                                          changes):
    from tests.test_agencies import agency_doc, write

    store = TrustStore(tmp_path / "home")
    store.add(write(tmp_path, agency_doc()))
    message = error_of(lambda: store.change(write(tmp_path, agency_doc(**changes), "b.json")),
                       TrustStoreError)
    assert matches(message), message
    said = in_owner_language(message)
    for english in ("Nothing was imported", "which you trust already", "call "):
        assert english not in said, said
    assert "Example Police Department" in said and "+1-206-555-0100" in said, said


def test_a_name_mixing_alphabets_and_trusting_with_a_locked_key_read_in_spanish(
        spanish, tmp_path, monkeypatch):
    from agent.identity.keys import OwnerKey
    from tests.test_agencies import agency_doc, write

    store = TrustStore(tmp_path / "home")
    forged = write(tmp_path, agency_doc(name="\u0415\u0445ample Police Department"))
    message = error_of(lambda: store.add(forged), TrustStoreError)
    assert matches(message), message
    said = in_owner_language(message)
    assert "Nothing was imported" not in said and "alphabets" not in said, said
    assert "\u0415\u0445ample" in said, said

    OwnerKey.load_or_create(tmp_path / "locked", b"a passphrase")
    monkeypatch.delenv("FOOTAGE_AGENT_PASSPHRASE", raising=False)
    message = error_of(lambda: TrustStore(tmp_path / "locked").add(
        write(tmp_path, agency_doc(), "a.json")), TrustStoreError)
    assert matches(message), message
    assert "nothing was imported" not in in_owner_language(message)
    assert not (tmp_path / "locked" / "agencies").exists()   # refused before anything was kept


def test_an_agency_file_not_as_accepted_reads_in_spanish_with_the_apps_button(spanish,
                                                                               tmp_path):
    import json

    from agent.requests.trust_pins import pins_path
    from tests.test_agencies import agency_doc, write

    store = TrustStore(tmp_path / "home")
    store.add(write(tmp_path, agency_doc()))
    (kept,) = (tmp_path / "home" / "agencies").glob("*.json")
    kept.write_text(json.dumps({**json.loads(kept.read_text()), "phone": "+1-900-555-0199"}))
    ((_, changed),) = store.damaged()
    pins_path(tmp_path / "home").unlink()
    ((_, deleted),) = store.damaged()
    for message in (changed, deleted):
        assert matches(message), message
        said = in_owner_language(message)
        for english in ("not trusted", "footage-agent", "Accept again", "someone deleted"):
            assert english not in said, said
        assert "Aceptar de nuevo" in said and "huellas" in said, said
    assert "+1-206-555-0100" in in_owner_language(changed)


@pytest.mark.parametrize("what", ["progress", "package"])
def test_an_upload_whose_progress_cannot_be_saved_or_package_read_reads_in_spanish(
        spanish, tmp_path, what):
    # uploads/ cannot be made (a file is where its folder should be): the real code path of a
    # full or read-only disk, said as the operating system's words are; or the package is gone
    src = tmp_path / "package.tar"
    if what == "progress":
        src.write_bytes(b"x" * 1000)
    (tmp_path / "home").write_bytes(b"")
    hostile = Hostile()
    try:
        message = error_of(lambda: upload_file(src, hostile.endpoint,
                                               state_dir=tmp_path / "home" / "uploads"),
                           UploadError)
    finally:
        hostile.close()
    message = resumable(message)
    said = in_owner_language(message)
    for english in ("Cannot save", "upload's progress", "Cannot read", "approve it again",
                    "check the path", "does not exist"):
        assert english not in said, (message, said)


# a recorder on the network ------------------------------------------------------------------
@pytest.mark.parametrize("how", ["closed", "no answer", "call limit"])
def test_the_recorder_unreachable_or_cut_off_reads_in_spanish(spanish, how):
    server, port = silent_server()
    if how == "closed":
        server.close()
        port = closed_port()
    wire = Wire(httpx.URL(f"http://127.0.0.1:{port}"), "hikvision",
                timeout_s=0.3 if how != "call limit" else 10.0,
                call_limit_s=0.3 if how == "call limit" else 10.0)
    try:
        message = error_of(lambda: wire.call("GET", "/ISAPI/System/deviceInfo"), RecorderError)
    finally:
        wire.close()
        server.close()
    template = matches(message)
    assert template is not None and "{where}" in template, message
    said = in_owner_language(message)
    assert said != message and f"127.0.0.1:{port}" in said
    if "{reason}" not in template:
        assert said == spanish_of(template, **_values(template, message))


def test_a_reolink_nvr_sending_no_footage_at_all_reads_in_spanish(spanish, tmp_path):
    # The owner's words when neither the NVR's cut nor the whole recording comes (firmware
    # that ends every download with no reply, reolink_aio#190), and the reason given on the
    # way: made by the agent's own client against the simulated firmware.
    start = 1_780_000_000 * US
    write_clip(ClipSpec(path=tmp_path / "nvr" / channel_folder(1, "Yard")
                        / clip_name(start, start + 2 * US), start_us=start, seconds=2, fps=5))
    with Simulator(tmp_path / "nvr", "reolink", "admin", "pw",
                   quirks=("reolink-no-download",)) as sim:
        recorder = open_recorder(RecorderAddress(sim.url, "reolink", "admin", None, "UTC"), "pw")
        try:
            (recording,) = recorder.search(0, start, start + 2 * US)
            message = error_of(lambda: recorder.fetch(recording, start, start + US,
                                                      tmp_path / "got"), RecorderError)
        finally:
            recorder.close()
    # What any request answered by a closed connection says (a camera's download, say).
    listener = socket.create_server(("127.0.0.1", 0))
    wire = Wire(httpx.URL(f"http://127.0.0.1:{listener.getsockname()[1]}"), "reolink")
    try:
        def read_then_close() -> None:
            conn, _ = listener.accept()
            with conn:
                conn.recv(65536)   # the request read, then no answer at all

        accepted = threading.Thread(target=read_then_close)
        accepted.start()
        reason = error_of(lambda: wire.call("GET", "/cgi-bin/api.cgi",
                                            params={"cmd": "Download"}), RecorderError)
        accepted.join()
    finally:
        wire.close()
        listener.close()
    for said in (message, reason):
        template = matches(said)
        assert template is not None and "{where}" in template, said
        values = _values(template, said)
        # a reason the network gave is said in the owner's language too (network_words)
        values = {k: in_owner_language(v) if k == "reason" else v for k, v in values.items()}
        assert in_owner_language(said) == spanish_of(template, **values) != said


# an export refused for damaged frames -------------------------------------------------------
def test_an_export_refused_for_damaged_frames_reads_in_spanish(spanish):
    for lost in [dict(dropped_frames=3, first_dropped_us=1_780_000_000 * US,
                      dropped_audio_packets=2),
                 dict(dropped_frames=4, first_dropped_us=None, dropped_audio_packets=0),
                 dict(dropped_frames=1, first_dropped_us=US, dropped_audio_packets=1)]:
        message = str(_dropped(types.SimpleNamespace(**lost)))
        parts, advice = message.split(": ", 1)
        said = in_owner_language(message)
        expected = "; ".join(spanish_of(matches(p), **_values(matches(p), p))
                             for p in parts.split("; "))
        assert said == expected + ": " + spanish_of(advice)


# a recording whose timestamps go back partway through -------------------------------------
def test_a_recording_read_up_to_a_step_back_in_its_timestamps_reads_in_spanish(spanish):
    step = ClockStep(Path("E:/grabaciones/CH01_20261120_220000_220006.ts"), 1_780_000_000 * US)
    words = stepped_words(step)
    template = matches(words)
    assert template is not None, f"no template for the agent's {words!r}"
    said = in_owner_language(words)
    assert said == spanish_of(template, **_values(template, words))
    assert step.path.name in said and core_words._time(local_text(step.last_us)) in said
    refused = f"no frames of this camera lie inside the window; {words}"
    assert in_owner_language(refused) == (spanish_of(matches(refused.split("; ")[0])) + "; "
                                          + said)


def test_a_recording_that_starts_without_a_keyframe_reads_in_spanish(spanish):
    head = HeadlessStart(Path("E:/grabaciones/CH01_20261120_220000_220006.mp4"),
                         1_780_000_000 * US)
    words = headless_words(head)
    template = matches(words)
    assert template is not None, f"no template for the agent's {words!r}"
    said = in_owner_language(words)
    assert said == spanish_of(template, **_values(template, words))
    assert head.path.name in said


# end to end: a job failing in the app, in Spanish -------------------------------------------
def test_an_export_to_a_missing_drive_shows_the_spanish_reason_on_the_page(
        qtbot, spanish, tmp_path, footage):  # noqa: F811
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    window, agent = open_window(qtbot, world.home)
    out = tmp_path / "usb stick" / "clips"   # the stick is not plugged in
    try:
        page = choose_window(qtbot, window, world.start_us + US, world.start_us + 3 * US)
        next(iter(page.strip.checks.values())).setChecked(True)
        shown = export_result(qtbot, window, page, out)
    finally:
        window.shutdown()
        agent.close()
    english = error_of(lambda: package_folder(out), NotThere)   # what the agent says
    template = matches(english)
    assert spanish_of(template, **_values(template, english)) in shown
    assert english not in shown and str(out) in shown


# a request's reason, and a check's problems -------------------------------------------------
def test_a_requests_failure_reads_in_spanish_and_a_typed_decline_reason_as_typed(spanish):
    from gui.views import requests
    message = plain_os_error(OSError(errno.ENOSPC, "No space left on device", WINDOWS_PATH))
    spanish_words = spanish_of(matches(message), path=WINDOWS_PATH)
    view = types.SimpleNamespace(problem=None, reason=message, decision_error=None,
                                 status="failed")
    assert requests.reason(view) == spanish_words
    view.status = "declined"   # the owner's own words, even were they the core's sentence
    assert requests.reason(view) == message
    report = types.SimpleNamespace(new=(), rejected=(), problems=(message,))
    assert requests.sync_text(report) == spanish_words[:1].upper() + spanish_words[1:]


def test_the_cameras_too_big_for_a_fat_drive_read_in_spanish(spanish, tmp_path):
    from agent.export.drive_limit import cameras_too_big
    folder = tmp_path / "USB stick"
    one = cameras_too_big(folder, "vfat", {"porch": 1000, "yard": 5_200_000_000})
    two = cameras_too_big(folder, "FAT32", {"porch": 4_600_000_000, "yard": 5_200_000_000})
    assert "yard" in one and "porch" not in one and "porch, yard" in two
    assert cameras_too_big(folder, "exfat", {"yard": 5_200_000_000}) is None
    for message in (one, two):
        template = matches(message)
        assert template is not None, message
        said = in_owner_language(message)
        assert said == spanish_of(template, **_decimal_comma(_values(template, message)))
        assert str(folder) in said and "yard" in said
        assert "5,2 GB" in said and "5.2" not in said, said   # as the app writes sizes


def test_a_clip_too_big_for_its_fat_drive_reads_in_spanish(spanish, tmp_path):
    from agent.export.drive_limit import size_problem, too_big_words
    folder = tmp_path / "USB stick" / "clips"
    for message in (size_problem(folder, 5_200_000_000, "vfat"), too_big_words(folder, None)):
        template = matches(message)
        assert template is not None, message
        said = in_owner_language(message)
        assert said == spanish_of(template, **_decimal_comma(_values(template, message)))
        assert str(folder) in said and said != message and "5.2 GB" not in said


def _decimal_comma(values: dict) -> dict:
    """The core's sizes ("5.2 GB") as the Spanish app writes them ("5,2 GB")."""
    return {k: v.replace(".", ",") if k in ("size", "sizes") else v for k, v in values.items()}


def test_an_export_with_the_homes_disk_full_reads_in_spanish(spanish, tmp_path, monkeypatch):
    from agent import owner_exports
    monkeypatch.setattr(owner_exports, "EXPORT_ROOM_BYTES", 1 << 62)   # more than any disk
    agent = Agent(tmp_path / "home")
    try:
        message = error_of(lambda: agent.check_room_to_export(tmp_path / "usb"), AgentError)
    finally:
        agent.close()
    template = matches(message)
    assert template is not None, message
    assert in_owner_language(message) == spanish_of(template, home=str(agent.home),
                                                    out=str(tmp_path / "usb"))


def test_a_folder_removed_while_it_is_scanned_reads_in_spanish(spanish):
    from agent.owner_index import removed_words
    message = removed_words(WINDOWS_PATH)
    assert in_owner_language(message) == spanish_of(matches(message), path=WINDOWS_PATH)


@pytest.mark.parametrize("faces,masks,hidden", [(False, True, "máscaras de privacidad"),
                                                (True, True, "caras difuminadas"),
                                                (False, False, "nada")])
def test_other_redaction_choices_on_a_kept_approval_read_in_spanish(spanish, faces, masks,
                                                                    hidden):
    """Seen: refused in English in the Spanish app, what the approval hides with it."""
    from agent.requests.approval_choices import ApprovalRefused, same_approval
    from agent.requests.records import Approval
    kept = types.SimpleNamespace(approval=Approval(1, 2, ("porch",), "copy", False, faces,
                                                   masks))
    with pytest.raises(ApprovalRefused) as refused:
        same_approval(kept, None, None, None, None, None, blur_faces=not faces)
    said = in_owner_language(str(refused.value))
    assert "redaction" not in said and "privacy masks" not in said, said
    assert "faces blurred" not in said and "(nothing)" not in said, said
    assert hidden in said and "nunca" not in said, said


@pytest.mark.parametrize("status", ["delivered", "failed"])
def test_a_decline_refused_for_a_fetched_receipt_or_stopped_reads_in_spanish(spanish, status):
    from agent.requests.desk_decisions import DECLINE_STOPPED
    from agent.requests.withdrawal import fetched_refusal
    entry = types.SimpleNamespace(jti="req-1", status=status, deliveries=(
        types.SimpleNamespace(camera="yard", receipt="token"),
        types.SimpleNamespace(camera="porch", receipt=None)))
    said = in_owner_language(fetched_refusal(entry, "Example PD"))
    assert "Example PD ya tiene las grabaciones de yard para la solicitud «req-1»" in said, said
    assert ("Intentar enviar de nuevo" in said) == (status == "failed"), said
    assert "approve" not in said and "fetched" not in said, said
    said = in_owner_language(DECLINE_STOPPED)
    assert said.startswith("el rechazo se detuvo") and "decline" not in said, said


@pytest.mark.parametrize("status", ["new", "held", "approved", "declined", "expired",
                                    "exporting", "uploading", "delivered", "failed"])
def test_a_decline_refused_for_where_the_request_stands_reads_in_spanish(spanish, status):
    """The decline hunt: the app's page offers Decline on the request as it was read, which
    may have expired, or been declined or approved from a terminal, since: the refusal
    ('request ... has expired; only a new or held request, ... can be declined') was English."""
    from agent.requests.status_words import not_declinable, status_said
    said = in_owner_language(not_declinable("req-1", status))
    assert "«req-1»" in said and status_said(status) not in said, said
    assert "only a new" not in said, said


@pytest.mark.parametrize("reason", ["red \x1b[31m", "evil \u202e"])
def test_a_reason_the_agency_may_not_receive_is_refused_in_spanish(spanish, reason):
    """The decline hunt: a reason holding a terminal escape or a text-direction control is
    refused before anything is signed (desk_decisions.unsendable_reason); said in Spanish,
    the character named as the agent names it."""
    from agent.requests.desk_decisions import unsendable_reason
    from frp.claims import reason_problem
    said = in_owner_language(unsendable_reason(reason_problem(reason)))
    assert "the reason holds" not in said and "write the reason" not in said, said
    assert ("\\x1b" if "\x1b" in reason else "\\u202e") in said, said


@pytest.mark.parametrize("inside", ["", "data"])
def test_an_export_into_a_package_reads_in_spanish(spanish, tmp_path, inside):
    from agent.export.destination import NotThere, package_folder
    package = tmp_path / "USB stick" / "manual_porch_20261120T220000Z-20261120T220100Z_copy"
    (package / "data").mkdir(parents=True)
    (package / "bagit.txt").write_text("BagIt-Version: 1.0\n")
    message = error_of(lambda: package_folder(package / inside), NotThere)
    template = matches(message)
    assert template is not None, message
    said = in_owner_language(message)
    assert said == spanish_of(template, **_values(template, message)) and said != message
    assert "paquete de pruebas" in said and str(package.parent) in said


def test_a_folder_under_a_file_reads_in_spanish(spanish, tmp_path):
    from agent.export.destination import NotThere, package_folder
    (tmp_path / "clip.mp4").write_bytes(b"")
    message = error_of(lambda: package_folder(tmp_path / "clip.mp4" / "clips"), NotThere)
    template = matches(message)
    assert template is not None, message
    said = in_owner_language(message)
    assert said == spanish_of(template, **_values(template, message)) and said != message
    assert "es un archivo, no una carpeta" in said


@pytest.mark.skipif(os.name == "nt", reason="making a link needs an administrator on Windows")
@pytest.mark.parametrize("chosen, words", [
    ("stick", "es un enlace a"), ("stick/clips", "ya que"),
    ("/proc", "carpeta propia del sistema"), ("/proc/clips", "carpeta propia del sistema")])
def test_a_folder_chosen_that_leads_nowhere_or_is_the_systems_reads_in_spanish(
        spanish, tmp_path, chosen, words):
    """Export hunt 13: a folder that is a link to a stick taken out, and Linux's /proc, are
    said so (agent/export/destination.py), in the owner's language on the Export page."""
    from agent.export.destination import NotThere, package_folder
    if chosen.startswith("/proc") and not os.path.isdir("/proc/self"):
        pytest.skip("no /proc here")
    (tmp_path / "stick").symlink_to(tmp_path / "gone")
    message = error_of(lambda: package_folder(tmp_path / chosen), NotThere)
    template = matches(message)
    assert template is not None, message
    said = in_owner_language(message)
    assert said == spanish_of(template, **_values(template, message)) and said != message
    assert words in said and ("/proc" in said or str(tmp_path / "gone") in said)
