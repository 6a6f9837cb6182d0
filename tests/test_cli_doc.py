"""docs/cli.md read against the command itself: every command and option `footage-agent`
takes is in the doc, and every option the doc gives a command is one that command takes. The
doc is the contract scripts are written from, so an option only `--help` shows is one nobody
can rely on, and one only the doc shows fails the script that tries it."""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from agent.cli import build_parser

DOC = (Path(__file__).resolve().parent.parent / "docs" / "cli.md").read_text("utf-8")
# Options the doc gives to several commands at once, in prose: the sentence that does it.
SAID_FOR_SEVERAL = {
    "--home": "Every command takes `--home DIR`",
    "--progress": "`) take `--progress",   # after the list of the long commands
}


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """Every command path of the tree (`("inbox", "show")`) with its parser; a group that
    needs a command after it (`agencies`) is none."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                if not any(isinstance(a, argparse._SubParsersAction) and a.required
                           for a in child._actions):
                    yield path + (name,), child
                yield from commands(child, path + (name,))


def options_of(parser: argparse.ArgumentParser) -> set[str]:
    """The long options a command takes and shows in its `--help`."""
    return {flag for action in parser._actions if action.help != argparse.SUPPRESS
            for flag in action.option_strings if flag.startswith("--") and flag != "--help"}


def hidden_options_of(parser: argparse.ArgumentParser) -> set[str]:
    return {flag for action in parser._actions if action.help == argparse.SUPPRESS
            for flag in action.option_strings}


def camera_options() -> set[str]:
    """What CAMERAS in a row stands for: the options its sentence names."""
    sentence = DOC.split("CAMERAS is either", 1)[1].split(". ", 1)[0]
    return set(re.findall(r"--[a-z-]+", sentence))


def documented(known: set[tuple[str, ...]]) -> dict[tuple[str, ...], set[str]]:
    """The options each command is given in a code span of the doc that starts with its name
    (`inbox show\\|hold\\|release ID` for three; `export ... [--no-masks]` adds to one)."""
    found: dict[tuple[str, ...], set[str]] = {}
    for span in re.findall(r"`([^`\n]+)`", DOC):
        words = span.replace("\\|", "|").split()
        heads = [(first,) for first in words[0].split("|")] if words else []
        if len(words) > 1:
            second = words[1]
            optional = second.startswith("[") and second.endswith("]")
            longer = [head + (name,) for head in heads for name in second.strip("[]").split("|")]
            if all(path in known for path in longer):
                heads = heads + longer if optional else longer
        for head in heads:
            if head in known:
                options = set(re.findall(r"--[a-z-]+", span))
                if "CAMERAS" in span:
                    options |= camera_options()
                found.setdefault(head, set()).update(options)
    return found


def test_every_command_is_in_the_doc():
    tree = dict(commands(build_parser()))
    named = documented(set(tree))
    assert sorted(" ".join(path) for path in tree if path not in named) == []


def test_every_option_of_a_command_is_in_the_doc_for_it():
    tree = dict(commands(build_parser()))
    named = documented(set(tree))
    for said in SAID_FOR_SEVERAL.values():
        assert said in DOC
    missing = sorted(f"{' '.join(path)} {flag}" for path, parser in tree.items()
                     for flag in options_of(parser) - named.get(path, set())
                     if flag not in SAID_FOR_SEVERAL)
    assert missing == [], "options --help shows that cli.md does not give the command"


def test_every_option_the_doc_gives_a_command_is_one_it_takes():
    tree = dict(commands(build_parser()))
    named = documented(set(tree))
    wrong = sorted(f"{' '.join(path)} {flag}" for path, flags in named.items()
                   for flag in flags - options_of(tree[path]) - hidden_options_of(tree[path]))
    assert wrong == [], "options cli.md gives a command that it does not take"


def test_the_progress_option_is_taken_by_the_commands_the_doc_names():
    tree = dict(commands(build_parser()))
    sentence = DOC.split(SAID_FOR_SEVERAL["--progress"], 1)[0].rsplit("\n\n", 1)[1]
    sentence += SAID_FOR_SEVERAL["--progress"]
    named = set(re.findall(r"`([a-z-]+)`", sentence))
    takes = {path[0] for path, parser in tree.items() if "--progress" in options_of(parser)}
    assert named == takes


def paragraphs_on(command: str) -> str:
    """The doc's paragraphs (and table rows) that name `COMMAND --json`."""
    pieces = re.split(r"\n\s*\n|\n(?=\|)", DOC)
    return "\n".join(p for p in pieces if f"`{command} --json`" in p)


# Objects whose keys are values, not fields: a log record's `data` (what each event says),
# `scan`'s `statuses` (a count per status), a key's `jwk` (RFC 7517's members).
NOT_FIELDS = {"data", "statuses", "jwk"}


def keys_of(value) -> set[str]:
    """Every object key in a JSON value, nested ones too, but not inside NOT_FIELDS."""
    if isinstance(value, list):
        return set().union(*(keys_of(v) for v in value)) if value else set()
    if isinstance(value, dict):
        return set(value).union(*(keys_of(v) for k, v in value.items() if k not in NOT_FIELDS))
    return set()


def test_every_json_field_a_command_prints_is_in_the_doc_for_it(tmp_path, capsys):
    """The docs hunt: `keys show`, `cameras`, `masks show`, `log`, `scan`, `coverage`, `sources
    list` and `agencies list` printed JSON whose shape cli.md never gave (only what some 'also
    carry'), though it calls JSON shapes a contract scripts are written against."""
    from agent.cli import main
    from demo.samples import ClipSpec, write_clip
    from tests.conftest import t

    root = tmp_path / "porch"
    root.mkdir()
    write_clip(ClipSpec(path=root / "porch.20261120_140000.mp4",
                        start_us=t("2026-11-20T14:00:00-08:00"), seconds=4, fps=5))
    home = ["--home", str(tmp_path / "home")]
    masks = tmp_path / "masks.json"
    masks.write_text(json.dumps([{"name": "window", "points": [[0, 0], [0.5, 0], [0, 0.5]]}]))
    window = ["--from", "2026-11-20T13:59:00-08:00", "--to", "2026-11-20T14:01:00-08:00"]
    assert main([*home, "sources", "add", str(root), "--tz", "America/Los_Angeles"]) == 0
    commands = {"scan": ["scan", "--json"], "sources list": ["sources", "list", "--json"],
                "recordings": ["recordings", "--json"],
                "coverage": ["coverage", "--camera", "porch", *window, "--json"],
                "masks set": ["masks", "set", "porch", str(masks), "--json"],
                "masks show": ["masks", "show", "porch", "--json"],
                "cameras": ["cameras", "--json"],
                "cameras rename": ["cameras", "rename", "porch", "door", "--json"],
                "keys show": ["keys", "show", "--json"], "agencies list": ["agencies", "list", "--json"],
                "inbox": ["inbox", "--json"], "log": ["log", "--json"]}
    capsys.readouterr()
    missing = {}
    for command, argv in commands.items():
        assert main([*home, *argv]) == 0, command
        printed = json.loads(capsys.readouterr().out)
        said = paragraphs_on(command)
        assert said, f"cli.md never names `{command} --json`"
        unnamed = {k for k in keys_of(printed) if f'"{k}"' not in said and f"`{k}`" not in said}
        if unnamed:
            missing[command] = sorted(unnamed)
    assert missing == {}, "fields printed that cli.md does not give the command"
