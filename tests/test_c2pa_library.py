"""The C2PA library is loaded from c2pa-python's own folder, never from the current directory.

Seen when a folder held a file named like the library: `footage-agent --help`, run there,
loaded and ran it (c2pa-python searches the current directory first). The reproduction puts a
copy of the real library in a fresh folder, starts the command's modules there, and asks the
process which file it mapped.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path, PureWindowsPath

from frp.c2pa_library import ENV, c2pa, installed_library, library_name

ROOT = Path(__file__).resolve().parent.parent
_PROBE = """
import json, sys
from agent.cli import main
try:
    main(["--help"])   # `footage-agent --help`: its command modules loaded as it reads them
except SystemExit:
    pass
native = sys.modules.get("c2pa.c2pa")
maps = open("/proc/self/maps").read() if sys.platform == "linux" else ""
print(json.dumps({"loaded": native._lib._name if native else None, "maps": maps}))
"""


def test_a_library_named_like_c2pas_in_the_current_folder_is_never_loaded(tmp_path):
    planted = tmp_path / library_name()
    shutil.copyfile(installed_library(), planted)   # loadable, so only its path tells
    env = {k: v for k, v in os.environ.items() if k != ENV}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (env.get("PYTHONPATH"), str(ROOT))))
    out = subprocess.run([sys.executable, "-c", _PROBE], cwd=tmp_path, env=env, check=True,
                         capture_output=True, text=True, timeout=120).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["loaded"] == str(installed_library())
    assert str(planted) not in seen["maps"]
    if sys.platform == "linux":
        assert str(installed_library()) in seen["maps"]


def test_every_folder_c2pa_searches_leads_to_the_pinned_file_alone():
    from c2pa.lib import _get_possible_search_paths   # c2pa's own list, cwd first
    pinned = Path(os.environ[ENV])
    assert pinned == installed_library()
    assert Path.cwd() in _get_possible_search_paths()
    assert {p / os.environ[ENV] for p in _get_possible_search_paths()} == {pinned}
    # On Windows a folder joined with an absolute path (drive and root) gives that path too.
    downloads = PureWindowsPath(r"C:\Users\owner\Downloads")
    lib = PureWindowsPath(r"C:\Program Files\footage-agent\_internal\c2pa\libs\c2pa_c.dll")
    assert downloads / str(lib) == lib


def test_the_library_in_use_is_the_installed_one():
    assert c2pa.c2pa._lib._name == str(installed_library())
    assert library_name() == c2pa.c2pa._lib_name_default
