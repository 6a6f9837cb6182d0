"""`cameras` and `cameras rename`: what each camera is called, and giving one a new name."""
from __future__ import annotations

from agent.commands.common import Refused, print_json, say
from agent.commands.option_values import typed_camera
from agent.service import Agent, NotFound
from frp.count_words import counted
from frp.text import one_line


def add_parsers(sub, common) -> None:
    p = sub.add_parser("cameras", parents=[common],
                       help="list cameras, or rename one (the name holds everywhere)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cameras_list)
    ss = p.add_subparsers(dest="action")
    ls = ss.add_parser("list", parents=[common], help="every camera and its recordings folder")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cameras_list)
    rn = ss.add_parser("rename", parents=[common],
                       help="give a camera a new name; its recordings, masks and approvals follow")
    rn.add_argument("old")
    rn.add_argument("new")
    rn.add_argument("--json", action="store_true")
    rn.set_defaults(func=cameras_rename)
    rm = ss.add_parser("remove", parents=[common],
                       help="let go of the recordings mirrored from a recorder of a camera it "
                            "no longer has (nothing on the recorder is touched)")
    rm.add_argument("camera")
    rm.add_argument("--json", action="store_true")
    rm.set_defaults(func=cameras_remove)


def cameras_list(agent: Agent, args) -> int:
    indexed = set(agent.cameras())
    rows = [{"camera": c.name, "source": c.source_root,
             "channels": [ch for ch in c.channels if ch], "former_names": list(c.former_names),
             "named_by_owner": c.given, "indexed": c.name in indexed}
            for c in agent.camera_list()]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        extra = [f"channels={','.join(r['channels'])}"] if r["channels"] else []
        extra += [f"formerly={','.join(r['former_names'])}"] if r["former_names"] else []
        extra += [] if r["indexed"] else ["no recordings indexed"]
        print("\t".join(one_line(v) for v in [r["camera"], r["source"], *extra]))
    if not rows:
        say("no cameras yet: add a recordings folder with `footage-agent sources add PATH`")
    return 0


def cameras_rename(agent: Agent, args) -> int:
    typed_camera(args.old, "OLD")   # bytes that are no character: said, not Python's codec error
    typed_camera(args.new, "NEW", new=True)
    try:
        done = agent.rename_camera(args.old, args.new)
    except NotFound as exc:
        raise Refused(str(exc)) from None
    if args.json:
        print_json([{"old": d.old, "new": d.new} for d in done])
    for d in done:
        say(f"camera '{d.old}' is now '{d.new}' (the old name still finds it)")
    if not done:
        say(f"camera '{args.new}' already has that name")
    return 0


def cameras_remove(agent: Agent, args) -> int:
    typed_camera(args.camera, "CAMERA")
    try:
        removed = agent.remove_recorder_camera(args.camera)
    except NotFound as exc:
        raise Refused(str(exc)) from None
    name = agent.camera_name(args.camera) or args.camera
    if args.json:
        print_json({"camera": name, "recordings_let_go": removed})
    say(f"camera '{name}': {counted(removed, 'recording')} mirrored from its recorder let go "
        "(nothing on the recorder was touched)")
    return 0
