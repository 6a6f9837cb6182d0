"""A recorder's own names for its channels are the device's text, and a fake (or broken)
recorder on the LAN chooses them: recorders hunt. `sources add-recorder` printed each as it
came ("channel 1 (NAME) is camera ..."), so a channel named with a terminal's control
sequence ran it in the owner's terminal (here: retitling the window), a line break in it made
a line of its own, and 5,000 characters of it were kept in the index (`sources list --json`'s
`channels`) and offered in the app's recorder step. The camera's own name was already made one
a camera name may be (recorder_book._word); the channel's name now follows the rule for what a
device says of itself (model.device_text: one line of at most 120 printable characters), in
`Channel` whatever the make."""
from __future__ import annotations

import pytest

from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSWORD, cli, recent_footage

pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["recent_footage"]
TAIL = "\u202e" + "y" * 5000
# What each make's answer can carry: a Reolink's JSON any character; a Hikvision's XML no
# control character but the line break (XML 1.0 has none: its parser refuses the answer); a
# Dahua's `key=value` lines printable characters only (dahua_search.parse_lines passes over a
# value holding any other), so its name is long alone.
HOSTILE = {"reolink": "Drive\x1b]0;owned\x07way\n  channel 9 (Back) is camera x" + TAIL,
           "dahua": "Driveway  channel 9 (Back) is camera x" + "y" * 5000,
           "hikvision": "Driveway\n  channel 9 (Back) is camera x" + TAIL}


@pytest.mark.parametrize("vendor", ["reolink", "dahua", "hikvision"])
def test_a_channels_name_cannot_write_into_the_owners_terminal(
        vendor, tmp_path, recent_footage, capsys, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", "owner passphrase for the recorders")
    with Simulator(recent_footage, vendor, "admin", PASSWORD) as sim:
        sim.device.catalogue.channels[1] = HOSTILE[vendor]
        zone = ["--zone", "UTC"] if vendor == "dahua" else []
        code, _out, out = cli(capsys, monkeypatch, home, "sources", "add-recorder", sim.url,
                             "--vendor", vendor, "--user", "admin", "--password-stdin",
                             "--plain-http", *zone, stdin=PASSWORD + "\n")
        assert code == 0, out
        _code, listed, _err = cli(capsys, monkeypatch, home, "sources", "list", "--json")
        _code, cameras, _err = cli(capsys, monkeypatch, home, "cameras", "--json")
    for bad in ("\x1b", "\x07", "\u202e"):
        assert bad not in out, repr(out)
    lines = [line for line in out.splitlines() if line.strip().startswith("channel ")]
    assert len(lines) == 2, out   # the two channels, a line each: none made by a name
    (first, _second) = listed[0]["recorder"]["channels"]
    name = first["name"]
    assert name.startswith("Drive") and name.isprintable() and len(name) <= 120, repr(name)
    assert "\n" not in name
    cameras = [c for c in cameras if c["channels"]]
    assert len(cameras) == 2
    for camera in cameras:
        assert camera["camera"].isprintable() and len(camera["camera"]) <= 120, camera
