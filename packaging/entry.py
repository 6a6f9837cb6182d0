"""The frozen app's entry point: the `footage-agent` command (the desktop app is `gui`), and on
Windows its windowed twin `footage-agent-gui.exe`, which opens the desktop app; on macOS the
program inside `Footage Requests.app`, which opens the desktop app when opened as an app (no
command given).

The twin is the same program built without a console (footage-agent.spec), so the app started
from the Start menu or at login has no console window beside it, whose closing would end it.
Without a console, Python has no stdout or stderr: what the agent says goes to `LastWords`
instead, and a start that fails (a home folder that cannot be made private, a broken install)
is said in a box, not in a window nobody can see: the app's own (in the owner's language)
where Qt can open one, else Windows' MessageBoxW with the agent's last words. The console
program double-clicked in Explorer, with no command, opens the twin (`twin_instead`).
"""
import ctypes
import io
import subprocess
import sys
from pathlib import PurePosixPath, PureWindowsPath

from agent.cli import main
from agent.commands.gui import told_in_a_window

GUI_NAME = "footage-agent-gui"   # bundle.GUI_NAME
TITLE = "Footage requests"
MB_ICONERROR = 0x10              # MessageBoxW's uType: an OK button and the error icon
DETACHED_PROCESS = 0x00000008    # CreateProcess: the twin neither shares nor gets a console


class LastWords(io.TextIOBase):
    """A stream keeping only the last `limit` characters written to it: where a windowed
    program's output goes, which may run for weeks and log now and then."""

    def __init__(self, limit: int = 4000) -> None:
        self.limit, self._text = limit, ""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._text = (self._text + text)[-self.limit:]
        return len(text)

    def getvalue(self) -> str:
        return self._text


def is_windowed(program: str) -> bool:
    """True for the windowed twin (its file name, with or without `.exe`)."""
    return PureWindowsPath(program).stem.lower() == GUI_NAME


def in_app_bundle(program: str) -> bool:
    """True for the program inside a macOS app (`Footage Requests.app/Contents/MacOS/...`)."""
    parts = PurePosixPath(program).parts
    return any(a.endswith(".app") and (b, c) == ("Contents", "MacOS")
               for a, b, c in zip(parts, parts[1:], parts[2:]))


def command(program: str, argv: list[str]) -> list[str]:
    """The agent's command line for this program: the twin's is always `gui`; the macOS app's,
    opened from Finder, the Dock or Launchpad, is `gui` too. Those start it with no arguments
    (older macOS with a `-psn_...` process serial number alone), which as a command only
    printed the usage where nobody sees it: the app did not open. Given a command (the
    LaunchAgent's `run`, a terminal's `scan`) it is that command."""
    if is_windowed(program):
        return ["gui", *argv]
    if in_app_bundle(program) and all(a.startswith("-psn_") for a in argv):
        return ["gui"]
    return list(argv)


def failure_text(said: str, code: int) -> str:
    """What the message box says when the app could not start: the agent's last words."""
    words = [line.removeprefix("footage-agent: ") for line in said.splitlines() if line.strip()]
    return "\n".join(words[-3:]) or f"The app stopped as it started (exit code {code})."


def console_alone() -> bool:
    """Windows: True when this program's console is its own, made for it as it started: the
    program was opened from Explorer (a double click), not typed in a Command Prompt, whose
    console it shares. Elsewhere False: a terminal is always someone's."""
    if sys.platform != "win32":
        return False
    try:
        ids = (ctypes.c_uint32 * 2)()
        return ctypes.windll.kernel32.GetConsoleProcessList(ids, 2) == 1
    except (AttributeError, OSError):
        return False


def twin_instead(program: str, argv: list[str], alone: bool) -> bool:
    """True for the command program opened with no command in a console of its own: an owner
    who double-clicked `footage-agent.exe`, the first of the folder's two programs, for whom
    the usage flashed in a console window that closed at once, and no app opened."""
    return not is_windowed(program) and not argv and alone


def open_twin(program: str) -> int:
    """Open the desktop app through the windowed twin beside `program`, so that this console
    window closes at once rather than stand beside the app; without the twin, the usage."""
    twin = PureWindowsPath(program).with_name(f"{GUI_NAME}.exe")
    try:
        subprocess.Popen([str(twin)], close_fds=True, creationflags=DETACHED_PROCESS)
    except OSError:
        return main([])
    return 0


def run(program: str, argv: list[str], show=None, alone=None) -> int:
    """Run the command; in the windowed twin, a failure is shown by `show` (a message box).
    `alone`: does this program have a console of its own (`console_alone`, asked when None)."""
    if not is_windowed(program):
        if twin_instead(program, argv, console_alone() if alone is None else alone):
            return open_twin(program)
        return main(command(program, argv))
    said = LastWords()
    sys.stdout = sys.stdout or said
    sys.stderr = sys.stderr or said
    told = told_in_a_window()
    code = main(command(program, argv))
    if code != 0 and told_in_a_window() == told:   # else the app's own box said it
        (show or message_box)(failure_text(said.getvalue(), code))
    return code


def message_box(text: str) -> None:
    """MessageBoxW (Windows): the one way left to say something without a console or Qt."""
    try:
        ctypes.windll.user32.MessageBoxW(None, text, TITLE, MB_ICONERROR)
    except (AttributeError, OSError):
        pass


if __name__ == "__main__":
    sys.exit(run(sys.executable, sys.argv[1:]))
