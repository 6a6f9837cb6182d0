"""Reading a file by offset: os.pread on Unix, seek-and-read where it is missing (Windows),
both giving the same bytes, short only at the end of the file."""
from __future__ import annotations

import os

import pytest

from agent.media import read_at as read_at_module
from agent.media.read_at import read_at, seek_read


@pytest.fixture
def fd(tmp_path):
    path = tmp_path / "data.bin"
    path.write_bytes(bytes(range(256)) * 40)
    handle = os.open(path, os.O_RDONLY)
    yield handle
    os.close(handle)


@pytest.mark.parametrize("size,offset", [(10, 0), (300, 5000), (100, 10_200), (50, 20_000)])
def test_the_windows_way_reads_what_pread_reads(fd, size, offset):
    want = (bytes(range(256)) * 40)[offset:offset + size]
    assert seek_read(fd, size, offset) == want
    assert read_at(fd, size, offset) == want


def test_without_pread_the_seek_and_read_is_used(fd, monkeypatch):
    monkeypatch.delattr(read_at_module.os, "pread")
    calls = []
    real = os.lseek
    monkeypatch.setattr(read_at_module.os, "lseek", lambda *a: calls.append(a) or real(*a))
    assert read_at(fd, 4, 256 * 3 + 7) == bytes([7, 8, 9, 10])
    assert calls == [(fd, 256 * 3 + 7, os.SEEK_SET)]
