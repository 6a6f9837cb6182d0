"""What a Reolink device answers besides its recordings: the fields it writes a time in, the
error in its JSON answers, its refusals of a login and of a download, its list of channels,
and the words for an export it cannot serve (agent/recorders/reolink.py asks)."""
from __future__ import annotations

import json
import re
from datetime import datetime

import httpx

from agent.recorders.model import (MAX_CHANNELS, BadAnswer, Channel, CredentialsRefused,
                                   DeviceBusy, NoReply, RecorderError, SessionEnded)
from agent.recorders.wire import whole_number

_TIME_FIELDS = (("year", None), ("mon", None), ("day", None), ("hour", 0), ("min", 0), ("sec", 0))


def wall_time(d: object) -> datetime:
    """The device's time fields as a naive wall time; ValueError when they are not one."""
    if not isinstance(d, dict):
        raise ValueError("not a time")
    parts = [whole_number(d.get(key, default)) for key, default in _TIME_FIELDS]
    if None in parts:
        raise ValueError("not a time")
    try:
        return datetime(*parts)
    except OverflowError:
        raise ValueError("not a time") from None


def time_fields(t: datetime) -> dict:
    """A wall time in the fields a Reolink writes a time in."""
    return {"year": t.year, "mon": t.month, "day": t.day, "hour": t.hour, "min": t.minute,
            "sec": t.second}


def playback_time(value: object) -> datetime | None:
    """An NVR's PlaybackTime, or None when there is none or it cannot be read (the start and
    end then place the recording, as for a camera, which sends none)."""
    if not isinstance(value, dict):
        return None
    try:
        return wall_time(value)
    except ValueError:
        return None


BACKWARDS = ("The recorder can be asked for footage only by its clock's times, and its clock went "
             "back an hour inside this stretch (the end of summer time): its times run backwards "
             "there and name nothing it can send, so nothing was downloaded.")
PUT_BACK = ("The recorder's clock was put back while it recorded this footage, so the times it "
            "wrote for the recording run backwards and name nothing it can send, and its firmware "
            "gives the recording no name to ask for it whole by; nothing was downloaded. Export "
            "it with Reolink's own app or the recorder's web page.")
NEITHER = ("The recorder at {where} ended the connection without answering when asked for "
           "this footage, both the piece it cut and the whole recording; some Reolink NVR "
           "firmware does this with every download. Nothing was downloaded. Export the footage "
           "with Reolink's own app or the recorder's web page, or ask Reolink for a firmware "
           "update.")
PLAYBACK_ID = re.compile(r"^\d{14}$", re.ASCII)   # the id made from PlaybackTime: not a name
# A session token as Reolink gives them (under 32 characters, API guide §2.3), which travels in
# every later URL: anything else (a megabyte of it, say) is no token.
TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}", re.ASCII)
BAD_LOGIN = {-7, -27, -501, -502, -503}  # login failed, invalid user, no such user, password, deny
BAD_DETAILS = ("invalid user", "login failed", "password wrong")
# API guide v7 §4.1: -507 "login reach max" answers the wrong try that reached the limit (the
# device locks then); -506 "login locked" and -105 "frequent logins" every try while locked,
# whose password is not checked. The lock lasts up to 300 s (§3.2.9 GetSysCfg LockTime).
LOCK_SET, LOCKED = {-507}, {-506, -105}


class Refused(RecorderError):
    """The device answered a download of a name with an error rather than footage."""


class Split(RecorderError):
    """NvrDownload named several files for one window."""

    def __init__(self, count: int) -> None:
        super().__init__(f"The recorder split this stretch into {count} files and does not "
                         "say exactly where each starts")
        self.count = count


