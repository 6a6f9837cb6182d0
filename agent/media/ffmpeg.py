"""FFmpeg as the agent uses it: the libraries inside PyAV (every cut, re-encode and check), and
the ffmpeg binary of the imageio-ffmpeg wheel, which only the demo and the tests use to write
sample footage (and the benchmarks for their baselines)."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    """Path of the ffmpeg that ships inside the imageio-ffmpeg wheel (no system install needed)."""
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


@functools.lru_cache(maxsize=1)
def ffmpeg_version() -> str:
    """The FFmpeg that cut and checked the clip (PyAV's), recorded in every provenance record."""
    import av

    libs = ", ".join(f"{name} {'.'.join(map(str, av.library_versions[name]))}"
                     for name in ("libavcodec", "libavformat", "libavutil")
                     if name in av.library_versions)
    release = getattr(av, "ffmpeg_version_info", "") or "?"
    return f"FFmpeg {release} in PyAV {av.__version__} ({libs})"
