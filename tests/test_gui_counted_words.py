"""Counts the app words in sentences of its own, in English and in Spanish: a count of one
has its own sentence, since Spanish agrees the noun and the verb with it ("Se indexaron 1
grabaciones", "1 de sus solicitudes ... ya no se podrán aprobar" were shown)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from gui.views import display  # noqa: E402
from gui.views.removing import agency_question  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401


@pytest.mark.parametrize("seen, problems, english", [
    (1, 0, "Indexed 1 recording."),
    (3, 1, "Indexed 3 recordings. 1 of them cannot be used, for the reason below:"),
    (3, 2, "Indexed 3 recordings. 2 of them cannot be used, for the reasons below:"),
])
def test_a_first_indexing_counts_in_english(seen, problems, english):
    assert display.indexed(seen, problems) == english


@pytest.mark.parametrize("seen, problems, spanish_words", [
    (1, 0, "Se indexó 1 grabación."),
    (3, 1, "Se indexaron 3 grabaciones. 1 de ellas no se puede usar, por el motivo que se indica "
               "abajo:"),
    (3, 2, "Se indexaron 3 grabaciones. 2 de ellas no se pueden usar, por los motivos que se "
               "indican abajo:"),
])
def test_a_first_indexing_counts_in_spanish(spanish, seen, problems, spanish_words):
    assert display.indexed(seen, problems) == spanish_words


def test_removing_an_agency_with_one_request_waiting_says_it_in_the_singular(spanish):
    said = agency_question("Example City Police Department", 1, [])
    assert "1 de sus solicitudes, que espera su respuesta, ya no se podrá aprobar" in said
    assert "podrán" not in said
    several = agency_question("Example City Police Department", 2, [])
    assert "2 de sus solicitudes que esperan su respuesta ya no se podrán aprobar" in several
