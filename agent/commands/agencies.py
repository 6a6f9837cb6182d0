"""`agencies`: the trust store of agencies whose requests the owner accepts."""
from __future__ import annotations

from pathlib import Path

from agent.commands import registrations
from agent.commands.common import Refused, print_json, readable_file, say
from agent.commands.file_kinds import refused_for_the_other_command
from agent.commands.desk_common import mapped
from agent.requests.agencies import TrustStoreError
from agent.requests.agency_changes import (ReplaceRefused, TrustStoreFailure, keys_shared,
                                           shared_key_marks)
from frp.text import one_line


def add_parsers(sub, common) -> None:
    a = sub.add_parser("agencies", parents=[common], help="agencies you trust (the trust store)")
    aa = a.add_subparsers(dest="action", required=True)
    p = aa.add_parser("add", parents=[common], help="import an agency file and show its keys")
    p.add_argument("file")
    p.add_argument("--replace", action="store_true",
                   help="replace the details of an agency you trust already (its keys, phone, "
                        "portal, ...) with this file's; without it such a file is refused")
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
    readable_file(args.file, "the agency file")
    try:
        change = agent.requests.trust.import_file(Path(args.file), args.replace)
    except ReplaceRefused as exc:
        _say_change(exc.change, "would replace")
        raise
    except TrustStoreError as exc:   # a request given for the agency file: say so
        raise refused_for_the_other_command(args.file, "agency") or exc
    agency = change.agency
    if change.before is None:
        print(f"added {one_line(agency.name)} ({one_line(agency.id)})")
    elif change.restored:
        print(f"put back {one_line(agency.name)} ({one_line(agency.id)}) as you accepted it: "
              "its file had been changed since")
    elif change.replaces:
        _say_change(change, "replaced")
        print(f"REPLACED {one_line(change.before.name)} ({one_line(agency.id)}) with:")
    else:
        print(f"{one_line(agency.name)} ({one_line(agency.id)}) is trusted already with this "
              "same file; nothing changed")
    print(f"  phone:  {one_line(agency.phone)}")
    print(f"  portal: {one_line(agency.portal)}")
    print("  key fingerprints (compare them with the ones the agency publishes):")
    for fp in agency.fingerprints():
        print(f"    {fp}")
    return 0


def _say_change(change, verb: str) -> None:
    """Tell the owner, on stderr, what a file replacing a trusted agency changes."""
    before = change.before
    say(f"This file {verb} the trusted {one_line(before.name)} ({one_line(before.id)}):")
    for what, was, now in change.differences:
        say(f"  {what}: {one_line(was)}  ->  {one_line(now)}")
    if change.forgotten:
        gone = ", ".join(map(one_line, change.forgotten))
        say(f"  your registrations with it ({gone}) {'are' if verb == 'replaced' else 'would be'}"
            " forgotten on this computer: they were made with the old portal and upload "
            "addresses, and their portal password is never sent anywhere else. Register again "
            "with an invite code from the agency; to have the old portal forget them too, run "
            "`agencies unregister` before replacing")


# What replaces a damaged agency file; not said of one a newer version's record leaves
# untrusted (its problem says to install that version again).
_AGAIN = "; import the agency's file again to replace it"


@mapped
def agencies_list(agent, args) -> int:
    trust = agent.requests.trust
    problem = trust.unreadable_folder()
    if problem is not None:   # never "no agencies yet": the owner may trust several
        raise TrustStoreFailure(problem)
    regs, trusted = trust.registrations(), trust.list()
    rows = [{"id": a.id, "name": a.name, "phone": a.phone, "portal": a.portal,
             "upload_origins": list(a.upload_origins), "fingerprints": list(a.fingerprints()),
             "max_window_s": a.max_window_s, "registrations": regs.get(a.id, []),
             "can_register": a.registration_ca is not None}
            for a in trusted]
    both = keys_shared(trusted)
    shared = [(aid, words) for aid, marks in shared_key_marks(trusted).items()
              for words in marks]
    for r in rows:   # each key it lists that another trusted agency lists too
        r["shared_keys"] = [{"fingerprint": s.fingerprint, "with": s.other.id}
                            for s in both if s.agency.id == r["id"]]
    damaged = agent.damaged_agencies()
    for d in damaged:  # never trusted, but shown: the owner should know one went bad
        line = (f"damaged agency file {one_line(d.file)}: {one_line(d.problem)} (not trusted"
                f"{_AGAIN if not d.newer else ''})")
        if args.json:
            say(line)
    for aid, words in shared:   # trusted, but requests signed with the key are refused
        if args.json:
            say(f"agency {one_line(aid)} {words}")
    if args.json:
        print_json(rows)
        return 0
    for d in damaged:
        print(f"DAMAGED\t{one_line(d.file)}\t{one_line(d.problem)}\t(not trusted"
              f"{_AGAIN if not d.newer else ''})")
    for r in rows:
        print(f"{one_line(r['id'])}\t{one_line(r['name'])}\t{one_line(r['phone'])}\t"
              f"registrations: {', '.join(map(one_line, r['registrations'])) or 'none'}")
    for aid, words in shared:
        print(f"SHARED KEY\t{one_line(aid)}\t{words}")
    if not rows and not damaged:
        say("no agencies yet: import one with `footage-agent agencies add FILE`")
    return 0


@mapped
def agencies_remove(agent, args) -> int:
    trust = agent.requests.trust
    if not trust.remove(args.id):
        known = ", ".join(one_line(a.id) for a in trust.list()) or "none"
        raise Refused(f"no agency '{one_line(args.id)}' is in your trust store (its agencies: "
                      f"{known}; `footage-agent agencies list` shows their names)")
    say(f"removed {one_line(args.id)} and its registrations")
    return 0
