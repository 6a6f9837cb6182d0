"""The owner can use a passphrase-protected key from the command line: FOOTAGE_AGENT_PASSPHRASE
makes a new key passphrase-protected (scrypt, see test_keys.py) and unlocks it later. A missing
or wrong passphrase is a plain error that names the variable; neither the passphrase nor the
key ever shows up in output or in the home folder. (Modes and the key's own format are in
test_keys.py; leaks across the whole flow in test_safety_flow.py.)"""
from __future__ import annotations

import json

import pytest

from agent.cli import main

# How a passphrase is stretched is not what these tests are about (tests/test_keys.py).
pytestmark = pytest.mark.usefixtures("cheap_scrypt")

ENV = "FOOTAGE_AGENT_PASSPHRASE"
PASSPHRASE = "correct horse battery staple"


def first_line(path) -> bytes:
    # Only the label: a failing assert must not print key material.
    return path.read_bytes().split(b"\n", 1)[0]


def run(home, capsys, *argv) -> tuple[int, str, str]:
    code = main(["--home", str(home), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_passphrase_from_the_environment_protects_and_unlocks_the_key(home, capsys,
                                                                         monkeypatch):
    monkeypatch.setenv(ENV, PASSPHRASE)
    code, out, err = run(home, capsys, "keys", "show", "--json")
    assert code == 0, err
    made = json.loads(out)["owner_id"]
    key_file = home / "keys" / "owner.key"
    assert first_line(key_file) == b"-----BEGIN ENCRYPTED PRIVATE KEY-----"
    code, out, err = run(home, capsys, "keys", "show", "--json")
    assert code == 0 and json.loads(out)["owner_id"] == made  # unlocked, not made again

    monkeypatch.delenv(ENV)
    code, out, err = run(home, capsys, "keys", "show")
    assert code == 1 and out == ""
    assert "passphrase" in err and ENV in err and "Traceback" not in err

    monkeypatch.setenv(ENV, "wrong horse")
    before = key_file.read_bytes()
    code, out, err = run(home, capsys, "keys", "show")
    assert code == 1 and "wrong" in err and "wrong horse" not in err + out
    assert key_file.read_bytes() == before  # a failed unlock never rewrites the key

    for path in home.rglob("*"):
        if path.is_file():
            assert PASSPHRASE.encode() not in path.read_bytes(), path


def test_a_damaged_key_file_is_named_without_echoing_its_content(home, capsys):
    assert run(home, capsys, "keys", "show")[0] == 0
    key_file = home / "keys" / "owner.key"
    lines = key_file.read_text().splitlines()
    body = "".join(lines[1:-1])
    key_file.write_text("\n".join([lines[0], body[:-8], lines[-1]]) + "\n")
    code, out, err = run(home, capsys, "keys", "show")
    assert code == 1 and "damaged" in err and "Traceback" not in err
    assert body[:20] not in err + out and body[-20:-8] not in err + out


@pytest.mark.parametrize("value", ["", None])
def test_an_empty_passphrase_variable_means_no_passphrase(home, capsys, monkeypatch, value):
    if value is None:
        monkeypatch.delenv(ENV, raising=False)
    else:
        monkeypatch.setenv(ENV, value)
    assert run(home, capsys, "keys", "show")[0] == 0
    assert first_line(home / "keys" / "owner.key") == b"-----BEGIN PRIVATE KEY-----"


def test_keys_rotate_on_a_home_without_a_key_makes_none_to_retire(home, capsys):
    code, out, err = run(home, capsys, "keys", "rotate")
    assert code == 3 and out == "" and "no owner key to change yet" in err
    assert not (home / "keys").exists()
    assert run(home, capsys, "keys", "show")[0] == 0      # made when asked for
    code, _, err = run(home, capsys, "keys", "rotate")
    assert code == 0 and "0 registrations moved" in err and len(list((home / "keys" / "retired").iterdir())) == 1
