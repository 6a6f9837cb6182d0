"""Which of an agency's two kinds of file a file is: a signed footage request or an agency file.

An agency gives an owner both as files (the agency file from its camera program, requests by
email or on a stick), and an owner holding one gives it where the other goes as easily as not:
the command line then names the command that takes it (agent/commands/file_kinds.py), the app
the page and button.
"""
from __future__ import annotations

from agent.saved_text import saved_text
from frp.agency import MAX_FILE_BYTES, AgencyError, read_agency
from frp.jws import JWSError, is_type, parse_compact
from frp.request import REQUEST_TYP


def file_kind(path: str) -> str | None:
    """"request" for a signed footage request, "agency" for an agency file, else None (a file
    that cannot be read, or is neither)."""
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None
    try:   # read as the desk reads a request file: Notepad's or PowerShell's marks taken off
        if is_type(parse_compact(saved_text(raw).strip()).header.get("typ"), REQUEST_TYP):
            return "request"
    except (JWSError, UnicodeDecodeError):
        pass
    try:
        read_agency(raw)
    except AgencyError:
        return None
    return "agency"
