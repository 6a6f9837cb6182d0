"""`agencies`: the trust store of agencies whose requests the owner accepts."""
from __future__ import annotations

from pathlib import Path

from agent.commands.common import Refused, UsageError, print_json, say
from agent.commands.requests import mapped, plain


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
    p = aa.add_parser("register", parents=[common],
                      help="record the registration id (and portal token) an agency gave you")
    p.add_argument("id", help="the agency id")
    p.add_argument("--id", dest="registration", required=True, help="your registration id")
    p.add_argument("--token-file", help="file holding the portal token (kept secret, 0600)")
    p.set_defaults(func=agencies_register)


# agencies ----------------------------------------------------------------------------------
@mapped
def agencies_add(agent, args) -> int:
    agency = agent.requests.trust.add(Path(args.file))
    print(f"added {plain(agency.name)} ({agency.id})")
    print(f"  phone:  {plain(agency.phone)}")
    print(f"  portal: {agency.portal}")
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
             "max_window_s": a.max_window_s, "registrations": regs.get(a.id, [])}
            for a in trust.list()]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"{r['id']}\t{plain(r['name'])}\t{plain(r['phone'])}\t"
              f"registrations: {', '.join(r['registrations']) or 'none'}")
    if not rows:
        say("no agencies yet: import one with `footage-agent agencies add FILE`")
    return 0


@mapped
def agencies_remove(agent, args) -> int:
    if not agent.requests.trust.remove(args.id):
        raise Refused(f"no agency '{args.id}' is in your trust store")
    say(f"removed {args.id} and its registrations")
    return 0


@mapped
def agencies_register(agent, args) -> int:
    token = None
    if args.token_file:
        try:
            token = Path(args.token_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"--token-file: cannot read {args.token_file} ({exc})") from None
    agent.requests.trust.register(args.id, args.registration, token)
    say(f"registered '{args.registration}' with {args.id}" + (" (portal token saved)" if token else ""))
    return 0
