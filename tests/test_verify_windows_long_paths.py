"""A package folder whose clip's path is longer than Windows reads (verify hunt 12). Explorer's
"Extract all" puts a package in a folder of its own name (`pkg\\pkg\\data\\clip.mp4`); with a
request's long names the clip's path passes 259 characters, and `verify` said only
"data/...mp4 could not be read on this computer (The system cannot find the path specified),
so it was not checked.", as if the file had gone, with nothing saying the path is why.

Windows' limit cannot be met here (Linux reads paths of 4,096 bytes), so the pure part of the
Windows branch is tested: the words added for a path past it (frp.unread_files), given the
error Windows gives (FileNotFoundError, "The system cannot find the path specified")."""
from __future__ import annotations

from frp.bagview import Bag
from frp.unread_files import WINDOWS_MAX_PATH, too_long_words, unread_file

# A request's package and its clip as the agent names them (agent/export/naming.py).
PACKAGE = "request_PD-2026-000123-A_porch-front-door_20261120T220001Z-20261120T220006Z"
CLIP = "porch-front-door_20261120T220001Z_20261120T220006Z.mp4"
DOWNLOADS = "C:\\Users\\detective.constable\\OneDrive - Metro Police\\Downloads"


def _not_found(path: str) -> FileNotFoundError:
    """The error Windows gives a path past its limit (ERROR_PATH_NOT_FOUND)."""
    return FileNotFoundError(2, "The system cannot find the path specified", path)


def _extracted(*folders: str) -> str:
    return "\\".join([DOWNLOADS, *folders, "data", CLIP])


def test_a_clip_past_windows_limit_after_extract_all_says_its_path_is_why():
    doubled = _extracted(PACKAGE, PACKAGE)   # Explorer's "Extract all"
    assert len(doubled) > WINDOWS_MAX_PATH
    bag = Bag()
    unread_file(bag, f"data/{CLIP}", doubled, _not_found(doubled), windows=True)
    [problem] = bag.problems
    assert problem.startswith(f"data/{CLIP} could not be read on this computer (The system "
                              "cannot find the path specified), so it was not checked. ")
    assert f"Its path here is {len(doubled)} characters, and Windows reads at most 259" in problem
    assert "move the package folder to a shorter path" in problem
    assert "'Extract all'" in problem and "(pkg\\pkg)" in problem
    assert bag.unread == {f"data/{CLIP}"}   # not read, never called missing


def test_the_same_package_moved_out_of_the_doubled_folder_fits():
    once = _extracted(PACKAGE)
    assert len(once) <= WINDOWS_MAX_PATH   # the advice given is enough for this package
    assert too_long_words(once, _not_found(once), windows=True) == ""


def test_characters_are_counted_as_windows_counts_them():
    short = _extracted(PACKAGE)
    room = WINDOWS_MAX_PATH - len(short)
    # An emoji in a folder name is two UTF-16 units: what fits by characters does not.
    path = short.replace("Downloads", "Downloads" + "\U0001f4f9" * ((room + 2) // 2), 1)
    assert len(path) <= WINDOWS_MAX_PATH
    assert "Its path here is" in too_long_words(path, _not_found(path), windows=True)


def test_no_path_words_where_the_length_is_not_why():
    doubled = _extracted(PACKAGE, PACKAGE)
    # Not Windows: its paths are not limited so.
    assert too_long_words(doubled, _not_found(doubled), windows=False) == ""
    # Another error: the system's reason alone says it.
    denied = PermissionError(13, "Access is denied", doubled)
    assert too_long_words(doubled, denied, windows=True) == ""
    # Windows' `\\?\` form takes paths past the limit.
    extended = "\\\\?\\" + doubled
    assert too_long_words(extended, _not_found(extended), windows=True) == ""
