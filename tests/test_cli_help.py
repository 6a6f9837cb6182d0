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
