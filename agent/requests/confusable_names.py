"""Agency names as an owner reads them: two names that look the same on screen are one name.

The trust store refuses a file whose agency would be taken for one trusted already
(agency_changes.look_alike). Case, letter width and spacing are one part of that; letters of
other alphabets drawn like Latin ones (Cyrillic `о`, Greek `Ο`) are the other: a name whose
words are all such letters reads as the Latin name, and a word mixing alphabets is how such a
name is usually made, so it is refused outright. A name is also read without its punctuation
and spacing (a final dot, a curly apostrophe for a straight one, a dash for a hyphen) and with
the characters one font draws alike taken as one (capital I, lower-case l and the digit 1; O and 0;
"rn" and "m"; "vv" and "w"): an agency's name is compared by eye, in the app's font.
"""
from __future__ import annotations

import re
import unicodedata

# Cyrillic and Greek letters drawn like a Latin one (after casefold: capitals are folded to
# these, so Cyrillic `В`, drawn like `B`, is `в` here).
_LIKE_LATIN = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "і": "i", "ї": "i", "ј": "j", "к": "k", "м": "m",
    "н": "h", "о": "o", "р": "p", "с": "c", "ѕ": "s", "т": "t", "у": "y", "х": "x", "һ": "h",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ү": "y",
    "α": "a", "β": "b", "ε": "e", "ζ": "z", "η": "h", "ι": "i", "κ": "k", "μ": "m", "ν": "n",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "y", "χ": "x", "ϲ": "c", "ϳ": "j",
})
_ALPHABETS = ("LATIN", "CYRILLIC", "GREEK")
# After casefold (a capital I is then an i): characters a sans-serif font draws alike.
_SAME_IN_A_FONT = str.maketrans({"i": "l", "1": "l", "|": "l", "0": "o"})
_SAME_PAIRS = (("rn", "m"), ("vv", "w"))


def as_read(name: str) -> str:
    """A name as an owner reads it: case, the width of letters, spacing, and letters of other
    alphabets drawn like Latin ones make no difference."""
    folded = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return folded.translate(_LIKE_LATIN)


def name_as_read(name: str) -> str:
    """An agency's name as an owner reads it (as_read), without its punctuation and spacing
    and with the characters a font draws alike taken as one: "Sheriff’s Office." reads as
    "Sheriff's Office", "Examp1e" as "ExampIe" as "Example"."""
    read = "".join(ch for ch in as_read(name) if not _mark(ch)).translate(_SAME_IN_A_FONT)
    for pair, one in _SAME_PAIRS:
        read = read.replace(pair, one)
    return read


def _mark(ch: str) -> bool:
    """Punctuation, a space, or a mark drawn like an apostrophe (U+00B4, U+02BC)."""
    return unicodedata.category(ch)[0] in "PZ" or ch in "\u00b4\u02bc`"


def mixed_word(name: str) -> str | None:
    """The first word of `name` that mixes Latin, Cyrillic or Greek letters, if any."""
    for word in re.findall(r"\w+", unicodedata.normalize("NFKC", name)):
        used = {unicodedata.name(ch, "").split(" ", 1)[0] for ch in word if ch.isalpha()}
        if len(used & set(_ALPHABETS)) > 1:
            return word
    return None
