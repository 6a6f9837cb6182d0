"""A recorder added before that now shows another certificate (reset, replaced, or another device
answering at its address: a man in the middle on the home network) is sent nothing, not even
the password, until the owner has compared the new certificate and said so. Real HTTPS servers
on 127.0.0.1: the recorder, then a device with a certificate of its own on the same port."""
from __future__ import annotations

import pytest

from agent.recorder_pins import CertificateNotTrustedBefore
from agent.recorders.connect import RecorderAddress
from agent.service import Agent
from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSPHRASE, PASSWORD, recent_footage

__all__ = ["recent_footage"]
pytestmark = pytest.mark.usefixtures("cheap_scrypt")


@pytest.fixture
def added(tmp_path, recent_footage, monkeypatch):
    """An agent with a Reolink recorder added over HTTPS, and the port it answered on (the
    recorder itself is stopped: a test puts another device there)."""
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    agent = Agent(tmp_path / "home")
    try:
        with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True) as sim:
            agent.add_recorder(RecorderAddress(sim.url, "reolink", "admin",
                                               agent.look_at_recorder(sim.url)), PASSWORD)
        yield agent, sim.port, sim.fingerprint
    finally:
        agent.close()


def test_testing_a_recorder_whose_certificate_changed_sends_no_password_before_the_owner_compares(
        added, recent_footage):
    """Recorders hunt (security): the app's Test sent the password to the device at the
    recorder's address first, and only then said its certificate was not the one trusted
    before; a device in the middle had the password by then."""
    agent, port, trusted = added
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True, port=port) as other:
        seen = agent.look_at_recorder(other.url)
        assert seen == other.fingerprint != trusted
        assert agent.certificate_trusted_before(other.url, False, seen) == trusted
        address = RecorderAddress(other.url, "reolink", "admin", seen)
        with pytest.raises(CertificateNotTrustedBefore) as refused:
            agent.check_recorder(address, PASSWORD)
        with pytest.raises(CertificateNotTrustedBefore):
            agent.add_recorder(address, PASSWORD)
        assert other.device.log == []   # not one request: the password never left
        said = str(refused.value)
        for fingerprint in (trusted, seen):
            assert agent.fingerprint_words(fingerprint) in said, said
        assert PASSWORD not in said
        assert agent.recorders()[0].fingerprint == trusted   # nothing else trusted
        # The owner compared it with the recorder's screen (a reset recorder): asked, and said.
        check = agent.check_recorder(address, PASSWORD, new_certificate_ok=True)
        assert other.device.log and check.trusted_before_text == agent.fingerprint_words(trusted)