def nothing_instead(where: str, err: RecorderError) -> str:
    """Why a cut could not be fetched, when Search gave no name to fetch the recording by."""
    if isinstance(err, NoReply):
        why = (f"The recorder at {where} ended the connection without answering when asked "
               "for the piece it cut for this stretch; some Reolink NVR firmware does this")
    elif isinstance(err, Split):
        why = f"{err}, so none of them was taken: a guess could put footage at the wrong time"
    else:
        why = str(err).rstrip(".")
    return (f"{why}. Its search gave no file name to download the whole recording by "
            "instead, so nothing was downloaded. Export the footage with Reolink's own app or "
            "the recorder's web page, or ask Reolink for a firmware update.")


def error_of(item: dict) -> tuple[int, str]:
    """An error answer's rspCode (0 when unreadable) and its detail, shortened."""
    err = item.get("error") if isinstance(item.get("error"), dict) else {}
    try:
        code = int(err.get("rspCode", 0) or 0)
    except (TypeError, ValueError, OverflowError):
        code = 0   # not a number: the detail still says what went wrong
    return code, str(err.get("detail", ""))[:120]


# A Reolink's passwords hold only plain letters, digits and a US keyboard's symbols (the
# Reolink app's rule: reolink_aio#120 lists them). One holding another character cannot be
# right, and sent it would be one of the three wrong tries before the lock-out.
NOT_REOLINK_TEXT = ("The recorder at {where} was not sent the password: a Reolink's password "
                    "holds only plain letters (a-z, A-Z), digits and the symbols of a US "
                    "keyboard, and this one holds another character, so it cannot be right. "
                    "Nothing was tried (a Reolink locks an address out after three wrong tries): "
                    "check it as the Reolink app shows it.")


def unsendable_password(where: str, password: str) -> CredentialsRefused | None:
    """A password no Reolink can have (NOT_REOLINK_TEXT), or None; the password is not said."""
    if all(" " <= c <= "~" for c in password):
        return None
    return CredentialsRefused(NOT_REOLINK_TEXT.format(where=where))


def login_refusal(where: str, code: int, detail: str) -> CredentialsRefused | None:
    """A login refused for its user or password, or because logins are locked (the password
    then not checked); None for any other error."""
    said = detail.lower()
    if code in LOCKED or (code not in LOCK_SET and ("locked" in said or "frequent" in said)):
        return CredentialsRefused(
            f"The recorder at {where} has locked logins after too many wrong tries, so it did "
            "not check the password. Wait 5 minutes, then try once more with the right one.")
    if code in BAD_LOGIN | LOCK_SET or any(b in said for b in BAD_DETAILS):
        return CredentialsRefused(
            f"The recorder at {where} refused the user name or password"
            + (" and has locked logins for a while" if code in LOCK_SET else "")
            + ". Nothing was retried (Reolink locks an address out after three wrong tries).")
    return None


def refusal(status: int, headers: httpx.Headers, body: bytes) -> RecorderError:
    """A download answered with something other than footage: busy, or a refusal of that name
    (which the client may answer by asking for the recording whole)."""
    try:
        code, detail = error_of(json.loads(body)[0])
    except (ValueError, IndexError, KeyError, TypeError, AttributeError, RecursionError):
        return Refused("The recorder answered the download with something other than "
                       f"footage (HTTP {status}).")
    if code == -221:
        return DeviceBusy("The recorder is busy with another download.")
    if code == -6:   # "please login first": a restart, or the lease run out, ended the session
        return SessionEnded("The recorder ended the session the download was asked in.")
    if code == -222:
        return Refused("The recorder no longer has that recording.")
    return Refused(f"The recorder refused the download ({detail or code}).")


def channels_of(status: object) -> list[Channel]:
    """GetChannelstatus's list; BadAnswer when it is not one."""
    if not isinstance(status, list):
        raise BadAnswer("The recorder's list of channels is not in Reolink's form.")
    channels = []
    for s in status[:MAX_CHANNELS]:
        number = whole_number(s.get("channel")) if isinstance(s, dict) else None
        if number is None:
            raise BadAnswer("The recorder's list of channels is not in Reolink's form.")
        name = str(s.get("name") or "")
        channels.append(Channel(number, "" if name in ("0", "1") else name))
    return channels
