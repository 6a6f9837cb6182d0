"""What every screen is given: the agent, the bridge to it, its previews and the owner's zone."""
from __future__ import annotations

from dataclasses import dataclass

from gui.shell import autostart
from gui.shell.bridge import Bridge


@dataclass(frozen=True)
class Context:
    agent: object        # agent.service.Agent: the only core object the GUI holds
    bridge: Bridge
    previewer: object    # the agent's previews (agent.previews): frames decoded in jobs
    zone: str            # the owner's time zone, for showing times
    login: object = None  # starting at login (gui.shell.autostart: enabled, enable, disable)


def make_context(agent, zone: str | None = None) -> Context:
    """Wire a context around an agent (one per window)."""
    return Context(agent, Bridge(agent), agent.previews, zone or agent.local_zone(), autostart)
