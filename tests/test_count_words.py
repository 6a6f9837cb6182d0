"""Counts said as a person reads them, not "frame(s)"."""
from frp.count_words import counted


def test_one_takes_the_singular_and_every_other_count_the_plural():
    assert counted(1, "frame") == "1 frame"
    assert [counted(n, "frame") for n in (0, 2, 11)] == ["0 frames", "2 frames", "11 frames"]


def test_a_phrase_whose_plural_is_not_an_added_s_agrees_with_its_count():
    assert counted(1, "frame lies", "frames lie") == "1 frame lies"
    assert counted(3, "frame lies", "frames lie") == "3 frames lie"
    assert counted(3, "piece of sound was", "pieces of sound were") == \
        "3 pieces of sound were"
