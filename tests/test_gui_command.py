"""`footage-agent gui`: loads the app by name, and without PySide6 says so plainly (exit 1)."""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from agent.commands import gui as gui_command

ROOT = Path(__file__).resolve().parent.parent

BLOCK_QT = r"""
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError(f'No module named {name!r}', name=name)
sys.meta_path.insert(0, Block())
"""


def test_without_pyside6_the_command_says_how_to_get_the_app_and_exits_1(tmp_path):
    code = BLOCK_QT + r"""
import argparse
from agent.commands import gui
from agent.service import Agent
agent = Agent(sys.argv[1])
try:
    sys.exit(gui.gui(agent, argparse.Namespace()))
finally:
    agent.close()
"""
    res = subprocess.run([sys.executable, "-c", code, str(tmp_path / "home")], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 1
    assert "needs PySide6" in res.stderr and "Traceback" not in res.stderr
    assert res.stdout == ""


def test_the_command_is_registered_as_gui_and_loads_gui_app():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    gui_command.add_parsers(sub, argparse.ArgumentParser(add_help=False))
    args = parser.parse_args(["gui"])
    assert args.func is gui_command.gui
    app = gui_command.load_app()
    assert app is not None and app.__name__ == "gui.shell.app" and callable(app.run)
