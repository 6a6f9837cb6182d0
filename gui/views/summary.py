"""'What will leave this PC': worked out from the coverage the agent reported (summed once per
camera: camera_sums), no Qt, no I/O.

The estimate of size is proportional to the seconds taken from each source file (a copy-mode
cut moves the same packets); it is labelled "about" on screen.
"""
from __future__ import annotations

from dataclasses import dataclass

from agent.views import same_shape
from gui.views import display
from gui.views.camera_sums import CameraSums
from gui.views.shown import shown as safe_text, shown_names
from gui.views.words import QT_TRANSLATE_NOOP, translate

PUBLIC_RECORD = QT_TRANSLATE_NOOP(
    "summary", "Footage you share becomes part of a police case file. Once the case is closed, it "
               "can be released to anyone who asks under public records law.")


@dataclass(frozen=True)
class CameraPart:
    """One camera's share of what would be sent."""

    camera: str
    seconds: float          # seconds of recording inside the selection
    size_bytes: int         # estimated
    gaps: int               # stretches without recording inside the selection
    shortfall_s: float      # copy mode: seconds skipped before the first keyframe
    has_audio: bool
    elsewhere_s: float = 0.0   # seconds only a crop or other lens recorded
    pictures: tuple[tuple[int, int], ...] = ()   # the sizes of its main or sub pictures there
    # Its recording is still being written and the selection runs past what its file held:
    # that stretch is one of `gaps`, said as not saved yet, not as unrecorded.
    unsaved: bool = False


@dataclass(frozen=True)
class Outgoing:
    parts: tuple[CameraPart, ...]
    start_us: int
    end_us: int
    mode: str
    keep_audio: bool
    redactions: tuple[str, ...]
    unreadable_masks: tuple[str, ...] = ()   # cameras the agent will refuse: masks damaged
    masked: tuple[str, ...] = ()   # cameras whose privacy masks are filled
    # (camera, (width, height)): the picture each camera's masks were drawn on, when recorded
    drawn: tuple[tuple[str, tuple[int, int]], ...] = ()
    # (camera, (width, height)): the picture the masks page shows it on (its latest main one)
    shown: tuple[tuple[str, tuple[int, int]], ...] = ()

    @property
    def seconds(self) -> float:
        return sum(p.seconds for p in self.parts)

    @property
    def size_bytes(self) -> int:
        return sum(p.size_bytes for p in self.parts)

    @property
    def audio_sent(self) -> bool:
        return self.keep_audio and any(p.has_audio for p in self.parts)


def camera_part(sums: CameraSums, start_us: int, end_us: int, mode: str,
                keyframe_us: int | None) -> CameraPart:
    """What one camera contributes for [start, end), from the sums of its coverage of the
    whole window (never its files one by one: this runs on every drag of a handle)."""
    seconds_us = sums.covered_us(start_us, end_us)
    first = sums.first_covered(start_us, end_us)
    shortfall = 0
    if mode == "copy" and first is not None:
        shortfall = (keyframe_us - first) if keyframe_us is not None and keyframe_us > first else 0
        shortfall = min(shortfall, seconds_us)
    taken = seconds_us - shortfall
    size = sums.bytes_in(start_us, end_us)
    if seconds_us:
        size *= taken / seconds_us
    return CameraPart(sums.camera, taken / 1e6, int(size), sums.gaps_in(start_us, end_us),
                      shortfall / 1e6, sums.has_audio, sums.elsewhere_us(start_us, end_us) / 1e6,
                      sums.pictures_in(start_us, end_us), sums.unsaved_in(start_us, end_us))


def outgoing(cameras: list[CameraSums], start_us: int, end_us: int, mode: str,
             keep_audio: bool, keyframes: dict[str, int | None], redactions: tuple[str, ...] = (),
             unreadable_masks: tuple[str, ...] = (), masked: tuple[str, ...] = (),
             drawn: tuple[tuple[str, tuple[int, int] | None], ...] = (),
             shown: tuple[tuple[str, tuple[int, int] | None], ...] = ()) -> Outgoing:
    """Everything that would be sent for the chosen cameras (their sums) and selection;
    `masked`: the cameras whose privacy masks would be filled; `drawn`: (camera, the picture
    its masks were drawn on, None when their file does not say); `shown`: (camera, the
    picture the masks page shows it on, None when unknown)."""
    parts = tuple(camera_part(c, start_us, end_us, mode, keyframes.get(c.camera))
                  for c in cameras)
    return Outgoing(parts, start_us, end_us, mode, keep_audio, tuple(redactions),
                    tuple(unreadable_masks), tuple(masked),
                    tuple((c, size) for c, size in drawn if size is not None),
                    tuple((c, size) for c, size in shown if size is not None))


