"""What stands in the place of `gui.ini` (home-files hunt 12): the app's kept choices, the
window's size and place and the last export folder, read with QSettings, which opened a named
pipe there and waited for a writer for ever, so the app never showed its window. Only an
ordinary file (or none) is read and written now; anything else is left as it is, the window
opening at a fitted size and exports offered their default folder."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="named pipes and links to devices "
                                "are made here with POSIX calls")

# The app's own calls, in a process of its own (offscreen): the window placed as the app
# opens it, its size kept as the app closes, the export folder read and kept.
_APP = """
import os, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QWidget
from gui.shell.geometry import place, remember
from gui.widgets.kept_choices import export_folder, keep_export_folder
home = Path(sys.argv[1])
app = QApplication([])
window = QWidget()
place(window, home)
print("placed", window.width() > 0)
remember(window, home)
keep_export_folder(home, "/media/usb")
print("export folder", export_folder(home))
"""


def _app(home, capped: bool = False) -> subprocess.CompletedProcess:
    """The app's calls on `home`; `capped`: its memory capped at 1 GiB, so a reading without
    end is stopped rather than taking the test's machine with it."""
    cap = ("import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
           if capped else "")
    # The timeout only keeps a hang from stalling the suite; no assert is about time.
    return subprocess.run([sys.executable, "-c", cap + _APP, str(home)], capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("what", ["a named pipe", "a link to a named pipe", "a folder"])
def test_what_stands_for_gui_ini_is_left_as_it_is_and_the_window_opens(tmp_path, what):
    """No link to a device here: QSettings saves by writing a new file and moving it over the
    link's target, so the old code, run as root, put its choices in place of /dev/zero itself
    (this hunt's first run did, and /dev/zero was made again). A link to a pipe in the test's
    own folder shows the same without touching the system's files."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    path = home / "gui.ini"
    if what == "a named pipe":
        os.mkfifo(path)
    elif what == "a link to a named pipe":
        os.mkfifo(tmp_path / "pipe")
        path.symlink_to(tmp_path / "pipe")
    else:
        path.mkdir()
    done = _app(home)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["placed True", "export folder None"], done.stdout
    assert path.is_fifo() or (path.is_dir() and not any(path.iterdir()))   # a link: its pipe


def test_an_ordinary_gui_ini_keeps_the_choices(tmp_path):
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    done = _app(home)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["placed True", "export folder /media/usb"], done.stdout
    assert "export" in (home / "gui.ini").read_text()


def test_a_link_to_a_file_elsewhere_is_not_followed_nor_written_through(tmp_path):
    """QSettings saves by moving a new file over the link's target: a gui.ini that is a link
    to an owner's file outside the home (a sync program's, a restore's, or an attacker's
    doing) had that file replaced by the app's choices when the window closed. The link is
    not followed now: nothing is read or kept, both are left as they are, and the log says
    why. The target is an ordinary file in the test's own folder."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    notes = tmp_path / "elsewhere" / "notes.txt"
    notes.parent.mkdir()
    notes.write_text("the owner's notes, not the app's choices\n")
    (home / "gui.ini").symlink_to(notes)
    done = _app(home)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["placed True", "export folder None"], done.stdout
    assert notes.read_text() == "the owner's notes, not the app's choices\n"
    assert (home / "gui.ini").is_symlink() and (home / "gui.ini").resolve() == notes
    said = (f"the window's size and place and the last export folder are not kept: "
            f"{home / 'gui.ini'} is a link to {notes}, which is not followed, so that no file "
            f"outside {home} is written over; it is left as it is (remove it to have them "
            "kept again)")
    assert done.stderr.count(said) == 1, done.stderr   # said once, not at every choice


