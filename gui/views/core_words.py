"""The core's most common messages in the owner's language (Qt-free).

The agent speaks English (the command line, the logs); the app shows its messages to owners
who may not read English. Each template (gui/views/core_templates.py) is a sentence the core
writes, word for word, with `{name}` where the core puts a value (a path, an agency, a
reason). `in_owner_language` replaces a template that matches the whole message, or a part of
it (a message is often "<what failed>: <what the OS said>"), by its translation with the same
values; every other word stays as the core wrote it, so nothing is ever lost. Where the core's
advice is a command to type, the app says its own words instead (IN_THE_APP: the button or
page to use), in English as well. tests/test_gui_core_words.py makes each message with the
agent's own code, so a template that drifts from the agent fails there.
"""
from __future__ import annotations

import re
from functools import lru_cache

from agent.service import Agent
from agent.views import one_line
from gui.views.core_sending_words import WAITS
from gui.views.core_templates import A_FILE, HIDDEN, IN_THE_APP, TEMPLATES
from gui.views.display import NBSP, day_time, decimal_marked
from gui.views.shown import LRM, Shown, safe_text, shown, shown_path
from gui.views.times import read_shown
from gui.views.words import sentence_start, translate

CONTEXT = "core"

# Placeholders whose value is itself a core message: translated in turn (`what`: which part
# of a delivery an upload server refused, agent/delivery/wire.py refusal; `state`: a request's
# status as a sentence says it, agent/requests/status_words.py).
_NESTED = {"reason", "what", "state"}
# Placeholders holding a time, which the core writes on this PC's clock (format_local): the app
# writes it as it writes every time, its day and month in the owner's language.
_TIMES = {"when", "time", "start", "end", "expires", "issued"}
# Placeholders holding a size the core wrote with a decimal point ("5.2 GB"): written with the
# owner's decimal mark, as the app writes its own sizes (display.size).
_DECIMALS = {"size", "sizes"}
# Placeholders holding the other side's own words ("413: Chunk exceeds ..."), which may hold a
# join: kept as they are, but free to span it.
_SPANNING = {"answer"}

# The values that are a file's or folder's path ("{path} is a file, not a folder: ..."): said
# by owner_words as shown_path lays one out, "C:\\Users\\אבי\\סרטונים" never backwards.
_PATHS = {"path", "folder", "root", "target", "package"}

# A number of seconds the core writes before its unit ("within 10 s"): in the app the two never
# part across lines (display.NBSP), in English as in the catalogue's words.
_SECONDS_UNIT = re.compile(r"\{seconds\} (?=s\b)")

# Where a message joins its parts: "<what failed>: <why>", "<one problem>; <another>", and
# one sentence after another ("<one camera's problem>. <a note of the refresh>.": the core
# keeps a recorder's several notes so, mirror.refresh).
_JOINS = re.compile(r": |; |(?<=\.) ")


def in_owner_language(message: str, advice: bool = True) -> str:
    """`message` from the core with every known sentence in the owner's language, its values
    (paths, names, numbers) kept; the words of unknown parts stay as they were. With `advice`
    False the core's own sentence is said, not the app's words for what to do now (IN_THE_APP):
    for the activity log, a record of what was said then."""
    whole = _whole(message, advice)
    if whole is not None:
        return whole
    joins = list(_JOINS.finditer(message))
    for join in joins:   # leftmost first: the longest known tail ("...: <OS words>")
        tail = _whole(message[join.end():], advice)
        if tail is not None:
            return in_owner_language(message[:join.start()], advice) + join.group() + tail
    for join in reversed(joins):   # a known head before unknown words
        head = _whole(message[:join.start()], advice)
        if head is not None:
            return head + join.group() + in_owner_language(message[join.end():], advice)
    return message


def owner_words(message: str, advice: bool = True) -> Shown:
    """`message` as `in_owner_language` says it, made to be shown as it is (a Shown): each
    value the core put in a known sentence (a camera's name, an agency's) sanitised and, when
    it holds a right-to-left letter, set apart from the app's words, so "{camera} is no longer
    among the recorder's cameras" with a Hebrew name keeps the app's direction; unknown parts
    sanitised whole. in_owner_language stays for the callers that format its words into a
    plain str (a label would show the marks of a Shown formatted so as escapes)."""
    said = _owner_words(message, advice)
    if "\u2068" not in said:
        return said
    # One left-to-right mark at the start of each line (shown's rule), however many the parts
    # joined brought.
    return Shown("\n".join(LRM + line.replace(LRM, "") for line in said.split("\n")))


def said_once(message: str) -> Shown:
    """A message as the owner reads it, said once: one a job's failure brought (the bridge
    said it already, as a Shown) kept as it is; a core message as `owner_words` says it, made
    one line. Said again, a Shown's marks would be written out by the sanitiser."""
    if isinstance(message, Shown):
        return message
    return owner_words(one_line(message))


def path_problem(message: str) -> Shown:
    """A scan's problem with one file or folder, "<path>: <why>" as the scan says it, by
    owner_words, the path laid out by shown_path (owner_words alone knows no path before a
    reason, and left it bare: "…/סרטונים/אבי/x.mp4: …", its Hebrew folders read backwards); a
    message wholly one of the core's sentences as owner_words says it."""
    path, sep, why = message.partition(": ")
    if sep and ("/" in path or "\\" in path) and matches(one_line(message)) is None:
        return shown("{path}: {why}", path=shown_path(path), why=owner_words(one_line(why)))
    return owner_words(one_line(message))


