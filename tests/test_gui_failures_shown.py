"""Failures the owner meets in the app, shown in the owner's words (new-user hunt): each is
made by the real agent (a real export onto a full or a read-only disk where one can be
mounted, a file that is not a request, a camera with nothing in the chosen time, a camera name
refused) and read on the page it reaches, in Spanish and where it matters in English too; the
templates are gui/views/core_words.py's."""
from __future__ import annotations

import os
import subprocess

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.timebase import US  # noqa: E402
from demo.gui_data import make_world  # noqa: E402
from gui.views.core_words import in_owner_language  # noqa: E402
from tests.gui_support import choose_window, export_result, footage, open_window, settle, spanish  # noqa: E402,F401


def error_of(call, kind) -> str:
    with pytest.raises(kind) as caught:
        call()
    return str(caught.value)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_file_that_is_not_a_request_says_so_in_plain_words(qtbot, tmp_path, request, language,
                                                             monkeypatch):
    """New-user hunt: opening a PDF as a request file said "request rejected: the request is
    not a well-formed signed token: a compact JWS has three parts separated by '.', this one
    has 1", in English in the Spanish app too, and a missing file began in English. (The box
    saying it is test_gui_request_file_refused's; here it is answered, and the status line
    read.)"""
    from PySide6.QtWidgets import QMessageBox
    if language == "es":
        request.getfixturevalue("spanish")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.Ok)
    window, agent = open_window(qtbot, tmp_path / "home")
    letter, text = tmp_path / "letter.pdf", tmp_path / "notes.txt"
    letter.write_bytes(b"%PDF-1.4 \xff\xfe\x00 binary")
    text.write_text("Dear owner, please send footage.")
    said = {}
    try:
        for path in (letter, text, tmp_path / "gone.jws"):
            window.inbox.import_file(str(path))
            settle(qtbot, window)
            said[path.name] = window.inbox.status.text().lower()
    finally:
        window.shutdown()
        agent.close()
    plain = {"en": "this file is not a footage request", "es": "este archivo no es una "
             "solicitud de grabaciones"}[language]
    advice = {"en": "check that you opened the file the agency sent",
              "es": "compruebe que abrió el archivo que le envió la agencia"}[language]
    for name in ("letter.pdf", "notes.txt"):
        assert plain in said[name] and advice in said[name], said[name]
    if language == "es":
        assert "well-formed" not in said["notes.txt"] and "not text" not in said["letter.pdf"]
        assert "cannot read" not in said["gone.jws"].lower(), said["gone.jws"]
        assert "no se puede leer el archivo de solicitud" in said["gone.jws"].lower()


def test_an_export_to_a_full_disk_shows_the_spanish_reason_on_the_page(
        qtbot, spanish, tmp_path, footage):  # noqa: F811
    """New-user hunt: an export that filled the disk said "the disk holding ... is full: free
    some space there, or choose another folder for the package" in English in the Spanish app
    (the export's own sentence, a few words longer than the OS's)."""
    from tests.test_cli_plain_storage import _mount_tmpfs
    disk = tmp_path / "small stick"
    disk.mkdir()
    if not _mount_tmpfs(disk, "size=64k"):
        pytest.skip("filling a disk of our own needs root")
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    window, agent = open_window(qtbot, world.home)
    try:
        page = choose_window(qtbot, window, world.start_us + US, world.start_us + 7 * US)
        for check in page.strip.checks.values():
            check.setChecked(True)
        shown = export_result(qtbot, window, page, disk)
    finally:
        window.shutdown()
        agent.close()
        # lazily: a handle the failed export's thread let go of may not be closed quite yet
        subprocess.run(["umount", "-l", str(disk)], check=True)
    assert f"El disco que contiene {disk} está lleno" in shown, shown
    assert "is full" not in shown and "for the package" not in shown, shown


