"""The folder a package goes into: it must be on the drive it seems to be.

With no USB stick in, `/media/usb/clips` must not be made: the owner's footage would land on
this PC's own disk while they believe it is on the stick. So a missing folder is made only
directly inside an existing one (`~/Footage exports`), and never under the places desktops
mount removable drives (`/media`, `/run/media`, `/Volumes`) unless a drive is mounted there:
an empty mount point is a folder on the PC's own disk. A drive letter that is not there
(`E:\\clips`) has no existing parent, so it is refused by the first rule.
"""
from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePath
from typing import Callable, Iterator

from agent.os_words import plain_os_error, refused_by_windows_as_written

REMOVABLE_ROOTS = ("/media", "/run/media", "/Volumes")


class NotThere(Exception):
    """The folder cannot take a package; the message (which starts with the folder's name)
    says why and what to do."""


def package_folder(folder: Path, ismount: Callable[[str], bool] = os.path.ismount
                   ) -> tuple[Path, bool]:
    """`folder`, made if it is new and directly inside an existing folder: (folder, made).
    Raises NotThere when it is a file, when more than it is missing, or when it is where a
    drive should be mounted but none is."""
    folder = Path(folder).expanduser()
    led = leads_nowhere(folder)
    if led is not None:   # never "a file, not a folder": nothing at all is at its end
        raise NotThere(f"{folder} is a link to {led}, which is not there (the drive or folder "
                       "it leads to is gone): connect it, or choose another folder")
    parent = folder.absolute().parent
    led = leads_nowhere(parent)
    if led is not None:   # never "does not exist, nor does the folder it would go in"
        raise NotThere(f"{folder} cannot be made, since {parent} is a link to {led}, which is "
                       "not there (the drive or folder it leads to is gone): connect it, or "
                       "choose another folder")
    if folder.exists() and not folder.is_dir():
        raise NotThere(f"{folder} is a file, not a folder: choose the folder the package "
                       "should go into")
    if not folder.exists() and parent.exists() and not parent.is_dir():
        # A new folder under a file (`clip.mp4/new`): the file is in the way, never "does not
        # exist, nor does the folder it would go in", which it does.
        raise NotThere(f"{folder} cannot be made, since {parent} is a file, not a folder: "
                       "choose the folder the package should go into")
    problem = where_it_cannot_be(folder, ismount)
    if problem is not None:
        raise NotThere(f"{folder}{problem}")
    package = package_holding(folder)
    if package is not None:
        raise NotThere(in_package_words(folder, package))
    if folder.exists():
        written_in(folder)
        return folder, False
    try:
        folder.mkdir()
    except FileExistsError:   # made meanwhile (another export): a folder all the same
        if not folder.is_dir():
            raise NotThere(f"{folder} is a file, not a folder: choose the folder the package "
                           "should go into") from None
        return folder, False
    except OSError as exc:   # a read-only disk, a share refusing us: why, in plain words
        if name_refused(exc):
            raise NotThere(refused_name_words(folder)) from None
        if isinstance(exc, FileNotFoundError) and parent.is_dir():
            raise NotThere(f"{folder} cannot be made: {system_folder_words(parent)}") from None
        raise NotThere(plain_os_error(exc, str(folder))) from None
    return folder, True


def leads_nowhere(path: Path) -> str | None:
    """Where the link `path` leads (a Windows junction's too) when nothing is there now, a
    drive unplugged or a folder deleted; None when `path` is no such link."""
    if not os.path.lexists(path) or os.path.exists(path):
        return None
    try:
        return os.readlink(path)
    except (OSError, ValueError):   # a link of a kind Python cannot read: still nothing there
        return "a place"


def system_folder_words(folder: Path) -> str:
    """Why nothing can be made in the existing `folder` that says it is not there (Linux's
    /proc and /sys: the system's view of itself, holding no files of anyone's)."""
    return (f"{folder} is a folder of the system's own, where no file can be kept: choose "
            "another folder")


