"""The frozen app's entry point: the `footage-agent` command (the desktop app is `gui`)."""
import sys

from agent.cli import main

if __name__ == "__main__":
    sys.exit(main())
