"""Which package may import which (docs/architecture.md), read from the source's imports.

Every import statement counts, wherever it stands (inside a function or `if TYPE_CHECKING:`
too), and so does a module loaded by name with importlib: the two the agent makes (the desktop
app and the demo) are the only ones allowed. The rules are checked on the real tree, and the
checker itself is shown catching each kind of break on a small tree made for the purpose.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("frp", "agent", "portal", "gui", "demo", "nvrsim")

# Package -> the first-party modules (and everything under them) its modules may import.
ALLOWED = {
    "frp": ("frp",),
    "agent": ("agent", "frp"),
    "portal": ("portal", "frp"),
    "gui": ("gui", "agent.service", "agent.events", "agent.views"),
    "demo": ("demo", "agent", "frp", "portal", "gui", "nvrsim"),
    # The recorder simulator is a second, independent reading of the vendors' APIs: it leans
    # on nothing of ours, and only the demo (and the tests) may use it.
    "nvrsim": ("nvrsim",),
}
# Third-party imports a package may not make: the core runs without Qt; a receiver checks
# packages with frp, `cryptography`, the C2PA library (`c2pa`, for the clips' Content
# Credentials) and `numpy` (each clip's sample tables, read as the owner's gate reads them) alone.
FORBIDDEN_THIRD_PARTY = {"agent": ("PySide6", "shiboken6"), "portal": ("PySide6", "shiboken6"),
                         "nvrsim": ("PySide6", "shiboken6")}
FRP_THIRD_PARTY = ("cryptography", "c2pa", "numpy")
# c2pa loads its native library from the current directory unless frp.c2pa_library pinned its
# path first: every other module takes c2pa from there.
PINNED = ("c2pa", "frp.c2pa_library")
# (module, module it loads with importlib.import_module): the agent opens these by name, so
# it runs without Qt and never depends on the demo or the portal behind it.
LOADED_BY_NAME = {("agent.commands.gui", "gui.shell.app"),
                  ("agent.commands.demo", "demo.command")}


@dataclass(frozen=True)
class Import:
    """One module's use of another: `by_name` when it is an importlib.import_module("...")."""

    importer: str
    imported: str
    line: int
    by_name: bool = False


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(root: Path, path: Path) -> list[Import]:
    """Every import in one source file, relative ones made absolute."""
    name = module_name(root, path)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [Import(name, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[:len(package) - node.level + 1] + ([base] if base else []))
            # `from a import b` uses a.b (module b of a, or name b in a): _first_party tells.
            found += [Import(name, f"{base}.{alias.name}" if alias.name != "*" else base,
                             node.lineno) for alias in node.names]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.append(Import(name, node.args[0].value, node.lineno, by_name=True))
    return found


def source_tree(root: Path) -> dict[str, list[Import]]:
    """Module name -> its imports, for every module of the first-party packages under root."""
    tree = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            tree[module_name(root, path)] = imports_of(root, path)
    return tree


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _first_party(tree: dict, imported: str) -> str | None:
    """The module of `tree` an import names (`from a import b` names a.b or a), if any."""
    parts = imported.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in tree:
            return ".".join(parts[:end])
    return None


def violations(tree: dict[str, list[Import]]) -> list[str]:
    """Each import that breaks a rule, as `importer:line imports X (why)`."""
    out = []
    for module, found in tree.items():
        package = module.split(".")[0]
        for imp in found:
            top = imp.imported.split(".")[0]
            where = f"{module}:{imp.line} imports {imp.imported}"
            if top in PACKAGES:
                if imp.by_name and package != "demo":
                    if (module, imp.imported) not in LOADED_BY_NAME:
                        out.append(f"{where} by name, which only {sorted(LOADED_BY_NAME)} may")
                elif not any(_within(imp.imported, ok) for ok in ALLOWED[package]):
                    out.append(f"{where}; {package} may import only {', '.join(ALLOWED[package])}")
            elif top == PINNED[0] and module != PINNED[1]:
                out.append(f"{where}; only {PINNED[1]} may, which loads it from its own folder")
            elif top in FORBIDDEN_THIRD_PARTY.get(package, ()):
                out.append(f"{where}; {package} must run without it")
            elif package == "frp" and top not in sys.stdlib_module_names \
                    and top not in FRP_THIRD_PARTY and top != "__future__":
                out.append(f"{where}; frp uses only the standard library, cryptography, c2pa and numpy")
    return sorted(out)


def part(module: str) -> str:
    """The part of its package a module belongs to: agent.export.cut -> agent.export."""
    return ".".join(module.split(".")[:2])


def cycles(tree: dict[str, list[Import]], unit=lambda module: module) -> list[list[str]]:
    """Groups of units (modules, or with `unit=part` the parts of a package) that import each
    other in a circle: Tarjan's strongly connected components of more than one unit."""
    graph: dict[str, set[str]] = {}
    for m, found in tree.items():
        targets = {unit(t) for i in found if not i.by_name
                   for t in [_first_party(tree, i.imported)] if t}
        graph.setdefault(unit(m), set()).update(targets - {unit(m)})
    graph = {u: sorted(ts) for u, ts in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in graph:
        if v not in index:
            visit(v)
    return groups


# --- the real tree -------------------------------------------------------------------------

def test_every_import_in_the_tree_keeps_to_the_rules():
    assert violations(source_tree(ROOT)) == []


def test_no_modules_import_each_other_in_a_circle():
    assert cycles(source_tree(ROOT)) == []


def test_the_parts_of_each_package_depend_on_each_other_one_way():
    """agent.media below agent.index below agent.export ..., never both ways."""
    assert cycles(source_tree(ROOT), unit=part) == []


def test_the_modules_loaded_by_name_exist():
    tree = source_tree(ROOT)
    for importer, loaded in LOADED_BY_NAME:
        assert Import(importer, loaded, 0, True).imported in tree
        assert any(i.by_name and i.imported == loaded for i in tree[importer])


# --- the checker catches each kind of break --------------------------------------------------

def _write(root: Path, files: dict[str, str]) -> None:
    for package in PACKAGES:
        (root / package).mkdir(parents=True, exist_ok=True)
        (root / package / "__init__.py").write_text("")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_the_checker_names_each_forbidden_import(tmp_path):
    _write(tmp_path, {
        "gui/page.py": "def f():\n    from agent.requests import jws\n",
        "portal/api.py": "from agent.export import verify\n",
        "agent/cli.py": "import portal.server\n",
        "agent/loader.py": "import importlib\nimportlib.import_module('portal.server')\n",
        "agent/window.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                           "    from PySide6 import QtWidgets\n",
        "frp/jws.py": "import httpx\n",
        "frp/verify.py": "from ..agent import keys\n",
        "agent/recorders.py": "from nvrsim.server import Simulator\n",
        "nvrsim/dahua.py": "from agent.recorders import zones\n",
        "agent/seal.py": "from c2pa import c2pa\n",
        "frp/c2pa_library.py": "import c2pa\n",
    })
    found = violations(source_tree(tmp_path))
    assert [v.split(" imports ")[0] for v in found] == [
        "agent.cli:1", "agent.loader:2", "agent.recorders:1", "agent.seal:1", "agent.window:3",
        "frp.jws:1", "frp.verify:1", "gui.page:2", "nvrsim.dahua:1", "portal.api:1"]
    assert "gui.page:2 imports agent.requests.jws; gui may import only gui, agent.service" \
        in found[7]
    assert "frp.verify:1 imports agent.keys" in found[6]
    assert "nvrsim.dahua:1 imports agent.recorders.zones; nvrsim may import only nvrsim" in found[8]
    assert "agent.seal:1 imports c2pa.c2pa; only frp.c2pa_library may" in found[3]


def test_the_checker_finds_a_circle_however_deep_the_import_hides(tmp_path):
    _write(tmp_path, {
        "agent/export/__init__.py": "",
        "agent/export/cut.py": "from agent.export import redact\n",
        "agent/export/redact.py": "from .masks import load\n",
        "agent/export/masks.py": "def load():\n    from agent.export.cut import cut\n",
        "agent/export/plan.py": "from agent.export.cut import cut\n",
    })
    assert cycles(source_tree(tmp_path)) == [
        ["agent.export.cut", "agent.export.masks", "agent.export.redact"]]


def test_the_checker_finds_two_parts_leaning_on_each_other(tmp_path):
    _write(tmp_path, {
        "agent/index/__init__.py": "", "agent/media/__init__.py": "",
        "agent/index/probe.py": "from agent.media.boxes import read\n",
        "agent/media/boxes.py": "def read():\n    pass\n",
        "agent/media/preview.py": "from agent.index.store import FileRow\n",
        "agent/index/store.py": "FileRow = tuple\n",
    })
    assert cycles(source_tree(tmp_path)) == []  # no module circle ...
    assert cycles(source_tree(tmp_path), unit=part) == [["agent.index", "agent.media"]]


# --- the core really runs without Qt --------------------------------------------------------

BLOCKER = r"""
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'gui', 'portal', 'demo', 'nvrsim'):
            raise ImportError(f'{name} is blocked: the agent must run without it')
sys.meta_path.insert(0, Block())
"""


def test_every_agent_and_frp_module_imports_and_the_command_runs_without_the_rest(tmp_path):
    code = BLOCKER + r"""
import importlib, pkgutil, agent, frp
for package in (frp, agent):
    for m in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):
        importlib.import_module(m.name)
assert 'PySide6' not in sys.modules
from agent.cli import main
sys.exit(main(['--home', sys.argv[1], 'sources', 'list', '--json']))
"""
    res = subprocess.run([sys.executable, "-c", code, str(tmp_path / "home")], capture_output=True,
                         text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]"
