"""Starting the app at login, in the tray, for this user only, on each system's own terms:
Linux an XDG autostart entry (~/.config/autostart), macOS a LaunchAgent
(~/Library/LaunchAgents), Windows a command file in the user's Startup folder (the known
folder FOLDERID_Startup). Off until the owner ticks it in Settings.

`entry(...)` is pure (paths and file contents as data, for any system, so the tests check the
Windows and macOS entries here too); `enable`, `disable` and `enabled` do the file work and run
in agent jobs.
"""
from __future__ import annotations

import os
import plistlib
import sys
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from agent.views import write_atomic

APP_ID = "org.footageagent.FootageAgent"
ARGS = ("gui", "--tray")
WINDOWS_FILE = "Footage requests.cmd"
WINDOWED_PROGRAM = "footage-agent-gui.exe"   # packaging/bundle.py GUI_NAME, built windowed


@dataclass(frozen=True)
class Entry:
    """The file that starts the app at login on one system."""

    path: Path
    content: bytes


def program(platform: str = sys.platform, frozen: bool | None = None,
            executable: str | None = None) -> list[str]:
    """How this installation starts the app: the frozen program itself, else this Python.

    On Windows the program without a console: a console program started at login keeps a
    console window on the taskbar for as long as it runs, and closing that window ends it.
    The frozen app's is `footage-agent-gui.exe` beside `footage-agent.exe` (the spec builds
    both; it is the `gui` command), a checkout's is `pythonw.exe` beside `python.exe`.
    """
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    executable = sys.executable if executable is None else executable
    if not platform.startswith("win"):
        return [executable, *ARGS] if frozen else [executable, "-m", "agent.cli", *ARGS]
    exe = PureWindowsPath(executable)
    if frozen:
        return [str(exe.with_name(WINDOWED_PROGRAM)), *ARGS[1:]]
    if exe.name.lower() == "python.exe":
        exe = exe.with_name("pythonw.exe")
    return [str(exe), "-m", "agent.cli", *ARGS]


