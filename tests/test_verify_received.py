"""`footage-agent verify` and the portal's arrival check on packages built to deceive or stall
whoever receives them: any tar layout reads alike, what a package says is shown on one line,
the C2PA Reader is bounded and Ctrl-C stops it, provenance.json and the manifest agree both
ways, and what is harmless (a renamed folder, a Finder file) is told as such."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import struct
import tarfile
import threading
import time
from pathlib import Path

import pytest

from agent.cli import main
from agent.identity.keys import OwnerKey
from frp import credentials
from frp.c2pa_library import c2pa
from frp.verify import verify_package
from portal.checks import check_arrival
from tests.credentials_support import boxes, reseal, without_credentials
from tests.test_verify_credentials import clip_of, key_of, made, package, verify  # noqa: F401


def run(capsys, home: Path, target: Path, *extra: str) -> tuple[int, str]:
    code = main(["--home", str(home), "verify", str(target), *extra])
    return code, capsys.readouterr().err


def tar_of(bag: Path, out: Path, top: str | None) -> Path:
    """The bag as a tar: under one folder `top`, or with its files at the tar's root."""
    with tarfile.open(out, "w", format=tarfile.PAX_FORMAT) as tar:
        for p in sorted(bag.rglob("*")):
            if p.is_file():
                rel = p.relative_to(bag).as_posix()
                tar.add(p, arcname=f"{top}/{rel}" if top else rel)
    return out


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def resign_tags(bag: Path, key: OwnerKey) -> None:
    """Only the tag manifest and signature rewritten over the tag files as they are now."""
    tags = "".join(f"{sha(bag / n)}  {n}\n"
                   for n in ("README.txt", "bag-info.txt", "bagit.txt", "manifest-sha256.txt"))
    (bag / "tagmanifest-sha256.txt").write_text(tags)
    (bag / "tagmanifest-sha256.txt.minisig").write_text(key.minisign(
        tags.encode(), f"footage-agent package {bag.name} owner {key.public.owner_id()}"))


def free_boxes(count: int) -> bytes:
    return struct.pack(">I4s", 8, b"free") * count


# 1. Every tar layout reads alike --------------------------------------------------------------

def test_a_tar_without_a_top_folder_checks_the_clip_like_any_other(capsys, made, package,
                                                                      tmp_path):
    home = made[0]
    genuine = tar_of(made[1], tmp_path / "genuine.tar", None)
    code, out = verify(capsys, home, genuine)
    assert code == 0 and out["clips"][0]["state"] == "Valid", out

    clip = clip_of(package, made)
    clip.write_bytes(without_credentials(clip))
    reseal(package, key_of(home))
    removed = (f"data/{made[2]} carries no Content Credentials, but provenance.json says it "
               "was sealed with them: they were removed.")
    for top in (package.name, None):
        stripped = tar_of(package, tmp_path / f"{top or 'rootless'}.tar", top)
        code, out = verify(capsys, home, stripped)
        assert code == 3 and out["problems"] == [removed], (top, out)
    key = key_of(home)
    digest = sha(stripped)
    arrival = check_arrival(stripped, key.public.raw, digest, digest, key.public.owner_id())
    assert not arrival.ok
    assert removed in next(c.detail for c in arrival.checks if c.name == "package_valid")


# 2. What a package says is shown on one line -------------------------------------------------

def test_provenance_values_and_names_print_no_line_of_their_own(capsys, made, package, tmp_path):
    home = made[0]
    prov = package / "data" / "provenance.json"
    record = json.loads(prov.read_text())
    record["outputs"][0]["sha256"] = "\n\nOK: all is well\n"
    record["outputs"][0]["size"] = "\nALSO A LINE OF THE PACKAGE'S CHOOSING\n"
    prov.write_text(json.dumps(record))
    odd = package.rename(package.parent / "pkg\nOK: fake")
    code, err = run(capsys, home, odd)
    assert code == 3
    lines = err.splitlines()
    assert all(ln.startswith(("problem: ", "note: ", "data/", "footage-agent: ")) for ln in lines), lines
    assert "records SHA-256 \\n\\nOK: all is well\\n for" in err
    assert "records size \\nALSO A LINE" in err
    assert "pkg\\nOK: fake failed verification" in err


# 3. The C2PA Reader is bounded, and Ctrl-C stops it ------------------------------------------

@pytest.fixture
def reader_calls(monkeypatch):
    """How many times the C2PA Reader was started."""
    calls = []
    real = c2pa.Reader

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)
    monkeypatch.setattr(c2pa, "Reader", counted)
    return calls


def test_a_clip_whose_hash_failed_is_never_handed_to_the_reader(capsys, made, package,
                                                                  reader_calls):
    clip = clip_of(package, made)
    with open(clip, "ab") as fh:
        fh.write(free_boxes(48 << 10))   # 384 KiB of 8-byte boxes: minutes for the Reader
    code, out = verify(capsys, made[0], package)
    assert code == 3 and reader_calls == []   # so not those minutes (not a clock)
    assert any(f"data/{made[2]} was changed" in p for p in out["problems"]), out


