"""The `footage-agent` command (contract: shared cli.md).

Exit codes: 0 done; 1 unexpected failure (a message, never a bare traceback); 2 usage error;
3 refused (verification failed, nothing matched, the owner's rules forbid it); 130 interrupted
(Ctrl-C), 143 stopped by SIGTERM, 129 by SIGHUP (its terminal closed). A reader that closed
the output (`| head`) ends it quietly.
"""
from __future__ import annotations

import argparse
import codecs
import logging
import os
import sys
from typing import Callable

from agent import __version__
from agent.commands.common import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Refused,
    UsageError,
    say,
)
from agent.commands.interrupt import Interrupted, Stopper
from agent.commands.option_values import dashed_values_joined, text_options
from agent.os_words import plain_os_error
from frp.text import one_line


def _command_modules() -> tuple:
    """The subcommands' modules, in the order --help lists them. Loaded here rather than with
    this module: they take about a second to load, and `main` loads them with its stop signals
    already handled (a Ctrl-C in that second must stop the command, not be lost)."""
    from agent.commands import (
        agencies, cameras, decisions, demo, export, gui, index, log, masks, requests, space,
        upload,
    )
    return (index, cameras, export, masks, agencies, requests, decisions, upload, log, space,
            gui, demo)


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree; every subcommand accepts --home."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", default=argparse.SUPPRESS,
                        help="folder for config, index, keys, holds and log (env FOOTAGE_AGENT_HOME)")
    parser = _Parser(
        prog="footage-agent", parents=[common],
        description="Your side of a camera registry: index your recordings, verify footage "
                    "requests, share only what you approve.")
    parser.add_argument("--version", action="version", version=f"footage-agent {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        module.add_parsers(sub, common)
    _given_once(parser)
    _described(parser)
    text_options(parser)
    return parser


def _described(parser: argparse.ArgumentParser) -> None:
    """Every subcommand's own --help opens with what it does, as the list above names it:
    `footage-agent run --help` showed only its options, so what `run` is for was left out."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            said = {a.dest: a.help for a in action._choices_actions}
            for name, child in action.choices.items():
                if not child.description and said.get(name):
                    child.description = said[name][:1].upper() + said[name][1:] + "."
                _described(child)


class _StoreOnce(argparse._StoreAction):
    """An option that takes one value and refuses a second: argparse keeps the last given, so
    `export --from 10:00 ... --from 11:00` cut another window than the owner read first."""

    def __call__(self, parser, namespace, values, option_string=None):
        given = namespace.__dict__.setdefault(_GIVEN, set())
        if self.dest in given:
            parser.error(f"{option_string} was given twice: give it once")
        given.add(self.dest)
        super().__call__(parser, namespace, values, option_string)


_GIVEN = "_options_given"


class _ArgumentsRefused(SystemExit):
    """argparse's refusal of the command line (exit 2, said on stderr), its words kept for a
    command that says things in a window too (`gui`: an app started with no console)."""

    def __init__(self, message: str) -> None:
        super().__init__(EXIT_USAGE)
        self.message = message


class _Parser(argparse.ArgumentParser):
    """The command's parsers (each subcommand's too): what _StoreOnce noted is not an option;
    `--owner -kSDX...` read as `--owner=-kSDX...` (option_values.dashed_values_joined)."""

    def parse_known_args(self, args=None, namespace=None):
        if isinstance(args, list):
            args = dashed_values_joined(args, self._option_string_actions)
        namespace, rest = super().parse_known_args(args, namespace)
        vars(namespace).pop(_GIVEN, None)
        return namespace, rest

    def error(self, message):
        try:
            super().error(message)   # the usage and the refusal on stderr, as argparse says it
        except SystemExit:
            raise _ArgumentsRefused(message) from None


def _command_parser(parser: argparse.ArgumentParser, argv: list[str]):
    """The subcommand's parser `argv` names (its first word that is not an option or --home's
    value), or None."""
    words = iter(argv)
    for word in words:
        if word == "--home":
            next(words, None)
        elif not word.startswith("-"):
            for action in parser._actions:
                if isinstance(action, argparse._SubParsersAction):
                    return action.choices.get(word)
            return None
    return None


def _refusal_told(parser: argparse.ArgumentParser, argv: list[str], message: str,
                  stopper: Stopper) -> None:
    """Say a refused command line in the command's window too (its `tell`: the app's box for
    `gui`, started from a shortcut with no console to read stderr in)."""
    command = _command_parser(parser, argv)
    tell = _told_quietly(command.get_default("tell") if command is not None else None, stopper)
    if tell is not None:
        _said(f"the command line was refused ({one_line(message)}): see "
              f"`{command.prog} --help`", EXIT_USAGE, tell, stderr=False)


def _given_once(parser: argparse.ArgumentParser) -> None:
    """Every single-valued option of the command tree refuses to be given twice (exit 2); those
    meant to repeat (`--camera` of approve) append, and are left as they are."""
    for action in parser._actions:
        if type(action) is argparse._StoreAction and action.option_strings:
            action.__class__ = _StoreOnce
        elif isinstance(action, argparse._SubParsersAction):
            for child in set(action.choices.values()):
                _given_once(child)


def main(argv: list[str] | None = None) -> int:
    """Entry point: parse, run one command, map failures to exit codes and plain messages."""
    _closed_streams_to_null_device()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    _escape_what_stdout_cannot_encode()
    stopper = Stopper()
    before = stopper.install()
    try:
        try:
            with stopper.deferred():   # the second it takes: a Ctrl-C then is not lost
                parser = build_parser()
        except Interrupted as exc:
            return _said("interrupted", exc.exit_code)
        try:
            args = parser.parse_args(argv)
        except _ArgumentsRefused as exc:
            _refusal_told(parser, sys.argv[1:] if argv is None else argv, exc.message, stopper)
            raise
        if not getattr(args, "func", None):
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        args.stopper = stopper
        return _run(args)
    finally:
        Stopper.restore(before)


def _closed_streams_to_null_device() -> None:
    """A stream the command was started without (`2>&-` in a scheduled task, or `pythonw` on
    Windows, which has neither) is the null device: Python leaves it None, and print() to a
    None stderr writes to stdout, into the JSON a script reads; a None stdout is a reader that
    is gone, so what is written there is dropped and the command ends as it would."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def _escape_what_stdout_cannot_encode() -> None:
    """Write a character stdout's encoding lacks as an escape (`\\u0414`), as stderr already
    does, rather than end the command half-written: on Windows output sent to a file or a pipe
    is encoded in the ANSI code page, which has no Cyrillic, CJK or emoji for camera names.
    The C locale without UTF-8 mode (LC_ALL=C, PYTHONUTF8=0) gives ASCII with surrogateescape,
    which fails the same way; UTF-8 with surrogateescape (UTF-8 mode) encodes every name."""
    errors, encoding = getattr(sys.stdout, "errors", None), getattr(sys.stdout, "encoding", None)
    lacking = errors == "strict" or (
        errors == "surrogateescape" and codecs.lookup(encoding or "ascii").name != "utf-8")
    if lacking and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")


