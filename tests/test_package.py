"""Evidence packages: BagIt layout, signature, atomic build, tar form, and what verify names."""
from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import time
from pathlib import Path

import bagit
import imageio_ffmpeg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.export.bagtar import tar_package
from agent.export.package import PackageBuilder, PackageError
from agent.export.package_inputs import outputs_record
from agent.identity.keys import OwnerKey
from agent.storage import STALE_AFTER_S, remove_stale_partials
from frp import bagview
from frp.bagit import encode_path
from frp.verify import verify_package
from portal.signers import sign_request
from tests.conftest import require_tool
from tests.durability import not_synced, watch_fsyncs

CLIP = "data/cam1_20261120T220500Z_20261120T220502Z.mp4"
NAME = "case-42_cam1_20261120T220500Z"


def minisign_tool() -> str:
    """The stock minisign CLI (tests.conftest.require_tool: required where tools are)."""
    return require_tool("minisign")


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    """A real 2-second 320x240 H.264 clip made by the ffmpeg program."""
    out = tmp_path_factory.mktemp("footage") / "clip.mp4"
    subprocess.run([
        imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-f", "lavfi",
        "-i", "testsrc=size=320x240:rate=10", "-t", "2", "-c:v", "libx264", "-pix_fmt", "yuv420p",
        str(out)], check=True, timeout=60)
    return out


@pytest.fixture(scope="module")
def key(tmp_path_factory) -> OwnerKey:
    return OwnerKey.load_or_create(tmp_path_factory.mktemp("home"))


@pytest.fixture(scope="module")
def other_key(tmp_path_factory) -> OwnerKey:
    return OwnerKey.load_or_create(tmp_path_factory.mktemp("other"))


WINDOW = {"start": "2026-11-20T22:05:00Z", "end": "2026-11-20T22:06:00Z"}
REQUEST = {"id": "req-7", "agency": "https://police.example.gov", "case": "case-42",
           "window": WINDOW, "verified": False}
# What a record states of the clip's times (the 2 s, 10 fps clip above), for verify to hold it to.
TIMES = {"approved": {"start": "2026-11-20T22:05:00Z", "end": "2026-11-20T22:05:02Z"},
         "delivered": {"start": "2026-11-20T22:05:00Z", "end": "2026-11-20T22:05:01.900000Z",
                       "frames": 20}}
AGENCY_KEY = Ed25519PrivateKey.generate()
TOKEN = sign_request({"iss": REQUEST["agency"], "aud": "reg-1", "jti": "req-7", "iat": 1,
                      "exp": 2, "case": {"number": "case-42"}, "window": WINDOW},
                     AGENCY_KEY, "agency-key")


def build(parent: Path, key: OwnerKey, clip: Path, name: str = NAME):
    with PackageBuilder(parent, name, {"External-Identifier": "https://police.example.gov req-7"}) as builder:
        added = builder.add_file(CLIP, clip)
        builder.add_bytes("request.jws", TOKEN.encode())
        return builder.seal(key, lambda files: {"request": REQUEST, **TIMES,
                                                "outputs": outputs_record([added])})


