"""A camera or case named in letters other than English's gave packages names nobody could
read: "Küche" became `K-che`, "Entrée" `Entr-e`, and "Вход", "Двор" or "玄関" all `camera`, so
two such cameras' packages differed only by a number. Package folders now keep letters and
digits of any script (NFC), refusing still what some file system refuses; the clip's name
inside the bag stays ASCII (naming.py says why). Lengths are counted as Windows counts them
(UTF-16 units) and stay within Linux's 255 bytes a name. The export, bagit.py, minisign and
the reference portal are real."""
from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata

import bagit
import pytest

from agent.cli import main
from agent.export.naming import PART_MAX, clip_name, name_part, package_name, readable_name
from agent.export.path_room import WINDOWS_MAX_PATH, longest_inside, windows_room_problem
from agent.storage import safe_name
from demo.samples import ClipSpec, write_clip
from tests.conftest import t
from tests.portal_support import deliver, package_tar
from tests.test_portal_footage_window import approved, clips, says, token_id  # noqa: F401

A, B = t("2026-11-20T22:00:01Z"), t("2026-11-20T22:00:03Z")
ASTRAL = "\U00020000"   # a CJK letter past U+FFFF: two UTF-16 units, four UTF-8 bytes


def test_letters_of_any_script_are_kept_composed():
    for name in ("Küche", "Entrée", "Вход", "Двор", "玄関", "Κουζίνα", "गेट", "باب"):
        assert readable_name(name) == unicodedata.normalize("NFC", name)
    assert readable_name(unicodedata.normalize("NFD", "Küche")) == "Küche"   # as macOS types it
    names = {package_name("manual", cam, A, B, "copy") for cam in ("Вход", "Двор")}
    assert len(names) == 2 and all("camera" not in n for n in names)


def test_what_a_file_system_refuses_is_still_replaced():
    assert readable_name('a<b>c:d"e/f\\g|h?i*j') == "a-b-c-d-e-f-g-h-i-j"   # Windows'
    assert readable_name("Küche\x00\x1f\x7f") == "Küche"                   # control characters
    assert readable_name("gate\u202egpj.exe") == "gate-gpj.exe"           # right-to-left override
    assert readable_name("Hof\u3164") == "Hof"                             # a letter drawn as nothing
    assert readable_name("Entrée. ") == "Entrée"                           # Windows drops a final dot
    assert readable_name("COM¹") == "_COM¹" and readable_name("con.Küche") == "_con.Küche"
    assert readable_name("🌳🌳") == "camera"
    for ascii_name in ("porch", "Front door (north)", "a..b", "-x-", "aux", "2026/CR/7", ""):
        assert readable_name(ascii_name) == safe_name(ascii_name)   # as before


def test_lengths_are_counted_as_windows_counts_them_and_fit_linux_bytes():
    part = name_part(ASTRAL * 30, readable=True)
    assert len(part.encode("utf-16-le")) // 2 <= PART_MAX and part.startswith(ASTRAL * 8)
    worst = package_name(ASTRAL * 30, "Ж" * 40, A, B, "exact", audio=True, masks=True,
                         faces=True, muted=True) + "_999"
    # Its tar, while written: `.<name>.tar.partial-XXXXXXXX`, one name on the disk.
    assert len(f".{worst}.tar.partial-12345678".encode()) <= 255
    inside = longest_inside(worst, clip_name("Ж", A, B))
    assert longest_inside(ASTRAL, "x") == longest_inside("ab", "x")   # two units, as Windows
    # A folder whose path is 259 characters with the package's, but more UTF-16 units.
    n = WINDOWS_MAX_PATH - 3 - inside
    problem = windows_room_problem("C:\\" + ASTRAL * n, inside, long_paths=False)
    assert problem is not None and f"would be {WINDOWS_MAX_PATH + n} characters" in problem


@pytest.fixture(scope="module")
def kitchen(tmp_path_factory):
    """A real export by hand of a camera named "Küche": (home, package folder)."""
    root = tmp_path_factory.mktemp("kitchen")
    rec = root / "rec"
    write_clip(ClipSpec(path=rec / "porch.20261120_220000.mp4",
                        start_us=t("2026-11-20T22:00:00Z"), seconds=4, fps=10, gop_s=1.0))
    home, out = root / "home", root / "out"
    assert main(["--home", str(home), "sources", "add", str(rec), "--camera", "Küche",
                 "--tz", "UTC"]) == 0
    assert main(["--home", str(home), "scan"]) == 0
    assert main(["--home", str(home), "export", "--camera", "Küche", "--from",
                 "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:03Z", "--out", str(out)]) == 0
    (package,) = out.iterdir()
    return home, package


def test_an_export_of_a_camera_named_in_other_letters_reads_so_and_verifies(kitchen, capsys):
    home, package = kitchen
    assert package.name == "manual_Küche_20261120T220001Z-20261120T220003Z_copy"
    (clip,) = (package / "data").glob("*.mp4")
    assert clip.name.isascii()   # inside the bag, as ever
    bagit.Bag(str(package)).validate()
    subprocess.run(["minisign", "-Vm", str(package / "tagmanifest-sha256.txt"), "-p",
                    str(package / "data" / "owner.pub"), "-x",
                    str(package / "tagmanifest-sha256.txt.minisig")], check=True,
                   capture_output=True)
    capsys.readouterr()
    assert main(["--home", str(home), "verify", str(package), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and not any("renamed" in n for n in report["notes"])


def test_a_copy_whose_name_came_back_decomposed_is_not_called_renamed(kitchen, tmp_path, capsys):
    """macOS's HFS+ (a Mac's older drives) stores names decomposed: the same name."""
    home, package = kitchen
    copy = tmp_path / unicodedata.normalize("NFD", package.name)
    shutil.copytree(package, copy)
    capsys.readouterr()
    assert main(["--home", str(home), "verify", str(copy), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and not any("renamed" in n for n in report["notes"]), report


def test_the_portal_takes_a_package_named_in_other_letters(approved, clips, tmp_path):  # noqa: F811
    portal, origin, client, owner, bearer, token, start = approved
    name = package_name("2026-1", "Küche", start, start + 2 * 10**6, "copy")
    tar = package_tar(owner, clips[0], tmp_path / "p", name=name, request=token,
                      says=says(start))
    r = deliver(client, origin, bearer, token_id(token), tar.read_bytes())
    assert r.status_code == 201, r.text
    (row,) = portal.submissions()
    checks = {c["name"]: c for c in row["checks"]}
    assert checks["package_valid"]["ok"], checks["package_valid"]
