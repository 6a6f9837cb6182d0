"""What every screen is given: the agent, the bridge to it, and the agent-side helpers."""
from __future__ import annotations

from dataclasses import dataclass

from agent.media.preview import Previewer
from agent.timebase import system_zone_name
from gui.shell.bridge import Bridge
from gui.shell.desk_adapter import Desk


@dataclass(frozen=True)
class Context:
    agent: object        # agent.service.Agent: the only core object the GUI holds
    bridge: Bridge
    desk: Desk
    previewer: Previewer
    zone: str            # the owner's time zone, for showing times


def make_context(agent, zone: str | None = None) -> Context:
    """Wire a context around an agent (one per window)."""
    return Context(agent, Bridge(agent), Desk(agent), agent.previews, zone or system_zone_name())
