"""Package paths on Windows: long case numbers and camera names are shortened in names (still
unique and readable), and a folder too deep for Windows' 259 characters is refused before
anything is cut (its Windows branch tested through its pure parts)."""
from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path

import bagit

from agent.cli import main
from agent.export import evidence
from agent.export.naming import PART_MAX, clip_name, name_part, package_name
from agent.export.path_room import (
    WINDOWS_MAX_PATH,
    long_paths_enabled,
    longest_inside,
    room_problem,
    windows_room_problem,
)
from demo.samples import ClipSpec, write_clip
from tests.conftest import t
from tests.test_delivery_faults import World, footage

__all__ = ["footage"]

A, B = t("2026-11-20T22:00:01Z"), t("2026-11-20T22:00:03Z")
CASE = "2026-CR-000123456-HOMICIDE-DIVISION-NORTH-PRECINCT-SUPPLEMENTAL-FOLLOW-UP"
CAMERA = "Front door camera (north side, above the garage, looking at the driveway)"
# A Windows user's own exports folder, as the app would suggest it.
EXPORTS = r"C:\Users\Margaret Thompson\Documents\Footage Agent\Exports"


def worst_name(case: str, camera: str) -> str:
    """The longest name an export of this case and camera can get: every tag, numbered."""
    return package_name(case, camera, A, B, "exact", audio=True, masks=True, faces=True,
                        muted=True) + "_999"


def test_long_case_numbers_and_camera_names_fit_under_a_windows_users_folder():
    inside = longest_inside(worst_name(CASE, CAMERA), clip_name(CAMERA, A, B))
    assert windows_room_problem(EXPORTS, inside, long_paths=False) is None
    assert len(EXPORTS) + inside <= WINDOWS_MAX_PATH


def test_a_shortened_part_keeps_its_beginning_and_stays_unique():
    part = name_part(CASE)
    assert len(part) == PART_MAX and part.startswith("2026-CR-000123456")
    other = name_part(CASE.replace("NORTH", "SOUTH"))    # differs past what is kept
    assert other != part and other[:-6] == part[:-6]
    assert name_part("porch") == "porch"                  # short names stay as they were
    assert name_part(CAMERA) == name_part(CAMERA)         # the same text, the same part


def test_the_windows_check_names_the_longest_folder_that_would_do():
    deep = "C:\\" + "\\".join(["a-folder-of-the-owner"] * 8)
    inside = longest_inside(worst_name("manual", "porch"), clip_name("porch", A, B))
    problem = windows_room_problem(deep, inside, long_paths=False)
    assert problem is not None and f"at most {WINDOWS_MAX_PATH - inside} characters" in problem
    assert "Errno" not in problem
    assert windows_room_problem(deep, inside, long_paths=True) is None
    assert windows_room_problem("\\\\?\\" + deep, inside, long_paths=False) is None
    # This computer's answer decides: only on Windows, and only without long paths.
    assert room_problem(deep, inside, windows=False) is None
    assert room_problem(deep, inside, windows=True, probe=lambda: 1) is None
    assert room_problem(deep, inside, windows=True, probe=lambda: 0) == problem
    assert long_paths_enabled(probe=_no_ntdll) is False


def _no_ntdll() -> int:
    raise OSError("no ntdll here")


def _record(store: list[int], out: Path):
    """A progress callback measuring the longest path under `out` while the package is built."""
    def progress(_stage: str, _fraction: float) -> None:
        for folder, dirs, files in os.walk(out):
            for entry in dirs + files:
                store.append(len(os.path.relpath(os.path.join(folder, entry), out)))
    return progress