def _owner_words(message: str, advice: bool) -> Shown:
    whole = _whole_shown(message, advice)
    if whole is not None:
        return whole
    joins = list(_JOINS.finditer(message))
    for join in joins:   # as in_owner_language: the longest known tail first
        tail = _whole_shown(message[join.end():], advice)
        if tail is not None:
            return _owner_words(message[:join.start()], advice) + join.group() + tail
    for join in reversed(joins):
        head = _whole_shown(message[:join.start()], advice)
        if head is not None:
            return head + join.group() + _owner_words(message[join.end():], advice)
    return safe_text(message)


def _whole_shown(text: str, advice: bool) -> Shown | None:
    """`_whole` as a Shown: the translated template filled by `shown`, nested messages by
    owner_words."""
    template, found = _match(text)
    if template is None:
        return None
    values = {name: (_owner_words(value, advice) if name in _NESTED
                     # a path read left to right, whatever its folders' names
                     else shown_path(value) if name in _PATHS and value != A_FILE
                     else _value(name, value, advice))
              for name, value in found.groupdict().items()}
    words = IN_THE_APP.get(template, template) if advice else template
    said = shown(_SECONDS_UNIT.sub("{seconds}" + NBSP, translate(CONTEXT, words)), **values)
    if text[:1].isupper() and template[:1].islower():   # the app capitalised it
        said = sentence_start(said)
    return said


def matches(message: str) -> str | None:
    """The template `message` is wholly an instance of, or None (for the tests)."""
    return _match(message)[0]


def _match(text: str) -> tuple[str | None, re.Match | None]:
    """The template `text` is wholly an instance of, and the match; (None, None) if none."""
    for template, pattern in _patterns():
        found = pattern.fullmatch(text)
        if found is not None and _closes_nothing_outside(found):
            return template, found
    return None, None


def _closes_nothing_outside(found: re.Match) -> bool:
    """False when a nested value closes a bracket it did not open: "{path} is damaged
    ({reason})" read over "a is damaged (x); b is damaged (y)" takes "x); b is damaged (y" for
    the reason, and an export's refusal naming several files was left half English. The
    sentence is then read part by part, at its joins."""
    for name, value in found.groupdict().items():
        if name in _NESTED:
            depth = 0
            for char in value:
                depth += {"(": 1, ")": -1}.get(char, 0)
                if depth < 0:
                    return False
    return True


def _whole(text: str, advice: bool = True) -> str | None:
    """The translation of `text` when it is wholly one template, else None."""
    template, found = _match(text)
    if template is None:
        return None
    values = {name: _value(name, value, advice) for name, value in found.groupdict().items()}
    words = IN_THE_APP.get(template, template) if advice else template
    said = _SECONDS_UNIT.sub("{seconds}" + NBSP, translate(CONTEXT, words)).format(**values)
    if text[:1].isupper() and template[:1].islower():   # the app capitalised it
        said = sentence_start(said)
    return said


def _value(name: str, value: str, advice: bool) -> str:
    if name in _NESTED:
        return in_owner_language(value, advice)
    if name == "path" and value == A_FILE:
        return translate(CONTEXT, A_FILE)
    if name == "hidden":   # what an approval hides, its parts joined (hidden_words)
        return ", ".join(translate(CONTEXT, p) if p in HIDDEN else p for p in value.split(", "))
    if name == "wait":   # a wait a portal asked for (WAITS)
        return _wait(value)
    if name in _TIMES:
        return _time(value)
    if name in _DECIMALS:
        return decimal_marked(value)
    return value


def _wait(value: str) -> str:
    """A wait the core said in minutes, hours or a day, in the owner's language; as the core
    wrote it when it is none of those."""
    for words in WAITS:
        found = _pattern(words).fullmatch(value)
        if found is not None:
            return translate(CONTEXT, words).format(**found.groupdict())
    return value


def _time(value: str) -> str:
    """A time the core wrote, as the app writes one; as the core wrote it when not read."""
    zone_name = Agent.local_zone()   # the zone the core wrote it in: this PC's
    us = read_shown(value, zone_name)
    return value if us is None else day_time(us, zone_name)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((t, _pattern(t)) for t in TEMPLATES)


def _pattern(template: str) -> re.Pattern:
    """`template` as a regular expression: its words exact (the first letter in either case,
    as the app capitalises a message's start), each `{name}` a named group. A value never
    spans a join (": ", "; ") unless it is a nested reason or the other side's answer, so a
    path cannot swallow the "<what failed>: " before it."""
    parts = re.split(r"\{(\w+)\}", template)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            spans = part in _NESTED or part in _SPANNING
            out.append(f"(?P<{part}>.+?)" if spans else f"(?P<{part}>(?:(?!: |; ).)+?)")
        elif part:
            text = re.escape(part)
            if i == 0 and part[0].isalpha():
                text = f"[{part[0].lower()}{part[0].upper()}]" + re.escape(part[1:])
            out.append(text)
    return re.compile("".join(out), re.DOTALL)
