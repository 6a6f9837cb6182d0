"""A recording cut by time as a recorder's download-by-time sends it: the video from the
keyframe at or before the instant asked for, packets copied, timed so that instant is zero.

This is what `ffmpeg -ss OFFSET -i FILE -t LENGTH -c copy -an` writes, done with PyAV's
libraries in this process: the lead-in before the instant gets negative times, which the MP4
muxer hides with an edit list, as devices do (agent/media/edit_list.py reads it back).
"""
from __future__ import annotations

from pathlib import Path

import av


def cut_by_time(src: Path, out: Path, offset_s: float, length_s: float) -> None:
    """Write `length_s` seconds of `src`'s video from `offset_s` into the MP4 `out`."""
    with av.open(str(src)) as given, av.open(str(out), "w", format="mp4") as made:
        video = given.streams.video[0]
        copy = made.add_stream_from_template(video)
        start = (video.start_time or 0) + round(offset_s / video.time_base)
        end = start + round(length_s / video.time_base)
        given.seek(start, stream=video, backward=True, any_frame=False)
        for packet in given.demux(video):
            if packet.dts is None:   # the demuxer's flush packet
                continue
            if packet.pts is not None and packet.pts >= end:
                break
            packet.pts = None if packet.pts is None else packet.pts - start
            packet.dts -= start
            packet.stream = copy
            made.mux(packet)
