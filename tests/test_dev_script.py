"""dev.py, the README's Quick start: the demo's command line, as data; how it stops."""
from __future__ import annotations

import glob
import hashlib
import importlib.util
import os
import pty
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def test_signals_are_noted_or_passed_on_as_each_system_delivers_them():
    dev = _dev()
    noted, passed_on = dev.stop_plan("posix")
    assert "SIGINT" in noted and passed_on == ("SIGTERM",)   # the group got Ctrl-C; not SIGTERM
    noted, passed_on = dev.stop_plan("nt")
    # Windows: Ctrl-C and Ctrl-Break reach the demo through the console; "passing on" would
    # be TerminateProcess, which leaves its folder behind.
    assert set(noted) == {"SIGINT", "SIGBREAK"} and passed_on == ()
    assert dev.exit_status(-signal.SIGTERM) == 143 and dev.exit_status(-signal.SIGINT) == 130
    assert dev.exit_status(3) == 3


def _session(leader: int) -> list[int]:
    """The processes still running in `leader`'s session (its own group, as a terminal's job):
    one ended but not yet reaped (a zombie, left to a container's init that reaps none) is not
    running."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and os.getsid(int(entry.name)) == leader and \
                    (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
                found.append(int(entry.name))
        except OSError:
            continue
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="processes listed in /proc")
def test_sigterm_to_dev_py_as_it_starts_the_demo_stops_both_with_143():
    # SIGTERM to dev.py alone as it starts the demo: its handler came only once the demo had
    # started, so the signal killed dev.py (-15) and a demo already started ran on alone; a
    # demo that died of it (before its own handlers) gave dev.py's exit 241.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    proc = subprocess.Popen([sys.executable, str(ROOT / "dev.py"), "run", "--minutes", "2"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)
    try:
        for line in proc.stdout:
            if "footage-agent demo" in line:
                break
        proc.send_signal(signal.SIGTERM)
        rest, _ = proc.communicate(timeout=30)
        left = _session(proc.pid)
    finally:
        for pid in _session(proc.pid):
            os.kill(pid, signal.SIGKILL)
    assert proc.returncode == 143, rest
    assert left == [] and "Traceback" not in rest, rest


_PROJECT = """[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "dev-py-stopped"
version = "0"
"""


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="processes listed in /proc")
def test_sigterm_to_dev_py_while_pip_installs_stops_pip_too(tmp_path):
    # dev.py ran pip by subprocess.run with no handler of its own: SIGTERM ended dev.py alone
    # (-15) and pip went on installing into .venv, an orphan. Here dev.py and a project of its
    # own sit in tmp_path, whose .venv is made without pip (the base Python's serves), and pip's
    # index is a socket on 127.0.0.1 that takes the connection and never answers.
    shutil.copy(ROOT / "dev.py", tmp_path / "dev.py")
    (tmp_path / "pyproject.toml").write_text(_PROJECT)
    subprocess.run([getattr(sys, "_base_executable", sys.executable), "-m", "venv",
                    "--without-pip", "--system-site-packages", str(tmp_path / ".venv")],
                   check=True)
    with socket.create_server(("127.0.0.1", 0)) as index:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("PIP_") and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env.update(PIP_INDEX_URL=f"http://127.0.0.1:{index.getsockname()[1]}/simple",
                   PIP_CONFIG_FILE=os.devnull, PIP_DEFAULT_TIMEOUT="600", PIP_NO_CACHE_DIR="1")
        proc = subprocess.Popen([sys.executable, str(tmp_path / "dev.py"), "run"],
                                cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, start_new_session=True)
        try:
            asking, _ = index.accept()   # pip is installing: it asks the index
            with asking:
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=60)
                left = _session(proc.pid)   # pip, run on, would hold stdout open: not read yet
        finally:
            for pid in _session(proc.pid):
                os.kill(pid, signal.SIGKILL)
            proc.kill()
        rest = proc.communicate()[0]
    assert left == [], rest
    assert proc.returncode == 143 and "Traceback" not in rest, rest
    assert f"Installing footage-agent and what it needs into {tmp_path / '.venv'}" in rest


_STAND_IN = """import os, subprocess, sys, time
# pytest's stand-in: it starts a process of its own (as pytest-xdist's workers, pip's second
# pip), says both ids, then works until it is ended
helper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
with open(sys.argv[1], "w") as ids:
    ids.write(f"{os.getpid()} {helper.pid}\\n")
while True:
    time.sleep(0.05)
"""


def _state(pid: int) -> str:
    """A process's state letter in /proc: T when stopped."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def _until(what, reader, fd, timeout: float = 60) -> str:
    """Read the terminal (keeping it drained, so nothing blocks on writing to it) until
    `what()` holds; what was read."""
    seen, end = b"", time.monotonic() + timeout
    while not what(seen) and time.monotonic() < end:
        if select.select([fd], [], [], 0.1)[0]:
            try:
                seen += os.read(fd, 4096)
            except OSError:
                break
    return reader(seen)


@pytest.mark.skipif(not Path("/proc").is_dir() or shutil.which("bash") is None,
                    reason="processes listed in /proc; an interactive bash as the shell")
def test_ctrl_z_stops_what_dev_py_runs_and_fg_resumes_it(tmp_path):
    # dev.py runs each step (pip, pytest) in a process group of its own, so that SIGTERM
    # reaches all of it; the terminal's Ctrl-Z stops the foreground group alone: dev.py
    # stopped, its shell said "Stopped", and pytest and its workers ran on in the background,
    # writing into the terminal, which `fg` gave back to a dev.py still waiting for them.
    # Here an interactive bash in a real pseudo-terminal runs `dev.py test` (dev.py copied to
    # tmp_path, whose .venv's "python" stands in for pytest: a real process with a child), as
    # an owner does; Ctrl-Z, `fg`, then Ctrl-C are typed into it.
    shutil.copy(ROOT / "dev.py", tmp_path / "dev.py")
    (tmp_path / "pyproject.toml").write_text(_PROJECT)
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / ".installed-test").write_text(
        hashlib.sha256(_PROJECT.encode()).hexdigest())   # set up already
    (tmp_path / "stand_in.py").write_text(_STAND_IN)
    ids = tmp_path / "ids"
    python = venv / "bin" / "python"
    python.write_text(f"#!/bin/sh\nexec {sys.executable} {tmp_path / 'stand_in.py'} {ids}\n")
    python.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(PS1="$ ", TERM="dumb", HISTFILE=os.devnull)
    pid, fd = pty.fork()
    if pid == 0:   # the owner's terminal and shell
        os.chdir(tmp_path)
        os.execve(shutil.which("bash"), ["bash", "--norc", "--noprofile", "-i"], env)
    running: list[int] = []
    try:
        os.write(fd, f"{sys.executable} dev.py test\n".encode())
        _until(lambda _s: ids.is_file() and ids.read_text().endswith("\n"), str, fd)
        running = [int(n) for n in ids.read_text().split()]
        os.write(fd, b"\x1a")   # Ctrl-Z
        said = _until(lambda s: b"Stopped" in s, bytes.decode, fd)
        stopped = _until(lambda _s: all(_state(p) == "T" for p in running),
                         lambda _s: [_state(p) for p in running], fd, timeout=10)
        os.write(fd, b"fg\n")
        resumed = _until(lambda _s: all(_state(p) != "T" for p in running),
                         lambda _s: [_state(p) for p in running], fd, timeout=10)
        os.write(fd, b"\x03")   # Ctrl-C ends it, as before
        os.write(fd, b'echo "code=$?"\n')
        ended = _until(lambda s: b"code=1" in s or b"code=0" in s, bytes.decode, fd)
    finally:
        for p in set(running + _session(pid)) - {pid}:   # dev.py, what it ran, and its shell
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    assert "Stopped" in said, said
    assert stopped == ["T", "T"], said          # pytest and its worker stopped with dev.py
    assert "T" not in resumed, resumed          # and `fg` resumed them
    assert "code=130" in ended, ended


