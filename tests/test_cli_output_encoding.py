"""Output the console cannot encode. On Windows, output sent to a file or a pipe
(`footage-agent cameras > cameras.txt`) is encoded in the ANSI code page, which has no
Cyrillic, no CJK and no emoji: a camera named so must not end the command half-written. Here a
real `footage-agent` process is given that page with PYTHONIOENCODING, as Windows would."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from agent.cli import main

NAMES = ("Двор", "玄関", "Porch 🏠", "Café")


def run(home: Path, *argv: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="cp1252", FOOTAGE_AGENT_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "agent.cli", *argv], env=env,
                          capture_output=True, timeout=120)


def test_names_the_output_page_lacks_are_written_escaped_and_json_stays_exact(tmp_path):
    home = tmp_path / "home"
    for n, name in enumerate(NAMES):
        folder = tmp_path / f"cam{n}"
        folder.mkdir()
        added = run(home, "sources", "add", str(folder), "--camera", name, "--tz", "UTC")
        assert added.returncode == 0, added.stderr.decode("cp1252")
    listed = run(home, "cameras")
    assert listed.returncode == 0, listed.stderr.decode("cp1252")
    text = listed.stdout.decode("cp1252")
    assert "\\u0414\\u0432\\u043e\\u0440" in text and "Café" in text   # Café fits the page
    assert "Porch \\U0001f3e0" in text
    as_json = run(home, "cameras", "--json")
    assert as_json.returncode == 0, as_json.stderr.decode("cp1252")
    assert {c["camera"] for c in json.loads(as_json.stdout.decode("cp1252"))} == set(NAMES)


def test_in_the_c_locale_without_utf8_mode_a_name_is_written_escaped(tmp_path, monkeypatch):
    # LC_ALL=C with PYTHONUTF8=0: stdout is ASCII with surrogateescape, not strict, so a
    # camera named in Cyrillic ended `sources list` with "'ascii' codec can't encode" (exit 1).
    home, folder = tmp_path / "home", tmp_path / "dacha"
    folder.mkdir()
    assert main(["--home", str(home), "sources", "add", str(folder), "--camera", "Дача",
                 "--tz", "UTC"]) == 0
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii",
                                                        errors="surrogateescape"))
    assert main(["--home", str(home), "sources", "list"]) == 0
    sys.stdout.flush()
    assert "camera=\\u0414\\u0430\\u0447\\u0430" in raw.getvalue().decode("ascii")


def _c_locale() -> dict:
    """The environment of a command started under the C locale without UTF-8 mode: file names
    are ASCII to Python, every byte beyond it a lone surrogate."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIO"))}
    return dict(env, LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")


@pytest.mark.skipif(os.name != "posix", reason="Windows reads names as UTF-16, never as bytes")
def test_a_home_whose_name_is_not_ascii_in_the_c_locale_gets_plain_words(tmp_path):
    # `log verify` of a home not sealed yet looks into its index by SQLite's URI, which quoted
    # the home's path as UTF-8 text: "'utf-8' codec can't encode characters ..." (exit 1).
    # A recordings folder named vídeo, valid UTF-8 on the disk, was refused as "not valid
    # text (UTF-8) ... rename the folder": the setting, not the name, is why.
    home, folder = tmp_path / "cámara", tmp_path / "vídeo"
    folder.mkdir()
    env = dict(_c_locale(), FOOTAGE_AGENT_HOME=str(home))
    said = {}
    for argv in (["cameras"], ["log", "verify"], ["sources", "add", str(folder), "--camera",
                                                  "porch", "--tz", "UTC"]):
        done = subprocess.run([sys.executable, "-m", "agent.cli", *argv], env=env,
                              capture_output=True, timeout=120)
        said[argv[0]] = (done.returncode, (done.stdout + done.stderr).decode("ascii"))
        assert "codec" not in said[argv[0]][1]
    assert said["cameras"][0] == 0 and said["log"] == (0, said["log"][1])
    assert said["log"][1].startswith("OK: ")
    code, words = said["sources"]
    assert code == 1 and "not valid text" not in words
    assert f"cannot keep the name {tmp_path}/v\\xeddeo: start it with a UTF-8 setting" in words


@pytest.mark.skipif(os.name != "posix", reason="Windows reads the environment as UTF-16")
def test_an_accented_passphrase_in_the_c_locale_locks_the_key_as_the_app_types_it(tmp_path):
    # FOOTAGE_AGENT_PASSPHRASE=contraseña reached Python as lone surrogates, and encoding
    # them as UTF-8 ended the command: "'utf-8' codec can't encode characters in position 8-9".
    from agent.identity.keys import OwnerKey, OwnerKeyError

    home, folder = tmp_path / "home", tmp_path / "porch"
    folder.mkdir()
    env = dict(_c_locale(), FOOTAGE_AGENT_HOME=str(home), FOOTAGE_AGENT_PASSPHRASE="contraseña")
    done = subprocess.run([sys.executable, "-m", "agent.cli", "sources", "add", str(folder),
                           "--camera", "porch", "--tz", "UTC"], env=env, capture_output=True,
                          timeout=120)
    assert done.returncode == 0 and b"codec" not in done.stderr, done.stderr
    OwnerKey.load(home, "contraseña".encode("utf-8"))   # as the app's passphrase box gives it
    with pytest.raises(OwnerKeyError):
        OwnerKey.load(home, b"contrasena")


def test_an_accented_camera_name_typed_in_the_c_locale_is_kept_as_typed(tmp_path, capsys):
    # Under LC_ALL=C PYTHONUTF8=0 Python reads `--camera Cámara` as 'C\udcc3\udca1mara' (each
    # byte of the á a lone surrogate, as here): the command ended with "'utf-8' codec can't
    # encode characters in position 1-2" (exit 1). Words typed as UTF-8 are read as UTF-8.
    home, folder = tmp_path / "home", tmp_path / "porch"
    folder.mkdir()
    assert main(["--home", str(home), "sources", "add", str(folder), "--camera",
                 "C\udcc3\udca1mara", "--tz", "UTC"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["--home", str(home), "cameras", "--json"]) == 0
    assert [c["camera"] for c in json.loads(capsys.readouterr().out)] == ["Cámara"]
    # bytes that are not UTF-8 either (a Latin-1 terminal) are still refused in words
    assert main(["--home", str(home), "cameras", "rename", "Cámara", "C\udce1mara"]) == 2
    assert "codec" not in capsys.readouterr().err
