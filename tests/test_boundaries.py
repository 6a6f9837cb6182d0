"""The core stays free of Qt: agent/ imports and runs with PySide6 and gui/ unimportable."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BLOCKER = r"""
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'gui'):
            raise ImportError(f'{name} is blocked: the agent must run without it')
sys.meta_path.insert(0, Block())
"""


def test_no_qt_or_gui_import_statement_in_agent():
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|gui)\b", re.M)
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "agent").rglob("*.py")
                 if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_every_agent_module_imports_and_the_command_runs_without_pyside6(tmp_path):
    code = BLOCKER + r"""
import importlib, pkgutil, agent
names = [m.name for m in pkgutil.walk_packages(agent.__path__, 'agent.')]
for name in names:
    importlib.import_module(name)
assert 'PySide6' not in sys.modules
from agent.cli import main
sys.exit(main(['--home', sys.argv[1], 'sources', 'list', '--json']))
"""
    res = subprocess.run([sys.executable, "-c", code, str(tmp_path / "home")], capture_output=True,
                         text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]"
