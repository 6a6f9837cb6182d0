"""`agencies`: the trust store of agencies whose requests the owner accepts."""
from __future__ import annotations

from pathlib import Path

from agent.commands import registrations
from agent.commands.common import Refused, print_json, say
from agent.commands.requests import mapped
from frp.text import one_line


def add_parsers(sub, common) -> None:
    a = sub.add_parser("agencies", parents=[common], help="agencies you trust (the trust store)")
    aa = a.add_subparsers(dest="action", required=True)
    p = aa.add_parser("add", parents=[common], help="import an agency file and show its keys")
    p.add_argument("file")
    p.set_defaults(func=agencies_add)
    p = aa.add_parser("list", parents=[common], help="list trusted agencies")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=agencies_list)
    p = aa.add_parser("remove", parents=[common], help="forget an agency")
    p.add_argument("id")
    p.set_defaults(func=agencies_remove)
    registrations.add_parsers(aa, common)


# agencies ----------------------------------------------------------------------------------
@mapped
def agencies_add(agent, args) -> int:
    agency = agent.requests.trust.add(Path(args.file))
    print(f"added {one_line(agency.name)} ({one_line(agency.id)})")
    print(f"  phone:  {one_line(agency.phone)}")
    print(f"  portal: {one_line(agency.portal)}")
    print("  key fingerprints (compare them with the ones the agency publishes):")
    for fp in agency.fingerprints():
        print(f"    {fp}")
    return 0


@mapped
def agencies_list(agent, args) -> int:
    trust = agent.requests.trust
    regs = trust.registrations()
    rows = [{"id": a.id, "name": a.name, "phone": a.phone, "portal": a.portal,
             "upload_origins": list(a.upload_origins), "fingerprints": list(a.fingerprints()),
             "max_window_s": a.max_window_s, "registrations": regs.get(a.id, []),
             "can_register": a.registration_ca is not None}
            for a in trust.list()]
    damaged = agent.damaged_agencies()
    for d in damaged:  # never trusted, but shown: the owner should know one went bad
        line = (f"damaged agency file {one_line(d.file)}: {one_line(d.problem)} (not trusted; "
                "import the agency's file again to replace it)")
        if args.json:
            say(line)
    if args.json:
        print_json(rows)
        return 0
    for d in damaged:
        print(f"DAMAGED\t{one_line(d.file)}\t{one_line(d.problem)}\t(not trusted; import the "
              "agency's file again to replace it)")
    for r in rows:
        print(f"{one_line(r['id'])}\t{one_line(r['name'])}\t{one_line(r['phone'])}\t"
              f"registrations: {', '.join(map(one_line, r['registrations'])) or 'none'}")
    if not rows and not damaged:
        say("no agencies yet: import one with `footage-agent agencies add FILE`")
    return 0


@mapped
def agencies_remove(agent, args) -> int:
    if not agent.requests.trust.remove(args.id):
        raise Refused(f"no agency '{args.id}' is in your trust store")
    say(f"removed {one_line(args.id)} and its registrations")
    return 0
