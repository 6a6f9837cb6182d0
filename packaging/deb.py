"""The Debian package made from the one-folder app: `python packaging/build.py --deb`.

    /opt/footage-agent/                    the PyInstaller bundle as built
    /usr/bin/footage-agent                 a link to the program in it
    /usr/share/applications/               the launcher entry (opens the app)
    /usr/share/metainfo/                   the AppStream metadata (software centres)
    /usr/share/icons/hicolor/scalable/apps the icon
    /usr/share/footage-agent/autostart/    the headless service's login entry, for an
                                           administrator to copy to /etc/xdg/autostart

Nothing starts at login by itself: each owner turns that on in the app's Settings (it writes
~/.config/autostart for that user only). The package depends on the X11 libraries Qt's xcb
plugin loads from the system. What is pure here (the control file, the file list) is tested in
tests/test_packaging.py; packaging/smoke_deb.py installs the package and runs it.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP_ID = "org.footageagent.FootageAgent"
PACKAGE = "footage-agent"
PREFIX = Path("opt") / PACKAGE
# What Qt 6's xcb platform plugin loads from the system (Qt's own list for X11, as Debian names
# the packages), with the GL, D-Bus and GLib it needs too.
DEPENDS = ("libc6 (>= 2.36)", "libdbus-1-3", "libegl1", "libfontconfig1", "libfreetype6",
           "libgl1", "libglib2.0-0", "libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0",
           "libxcb-glx0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
           "libxcb-render-util0", "libxcb-shape0", "libxcb-shm0", "libxcb-sync1",
           "libxcb-xfixes0", "libxcb-xinerama0", "libxcb-xkb1", "libxkbcommon0",
           "libxkbcommon-x11-0")


def control(version: str, arch: str, installed_kib: int) -> str:
    """The DEBIAN/control file."""
    return "\n".join([
        f"Package: {PACKAGE}", f"Version: {version}", f"Architecture: {arch}",
        "Maintainer: footage-agent developers <footage-agent@example.org>",
        f"Installed-Size: {installed_kib}", f"Depends: {', '.join(DEPENDS)}",
        "Section: video", "Priority: optional",
        "Homepage: https://github.com/footage-agent/footage-agent",
        "Description: camera owner's side of a police camera registry",
        " Indexes your own camera recordings by time, shows footage requests from agencies",
        " you trust, proves each one is genuine, and sends only the seconds you approve,",
        " sealed and signed. It never opens a listening socket and never streams live.",
        ""])


def files(bundle: Path) -> list[tuple[Path, Path]]:
    """(source, place in the package) for every file besides the bundle itself."""
    linux = HERE / "linux"
    return [
        (linux / f"{APP_ID}.desktop", Path("usr/share/applications") / f"{APP_ID}.desktop"),
        (linux / f"{APP_ID}.metainfo.xml", Path("usr/share/metainfo") / f"{APP_ID}.metainfo.xml"),
        (linux / f"{APP_ID}.svg", Path("usr/share/icons/hicolor/scalable/apps") / f"{APP_ID}.svg"),
        (linux / "footage-agent-autostart.desktop",
         Path("usr/share/footage-agent/autostart/footage-agent-autostart.desktop")),
    ]


def deb_name(version: str, arch: str) -> str:
    return f"{PACKAGE}_{version}_{arch}.deb"


def architecture() -> str:
    """This machine's Debian architecture (amd64, arm64)."""
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def build(bundle: Path, out_dir: Path, version: str) -> Path:
    """Stage the package tree and build it with dpkg-deb; the .deb's path."""
    arch = architecture()
    with tempfile.TemporaryDirectory(prefix="footage-agent-deb-") as scratch:
        root = Path(scratch) / "root"
        shutil.copytree(bundle, root / PREFIX, symlinks=True)
        for source, dest in files(bundle):
            (root / dest).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / dest)
            os.chmod(root / dest, 0o644)
        (root / "usr/bin").mkdir(parents=True)
        os.symlink(f"/{PREFIX}/{PACKAGE}", root / "usr/bin" / PACKAGE)
        size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
        (root / "DEBIAN").mkdir()
        (root / "DEBIAN/control").write_text(control(version, arch, -(-size // 1024)))
        for folder in [root, *[p for p in root.rglob("*") if p.is_dir()]]:
            os.chmod(folder, 0o755)
        out_dir.mkdir(parents=True, exist_ok=True)
        deb = out_dir / deb_name(version, arch)
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root),
                        str(deb)], check=True)
    return deb
