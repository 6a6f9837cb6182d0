"""An index shared with an older agent (the same layout version: `files.stale_note` was added
to the index as it stands, and an older agent names the columns it reads and writes). The older
agent's refresh that succeeds clears only its own note in `reason` and never `stale_note`:
before, the note this version wrote while the recorder was away ("could not be asked since")
still headed every mirrored row when this version opened the index again, for a recorder
mirrored since."""
from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from agent.index.remote_rows import STALE
from agent.service import Agent
from agent.timebase import US
from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSPHRASE, PASSWORD, recent_footage
from tests.test_recorder_faults import address

pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["recent_footage"]

# What an agent before files.stale_note ran on a refresh that succeeded
# (recorder_book.record_success, store.mark_remote(None) of that version).
OLDER_SUCCESS = (
    ("UPDATE recorders SET state='ok', problem=NULL, failures=0, refreshed_us=?, "
     "full_us=CASE WHEN ? THEN ? ELSE full_us END, next_us=? WHERE source_id=?"),
    ("UPDATE files SET reason=NULL WHERE source_id=? AND status='remote' AND "
     "instr(reason, ?) > 0"),
)


def test_a_recorder_an_older_agent_mirrored_since_shows_no_stale_note(tmp_path, monkeypatch,
                                                                       recent_footage):
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    home = tmp_path / "home"
    agent = Agent(home)
    try:
        with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
            agent.add_recorder(address(sim, agent, "hikvision"), PASSWORD, name="nvr")
        (rec,) = agent.recorders()
        agent.scan()   # the simulator is gone: this version notes its rows stale
        assert all(r.reason and STALE in r.reason for r in agent.recordings())
    finally:
        agent.close()
    later = rec.refreshed_us + 60 * US
    with closing(sqlite3.connect(home / "index.db")) as db, db:
        update_recorder, clear_note = OLDER_SUCCESS
        db.execute(update_recorder, (later, 0, later, later + 900 * US, rec.source_id))
        db.execute(clear_note, (rec.source_id, STALE))
    agent = Agent(home)
    try:
        (rec,) = agent.recorders()
        assert rec.state == "ok"
        rows = agent.recordings()
        assert rows and not any(r.reason and STALE in r.reason for r in rows), rows[0].reason
    finally:
        agent.close()
