"""Atheris target: the MP4/MOV box reader (agent/media/mp4box.py) on arbitrary bytes.

The promise under test: any bytes give a ContainerFacts with a known status and sane numbers,
never an exception. Run by hand (see fuzz/README.md):

    pip install atheris
    python fuzz/fuzz_mp4box.py fuzz/corpus/mp4box -max_total_time=60
"""
from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports():
    from agent.media.mp4box import parse_bytes

STATUSES = {"ok", "empty", "damaged", "unsupported"}


def test_one_input(data: bytes) -> None:
    """Parse one input; an AssertionError or any other exception is a finding."""
    facts = parse_bytes(data)
    assert facts.status in STATUSES, facts
    assert facts.status == "ok" or facts.reason, facts  # a file that is not ok says why
    for value in (facts.duration_us, facts.width, facts.height, facts.frames):
        assert value is None or value >= 0, facts
    assert facts.fps is None or facts.fps >= 0, facts


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
