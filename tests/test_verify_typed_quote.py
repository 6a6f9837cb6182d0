"""A package folder typed in Windows PowerShell with Tab (verify hunt 12). Tab completes a
folder with a backslash at its end and quotes a path holding a space:
`footage-agent verify 'C:\\Users\\det\\OneDrive - Metro Police\\Downloads\\pkg\\'`. Windows
builds the program's command line as `"...\\pkg\\"`, and its own rule reads `\\"` as a quote
that is part of the word: the program gets `...\\pkg"`, and verify said `...\\pkg" does not
exist` (exit 2) for a folder that is there; with `--json` typed after it, the word was
`...\\pkg" --json`, --json swallowed into the path (PowerShell/PowerShell#7400, #1995).

Windows' rules are taken here as the tests of owner_paths take them (owner_paths.SYSTEM):
this computer is Linux, where a quote is a character a name may hold."""
from __future__ import annotations

from pathlib import PureWindowsPath

import pytest

from agent.cli import main
from agent.commands.common import UsageError, named_package, quote_typed_in

TYPED = "C:\\Users\\det\\OneDrive - Metro Police\\Downloads\\pkg"


def test_a_folder_typed_with_tab_in_powershell_is_the_folder(monkeypatch):
    monkeypatch.setattr("agent.owner_paths.SYSTEM", "nt")
    got = named_package(TYPED + '"')   # what reaches the program
    assert '"' not in str(got)
    assert PureWindowsPath(str(got)) == PureWindowsPath(TYPED)


def test_words_typed_after_it_are_named_with_what_to_type(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr("agent.owner_paths.SYSTEM", "nt")
    assert main(["--home", str(tmp_path / "home"), "verify", TYPED + '" --json']) == 2
    err = capsys.readouterr().err
    assert (f"PACKAGE {TYPED}\" --json holds a quote, which no Windows file name does: a "
            "backslash just before a closing quote makes the quote part of what was typed, "
            "with the words after it (--json). Type the folder without that final backslash: "
            f"\"{TYPED}\"") in err


def test_only_windows_reads_a_quote_so():
    # Elsewhere a quote is a character a file name may hold.
    assert quote_typed_in('pkg"', "posix") == 'pkg"'
    assert quote_typed_in('a"b c', "posix") == 'a"b c'
    assert quote_typed_in(TYPED, "nt") == TYPED   # nothing to read otherwise
    assert quote_typed_in(TYPED + '" ', "nt") == TYPED + "\\"
    with pytest.raises(UsageError):
        quote_typed_in('C:\\a"b', "nt")


def test_a_package_path_too_long_for_windows_says_why_it_was_not_found(monkeypatch, capsys,
                                                                       tmp_path):
    # cli hunt 14: a package folder unpacked deep (Explorer's 'Extract all' in a long
    # Downloads path) past 259 characters, long paths not turned on: Windows finds no such
    # folder, and verify said only "pkg does not exist". Windows' rules as above, and the
    # folder the command runs in is a deep Windows one (verify's getcwd stands in for it: no such
    # folder can be made here, where one name holds 255 bytes at most); the package not
    # being found is this computer's own answer (no `pkg` in tmp_path).
    deep = TYPED + "\\" + "\\".join(["Case 2026-11-20 porch footage"] * 8)
    monkeypatch.setattr("agent.owner_paths.SYSTEM", "nt")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("agent.commands.verify.getcwd", lambda: deep, raising=False)
    code = main(["--home", str(tmp_path / "home"), "verify", "pkg"])
    monkeypatch.undo()
    assert code == 2
    err = capsys.readouterr().err
    assert "pkg does not exist" in err
    length = len(deep) + len("\\pkg")
    assert length > 259
    assert (f"pkg does not exist. Its path here is {length} characters, and Windows reads at "
            "most 259 unless long paths are turned on: move the package folder to a shorter "
            "path") in err


def test_a_short_package_path_not_there_is_only_not_there(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr("agent.owner_paths.SYSTEM", "nt")
    assert main(["--home", str(tmp_path / "home"), "verify", TYPED + "\\pkg"]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "Windows reads at most" not in err
