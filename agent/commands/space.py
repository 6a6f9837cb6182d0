"""`space`: how much room footage-agent's own folder takes on the disk, by what it holds."""
from __future__ import annotations

import os

from agent.commands.common import print_json, say
from agent.commands.progress import amount
from agent.commands.desk_common import mapped
from frp.count_words import counted


def add_parsers(sub, common) -> None:
    p = sub.add_parser("space", parents=[common],
                       help="how much room this app's folder takes on the disk, by what it holds")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=space_show)


@mapped
def space_show(agent, args) -> int:
    space = agent.home_space()
    if args.json:
        print_json({"home": space.home, "total": space.total, "free": space.free,
                    "delivered": _kept(space.delivered),
                    "undelivered": _kept(space.undelivered),
                    "holds": _kept(space.holds), "caches": space.caches.size,
                    "records": space.records.size, "unsorted": space.unsorted})
        return 0
    packages = [
        ("packages delivered (the agency has them; kept as your copy)",
         space.delivered.size, counted(space.delivered.count, "package")),
        ("packages not yet delivered", space.undelivered.size,
         counted(space.undelivered.count, "package")),
    ] if space.unsorted is None else [
        ("packages (which were delivered cannot be told now)", space.undelivered.size,
         counted(space.undelivered.count, "package")),
    ]
    rows = packages + [
        ("safe copies of recordings", space.holds.size, counted(space.holds.count, "request")),
        ("caches (footage from recorders)", space.caches.size, ""),
        ("index, inbox, activity log, settings and keys", space.records.size, ""),
    ]
    print(f"{space.home}: {amount(space.total, 'B')}")
    for what, size, count in rows:
        print(f"  {what}: {amount(size, 'B')}" + (f" ({count})" if count else ""))
    if space.free is not None:
        print(f"free on its disk: {amount(space.free, 'B')}")
    if space.unsorted is not None:
        say(f"note: which packages were delivered cannot be told now: {space.unsorted}")
    if space.delivered.count:
        say(f"note: delivered packages are kept in {space.home}{os.sep}packages as your copy of "
            "what the agency received")
    return 0


def _kept(kept) -> dict:
    return {"size": kept.size, "count": kept.count}