@pytest.fixture
def package(tmp_path, key, clip) -> Path:
    return build(tmp_path / "out", key, clip).path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reseal(bag: Path, signer: OwnerKey) -> None:
    """Recompute manifests and signature the way a forger with `signer` would."""
    data = sorted(p for p in (bag / "data").rglob("*") if p.is_file())
    rel = [p.relative_to(bag).as_posix() for p in data]
    (bag / "manifest-sha256.txt").write_text("".join(f"{sha(p)}  {r}\n" for p, r in zip(data, rel)))
    info = (bag / "bag-info.txt").read_text().splitlines()
    oxum = f"Payload-Oxum: {sum(p.stat().st_size for p in data)}.{len(data)}"
    (bag / "bag-info.txt").write_text("\n".join(oxum if ln.startswith("Payload-Oxum") else ln for ln in info) + "\n")
    tags = "".join(f"{sha(bag / n)}  {n}\n" for n in ("bag-info.txt", "bagit.txt", "manifest-sha256.txt"))
    (bag / "tagmanifest-sha256.txt").write_text(tags)
    (bag / "tagmanifest-sha256.txt.minisig").write_text(signer.minisign(tags.encode(), "forged"))


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_layout_manifests_and_bagit_validation(package, clip, key):
    files = sorted(p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file())
    assert files == sorted([
        "bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt",
        "tagmanifest-sha256.txt.minisig", CLIP, "data/provenance.json", "data/request.jws",
        "data/owner.pub"])
    assert (package / "bagit.txt").read_bytes() == b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    info = (package / "bag-info.txt").read_text()
    payload = [p for p in (package / "data").iterdir()]
    assert f"Payload-Oxum: {sum(p.stat().st_size for p in payload)}.4\n" in info
    assert "External-Identifier: https://police.example.gov req-7\n" in info and "Bagging-Date: " in info
    manifest = (package / "manifest-sha256.txt").read_text()
    assert f"{sha(clip)}  {CLIP}\n" in manifest
    tag_names = [ln.split("  ", 1)[1] for ln in (package / "tagmanifest-sha256.txt").read_text().splitlines()]
    assert sorted(tag_names) == ["bag-info.txt", "bagit.txt", "manifest-sha256.txt"]
    assert (package / "data/owner.pub").read_text() == key.public.minisign_text()

    bag = bagit.Bag(str(package))
    assert bag.is_valid()
    bag.validate()

    report = verify_package(package, expected_owner=key.public)
    assert report.ok and report.problems == ()
    assert report.owner_id == key.public.owner_id()


def test_sealed_record_matches_the_bytes_on_disk(tmp_path, key, clip):
    sealed = build(tmp_path, key, clip)
    assert sealed.path == tmp_path / NAME
    for f in sealed.files:
        assert (f.sha256, f.size) == (sha(sealed.path / f.name), (sealed.path / f.name).stat().st_size)
    assert sealed.tagmanifest_sha256 == sha(sealed.path / "tagmanifest-sha256.txt")
    text = (sealed.path / "data/provenance.json").read_text()
    record = json.loads(text)
    assert record["outputs"] == [{"path": CLIP, "sha256": sha(clip), "size": clip.stat().st_size}]
    assert text == json.dumps(record, indent=2, sort_keys=True) + "\n"


def test_stock_minisign_verifies_the_tagmanifest(package):
    tool = minisign_tool()
    run = subprocess.run([tool, "-Vm", str(package / "tagmanifest-sha256.txt"),
                          "-p", str(package / "data/owner.pub")], capture_output=True, text=True, timeout=30)
    assert run.returncode == 0, run.stderr
    assert f"package {NAME} owner" in run.stdout


def _change_clip(bag, **_):
    flip(bag / CLIP, 2000)


def _edit_bag_info(bag, **_):
    path = bag / "bag-info.txt"
    path.write_text(path.read_text().replace(" req-7", " req-8"))


def _edit_manifest(bag, **_):
    path = bag / "manifest-sha256.txt"
    path.write_text(path.read_text() + f"{'0' * 64}  data/ghost.mp4\n")


def _edit_provenance(bag, **_):
    path = bag / "data/provenance.json"
    path.write_text(path.read_text().replace("req-7", "req-8"))


def _edit_signature(bag, **_):
    path = bag / "tagmanifest-sha256.txt.minisig"
    lines = path.read_text().splitlines()
    lines[1] = lines[1][:20] + ("A" if lines[1][20] != "A" else "B") + lines[1][21:]
    path.write_text("\n".join(lines) + "\n")


def _remove_request(bag, **_):
    (bag / "data/request.jws").unlink()


def _remove_owner_key(bag, **_):
    (bag / "data/owner.pub").unlink()


def _add_extra(bag, **_):
    (bag / "data/extra.txt").write_text("slipped in")


def _sign_with_other_key(bag, other, **_):
    reseal(bag, other)


