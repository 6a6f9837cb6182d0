"""How much room the home folder takes, by what it holds (`space`, Agent.home_space): an owner
on a small disk was never told, and delivered packages and safe copies stay for good. Against
the real reference portal and its tus server: a package whose upload was refused is not yet
delivered; once its receipt is kept it is, and its tar is gone."""
from __future__ import annotations

import shutil
from pathlib import Path

from agent.service import Agent
from tests.test_delivery_faults import World, footage, package_folder, refuse_one_patch, world

__all__ = ["footage", "world"]


def bytes_under(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file())


def test_space_says_what_the_home_holds_by_kind(world: World):
    home = world.run.home
    assert world.run("inbox", "hold", "--", world.jti)[0] == 0
    refuse_one_patch(world)
    space = world.run.json("space")
    package = package_folder(world)
    assert space["delivered"] == {"size": 0, "count": 0}
    assert space["undelivered"]["count"] == 1
    assert space["undelivered"]["size"] == (bytes_under(home / "packages")
                                            + bytes_under(home / "outbox")
                                            + bytes_under(home / "uploads"))
    assert space["undelivered"]["size"] > bytes_under(package) > 0   # the tar is there too
    assert space["holds"] == {"size": bytes_under(home / "holds"), "count": 1}
    assert space["holds"]["size"] > 0

    code, _, err = world.approve()
    assert code == 0, err
    space = world.run.json("space")
    assert space["delivered"] == {"size": bytes_under(package), "count": 1}
    assert space["undelivered"] == {"size": 0, "count": 0}   # its tar let go of
    # the rest is the index, inbox, log and settings (with the databases' logs while open)
    assert space["total"] - space["records"] == (bytes_under(home / "packages")
                                                 + bytes_under(home / "holds"))
    assert space["records"] > (home / "index.db").stat().st_size + (home / "audit.log").stat(
        ).st_size
    assert 0 < space["free"] <= shutil.disk_usage(home).total

    code, out, err = world.run("space")
    assert code == 0, err
    assert "packages delivered (the agency has them; kept as your copy)" in out
    assert "(1 package)" in out and f"{home}: " in out
    assert f"kept in {home / 'packages'}" in err


def test_a_home_moved_elsewhere_still_knows_its_delivered_packages(world: World, tmp_path):
    # The inbox keeps each package's path as it was made; a home restored or moved to another
    # folder still holds the same packages.
    assert world.approve()[0] == 0
    moved = tmp_path / "moved-home"
    shutil.copytree(world.run.home, moved)
    agent = Agent(moved)
    try:
        space = agent.home_space()
    finally:
        agent.close()
    assert space.delivered.count == 1
    assert space.delivered.size == bytes_under(package_folder(world))
    assert space.undelivered.size == 0
