"""`verify` holding a hostile package's files in memory: every file beside the tag files, a
package's or not, was kept whole up to 1 MiB to be read as text, so a folder or tar of 10,000
such files (the most a package may hold) took 10 GB of memory on the detective's computer or
the portal checking an upload; only the tag files, the record, the key and the request are
read as text, and only they are kept now. Real package; the extra files are sparse, so they
cost no disk here."""
from __future__ import annotations

import shutil
import tarfile
import tracemalloc

import pytest

from agent.export.bagtar import tar_package
from frp.verify import verify_package
from tests.test_verify_credentials import made  # noqa: F401

EXTRA, SIZE = 64, 1 << 20   # 64 MiB of files beside the tag files


def _peak(path) -> tuple[int, tuple[str, ...]]:
    tracemalloc.start()
    try:
        report = verify_package(path)
        return tracemalloc.get_traced_memory()[1], report.problems
    finally:
        tracemalloc.stop()


def _sparse_tar(package, out, name="{top}/extra-{n}.txt", count=EXTRA) -> None:
    """The package's tar with EXTRA files of SIZE zeros beside its tag files (or named
    otherwise), their data skipped over rather than written (a sparse file on disk, a plain
    tar to read)."""
    whole = tar_package(package, out.with_suffix(".genuine")).path.read_bytes()
    files_end = len(whole.rstrip(b"\0"))
    files_end += -files_end % 512
    with open(out, "wb") as fh:
        fh.write(whole[:files_end])
        for n in range(count):
            info = tarfile.TarInfo(name.format(top=package.name, n=n))
            info.size = SIZE
            fh.write(info.tobuf(tarfile.USTAR_FORMAT, "utf-8", "strict"))
            fh.seek(SIZE, 1)
        fh.write(b"\0" * 10240)


@pytest.mark.parametrize("as_tar", [False, True], ids=["folder", "tar"])
def test_files_beside_the_tag_files_are_hashed_not_kept(made, tmp_path, as_tar):
    """64 MiB of files beside the tag files took 69 MB to check."""
    package = tmp_path / made[1].name
    shutil.copytree(made[1], package)
    if as_tar:
        target = tmp_path / "p.tar"
        _sparse_tar(package, target)
    else:
        for n in range(EXTRA):
            with open(package / f"extra-{n}.txt", "wb") as fh:
                fh.truncate(SIZE)
        target = package
    peak, problems = _peak(target)
    assert "extra-0.txt is an extra file that is not part of the signed package (neither " \
           "tagmanifest-sha256.txt nor the signature covers it)." in problems, problems
    assert peak < EXTRA * SIZE // 4, peak


def test_a_tar_of_many_folders_each_with_a_tag_file_keeps_few(made, tmp_path):
    """A tag file is kept by its name under the tar's one folder, decided while the tar is
    read, before its layout is known: 128 folders each holding a bagit.txt of 1 MiB held each
    one (135 MB), and 10,000 would hold 10 GB. What is kept of a tar is bounded by what a
    package's own kept files may take (three of 16 MiB, six tag files of 1 MiB: 54 MiB)."""
    target = tmp_path / "p.tar"
    _sparse_tar(made[1], target, name="folder-{n}/bagit.txt", count=2 * EXTRA)
    peak, problems = _peak(target)
    # Named as package folders packed together (tar_layout), none of them read as a package.
    assert problems[0].startswith("p.tar holds package folders folder-0, folder-1, "), problems
    assert "together, not each alone as a package's tar holds it" in problems[0], problems
    assert peak < 64 * SIZE, peak
