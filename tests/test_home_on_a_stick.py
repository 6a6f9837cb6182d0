"""A home on a USB stick or SD card formatted FAT32 or exFAT, which keeps no permissions.

Making the home private failed there: Linux refuses chmod 0700 on vfat (EPERM), said as
'cannot use E as the agent's home folder: permission denied for ...: your user account may
not do this there', as if the account were at fault; Windows' icacls failed in its own words
('cannot make ... private to your account (/grant:r failed: ...)'), after the folder was made.
Now the owner reads why (the drive keeps no permissions, what the home holds, who could read
it) and where to put it, and nothing is made on the stick.

What cannot run here is simulated as the system would answer: the stick is a folder a
mountinfo calls vfat or exfat, and Linux's refusal of the chmod is given where a stick
mounted so would give it. The command and the home are real.
"""
from __future__ import annotations

import errno
from pathlib import Path

import pytest

from agent import file_systems
from agent.cli import main
from agent.permissions import unprotected_drive_words


def _stick(monkeypatch, tmp_path: Path, kind: str) -> Path:
    stick = tmp_path / "stick"
    stick.mkdir()
    info = tmp_path / "mountinfo"
    info.write_text(f"99 22 8:17 / {stick.resolve()} rw - {kind} /dev/sdb1 rw\n")
    monkeypatch.setattr(file_systems, "MOUNTINFO", info)
    return stick


@pytest.mark.parametrize("kind, shown", [("vfat", "FAT32"), ("exfat", "exFAT")])
def test_a_new_home_on_a_stick_is_refused_in_plain_words_before_anything_is_written(
        tmp_path, monkeypatch, capsys, kind, shown):
    stick = _stick(monkeypatch, tmp_path, kind)
    home = stick / "footage"
    code = main(["--home", str(home), "sources", "list"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"cannot use {home} as the agent's home folder: it is on a drive formatted {shown}" \
        in err
    assert "keeps no permissions" in err and "owner key" in err
    assert "every account on this computer" in err and "Nothing was written" in err
    assert "own disk" in err and "Errno" not in err and "permission denied" not in err
    assert list(stick.iterdir()) == []   # no home, no key, no log made there


def test_a_home_already_on_a_stick_whose_chmod_is_refused_says_why(tmp_path, monkeypatch, capsys):
    """A home copied onto a stick: Linux refuses to make it 0700 there (EPERM, as vfat says
    it without the `quiet` mount option). What is in it is left as it is."""
    stick = _stick(monkeypatch, tmp_path, "vfat")
    home = stick / "footage"
    home.mkdir(mode=0o755)
    (home / "settings.json").write_text("{}")
    home.chmod(0o755)

    def vfat_chmod(self, mode, **kw):
        raise PermissionError(errno.EPERM, "Operation not permitted", str(self))
    monkeypatch.setattr(Path, "chmod", vfat_chmod)
    code = main(["--home", str(home), "sources", "list"])
    err = capsys.readouterr().err
    assert code == 1 and "it is on a drive formatted FAT32" in err
    assert "permission denied" not in err
    assert (home / "settings.json").read_text() == "{}"


def test_windows_names_for_drives_without_permissions_and_with_them():
    """Windows' branch through its pure part: GetVolumeInformationW's names (the call itself
    cannot run here: file_systems' Windows branch answers None without kernel32)."""
    e = Path("E:/footage")
    assert "formatted FAT32" in unprotected_drive_words(e, ask=lambda p: "FAT32")
    assert "formatted exFAT" in unprotected_drive_words(e, ask=lambda p: "exFAT")
    assert "formatted FAT32" in unprotected_drive_words(e, ask=lambda p: "FAT")
    for name in ("NTFS", "ReFS", None):   # keeps permissions, or cannot be told: made private
        assert unprotected_drive_words(e, ask=lambda p, n=name: n) is None
