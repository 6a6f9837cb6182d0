"""A folder pasted as Windows' Explorer copies it (Copy as path: in double quotes) names the
folder, read through the pure part with Windows' own path rules."""
from __future__ import annotations

from pathlib import PureWindowsPath

import pytest

from gui.views.typed_paths import typed_path


@pytest.mark.parametrize("pasted, folder, drive", [
    ('"E:\\DCIM"', "E:\\DCIM", "E:"),                          # Copy as path of a card's folder
    ('  "C:\\Users\\José\\Videos\\Cam 1"\n', "C:\\Users\\José\\Videos\\Cam 1", "C:"),
    ('"E:\\"', "E:\\", "E:"),                                  # a whole card
    ('"\\\\nas\\cams\\door"', "\\\\nas\\cams\\door", "\\\\nas\\cams"),   # a share
])
def test_a_path_copied_in_quotes_names_the_folder_windows_would_open(pasted, folder, drive):
    assert typed_path(pasted) == folder
    assert PureWindowsPath(typed_path(pasted)).is_absolute()
    assert PureWindowsPath(typed_path(pasted)).drive == drive
    assert not PureWindowsPath(pasted.strip()).is_absolute()   # what the boxes read before


@pytest.mark.parametrize("typed", ["E:\\DCIM", "/home/ann/cams", 'a"b', '"', '"a"b"', ""])
def test_text_in_no_quotes_around_it_is_read_as_typed(typed):
    assert typed_path(f"  {typed} ") == typed
