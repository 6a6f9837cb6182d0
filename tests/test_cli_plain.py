"""The command line's promises about failures: every OS error in plain words, `--out` that is
not where it seems is a usage error, packages never collide, a closed pipe ends quietly, and
the exit codes docs/cli.md names (3 when nothing matched)."""
from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path, PurePath
from types import SimpleNamespace

import pytest

from agent.cli import main
from agent.commands.common import UsageError
from agent.commands.folders import existing_folder
from agent.export.destination import empty_mount_point, name_refused
from agent.export.naming import free_name, package_name
from agent.os_words import WINDOWS_ERRORS, plain_home_error, plain_os_error
from demo.samples import ClipSpec, write_clip
from tests.conftest import t

ROOT = Path(__file__).resolve().parent.parent


# OS errors in plain words ------------------------------------------------------------------
@pytest.mark.parametrize("number, words", [
    (errno.ENOSPC, "the disk holding /media/usb/clips is full: free some space"),
    (errno.EROFS, "/media/usb/clips is on a read-only disk (a locked SD card"),
    (errno.EEXIST, "/media/usb/clips already exists: choose another name"),
    (errno.EACCES, "permission denied for /media/usb/clips: your user account may not"),
    (errno.EPERM, "permission denied for /media/usb/clips"),
    (errno.ENOENT, "/media/usb/clips does not exist: check the path, or connect the drive"),
    (errno.EIO, "could not be read or written (input/output error)"),
])
def test_each_os_error_reads_as_plain_words_naming_the_file(number, words):
    text = plain_os_error(OSError(number, os.strerror(number), "/media/usb/clips"))
    assert words in text
    assert "Errno" not in text and "[" not in text


def test_windows_errors_read_the_same_as_their_posix_kin():
    # Errors Python leaves as EINVAL or maps loosely on Windows: the code decides the words.
    for winerror, number in ((19, errno.EROFS), (32, errno.EBUSY), (112, errno.ENOSPC),
                             (21, errno.ENXIO), (5, errno.EACCES)):
        exc = OSError(errno.EINVAL, "The media is write protected", "E:\\clips")
        exc.winerror = winerror
        assert plain_os_error(exc) == plain_os_error(OSError(number, "x", "E:\\clips"))
    assert WINDOWS_ERRORS[183] == errno.EEXIST


def test_a_full_disk_under_the_apps_own_folder_is_not_told_to_choose_another_folder():
    # The settings, masks, audit log, a recorder's download: the owner never chose that folder.
    home = "C:\\Users\\ana\\AppData\\Local\\footage-agent"
    full = f"the disk holding {home} is full: free some space there"
    for exc in (OSError(errno.ENOSPC, "No space left on device", home),
                _windows(112, "There is not enough space on the disk.", home),
                _windows(39, "The disk is full.", home)):
        assert plain_home_error(exc) == full
        assert plain_os_error(exc) == full + ", or choose another folder"   # an export's
    if hasattr(errno, "EDQUOT"):
        assert plain_home_error(OSError(errno.EDQUOT, "Disk quota exceeded", home)) == (
            f"your disk quota is used up on the disk holding {home}: free some space there")
    # A read-only or forbidden disk likewise (a home copied to a locked card, or made by
    # another user account); the rest read as for any file.
    for number in (errno.EROFS, errno.EACCES, errno.EPERM):
        exc = OSError(number, os.strerror(number), home)
        said = plain_home_error(exc)
        assert home in said and "choose another folder" not in said, said
        assert said == plain_os_error(exc).replace(", or choose another folder", "").replace(
            "choose another folder, or ", ""), said
    for winerror, number in ((19, errno.EROFS), (5, errno.EACCES)):   # as Windows says them
        assert plain_home_error(_windows(winerror, "x", home)) == plain_home_error(
            OSError(number, "x", home))
    for number in (errno.ENOENT, errno.EIO):
        exc = OSError(number, os.strerror(number), home)
        assert plain_home_error(exc) == plain_os_error(exc)