def test_a_long_camera_name_gives_a_short_package_that_verifies(tmp_path, capsys):
    rec = tmp_path / "rec"
    write_clip(ClipSpec(path=rec / "porch.20261120_220000.mp4", start_us=t("2026-11-20T22:00:00Z"),
                        seconds=4, fps=10, gop_s=1.0))
    home = tmp_path / "home"
    assert main(["--home", str(home), "sources", "add", str(rec), "--camera", CAMERA,
                 "--tz", "UTC"]) == 0
    assert main(["--home", str(home), "scan"]) == 0
    from agent.service import Agent
    out, seen = tmp_path / "out", []
    out.mkdir()
    agent = Agent(home)
    try:
        done = agent.export(CAMERA, A, B, out, progress=_record(seen, out))
    finally:
        agent.close()
    package = done.package.path
    name, clip = package.name, done.clip.name
    assert name == package_name("manual", CAMERA, A, B, "copy") and clip == clip_name(CAMERA, A, B)
    assert name.startswith("manual_Front-door-camera") and len(name_part(CAMERA)) == PART_MAX
    finished = max(len(p.relative_to(out).as_posix()) for p in out.rglob("*"))
    assert max(seen + [finished]) <= longest_inside(name, clip), "a longer path than reckoned"
    bagit.Bag(str(package)).validate()
    capsys.readouterr()
    assert main(["--home", str(home), "verify", str(package), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_an_out_folder_too_deep_for_windows_is_a_usage_error_and_makes_nothing(
        tmp_path, capsys, monkeypatch):
    # Windows cannot run here: its answer is given (no long paths), the rest is real.
    monkeypatch.setattr(evidence, "room_problem",
                        functools.partial(room_problem, windows=True, probe=lambda: 0))
    rec = tmp_path / "porch"
    write_clip(ClipSpec(path=rec / "porch.20261120_220000.mp4", start_us=t("2026-11-20T22:00:00Z"),
                        seconds=4, fps=10, gop_s=1.0))
    home = tmp_path / "home"
    assert main(["--home", str(home), "scan", str(rec), "--tz", "UTC"]) == 0
    deep = tmp_path.joinpath(*["a-folder-of-the-owner"] * 9)
    deep.mkdir(parents=True)
    capsys.readouterr()
    code = main(["--home", str(home), "export", "--camera", "porch", "--from",
                 "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:03Z", "--out", str(deep)])
    err = capsys.readouterr().err
    assert code == 2 and "too deep for Windows" in err and "unexpected" not in err
    assert list(deep.iterdir()) == []


def test_windows_answer_on_long_paths_is_read_as_the_one_byte_it_is(tmp_path):
    """Seen in the code: RtlAreLongPathsEnabled returns a BOOLEAN, one byte, and was called
    with ctypes' default int result, so whatever the rest of the register held read as "long
    paths on": a folder too deep was let through and the export failed part way. A real
    library answers here as ntdll may: FALSE in its low byte, other bits above it."""
    import ctypes
    import subprocess

    from agent.export.path_room import _rtl_are_long_paths_enabled
    from tests.conftest import require_tool
    source = tmp_path / "ntdll.c"
    source.write_text("unsigned int RtlAreLongPathsEnabled(void) { return 0x7fffff00u; }\n"
                      "unsigned int Enabled(void) { return 0x7fffff01u; }\n")
    library = tmp_path / "ntdll.so"
    subprocess.run([require_tool("gcc"), "-shared", "-fPIC", "-o", str(library), str(source)],
                   check=True)
    ntdll = ctypes.CDLL(str(library))
    assert long_paths_enabled(probe=lambda: _rtl_are_long_paths_enabled(ntdll)) is False
    ntdll.RtlAreLongPathsEnabled = ntdll.Enabled   # TRUE in its low byte
    assert long_paths_enabled(probe=lambda: _rtl_are_long_paths_enabled(ntdll)) is True


def test_a_requests_package_too_deep_for_windows_is_said_as_too_deep_with_what_to_do(
        tmp_path, footage, capsys, monkeypatch):
    """A request's package is made in the app's own folder (`<home>\\packages\\<request>`),
    made only once the package is begun: refused there as too deep for Windows, before that
    folder was made, it was said as 'the folder ... went away while the package was written
    (was the USB stick or drive taken out?)'; and the refusal's advice, 'Choose a folder whose
    own path has at most N characters, such as a folder directly on the drive (E:\\clips)', is
    nothing the owner can do for the app's own folder. The app's folder on Windows
    (C:\\Users\\<name>\\AppData\\Local\\footage-agent) with a long case number and camera
    name passes 259 characters; the deep folder stands for that here."""
    monkeypatch.setattr(evidence, "room_problem",
                        functools.partial(room_problem, windows=True, probe=lambda: 0))
    deep = tmp_path.joinpath(*["Users-Margaret-Thompson-AppData-Local"] * 4)
    deep.mkdir(parents=True)
    world = World(deep, footage, capsys)
    try:
        code, _out, err = world.approve()
    finally:
        world.close()
    assert code != 0 and "too deep for Windows" in err, err
    assert "went away" not in err and "USB stick" not in err
    assert "Choose a folder" not in err and "E:\\clips" not in err
    assert f"footage-agent's own folder {world.run.home} is too deep" in err
    assert "turn them on" in err and "Enable Win32 long paths" in err
    said = int(re.search(r"its clip's path would be (\d+) characters", err).group(1))
    assert said > max(WINDOWS_MAX_PATH, len(str(world.run.home / "packages" / world.jti)))
    assert not list((world.run.home / "packages").rglob("*.mp4"))   # nothing was cut



def test_a_relative_out_folder_is_weighed_by_its_whole_path(tmp_path, capsys, monkeypatch):
    """Export hunt: `--out clips` typed in a deep folder (a Command Prompt opened in the
    owner's Documents) was weighed as the 5 characters `clips`, not as the path Windows
    opens, so a package past 259 characters was cut there. Windows' answer is given (no
    long paths), the rest is real."""
    monkeypatch.setattr(evidence, "room_problem",
                        functools.partial(room_problem, windows=True, probe=lambda: 0))
    rec = tmp_path / "porch"
    write_clip(ClipSpec(path=rec / "porch.20261120_220000.mp4", start_us=t("2026-11-20T22:00:00Z"),
                        seconds=4, fps=10, gop_s=1.0))
    home = tmp_path / "home"
    assert main(["--home", str(home), "scan", str(rec), "--tz", "UTC"]) == 0
    deep = tmp_path.joinpath(*["a-folder-of-the-owner"] * 9)
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    capsys.readouterr()
    code = main(["--home", str(home), "export", "--camera", "porch", "--from",
                 "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:03Z", "--out", "clips"])
    err = capsys.readouterr().err
    assert code == 2 and "too deep for Windows" in err
    assert f"the folder {deep / 'clips'} is too deep" in err   # the folder as Windows opens it
    assert list(deep.iterdir()) == []   # the folder made for it taken away again
