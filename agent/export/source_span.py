"""What the cut reads of one recording, as the plan names it: the file, the capture time of its
first frame, the bytes of it that are the recording, and when it was still being written.
Free of PyAV, so the plan and provenance.json's record name recordings without loading it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SourceSpan:
    path: Path
    start_us: int  # true UTC of the file's first video frame (presentation order)
    # Bytes [first, end) of the file when a recording is one stretch of a larger file (a
    # Hikvision ring file's segment); None: the whole file.
    byte_range: tuple[int, int] | None = None
    # A recording still being written when it was indexed: its end then. Frames captured
    # from it on are not read, so a clip never holds what the index, and so the package's
    # gaps, said was not recorded. None: the file as it is.
    until_us: int | None = None

    def url(self) -> str:
        """What FFmpeg opens: the file, or its byte range through the subfile protocol."""
        if self.byte_range is None:
            return str(self.path)
        first, end = self.byte_range
        return f"subfile,,start,{first},end,{end},,:file:{self.path}"