def test_a_name_windows_cannot_use_says_what_a_name_may_not_hold():
    """cmd hands a folder typed `"E:\\"` to the program as `E:"` (the backslash escapes the
    quote), and a folder typed by hand may hold a `?` or a `:`: Windows refuses such a name with
    ERROR_INVALID_NAME (123), which Python leaves as EINVAL, and it read 'E:": The filename,
    directory name, or volume label syntax is incorrect', with nothing to do."""
    said = plain_os_error(_windows(123, "The filename, directory name, or volume label syntax "
                                        "is incorrect", 'E:"'))
    assert said.startswith('E:" is not a name Windows can use') and '<>:"|?*' in said, said
    assert "E:\\" in said and "syntax" not in said and said.endswith("check the path")
    # ERROR_DIRECTORY (267), also left as EINVAL: a file where a folder was expected.
    assert plain_os_error(_windows(267, "The directory name is invalid", "E:\\a.mp4")) == \
        plain_os_error(OSError(errno.ENOTDIR, "x", "E:\\a.mp4"))


def _windows(winerror: int, strerror: str, path: str) -> OSError:
    exc = OSError(errno.EINVAL, strerror, path)
    exc.winerror = winerror
    return exc


@pytest.mark.parametrize("winerror,strerror,number", [
    (64, "The specified network name is no longer available", errno.ENXIO),
    (59, "An unexpected network error occurred", errno.ENXIO),
    (1167, "The device is not connected", errno.ENXIO),
    (1006, "The volume for a file has been externally altered so that the opened file is no "
           "longer valid", errno.ENXIO),
    (223, "The file size exceeds the limit allowed and cannot be saved", errno.EFBIG),
])
def test_a_share_or_stick_gone_and_a_file_too_big_say_what_to_do_on_windows(
        winerror, strerror, number):
    """Seen in the code: a NAS share dropping while its recordings were read
    (`\\\\nas\\cams`), a USB stick pulled while a package was written, or a file past what
    the disk holds came to the owner as Windows' own sentence, saying nothing of what to do:
    Python leaves these codes as EINVAL."""
    exc = OSError(errno.EINVAL, strerror, r"\\nas\cams\porch.mp4")
    exc.winerror = winerror
    assert plain_os_error(exc) == plain_os_error(OSError(number, "x", r"\\nas\cams\porch.mp4"))
    assert strerror not in plain_os_error(exc)


def test_an_unknown_error_keeps_the_systems_words_without_the_tag():
    text = plain_os_error(OSError(errno.EPROTO, "Protocol error", "/x"))
    assert text == "/x: Protocol error"
    assert plain_os_error(OSError("[Errno 99] odd")) == "odd"


