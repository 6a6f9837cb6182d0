"""What the simulator's server and its vendor front-ends pass each other."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lowercase names
    body: bytes


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/plain"
    headers: dict[str, str] = field(default_factory=dict)
    file: Path | None = None            # a download: served with byte ranges
    release: Callable[[], None] | None = None  # called once the download has been sent
    hang_up: bool = False               # close the connection without answering at all


class Frontend(Protocol):
    def handle(self, request: Request) -> Reply: ...
