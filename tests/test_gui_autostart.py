"""Starting the app at login on each system (gui/shell/autostart.py): the entries for Linux,
macOS and Windows checked as data here, the Linux one with the stock validator, and the
Settings box that writes and removes this user's entry."""
from __future__ import annotations

import configparser
import os
import plistlib
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui.shell import autostart  # noqa: E402
from tests.conftest import require_tool  # noqa: E402

EXE = "/opt/footage agent/footage-agent"      # a space, as installs have
ARGV = [EXE, "gui", "--tray"]


def test_linux_entry_is_a_valid_xdg_autostart_file_in_the_users_config(tmp_path):
    at = autostart.entry("linux", ARGV, {"XDG_CONFIG_HOME": str(tmp_path / "cfg")}, tmp_path)
    assert at.path == tmp_path / "cfg" / "autostart" / "org.footageagent.FootageAgent.desktop"
    assert autostart.entry("linux", ARGV, {}, tmp_path).path.parent == \
        tmp_path / ".config" / "autostart"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read_string(at.content.decode())
    entry = parser["Desktop Entry"]
    assert entry["Exec"] == '"/opt/footage agent/footage-agent" gui --tray'
    assert entry["Type"] == "Application" and entry["Icon"] == autostart.APP_ID
    path = tmp_path / at.path.name
    path.write_bytes(at.content)
    done = subprocess.run([require_tool("desktop-file-validate"), str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout + done.stderr


def test_desktop_exec_quotes_what_the_spec_reserves():
    assert autostart.desktop_exec(["/usr/bin/footage-agent", "gui"]) == "/usr/bin/footage-agent gui"
    assert autostart.desktop_exec(['/a b/$x"y`z\\', "100%"]) == '"/a b/\\$x\\"y\\`z\\\\" 100%%'


def test_macos_entry_is_a_launch_agent_that_starts_the_app_at_login(tmp_path):
    at = autostart.entry("darwin", ARGV, {}, tmp_path)
    assert at.path == tmp_path / "Library" / "LaunchAgents" / "org.footageagent.FootageAgent.plist"
    plist = plistlib.loads(at.content)
    assert plist["Label"] == autostart.APP_ID and plist["ProgramArguments"] == ARGV
    assert plist["RunAtLoad"] is True and "KeepAlive" not in plist   # a quit is a quit


def test_windows_entry_is_a_command_file_in_the_startup_folder(tmp_path):
    exe = r"C:\Users\Ann\AppData\Local\Programs\footage-agent\footage-agent.exe"
    env = {"APPDATA": r"C:\Users\Ann\AppData\Roaming"}
    at = autostart.entry("win32", [exe, "gui", "--tray"], env, tmp_path)
    if sys.platform != "win32":   # the known folder's default place, from %APPDATA%
        assert at.path == Path(env["APPDATA"]) / "Microsoft" / "Windows" / "Start Menu" / \
            "Programs" / "Startup" / "Footage requests.cmd"
    text = at.content.decode()
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert as_cmd_reads_it(at.content)[-1] == f'start "" /min "{exe}" "gui" "--tray"'
    assert autostart.cmd_line(['a "b"']) == '"a ""b"""'


def as_cmd_reads_it(batch: bytes) -> list[str]:
    """The lines of a batch file as cmd runs them: each decoded in the console's code page in
    force when cmd reaches it (OEM 850 at first; `chcp` changes it for the lines after), and
    `%%` read as one `%`."""
    page, lines = "cp850", []
    for raw in batch.split(b"\r\n")[:-1]:
        line = raw.decode(page).replace("%%", "%")
        lines.append(line)
        if line.split(">")[0].split() == ["chcp", "65001"]:
            page = "utf-8"
    return lines


def test_windows_entry_starts_a_program_whose_path_is_not_ascii_or_holds_a_percent(tmp_path):
    # Owners named José or Muñoz: the app lives under their profile folder.
    for exe in (r"C:\Users\José Muñoz\AppData\Local\Programs\footage-agent\footage-agent.exe",
                r"C:\Users\Ann\100% safe\footage-agent.exe",
                r"C:\Users\Дмитрий\footage-agent.exe"):
        at = autostart.entry("win32", [exe, "gui", "--tray"], {"APPDATA": r"C:\x"}, tmp_path)
        assert as_cmd_reads_it(at.content)[-1] == f'start "" /min "{exe}" "gui" "--tray"'


def test_the_program_started_is_the_frozen_app_or_this_python(monkeypatch):
    assert autostart.program() == [sys.executable, "-m", "agent.cli", "gui", "--tray"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert autostart.program() == [sys.executable, "gui", "--tray"]


def test_on_windows_the_app_starts_at_login_with_no_console_window():
    """Seen in the code: on Windows the login entry started footage-agent.exe, a console
    program, so a console window stood minimised on the taskbar all day beside the app, and
    closing it ended the app (and, from a checkout, python.exe did the same). It starts the
    frozen app's windowed program, which the spec builds beside it, or pythonw.exe."""
    import importlib.util
    from pathlib import PureWindowsPath

    folder = PureWindowsPath(r"C:\Users\José\AppData\Local\Programs\footage-agent")
    frozen = autostart.program("win32", frozen=True,
                               executable=str(folder / "footage-agent.exe"))
    assert frozen == [str(folder / "footage-agent-gui.exe"), "--tray"]
    venv = PureWindowsPath(r"C:\Users\Ann\footage agent\.venv\Scripts")
    assert autostart.program("win32", frozen=False, executable=str(venv / "python.exe")) == \
        [str(venv / "pythonw.exe"), "-m", "agent.cli", "gui", "--tray"]
    # The windowed program is the one the spec builds, and it opens the app.
    root = Path(__file__).resolve().parent.parent / "packaging"
    spec = importlib.util.spec_from_file_location("packaging_bundle", root / "bundle.py")
    bundle = sys.modules[spec.name] = importlib.util.module_from_spec(spec)   # for dataclass
    spec.loader.exec_module(bundle)
    assert bundle.GUI_NAME + ".exe" == PureWindowsPath(frozen[0]).name
    # Elsewhere a program has no console of its own: the same program, as before.
    assert autostart.program("linux", frozen=True, executable="/opt/fa/footage-agent") == \
        ["/opt/fa/footage-agent", "gui", "--tray"]
    assert autostart.program("darwin", frozen=False, executable="/usr/bin/python3") == \
        ["/usr/bin/python3", "-m", "agent.cli", "gui", "--tray"]


def test_enable_and_disable_write_and_remove_only_the_entry(tmp_path):
    at = autostart.entry("linux", ARGV, {"XDG_CONFIG_HOME": str(tmp_path)}, tmp_path)
    assert not autostart.enabled(at)
    assert autostart.enable(at) == at.path and at.path.read_bytes() == at.content
    assert autostart.enabled(at) and os.listdir(at.path.parent) == [at.path.name]
    autostart.disable(at)
    autostart.disable(at)           # twice is fine
    assert not autostart.enabled(at) and at.path.parent.is_dir()


def test_a_startup_entry_windows_holds_a_moment_is_still_put_in_place(tmp_path, monkeypatch):
    """Windows' virus scanner opens a command file written to the Startup folder as it
    arrives, and a file held open cannot be replaced or moved there: ticking 'Start when I log
    in' (or the app bringing an older entry up to date) failed with 'Access is denied' where
    the agent's own files are tried again for a second (agent.storage.replace). Windows'
    answer is given here: refused twice, then let go."""
    import errno

    monkeypatch.setattr("agent.storage.SYSTEM", "nt")
    real, refusals = os.replace, [2]

    def held(src, dst):
        if refusals[0]:
            refusals[0] -= 1
            raise PermissionError(errno.EACCES, "Access is denied", str(dst))
        real(src, dst)
    monkeypatch.setattr(os, "replace", held)
    at = autostart.windows_entry(ARGV, {"APPDATA": str(tmp_path / "Roaming")})
    assert autostart.enable(at) == at.path and at.path.read_bytes() == at.content
    assert refusals == [0] and os.listdir(at.path.parent) == [at.path.name]


def test_a_startup_entry_that_cannot_be_put_in_place_leaves_nothing_in_the_folder(
        tmp_path, monkeypatch):
    """Seen in the code: the entry was written to `Footage requests.cmd.part` beside where it
    goes, then moved; when the move was refused past its retries (a virus scanner holding the
    entry, the folder read-only), or the write failed, the `.part` file stayed in the Startup
    folder, and Windows opens every file there at login ('How do you want to open this
    file?'). Windows' refusal is given here; the entry that was there stays, the failure is
    said, and nothing else is left in the folder."""
    import errno

    monkeypatch.setattr("agent.storage.SYSTEM", "nt")
    monkeypatch.setattr("agent.storage._RETRY_S", 0)

    def held(src, dst):
        raise PermissionError(errno.EACCES, "Access is denied", str(dst))
    at = autostart.windows_entry(ARGV, {"APPDATA": str(tmp_path / "Roaming")})
    at.path.parent.mkdir(parents=True)
    at.path.write_bytes(b"@echo off\r\nstart \"\" /min \"C:\\old\\footage-agent.exe\"\r\n")
    before = at.path.read_bytes()
    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(PermissionError):
        autostart.enable(at)
    assert os.listdir(at.path.parent) == [at.path.name] and at.path.read_bytes() == before
    assert autostart.refresh(at) is False
    assert os.listdir(at.path.parent) == [at.path.name] and at.path.read_bytes() == before


def test_what_a_write_killed_midway_left_in_the_startup_folder_is_removed(tmp_path):
    """A write the app was killed in (power cut while saving Settings) cannot tidy after
    itself: the next time the entry is written, brought up to date or turned off, what such
    a write leaves (and the `.part` file older versions left) goes, and nobody else's file
    does."""
    at = autostart.windows_entry(ARGV, {"APPDATA": str(tmp_path / "Roaming")})
    folder = at.path.parent
    folder.mkdir(parents=True)
    others = {"desktop.ini", "Other app.lnk", "Other app.cmd.part", ".Other.cmd.x.tmp"}
    for name in others:
        (folder / name).write_bytes(b"theirs")
    for step in (autostart.enable, autostart.refresh, autostart.disable):
        (folder / f"{at.path.name}.part").write_bytes(b"@echo off\r\nstart")
        (folder / f".{at.path.name}.k3j_x9.tmp").write_bytes(b"@echo off\r\nsta")
        step(at)
        assert set(os.listdir(folder)) - {at.path.name} == others, step.__name__
        assert all((folder / name).read_bytes() == b"theirs" for name in others)
    assert not at.path.exists()


@pytest.fixture
def config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    return tmp_path / "cfg" / "autostart" / "org.footageagent.FootageAgent.desktop"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux entry's place")
def test_the_settings_box_starts_the_app_at_login_or_not(qtbot, tmp_path, config_home):
    pytest.importorskip("PySide6")
    from tests.gui_registering import click, nav
    from tests.gui_support import open_window, settle

    win, agent = open_window(qtbot, tmp_path / "home")
    try:
        nav(qtbot, win, "Settings")
        page = win.settings
        assert page.login.isVisible() and not page.login.isChecked()
        page.login.setChecked(True)
        click(qtbot, page.save_button)
        settle(qtbot, win)
        assert config_home.is_file() and "gui --tray" in config_home.read_text()
        page.refresh()
        settle(qtbot, win)
        assert page.login.isChecked()
        page.login.setChecked(False)
        click(qtbot, page.save_button)
        settle(qtbot, win)
        assert not config_home.exists()
    finally:
        win.shutdown()
        agent.close()


def test_a_login_entry_an_older_version_wrote_is_brought_up_to_date(tmp_path):
    at = autostart.entry("linux", ARGV, {"XDG_CONFIG_HOME": str(tmp_path / "cfg")}, tmp_path)
    assert autostart.refresh(at) is False and not at.path.exists()   # off stays off
    at.path.parent.mkdir(parents=True)
    at.path.write_bytes(b"[Desktop Entry]\nExec=/old/place/footage-agent gui --tray\n")
    assert autostart.refresh(at) is True and at.path.read_bytes() == at.content
    assert autostart.refresh(at) is False                            # already this one


def test_the_app_brings_the_login_entry_up_to_date_when_it_starts(tmp_path):
    """Seen in the code: an entry is written only when Settings are saved, so an owner who
    ticked "Start when I log in" before this version kept the old entry: on Windows the
    console program, its console window beside the app at every login. The app, started at
    login by that entry (`--tray`), rewrites it when it starts something else; a real app,
    offscreen. Opened otherwise (the Start menu, a checkout, the demo) it leaves the entry
    alone: that may be another installation's."""
    import signal
    import time

    pytest.importorskip("PySide6")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "QT_QPA_PLATFORM": "offscreen"}
    at = autostart.entry("linux", None, env, tmp_path)
    at.path.parent.mkdir(parents=True)
    at.path.write_bytes(b"[Desktop Entry]\nExec=/old/place/footage-agent gui --tray\n")
    root = Path(__file__).resolve().parent.parent
    said = tmp_path / "stderr.txt"
    with said.open("wb") as err:   # a file, not a pipe nobody reads while the app runs
        app = subprocess.Popen([sys.executable, "-m", "agent.cli", "--home",
                                str(tmp_path / "home"), "gui", "--tray"], cwd=root, env=env,
                               stdout=subprocess.DEVNULL, stderr=err)
    try:
        until = time.monotonic() + 120    # only a bound on a test that failed
        while at.path.read_bytes() != at.content and time.monotonic() < until \
                and app.poll() is None:
            time.sleep(0.1)
        assert at.path.read_bytes() == at.content, said.read_text()[-2000:]
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=60)


@pytest.mark.skipif(os.name != "posix", reason="the memory cap is set with resource")
def test_a_login_entry_of_gigabytes_is_written_anew_not_read_whole(tmp_path):
    """Home files hunt 14: the app started at login compared its entry with read_bytes, so a
    2 GB file at the entry's name (a sync program's or a restore's doing, in the owner's own
    config folder) was read whole each login: in a process capped at 1 GiB the comparison
    ended in a MemoryError and the entry was left as it was. Its size is compared first now: a
    file of another size is not this entry, and is written anew, as an older one is."""
    home = tmp_path / "owner"
    at = autostart.entry("linux", ARGV, {"XDG_CONFIG_HOME": str(home / "cfg")}, home)
    at.path.parent.mkdir(parents=True)
    with open(at.path, "wb") as f:
        f.truncate(2 << 30)
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
            "from pathlib import Path\nfrom gui.shell import autostart\n"
            "at = autostart.Entry(Path(sys.argv[1]), sys.argv[2].encode())\n"
            "print(autostart.refresh(at))\n")
    done = subprocess.run([sys.executable, "-c", code, str(at.path), at.content.decode()],
                          capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0 and done.stdout == "True\n", done.stderr[-2000:]
    assert at.path.read_bytes() == at.content
