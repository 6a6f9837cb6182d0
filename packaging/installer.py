"""The Windows installer made from the one-folder app: `py packaging\\build.py --installer`.

Inno Setup 6's compiler (ISCC.exe, Windows only) builds packaging/windows/footage-agent.iss
into dist\\footage-agent-setup-VERSION.exe: a per-user install (no administrator rights) under
%LOCALAPPDATA%\\Programs\\footage-agent, a Start menu entry **Footage Requests** opening the
windowed twin, and an uninstaller that removes the app's login entry but never the owner's own
files. The compiler cannot run here; its command line and the script are checked as data in
tests/test_packaging.py, and the real build is run on Windows (packaging/README.md).
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path, PureWindowsPath

HERE = Path(__file__).resolve().parent
ISS = HERE / "windows" / "footage-agent.iss"
COMPILER = "ISCC.exe"
# Where Inno Setup 6's own installer puts its compiler: for all users, or for one user when
# installed without administrator rights.
INSTALL_FOLDERS = (("ProgramFiles(x86)", "Inno Setup 6"), ("ProgramFiles", "Inno Setup 6"),
                   ("LOCALAPPDATA", "Programs\\Inno Setup 6"))


def setup_name(version: str) -> str:
    """The setup program's file name (the script's OutputBaseFilename, with its extension)."""
    return f"footage-agent-setup-{version}.exe"


def compiler_candidates(environ: dict[str, str]) -> list[PureWindowsPath]:
    """Where to look for ISCC.exe beside PATH, in order."""
    return [PureWindowsPath(environ[var], folder, COMPILER)
            for var, folder in INSTALL_FOLDERS if environ.get(var)]


def find_compiler(environ: dict[str, str]) -> str | None:
    """ISCC.exe on PATH or where Inno Setup installs it; None when it is not installed."""
    found = shutil.which(COMPILER, path=environ.get("PATH"))
    if found:
        return found
    return next((str(p) for p in compiler_candidates(environ) if Path(p).is_file()), None)


def command(compiler: str, dist: Path, version: str) -> list[str]:
    """The compiler's command line: the version and the dist folder (which holds the
    bundle's footage-agent folder and receives the setup program) passed as defines."""
    return [compiler, f"/DAppVersion={version}", f"/DDist={dist.resolve()}", str(ISS)]


def build(dist: Path, version: str, environ: dict[str, str]) -> Path:
    """Compile the installer into `dist`; its path. Raises RuntimeError with the reason."""
    compiler = find_compiler(environ)
    if compiler is None:
        raise RuntimeError("Inno Setup 6 is not installed (https://jrsoftware.org/isdl.php; "
                           "or `winget install JRSoftware.InnoSetup`)")
    if subprocess.run(command(compiler, dist, version)).returncode != 0:
        raise RuntimeError(f"{COMPILER} failed (its output is above)")
    return dist / setup_name(version)
