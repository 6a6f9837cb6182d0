"""Which of an agency's two kinds of file a file is: a signed footage request or an agency file.

An agency gives an owner both as files (the agency file from its camera program, requests by
email or on a stick), and an owner holding one gives it where the other goes as easily as not:
the command line then names the command that takes it (agent/commands/file_kinds.py), the app
the page and button.
"""
from __future__ import annotations

from agent.saved_text import saved_text
from agent.storage import read_file_start
from frp.agency import MAX_FILE_BYTES, NOT_AN_AGENCY_FILE, Agency, AgencyError, read_agency
from frp.jws import JWSError, is_type, parse_compact
from frp.request import REQUEST_TYP


def file_kind(path: str) -> str | None:
    """"request" for a signed footage request, "agency" for an agency file, else None (a file
    that cannot be read, or is neither)."""
    try:
        raw = read_file_start(path, MAX_FILE_BYTES + 1)   # a named pipe is never waited on
    except OSError:
        return None
    try:   # read as the desk reads a request file: Notepad's or PowerShell's marks taken off
        if is_type(parse_compact(saved_text(raw).strip()).header.get("typ"), REQUEST_TYP):
            return "request"
    except (JWSError, UnicodeDecodeError):
        pass
    try:
        saved_agency(raw)
    except AgencyError:
        return None
    return "agency"


def saved_agency(raw: bytes) -> Agency:
    """An agency file's bytes as the owner saved them, as the Agency it describes: Notepad's
    "UTF-8 with BOM" and PowerShell's UTF-8 mark taken off, UTF-16 after its mark (Notepad's
    "Unicode", PowerShell's `>`) read, as a request file is (agent/saved_text.py). The strict
    reader (frp.agency.read_agency, UTF-8 JSON as protocol.md says) then reads it as UTF-8:
    what the trust store keeps is written from what it read, never these bytes. AgencyError
    when it is no agency file, saying so of an empty one."""
    try:
        text = saved_text(raw)
    except UnicodeDecodeError:
        return read_agency(raw)   # which names it as no UTF-8 text
    if not text.strip():
        raise AgencyError(NOT_AN_AGENCY_FILE.format(why="it is empty"))
    return read_agency(text.encode("utf-8"))