def desktop_exec(argv: list[str]) -> str:
    """A command line for a desktop entry's Exec key (quoted as the XDG spec says)."""
    def quote(arg: str) -> str:
        if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`='):
            return arg
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        return f'"{escaped}"'
    return " ".join(quote(a) for a in argv).replace("%", "%%")


def cmd_line(argv: list[str]) -> str:
    """A Windows command line: each argument in double quotes (paths hold spaces)."""
    return " ".join('"' + a.replace('"', '""') + '"' for a in argv)


def linux_entry(argv: list[str], env: dict[str, str], home: Path) -> Entry:
    config = Path(env.get("XDG_CONFIG_HOME") or home / ".config")
    text = "\n".join([
        "[Desktop Entry]", "Type=Application", "Name=Footage requests",
        "Comment=Watches for footage requests and keeps your recordings index up to date",
        f"Exec={desktop_exec(argv)}", f"Icon={APP_ID}", "Terminal=false", "NoDisplay=true",
        "X-GNOME-Autostart-enabled=true", ""])
    return Entry(config / "autostart" / f"{APP_ID}.desktop", text.encode("utf-8"))


def macos_entry(argv: list[str], home: Path) -> Entry:
    plist = {"Label": APP_ID, "ProgramArguments": list(argv), "RunAtLoad": True,
             "ProcessType": "Interactive"}
    return Entry(home / "Library" / "LaunchAgents" / f"{APP_ID}.plist", plistlib.dumps(plist))


def windows_startup_folder(env: dict[str, str]) -> Path:
    """The Startup folder: the known folder when Windows answers, else its default place
    under %APPDATA% (the same unless the owner moved it)."""
    if sys.platform == "win32":
        known = _known_startup_folder()
        if known:
            return Path(known)
    return Path(env["APPDATA"]) / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"


def windows_entry(argv: list[str], env: dict[str, str]) -> Entry:
    # `start /min` hands the app over and ends the command window at once. cmd reads each line
    # of a batch file in the console's code page when it comes to it (an OEM one, 850 or 437):
    # `chcp 65001` first makes the rest read as the UTF-8 written here, so a program under
    # C:\Users\José\ is found. A `%` would start a variable there: `%%` is one `%`.
    start = f'start "" /min {cmd_line(argv)}'.replace("%", "%%")
    text = f"@echo off\r\nchcp 65001 >nul\r\n{start}\r\n"
    return Entry(windows_startup_folder(env) / WINDOWS_FILE, text.encode("utf-8"))


def entry(platform: str = sys.platform, argv: list[str] | None = None,
          env: dict[str, str] | None = None, home: Path | None = None) -> Entry:
    """The login entry for `platform` (sys.platform's names)."""
    argv = program(platform) if argv is None else argv
    env = dict(os.environ) if env is None else env
    home = Path.home() if home is None else home
    if platform.startswith("win"):
        return windows_entry(argv, env)
    if platform == "darwin":
        return macos_entry(argv, home)
    return linux_entry(argv, env, home)


def enabled(at: Entry | None = None) -> bool:
    """True when the app starts at login."""
    return (at or entry()).path.is_file()


def enable(at: Entry | None = None) -> Path:
    """Start the app at login from now on. The entry is written whole beside its place, then
    put there (tried again for a moment on Windows, where a virus scanner holds a file just
    written to the Startup folder open); whatever fails, that file is removed: Windows opens
    every file in the Startup folder at login, whatever its name."""
    at = at or entry()
    at.path.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(at.path)
    write_atomic(at.path, at.content, mode=0o644)
    return at.path


def refresh(at: Entry | None = None) -> bool:
    """Rewrite the entry when it is there but starts something else: an older version wrote
    it (on Windows, one starting the console program), or the app moved. True when it was
    rewritten; an entry that is off stays off. Failing is not an error: the entry that is
    there still starts the app, and Settings writes it again. What a write killed midway left
    goes either way (the app runs this each time it starts at login). A file of another size
    at its name is rewritten unread."""
    at = at or entry()
    _remove_leftovers(at.path)
    try:
        # its size first: a file of another size is not this entry, and one of gigabytes left
        # at its name (a sync program's, a restore's) is never read whole
        if not at.path.is_file() or (at.path.stat().st_size == len(at.content)
                                     and at.path.read_bytes() == at.content):
            return False
        enable(at)
    except OSError:
        return False
    return True


def disable(at: Entry | None = None) -> None:
    """Stop starting the app at login (only our own entry is removed)."""
    at = at or entry()
    _remove_leftovers(at.path)
    at.path.unlink(missing_ok=True)


def _remove_leftovers(path: Path) -> None:
    """Remove what a write of the entry killed midway left beside it (write_atomic's
    `.NAME.*.tmp`; older versions' `NAME.part`): only the app writes its entry, one app at a
    time, so no such file is another write's. Failing is not an error: the next write tries
    again."""
    try:
        found = [*path.parent.glob(f".{path.name}.*.tmp"), path.with_name(path.name + ".part")]
    except OSError:
        return
    for leftover in found:
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            continue


def _known_startup_folder() -> str | None:
    """SHGetKnownFolderPath(FOLDERID_Startup) (Windows only)."""
    import ctypes
    from ctypes import wintypes

    class GUID(ctypes.Structure):
        _fields_ = [("d1", wintypes.DWORD), ("d2", wintypes.WORD), ("d3", wintypes.WORD),
                    ("d4", ctypes.c_ubyte * 8)]
    startup = GUID(0xB97D20BB, 0xF46A, 0x4C97,
                   (ctypes.c_ubyte * 8)(0xBA, 0x10, 0x5E, 0x36, 0x08, 0x43, 0x08, 0x54))
    out = ctypes.c_wchar_p()
    try:
        shell32, ole32 = ctypes.windll.shell32, ctypes.windll.ole32
        if shell32.SHGetKnownFolderPath(ctypes.byref(startup), 0, None, ctypes.byref(out)):
            return None
        try:
            return out.value
        finally:
            ole32.CoTaskMemFree(out)
    except (AttributeError, OSError):
        return None
