"""settings.json as a home PC leaves it: cut to nothing by a power cut, filled with zeros by a
failing disk, edited by hand. Each is said through the real command in plain words naming the
file and what to do (fix it, or delete it for the default settings), exit 1, and the file is
left as it was; a value of the wrong kind is refused by name rather than read wrong (`"no"`
taken as true, `"300"` failing deep in the poll with Python's words)."""
from __future__ import annotations

import pytest

from agent.cli import main

JARGON = ("Errno", "Error", "Traceback", "unexpected failure", "Expecting", "char ", "float",
          "argument")
WHAT_TO_DO = "fix it, or delete it to go back to the default settings"


def said(capsys, home, *argv: str) -> tuple[int, str]:
    """Run the command in this process: (exit code, its one line on stderr), checked plain."""
    capsys.readouterr()
    code = main(["--home", str(home), *argv])
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    for word in JARGON:
        assert word not in err, err
    return code, err


@pytest.mark.parametrize("content, why", [
    (b"", "it is empty"),
    (b"   \n", "it is empty"),
    (b"\0" * 120, "its text is broken at line 1, column 1"),
    (b'{\n  "poll_interval_s": 600,\n  "keep_runn', "its text is broken at line 3, column 3"),
    (b"\xff\xfe{}", "it is not text"),
    (b"[600]", "it holds no settings"),
    (b"[" * 100_000, "its text nests too deep to be read"),   # said 'unexpected failure'
])
def test_a_damaged_settings_file_is_named_kept_and_said_what_to_do(home, capsys, content, why):
    home.mkdir(mode=0o700)
    (home / "settings.json").write_bytes(content)
    code, err = said(capsys, home, "sources", "list")
    assert code == 1
    assert f"the settings file {home / 'settings.json'} cannot be used: {why}" in err
    assert err.endswith(WHAT_TO_DO), err
    assert (home / "settings.json").read_bytes() == content   # left for the owner to look at


@pytest.mark.parametrize("setting, value, kind", [
    ("poll_interval_s", '"300"', "a whole number of seconds"),
    ("poll_interval_s", "300.5", "a whole number of seconds"),
    ("poll_interval_s", "true", "a whole number of seconds"),
    ("upload_rate_limit_bps", '"1000000"', "null (no limit) or a whole number of bytes per "
                                           "second, 1 or more"),
    ("upload_rate_limit_bps", "0", "null (no limit) or a whole number of bytes per second, "
                                   "1 or more"),
    ("keep_running_in_tray", '"no"', "true or false"),
    ("holds_on_new_request", "1", "true or false"),
])
def test_a_setting_of_the_wrong_kind_is_refused_by_name(home, capsys, setting, value, kind):
    home.mkdir(mode=0o700)
    text = f'{{"poll_interval_s": 600, "{setting}": {value}}}'
    (home / "settings.json").write_text(text)
    code, err = said(capsys, home, "inbox", "sync")
    assert code == 1
    assert (f"the settings file {home / 'settings.json'} cannot be used: its {setting} is "
            f"{value}, where {kind} belongs") in err
    assert err.endswith(WHAT_TO_DO), err
    assert (home / "settings.json").read_text() == text


def test_settings_as_the_app_writes_them_are_read(home, capsys):
    home.mkdir(mode=0o700)
    (home / "settings.json").write_text('{"holds_on_new_request": true, "keep_running_in_tray": '
                                        'false, "poll_interval_s": 600, "upload_rate_limit_bps": '
                                        'null, "kept_by_a_newer_version": "x"}')
    from agent.config import load_settings
    settings = load_settings(home)
    assert (settings.poll_interval_s, settings.upload_rate_limit_bps) == (600, None)
    assert settings.holds_on_new_request and not settings.keep_running_in_tray


def test_settings_saved_by_notepad_with_a_byte_order_mark_are_read(home, capsys):
    """Masks hunt: Windows Notepad's 'UTF-8 with BOM' puts three bytes before the text; the
    settings an owner edited so stopped every command: 'its text is broken at line 1, column
    1', where nothing can be seen to be wrong. The mark is no part of the text."""
    home.mkdir(mode=0o700)
    (home / "settings.json").write_bytes(b'\xef\xbb\xbf{"poll_interval_s": 900}')
    from agent.config import load_settings, save_settings
    settings = load_settings(home)
    assert settings.poll_interval_s == 900
    save_settings(home, settings)   # what else the file held is kept
    assert load_settings(home).poll_interval_s == 900
