"""The folder exports by hand go to before the owner chose one: in the owner's language on a
Spanish PC (it was "Footage exports" there, "Guardar en /home/ana/Footage exports"), but an
existing "Footage exports" is kept, never renamed or left for a second folder."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication  # noqa: E402

from gui.widgets.kept_choices import ENGLISH_EXPORTS, default_export_folder  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401


def test_the_folder_is_named_in_the_owners_language_unless_the_english_one_is_there(
        spanish, tmp_path):  # noqa: F811
    named = QCoreApplication.translate("ExportPage", ENGLISH_EXPORTS)
    assert named != ENGLISH_EXPORTS   # the app has a Spanish name for it
    assert default_export_folder(tmp_path, named) == tmp_path / named
    (tmp_path / ENGLISH_EXPORTS).mkdir()   # exports made before, in English
    assert default_export_folder(tmp_path, named) == tmp_path / ENGLISH_EXPORTS
    (tmp_path / named).mkdir()   # both there: the owner's language
    assert default_export_folder(tmp_path, named) == tmp_path / named
    assert default_export_folder(tmp_path, ENGLISH_EXPORTS) == tmp_path / ENGLISH_EXPORTS
