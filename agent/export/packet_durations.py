"""How long a packet plays when the container's own duration is not to be believed: a video
frame's (.dav says 1 ms for every frame; an MP4 gives the frame before a pause the whole pause)
and a plain PCM or G.711 sound packet's, measured by its bytes."""
from __future__ import annotations

from agent.timebase import US

# A frame shown longer than this many frames (and a second) is a pause after it.
_LONGEST_FRAMES = 4

_PCM_BYTES = {"pcm_alaw": 1, "pcm_mulaw": 1, "pcm_s8": 1, "pcm_u8": 1, "pcm_s16le": 2,
              "pcm_s16be": 2, "pcm_s24le": 3, "pcm_s32le": 4, "pcm_f32le": 4}


def shown_us(dur_us: int, frame_us: int, one_frame_us: int) -> int:
    """A frame's duration when believable, else one frame: .dav says 1 ms for every frame,
    and an MP4 gives the frame before a pause (the camera's clock set forward, recording
    stopped for a while) the whole pause, which would have the clip's last frame stand for
    seconds the camera recorded nothing in, and play on past the window. `frame_us`: a frame
    at the recording's average rate; `one_frame_us`: the shortest frame any of its rates says."""
    if frame_us // 4 <= dur_us <= max(_LONGEST_FRAMES * one_frame_us, US):
        return dur_us
    return frame_us if dur_us < frame_us // 4 else one_frame_us


def pcm_us(pkt) -> int | None:
    """How long a plain PCM or G.711 sound packet plays, by its bytes (.dav says 1 ms for
    every packet); None for other codecs, or a stream that gives no sample rate."""
    width = _PCM_BYTES.get(pkt.stream.codec_context.name)
    ctx = pkt.stream.codec_context
    if width and ctx.sample_rate:
        channels = ctx.layout.nb_channels if ctx.layout else 1
        return pkt.size // (width * max(1, channels)) * US // ctx.sample_rate
    return None