def test_a_gui_ini_far_larger_than_any_is_left_as_it_is_not_read_whole(tmp_path):
    """QSettings read gui.ini whole as the app opened: a 2 GB sparse file there took 4 GB (a
    512 MB one peaked at 1.1 GB), and in a process capped at 1 GiB the app ended at once,
    "terminate called after throwing an instance of 'std::bad_alloc'". A gui.ini is a few
    hundred bytes: one past 64 KiB is neither read nor written, and the log says why."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    path = home / "gui.ini"
    with open(path, "wb") as f:
        f.truncate(2 << 30)
    done = _app(home, capped=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["placed True", "export folder None"], done.stdout
    assert path.stat().st_size == 2 << 30   # left as it was, for the owner to look at
    assert (f"{path} is far larger than any such file (2,147,483,648 bytes); it is left as "
            "it is") in done.stderr, done.stderr


def test_a_named_pipe_for_gui_ini_s_lock_keeps_neither_the_close_nor_an_export_waiting(
        tmp_path):
    """QSettings takes `gui.ini.lock` as it saves, and reads what stands there: with a named
    pipe there the app opened, then waited for ever as it kept its window's place on closing
    (and an export by hand, keeping its folder): the old code printed "placed True" and hung
    (cut at the timeout). Only an ordinary lock (or none) lets the choices be kept now; the
    pipe is left as it is and the log says why."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    lock = home / "gui.ini.lock"
    os.mkfifo(lock)
    done = _app(home)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["placed True", "export folder None"], done.stdout
    assert lock.is_fifo() and not (home / "gui.ini").exists()
    assert (f"{lock} is not an ordinary file (a named pipe, a device or a folder); it is left "
            "as it is") in done.stderr, done.stderr


# The app as `footage-agent gui` runs it, a file dialog made once its window is up (as the
# Export page's "Choose folder" makes one), then quit.
_DIALOG = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog
from agent.service import Agent
from gui.shell import app as gui_app
agent = Agent(sys.argv[1])
qt = gui_app.application()
def dialog():
    made = QFileDialog(None, "Save the packages in", sys.argv[1])
    print("dialog made", flush=True)
    made.deleteLater()
    qt.quit()
QTimer.singleShot(0, dialog)
code = gui_app.run(agent)
agent.close()
print("ended", code)
"""


def _dialog(home, config) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CONFIG_HOME": str(config)}
    # The timeout only keeps a hang from stalling the suite; no assert is about time.
    return subprocess.run([sys.executable, "-c", _DIALOG, str(home)], capture_output=True,
                          text=True, timeout=120, env=env)


def test_a_named_pipe_for_qts_state_in_the_owners_config_keeps_no_file_dialog_waiting(
        tmp_path):
    """Every file dialog reads Qt's own kept state (the last folder it showed) as it is made,
    from the owner's ~/.config/QtProject.conf on Linux: with a named pipe there (a dotfiles
    sync's, or anyone's who can write the owner's folder) the app's window opened and its
    first file dialog waited for ever (cut at the timeout). Qt keeps that state in the home's
    `qt` folder now, and the owner's config is neither read nor written."""
    home, config = tmp_path / "home", tmp_path / "config"
    home.mkdir(mode=0o700)
    config.mkdir()
    os.mkfifo(config / "QtProject.conf")
    done = _dialog(home, config)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["dialog made", "ended 0"], done.stdout
    assert (config / "QtProject.conf").is_fifo()
    assert (home / "qt" / "QtProject.conf").is_file()   # the dialog's state, in the home


def test_a_named_pipe_for_qts_state_in_the_home_is_left_and_the_state_kept_for_the_run(
        tmp_path):
    home, config = tmp_path / "home", tmp_path / "config"
    (home / "qt").mkdir(parents=True)
    os.mkfifo(home / "qt" / "QtProject.conf")
    done = _dialog(home, config)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["dialog made", "ended 0"], done.stdout
    assert (home / "qt" / "QtProject.conf").is_fifo() and not config.exists()
    assert (f"the file dialogs' last folders are kept for this run only: "
            f"{home / 'qt' / 'QtProject.conf'} is not an ordinary file (a named pipe, a device "
            "or a folder); it is left as it is") in done.stderr, done.stderr