def lines(out: Outgoing, recipient: str, zone: str) -> list[str]:
    """The summary as short plain sentences, one per line."""
    if not out.parts:
        return [translate("summary", "No camera is chosen, so nothing will be sent.")]
    sent = [p for p in out.parts if p.seconds > 0]
    rows = [safe_text(translate("summary", "To: {recipient}"), recipient=recipient),
            _cameras_line([p.camera for p in out.parts]),
            safe_text(translate("summary", "Time: {window}"),
                      window=display.window(out.start_us, out.end_us, zone)),
            safe_text(translate("summary", "Video: {duration} in all, about {size}"),
                      duration=display.duration(out.seconds), size=display.size(out.size_bytes))
            + "  \u00b7  " + (translate("summary", "Sound: included") if out.audio_sent
                              else translate("summary", "Sound: removed"))
            + "  \u00b7  " + safe_text(translate("summary", "Hidden: {what}"), what=(
                ", ".join(out.redactions) if out.redactions else translate("summary", "nothing")))]
    away = [p for p in out.parts if p.camera in out.masked and p.elsewhere_s > 0]
    rows += _gap_lines([p for p in out.parts if p not in away or p.seconds > 0])
    rows += [_elsewhere_line(p) for p in away]
    drawn = dict(out.drawn)
    shown = dict(out.shown)
    rows += [_shape_line(p, drawn[p.camera], shown.get(p.camera)) for p in out.parts
             if p.camera in out.masked and p.camera in drawn
             and any(not same_shape(size, drawn[p.camera]) for size in p.pictures)]
    for camera in out.unreadable_masks:
        rows.append(safe_text(translate("summary", "{camera}: its saved privacy masks are damaged, "
                                                   "and it is not exported without them: draw "
                                                   "them again first (Settings, Draw privacy "
                                                   "masks\u2026)"), camera=camera))
    if out.redactions and sent:
        rows.append(translate("summary", "Hiding re-encodes the whole clip; your own recording is "
                                         "not changed."))
    short = [p for p in sent if p.shortfall_s >= 0.05]
    for p in short:
        rows.append(safe_text(translate("summary", "{camera}: starts {seconds} after your start "
                                                   "(the first full picture); choose 'Exact' to "
                                                   "start on the second"), camera=p.camera,
                              seconds=f"{display.tenths(p.shortfall_s)}{display.NBSP}s"))
    return rows


NAMED = 8   # cameras the summary names; more are counted (the strip above ticks each one)


def camera_names(cameras: list[str]) -> str:
    """Cameras named, past NAMED the first few and a count of the others: an NVR's 64 names
    would fill the summary and push what else it says off the screen."""
    if len(cameras) <= NAMED:
        return shown_names(cameras)
    return safe_text(translate("summary", "{names} and {more} more"),
                     names=shown_names(cameras[:NAMED - 2]), more=len(cameras) - (NAMED - 2))


def _cameras_line(cameras: list[str]) -> str:
    """Which cameras, named; an NVR's many channels counted after the first few, since their
    names would fill the summary and push what else leaves (the time, the video) off the
    screen."""
    if len(cameras) <= NAMED:
        return safe_text(translate("summary", "Cameras: {names}"), names=shown_names(cameras))
    shown = cameras[:NAMED - 2]
    return safe_text(translate("summary", "Cameras ({count}): {names} and {more} more, as "
                                          "ticked above"),
                     count=len(cameras), names=shown_names(shown), more=len(cameras) - len(shown))


def _gap_lines(parts) -> list[str]:
    """The cameras with nothing in the window, then those with stretches without recording:
    one line each when one camera is concerned, one line for all of them when more are (a
    request for an NVR's many channels keeps the summary, and the page, within the screen)."""
    empty = [p.camera for p in parts if p.seconds <= 0]
    gapped = [p for p in parts if p.seconds > 0 and p.gaps - p.unsaved]
    unsaved = [p.camera for p in parts if p.seconds > 0 and p.unsaved]
    rows = []
    if len(empty) == 1:
        rows.append(safe_text(translate("summary", "{camera}: no recording in this time, nothing "
                                                   "from this camera"), camera=empty[0]))
    elif empty:
        rows.append(safe_text(translate("summary", "{cameras}: no recording in this time, "
                                                   "nothing from these cameras"),
                              cameras=camera_names(empty)))
    if len(gapped) > 1:
        rows.append(safe_text(translate("summary", "{cameras}: stretches without recording "
                                                   "(nothing to send there)"),
                              cameras=camera_names([p.camera for p in gapped])))
    elif gapped and gapped[0].gaps - gapped[0].unsaved == 1:
        rows.append(safe_text(translate("summary", "{camera}: a stretch without recording "
                                                   "(nothing to send there)"),
                              camera=gapped[0].camera))
    elif gapped:
        rows.append(safe_text(translate("summary", "{camera}: {n} stretches without recording "
                                                   "(nothing to send there)"),
                              n=gapped[0].gaps - gapped[0].unsaved, camera=gapped[0].camera))
    if unsaved:
        # The camera was likely recording then: its file held nothing later yet.
        rows.append(safe_text(translate("summary", "{cameras}: the end of this time is not saved "
                                                   "yet, the recording is still being written "
                                                   "(nothing to send there yet)"),
                              cameras=camera_names(unsaved)))
    return rows


