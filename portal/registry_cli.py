"""The `footage-portal` commands about registered owners: `invite create` (what the agency's
web sign-up mails a resident), `registrations`, `retire`, and `cameras near` (whom to ask
about an incident)."""
from __future__ import annotations

import json
import math
from pathlib import Path

from frp.times import format_utc
from portal.errors import PortalError
from portal.invites import DEFAULT_DAYS, create_invite
from portal.nearby import cameras_near
from portal.state import Portal


def add_parsers(sub) -> None:
    """The registry commands' parsers, each with `run` set to its function."""
    inv = sub.add_parser("invite", help="one-time invite codes for residents")
    inv_sub = inv.add_subparsers(dest="action", required=True)
    c = inv_sub.add_parser("create", help="issue an invite code (give it to the resident once)")
    c.add_argument("dir", type=Path)
    c.add_argument("--name", required=True, help="the resident's name")
    c.add_argument("--email", required=True, help="where the sign-up mails the code")
    c.add_argument("--expires", type=int, default=DEFAULT_DAYS, metavar="DAYS",
                   help=f"days the code stays valid (1-90, default {DEFAULT_DAYS})")
    c.add_argument("--json", action="store_true")
    c.set_defaults(run=invite_create)
    r = sub.add_parser("registrations", help="registered owners: owner id, contact, cameras")
    r.add_argument("dir", type=Path)
    r.add_argument("--json", action="store_true")
    r.set_defaults(run=registrations)
    t = sub.add_parser("retire", help="end a registration (its owner lost their key and "
                                      "registered again)")
    t.add_argument("dir", type=Path)
    t.add_argument("registration")
    t.set_defaults(run=retire)
    cam = sub.add_parser("cameras", help="registered cameras")
    cam_sub = cam.add_subparsers(dest="action", required=True)
    n = cam_sub.add_parser("near", help="the registered cameras near a place, nearest first")
    n.add_argument("dir", type=Path)
    n.add_argument("--lat", type=float, required=True)
    n.add_argument("--lon", type=float, required=True)
    n.add_argument("--radius-m", type=float, required=True)
    n.add_argument("--json", action="store_true")
    n.set_defaults(run=near)


def _when(seconds: int | None) -> str | None:
    return None if seconds is None else format_utc(seconds * 1_000_000)


def invite_create(a) -> int:
    """`invite create`: issue a one-time code and show it once."""
    invite = create_invite(Portal(a.dir).db_path, a.name, a.email, a.expires)
    if a.json:
        print(json.dumps({"code": invite.code, "name": invite.name, "email": invite.email,
                          "expires_at": _when(invite.expires_at)}))
    else:
        print(f"Invite for {invite.name} <{invite.email}>, valid until "
              f"{_when(invite.expires_at)} (only its hash is kept; it cannot be shown again):")
        print(invite.code)
    return 0


def registrations(a) -> int:
    """`registrations`: every registration with its owner id, contact and cameras."""
    rows = Portal(a.dir).registry.rows()
    for r in rows:
        for name in ("created_at", "updated_at", "ended_at"):
            r[name] = _when(r[name])
    if a.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("No registrations yet: issue an invite with 'footage-portal invite create'.")
    for r in rows:
        who = r["contact"] or {}
        state = f"ended {r['ended_at']} by the {r['ended_by']}" if r["ended_at"] else "active"
        print(f"{r['registration']}  {state}  owner {r['owner_id']}  "
              f"{who.get('name', '-')}  {who.get('email', '')}  {who.get('phone', '')}".rstrip())
        for c in r["cameras"]:
            where = c.get("address") or f"{c['lat']}, {c['lon']}"
            print(f"    {c['name']}: {where}" + (f"  sees: {c['sees']}" if c.get("sees") else "")
                  + (f"  keeps {c['retention_days']} days" if "retention_days" in c else ""))
    return 0


def retire(a) -> int:
    """`retire`: end a registration for the agency (the owner lost the key)."""
    if not Portal(a.dir).registry.retire(a.registration):
        raise PortalError(f"There is no active registration {a.registration!r}.")
    print(f"Registration {a.registration} retired: its token no longer works, its contact "
          "and cameras are forgotten.")
    return 0


def near(a) -> int:
    """`cameras near`: the registered cameras within a radius, nearest first."""
    if not (-90 <= a.lat <= 90 and -180 <= a.lon <= 180) or not math.isfinite(a.radius_m) \
            or not 0 < a.radius_m <= 100_000:
        raise PortalError("Give --lat -90..90, --lon -180..180 and --radius-m up to 100000.")
    found, unplaced = cameras_near(Portal(a.dir).db_path, a.lat, a.lon, a.radius_m)
    if a.json:
        print(json.dumps({"cameras": found, "address_only": unplaced}, indent=2,
                         ensure_ascii=False))
        return 0
    if not found:
        print(f"No registered camera within {a.radius_m:g} m.")
    for f in found:
        who = (f["contact"] or {}).get("name", "-")
        print(f"{f['distance_m']:>8.0f} m  {f['registration']}  {f['camera']}  {who}"
              + (f"  ({f['address']})" if f["address"] else "")
              + (f"  sees: {f['sees']}" if f["sees"] else ""))
    if unplaced:
        print(f"{unplaced} registered "
              + ("camera has an address" if unplaced == 1 else "cameras have an address")
              + " but no lat/lon and could not be placed.")
    return 0
