"""A recorder reached over plain http that sends every request on to its https address (what
many do once https is turned on: 301, 302, 307 or 308 to https://the same host): only a `300`
was read as that, so the owner got "The recorder at HOST:PORT answered with a redirect (302);
redirects are not followed.", a fact with nothing to do about it. It now says to add it with
its https address, the port included where the device named another. A redirect anywhere else
(another host: a hostile device on the LAN, or one sending the owner to a cloud login) is
never followed, and said without naming where it pointed. Real servers on 127.0.0.1, the real
command line."""
from __future__ import annotations

import pytest

from tests.recorder_sources_support import PASSWORD, cli
from tests.test_safety_network import reply, serving

pytestmark = pytest.mark.usefixtures("cheap_scrypt")


def sends_to(location: str, status: int):
    def behave(h, _server):
        reply(h, status, b"", {"Location": location})
    return behave


def add(capsys, monkeypatch, home, url: str, vendor: str) -> tuple[int, str]:
    code, _, err = cli(capsys, monkeypatch, home, "sources", "add-recorder", url, "--vendor",
                       vendor, "--user", "admin", "--password-stdin", stdin=PASSWORD + "\n")
    return code, err


@pytest.mark.parametrize("vendor, status", [("hikvision", 302), ("dahua", 301),
                                            ("reolink", 307), ("hikvision", 308)])
def test_a_recorder_sending_plain_http_on_to_https_says_to_add_it_so(
        vendor, status, tmp_path, capsys, monkeypatch):
    with serving(lambda h, s: None) as other:   # only its port: where https would answer
        port = other.origin.rsplit(":", 1)[1]
    with serving(sends_to(f"https://127.0.0.1:{port}/doc/page/login.asp", status)) as server:
        code, err = add(capsys, monkeypatch, tmp_path / "home", server.origin, vendor)
    assert code != 0, err
    where = server.origin.split("//")[1]
    assert (f"The recorder at {where} wants https: add it with the address "
            f"https://127.0.0.1:{port}.") in err, err
    assert "redirect" not in err, err
    code, listed, _ = cli(capsys, monkeypatch, tmp_path / "home", "sources", "list", "--json")
    assert code == 0 and listed == []   # nothing kept


def test_a_recorder_sending_to_https_on_its_own_port_is_told_without_one(
        tmp_path, capsys, monkeypatch):
    with serving(sends_to("https://127.0.0.1/", 302)) as server:
        code, err = add(capsys, monkeypatch, tmp_path / "home", server.origin, "dahua")
    assert code != 0
    assert "wants https: add it with the address https://127.0.0.1." in err, err


@pytest.mark.parametrize("location", ["http://10.9.9.9/cgi-bin/api.cgi",
                                      "https://cloud.example/login?next=%0d%0aX",
                                      "https://127.0.0.1.evil.example/"])
def test_a_redirect_elsewhere_is_never_followed_nor_its_address_repeated(
        location, tmp_path, capsys, monkeypatch):
    asked = []

    def behave(h, _server):
        asked.append(h.path)
        reply(h, 302, b"", {"Location": location})
    with serving(behave) as server:
        code, err = add(capsys, monkeypatch, tmp_path / "home", server.origin, "hikvision")
    assert code != 0 and len(asked) == 1
    where = server.origin.split("//")[1]
    assert (f"The recorder at {where} sent this computer on to another address, which is "
            "never followed: check that the address given is the recorder's own.") in err, err
    assert "10.9.9.9" not in err and "cloud.example" not in err and "evil" not in err, err
