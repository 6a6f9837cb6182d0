"""`footage-agent verify` holds a package's README.txt to its provenance.json. Whoever is handed
the package reads the README: a README saying another camera, window, stretch not recorded or
owner than the signed record, sealed again with the owner key, passed as OK (exit 0). Its fact
lines are now made again from the record and compared; its prose is not."""
from __future__ import annotations

import json

from tests.credentials_support import reseal
from tests.test_verify_credentials import key_of, made, package, verify  # noqa: F401

LEAD = "README.txt does not say what data/provenance.json says: "


def _edit_readme(package, *changes: tuple[str, str]) -> None:
    readme = package / "README.txt"
    text = readme.read_bytes().decode("utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    readme.write_bytes(text.encode("utf-8"))


def test_a_readme_naming_another_camera_and_window_fails_though_resealed(capsys, made, package):
    _edit_readme(package, ("Camera: porch", "Camera: yard"),
                 ("Time: 2026-11-20 22:00:01 UTC", "Time: 2026-11-20 21:50:01 UTC"))
    reseal(package, key_of(made[0]))
    code, out = verify(capsys, made[0], package)
    assert code == 3 and not out["ok"]
    assert out["problems"] == [
        f"{LEAD}its camera line reads 'Camera: yard', where the record makes it "
        "'Camera: porch'.",
        f"{LEAD}its window line reads 'Time: 2026-11-20 21:50:01 UTC to 2026-11-20 22:00:06 "
        "UTC', where the record makes it 'Time: 2026-11-20 22:00:01 UTC to 2026-11-20 "
        "22:00:06 UTC'."]


def test_a_readme_adding_a_stretch_not_recorded_or_naming_another_owner_fails(
        capsys, made, package):
    owner = key_of(made[0]).public.owner_id()
    gap = ("Nothing was recorded from 2026-11-20 22:00:02 UTC to 2026-11-20 22:00:03 UTC: in "
           "the player the picture stands still from 0:01 to 0:02.")
    _edit_readme(package, ("TO KEEP IT AS EVIDENCE", f"NOT IN THE VIDEO\r\n  {gap}\r\n\r\n"
                                                     "TO KEEP IT AS EVIDENCE"),
                 (f"by owner {owner}:", "by owner SOMEONE-ELSE:"))
    reseal(package, key_of(made[0]))
    code, out = verify(capsys, made[0], package)
    assert code == 3
    day = next(line.split(": ")[1] for line in (package / "bag-info.txt").read_text().splitlines()
               if line.startswith("Bagging-Date"))
    assert out["problems"] == [
        f"{LEAD}its stretch not recorded line '{gap}' is not in the record.",
        f"{LEAD}its sealed by line reads 'It was sealed on {day} (UTC) by owner SOMEONE-ELSE:', "
        f"where the record makes it 'It was sealed on {day} (UTC) by owner {owner}:'."]


def test_a_readme_whose_commands_name_another_package_fails(capsys, made, package):
    _edit_readme(package, (f'footage-agent verify "{package.name}"',
                           'footage-agent verify "manual_yard"'))
    key = key_of(made[0])
    reseal(package, key)
    tags = package / "tagmanifest-sha256.txt"   # signed as footage-agent signs, with its name
    (package / "tagmanifest-sha256.txt.minisig").write_text(key.minisign(
        tags.read_bytes(), f"footage-agent package {package.name} owner {key.public.owner_id()}"))
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        "README.txt gives the command 'footage-agent verify \"manual_yard\"   (in the folder "
        f"holding this one)', but the package was sealed as '{package.name}'."]


def test_a_readme_whose_prose_alone_changed_still_verifies(capsys, made, package):
    # The prose is free to change from one version of footage-agent to the next.
    _edit_readme(package, ("TO WATCH THE VIDEO", "TO PLAY THE VIDEO"))
    reseal(package, key_of(made[0]))
    code, out = verify(capsys, made[0], package)
    assert code == 0, out["problems"]


def test_a_record_in_a_zone_this_computer_does_not_know_is_compared_in_utc(capsys, made,
                                                                          package):
    from tests.test_verify_credentials import _resign
    prov = package / "data/provenance.json"
    record = json.loads(prov.read_text())
    record["clock"]["time_zones"] = ["Etc/Not-A-Zone-Here"]
    prov.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    _resign(package, made, key_of(made[0]), lambda r: None)   # the clip's credentials say it too
    code, out = verify(capsys, made[0], package)
    assert code == 0, out["problems"]
    assert ("README.txt's times in 'Etc/Not-A-Zone-Here' were not compared with "
            "data/provenance.json (its UTC times were): this computer does not know that time "
            "zone.") in out["notes"]


def test_a_readme_saying_the_clip_carries_credentials_it_lacks_fails(capsys, made, package):
    # A holder of the key may strip the clip's credentials and their mention in the record;
    # the README still told whoever was handed the package that the video carries them.
    from tests.credentials_support import without_credentials
    prov = package / "data/provenance.json"
    record = json.loads(prov.read_text())
    clip = package / record.pop("content_credentials")["clip"]
    clip.write_bytes(without_credentials(clip))
    prov.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    reseal(package, key_of(made[0]))
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        f"{LEAD}its Content Credentials line 'The video also carries its own signed Content "
        "Credentials (C2PA), which stay with' is not in the record."]


def test_a_zone_this_computer_does_not_know_still_holds_the_utc_times(capsys, made, package):
    # The record's zone is the record's to say: one no computer knows must not switch off the
    # comparison of the README's stretches not recorded, which it did.
    from tests.test_verify_credentials import _resign
    prov = package / "data/provenance.json"
    record = json.loads(prov.read_text())
    record["clock"]["time_zones"] = ["Etc/Not-A-Zone-Here"]
    prov.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    gap = ("Nothing was recorded from 2026-11-20 22:00:02 UTC to 2026-11-20 22:00:03 UTC "
           "(2026-11-20 14:00:02 PST to 2026-11-20 14:00:03 PST): in the player the picture "
           "stands still from 0:01 to 0:02.")
    _edit_readme(package, ("TO KEEP IT AS EVIDENCE",
                           f"NOT IN THE VIDEO\r\n  {gap}\r\n\r\nTO KEEP IT AS EVIDENCE"))
    _resign(package, made, key_of(made[0]), lambda r: None)
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        f"{LEAD}its stretch not recorded line 'Nothing was recorded from 2026-11-20 22:00:02 UTC "
        "to 2026-11-20 22:00:03 UTC: in the player the picture stands still from 0:01 to "
        "0:02.' is not in the record."]