@pytest.mark.parametrize("where", ["top", "moov"])
def test_a_clip_of_many_boxes_resealed_with_the_owner_key_is_refused_unread(
        capsys, made, package, reader_calls, where):
    clip = clip_of(package, made)
    data = clip.read_bytes()
    if where == "top":
        data += free_boxes(48 << 10)
    else:
        _kind, start, size = next(b for b in boxes(data) if b[0] == "moov")
        pad = free_boxes(8 << 10)
        data = (data[:start] + struct.pack(">I", size + len(pad)) + data[start + 4:start + size]
                + pad + data[start + size:])
    clip.write_bytes(data)
    reseal(package, key_of(made[0]))
    code, out = verify(capsys, made[0], package)
    assert code == 3 and reader_calls == []   # so not the minutes it would read them
    (problem,) = out["problems"]
    assert "so its credentials were not read" in problem
    assert ("more than 16 top-level boxes" if where == "top" else "more than 512 boxes") in problem


class SlowReader:
    """The real C2PA Reader reading through a slow stream (a network drive, say), so that it
    is still reading when a time limit or a Ctrl-C comes (left alone, it reads a test clip
    about 500 times over 10 s). `started` is set at its first read; `served` counts the reads
    that were answered."""

    started = threading.Event()
    served = 0

    def __new__(cls, fmt, stream, **kwargs):
        return SlowReader.real(fmt, _Slow(stream), **kwargs)


class _Slow:
    def __init__(self, stream) -> None:
        self._s = stream

    def _wait(self) -> None:
        SlowReader.started.set()
        time.sleep(0.02)

    def read(self, n=-1):
        self._wait()
        return self._served(self._s.read(n))

    def readinto(self, buf):
        self._wait()
        return self._served(self._s.readinto(buf))

    def seek(self, offset, whence=0):
        self._wait()
        return self._served(self._s.seek(offset, whence))

    @staticmethod
    def _served(result):
        SlowReader.served += 1
        return result

    def tell(self):
        return self._s.tell()

    def write(self, _data):
        raise OSError("read only")

    def flush(self):
        return None


@pytest.fixture
def slow_reader(monkeypatch):
    SlowReader.real = c2pa.Reader
    SlowReader.started, SlowReader.served = threading.Event(), 0
    monkeypatch.setattr(c2pa, "Reader", SlowReader)
    return SlowReader


def test_a_reader_past_its_time_limit_is_stopped_and_named(capsys, made, slow_reader,
                                                           monkeypatch):
    monkeypatch.setattr(credentials, "TIME_BASE_S", 0.5)
    code, out = verify(capsys, made[0], made[1])
    assert code == 3
    # The limit that stopped it is named (not a clock): a Reader left to finish, or stopped
    # by another limit, would not say so.
    (problem,) = out["problems"]
    assert problem.startswith(f"data/{made[2]}: the check of its Content Credentials was stopped")
    assert "still reading it after 1 s" in problem
    assert out["clips"][0]["stopped"]


@pytest.mark.skipif(os.name != "posix", reason="sends itself SIGINT")
def test_ctrl_c_inside_the_reader_stops_verify_at_once_with_130(capfd, made, slow_reader):
    served_by_then = []

    def interrupt() -> None:
        if slow_reader.started.wait(30):
            time.sleep(0.3)
            os.kill(os.getpid(), signal.SIGINT)
            served_by_then.append(slow_reader.served)   # when the signal was already sent
    interrupter = threading.Thread(target=interrupt)
    interrupter.start()
    code = main(["--home", str(made[0]), "verify", str(made[1])])
    interrupter.join()
    err = capfd.readouterr().err
    assert served_by_then and code == 130, err
    # Not a read served after the one under way when the signal came (not a clock): the
    # Reader had hundreds left.
    assert slow_reader.served - served_by_then[0] <= 1, (slow_reader.served, served_by_then)
    assert "Exception ignored" not in err and "Traceback" not in err
    assert "interrupted" in err


# 4. --ca must be a certificate ----------------------------------------------------------------

@pytest.mark.parametrize("text", ['{"registration_ca": "..."}\n',
                                  "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA"
                                  "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"
                                  "-----END PUBLIC KEY-----\n"])
def test_a_ca_file_that_is_not_a_certificate_is_a_usage_error(capsys, made, tmp_path, text):
    ca = tmp_path / "agency.json"
    ca.write_text(text)
    code, err = run(capsys, made[0], made[1], "--ca", str(ca))
    assert code == 2
    assert f"--ca: {ca} is not a PEM certificate" in err
    assert "changed" not in err


# 5. provenance.json and the manifest agree both ways ------------------------------------------

