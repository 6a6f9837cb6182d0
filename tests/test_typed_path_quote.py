"""Every file or folder typed as an option in Windows PowerShell with Tab (cli hunt 14).
Tab completes a folder with a backslash at its end and quotes a path holding a space,
`"C:\\My Folder\\"`; Windows' own rule reads `\\"` as a quote that is part of the word, so the
program gets `C:\\My Folder"` (PowerShell/PowerShell#7400). verify and upload read PACKAGE so
(test_verify_typed_quote.py), but `scan`, `sources add`, `--out`, `--home`, `--ca`,
`--receipt` and the other path options kept the stray quote: `--out "C:\\My Cases\\"` was the
folder `C:\\My Cases"`, a name Windows refuses.

Windows' rules are taken here as the tests of owner_paths take them (owner_paths.SYSTEM):
this computer is Linux, where a quote is a character a name may hold, so the parsed value is
checked, not a folder opened."""
from __future__ import annotations

import argparse
import re

import pytest

from agent.cli import build_parser, main
from agent.commands.option_values import typed_path

TYPED = "C:\\Users\\ann\\My Cases"
ARRIVES = TYPED + '"'   # what reaches the program for `"C:\Users\ann\My Cases\"`

CASES = [
    (["--home", ARRIVES, "sources", "list"], "home"),
    (["sources", "add", ARRIVES], "path"),
    (["scan", ARRIVES], "paths"),
    (["export", "--camera", "porch", "--from", "2026-01-01T10:00Z", "--to",
      "2026-01-01T10:01Z", "--out", ARRIVES], "out"),
    (["verify", "pkg.tar", "--ca", ARRIVES], "ca"),
    (["verify", "pkg.tar", "--receipt", ARRIVES], "receipt"),
    (["agencies", "add", ARRIVES], "file"),
    (["export", "--camera", "porch", "--from", "2026-01-01T10:00Z", "--to",
      "2026-01-01T10:01Z", "--out", "clips", "--request", ARRIVES], "request"),
]


@pytest.mark.parametrize("argv,dest", CASES, ids=[c[1] for c in CASES])
def test_a_path_typed_with_tab_in_powershell_is_the_path(monkeypatch, argv, dest):
    monkeypatch.setattr("agent.owner_paths.SYSTEM", "nt")
    got = getattr(build_parser().parse_args(argv), dest)
    got = got[0] if isinstance(got, list) else got
    assert got == TYPED + "\\"   # the backslash Tab typed, the quote gone


def test_elsewhere_a_quote_is_part_of_the_name(monkeypatch):
    monkeypatch.setattr("agent.owner_paths.SYSTEM", "posix")
    assert build_parser().parse_args(["scan", 'a"b']).paths == ['a"b']


def test_words_typed_after_it_are_a_usage_error_saying_what_to_type(monkeypatch, capsys,
                                                                     tmp_path):
    monkeypatch.setattr("agent.owner_paths.SYSTEM", "nt")
    with pytest.raises(SystemExit) as ended:
        main(["--home", str(tmp_path), "verify", "pkg.tar", "--ca", ARRIVES + " --json"])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert (f'argument --ca: {TYPED}" --json holds a quote, which no Windows file name does'
            in err)
    assert f'Type the folder without that final backslash: "{TYPED}"' in err


def _options(parser, command=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _options(child, (*command, name))
        elif action.nargs != 0:
            yield command, action


def test_every_option_naming_a_file_or_folder_reads_the_quote_tab_left():
    """An option added later naming a file or folder must join option_values.PATH_DESTS:
    `export --request FILE` was left out (its value kept the stray quote). Told by its name in
    the usage: FILE, PATH, DIR, HOME, OUT (PACKAGE reads its own quote: named_package)."""
    left_out = set()
    for command, action in _options(build_parser()):
        shown = action.metavar if isinstance(action.metavar, str) else action.dest.upper()
        if re.search(r"(^|_)(FILE|PATH|DIR|HOME|OUT)(_|$)", shown) and action.type is not typed_path:
            left_out.add((" ".join(command), action.dest))
    assert left_out == set()
