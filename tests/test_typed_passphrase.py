"""The owner key's passphrase typed in the app (agent/identity/typed_passphrase.py): it unlocks
that home's key for the rest of the run, before FOOTAGE_AGENT_PASSPHRASE, so the key signs and
the activity log is sealed again; a wrong one is refused and kept nowhere; another home's key
stays locked."""
from __future__ import annotations

import pytest

from agent.audit import seal as seals
from agent.audit.log import AuditLog
from agent.errors import AgentError
from agent.service import Agent

# How a passphrase is stretched is not what these tests are about (tests/test_keys.py).
pytestmark = pytest.mark.usefixtures("cheap_scrypt")

PASSPHRASE = "correct horse battery"


def protected_home(path, monkeypatch):
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    agent = Agent(path)
    agent.owner_key()   # made protected
    agent.close()
    monkeypatch.delenv("FOOTAGE_AGENT_PASSPHRASE")
    return path


def test_a_typed_passphrase_unlocks_that_home_only_and_the_seal_catches_up(tmp_path,
                                                                           monkeypatch):
    home = protected_home(tmp_path / "home", monkeypatch)
    other = protected_home(tmp_path / "other", monkeypatch)
    agent, neighbour = Agent(home), Agent(other)
    try:
        assert agent.key_locked() and neighbour.key_locked()
        AuditLog(home).append("hold", id="req-1")   # written and chained, not sealed while locked
        sealed = seals.read_seal(home).count
        with pytest.raises(AgentError, match="wrong"):
            agent.unlock_key("wrong horse")
        assert agent.key_locked()
        agent.unlock_key(PASSPHRASE)
        assert not agent.key_locked() and neighbour.key_locked()
        with pytest.raises(AgentError, match="protected by a passphrase"):
            neighbour.owner_key()
        AuditLog(home).append("hold", id="req-2")
        assert seals.read_seal(home).count == sealed + 2
        assert agent.verify_activity().ok
    finally:
        agent.close()
        neighbour.close()


def test_a_home_without_a_key_or_with_an_open_key_is_not_locked(tmp_path):
    agent = Agent(tmp_path / "home")
    try:
        assert not agent.key_locked()   # made, unprotected, on first use
        agent.owner_key()
        assert not agent.key_locked()
    finally:
        agent.close()
