"""A folder the owner typed or pasted into a box of the app, as the path it names.

Windows' Explorer copies a path with **Copy as path** (Ctrl+Shift+C, and in its right-click
menu) wrapped in double quotes, `"E:\\DCIM"`: pasted into a folder box as it is, the quotes were
taken as part of the name, so the folder the owner had just copied was "not a folder", and the
export page asked for "the whole folder" they had typed. No name on Windows can hold a double
quote, and a path in quotes is never absolute anywhere, so one pair around the whole is dropped.
"""
from __future__ import annotations


def typed_path(text: str) -> str:
    """`text` without the spaces around it, nor one pair of double quotes around the whole
    (`"E:\\DCIM"` -> `E:\\DCIM`); text in no quotes is as it was typed."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"' and '"' not in text[1:-1]:
        return text[1:-1].strip()
    return text
