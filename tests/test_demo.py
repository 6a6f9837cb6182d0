"""`footage-agent demo`: the headless check walks the whole flow for real (footage, portal,
request, approval, export, upload, receipt, verification); the interactive demo prints commands
that work against its running portal and stops cleanly on Ctrl-C; without the app it says so
and carries on; with the app it hands the app the demo's own agent."""
from __future__ import annotations

import json
import os
import re
import shlex
import signal
import subprocess
import sys
from pathlib import Path

import av
import bagit
import pytest

from agent.service import Agent
from agent.timebase import parse_rfc3339
from demo.check import WALK, Walk, run_steps
from demo.command import next_steps, open_app
from demo.samples import read_stamp
from demo.world import CAMERAS, prepare_dir, serve, write_sample_footage
from tests.conftest import require_tool

ROOT = Path(__file__).resolve().parent.parent
STEPS = ("recordings", "portal", *WALK)
BLOCK_QT = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError(f'No module named {name!r}', name=name)
sys.meta_path.insert(0, Block())
from agent.cli import main
sys.exit(main(sys.argv[1:]))
"""


def cli(*argv: str) -> list[str]:
    return [sys.executable, "-m", "agent.cli", *argv]


def step_lines(out: str) -> dict[str, str]:
    """name -> mark ('ok', 'FAILED', '-') of every step line printed."""
    found = re.findall(r"^\s*(ok|FAILED|-)\s+(\w+)\s", out, flags=re.M)
    return {name: mark for mark, name in found}


def said_seconds(text: str) -> int:
    """'20 seconds', '1 minute', '10 minutes' as seconds; anything else (a fraction) fails."""
    number, unit = re.fullmatch(r"(\d+) (seconds?|minutes?)", text).groups()
    return int(number) * (60 if unit.startswith("minute") else 1)


def seconds_between(window: dict) -> int:
    return round((parse_rfc3339(window["end"]) - parse_rfc3339(window["start"])) / 1e6)


def frame_stamps(clip: Path) -> list[int]:
    with av.open(str(clip)) as container:
        return [read_stamp(f.to_ndarray(format="gray")) for f in container.decode(video=0)]


def test_demo_check_walks_every_step_and_leaves_a_package_others_can_verify(tmp_path):
    folder = tmp_path / "demo"
    res = subprocess.run(cli("demo", "--no-gui", "--check", "--minutes", "3", "--dir", str(folder)),
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout + res.stderr
    assert step_lines(res.stdout) == {name: "ok" for name in STEPS}
    assert "Every step worked." in res.stdout and "Traceback" not in res.stderr
    # the half minute an hour of footage takes is announced, not passed in silence
    assert res.stdout.index("Writing 3 minutes of sample footage") < \
        re.search(r"ok\s+recordings", res.stdout).start()
    assert re.search(r"ok\s+approve\s+driveway only, .* porch not shared", res.stdout)

    (package,) = (folder / "home" / "packages").glob("*/*")
    bagit.Bag(str(package)).validate()  # the Library of Congress validator agrees
    minisign = require_tool("minisign")
    sig = subprocess.run([minisign, "-Vm", "tagmanifest-sha256.txt", "-p", "data/owner.pub"],
                         cwd=package, capture_output=True, text=True)
    assert sig.returncode == 0, sig.stderr
    record = json.loads((package / "data" / "provenance.json").read_text())
    assert record["request"]["case"] == "DEMO-2026-0042" and record["camera"] == "driveway"
    approved = record["approved"]
    # Its length in words an owner reads: '0.5 of the 1.5 minutes asked for' was not.
    shared, asked = re.search(r"\((\d+ \w+) of the (\d+ \w+) asked for;", res.stdout).groups()
    window = record["request"]["window"]
    assert said_seconds(shared) == seconds_between(approved), shared
    assert said_seconds(asked) == seconds_between(window), asked
    (clip,) = (package / "data").glob("*.mp4")
    stamps = frame_stamps(clip)
    assert parse_rfc3339(approved["start"]) <= min(stamps)
    assert max(stamps) < parse_rfc3339(approved["end"])  # not one frame outside the approval


def test_demo_refuses_a_folder_holding_other_files_without_touching_them(tmp_path):
    mine = tmp_path / "photos"
    mine.mkdir()
    (mine / "holiday.jpg").write_bytes(b"not a demo")
    res = subprocess.run(cli("demo", "--no-gui", "--check", "--dir", str(mine)), cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 1 and res.stdout == ""
    assert res.stderr.startswith("footage-agent: ") and len(res.stderr.strip().splitlines()) == 1
    assert "new or empty folder" in res.stderr and "Traceback" not in res.stderr
    assert [p.name for p in mine.iterdir()] == ["holiday.jpg"]


def test_a_demo_folder_on_a_usb_stick_is_refused_before_anything_is_written(tmp_path,
                                                                           monkeypatch, capsys):
    # Seen: `demo --dir E:\\demo` on a stick formatted FAT32 wrote its footage (an hour by
    # default) there, then failed on the agent's home it keeps in that folder, with the home's
    # advice to leave out --home, an option the demo was never given.
    from agent import file_systems
    from agent.cli import main

    stick = tmp_path / "stick"
    stick.mkdir()
    info = tmp_path / "mountinfo"   # the stick as Linux lists it (test_home_on_a_stick.py)
    info.write_text(f"99 22 8:17 / {stick.resolve()} rw - vfat /dev/sdb1 rw\n")
    monkeypatch.setattr(file_systems, "MOUNTINFO", info)
    code = main(["demo", "--no-gui", "--minutes", "2", "--dir", str(stick / "demo")])
    err = capsys.readouterr().err
    assert code == 1 and "FAT32" in err and "--dir" in err and "own disk" in err, err
    assert "--home" not in err
    assert list(stick.iterdir()) == []


def test_demo_minutes_out_of_range_is_a_usage_error(tmp_path):
    res = subprocess.run(cli("demo", "--check", "--minutes", "1", "--dir", str(tmp_path / "d")),
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert res.returncode == 2 and "--minutes must be 2 to 240" in res.stderr
    assert not (tmp_path / "d").exists()  # refused before anything was written


def read_until(proc: subprocess.Popen, marker: str) -> str:
    seen = []
    for line in proc.stdout:
        seen.append(line)
        if marker in line:
            return "".join(seen)
    raise AssertionError("the demo ended early:\n" + "".join(seen) + proc.stderr.read())


def interrupt(proc: subprocess.Popen) -> tuple[int, str, str]:
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    return proc.returncode, out, err


def printed_command(text: str, *words: str) -> list[str]:
    """The first printed command line whose words include all of `words`."""
    for line in text.splitlines():
        argv = shlex.split(line.strip()) if "--home" in line else []
        if argv and all(w in argv for w in words):
            return argv
    raise AssertionError(f"no printed command with {words}:\n{text}")


def test_no_gui_demo_prints_commands_that_work_and_stops_on_ctrl_c(tmp_path):
    folder = tmp_path / "demo"
    proc = subprocess.Popen(cli("demo", "--no-gui", "--minutes", "2", "--dir", str(folder)),
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        shown = read_until(proc, "until you press Ctrl-C")
        assert step_lines(shown) == {n: "ok" for n in ("recordings", "portal", "scan", "request")}
        assert f"--home {folder / 'home'}" in shown
        inbox = subprocess.run(printed_command(shown, "inbox"), capture_output=True, text=True)
        assert inbox.returncode == 0 and "new" in inbox.stdout and "DEMO-2026-0042" in inbox.stdout
        approve = printed_command(shown, "approve")  # the portal is still up: delivery works
        done = subprocess.run([*approve, "--yes"], cwd=ROOT, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        assert "delivered driveway" in done.stdout and "receipt checked" in done.stdout
    finally:
        code, out, err = interrupt(proc)
    assert code == 0 and "Demo portal stopped." in out and str(folder) in out
    assert "Traceback" not in err


def test_a_second_demo_on_the_folder_of_one_still_running_is_refused(tmp_path):
    # Seen: the second emptied the folder under the first (its home, footage and portal) and
    # made its own there; the first's printed commands then named a request no longer there.
    folder = tmp_path / "demo"
    first = subprocess.Popen(cli("demo", "--no-gui", "--minutes", "2", "--dir", str(folder)),
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        read_until(first, "until you press Ctrl-C")
        kept = sorted(p.name for p in folder.rglob("*"))
        second = subprocess.run(cli("demo", "--check", "--minutes", "2", "--dir", str(folder)),
                                cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert second.returncode == 1 and "still running" in second.stderr, second.stderr
        assert sorted(p.name for p in folder.rglob("*")) == kept
    finally:
        code, _out, err = interrupt(first)
    assert code == 0, err


def test_demo_without_the_app_says_so_and_runs_without_it(tmp_path):
    folder = tmp_path / "demo"
    proc = subprocess.Popen([sys.executable, "-c", BLOCK_QT, "demo", "--minutes", "2", "--dir",
                             str(folder)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        read_until(proc, "until you press Ctrl-C")
    finally:
        code, _out, err = interrupt(proc)
    assert code == 0
    assert "desktop app is not installed" in err and "pip install footage-agent[gui]" in err
    assert "Traceback" not in err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux session without a screen")
def test_demo_where_the_app_cannot_open_says_why_and_runs_without_it(tmp_path):
    # `footage-agent demo` over SSH: the app says it needs a screen and returns. The demo ended
    # there (exit 1), its printed commands aimed at a portal it had stopped, and its temporary
    # folder was left behind unsaid.
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.Popen(cli("demo", "--minutes", "2"), cwd=ROOT, text=True,
                            env={**env, "TMPDIR": str(tmp_path)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        read_until(proc, "until you press Ctrl-C")   # the portal stays up for the commands
    finally:
        code, _out, err = interrupt(proc)
    assert code == 0, err
    assert "needs a screen" in err and "runs without the desktop app" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []   # its folder removed


@pytest.fixture
def demo_world(tmp_path):
    folder, _ = prepare_dir(tmp_path / "demo")
    world, portal = serve(folder, write_sample_footage(folder, 2))
    agent = Agent(world.home)
    try:
        yield world, portal, agent
    finally:
        agent.close()
        portal.stop()


def test_the_app_is_opened_on_the_demo_agent_with_the_request_waiting(demo_world, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    world, portal, agent = demo_world
    walk = Walk(world, portal, agent)
    assert run_steps(walk, WALK[:2], lambda result: None)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import gui.shell.app

    app = gui.shell.app.application()
    seen = {}

    def look():
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        seen["windows"] = len(windows)
        seen["home"] = [getattr(getattr(w, "ctx", None), "agent", None) for w in windows]
        app.quit()

    QTimer.singleShot(500, look)
    assert open_app(gui.shell.app, agent) == 0
    assert seen["windows"] >= 1 and agent in seen["home"]
    assert [e.case for e in agent.requests.list()] == ["DEMO-2026-0042"]


def test_next_steps_name_the_demo_home_the_request_and_a_narrower_approval(demo_world):
    world, _portal, _agent = demo_world
    lines = next_steps(world, "req-abc")
    commands = [shlex.split(line) for line in lines if "--home" in line]
    assert commands and all(str(world.home) in c for c in commands)
    approve = next(c for c in commands if "approve" in c)
    assert approve[approve.index("approve") + 1] == "req-abc"
    assert approve[approve.index("--camera") + 1] == CAMERAS[0].name
    t = world.footage.times
    assert t.request_start_us < t.approve_start_us < t.approve_end_us < t.request_end_us
    assert os.path.basename(commands[0][0]).startswith(("footage-agent", "python"))


def test_demo_check_with_a_simulated_recorder_mirrors_and_exports_its_camera(tmp_path, capsys):
    """`demo --check --recorder dahua`: the demo also adds a simulated NVR (HTTPS, its own
    certificate pinned), mirrors its garage camera, and exports and verifies a clip of it."""
    from agent.cli import main

    folder = tmp_path / "demo"
    code = main(["demo", "--no-gui", "--check", "--minutes", "2", "--dir", str(folder),
                 "--recorder", "dahua"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert step_lines(out) == {name: "ok" for name in (*STEPS[:2], "nvr", *WALK, "recorder")}
    assert "Every step worked." in out
    assert re.search(r"ok\s+nvr\s+a simulated dahua recorder at https://127\.0\.0\.1:\d+", out)
    (package,) = (folder / "exports-recorder").iterdir()
    record = json.loads((package / "data" / "provenance.json").read_text())
    assert record["recorder"]["vendor"] == "dahua" and record["camera"] == "garage"
    # Its password stayed in the demo's home, encrypted: never the owner's own keychain.
    assert (folder / "home" / "recorder-secrets.json").is_file()
    assert b"demo-recorder-password" not in (folder / "home" / "recorder-secrets.json").read_bytes()


def test_the_demos_advice_runs_as_printed(demo_world, capsys):
    """The commands the demo prints are followed word for word: its export prints a package
    folder and the next line's `verify PACKAGE` left the owner to find that folder's name
    (typed as printed: 'PACKAGE does not exist'); and the approval's length read 'one camera,
    0.333333 minutes' with `--minutes 2`. The verify line now names the folder the export above
    it makes, and the length is said in whole seconds."""
    from agent.cli import main

    world, _portal, _agent = demo_world
    lines = [line.strip() for line in next_steps(world, "req-abc")]
    said = {lines[i - 1]: shlex.split(lines[i]) for i in range(1, len(lines))
            if lines[i - 1].startswith("#")}

    def argv(cmd):   # what follows the prefix (`footage-agent` or python -m agent.cli)
        return cmd[cmd.index("--home"):]

    share, approve = next((what, c) for what, c in said.items() if "approve" in c)
    seconds = round((parse_rfc3339(approve[approve.index("--to") + 1])
                     - parse_rfc3339(approve[approve.index("--from") + 1])) / 1e6)
    assert said_seconds(re.search(r"one camera, (\d+ \w+) \(", share).group(1)) == seconds, share
    export = next(c for c in said.values() if "export" in c)
    verify = next(c for c in said.values() if "verify" in c and "log" not in c)
    assert main(["--home", str(world.home), "scan", "--progress", "none"]) in (0, 1)
    capsys.readouterr()
    assert main(argv(export) + ["--progress", "none"]) == 0
    made = capsys.readouterr().out.strip()
    assert verify[-1] == made
    code, err = main(argv(verify)), capsys.readouterr().err
    assert code == 0 and err.startswith(f"OK: {made} is complete"), err


def test_on_windows_a_program_path_with_a_space_says_how_powershell_runs_the_lines():
    """Windows' branch through its pure part: `python3 dev.py run` in C:\\Users\\Ann Owner\\...
    printed lines starting with the quoted python.exe, which PowerShell refuses without `&`."""
    from demo.command import powershell_note, shell_line

    spaced = [r"C:\Users\Ann Owner\footage-agent\.venv\Scripts\python.exe", "-m", "agent.cli"]
    assert shell_line(spaced, "nt").startswith('"C:\\Users\\Ann Owner')   # cmd's quoting
    assert "PowerShell" in powershell_note(spaced, "nt") and "&" in powershell_note(spaced, "nt")
    assert powershell_note([r"C:\fa\python.exe", "-m", "agent.cli"], "nt") is None
    assert powershell_note(["/home/ann owner/.venv/bin/python"], "posix") is None
