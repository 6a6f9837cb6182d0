"""The one rule that names cameras (`camera_name`), the name a recordings folder offers its
camera (`folder_camera_name`), and what a camera name may be (`check_name`), apart from the index so commands can check a name the owner typed; the rule
and how the index keeps the names it gives are told in agent/index/cameras.py."""
from __future__ import annotations

import difflib
import unicodedata
from pathlib import PurePath

MAX_NAME = 120
# Characters no camera name holds (check_name): controls, invisible ones, and a surrogate, a
# byte of a name this computer read in another encoding.
_NOT_IN_NAMES = ("Cc", "Cf", "Zl", "Zp", "Cs")


class CameraNameError(ValueError):
    """A camera name cannot be used; the message says why."""


def camera_name(source_name: str, channel: str, several: bool) -> str:
    """The name the rule gives a channel's camera: the source's name, or `<source>/<channel>`
    when the source holds several channels (composed, as `check_name` keeps names), cut to
    MAX_NAME characters (`fitted`)."""
    if not (several and channel):
        return composed(source_name)
    return fitted(composed(source_name), composed(channel))


def fitted(source_name: str, channel: str) -> str:
    """`<source>/<channel>` in MAX_NAME characters: each part may be up to MAX_NAME (a
    recorder's own name for a channel, a folder's name), and a name longer than a camera name
    may be could not be typed back (`check_name` refuses it: `cameras rename`, `--camera`).
    The channel's words tell a source's cameras apart, so the source keeps only what the
    channel leaves, at least a quarter; each part is cut at its end (two cut alike are then
    numbered, as any two names alike)."""
    if len(source_name) + 1 + len(channel) <= MAX_NAME:
        return f"{source_name}/{channel}"
    channel = channel[:MAX_NAME - 1 - min(len(source_name), MAX_NAME // 4)].rstrip()
    return f"{source_name[:MAX_NAME - 1 - len(channel)].rstrip()}/{channel}"


def numbered_name(name: str, n: int) -> str:
    """`name` told apart by a number (`name-2`), in MAX_NAME characters."""
    suffix = f"-{n}"
    return name[:MAX_NAME - len(suffix)].rstrip() + suffix


def folder_camera_name(path: str, flavour: type[PurePath] = PurePath) -> str:
    """The name a recordings folder offers its camera: its own name; for the root of a
    Windows network share (`\\\\nas\\cams`, a NAS's camera share added whole), whose name
    Python reads as empty, the share's name; "" for a drive's root (`E:\\`), which names
    nothing. `flavour` reads the path as a system does (this one's by default). A name
    `check_name` would refuse is made one it takes (offered_name): the owner typed none."""
    folder = flavour(path)
    if folder.name:
        return offered_name(folder.name)
    drive = folder.drive.replace("/", "\\").rstrip("\\")
    if not drive.startswith("\\\\") or drive.endswith(":"):   # a drive letter, `\\?\E:`
        return ""
    return offered_name(drive.rsplit("\\", 1)[-1])


def offered_name(name: str) -> str:
    """A folder's name as a camera name `check_name` takes: a control or invisible character
    (a tab Linux allows in a name) or one this computer cannot read (a card's name in another
    encoding) a space, spaces run together and trimmed, and cut to MAX_NAME characters; ""
    when nothing is left."""
    kept = "".join(" " if unicodedata.category(ch) in _NOT_IN_NAMES else ch
                   for ch in composed(name))
    return " ".join(kept.split())[:MAX_NAME].rstrip()


def composed(name: str) -> str:
    """`name` with each accented letter as one character (NFC). A Mac writes a folder's name
    'Café' with the accent as a character of its own; the owner types it as one: both are the
    one name, and only the composed form is what a keyboard gives."""
    return unicodedata.normalize("NFC", name)


def name_key(name: str) -> str:
    """What tells camera names apart: neither capitals (Windows and macOS keep "Porch" and
    "porch" in one masks file) nor how an accent is written (macOS keeps both forms in one)."""
    return composed(name).casefold()


def check_name(name: object, longest: int | None = MAX_NAME) -> str:
    """A camera name the owner typed, trimmed; CameraNameError when it cannot be one.
    `longest` None checks a name typed to find a camera, not to give one: an index of an
    agent before names were cut to MAX_NAME holds longer ones (a channel of a 120-character
    folder), which must still be found, and renamed, by name."""
    if not isinstance(name, str) or not name.strip():
        raise CameraNameError("a camera name cannot be empty")
    name = composed(name.strip())
    if longest is not None and len(name) > longest:
        raise CameraNameError(f"a camera name is at most {MAX_NAME} characters")
    if any(unicodedata.category(ch) == "Cs" for ch in name):
        # bytes the terminal sent in another encoding than the computer's (a Latin-1 terminal
        # on a UTF-8 computer): no character, and the index cannot keep them
        raise CameraNameError("a camera name cannot hold a character this computer cannot read "
                              "(the terminal sent it in another encoding than the computer's): "
                              "type it again without accented letters, or set the terminal "
                              "to UTF-8")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        raise CameraNameError("a camera name cannot hold control or invisible characters")
    return name


def meant_name(typed: str, known: list[str]) -> str | None:
    """The name in `known` the owner probably meant by `typed`: the same but for capitals, else
    one spelled nearly alike (a letter left out or swapped); None when none is close."""
    alike = [k for k in known if name_key(k) == name_key(typed)]
    alike = alike or difflib.get_close_matches(typed, known, n=1, cutoff=0.75)
    return alike[0] if alike else None
