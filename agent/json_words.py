"""Why a JSON file of the home cannot be read, in plain words.

A home PC leaves the app's small JSON files (the settings, a safe copy's record, a camera's
masks) cut to nothing by a power cut, filled with zeros by a failing disk, or edited by hand.
Python's words for that ("Expecting value: line 1 column 1 (char 0)") tell an owner nothing;
these say what is wrong with the file. A leaf module: it imports nothing of the agent.
"""
from __future__ import annotations

import json


def json_fault(exc: ValueError | RecursionError) -> str:
    """What is wrong with a file whose text (read as UTF-8) `json.loads` refused, given the
    error raised: "it is empty", "it is not text", "its text is broken at line L, column C", or
    (brackets nested deeper than Python's parser goes: a hand edit, a hostile file; no file the
    app writes nests so) "its text nests too deep to be read"."""
    if isinstance(exc, RecursionError):
        return "its text nests too deep to be read"
    if isinstance(exc, UnicodeDecodeError):
        return "it is not text"
    if isinstance(exc, json.JSONDecodeError):
        if not exc.doc.strip():
            return "it is empty"
        return f"its text is broken at line {exc.lineno}, column {exc.colno}"
    return "it is not JSON"