def test_the_readme_says_where_dev_py_put_the_footage_agent_command():
    # In a fresh clone, after `python3 dev.py run`, the README's next words, "`footage-agent
    # gui` opens the desktop app", and its "Using the command" gave `command not found` (127):
    # dev.py installs the program into .venv, which is on nobody's PATH. The README says where
    # it is, as dev.py makes it, and how to put it on the PATH (the venv's own activate).
    dev = _dev()
    readme = " ".join((ROOT / "README.md").read_text("utf-8").split())
    before_commands = readme.split("## Using the command", 1)[0]
    where = dev.BIN.relative_to(dev.HERE).as_posix()
    assert f"`{where}/footage-agent gui`" in before_commands
    assert "`.venv\\Scripts\\footage-agent gui`" in before_commands
    assert f"`source {where}/activate`" in before_commands


def test_an_older_python_is_told_what_to_install_before_anything_runs(tmp_path):
    # Ubuntu 22.04's python3 is 3.10: `python3 dev.py run` stopped at its first step with a
    # traceback, "Popen.__init__() got an unexpected keyword argument 'process_group'", which
    # says nothing of the Python 3.11 the README asks for. It now says so first, exit 1.
    dev = _dev()
    assert dev.too_old((3, 11, 0)) is None and dev.too_old((3, 13, 1)) is None
    said = dev.too_old((3, 10, 12))
    assert said.startswith("footage-agent needs Python 3.11 or newer, and this is Python "
                           "3.10.12") and "python3.11 dev.py run" in said
    # A real older Python, where this machine has one (on the PATH, or pyenv's).
    older = [p for p in (shutil.which(f"python3.{n}") for n in (10, 9, 8)) if p]
    older += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.[89]*/bin/python")) +
                    glob.glob(os.path.expanduser("~/.pyenv/versions/3.10*/bin/python")))
    shutil.copy(ROOT / "dev.py", tmp_path / "dev.py")
    for python in older:
        ran = subprocess.run([python, str(tmp_path / "dev.py"), "run"], capture_output=True,
                             text=True, cwd=tmp_path)
        if "pyenv: " in ran.stderr:   # a shim naming a Python this machine does not have
            continue
        assert ran.returncode == 1 and "Traceback" not in ran.stderr, ran.stderr
        assert "needs Python 3.11 or newer" in ran.stderr
        assert not (tmp_path / ".venv").exists()   # nothing made
        break


