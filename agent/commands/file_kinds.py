"""The command that takes a refused file of an agency's other kind (agent/file_kinds.py).

An agency gives an owner its agency file (`agencies add`) and sends requests (`import-request`),
both as files; an owner holding one gives it to the other command as easily as not. Each
command's own check then says only what the file is not (not valid JSON, not a signed token),
so the command says which one takes it.
"""
from __future__ import annotations

import codecs
import json

from agent.commands.common import Refused
from agent.file_kinds import file_kind
from agent.saved_text import saved_text
from agent.storage import read_file_start
from frp.text import one_line


def refused_for_the_other_command(path: str, wanted: str) -> Refused | None:
    """The refusal of the file at `path`, which this command wanted as a `wanted` ("agency"
    or "request"), naming the command that takes it, when it is the other kind (what this
    command's own check said of it, a token's parts or JSON, is no help then); None when it
    is not (the command's own refusal stands)."""
    kind = file_kind(path)
    if kind == wanted:
        return None
    if kind is None:
        return _not_a_request(path) if wanted == "request" else None
    shown = json.dumps(path) if any(c.isspace() for c in path) else path
    if kind == "request":
        return Refused(f"{one_line(path)} is a footage request, not an agency file: open it "
                       f"with `footage-agent import-request {one_line(shown)}`")
    return Refused(f"{one_line(path)} is an agency file, not a request: add it with "
                   f"`footage-agent agencies add {one_line(shown)}` (and compare its key "
                   "fingerprints with the ones the agency publishes)")


def _not_a_request(path: str) -> Refused:
    """A file that is neither kind given for a request: what it holds, in plain words (the
    token's own check, "a compact JWS has three parts", tells an owner nothing), and what to
    give instead; as the app says it (gui/views/request_files.py)."""
    try:
        raw = read_file_start(path, 512)
    except OSError:
        raw = b"?"
    what = ("it is empty" if not raw.strip() else
            "it is not text: perhaps a document or a picture" if not _is_text(raw) else
            "it holds no signed request")
    return Refused(f"{one_line(path)} is not a footage request ({what}), so nothing was added: "
                   "give `footage-agent import-request` the request file the agency sent you, "
                   "or the request's address on its portal. If you expected a request, ask the "
                   "agency, on a phone number you already know, to send it again")


_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)   # its NULs are text after its mark


def _is_text(head: bytes) -> bool:
    """Whether a file's first bytes read as text (UTF-8 or UTF-16 after its mark); a UTF-8
    character cut at the end is still text."""
    try:
        saved_text(head)
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3 and not head.startswith(_UTF16)
    return b"\0" not in head or head.startswith(_UTF16)