def _run(args) -> int:
    from agent.commands.folders import check_new_home
    from agent.config import ConfigError
    from agent.index.store_errors import StoreError
    from agent.requests.inbox import InboxError
    from agent.service import Agent, AgentError, Refusal, UsageProblem

    agent, interrupted = None, False
    tell = _told_quietly(getattr(args, "tell", None), args.stopper)
    try:
        try:
            if getattr(args, "needs_home", True):  # `demo` keeps its own home: make no other
                check_new_home(getattr(args, "home", None))
                agent = Agent(getattr(args, "home", None))
            return args.func(agent, args) or 0
        except Interrupted:
            interrupted = True   # a job may still be ending: close nothing under it
            raise
        finally:
            if agent is not None and not interrupted:
                with args.stopper.quiet():   # the command is done: a stop now changes nothing
                    agent.close()
    except (UsageError, UsageProblem) as exc:
        return _said(exc, EXIT_USAGE, tell)
    except (Refused, Refusal) as exc:
        return _said(exc, EXIT_REFUSED, tell)
    except Interrupted as exc:
        if exc.said:   # the command's own words said what the stop left
            return exc.exit_code
        if exc.unfinished:
            return _said("interrupted while the job was still finishing its last step: it may "
                         "have completed it, so look for its result before running it again",
                         exc.exit_code)
        return _said("interrupted; nothing half-made was left behind", exc.exit_code)
    except KeyboardInterrupt:
        return _said("interrupted", 130)
    except BrokenPipeError:
        return _reader_gone()
    except OSError as exc:
        return _said(plain_os_error(exc), EXIT_FAILURE, tell)
    except (AgentError, ConfigError, StoreError, InboxError, ValueError) as exc:
        return _said(exc, EXIT_FAILURE, tell)
    except Exception as exc:  # the promise: a message, never a bare traceback
        if os.environ.get("FOOTAGE_AGENT_DEBUG"):
            raise
        return _said(f"unexpected failure: {type(exc).__name__}: {one_line(str(exc))} "
                     "(set FOOTAGE_AGENT_DEBUG=1 for details)", EXIT_FAILURE, tell)


def _told_quietly(tell: Callable[[str], None] | None, stopper: Stopper):
    """The command's `tell` (the app's box, for `gui`), run with stop signals only noted: a
    Ctrl-C while the box is open waits for it (a signal raised as Qt's loop returns left the
    command with a traceback); None when the command has none."""
    if tell is None:
        return None

    def quietly(text: str) -> None:
        with stopper.quiet():
            tell(text)
    return quietly


def _said(message, code: int, tell: Callable[[str], None] | None = None,
          stderr: bool = True) -> int:
    """Say `message` on stderr as the command's own words; `code`. A closed stderr (or a
    terminal gone) says nothing and changes nothing. `tell` says it where the person will see
    it too: the desktop app's box, for an app started with no console (alone with `stderr`
    False: argparse said it there already)."""
    text = one_line(str(message))
    try:
        if stderr:
            say(f"footage-agent: {text}")
    except (OSError, ValueError):   # closed, or a terminal whose window was closed (EIO)
        pass
    if tell is not None:
        try:
            tell(text)
        except Exception:  # a box that cannot be shown changes neither the words nor the code
            pass
    return code


def _reader_gone() -> int:
    """The program reading stdout closed it (`footage-agent inbox | head`): end quietly, with
    success, as `git log | head` does. stdout is pointed at the null device so the flush at
    exit finds nobody to fail on."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
