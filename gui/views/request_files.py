"""What the app says when a file opened with "Open a request file…" is not added: the box the
owner must answer (a line at the foot of the list was easy to miss), naming the file, why it
was not added in the owner's language, and what to do now; and, while a request verified is
copied into a safe copy ("keep a safe copy" on, minutes on a big window), what it is doing."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from agent.views import HOLD_COPYING, HOLD_DOWNLOADING, HOLD_WAITING, one_line
from gui.views.core_words import in_owner_language
from gui.views.shown import Shown, shown
from gui.views.words import sentence_start, translate

# The core's head of every refusal of a request's checks (agent/requests/desk_intake.py): the
# box's first line says it in the owner's words, so the reason follows without it.
REJECTED = "request rejected: "


def copying_words(stage: str, fraction: float, opened: bool = True) -> str:
    """What a safe copy's job is doing, from its stage (agent.views' HOLD_ stages), with the
    share copied; "" for another stage. `opened`: the job of a request file opened, which
    verified the request first (said first); else the request page's Make/Add."""
    verified = translate("requests", "The request was verified.") if opened else ""
    if stage == HOLD_WAITING:
        said = translate("requests", "Its safe copy waits for another request's to finish…")
    elif stage == HOLD_COPYING:
        said = translate("requests", "Copying its footage into a safe copy in the app's "
                                     "folder: {percent}% copied…").format(
            percent=int(fraction * 100))
    elif stage == HOLD_DOWNLOADING:
        said = translate("requests", "Downloading its footage from the recorder into a safe "
                                     "copy in the app's folder…")
    else:
        return ""
    return f"{verified} {said}".lstrip()


@dataclass(frozen=True)
class NotAdded:
    """A refusal as the box shows it: its title, what happened, why and what to do (empty
    when the reason says it)."""

    title: str
    headline: str
    reason: str
    advice: str


def agency_file_not_request(path: str) -> NotAdded:
    """The box for an agency file opened as a request: where it goes instead, and no "do not
    act on it": it is the file the owner must add (the city's camera program gave it)."""
    return NotAdded(
        title=translate("request_files", "Request not added"),
        headline=_headline(PurePath(path).name or path),
        reason=translate("request_files", "It is an agency file, not a request: add it in "
                                          "Settings with Add an agency file\u2026, then compare "
                                          "its key fingerprints with the ones the agency "
                                          "publishes."),
        advice="")


def not_added(path: str, message: str, checked: bool) -> NotAdded:
    """The box for `path` not added; `message` is the core's reason, `checked` True when the
    file was read and failed the request's checks (an unreadable file is not a suspect one)."""
    # a job's failure comes said already (the bridge's Shown): said again, or cut by
    # removeprefix, it would be a plain str, its marks written out as "\u2068"
    said = (message if isinstance(message, Shown)
            else in_owner_language(one_line(message.removeprefix(REJECTED))))
    name = PurePath(path).name or path
    # A file that could not be read says what to do in its own words (the OS's, made plain).
    advice = translate("request_files", "Do not act on it. If you expected a request from an "
                                        "agency, call it on a phone number you already know "
                                        "(not one in the file or in the message it came with) "
                                        "and ask it to send the request again.") if checked else ""
    return NotAdded(
        title=translate("request_files", "Request not added"),
        headline=_headline(name),
        reason=sentence_start(said),
        advice=advice)


def _headline(name: str) -> str:
    """The box's first line, naming the file: the name set apart from the app's words
    (gui.views.shown), so a Hebrew one does not lay the line out from the right."""
    return shown(translate("request_files", "{file} was not added to your requests, and "
                                            "nothing was sent."), file=name)
