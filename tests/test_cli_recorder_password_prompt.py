"""The recorder's password typed at `sources add-recorder`'s prompt (CLI hunt 8). Under the C
locale without Python's UTF-8 mode (LC_ALL=C PYTHONUTF8=0: a minimal container, a service
account, an ssh session without a locale) getpass read the terminal as ASCII: a password with
an accent ended the command with "'ascii' codec can't decode byte 0xc3" (exit 1), and a
user name with one with "'ascii' codec can't encode". The prompt now reads what is typed as
UTF-8, as every option holding the owner's words does (option_values.owner_text). A real
terminal (a pty), a real command in its own process and the recorder simulator on 127.0.0.1."""
from __future__ import annotations

import os
import sys

import pytest

PASSWORD = "contraseña"

pytestmark = pytest.mark.skipif(os.name == "nt", reason="a pty is POSIX's")


def _typed_at_the_prompt(argv: list[str], env: dict, typed: bytes) -> tuple[int, bytes]:
    """Run `argv` on a new terminal, type `typed` once it asks for the password; (exit code,
    all it wrote to the terminal)."""
    import pty

    pid, fd = pty.fork()
    if pid == 0:   # the child: the command, on the pty
        try:
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    said = b""
    try:
        while b"Password of" not in said:
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            said += chunk
        os.write(fd, typed)
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:   # EIO: the child closed the terminal
                break
            if not chunk:
                break
            said += chunk
    finally:
        os.close(fd)
        _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), said


# A Hikvision for the accented password (a Reolink's hold only ASCII: reolink_aio#120), a
# Reolink for the accented user name (HTTP Digest carries only ASCII ones).
@pytest.mark.parametrize("vendor, user, password", [("hikvision", "admin", PASSWORD),
                                                    ("reolink", "José", "contrasena-7")])
def test_a_password_typed_with_an_accent_under_the_c_locale_reaches_the_recorder(
        tmp_path, vendor, user, password):
    from nvrsim.server import Simulator
    from tests.recorder_support import channel_folder

    (tmp_path / "nvr" / channel_folder(1, "Driveway")).mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHON"))}
    env.update(LC_ALL="C", PYTHONUTF8="0", PYTHONPATH=os.getcwd(),
               FOOTAGE_AGENT_PASSPHRASE="owner passphrase for the recorders")
    with Simulator(tmp_path / "nvr", vendor, user, password) as sim:
        code, said = _typed_at_the_prompt(
            [sys.executable, "-m", "agent.cli", "--home", str(tmp_path / "home"), "sources",
             "add-recorder", sim.url, "--vendor", vendor, "--user", user, "--plain-http"],
            env, password.encode("utf-8") + b"\n")
        assert code == 0 and sim.device.failures == 0, said.decode("utf-8", "replace")
    assert b"codec" not in said and password.encode("utf-8") not in said   # never echoed


def test_a_typed_line_that_is_not_utf8_is_read_in_the_terminals_codec_or_said():
    from agent.commands.common import UsageError
    from agent.commands.typed_secret import decoded_line

    assert decoded_line(b" contrase\xf1a \r\n", "the password", "latin-1") == " contraseña "
    assert decoded_line(PASSWORD.encode("utf-8") + b"\n", "the password", "ascii") == PASSWORD
    with pytest.raises(UsageError, match="the password typed is not text"):
        decoded_line(b"contrase\xf1a\n", "the password", "ascii")
