"""What `verify` (or `upload`) was given when it is no package at all: the folder above the
package (a USB stick's top folder), the package's own `data` folder or one of its files, a ZIP
someone packed it in, a clip copied out of its package. Such a path is the command line's
mistake, said with the path that was meant, never a list of missing files
that reads like a package tampered with. A folder holding any of a package's files is a
package, however damaged, and is verified as one.
"""
from __future__ import annotations

import os
import tarfile
import unicodedata
import zipfile
from pathlib import Path

from agent.media.mp4walk import looks_like_mp4
from frp.bagit import MANIFEST, SIGNATURE, TAGMANIFEST
from frp.text import one_line

_PACKAGE_FILES = ("bagit.txt", "bag-info.txt", MANIFEST, TAGMANIFEST, SIGNATURE, "data")
_SHOWN = 5   # packages named in a folder that holds several


def not_a_package(path: Path, command: str = "verify") -> str | None:
    """Why `path` (which exists) is not a package folder or a package tar, with the path that
    was probably meant (to give to `command`: verify, upload); None when it is one, or may be
    one (it is then taken as such)."""
    shown = one_line(str(path))
    if path.is_file():
        return _not_a_package_file(path, shown, command)
    if any((path / name).exists() for name in _PACKAGE_FILES):
        return None
    # By the folder it is, however typed: `verify .` from inside data/ names no folder.
    here = Path(os.path.abspath(path))
    if here.name == "data" and (here.parent / "bagit.txt").is_file():
        return (f"{shown} is the data folder inside a package: {command} the package folder "
                f"itself, {_above(path, 1)}")
    inside = _packages_in(path)
    if inside:
        named = ", ".join(one_line(p.name) for p in inside[:_SHOWN])
        more = f" and {len(inside) - _SHOWN} more" if len(inside) > _SHOWN else ""
        return (f"{shown} is not a package folder, but it holds "
                f"{'a package' if len(inside) == 1 else 'packages'}: {named}{more}; {command} "
                f"{'it' if len(inside) == 1 else 'each'} by its own path "
                f"(footage-agent {command} {one_line(str(inside[0]))})")
    return (f"{shown} is not a package: it holds none of a package's files (bagit.txt, "
            "manifests, signature, data). Give the package folder, named like "
            "CASE_camera_TIME, or its .tar")


def not_found(path: Path, cwd: str, command: str = "verify") -> str:
    """Why PACKAGE `path`, which does not exist here, was not found, for `command` (verify,
    upload) run in the folder `cwd`: the folder it runs in (inside_it), or not there, and on
    Windows, when its whole path is past the 259 characters Windows reads, that as why
    (Windows says only that it is not there)."""
    from agent import owner_paths
    from frp.unread_files import too_long_words

    full = owner_paths.absolute_text(str(path), owner_paths.SYSTEM, cwd)
    words = too_long_words(full, FileNotFoundError(), windows=owner_paths.SYSTEM == "nt",
                           again=f"{command} it again")
    return inside_it(path, command) or \
        f"{one_line(str(path))} does not exist{'.' + words if words else ''}"


def inside_it(path: Path, command: str = "verify") -> str | None:
    """Said when `path`, which does not exist here, is the package folder this command runs
    in: the README's `footage-agent verify "NAME"` typed in a terminal opened inside the
    package (Windows 11's "Open in Terminal" on the folder)."""
    try:
        here = Path.cwd()
    except OSError:   # the folder it ran in was removed
        return None
    if path.is_absolute() or len(path.parts) != 1 or not (here / "bagit.txt").is_file():
        return None
    if unicodedata.normalize("NFC", here.name) != unicodedata.normalize("NFC", path.name):
        return None
    return (f"{one_line(str(path))} is the folder this command runs in, not one inside it: "
            f"type footage-agent {command} . here, or go up one folder (cd ..) and type it "
            "again")


def _not_a_package_file(path: Path, shown: str, command: str) -> str | None:
    """Why a file is no package tar: a ZIP, a file of a package (its clip, provenance.json,
    README.txt), or a clip copied out of one; for `upload`, any file that is no tar (a
    document, a photo); None for anything else, taken as a tar."""
    if zipfile.is_zipfile(path):
        return (f"{shown} is a ZIP archive: unpack it, then {command} the package folder that "
                "comes out of it (the one holding bagit.txt)")
    here = Path(os.path.abspath(path))   # `owner.pub`, typed inside data/, is in one too
    up = 2 if here.parent.name == "data" else 1
    if (here.parents[up - 1] / "bagit.txt").is_file():
        return (f"{shown} is a file inside a package: {command} the package folder itself, "
                f"{_above(path, up)}")
    if _is_mp4(path):
        if command != "verify":   # sent alone, it would reach its receiver unsigned, unproved
            return (f"{shown} is a video (MP4), not a package: {command} sends a whole "
                    "package, the folder or .tar the clip came in, whose signature and "
                    "record of where the clip came from travel with it")
        return (f"{shown} is a video (MP4), not a package: a clip copied out of its package is "
                "checked by its own Content Credentials, with a C2PA validator such as "
                "c2patool (package-format.md, \"Checking a clip alone\"); to check the "
                "package, give the folder or .tar it came in")
    if command != "verify" and not _is_tar(path):   # verify names what it finds in one
        return (f"{shown} is not a package: it is neither a package folder nor a .tar file. "
                "Give the package folder, named like CASE_camera_TIME, or its .tar")
    return None


def _is_tar(path: Path) -> bool:
    """Whether a file reads as a tar archive (True when it cannot be read at all: the
    command's own read says why)."""
    try:
        return tarfile.is_tarfile(path)
    except OSError:
        return True


def _above(path: Path, up: int) -> str:
    """The folder `up` levels above `path`, as typed (pkg/data -> pkg), or its full path when
    that would be only dots (`.`, `..`), which name no package to whoever reads it."""
    near = os.path.normpath(os.path.join(path, *[os.pardir] * up))
    if near in (os.curdir, os.pardir) or near.startswith(os.pardir + os.sep):
        near = os.path.abspath(near)
    return one_line(near)


def _is_mp4(path: Path) -> bool:
    """Whether a file begins as an MP4 or QuickTime file does (the index's test, by content)."""
    try:
        with open(path, "rb") as fh:
            return looks_like_mp4(fh.read(8))
    except OSError:
        return False


def _packages_in(folder: Path) -> list[Path]:
    """Package folders and tars directly in `folder`, by name."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    return [p for p in entries if (p.is_dir() and (p / "bagit.txt").is_file())
            or (p.is_file() and p.suffix == ".tar")]
