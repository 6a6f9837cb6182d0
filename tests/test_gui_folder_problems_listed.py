"""A recordings folder's first indexing in the app (Set up, step 1) counted what it could not
use ("2 of them could not be read and are listed as such") but listed it on no page: a link
out of the folder, a loop of links, were named nowhere in the app, and their reasons had no
Spanish. Each is now said under the count, with its path and why, in the owner's language.
The folder, its links and the scan are real; the app's window is real, in Spanish."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from gui.widgets import folder_step  # noqa: E402
from tests.gui_support import open_window, settle, spanish  # noqa: E402,F401


@pytest.mark.skipif(os.name != "posix", reason="links made without Windows' developer mode")
def test_what_the_first_indexing_could_not_use_is_listed_in_spanish(spanish, qtbot, tmp_path):
    card, elsewhere = tmp_path / "card", tmp_path / "elsewhere"
    card.mkdir()
    elsewhere.mkdir()
    (elsewhere / "private.mp4").write_bytes(b"not for the index")
    (card / "out.mp4").symlink_to(elsewhere / "private.mp4")
    (card / "loop.mp4").symlink_to(card / "loop.mp4")
    window, _agent = open_window(qtbot, tmp_path / "home")
    try:
        step = window.first_run.folder
        qtbot.keyClicks(step.path, str(card))
        qtbot.mouseClick(step.look_button, Qt.LeftButton)
        settle(qtbot, window)
        step.tz.setCurrentText("UTC")
        qtbot.mouseClick(step.add_button, Qt.LeftButton)
        settle(qtbot, window)
        said = step.status.text()
    finally:
        window.shutdown()
        _agent.close()
    assert "2 de ellas no se pueden usar, por los motivos que se indican abajo:" in said, said
    lines = said.splitlines()[1:]
    assert len(lines) == 2, said
    out = next(line for line in lines if line.startswith(f"{card / 'out.mp4'}: "))
    assert "un enlace a un archivo fuera de esta carpeta de grabaciones" in out
    loop = next(line for line in lines if line.startswith(f"{card / 'loop.mp4'}: "))
    assert "un enlace que no lleva a ningún archivo" in loop
    assert "link" not in said   # no English reason left


def test_a_long_list_is_cut_and_the_rest_counted(spanish):
    problems = [f"/card/{n}.mp4: the file name is not valid text; rename it to index it"
                for n in range(folder_step.SHOWN_PROBLEMS + 3)]
    lines = folder_step.problems_listed(problems)
    assert len(lines) == folder_step.SHOWN_PROBLEMS + 1
    assert lines[0] == "/card/0.mp4: el nombre del archivo no es texto válido; cámbielo para " \
                       "indexarlo"
    assert "3" in lines[-1] and "more" not in lines[-1]


def test_a_name_read_as_ascii_says_the_setting_in_spanish(spanish):
    from agent.index.name_text import locale_words
    from gui.views.core_words import in_owner_language
    for words in (locale_words(), locale_words("/card/vídeo")):
        shown = in_owner_language(f"/card/x.mp4: {words}")
        assert "este programa se inició con una configuración de idioma" in shown, shown
    assert "/card/vídeo" in in_owner_language(locale_words("/card/vídeo"))
