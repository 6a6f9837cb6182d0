"""A count and what it counts, as a person reads it: "1 frame lies", "3 frames lie".

The command line, the log and the export's refusals count things for owners; "frame(s)" reads
like a form, and a verb has to agree with the count too. English has two forms, so the caller
gives the singular phrase and, when adding "s" is not the plural, the plural phrase.
"""
from __future__ import annotations

__all__ = ["counted"]


def counted(count: int, one: str, many: str | None = None) -> str:
    """`count` followed by `one` when it is 1, else by `many` (default: `one` + "s")."""
    return f"{count} {one if count == 1 else (many if many is not None else one + 's')}"
