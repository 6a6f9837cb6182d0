"""The words said about a network failure of a call to a portal or an upload server (a refused
connection, a name not found, a certificate not trusted, a cut connection), from the error httpx
raised. A leaf module for both sides: delivery and the portal client say failures alike."""
from __future__ import annotations

import html
import json
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

# OpenSSL's X509_V_ERR_CERT_NOT_YET_VALID and _HAS_EXPIRED: the certificate's dates against
# this computer's clock, which is the more likely of the two to be wrong (a flat CMOS battery,
# a clock set by hand to the wrong year) when the agency's site works for everyone else.
_OUT_OF_DATE = (9, 10)
CHECK_CLOCK = ("check that this computer's date, time and year are right, then try again; if "
               "they are, tell the agency")
# Any other refusal: a certificate from no authority this app trusts, or for another name. A
# sign-in page (hotel Wi-Fi) or a company's filter that inspects encrypted traffic answers so
# in the agency's place; the connection ends before a byte of the call is sent.
IN_THE_WAY = ("something on this network may stand in its place, as a Wi-Fi sign-in page "
              "(hotel, café) or a company's security filter does, and nothing was sent to it: "
              "sign in to the network in a web browser or use another network, then try again")


CUT_OFF = "the connection was cut off: try again"
UNREADABLE = ("what came back was no web answer this app can read (a faulty server, or a "
              "device on this network standing in its place, answers so): try again later, "
              "and tell the agency if it goes on")
_CLOSED = re.compile(r"disconnected|closed connection|connection closed", re.IGNORECASE)


def network_words(exc: httpx.HTTPError) -> str:
    """Why a request did not get through, in words a person can act on: the operating
    system's (a refused connection, an unreachable network) through os_words, never a Python
    class name or "[Errno N]"."""
    if isinstance(exc, httpx.TimeoutException):
        return "it did not answer in time"
    cause = _os_cause(exc)
    if isinstance(cause, ssl.SSLCertVerificationError):
        detail = cause.verify_message
        if cause.verify_code in _OUT_OF_DATE:
            return f"its certificate is not valid on this computer's date ({detail}): {CHECK_CLOCK}"
        return f"its certificate could not be trusted ({detail}); {IN_THE_WAY}"
    if isinstance(cause, ssl.SSLError):
        return "a secure connection could not be made with it"
    if type(cause).__name__ == "gaierror":   # socket's: the agent never imports socket
        return "its name could not be found: check the address, and that this computer is online"
    if cause is not None:
        return plain_os_error(cause)
    if isinstance(exc, httpx.RemoteProtocolError):
        # A connection closed early (httpcore's and h11's words) is a cut; anything else h11
        # refused to read (a status line of garbage, megabytes of headers) came whole and
        # will come so again: "try again" alone would have the owner retry it for ever.
        return CUT_OFF if _CLOSED.search(str(exc)) else UNREADABLE
    return one_line(_ERRNO_TAG.sub("", str(exc)).strip(), 300) or "the connection failed"


_TITLE = re.compile(r"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)
_HEADING = re.compile(r"<h1[^>]*>(.*?)</h1", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def page_words(text: str, status: int | None = None) -> str:
    """An error answer's words for a person. A web page (the error page of a web server in
    front of a portal or upload server, nginx's "502 Bad Gateway") is said by its title, else
    its first heading, else not at all, never as its markup, and without the status it
    repeats; any other text comes back as it is."""
    if not text.lstrip().startswith("<"):
        return text
    found = _TITLE.search(text) or _HEADING.search(text)
    words = " ".join(html.unescape(_TAG.sub(" ", found.group(1))).split()) if found else ""
    if status is not None and words.startswith(f"{status} "):
        words = words[len(str(status)) + 1:]
    return words


def error_words(text: str, status: int | None = None) -> str:
    """An error answer's own words for a person, not yet made safe to show: an FRP/1 error
    document's `detail`, else its `error`, when it is text; a JSON answer without such text
    has none ("" : its raw JSON, "[[[[...", is no words), nor has one nested deeper than the
    reader goes; any other text through page_words."""
    try:
        doc = json.loads(text)
    except RecursionError:
        return ""
    except ValueError:
        return page_words(text, status)
    if isinstance(doc, str):
        return doc
    for name in ("detail", "error"):
        value = doc.get(name) if isinstance(doc, dict) else None
        if isinstance(value, str) and value.strip():
            return value
    return ""


def is_web_page(headers: httpx.Headers) -> bool:
    """Whether an answer says it is a web page (its Content-Type), which no tus answer is.
    The caller adds what else tells one from a tus answer some web frameworks label text/html
    (the tus headers)."""
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