def test_a_venv_left_without_pip_is_made_again(tmp_path):
    # Debian and Ubuntu's `python3 -m venv`, without their python3.X-venv package, makes .venv
    # and then fails at pip, saying to install that package. Once it was installed, every
    # `python3 dev.py run` still found .venv's python and stopped at ".venv/bin/python: No
    # module named pip", exit 1, until the owner found .venv and deleted it. Here .venv is
    # left so (made --without-pip); pip's index is a closed port on 127.0.0.1, so the
    # project's install then fails, after the venv was made again with its pip.
    shutil.copy(ROOT / "dev.py", tmp_path / "dev.py")
    (tmp_path / "pyproject.toml").write_text(_PROJECT)
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", "--without-pip", str(tmp_path / ".venv")], check=True)
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PIP_") and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(PIP_INDEX_URL=f"http://127.0.0.1:{port}/simple", PIP_CONFIG_FILE=os.devnull,
               PIP_RETRIES="0", PIP_NO_CACHE_DIR="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    ran = subprocess.run([base, str(tmp_path / "dev.py"), "run"], cwd=tmp_path, env=env,
                         capture_output=True, text=True)
    said = ran.stdout + ran.stderr
    assert "No module named pip" not in said, said
    python = tmp_path / ".venv" / ("Scripts" if os.name == "nt" else "bin") / "python"
    assert subprocess.run([str(python), "-m", "pip", "--version"],
                          capture_output=True).returncode == 0, said
    assert ran.returncode != 0 and "Traceback" not in said   # the project's install: no index
