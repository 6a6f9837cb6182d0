#!/usr/bin/env python3
"""Smoke-test the Debian package as an owner gets it (as root, on Debian or Ubuntu):

    python packaging/smoke_deb.py [dist/footage-agent_*.deb] [--keep]

Installs it with `apt-get install ./footage-agent_*.deb` (apt fetches the X11 libraries it
depends on), then, from the installed path and with a clean environment, the bundle's own smoke
test (`footage-agent --version`, `footage-agent demo --no-gui --check` alone and with a
simulated recorder, an export of the demo's footage with faces blurred), a check that Qt's X11
plugin finds every library it loads, and the installed desktop entry and metadata through
their validators.
Removes the package again unless --keep. Exit 0 only if every step worked.
"""
from __future__ import annotations

import glob
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from build import NO_SYSTEM_ZONES, smoke_commands  # noqa: E402  (packaging/build.py)

APP_ID = "org.footageagent.FootageAgent"
XCB_PLUGIN = "/opt/footage-agent/_internal/PySide6/Qt/plugins/platforms/libqxcb.so"


def steps(scratch: Path) -> list[list[str]]:
    """The commands run after installing, in order (each must exit 0)."""
    # The bundle's own smoke test (the demo, a recorder, face blurring), from the installed path.
    return smoke_commands(Path("/usr/bin/footage-agent"), scratch, minutes=2) + [
        ["desktop-file-validate", f"/usr/share/applications/{APP_ID}.desktop"],
        ["appstreamcli", "validate", "--no-net", f"/usr/share/metainfo/{APP_ID}.metainfo.xml"],
    ]


def run(cmd: list[str], **kw) -> bool:
    print("+", " ".join(cmd), flush=True)
    return subprocess.run(cmd, **kw).returncode == 0


def main(argv: list[str]) -> int:
    keep = "--keep" in argv
    debs = [a for a in argv if a.endswith(".deb")] or sorted(
        glob.glob(str(ROOT / "dist" / "footage-agent_*.deb")))
    if not debs:
        print("no package: build it with `python packaging/build.py --deb`", file=sys.stderr)
        return 1
    deb = Path(debs[-1]).resolve()
    print(f"package: {deb} ({deb.stat().st_size / 2**20:.0f} MiB)", flush=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/root"),
           "LANG": "C.UTF-8", "DEBIAN_FRONTEND": "noninteractive", **NO_SYSTEM_ZONES}
    if not run(["apt-get", "install", "-y", "-q", str(deb)], env=env):
        return 1
    ok = True
    try:
        with tempfile.TemporaryDirectory(prefix="footage-agent-deb-smoke-") as scratch:
            for cmd in steps(Path(scratch)):
                ok = ok and run(cmd, env=env, cwd=scratch)
        done = subprocess.run(["ldd", XCB_PLUGIN], capture_output=True, text=True, env=env)
        missing = [line.strip() for line in done.stdout.splitlines() if "not found" in line]
        print(f"+ ldd {XCB_PLUGIN}: {'missing ' + ', '.join(missing) if missing else 'all found'}")
        ok = ok and done.returncode == 0 and not missing
        size = subprocess.run(["du", "-sm", "/opt/footage-agent"], capture_output=True,
                              text=True).stdout.split()[0]
        print(f"installed: /opt/footage-agent is {size} MiB", flush=True)
    finally:
        if not keep:
            run(["apt-get", "remove", "-y", "-q", "footage-agent"], env=env)
    print("package smoke test passed" if ok else "package smoke test FAILED", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