def test_the_command_says_an_os_error_in_plain_words(tmp_path, capsys, monkeypatch):
    from agent import service

    def read_only(*_a, **_k):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(tmp_path / "usb"))

    monkeypatch.setattr(service.Agent, "scan", read_only)
    code = main(["--home", str(tmp_path / "home"), "scan", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1 and "is on a read-only disk" in err and "Errno" not in err


# --out -------------------------------------------------------------------------------------
def test_out_must_be_where_it_seems(tmp_path):
    assert existing_folder(str(tmp_path)) == (tmp_path, False)
    made = existing_folder(str(tmp_path / "new"))   # one level: made, and it says so
    assert made == (tmp_path / "new", True) and made[0].is_dir()
    with pytest.raises(UsageError, match="does not exist, nor does the folder it would go in"):
        existing_folder(str(tmp_path / "no" / "such"))
    assert not (tmp_path / "no").exists()
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="is a file, not a folder"):
        existing_folder(str(tmp_path / "file"))


def test_a_folder_where_a_drive_should_be_mounted_but_is_not_is_refused():
    nothing = lambda path: path == "/"    # noqa: E731  (no USB stick in: / holds it all)
    stick_in = lambda path: path in ("/", "/media/usb")   # noqa: E731
    assert empty_mount_point(PurePath("/media/usb/clips"), nothing) == "/media"
    assert empty_mount_point(PurePath("/media/usb/clips"), stick_in) is None
    assert empty_mount_point(PurePath("/run/media/ann/STICK"), lambda p: p in ("/", "/run")) \
        == "/run/media"
    assert empty_mount_point(PurePath("/Volumes/STICK/x"), nothing) == "/Volumes"
    assert empty_mount_point(PurePath("/home/ann/clips"), nothing) is None


def test_export_to_a_missing_drive_is_a_usage_error_and_makes_nothing(tmp_path, capsys):
    code = main(["--home", str(tmp_path / "home"), "export", "--camera", "porch", "--from",
                 "2026-11-20T22:00:00Z", "--to", "2026-11-20T22:00:04Z", "--out",
                 str(tmp_path / "usb" / "clips")])
    err = capsys.readouterr().err
    assert code == 2 and "does not exist" in err and not (tmp_path / "usb").exists()


@pytest.mark.parametrize("refusal", [
    OSError(errno.EINVAL, os.strerror(errno.EINVAL)),   # Linux, a FAT32 or exFAT stick
    OSError(errno.EINVAL, "The filename, directory name, or volume label syntax is incorrect",
            None, 123),                                  # Windows, any drive
], ids=["fat-on-linux", "windows"])
def test_a_folder_name_the_stick_refuses_is_said_in_plain_words(tmp_path, capsys, monkeypatch,
                                                                refusal):
    # An owner types `Police: porch` as the new folder on their USB stick. ext4 here takes
    # the colon, a FAT or exFAT stick does not (no such drive mounts here, so its mkdir
    # answers as the stick's would): they were told "Invalid argument".
    wanted = tmp_path / "Police: porch"
    made = Path.mkdir

    def mkdir(self, *args, **kwargs):
        if self == wanted:
            raise OSError(refusal.errno, refusal.strerror, str(self), *refusal.args[3:])
        return made(self, *args, **kwargs)
    monkeypatch.setattr(Path, "mkdir", mkdir)
    code = main(["--home", str(tmp_path / "home"), "export", "--camera", "porch", "--from",
                 "2026-11-20T22:00:00Z", "--to", "2026-11-20T22:00:04Z", "--out", str(wanted)])
    err = capsys.readouterr().err
    assert code == 2 and str(wanted) in err
    assert "Invalid argument" not in err and "syntax is incorrect" not in err
    assert "does not take that name" in err and ": \" / \\ | ? *" in err
    assert not wanted.exists()


def test_only_windows_bad_name_codes_count_as_a_name_refused():
    # On Windows the code says it (Python gives EINVAL for many other failures too).
    bad = lambda winerror: SimpleNamespace(errno=errno.EINVAL, winerror=winerror)  # noqa: E731
    assert name_refused(bad(123)) and name_refused(bad(161))
    assert not name_refused(bad(87))   # ERROR_INVALID_PARAMETER: not the name's fault
    assert not name_refused(OSError(errno.EACCES, "denied"))
    # os_words knows both codes; 161 keeps the words of the ENOENT Python reads it
    # as ("does not exist: check the path"), which fit `\\nas` named without its share.
    share = OSError(errno.ENOENT, "The specified path is invalid", r"\\nas")
    share.winerror = 161
    assert plain_os_error(share) == plain_os_error(OSError(errno.ENOENT, "x", r"\\nas"))


# package names -----------------------------------------------------------------------------
def test_package_names_carry_what_tells_two_exports_apart(tmp_path):
    a, b = t("2026-11-20T22:05:00Z"), t("2026-11-20T22:10:00Z")
    copy = package_name("manual", "porch", a, b, "copy")
    assert copy == "manual_porch_20261120T220500Z-20261120T221000Z_copy"
    names = {copy, package_name("manual", "porch", a, b, "exact"),
             package_name("manual", "porch", a, b, "exact", masks=True),
             package_name("manual", "porch", a, b, "exact", faces=True),
             package_name("manual", "porch", a, b, "copy", audio=True),
             package_name("manual", "porch", a, b, "copy", audio=True, muted=True),
             package_name("manual", "porch", a, b + 1_000_000, "copy")}
    assert len(names) == 7
    (tmp_path / copy).mkdir()
    (tmp_path / f"{copy}_2").mkdir()
    assert free_name(tmp_path, copy) == f"{copy}_3"
    assert free_name(tmp_path, "other") == "other"


@pytest.fixture
def porch(tmp_path: Path) -> Path:
    rec = tmp_path / "porch"   # the folder is the camera, named after it
    write_clip(ClipSpec(path=rec / "porch.20261120_220000.mp4", start_us=t("2026-11-20T22:00:00Z"),
                        seconds=6, fps=10, gop_s=1.0))
    home = tmp_path / "home"
    assert main(["--home", str(home), "scan", str(rec), "--tz", "UTC"]) == 0
    return home


def test_the_same_window_exported_in_copy_then_exact_then_again_gives_three_packages(
        porch, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    made = []
    for mode in ("copy", "exact", "exact"):
        capsys.readouterr()
        assert main(["--home", str(porch), "export", "--camera", "porch", "--from",
                     "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:05Z", "--mode", mode,
                     "--out", str(out), "--json"]) == 0
        made.append(Path(json.loads(capsys.readouterr().out)["package"]).name)
    assert made == ["manual_porch_20261120T220001Z-20261120T220005Z_copy",
                    "manual_porch_20261120T220001Z-20261120T220005Z_exact",
                    "manual_porch_20261120T220001Z-20261120T220005Z_exact_2"]
    assert sorted(p.name for p in out.iterdir()) == sorted(made)


def test_a_copy_starting_after_the_time_asked_says_why_in_the_guides_words(porch, tmp_path,
                                                                            capsys):
    """The note said 'copy mode starts at the first keyframe inside the window': a word the
    owner meets nowhere else (the user guide and the app say 'the first full picture')."""
    capsys.readouterr()
    assert main(["--home", str(porch), "export", "--camera", "porch", "--from",
                 "2026-11-20T22:00:01.5Z", "--to", "2026-11-20T22:00:03Z", "--out",
                 str(tmp_path), "--progress", "none"]) == 0
    err = capsys.readouterr().err
    assert ("note: a copy starts at the first full picture (keyframe) inside the window, 0.50 s "
            "after the start you asked for (use --mode exact for the exact second)") in err, err


# exit codes and pipes ----------------------------------------------------------------------
def test_recordings_that_match_nothing_exit_3(porch, capsys):
    capsys.readouterr()
    assert main(["--home", str(porch), "recordings", "--camera", "porch", "--from",
                 "2027-01-01T00:00:00Z", "--to", "2027-01-02T00:00:00Z"]) == 3
    assert "no recordings match camera 'porch' in that window" in capsys.readouterr().err
    assert main(["--home", str(porch), "recordings", "--camera", "porch", "--json",
                 "--from", "2027-01-01T00:00:00Z"]) == 3
    assert json.loads(capsys.readouterr().out) == []


def test_a_camera_name_not_indexed_is_said_with_the_known_ones_before_any_export(
        porch, tmp_path, capsys):
    # Tried as an owner: `export --camera nocam` said "no usable recording ... covers that
    # window" as if the window were wrong, and `recordings --camera Porch` that nothing
    # matched; neither named the cameras there are.
    home = ["--home", str(porch)]
    window = ["--from", "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:05Z"]
    capsys.readouterr()
    assert main(home + ["recordings", "--camera", "Porch"] + window) == 3
    assert ("no recordings of a camera named 'Porch' are indexed (known: porch); did you "
            "mean 'porch'?") in capsys.readouterr().err
    out = tmp_path / "out"
    out.mkdir()
    assert main(home + ["export", "--camera", "nocam", "--out", str(out)] + window) == 3
    err = capsys.readouterr().err
    assert "no recordings of a camera named 'nocam' are indexed (known: porch)" in err
    assert "did you mean" not in err and list(out.iterdir()) == []
    assert main(home + ["coverage", "--camera", "PORCH"] + window) == 3
    assert "did you mean 'porch'?" in capsys.readouterr().err


def test_a_camera_name_typed_with_a_letter_wrong_is_suggested(porch, capsys):
    window = ["--from", "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:05Z"]
    capsys.readouterr()
    assert main(["--home", str(porch), "coverage", "--camera", "prch"] + window) == 3
    assert ("no recordings of a camera named 'prch' are indexed (known: porch); did you mean "
            "'porch'?") in capsys.readouterr().err


def test_a_camera_added_but_never_scanned_says_to_scan(tmp_path, capsys):
    """The quick start's second step forgotten: the camera is there, its recordings are not
    indexed yet. 'known: none' left a new owner nowhere to go."""
    rec = tmp_path / "porch"
    write_clip(ClipSpec(path=rec / "porch.20261120_220000.mp4", start_us=t("2026-11-20T22:00:00Z"),
                        seconds=2, fps=10))
    home = ["--home", str(tmp_path / "home")]
    assert main(home + ["sources", "add", str(rec), "--tz", "UTC"]) == 0
    out = tmp_path / "out"
    out.mkdir()
    window = ["--from", "2026-11-20T22:00:00Z", "--to", "2026-11-20T22:00:01Z"]
    for argv in (["export", "--camera", "porch", "--out", str(out)] + window,
                 ["coverage", "--camera", "porch"] + window,
                 ["recordings", "--camera", "porch"], ["recordings"]):
        capsys.readouterr()
        assert main(home + argv) == 3, argv
        err = capsys.readouterr().err
        assert "run `footage-agent scan`" in err, (argv, err)
    assert list(out.iterdir()) == []


def test_a_camera_asked_of_an_empty_index_says_what_to_do_first(tmp_path, capsys):
    """README's first command failed (no card at /mnt/sdcard) and the owner went on with the
    next ones: `recordings --camera`, `coverage` and `export` answered 'no recordings of a
    camera named 'porch' are indexed (known: none)', where cli.md promises that an index with
    no recordings at all says what to run; a mistyped name beside a folder not scanned yet
    said the same."""
    home = ["--home", str(tmp_path / "home")]
    out = tmp_path / "out"
    out.mkdir()
    window = ["--from", "2026-11-20T14:00:00-08:00", "--to", "2026-11-20T14:10:00-08:00"]
    asks = (["recordings", "--camera", "porch"] + window, ["coverage", "--camera", "porch"] + window,
            ["export", "--camera", "porch", "--out", str(out)] + window)
    for argv in asks:
        capsys.readouterr()
        assert main(home + argv) == 3, argv
        err = capsys.readouterr().err
        assert "known: none" not in err, (argv, err)
        assert "`footage-agent sources add PATH`, then run `footage-agent scan`" in err, (argv, err)
    rec = tmp_path / "porch"
    rec.mkdir()
    assert main(home + ["sources", "add", str(rec), "--camera", "porch", "--tz", "UTC"]) == 0
    for argv in asks:
        argv = [a if a != "porch" else "prch" for a in argv]
        capsys.readouterr()
        assert main(home + argv) == 3, argv
        err = capsys.readouterr().err
        assert "known: none" not in err and "run `footage-agent scan`" in err, (argv, err)
    assert list(out.iterdir()) == []


def test_a_home_folder_typed_wrong_is_not_made_somewhere_new(tmp_path, capsys, monkeypatch):
    """`--home /media/usb/footage-agent` with the stick out, or a typo in a folder above the
    home, made every missing folder on the way and a new empty home there: the owner's folders,
    agencies and key were all 'gone' ('no cameras yet'), and the next signature made a second
    owner key. A new home must go directly inside a folder that exists, as `export --out`."""
    typo = tmp_path / "Documnets" / "footage-agent"
    for argv, env in ((["--home", str(typo)], None), ([], str(typo))):
        if env is None:
            monkeypatch.delenv("FOOTAGE_AGENT_HOME", raising=False)
        else:
            monkeypatch.setenv("FOOTAGE_AGENT_HOME", env)
        capsys.readouterr()
        assert main(argv + ["cameras"]) == 2
        err = capsys.readouterr().err
        assert (f"{typo} does not exist, nor does the folder it would go in "
                f"({typo.parent}): connect the drive it is on") in err, err
        assert not typo.parent.exists()
    monkeypatch.delenv("FOOTAGE_AGENT_HOME")
    assert main(["--home", str(tmp_path / "new-home"), "cameras"]) == 0   # one level: made
    assert (tmp_path / "new-home").is_dir()


def test_registering_and_unregistering_too_early_say_what_to_do_first(tmp_path, capsys):
    """The user guide's step 4 tried before a scan found anything: `agencies register --camera
    porch` said 'known: none yet: add a recordings folder' to an owner who had added one; and
    `agencies unregister` before registering said 'you hold no a registration with ...'."""
    card = tmp_path / "card"
    card.mkdir()
    home = ["--home", str(tmp_path / "home")]
    agency = "https://police.example.gov"
    register = home + ["agencies", "register", agency, "--invite", "inv-" + "a" * 26, "--name",
                       "Ann Owner", "--camera", "porch", "--address", "1200 Elm Street"]
    assert main(register) == 3
    assert "add your recordings folder with `footage-agent sources add PATH`" in \
        capsys.readouterr().err
    assert main(home + ["sources", "add", str(card), "--camera", "porch", "--tz", "UTC"]) == 0
    capsys.readouterr()
    assert main(register) == 3
    err = capsys.readouterr().err
    assert "run `footage-agent scan`" in err and "add a recordings folder" not in err, err
    assert main(home + ["agencies", "unregister", agency]) == 3
    err = capsys.readouterr().err
    assert f"you hold no registration with {agency} made from this app" in err, err


def test_a_scan_that_finds_no_video_says_what_to_check(tmp_path, capsys):
    """README's first two commands on a folder with no recording in it (the wrong folder, a
    card not in its reader leaving an empty mount point): `scan` said '0 files (0 new, ...)'
    and exit 0, and `recordings` then said to run `scan`, which said the same again; what to
    check (the app says it) was never said."""
    card = tmp_path / "card"
    card.mkdir()
    (card / "notes.txt").write_text("not a recording")
    home = ["--home", str(tmp_path / "home")]
    assert main(home + ["sources", "add", str(card), "--camera", "porch", "--tz", "UTC"]) == 0
    capsys.readouterr()
    assert main(home + ["scan", "--progress", "none"]) == 0
    err = capsys.readouterr().err
    assert (f"note: no recording the app recognises is in {card}: check that the card or drive "
            "is connected and that you chose the folder the recorder writes to") in err, err
    write_clip(ClipSpec(path=card / "porch.20261120_220000.mp4",
                        start_us=t("2026-11-20T22:00:00Z"), seconds=1, fps=5))
    assert main(home + ["scan", "--progress", "none"]) == 0
    assert "no recording the app recognises" not in capsys.readouterr().err


@pytest.mark.parametrize("typed, words", [
    ("2026-11-31T14:00", "November 2026 has 30 days"),
    ("2026-02-29T10:00-08:00", "February 2026 has 28 days"),
    ("2026-13-07T14:00", "there is no month 13: months go from 01 to 12"),
    ("2026-11-20T24:30", "hours go from 00 to 23"),
    ("2026-11-20T14:60Z", "minutes go from 00 to 59"),
])
def test_a_date_typed_wrong_says_what_is_wrong_with_it_in_plain_words(tmp_path, capsys, typed,
                                                                       words):
    """A typo in a date was answered in Python's words: 'is not a real time: day is out of
    range for month', 'month must be in 1..12', 'hour must be in 0..23'."""
    argv = ["--home", str(tmp_path), "coverage", "--camera", "porch", "--from", typed,
            "--to", "2026-12-30T00:00"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"--from '{typed}' is not a" in err and f"time: {words}" in err, err
    assert "must be in" not in err and "out of range" not in err


def test_a_reader_that_closes_the_pipe_ends_the_command_quietly(porch):
    # `footage-agent log | head -0`: the reader is gone before the first line is written.
    proc = subprocess.Popen([sys.executable, "-m", "agent.cli", "--home", str(porch), "log"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert err == ""


def test_keep_audio_over_soundless_footage_names_no_sound(porch, tmp_path, capsys):
    # The porch clip has no sound track: asking to keep it leaves a clip without sound, and
    # the name must say what the package holds, not what was asked.
    out = tmp_path / "out"
    capsys.readouterr()
    assert main(["--home", str(porch), "export", "--camera", "porch", "--from",
                 "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:05Z", "--keep-audio",
                 "--out", str(out)]) == 0
    said = capsys.readouterr()
    package = Path(said.out.strip())
    assert package.name == "manual_porch_20261120T220001Z-20261120T220005Z_copy"
    assert "no sound recorded in this window" in said.err and "sound kept" not in said.err
    prov = json.loads((package / "data" / "provenance.json").read_text())
    assert prov["audio"] == "removed"
    # Sealed under its final name: verify finds no rename, nothing wrong.
    assert main(["--home", str(porch), "verify", str(package), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and report["notes"] == [], report


def test_a_file_that_is_no_agency_file_is_named_and_a_wrong_agency_id_lists_the_right_ones(
        tmp_path, capsys):
    # The owner picked the wrong download, or typed the agency's id from memory.
    from tests.test_agencies import agency_doc

    home = str(tmp_path / "home")
    notes = tmp_path / "police-letter.json"
    notes.write_text("{ this is not json")
    assert main(["--home", home, "agencies", "add", str(notes)]) == 3
    assert "police-letter.json: the agency file is not valid JSON" in capsys.readouterr().err
    good = tmp_path / "agency.json"
    good.write_text(json.dumps(agency_doc()))
    assert main(["--home", home, "agencies", "add", str(good)]) == 0
    capsys.readouterr()
    assert main(["--home", home, "agencies", "remove", "police.example"]) == 3
    err = capsys.readouterr().err
    assert ("no agency 'police.example' is in your trust store (its agencies: "
            "https://police.example.gov;") in err
