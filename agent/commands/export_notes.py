"""The notes an export by hand prints under its package: where the clip differs from the window
asked for (a copy's late first keyframe, stretches nothing was recorded in, an early end,
recordings read only in part) and what the owner accepted (a damaged recording's frames)."""
from __future__ import annotations

from agent.commands.local_time import window
from agent.export.clip_writer import headless_words
from agent.export.clock_step import stepped_words
from agent.export.plan import not_saved_yet
from frp.late_start import early_end_us, keyframe_wait_us, unrecorded_until
from frp.count_words import counted


def export_notes(done, tz: str | None) -> list[str]:
    """Each note on what an export (`done`: its result) made, in the order they are said."""
    cut, plan = done.cut, done.plan
    gaps = [(g.start_us, g.end_us) for g in plan.coverage.gaps]
    notes = []
    wait = keyframe_wait_us(plan.start_us, cut.delivered_start_us, gaps) / 1e6
    # A recording that starts without a keyframe starts as late in either mode: said below.
    headless = any(h.first_key_us == cut.delivered_start_us for h in cut.headless)
    if wait > 0 and cut.mode == "copy" and not headless:   # nothing recorded then: below
        after = ("the start you asked for" if unrecorded_until(plan.start_us, gaps)
                 == plan.start_us else "the camera's recording starts")
        notes.append(f"a copy starts at the first full picture (keyframe) inside the window, "
                     f"{wait:.2f} s after {after} (use --mode exact for the exact second)")
    unsaved = not_saved_yet(plan)
    notes += [f"not saved yet from {window(start, end, tz)}: the camera's recording is still "
              "being written and its file held nothing later when the clip was cut; export "
              "again later for those seconds" if (start, end) == unsaved else
              f"nothing was recorded from {window(start, end, tz)}" for start, end in gaps]
    early = early_end_us(plan.end_us, cut.delivered_end_us, cut.shortfall_end_us, gaps)
    if early:
        notes.append(f"the clip ends {early / 1e6:.2f} s before the window does: the recording "
                     "holds no later frame in it (it stopped or paused there)")
    notes += [headless_words(head) for head in cut.headless]
    notes += [stepped_words(step) for step in cut.clock_steps]
    if cut.dropped_frames or cut.dropped_audio_packets:
        silenced = counted(cut.dropped_audio_packets, "piece of sound was",
                           "pieces of sound were")
        notes.append(f"{counted(cut.dropped_frames, 'frame')} of the recordings could not be "
                     f"decoded and {silenced} silenced (damaged recording); you accepted this, "
                     "and the package's provenance.json says so")
    return notes
