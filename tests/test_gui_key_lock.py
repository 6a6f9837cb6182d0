"""An owner key protected by a passphrase, in the app (new-user hunt). The app had no way to
give the passphrase: every approval, decline and export failed with "The owner key is
protected by a passphrase. Enter the passphrase. (set FOOTAGE_AGENT_PASSPHRASE to give it)",
in English whatever the app's language, and an owner who starts the app from a menu cannot set
a variable. Now the app asks above every page, says a wrong passphrase in the owner's words,
and once it is unlocked, signs for the rest of the run."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from agent.timebase import US  # noqa: E402
from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import choose_window, open_window, settle, spanish  # noqa: E402,F401

# How a passphrase is stretched is not what these tests are about (tests/test_keys.py).
pytestmark = pytest.mark.usefixtures("cheap_scrypt")

PASSPHRASE = "correct horse battery"


@pytest.fixture
def locked(qtbot, tmp_path, monkeypatch):
    """The app on a home whose key was made with a passphrase, started without it."""
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)   # the key is made protected
    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    monkeypatch.delenv("FOOTAGE_AGENT_PASSPHRASE")   # the app started from a menu
    window, agent = open_window(qtbot, world.home)
    yield window, world, tmp_path
    window.shutdown()
    agent.close()


def export(qtbot, window, world, out) -> tuple[str, str]:
    """Export two seconds of the driveway camera by hand: (the stage, the result) shown."""
    page = choose_window(qtbot, window, world.start_us + US, world.start_us + 3 * US)
    for camera, check in page.strip.checks.items():
        check.setChecked(camera == "driveway")
    page.folder.setText(str(out))
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    settle(qtbot, window, timeout=60000)
    return window.progress.stage.text(), window.progress.result.text()


def unlock(qtbot, window, typed: str, enter: bool) -> None:
    lock = window.key_lock
    lock.passphrase.setText(typed)
    if enter:
        qtbot.keyClick(lock.passphrase, Qt.Key_Return)
    else:
        qtbot.mouseClick(lock.unlock_button, Qt.LeftButton)
    settle(qtbot, window)


def test_a_locked_key_is_asked_for_and_a_wrong_passphrase_said(qtbot, locked):
    window, world, tmp_path = locked
    lock = window.key_lock
    assert lock.isVisible()
    stage, said = export(qtbot, window, world, tmp_path / "exports")
    assert stage == "It did not work"
    assert "type it at the top of the window and press Unlock" in said, said
    assert "FOOTAGE_AGENT_PASSPHRASE" not in said
    assert lock.isVisible()   # above the progress page too

    unlock(qtbot, window, "wrong horse", enter=True)
    assert lock.isVisible() and lock.status.text() == (
        "The passphrase for the owner key is wrong. Try again.")
    assert lock.passphrase.hasFocus() and lock.passphrase.selectedText() == "wrong horse"

    unlock(qtbot, window, PASSPHRASE, enter=False)
    assert not lock.isVisible() and lock.passphrase.text() == ""
    stage, said = export(qtbot, window, world, tmp_path / "exports")
    assert stage == "Finished", said
    assert list((tmp_path / "exports").iterdir())   # the package, signed with the unlocked key


def test_the_lock_and_a_wrong_passphrase_read_in_spanish(qtbot, locked, spanish):  # noqa: F811
    window, world, tmp_path = locked
    lock = window.key_lock
    assert lock.isVisible()
    unlock(qtbot, window, "wrong horse", enter=True)
    said = lock.status.text()
    assert said == (
        "La frase de contraseña de su clave de firma es incorrecta. Inténtelo de nuevo.")
    _stage, said = export(qtbot, window, world, tmp_path / "exports")
    assert "frase de contraseña" in said and "Desbloquear" in said, said
    assert "passphrase" not in said