@pytest.mark.parametrize("tamper, expected", [
    (_change_clip, f"{CLIP} was changed: SHA-256"),
    (_edit_bag_info, "bag-info.txt was changed"),
    (_edit_manifest, "manifest-sha256.txt was changed"),
    (_edit_provenance, "data/provenance.json was changed"),
    (_edit_signature, "signature on tagmanifest-sha256.txt does not verify"),
    (_remove_request, "data/request.jws is missing"),
    # The signature was left unchecked without a word (only the missing file was named).
    (_remove_owner_key, "The owner's signature on tagmanifest-sha256.txt could not be checked "
                        "without data/owner.pub, the key it is checked with"),
    (_add_extra, "data/extra.txt is an extra file in data/ that is not part of the signed package"),
    (_sign_with_other_key, "made by another key"),
])
def test_tampering_is_named(package, other_key, key, tamper, expected):
    tamper(package, other=other_key)
    report = verify_package(package)
    assert not report.ok
    assert any(expected in p for p in report.problems), report.problems


def test_missing_file_also_breaks_payload_oxum(package):
    _remove_request(package)
    problems = verify_package(package).problems
    assert any("Payload-Oxum" in p for p in problems), problems


def test_swapped_owner_key_is_caught_by_expected_owner(package, key, other_key):
    (package / "data/owner.pub").write_text(other_key.public.minisign_text())
    reseal(package, other_key)
    alone = verify_package(package)
    assert alone.ok and alone.owner_id == other_key.public.owner_id()  # self-consistent forgery
    pinned = verify_package(package, expected_owner=key.public)
    assert not pinned.ok
    assert any(f"not the expected owner {key.public.owner_id()}" in p for p in pinned.problems)


def test_provenance_disagreeing_with_manifest_is_the_only_problem(package, key):
    path = package / "data/provenance.json"
    record = json.loads(path.read_text())
    record["outputs"][0]["sha256"] = "ab" * 32
    path.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    reseal(package, key)
    report = verify_package(package, expected_owner=key.public)
    assert len(report.problems) == 1, report.problems
    assert f"records SHA-256 {'ab' * 32} for {CLIP}" in report.problems[0]


def test_interrupted_build_leaves_no_package(tmp_path, clip, key):
    with pytest.raises(RuntimeError):
        with PackageBuilder(tmp_path, NAME) as builder:
            builder.add_file(CLIP, clip)
            raise RuntimeError("cancelled by the owner")
    assert list(tmp_path.iterdir()) == []

    def failing_provenance(files):
        raise RuntimeError("provenance broke")

    with pytest.raises(RuntimeError):
        with PackageBuilder(tmp_path, NAME) as builder:
            builder.add_file(CLIP, clip)
            builder.seal(key, failing_provenance)
    assert list(tmp_path.iterdir()) == []


def test_leftovers_of_a_killed_build_are_swept_once_a_day_old(tmp_path, clip, key):
    day_old = time.time() - STALE_AFTER_S - 60
    crashed = tmp_path / f".{NAME}.partial-dead"  # a folder a kill -9 left
    (crashed / "data").mkdir(parents=True)
    (crashed / "data" / "clip.mp4").write_bytes(b"x" * 1000)
    torn_tar = tmp_path / ".other.tar.partial-1234"
    torn_tar.write_bytes(b"y")
    running = tmp_path / ".other.partial-live"  # another process building right now
    running.mkdir()
    foreign = tmp_path / ".sync.partial-old"  # someone else's, in a folder the owner chose
    foreign.mkdir()
    keep = [tmp_path / ".hidden-notes", tmp_path / "holiday.partial-1"]  # not ours: never touched
    for path in keep:
        path.write_bytes(b"z")
    for path in (crashed / "data" / "clip.mp4", crashed / "data", crashed, torn_tar, foreign, *keep):
        os.utime(path, (day_old, day_old))
    build(tmp_path, key, clip)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [NAME, running.name, foreign.name, *(p.name for p in keep)])
    assert remove_stale_partials(tmp_path, older_than_s=0) == 2 and not running.exists()


def test_build_in_progress_is_hidden_and_not_named_like_a_package(tmp_path, clip):
    with PackageBuilder(tmp_path, NAME) as builder:
        builder.add_file(CLIP, clip)
        (entry,) = tmp_path.iterdir()
        assert entry.name.startswith(".package.partial-") and entry.name != NAME
        assert not (tmp_path / NAME).exists()
    assert list(tmp_path.iterdir()) == []


