"""An agency file as an owner saves it on Windows (trust hunt 9). Notepad's "UTF-8 with BOM"
(its "UTF-8" before 2019) put a byte-order mark before the JSON, and "Unicode" or Windows
PowerShell's `>` write UTF-16: `agencies add FILE` refused the first as "the agency file is not
valid JSON" and the second as "not UTF-8 text", where a request file saved the same way is
read. Each is read now; what the trust store keeps is plain UTF-8 JSON, as every
version of its reader takes it. And an empty file (a download cut to nothing) was
"not valid JSON" too: it is said to be empty."""
from __future__ import annotations

import codecs
import json
import os

import pytest

from agent.cli import main
from agent.requests.agencies import TrustStore
from frp.agency import read_agency
from tests.test_agencies import agency_doc

NAME = "Policía Municipal de Ejemplo"   # a letter UTF-16 and UTF-8 write differently
TEXT = json.dumps(agency_doc(name=NAME), ensure_ascii=False, indent=2)
SAVED = {
    "Notepad's UTF-8 with BOM": codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    "Notepad's Unicode (UTF-16)": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    "Notepad's UTF-16 BE": codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    "Windows line ends and a BOM": codecs.BOM_UTF8 + TEXT.replace("\n", "\r\n").encode(),
}


def _run(capsys, home, *args) -> tuple[int, str, str]:
    code = main(["--home", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("how", sorted(SAVED))
def test_an_agency_file_saved_by_windows_notepad_is_added_and_kept_as_plain_utf8(
        tmp_path, home, capsys, how):
    path = tmp_path / "agency.json"
    path.write_bytes(SAVED[how])
    code, out, err = _run(capsys, home, "agencies", "add", str(path))
    assert code == 0 and out.startswith(f"added {NAME} (https://police.example.gov)"), \
        (how, code, out, err)
    (kept,) = (home / "agencies").glob("*.json")
    raw = kept.read_bytes()
    # Kept as the strict reader of every version reads it: UTF-8, no mark.
    assert raw.startswith(b"{") and read_agency(raw).name == NAME
    assert TrustStore(home).get("https://police.example.gov").name == NAME
    # The same file again is the agency trusted already, not a change.
    code, out, err = _run(capsys, home, "agencies", "add", str(path))
    assert code == 0 and "trusted already with this same file; nothing changed" in out, err


def test_an_agency_file_saved_with_a_mark_given_as_a_request_names_agencies_add(
        tmp_path, home, capsys):
    path = tmp_path / "agency.json"
    path.write_bytes(SAVED["Notepad's UTF-8 with BOM"])
    code, out, err = _run(capsys, home, "import-request", str(path))
    assert code == 3 and "is an agency file, not a request: add it with" in err, err


EMPTY = {"no bytes": b"", "spaces and a line end": b"  \r\n", "a mark alone": codecs.BOM_UTF8,
         "UTF-16's mark alone": codecs.BOM_UTF16_LE}


@pytest.mark.parametrize("what", sorted(EMPTY))
def test_an_empty_agency_file_is_said_to_be_empty(tmp_path, home, capsys, what):
    path = tmp_path / "agency.json"
    path.write_bytes(EMPTY[what])
    code, out, err = _run(capsys, home, "agencies", "add", str(path))
    assert code == 3 and out == "", (what, code, out, err)
    assert err.strip() == ("footage-agent: agency.json: this is not an agency file (it is "
                           "empty): ask your city's camera program for its agency file, the "
                           ".json file it publishes for camera owners"), (what, err)
    assert TrustStore(home).list() == []


@pytest.mark.skipif(os.name != "posix", reason="/dev/null is a POSIX path")
def test_dev_null_is_said_to_be_no_file(home, capsys):
    """A device is no agency file the owner was sent: it is said as one (exit 2), as a named
    pipe is, whose opening would wait for ever (test_agency_folder_odd_files.py); an empty
    file is said to be empty (above)."""
    code, out, err = _run(capsys, home, "agencies", "add", "/dev/null")
    assert code == 2 and "/dev/null is not an ordinary file (a named pipe or a device)" in err, \
        (code, err)
    assert TrustStore(home).list() == []


def test_a_file_of_other_bytes_is_still_named_as_no_text(tmp_path, home, capsys):
    path = tmp_path / "agency.json"
    path.write_bytes(b"\xff\xd8\xff\xe0 a picture, not text")
    code, out, err = _run(capsys, home, "agencies", "add", str(path))
    assert code == 3 and "agency.json: the agency file is not UTF-8 text" in err, err


def test_a_note_saved_as_utf16_big_endian_is_text_to_import_request(tmp_path, home, capsys):
    """Its NULs are text after its mark, as after UTF-16's little-endian one: the note is said
    to hold no signed request, not to be no text at all."""
    path = tmp_path / "note.txt"
    path.write_bytes(codecs.BOM_UTF16_BE + "Dear owner, see the attached".encode("utf-16-be"))
    code, out, err = _run(capsys, home, "import-request", str(path))
    assert code == 3 and "is not a footage request (it holds no signed request)" in err, err
