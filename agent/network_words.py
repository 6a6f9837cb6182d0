"""The words said about a network failure of a call to a portal or an upload server (a refused
connection, a name not found, a certificate not trusted, a cut connection), from the error httpx
raised. A leaf module for both sides: delivery and the portal client say failures alike."""
from __future__ import annotations

import re
import ssl

import httpx

from agent.os_words import plain_os_error
from frp.text import one_line

_ERRNO_TAG = re.compile(r"\[(?:Errno|WinError) -?\d+\]\s*")

# What a network that asks its users to sign in first (hotel, cafe or airport Wi-Fi, an
# expired subscription's page) answers every address with, or a web server in front of the
# agency's serving its one page for every path: a web page, never the agency's answer.
SIGN_IN_PAGE = ("a web page answered instead; a network that asks you to sign in first (as "
                "hotel or café Wi-Fi does) answers so: open a web browser, sign in to the "
                "network, then try again")
_PAGE_TYPES = ("text/html", "application/xhtml+xml")


def network_words(exc: httpx.HTTPError) -> str:
    """Why a request did not get through, in words a person can act on: the operating
    system's (a refused connection, an unreachable network) through os_words, never a Python
    class name or "[Errno N]"."""
    if isinstance(exc, httpx.TimeoutException):
        return "it did not answer in time"
    cause = _os_cause(exc)
    if isinstance(cause, ssl.SSLCertVerificationError):
        return f"its certificate could not be trusted ({cause.verify_message})"
    if isinstance(cause, ssl.SSLError):
        return "a secure connection could not be made with it"
    if type(cause).__name__ == "gaierror":   # socket's: the agent never imports socket
        return "its name could not be found: check the address, and that this computer is online"
    if cause is not None:
        return plain_os_error(cause)
    if isinstance(exc, httpx.RemoteProtocolError):
        return "the connection was cut off: try again"
    return one_line(_ERRNO_TAG.sub("", str(exc)).strip(), 300) or "the connection failed"


def is_web_page(headers: httpx.Headers) -> bool:
    """Whether an answer says it is a web page (its Content-Type), which no FRP/1 or tus
    answer is. Callers add what else tells one from a bare answer some web frameworks label
    text/html (an empty body; tus's Tus-Resumable header)."""
    kind = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return kind in _PAGE_TYPES


def _os_cause(exc: BaseException) -> OSError | None:
    """The operating system's error under an httpx one (httpx -> httpcore -> OSError)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, OSError):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None