def test_an_export_into_a_new_folder_on_a_read_only_disk_says_so_in_spanish(
        qtbot, spanish, tmp_path, footage):  # noqa: F811
    """New-user hunt: a new folder for the packages on a locked SD card or a read-only share
    said "[Errno 30] Read-only file system: '...'", the system's bare words, in any language."""
    from tests.test_cli_plain_storage import _mount_tmpfs
    disk = tmp_path / "locked card"
    disk.mkdir()
    if not _mount_tmpfs(disk, "size=1m,ro"):
        pytest.skip("mounting a read-only disk needs root")
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    window, agent = open_window(qtbot, world.home)
    try:
        page = choose_window(qtbot, window, world.start_us + US, world.start_us + 3 * US)
        shown = export_result(qtbot, window, page, disk / "clips")
    finally:
        window.shutdown()
        agent.close()
        subprocess.run(["umount", "-l", str(disk)], check=True)
    assert f"{disk / 'clips'} está en un disco de solo lectura" in shown, shown
    assert "Errno" not in shown and "Read-only file system" not in shown, shown


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_camera_with_no_frames_in_the_time_names_the_apps_choices(qtbot, tmp_path, request,
                                                                    language):
    """New-user hunt: a camera with nothing to cut in the chosen time said "no frames of this
    camera lie inside the window (copy mode starts at a keyframe; exact mode may find
    frames)": in English in the Spanish app, and in the command line's words (the app says
    Original quality and Exact start)."""
    if language == "es":
        request.getfixturevalue("spanish")
    world = make_world(tmp_path / "world", tmp_path / "home", seconds=6.0)
    window, agent = open_window(qtbot, world.home)
    try:
        page = choose_window(qtbot, window, world.start_us + US, world.start_us + 3 * US)
        shown = export_result(qtbot, window, page, tmp_path / "exports")
    finally:
        window.shutdown()
        agent.close()
    assert "copy mode" not in shown and "keyframe" not in shown, shown
    assert {"en": "(Original quality starts at a full picture; Exact start may find frames)",
            "es": "(Calidad original empieza en una imagen completa; Inicio exacto puede "
                  "encontrar imágenes)"}[language] in shown, shown


def test_a_camera_name_refused_reads_in_spanish(qtbot, spanish, tmp_path, footage):  # noqa: F811
    """New-user hunt: renaming a camera in Settings to a name taken, to nothing or to a very
    long one, or adding a folder under a taken name, was refused in English."""
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    window, agent = open_window(qtbot, world.home)
    said = {}
    try:
        window.show_page("settings")
        settle(qtbot, window)
        for new in ("porch", "", "x" * 300):
            window.settings.rename_camera("driveway", new)
            settle(qtbot, window)
            said[new[:5]] = window.settings.status.text()
        folder = tmp_path / "second card"
        folder.mkdir()
        added = error_of(lambda: agent.add_source(folder, camera="porch"), Exception)
    finally:
        window.shutdown()
        agent.close()
    assert said["porch"] == ("ya existe una cámara llamada «porch» (o que se llamó así); dos "
                             "cámaras nunca se unen: elija otro nombre"), said
    assert said[""] == "el nombre de una cámara no puede estar vacío", said
    assert said["xxxxx"].startswith("el nombre de una cámara tiene como máximo "), said
    assert in_owner_language(added).startswith("ya existe una cámara llamada «porch»"), added


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_file_that_is_not_an_agency_file_says_what_to_ask_for(qtbot, tmp_path, request,
                                                                 language):
    """Setting up, the owner adds the wrong file as the agency's: a text file said "the agency
    file is not valid JSON" (nothing to do about it), one for another protocol version spoke
    of "FRP version 1 ("frp": 1)", and every such refusal was English in the Spanish app."""
    import json
    if language == "es":
        request.getfixturevalue("spanish")
    files = {"notes.txt": "Dear owner", "other.json": json.dumps({"name": "x"}),
             "old.json": json.dumps({"frp": 2, "keys": [], "portal": "https://pd.example"}),
             "empty.json": ""}   # trust hunt 9: it was "not JSON" too
    window, agent = open_window(qtbot, tmp_path / "home")
    said = {}
    try:
        window.show_page("settings")
        settle(qtbot, window)
        for name, text in files.items():
            (tmp_path / name).write_text(text)
            window.settings.agencies.add(str(tmp_path / name))
            settle(qtbot, window)
            said[name] = window.settings.status.text()
    finally:
        window.shutdown()
        agent.close()
    ask = {"en": "ask your city's camera program for its agency file",
           "es": "pida al programa de cámaras de su ciudad su archivo de agencia"}[language]
    assert ask in said["notes.txt"] and ask in said["other.json"], said
    assert {"en": "for another version of the protocol (2)",
            "es": "para otra versión del protocolo (2)"}[language] in said["old.json"], said
    assert '"frp": 1' not in said["old.json"] and "valid JSON" not in said["notes.txt"], said
    assert {"en": "this is not an agency file (it is empty)",
            "es": "no es un archivo de agencia (está vacío)"}[language] in said["empty.json"], \
        said
    assert ask in said["empty.json"], said
