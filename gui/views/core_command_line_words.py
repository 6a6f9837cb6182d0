"""The command's words when `footage-agent gui` does not start (agent/cli.py): its command line
refused (argparse's own words inside, exit 2) or a failure nobody foresaw (exit 1), word for
word as the core writes them, and the app's words instead (IN_THE_APP): the app started from a
shortcut or at login has no console, so the box says it, with no command to type. Qt-free data
listed among core_templates' TEMPLATES and core_app_words' IN_THE_APP; marked for Qt's
translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

# {reason}: argparse's words below, themselves translated
REFUSED = QT_TRANSLATE_NOOP("core", "the command line was refused ({reason}): see `{command} "
                                    "--help`")
UNEXPECTED = QT_TRANSLATE_NOOP("core", "unexpected failure: {kind}: {answer} (set "
                                       "FOOTAGE_AGENT_DEBUG=1 for details)")

TEMPLATES: tuple[str, ...] = (
    REFUSED,
    UNEXPECTED,
    # argparse's refusals of `gui`'s options (Python's words), and a single option given twice
    QT_TRANSLATE_NOOP("core", "unrecognized arguments: {args}"),
    QT_TRANSLATE_NOOP("core", "argument {option}: expected one argument"),
    QT_TRANSLATE_NOOP("core", "argument {option}: ignored explicit argument {value}"),
    QT_TRANSLATE_NOOP("core", "{option} was given twice: give it once"),
    # an option cut short that begins two of them (`gui --h`: --help and --home)
    QT_TRANSLATE_NOOP("core", "ambiguous option: {option} could match {matches}"),
)

IN_THE_APP: dict[str, str] = {
    REFUSED: QT_TRANSLATE_NOOP("core", "the app was started with options it does not take "
                                       "({reason}), so it did not open. Start it from its "
                                       "shortcut in the Start menu or on the desktop; if a "
                                       "shortcut of your own did this, remove what was added "
                                       "after the program's name"),
    UNEXPECTED: QT_TRANSLATE_NOOP("core", "the app met a fault nobody foresaw ({kind}: {answer}) "
                                          "and did not open. Start it again; if this happens "
                                          "again, tell whoever looks after your camera "
                                          "program, with these words"),
}
