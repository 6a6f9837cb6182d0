"""`--help` as a new owner reads it: every option that takes a time or a camera says what to
type, and the time it shows as an example is one the command reads."""
from __future__ import annotations

import argparse
import re

import pytest

from agent.cli import build_parser
from agent.commands.local_time import read_time

TIMED = ("recordings", "coverage", "export", "approve")


def _subparser(name: str) -> argparse.ArgumentParser:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[name]


def _option(parser: argparse.ArgumentParser, flag: str) -> argparse.Action:
    return next(a for a in parser._actions if flag in a.option_strings)


@pytest.mark.parametrize("command", TIMED)
def test_time_options_show_a_time_the_command_reads(command):
    parser = _subparser(command)
    for flag in ("--from", "--to"):
        text = _option(parser, flag).help or ""
        examples = re.findall(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:\d{2})?",
                              text)
        assert len(examples) >= 2, f"{command} {flag}: {text!r}"   # a wall time, an offset
        for example in examples:
            read_time(example, flag, "America/Los_Angeles")   # raises when not readable
        assert "clock" in text, f"{command} {flag} does not say whose clock: {text!r}"


@pytest.mark.parametrize("command", TIMED)
def test_the_camera_option_says_which_name(command):
    text = _option(_subparser(command), "--camera").help or ""
    assert "cameras" in text and "list" in text, f"{command} --camera: {text!r}"


@pytest.mark.parametrize("argv, flag", [
    (["export", "--camera", "porch", "--from", "2026-11-20T22:00:00Z", "--to",
      "2026-11-20T22:05:00Z", "--from", "2026-11-20T21:00:00Z", "--out", "clips"], "--from"),
    (["export", "--camera", "porch", "--from", "2026-11-20T22:00:00Z", "--to",
      "2026-11-20T22:05:00Z", "--out", "E:\\clips", "--out", "clips"], "--out"),
    (["inbox", "show", "req-1", "--agency", "https://a.example", "--agency",
      "https://b.example"], "--agency"),
])
def test_an_option_given_twice_is_refused_not_the_last_one_taken(argv, flag, capsys):
    """The export-by-hand hunt: argparse keeps the last of an option given twice, so an export
    with `--from` twice cut another window than the owner read first, and `--out` twice wrote
    the package somewhere other than the stick named first; each is a usage error now."""
    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(argv)
    assert stopped.value.code == 2   # argparse's usage exit, as for any other usage mistake
    err = capsys.readouterr().err
    assert f"{flag} was given twice" in err


def test_options_meant_to_repeat_still_do():
    args = build_parser().parse_args(["approve", "req-1", "--camera", "porch", "--camera",
                                      "yard", "--from", "2026-11-20T22:00:00Z"])
    assert args.camera == ["porch", "yard"] and not hasattr(args, "_options_given")


def _commands(parser: argparse.ArgumentParser, prog: str = "footage-agent"):
    """(`prog` words, parser) of every subcommand, subcommands of subcommands too."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield f"{prog} {name}", child
                yield from _commands(child, f"{prog} {name}")


def test_every_commands_own_help_says_what_it_does():
    # `footage-agent run --help` showed its options and nothing of what `run` is for
    commands = dict(_commands(build_parser()))
    assert "footage-agent run" in commands and "footage-agent sources add" in commands
    bare = [name for name, child in commands.items()
            if not (child.description or "").strip() or
            child.format_help().split("\n\n")[1].startswith(("positional", "options"))]
    assert not bare, bare
