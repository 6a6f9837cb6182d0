"""A recorder's certificate as testing the connection found it, in the owner's words: the one
to compare with its screen (or plain http, with none), and the one trusted before for it when
it now shows another (before anything was sent, or once the owner compared it); and a
recorder's make as its maker writes it, and how each recorder's mirroring stands. Shown by the recorder step (gui/widgets/recorder_step.py)
and Settings; its strings keep the RecorderDialog context, so the catalogue is unchanged.
"""
from __future__ import annotations

from agent.views import RecorderCheck
from gui.views.core_words import in_owner_language
from gui.views.words import translate


def brand(vendor: str) -> str:
    """A recorder's make as its maker writes it ("Hikvision"), from the agent's key for it."""
    return vendor.capitalize()


def recorder_states(agent) -> dict[int, str]:
    """source id -> what the recorder is and how its mirroring stands, as Settings lists it
    (runs inside a job)."""
    return {r.source_id: f"{brand(r.vendor)} {r.model}: "
                         f"{in_owner_language(agent.recorder_state_words(r))}"
            for r in agent.recorders()}


def certificate_changed(before: str, now: str) -> str:
    """A recorder added before shows another certificate (`now`) than the one trusted then
    (`before`), both as people compare them: nothing was sent, and how to tell why."""
    return translate(
        "RecorderDialog",
        "This recorder shows another certificate than the one trusted before for it, so "
        "nothing was sent to it, not even the password.\nTrusted before: {before}\nIt "
        "shows now: {now}\nIf the recorder was reset or replaced, compare the new one with "
        "the one its screen or web page shows, then tick the box and test again. If not, "
        "another device may be answering at its address: do not add it.").format(
        before=before, now=now)


def certificate_lines(check: RecorderCheck) -> list[str]:
    """A successful test's certificate, a line each: the one to compare with the recorder's
    screen, and the one trusted before when it is another; or that plain http has none."""
    if not check.fingerprint_text:
        return [translate("RecorderDialog", "Plain http: there is no certificate to check.")]
    lines = [translate("RecorderDialog", "Its certificate: {fingerprint}\nCompare it "
                       "with the one the recorder's screen or web page shows. The app "
                       "will trust this one only, and refuse another.").format(
        fingerprint=check.fingerprint_text)]
    if check.trusted_before_text:   # a reset recorder, or another device in its place
        lines.append(translate(
            "RecorderDialog",
            "This is not the certificate trusted before for this recorder "
            "({fingerprint}). If the recorder was reset or replaced, compare the new one "
            "with its screen before adding it; if not, another device may be answering "
            "at its address: do not add it.").format(
            fingerprint=check.trusted_before_text))
    return lines


def still_listed(agent, cameras) -> frozenset[str]:
    """The cameras (agent.camera_list's) whose recorder still lists one of their channels as
    at its last refresh: Remove camera would be refused for them, so Settings says why instead
    of asking (runs inside a job, from what the agent already holds: nothing is asked of a
    recorder)."""
    listed = {r.url.rstrip("/"): {str(cid) for cid, _name in r.channels}
              for r in agent.recorders()}
    return frozenset(c.name for c in cameras
                     if any(ch in listed.get(c.source_root, ()) for ch in c.channels if ch))
