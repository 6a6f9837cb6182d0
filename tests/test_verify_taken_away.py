"""A package tar taken away part way through `verify` (verify hunt 12): a sync tool moving it,
its USB stick pulled, or on Windows another program opening it to itself. Each read after the
tar's files were read (what follows its end, the clip read again for its Content Credentials
and sample tables) let the system's error through as Python writes it: "The package could not
be checked completely: [Errno 2] No such file or directory: '/.../q.tar'".

The error is the real system's, from a tar really deleted; only the moment is chosen, by
running the deletion as the step before the read returns (a test cannot pull a drive at a
moment of its choosing)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import frp.bagview
import frp.verify_clips
from agent.cli import main
from agent.export.bagtar import tar_package
from tests.test_verify_credentials import made  # noqa: F401


def _tar(made, tmp_path) -> Path:
    copy = tmp_path / made[1].name
    shutil.copytree(made[1], copy)
    return tar_package(copy, tmp_path / "sent.tar").path


def _taken_away_after(monkeypatch, module, name: str, tar: Path) -> None:
    """`module.name` runs as before, then the tar is gone."""
    real = getattr(module, name)

    def then_gone(*args, **kwargs):
        done = real(*args, **kwargs)
        if tar.exists():
            tar.unlink()
        return done
    monkeypatch.setattr(module, name, then_gone)


def _verify(capsys, tmp_path, tar: Path) -> tuple[int, list[str]]:
    code = main(["--home", str(tmp_path / "home"), "verify", str(tar), "--json"])
    return code, json.loads(capsys.readouterr().out)["problems"]


def test_a_tar_gone_after_its_files_were_read_is_said_in_plain_words(made, tmp_path, capsys,
                                                                      monkeypatch):
    tar = _tar(made, tmp_path)
    _taken_away_after(monkeypatch, frp.bagview, "global_words", tar)   # the tar's last read
    code, problems = _verify(capsys, tmp_path, tar)
    assert code == 3
    assert not [p for p in problems if "Errno" in p or str(tar) in p], problems
    assert any(p.startswith("sent.tar could not be read on this computer after byte ")
               and "(No such file or directory)" in p and "was not checked" in p
               for p in problems), problems
    assert any("could not be read on this computer to check its Content Credentials "
               "(No such file or directory)" in p for p in problems), problems


def test_a_tar_gone_before_its_clip_is_read_again_is_said_in_plain_words(made, tmp_path, capsys,
                                                                         monkeypatch):
    tar = _tar(made, tmp_path)
    # Gone once the clip's credentials were judged, before its sample tables are read.
    _taken_away_after(monkeypatch, frp.verify_clips, "_judge", tar)
    code, problems = _verify(capsys, tmp_path, tar)
    assert code == 3
    assert not [p for p in problems if "Errno" in p or str(tar) in p], problems
    assert ("The package could not be read through on this computer (No such file or "
            "directory), so it was not checked completely. Check it again where it can be "
            "read whole.") in problems
