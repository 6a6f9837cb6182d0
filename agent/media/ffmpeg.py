"""FFmpeg as the agent uses it: the libraries inside PyAV, for every cut, re-encode and check
(and the demo's sample footage). The agent runs no ffmpeg program."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def ffmpeg_version() -> str:
    """The FFmpeg that cut and checked the clip (PyAV's), recorded in every provenance record."""
    import av

    libs = ", ".join(f"{name} {'.'.join(map(str, av.library_versions[name]))}"
                     for name in ("libavcodec", "libavformat", "libavutil")
                     if name in av.library_versions)
    release = getattr(av, "ffmpeg_version_info", "") or "?"
    return f"FFmpeg {release} in PyAV {av.__version__} ({libs})"
