"""`footage-nvr-sim serve FOLDER --vendor V --port N --user U --password P`: a simulated recorder
on 127.0.0.1 serving the footage in FOLDER (layout: nvrsim/catalogue.py) until Ctrl-C."""
from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

from nvrsim.behaviours import FAULTS, QUIRKS
from nvrsim.server import Simulator


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="footage-nvr-sim",
                                description="A simulated NVR for tests and the demo (127.0.0.1 only).")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="serve FOLDER through a vendor's HTTP API")
    s.add_argument("folder", type=Path)
    s.add_argument("--vendor", required=True, choices=("reolink", "dahua", "hikvision"))
    s.add_argument("--port", type=int, default=0, help="0 picks a free port (printed)")
    s.add_argument("--user", default="admin")
    s.add_argument("--password", help="the device's password (default: $NVRSIM_PASSWORD)")
    s.add_argument("--https", action="store_true", help="TLS with a self-signed certificate")
    s.add_argument("--tz", default="UTC0", help="the device's zone as POSIX TZ text, "
                   "e.g. 'PST8PDT,M3.2.0,M11.1.0'")
    s.add_argument("--clock-offset", type=float, default=0.0,
                   help="seconds the device's clock is ahead of true time (negative: behind)")
    s.add_argument("--fault", action="append", default=[], choices=sorted(FAULTS))
    s.add_argument("--quirk", action="append", default=[], choices=sorted(QUIRKS),
                   help="a real firmware's behaviour (docs/recorders.md)")
    s.add_argument("--hik-z-local", action="store_true",
                   help="Hikvision: write local wall time with a 'Z' (some firmware)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    password = args.password if args.password is not None else os.environ.get("NVRSIM_PASSWORD", "")
    if not args.folder.is_dir():
        print(f"footage-nvr-sim: no folder {args.folder}", file=sys.stderr)
        return 2
    sim = Simulator(args.folder, args.vendor, args.user, password, port=args.port,
                    tls=args.https, zone=args.tz, clock_offset_s=args.clock_offset,
                    faults=tuple(args.fault), hik_z_is_local=args.hik_z_local,
                    quirks=tuple(args.quirk))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with sim:
        print(f"{args.vendor} recorder on {sim.url}", flush=True)
        if sim.fingerprint:
            print(f"certificate SHA-256 {sim.fingerprint}", flush=True)
        try:
            stop.wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