def written_in(folder: Path) -> None:
    """NotThere, in the system's words, when no file can be made in the existing `folder` (a
    locked SD card, a write-protected stick, a folder this account may not write in): said as
    the folder the owner chose, as a new folder there is (its mkdir fails alike), not as a
    package that could not be made. Found by trying, as Windows ignores a folder's read-only
    flag and os.access reads only that; the file is gone again at once."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return
    except FileNotFoundError:   # not "does not exist": it is there, and takes no file
        raise NotThere(system_folder_words(folder)) from None
    except OSError as exc:
        raise NotThere(plain_os_error(exc, str(folder))) from None


def package_holding(folder: Path) -> Path | None:
    """The evidence package `folder` is, or lies inside (a folder holding `bagit.txt` and a
    `data` folder, as every package does), or None. A package made there would be an extra
    file of that one, which then fails its check: the owner chose the last export's package
    rather than the folder holding it."""
    here = Path(os.path.realpath(folder))
    for place in (here, *here.parents):
        try:
            if (place / "bagit.txt").is_file() and (place / "data").is_dir():
                return place
        except OSError:   # a folder above that cannot be looked into holds no package of ours
            continue
    return None


def in_package_words(folder: Path, package: Path) -> str:
    """Why no package goes into `folder`, which is the evidence `package` or lies inside it."""
    why = ("a sealed package must stay as it is, since anything added to it makes it fail "
           "its check. Choose the folder that holds")
    if Path(os.path.realpath(folder)) == package:
        return f"{folder} is an evidence package: {why} it ({package.parent}) or another one"
    return (f"{folder} is inside the evidence package {package}: {why} the package "
            f"({package.parent}) or another one")


def name_refused(exc: OSError) -> bool:
    """True when making a folder failed for its name alone: a FAT or exFAT drive (most USB
    sticks and SD cards) mounted on Linux says EINVAL for `<>:"|?*\\` in a name, and Windows
    one of its codes for a path refused as written (os_words.WINDOWS_BAD_NAME_CODES) on any
    drive; the owner sees only "Invalid argument" otherwise. Only asked of a mkdir, where
    EINVAL has no other cause an owner could act on."""
    if getattr(exc, "winerror", None) is not None:
        return refused_by_windows_as_written(exc)
    return exc.errno == errno.EINVAL


def refused_name_words(folder: Path) -> str:
    """Why the drive would not make `folder`, and what to do."""
    return (f"{folder}: the drive does not take that name for a folder (USB sticks and SD "
            "cards formatted FAT32 or exFAT, and Windows, take no < > : \" / \\ | ? * in a "
            "name): choose a name with letters, digits, spaces, - or _")


@contextmanager
def made_for_this(folder: Path, made: bool) -> Iterator[None]:
    """Take `folder` away again when what runs inside fails (refused, cancelled) and it was
    `made` for it and is still empty: the owner never finds an empty folder where a package
    was to be. Anything in it, or a folder that was there before, stays."""
    try:
        yield
    except BaseException:
        if made:
            try:
                folder.rmdir()   # only ever an empty one
            except OSError:
                pass
        raise


def where_it_cannot_be(folder: Path, ismount: Callable[[str], bool] = os.path.ismount
                       ) -> str | None:
    """Why `folder` (a package folder, or a home folder) must not be made where it is named,
    as the words that follow its name; None when it is there or can be made. More than it is
    missing (a drive letter not there), or it lies where a drive should be mounted but none
    is: made, it would be on this PC's own disk."""
    if not folder.exists() and not folder.absolute().parent.is_dir():
        return (f" does not exist, nor does the folder it would go in "
                f"({folder.absolute().parent}): connect the drive it is on, or make the "
                "folders first")
    root = empty_mount_point(folder.resolve(), ismount)
    if root is not None:
        return (f": no drive is mounted there (it is under {root}, where drives are mounted, "
                "but on this PC's own disk); connect the drive, wait until it shows, then try "
                "again")
    return None


def empty_mount_point(path: PurePath, ismount: Callable[[str], bool] = os.path.ismount
                      ) -> str | None:
    """The removable-drive root (`/media`) a path is below when no drive is mounted between
    them (`/media/usb/clips` with no stick in: the mount holding it is `/`); else None. POSIX
    paths only."""
    text = PurePath(path).as_posix()
    for root in REMOVABLE_ROOTS:
        if not text.startswith(root + "/"):
            continue
        parts = PurePath(text).parts
        depth = len(PurePath(root).parts)
        for n in range(len(parts), depth, -1):   # the path, then each parent below the root
            if ismount(PurePath(*parts[:n]).as_posix()):
                return None
        return root
    return None
