"""Handlers of the `footage-agent` subcommands, one module per user task."""
