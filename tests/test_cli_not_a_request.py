"""`import-request` given a file that is neither a request nor an agency file (CLI hunt 8): it
said 'request rejected: the request is not a well-formed signed token: a compact JWS has three
parts separated by '.', this one has 1', the token check's words, and nothing of what to do.
It now says the file is not a footage request, what it holds, and what to give instead, as the
app does; a request saved by Windows PowerShell (UTF-16) and refused for its signature is still
refused for that, not called no request."""
from __future__ import annotations

import time

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.cli import main
from agent.timebase import US
from demo.gui_data import request_claims, sign


def _run(capsys, home, *argv):
    capsys.readouterr()
    code = main(["--home", str(home), *argv])
    return (code, *capsys.readouterr())


def test_a_file_that_is_no_request_says_what_it_is_and_what_to_give(tmp_path, capsys):
    home = tmp_path / "home"
    cases = {"x.json": (b'{"a":1}\n', "it holds no signed request"),
             "empty.jws": (b"", "it is empty"),
             "scan.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\n\x00\x01endobj\n",
                          "it is not text")}
    for name, (raw, what) in cases.items():
        path = tmp_path / name
        path.write_bytes(raw)
        code, out, err = _run(capsys, home, "import-request", str(path))
        assert code == 3 and out == ""
        assert f"{path} is not a footage request ({what}" in err, err
        assert "the request file the agency sent you" in err and "phone number" in err
        assert "JWS" not in err and "token" not in err
    assert _run(capsys, home, "inbox", "--json")[1] == "[]\n"


def test_a_request_saved_as_utf16_keeps_its_own_refusal(tmp_path, capsys):
    now = int(time.time())
    claims = request_claims("req-forged", now * US - 60 * US, now * US - 30 * US, now,
                            iss="https://police.example.net")
    path = tmp_path / "request.jws"
    path.write_bytes(sign(Ed25519PrivateKey.generate(), claims).encode("utf-16"))
    code, out, err = _run(capsys, tmp_path / "home", "import-request", str(path))
    assert code == 3 and "not in your trust store" in err and "not a footage request" not in err