def _elsewhere_line(part: CameraPart) -> str:
    """A camera with privacy masks of which some of the selection only its crop or other lens
    recorded: the masks cannot be placed there, so that part is not sent; a selection holding
    nothing else is refused (agent mask_pictures.py), said before the owner presses the button."""
    if part.seconds > 0:
        return safe_text(translate("summary", "{camera}: part of this time only its crop or other "
                                    "lens recorded, where its privacy masks cannot be placed: that "
                                    "part is not sent"), camera=part.camera)
    return safe_text(translate("summary", "{camera}: only its crop or other lens recorded this "
                                "time, where its privacy masks cannot be placed, so it is refused: "
                                "choose a time its main picture recorded, or untick Use privacy "
                                "masks only if nothing they hide is in that "
                                "picture"), camera=part.camera)


def _shape_line(part: CameraPart, drawn: tuple[int, int],
                shown: tuple[int, int] | None) -> str:
    """A camera with privacy masks whose selection holds a picture of another shape than the
    one they were drawn on (its picture setting changed since): the masks would fall elsewhere
    on it, so the whole of it is refused (agent mask_pictures.py), said before the button. The
    masks page (showing `shown`) helps only when it shows a recording of that other shape."""
    other = next(size for size in part.pictures if not same_shape(size, drawn))
    values = dict(camera=part.camera, width=other[0], height=other[1], drawn_width=drawn[0],
                  drawn_height=drawn[1])
    if shown is not None and not same_shape(shown, other):   # mask_pictures.for_the_page
        return _one_shape_line(part, drawn, values)
    if any(same_shape(size, drawn) for size in part.pictures):
        return safe_text(translate("summary", "{camera}: part of this time was recorded in a "
                                    "picture of {width} x {height} pixels, another shape than the "
                                    "{drawn_width} x {drawn_height} picture its privacy masks "
                                    "were drawn on, where they would cover other places, so it "
                                    "is refused: look at the masks again on a recording of this "
                                    "shape (Settings, Draw privacy masks\u2026) and save them, or "
                                    "untick Use privacy masks only if nothing they hide is in "
                                    "that picture"), **values)
    return safe_text(translate("summary", "{camera}: this time was recorded in a picture of "
                                "{width} x {height} pixels, another shape than the {drawn_width} x "
                                "{drawn_height} picture its privacy masks were drawn on, where "
                                "they would cover other places, so it is refused: look at the "
                                "masks again on a recording of this shape (Settings, Draw privacy "
                                "masks\u2026) and save them, or untick Use privacy masks only if "
                                "nothing they hide is in that picture"), **values)


def _one_shape_line(part: CameraPart, drawn: tuple[int, int], values: dict) -> str:
    """_shape_line where the masks page shows a recording of the masks' own shape: looking at
    them again there cannot make them fit, so it says they fit one shape at a time."""
    if any(same_shape(size, drawn) for size in part.pictures):
        return safe_text(translate("summary", "{camera}: part of this time was recorded in a "
                                    "picture of {width} x {height} pixels, another shape than the "
                                    "{drawn_width} x {drawn_height} picture its privacy masks "
                                    "were drawn on, where they would cover other places, so it "
                                    "is refused: its masks fit one picture shape at a time, the "
                                    "one its latest recordings have, so choose a time recorded "
                                    "in that shape, or untick Use privacy masks only if nothing "
                                    "they hide is in that picture"), **values)
    return safe_text(translate("summary", "{camera}: this time was recorded in a picture of "
                                "{width} x {height} pixels, another shape than the {drawn_width} x "
                                "{drawn_height} picture its privacy masks were drawn on, where "
                                "they would cover other places, so it is refused: its masks fit "
                                "one picture shape at a time, the one its latest recordings have, "
                                "so choose a time recorded in that shape, or untick Use privacy "
                                "masks only if nothing they hide is in that picture"
                     ), **values)
