"""`footage-agent gui` started with a command line it refuses (a shortcut an owner edited, a
login entry written by hand): argparse's own words, and an empty --home's, are said in the
app's box, which speaks the owner's language. Those the box had no Spanish for stayed English
inside a Spanish sentence ("... opciones que no admite (ambiguous option: --h could match
--help, --home) ..."). The refusals are made by the command's own parser; the box's words are
taken as the app takes them (gui.views.core_words)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent import cli  # noqa: E402
from agent.commands import gui as gui_command  # noqa: E402
from gui.views.core_words import in_owner_language  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401

REFUSED = (
    ["--bogus"],                  # unrecognized arguments
    ["--home"],                   # expected one argument
    ["--tray=yes"],               # ignored explicit argument
    ["--home", "a", "--home", "b"],   # given twice
    ["--h", "x"],                 # ambiguous option: --help or --home
    ["--home", ""],               # empty --home
)


def _told(monkeypatch, argv: list[str]) -> str:
    """What `footage-agent gui ARGV` says in the app's box (the app itself never opens)."""
    told: list[str] = []
    monkeypatch.setattr(gui_command, "tell_in_a_window", told.append)
    monkeypatch.setattr(gui_command, "gui", lambda agent, args: pytest.fail("the app opened"))
    try:
        code = cli.main(["gui", *argv])
    except SystemExit as exc:
        code = exc.code
    assert code == 2 and len(told) == 1, (code, told)
    return told[0]


@pytest.mark.parametrize("argv", REFUSED, ids=" ".join)
def test_a_refused_command_line_reads_wholly_in_spanish_in_the_apps_box(spanish, monkeypatch,
                                                                         argv):
    said = _told(monkeypatch, argv)
    reason = said.split("(", 1)[1].rsplit(")", 1)[0] if "refused (" in said else said
    shown = in_owner_language(said)
    assert shown != said and reason.split(":")[0] not in shown, shown
    for option in {a.split("=")[0] for a in argv if a.startswith("--")}:
        assert option in shown   # the option the owner must take out is still named
