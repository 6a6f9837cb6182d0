"""The Windows installer (packaging/windows/footage-agent.iss, built by `build.py
--installer` through packaging/installer.py). Inno Setup's compiler runs only on Windows, so
the script and the compiler's command line are checked here as data, against what the rest of
the product says: the Start menu entry the user guide sends owners to opens the windowed twin
the spec builds, the install is per user where the guide says, and the uninstaller removes
the app's own login entry and nothing of the owner's."""
from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

from gui.shell import autostart
from tests.test_packaging import DESKTOP, PKG, ROOT, desktop_entry, load

ISS = PKG / "windows" / "footage-agent.iss"


def sections(text: str) -> dict[str, list[str]]:
    """The script's lines by section, comments and preprocessor lines left out."""
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith((";", "#")):
            continue
        head = re.fullmatch(r"\[(\w+)\]", line)
        if head:
            current = found.setdefault(head.group(1), [])
        else:
            current.append(line)
    return found


def entries(lines: list[str]) -> list[dict[str, str]]:
    """Inno Setup's `Key: "value"; Key: value` entries."""
    return [{key: value.strip('"') for key, value in
             (part.strip().split(": ", 1) for part in line.split("; "))} for line in lines]


def setup_values(found: dict[str, list[str]]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in found["Setup"])


def script() -> dict[str, list[str]]:
    return sections(ISS.read_text(encoding="utf-8"))


def test_the_start_menu_entry_is_the_one_the_guide_names_and_opens_the_windowed_twin():
    entry = load("entry")
    app_name = desktop_entry(DESKTOP)["Name"]
    guide = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")
    assert f"press the Windows key and type *{app_name}*" in guide
    icons = entries(script()["Icons"])
    start_menu = [i for i in icons if i["Name"] == "{autoprograms}\\" + app_name]
    assert len(start_menu) == 1 and "Tasks" not in start_menu[0]     # always made
    twin = f"{{app}}\\{entry.GUI_NAME}.exe"
    assert all(i["Filename"] == twin for i in icons)
    assert entry.is_windowed(PureWindowsPath(twin).name)
    values = setup_values(script())
    assert values["AppName"] == values["UninstallDisplayName"] == app_name
    assert values["UninstallDisplayIcon"] == twin


def test_installs_per_user_without_administrator_rights_where_the_guide_says():
    values = setup_values(script())
    # {autopf} is %LOCALAPPDATA%\Programs when the install runs for the user alone
    assert values["PrivilegesRequired"] == "lowest"
    assert values["DefaultDirName"] == "{autopf}\\footage-agent"
    guide = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")
    assert "`%LOCALAPPDATA%\\Programs\\footage-agent`" in guide
    # AppId is what an update installs over: a GUID in Inno's escaped form
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", values["AppId"])


def test_installs_the_folder_the_build_makes():
    build = load("build")
    bundle = build.bundle_executable(Path("{#Dist}"), "win32").parent
    files = entries(script()["Files"])
    assert files == [{"Source": f"{PureWindowsPath(bundle)}\\*", "DestDir": "{app}",
                      "Flags": "ignoreversion recursesubdirs createallsubdirs"}]


def test_uninstall_removes_the_login_entry_and_never_the_owners_files():
    removed = entries(script()["UninstallDelete"])
    assert removed == [{"Type": "files",
                        "Name": "{userstartup}\\" + autostart.WINDOWS_FILE}]
    assert "InstallDelete" not in script()


def test_the_compilers_command_line_and_the_setup_programs_name(tmp_path):
    installer = load("installer")
    build = load("build")
    version = build.version()
    cmd = installer.command("C:\\Inno\\ISCC.exe", tmp_path, version)
    assert cmd == ["C:\\Inno\\ISCC.exe", f"/DAppVersion={version}",
                   f"/DDist={tmp_path.resolve()}", str(ISS)]
    base = setup_values(script())["OutputBaseFilename"].replace("{#AppVersion}", version)
    assert installer.setup_name(version) == base + ".exe"
    assert setup_values(script())["OutputDir"] == "{#Dist}"


def test_the_compiler_is_found_on_the_path_or_where_inno_setup_installs_it(tmp_path):
    installer = load("installer")
    env = {"ProgramFiles(x86)": "C:\\Program Files (x86)",
           "LOCALAPPDATA": "C:\\Users\\José\\AppData\\Local", "PATH": str(tmp_path)}
    assert installer.compiler_candidates(env) == [
        PureWindowsPath("C:\\Program Files (x86)\\Inno Setup 6\\ISCC.exe"),
        PureWindowsPath("C:\\Users\\José\\AppData\\Local\\Programs\\Inno Setup 6\\ISCC.exe")]
    assert installer.find_compiler(env) is None
    compiler = tmp_path / "ISCC.exe"
    compiler.write_text("")
    compiler.chmod(0o755)
    assert installer.find_compiler(env) == str(compiler)


def test_build_says_why_no_installer_was_made_without_inno_setup(tmp_path, capsys):
    installer = load("installer")
    try:
        installer.build(tmp_path, "0.1.0", {"PATH": str(tmp_path)})
    except RuntimeError as exc:
        assert "Inno Setup 6 is not installed" in str(exc)
    else:
        raise AssertionError("built an installer without a compiler")
    assert not any(tmp_path.iterdir())