def test_payload_files_provenance_does_not_list_fail_and_extra_clips_are_checked(
        capsys, made, package):
    clip = clip_of(package, made)
    extra = clip.with_name(clip.stem + "_full.mp4")
    extra.write_bytes(without_credentials(clip))
    (package / "data" / "notes.txt").write_text("slipped in")
    reseal(package, key_of(made[0]))
    code, out = verify(capsys, made[0], package)
    assert code == 3
    for name in (f"data/{extra.name}", "data/notes.txt"):
        assert (f"{name} is in the manifest, but data/provenance.json does not list it as an "
                "output: it is not part of what was exported.") in out["problems"], out
    assert {c["path"] for c in out["clips"]} == {f"data/{made[2]}", f"data/{extra.name}"}


# 6. The signed name -----------------------------------------------------------------------------

def test_a_renamed_package_verifies_and_says_the_name_it_was_sealed_under(capsys, made, package,
                                                                           tmp_path):
    renamed = package.rename(package.parent / "CASE-9999_frontdoor_20261231T230000Z")
    code, err = run(capsys, made[0], renamed)
    assert code == 0
    assert (f"note: This package was sealed as '{made[1].name}', but its folder is named "
            "'CASE-9999_frontdoor_20261231T230000Z': it was renamed after sealing.") in err
    tar = tar_of(made[1], tmp_path / "p.tar", "OTHER-CASE_garage_20200101T000000Z")
    code, out = verify(capsys, made[0], tar)
    assert code == 0 and "'OTHER-CASE_garage_20200101T000000Z'" in out["notes"][0]
    code, out = verify(capsys, made[0], made[1])
    assert code == 0 and out["notes"] == []


def test_a_package_checked_from_inside_its_folder_is_not_called_renamed(capsys, made,
                                                                        monkeypatch):
    monkeypatch.chdir(made[1])
    code, out = verify(capsys, made[0], Path("."))
    assert code == 0 and out["notes"] == [], out


# 7. Bounded problems ----------------------------------------------------------------------------

def test_a_manifest_of_countless_bad_lines_gives_a_bounded_report(capsys, made, package):
    (package / "manifest-sha256.txt").write_bytes(b"x\n" * (400 << 10))
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert len(out["problems"]) <= 40
    assert "manifest-sha256.txt: ... and 409,580 more lines like these." in out["problems"]
    (package / "manifest-sha256.txt").write_bytes(b"x\n" * (1 << 20))
    code, out = verify(capsys, made[0], package)
    assert "manifest-sha256.txt is too large to be a genuine package file." in out["problems"]


def test_problems_past_the_cap_are_counted(tmp_path):
    bag = tmp_path / "bag"
    (bag / "data").mkdir(parents=True)
    for n in range(150):
        (bag / f"extra{n:03}.txt").write_text("x")
    (bag / "bagit.txt").write_text("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    (bag / "tagmanifest-sha256.txt").write_text(f"{sha(bag / 'bagit.txt')}  bagit.txt\n")
    problems = verify_package(bag).problems
    assert len(problems) == 101
    assert problems[-1].startswith("... and ") and problems[-1].endswith(" more problems.")


# 8. As strict as stock bagit ------------------------------------------------------------------

@pytest.mark.parametrize("name, change, expected", [
    ("bagit.txt", lambda t: "\ufeff" + t, "bagit.txt begins with a byte-order mark"),
    ("bag-info.txt", lambda t: "Payload-Oxum: 1.1\n" + t, "bag-info.txt gives Payload-Oxum more than once"),
])
def test_what_stock_bagit_refuses_is_refused(capsys, made, package, name, change, expected):
    path = package / name
    path.write_text(change(path.read_text()), encoding="utf-8")
    resign_tags(package, key_of(made[0]))
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert any(expected in p for p in out["problems"]), out


# 9. A file browser's leftovers ------------------------------------------------------------------

def test_a_finder_file_beside_the_package_is_a_note_and_in_data_a_plain_problem(capsys, made,
                                                                                package):
    (package / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (package / "Thumbs.db").write_bytes(b"x")
    code, err = run(capsys, made[0], package)
    assert code == 0, err
    assert ("note: .DS_Store is not part of the signed package: Finder (macOS) left it in the "
            "folder. It was ignored and can be deleted.") in err
    assert "note: Thumbs.db is not part of the signed package: Windows Explorer" in err
    (package / "data" / f"._{made[2]}").write_bytes(b"\0\5\26\7")
    (package / "NOTES.txt").write_text("this clip shows the suspect")
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert (f"data/._{made[2]} is an extra file in data/ that is not part of the signed package "
            "(a file macOS (on a USB stick or network drive) adds to folders): delete it and "
            "check again.") in out["problems"]
    assert ("NOTES.txt is an extra file that is not part of the signed package (neither "
            "tagmanifest-sha256.txt nor the signature covers it).") in out["problems"]
