"""The `footage-agent` command (contract: shared cli.md).

Exit codes: 0 done; 1 unexpected failure (a message, never a bare traceback); 2 usage error;
3 refused (verification failed, nothing matched, the owner's rules forbid it).
"""
from __future__ import annotations

import argparse
import logging
import os
import sys

from agent import __version__
from agent.commands import (
    agencies, cameras, demo, export, gui, index, log, masks, requests, upload,
)
from agent.commands.common import EXIT_FAILURE, EXIT_REFUSED, EXIT_USAGE, Refused, UsageError, say
from frp.text import one_line

_COMMAND_MODULES = (index, cameras, export, masks, agencies, requests, upload, log, gui, demo)


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree; every subcommand accepts --home."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", default=argparse.SUPPRESS,
                        help="folder for config, index, keys, holds and log (env FOOTAGE_AGENT_HOME)")
    parser = argparse.ArgumentParser(
        prog="footage-agent", parents=[common],
        description="Your side of a camera registry: index your recordings, verify footage "
                    "requests, share only what you approve.")
    parser.add_argument("--version", action="version", version=f"footage-agent {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _COMMAND_MODULES:
        module.add_parsers(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point: parse, run one command, map failures to exit codes and plain messages."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from agent.config import ConfigError
    from agent.service import Agent, AgentError, Refusal

    agent = None
    try:
        if getattr(args, "needs_home", True):  # `demo` keeps its own home: make no other
            agent = Agent(getattr(args, "home", None))
        return args.func(agent, args) or 0
    except UsageError as exc:
        say(f"footage-agent: {one_line(str(exc))}")
        return EXIT_USAGE
    except (Refused, Refusal) as exc:
        say(f"footage-agent: {one_line(str(exc))}")
        return EXIT_REFUSED
    except KeyboardInterrupt:
        say("footage-agent: interrupted")
        return EXIT_FAILURE
    except (AgentError, ConfigError, OSError, ValueError) as exc:
        say(f"footage-agent: {one_line(str(exc))}")
        return EXIT_FAILURE
    except Exception as exc:  # the promise: a message, never a bare traceback
        if os.environ.get("FOOTAGE_AGENT_DEBUG"):
            raise
        say(f"footage-agent: unexpected failure: {type(exc).__name__}: {one_line(str(exc))} "
            "(set FOOTAGE_AGENT_DEBUG=1 for details)")
        return EXIT_FAILURE
    finally:
        if agent is not None:
            agent.close()


if __name__ == "__main__":
    sys.exit(main())