def test_existing_package_is_never_overwritten(tmp_path, key, clip):
    first = build(tmp_path, key, clip)
    before = {p: sha(p) for p in first.path.rglob("*") if p.is_file()}
    with pytest.raises(PackageError, match="already exists"):
        PackageBuilder(tmp_path, NAME)
    assert {p: sha(p) for p in first.path.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [NAME]


def test_provenance_outputs_must_match_files_at_seal(tmp_path, key, clip):
    with pytest.raises(PackageError, match="does not match a file"):
        with PackageBuilder(tmp_path, NAME) as builder:
            builder.add_file(CLIP, clip)
            builder.seal(key, {"outputs": [{"path": CLIP, "sha256": "00" * 32, "size": 1}]})
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("bad", ["../x.mp4", "data/../../x", "data//x", "data/provenance.json", "owner.pub"])
def test_unsafe_or_reserved_names_are_refused(tmp_path, bad):
    with PackageBuilder(tmp_path, NAME) as builder:
        with pytest.raises(PackageError):
            builder.add_bytes(bad, b"x")


@pytest.mark.parametrize("how", ["bytes", "copied", "staged"])
def test_a_folder_where_a_file_goes_is_a_package_error_and_the_folder_is_left(tmp_path, clip,
                                                                               how):
    """A folder in the package's build folder where a file is to be written (another program's
    doing: the builder makes only files there) was a bare IsADirectoryError: the clean-up of the
    file not written removed with unlink, which refuses a folder. It is a PackageError saying
    the folder is in the way, naming it, and the folder (not the builder's) is left as it was."""
    with PackageBuilder(tmp_path, NAME) as builder:
        in_the_way = builder._tmp / CLIP
        in_the_way.mkdir(parents=True)
        (in_the_way / "kept.txt").write_bytes(b"someone's")
        staged = builder.staging / "cut.mp4"
        shutil.copyfile(clip, staged)
        add = {"bytes": lambda: builder.add_bytes(CLIP, b"x"),
               "copied": lambda: builder.add_file(CLIP, clip),
               "staged": lambda: builder.add_file(CLIP, staged)}[how]
        with pytest.raises(PackageError, match="into the package") as caught:
            add()
        assert (in_the_way / "kept.txt").read_bytes() == b"someone's"
    assert f"{in_the_way} is a folder" in str(caught.value)


def test_staged_file_is_moved_in_with_its_hash(tmp_path, key, clip):
    with PackageBuilder(tmp_path, NAME) as builder:
        staged = builder.staging / "cut.mp4"
        shutil.copyfile(clip, staged)
        added = builder.add_file(CLIP, staged)
        assert not staged.exists()
        sealed = builder.seal(key, {**TIMES, "outputs": outputs_record([added])})
    assert added.sha256 == sha(clip) == sha(sealed.path / CLIP)
    assert not (sealed.path / ".staging").exists()
    assert verify_package(sealed.path).ok


def test_every_file_is_on_the_disk_before_the_folder_is_named_like_a_package(
        tmp_path, key, clip, monkeypatch):
    """After a power cut a folder named like a package must hold every byte it lists: each file
    and folder of the bag, the staged clip moved in too, is fsync'd before it is renamed."""
    at_rename = watch_fsyncs(monkeypatch, tmp_path / NAME)
    with PackageBuilder(tmp_path, NAME) as builder:
        staged = builder.staging / "cut.mp4"
        shutil.copyfile(clip, staged)
        added = builder.add_file(CLIP, staged)
        sealed = builder.seal(key, {**TIMES, "outputs": outputs_record([added])})
    assert len(at_rename) == 1 and (sealed.path / CLIP).is_file()
    assert not_synced(sealed.path, at_rename[0]) == []


@pytest.mark.skipif(os.name == "nt", reason="Windows file names cannot hold line breaks")
def test_awkward_names_are_percent_encoded(tmp_path, key, clip):
    name = "data/odd 100%\nname\r.mp4"
    with PackageBuilder(tmp_path, NAME) as builder:
        added = builder.add_file(name, clip)
        sealed = builder.seal(key, {**TIMES, "outputs": outputs_record([added])})
    assert encode_path(name) == "data/odd 100%25%0Aname%0D.mp4"
    assert f"{added.sha256}  data/odd 100%25%0Aname%0D.mp4\n" in (sealed.path / "manifest-sha256.txt").read_text()
    assert verify_package(sealed.path).ok


def test_tar_round_trip_is_reproducible_and_verifies(tmp_path, package, key):
    first = tar_package(package, tmp_path / "a.tar")
    second = tar_package(package, tmp_path / "b.tar")
    assert first.sha256 == second.sha256 == sha(first.path)
    assert first.size == first.path.stat().st_size
    with tarfile.open(first.path) as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names[0] == NAME and all(n.startswith(NAME) for n in names)
    assert names == sorted(names, key=lambda n: n.split("/"))
    assert {(m.mtime, m.uid, m.gid, m.uname) for m in members} == {(0, 0, 0, "")}
    report = verify_package(first.path, expected_owner=key.public)
    assert report.ok and report.owner_id == key.public.owner_id()
    with pytest.raises(PackageError, match="never overwritten"):
        tar_package(package, first.path)


def test_what_a_file_browser_left_in_the_folder_never_leaves_with_the_tar(tmp_path, package,
                                                                         key):
    # An owner who opened the package in Finder or Explorer before `upload` (or before an
    # approval resumed) has files of the browser's in it: a .DS_Store keeps the names of files
    # the folder held, a Thumbs.db pictures. The tar is the sealed package alone.
    clean = tar_package(package, tmp_path / "clean.tar")
    for name in (".DS_Store", "Thumbs.db", "desktop.ini", "._README.txt",
                 "README.txt:Zone.Identifier", "data/.DS_Store", "data/Thumbs.db"):
        (package / name).write_bytes(b"Bud1 holiday-photos-2026 ~/Users/jsmith")
    sent = tar_package(package, tmp_path / "sent.tar")
    assert b"jsmith" not in sent.path.read_bytes()
    assert sent.sha256 == clean.sha256, "the tar holds more than the sealed package"
    report = verify_package(sent.path, expected_owner=key.public)
    assert report.ok and not report.notes


def test_tampered_tar_is_named(tmp_path, package):
    out = tar_package(package, tmp_path / "p.tar").path
    raw = out.read_bytes()
    clip_at = raw.index(b"ftyp")  # inside the clip member's data
    out.write_bytes(raw[:clip_at] + b"FTYP" + raw[clip_at + 4:])
    problems = verify_package(out).problems
    assert any(f"{CLIP} was changed" in p for p in problems), problems


def test_hostile_tar_and_junk_never_raise(tmp_path):
    hostile = tmp_path / "hostile.tar"
    with tarfile.open(hostile, "w") as tar:
        evil = tarfile.TarInfo("../evil.txt")
        evil.size = 4
        tar.addfile(evil, io.BytesIO(b"evil"))
        link = tarfile.TarInfo("pkg/data/link")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tar.addfile(link)
    report = verify_package(hostile)
    assert not report.ok
    assert any("unsafe path" in p for p in report.problems)
    assert any("link or device" in p for p in report.problems)
    assert not (tmp_path.parent / "evil.txt").exists()

    junk = tmp_path / "junk.tar"
    junk.write_bytes(os.urandom(3000))
    assert not verify_package(junk).ok
    (tmp_path / "empty").mkdir()
    assert verify_package(tmp_path / "empty").problems == (f"{tmp_path / 'empty'} holds no package files.",)
    assert verify_package(tmp_path / "nowhere").problems == (f"There is no package at {tmp_path / 'nowhere'}.",)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and pipes")
def test_links_and_pipes_in_a_package_folder_are_named_not_followed(package, clip):
    (package / "data/link.mp4").symlink_to(clip)
    os.mkfifo(package / "data/pipe")  # opening it would hang a careless verifier
    problems = verify_package(package).problems
    assert any("data/link.mp4 is not a plain file" in p for p in problems), problems
    assert any("data/pipe is not a plain file" in p for p in problems), problems


def test_file_changed_after_it_was_added_is_caught_before_the_rename(tmp_path, key, clip):
    with pytest.raises(PackageError, match="changed on disk"):
        with PackageBuilder(tmp_path, NAME) as builder:
            added = builder.add_file(CLIP, clip)
            (partial,) = tmp_path.iterdir()
            flip(partial / CLIP, 100)  # a disk fault or another writer after hashing
            builder.seal(key, {"outputs": outputs_record([added])})
    assert list(tmp_path.iterdir()) == []


def guarded(read: list, limit: int):
    """bagview._digest, recording each stream it hashes and stopping one that would hash more
    bytes than the archive holds (a hostile tar must never get that far)."""
    real = bagview._digest

    class Guard:
        def __init__(self, stream):
            self.stream, self.got = stream, 0

        def read(self, n):
            chunk = self.stream.read(n)
            self.got += len(chunk)
            assert self.got <= limit, "hashed more bytes than the tar holds"
            return chunk

    def digest(stream, keep):
        read.append(stream)
        return real(Guard(stream), keep)
    return digest


def gnu_sparse_tar(path: Path, name: str, real_size: int) -> None:
    """A tar whose one member is a GNU sparse file of `real_size` bytes holding 512 (old GNU
    sparse header: one map entry, the real size in base-256 when octal is too short)."""
    header = bytearray(512)
    fields = {0: name.encode(), 100: b"0000644\0", 108: b"0000000\0", 116: b"0000000\0",
              124: b"00000001000\0", 136: b"00000000000\0", 156: b"S", 257: b"ustar  \0"}
    for offset, value in fields.items():
        header[offset:offset + len(value)] = value
    header[386:398] = tarfile.itn(real_size - 512, 12, tarfile.GNU_FORMAT)   # map: offset
    header[398:410] = tarfile.itn(512, 12, tarfile.GNU_FORMAT)               # map: bytes
    header[483:495] = tarfile.itn(real_size, 12, tarfile.GNU_FORMAT)         # real size
    header[148:156] = b" " * 8
    header[148:155] = b"%06o\0" % sum(header)
    path.write_bytes(bytes(header) + b"x" * 512 + bytes(1024))


@pytest.mark.parametrize("real_size", [4 << 30, 1 << 50])
def test_a_sparse_member_is_a_problem_and_never_read(tmp_path, monkeypatch, real_size):
    """A 2 KiB tar declaring 4 GiB (or 1 PiB) of zeros: named, never hashed."""
    hostile = tmp_path / "sparse.tar"
    gnu_sparse_tar(hostile, "pkg/data/clip.mp4", real_size)
    with tarfile.open(hostile) as tar:
        (member,) = tar.getmembers()
    assert member.issparse() and member.size == real_size  # what the stock reader sees
    read = []
    monkeypatch.setattr(bagview, "_digest", guarded(read, hostile.stat().st_size))
    report = verify_package(hostile)
    assert read == []
    assert any(f"declaring {real_size:,} bytes" in p for p in report.problems), report.problems


def test_members_declaring_more_than_the_archive_holds_stop_the_reading(tmp_path, monkeypatch):
    hostile = tmp_path / "liar.tar"
    with tarfile.open(hostile, "w", format=tarfile.GNU_FORMAT) as tar:
        small = tarfile.TarInfo("pkg/bagit.txt")
        small.size = 4
        tar.addfile(small, io.BytesIO(b"abcd"))
    data = bytearray(hostile.read_bytes())
    data[124:136] = tarfile.itn(1 << 40, 12, tarfile.GNU_FORMAT)  # the header now lies
    data[148:156] = b" " * 8
    data[148:155] = b"%06o\0" % sum(data[:512])
    hostile.write_bytes(bytes(data))
    read = []
    monkeypatch.setattr(bagview, "_digest", guarded(read, hostile.stat().st_size))
    report = verify_package(hostile)
    assert read == [] and not report.ok
    assert any("declare more bytes (1,099,511,627,776) than the tar holds" in p
               for p in report.problems), report.problems
