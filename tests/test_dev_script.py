"""dev.py, the README's Quick start: the demo's command line, as data."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _dev():
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_without_a_display_the_demo_runs_without_the_app_and_says_so_once():
    dev = _dev()
    assert dev.demo_command(["--check"], gui=False)[1:] == ["demo", "--no-gui", "--check"]
    assert dev.demo_command(["--no-gui", "--check"], gui=False)[1:] == [
        "demo", "--no-gui", "--check"]
    assert dev.demo_command(["--minutes", "5"], gui=True)[1:] == ["demo", "--minutes", "5"]
    assert Path(dev.demo_command([], gui=True)[0]).name.startswith("footage-agent")
