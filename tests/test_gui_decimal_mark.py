"""A size or a number of seconds with a decimal is written with the owner's decimal mark: the
Spanish app wrote "1.2 MB" and "1.5 s" (Settings' room taken, the summary of what will be
sent), where Spanish writes 1,2 MB."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui.views import display  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401

NBSP = display.NBSP


def test_sizes_keep_the_english_decimal_point_in_english():
    assert [display.size(n) for n in (1_200_000, 2_500_000_000, 640_000)] == \
        [f"1.2{NBSP}MB", f"2.5{NBSP}GB", f"640{NBSP}KB"]
    assert display.tenths(1.46) == "1.5"


def test_sizes_and_tenths_of_a_second_take_a_decimal_comma_in_spanish(spanish):
    assert [display.size(n) for n in (1_200_000, 2_500_000_000, 640_000)] == \
        [f"1,2{NBSP}MB", f"2,5{NBSP}GB", f"640{NBSP}KB"]
    assert display.tenths(1.46) == "1,5"
