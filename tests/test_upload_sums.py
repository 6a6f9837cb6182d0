"""The digests a package is sealed with for upload, and how a server's checking is read."""
from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.delivery.sums import FIRST_CHUNK, ChunkSums, SumsWriter, checked_sums, compute_sums
from agent.delivery.wire import Reply, UploadError, checksum_support
from agent.export.bagtar import tar_package


def expected(data: bytes, chunk_size: int, first: int | None = None) -> ChunkSums:
    first = first or min(FIRST_CHUNK, chunk_size)
    bounds = [0, *range(first, len(data), chunk_size), len(data)] if data else [0, 0]
    pieces = [data[a:b] for a, b in zip(bounds, bounds[1:])] if data else []
    return ChunkSums(len(data), hashlib.sha256(data).hexdigest(), chunk_size, tuple(
        base64.b64encode(hashlib.sha256(p).digest()).decode() for p in pieces), first)


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=3000), cuts=st.lists(st.integers(0, 3000), max_size=8),
       chunk_size=st.integers(1, 700), first=st.integers(1, 700))
def test_writes_of_any_size_give_the_digests_of_each_chunk(data, cuts, chunk_size, first):
    writer = SumsWriter(chunk_size=chunk_size, first_size=first)
    start = 0
    for cut in sorted(c for c in cuts if c <= len(data)) + [len(data)]:
        writer.write(data[start:cut])
        start = cut
    sums = writer.sums()
    assert sums == expected(data, chunk_size, first)
    for offset in range(len(data)):  # every byte lies in the chunk index() and span() name
        start, end = sums.span(sums.index(offset))
        assert start <= offset < end


def test_the_sums_of_a_file_and_of_the_tar_as_written_agree(tmp_path: Path):
    pkg = tmp_path / "CASE-9_gate_20261120T220000Z"
    (pkg / "data").mkdir(parents=True)
    (pkg / "bagit.txt").write_text("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    (pkg / "data" / "clip.mp4").write_bytes(bytes(range(256)) * 5000)
    packed = tar_package(pkg, tmp_path / "p.tar")
    data = packed.path.read_bytes()
    assert packed.sums == expected(data, packed.sums.chunk_size) == compute_sums(packed.path)
    assert (packed.sha256, packed.size) == (packed.sums.sha256, len(data))
    assert compute_sums(packed.path, 4096) == expected(data, 4096)


def test_sums_that_do_not_fit_the_file_are_refused(tmp_path: Path):
    path = tmp_path / "p.tar"
    path.write_bytes(b"x" * 100)
    sums = compute_sums(path, 64)
    assert checked_sums(path, 100, sums, sums.sha256.upper()) is sums
    for size, sha, words in [(101, None, "not the package"), (100, "0" * 64, "not the package"),
                             (100, "zz", "64 hex digits")]:
        with pytest.raises(UploadError, match=words):
            checked_sums(path, size, sums, sha)
    with pytest.raises(UploadError, match="Cannot read"):
        compute_sums(tmp_path / "missing.tar")


@pytest.mark.parametrize("status, extensions, algorithms, support", [
    (204, "creation,checksum,termination", "sha1,sha256", "checked"),
    (200, " Creation , CHECKSUM ", "SHA256", "checked"),
    (204, "creation,termination", "sha256", "ignored"),  # no checksum extension
    (204, "creation,checksum", "sha1,md5", "refused"),  # would answer a sha256 digest with 400
    (204, "checksum-trailer", "sha256", "ignored"),
    (405, "checksum", "sha256", "ignored"),
])
def test_what_a_server_does_with_sha256_digests_is_read_from_its_options(
        status, extensions, algorithms, support):
    headers = httpx.Headers({"Tus-Extension": extensions, "Tus-Checksum-Algorithm": algorithms})
    assert checksum_support(Reply(status, headers, b"")) == support
    assert checksum_support(None) == "ignored"
