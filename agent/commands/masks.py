"""`masks set` and `masks show`: a camera's privacy masks, filled solid in every export; and
what `sources remove` says of the masks a removed folder's cameras leave behind."""
from __future__ import annotations

from pathlib import Path

from agent.commands.common import Refused, UsageError, print_json, say
from agent.commands.option_values import typed_camera
from agent.owner_recorders import is_url
from frp.count_words import counted
from agent.export.mask_pictures import drawn_on, same_shape
from agent.export.masks import MaskError, masks_file, read_masks_file
from agent.index.camera_names import meant_name
from agent.service import Agent, AgentError


def add_parsers(sub, common) -> None:
    m = sub.add_parser("masks", parents=[common],
                       help="privacy masks: areas of a camera's picture blacked out in exports")
    ms = m.add_subparsers(dest="action", required=True)
    s = ms.add_parser("set", parents=[common],
                      help="check a JSON file of polygons and keep it as the camera's masks")
    s.add_argument("camera")
    s.add_argument("file", help='JSON: {"polygons": [{"name": ..., "points": [[x, y], ...]}]}, '
                                "x and y as shares (0 to 1) of the frame's width and height; "
                                "an empty list removes the masks")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=masks_set)
    sh = ms.add_parser("show", parents=[common], help="the masks a camera's exports get")
    sh.add_argument("camera")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(func=masks_show)


def masks_set(agent: Agent, args) -> int:
    """Keep a camera's masks. A former name means the camera it became, so the masks are kept
    (and logged) under its current name, where every export looks for them."""
    camera = _camera(agent, args.camera)
    try:
        masks = read_masks_file(Path(args.file), args.camera)
    except MaskError as exc:
        raise UsageError(f"{args.file}: {exc}") from None
    agent.set_masks(masks)
    path = masks_file(agent.home, camera)
    kept = agent.masks(camera)
    if args.json:
        print_json(_record(kept, path))
    elif kept.polygons:
        say(f"camera {_named(args.camera, camera)}: {counted(len(kept.polygons), 'privacy mask')} "
            "kept; "
            "every export of this camera fills them black unless --no-masks is given")
    else:
        say(f"camera {_named(args.camera, camera)}: privacy masks removed")
    if camera not in agent.cameras():
        say(f"note: no recordings of camera '{camera}' are indexed yet; check the name")
    _note_shape(agent, camera, kept)
    return 0


def masks_show(agent: Agent, args) -> int:
    """Print the masks every export of the camera gets (a former name finds them)."""
    camera = _camera(agent, args.camera)
    masks = agent.masks(camera)
    path = masks_file(agent.home, camera)
    if args.json:
        print_json(_record(masks, path))
        return 0
    if not masks.polygons:
        say(f"camera {_named(args.camera, camera)} has no privacy masks")
        return 0
    drawn = (f", drawn on a {masks.picture[0]} x {masks.picture[1]} picture"
             if masks.picture else "")
    print(f"camera {_named(args.camera, camera)}: {counted(len(masks.polygons), 'privacy mask')} "
          f"({path}){drawn}")
    for n, polygon in enumerate(masks.polygons, start=1):
        corners = " ".join(f"({x:.3f},{y:.3f})" for x, y in polygon.points)
        print(f"  {n}. {polygon.name or 'unnamed'}: {corners}")
    _note_shape(agent, camera, masks)
    return 0


def _note_shape(agent: Agent, camera: str, masks) -> None:
    """Say when the camera's latest main picture has another shape than the one its masks were
    drawn on (a FILE saying so, or the camera's setting changed since): every export of that
    shape is refused while they apply (mask_pictures.py), which the owner learns now, not
    from an export."""
    now = drawn_on(agent.recordings(camera))
    if not masks.polygons or masks.picture is None or now is None \
            or same_shape(now, masks.picture):
        return
    say(f"note: camera '{camera}' now records a {now[0]} x {now[1]} picture, another shape "
        f"than the {masks.picture[0]} x {masks.picture[1]} picture these masks were drawn on: "
        "exports of its recordings of that shape are refused while the masks apply; look at "
        "the masks again on one (Settings, Draw privacy masks) and save them")


def _camera(agent: Agent, typed: str) -> str:
    """The current name of the camera `typed` means, or Refused naming the cameras there are:
    masks kept under a name typed wrong would never reach the camera's exports. A name no
    camera can have (empty, `masks show "$CAM"` with CAM unset; bytes a Latin-1 terminal sent,
    which ended the command with Python's "surrogates not allowed", exit 1) is a usage error,
    as `export --camera` says it."""
    typed_camera(typed, "CAMERA")
    camera = agent.camera_name(typed)
    if camera is not None:
        return camera
    known = sorted(c.name for c in agent.camera_list())
    meant = meant_name(typed, known)
    raise Refused(f"no camera is or was named '{typed}' (cameras: {', '.join(known) or 'none'})"
                  + (f"; did you mean '{meant}'?" if meant else "")
                  + "; nothing was kept")


def _named(given: str, current: str) -> str:
    """The camera as the owner typed it, and what it is called now when that differs."""
    return given if given == current else f"{current} (formerly {given})"


def _record(masks, path: Path) -> dict:
    return {**masks.to_json(), "file": str(path) if masks.polygons else None}


def masks_left_behind(agent: Agent, path: str) -> list[str]:
    """What removing the folder `path` (`sources remove`) leaves behind of its cameras'
    privacy masks, one line per camera that has some: they stay with the camera's name, so a
    folder added again (moved to another drive) under another name comes back unmasked. A
    recorder's cameras keep their names when added again."""
    source = agent.source_for(path) if not is_url(path) else None
    if source is None:
        return []
    said = []
    for camera in (c.name for c in agent.camera_list() if c.source_root == source.root):
        try:
            areas = len(agent.masks(camera).polygons)
        except AgentError:   # damaged or gone: every export of it says so already
            continue
        if areas:
            said.append(f"camera {camera} has {counted(areas, 'privacy mask')}, kept by its "
                        "name: when you add its recordings again, name the camera "
                        f"{source.camera} (`sources add PATH --camera {source.camera}`), or "
                        "their exports are not masked")
    return said
