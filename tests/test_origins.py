"""One rule for "this computer": every place that allows plain http (the agency file, request
upload addresses, the portal client, uploads) agrees on which hosts are loopback."""
from __future__ import annotations

import pytest

from agent.delivery.wire import UploadError, check_endpoint
from frp.origins import is_loopback, web_origin

HOSTS = {"localhost": True, "LOCALHOST": True, "127.0.0.1": True, "127.8.9.10": True,
         "[::1]": True, "10.0.0.1": False, "192.168.1.20": False, "0.0.0.0": False,
         "localhost.example.gov": False, "police.example.gov": False, "[::2]": False}


@pytest.mark.parametrize("host,loopback", sorted(HOSTS.items()))
def test_plain_http_is_allowed_to_exactly_the_loopback_hosts_everywhere(host, loopback):
    url = f"http://{host}:8080/files"
    assert is_loopback(host) is loopback
    try:
        web_origin(url, "the address")
        agency_rule = True
    except ValueError as exc:
        assert "plain http" in str(exc)
        agency_rule = False
    try:
        check_endpoint(url)
        upload_rule = True
    except UploadError as exc:
        assert "not encrypted" in str(exc)
        upload_rule = False
    assert agency_rule is upload_rule is loopback


def test_https_goes_anywhere_and_origins_are_normalised():
    assert web_origin("https://Police.Example.gov:443/v1", "x") == ("https://police.example.gov", "/v1")
    assert web_origin("http://[::1]:8080/files", "x") == ("http://[::1]:8080", "/files")
