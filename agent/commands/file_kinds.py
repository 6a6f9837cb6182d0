"""The command that takes a refused file of an agency's other kind (agent/file_kinds.py).

An agency gives an owner its agency file (`agencies add`) and sends requests (`import-request`),
both as files; an owner holding one gives it to the other command as easily as not. Each
command's own check then says only what the file is not (not valid JSON, not a signed token),
so the command says which one takes it.
"""
from __future__ import annotations

import json

from agent.commands.common import Refused
from agent.file_kinds import file_kind
from frp.text import one_line


def refused_for_the_other_command(path: str, wanted: str) -> Refused | None:
    """The refusal of the file at `path`, which this command wanted as a `wanted` ("agency"
    or "request"), naming the command that takes it, when it is the other kind (what this
    command's own check said of it, a token's parts or JSON, is no help then); None when it
    is not (the command's own refusal stands)."""
    kind = file_kind(path)
    if kind is None or kind == wanted:
        return None
    shown = json.dumps(path) if any(c.isspace() for c in path) else path
    if kind == "request":
        return Refused(f"{one_line(path)} is a footage request, not an agency file: open it "
                       f"with `footage-agent import-request {one_line(shown)}`")
    return Refused(f"{one_line(path)} is an agency file, not a request: add it with "
                   f"`footage-agent agencies add {one_line(shown)}` (and compare its key "
                   "fingerprints with the ones the agency publishes)")
