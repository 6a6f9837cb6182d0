"""The bundled ffmpeg binary (from the imageio-ffmpeg wheel) and its version."""
from __future__ import annotations

import functools
import subprocess


@functools.lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    """Path of the ffmpeg that ships inside the imageio-ffmpeg wheel (no system install needed)."""
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


@functools.lru_cache(maxsize=1)
def ffmpeg_version() -> str:
    """First line of `ffmpeg -version`, recorded in every provenance record."""
    out = subprocess.run([ffmpeg_exe(), "-hide_banner", "-version"], capture_output=True,
                         text=True, check=False).stdout
    return out.splitlines()[0] if out else "unknown"
