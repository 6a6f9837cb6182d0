"""Recorder benchmark, against the simulator on 127.0.0.1, in one run (docs/benchmarks.md):

    python bench/recorders.py [--mib 256] [--recordings 10000]

- download throughput: the agent's fetch (allow-list, pinned transport, SHA-256 as received,
  written to a file and fsync'd) vs a plain httpx GET of the same bytes from the same
  simulator, with the bytes thrown away, written to a file, or written and hashed; target at
  least 90 % (the exit status checks it against the GET written to a file);
- mirroring: searching a recorder that holds --recordings recordings on one channel, page by
  page, for each vendor; target under 5 s. Then the same recorder mirrored into an index as
  the agent does it: added (certificate, device facts, clock, the search, the rows written),
  and a scan after it (an incremental refresh).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent.recorders.connect import RecorderAddress, look_at_certificate, open_recorder  # noqa: E402
from agent.timebase import US, parse_rfc3339  # noqa: E402
from nvrsim.catalogue import channel_folder, clip_name  # noqa: E402
from nvrsim.server import Simulator  # noqa: E402

T0 = parse_rfc3339("2026-06-01T00:00:00Z")
PASSWORD = "bench-password"


def _recorder(sim: Simulator, vendor: str):
    """A client for an in-process simulator (mirroring: the search cost is the point)."""
    pin = look_at_certificate(sim.url) if sim.scheme == "https" else None
    return open_recorder(RecorderAddress(sim.url, vendor, "admin", pin, "UTC"), PASSWORD, timeout_s=60)


def throughput(root: Path, mib: int, tls: bool, runs: int = 5) -> dict[str, float]:
    """MB/s, best of `runs` each, interleaved, against `footage-nvr-sim serve` in its own
    process (so the simulator does not share this process's GIL): the agent's fetch, and a
    plain httpx GET of the same URL whose bytes are thrown away, written to a file, or
    written and hashed."""
    folder = root / "big" / channel_folder(1, "Big")
    folder.mkdir(parents=True)
    path = folder / clip_name(T0, T0 + 600 * US)
    with path.open("wb") as fh:
        for _ in range(mib):
            fh.write(os.urandom(1 << 20))
    size = path.stat().st_size
    command = [sys.executable, "-m", "nvrsim.cli", "serve", str(root / "big"), "--vendor", "dahua",
               "--password", PASSWORD] + (["--https"] if tls else [])
    sim = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    best: dict[str, float] = {}
    try:
        url = sim.stdout.readline().split()[-1]
        pin = look_at_certificate(url) if tls else None
        rec = open_recorder(RecorderAddress(url, "dahua", "admin", pin, "UTC"), PASSWORD, timeout_s=60)
        client = httpx.Client(auth=httpx.DigestAuth("admin", PASSWORD), verify=False, timeout=60,
                              trust_env=False)
        try:
            (recording,) = list(rec.search(1, T0, T0 + 600 * US))
            get = f"{url}/cgi-bin/RPC_Loadfile{recording.handle}"
            for _ in range(runs):
                for mode in ("GET", "GET to a file", "GET to a file, hashed", "fetch"):
                    with tempfile.TemporaryDirectory(dir=root) as out:
                        begin = time.perf_counter()
                        if mode == "fetch":
                            got = rec.fetch(recording, T0, T0 + 600 * US, Path(out)).size
                        else:
                            got = _plain_get(client, get, Path(out) / "x", mode)
                        rate = size / (time.perf_counter() - begin) / 1e6
                    assert got == size, (mode, got, size)
                    best[mode] = max(best.get(mode, 0.0), rate)
        finally:
            client.close()
            rec.close()
    finally:
        sim.terminate()
        sim.wait(30)
    return best


def _plain_get(client: httpx.Client, url: str, path: Path, mode: str) -> int:
    got, digest = 0, hashlib.sha256()
    with client.stream("GET", url) as resp, path.open("wb") as fh:
        for piece in resp.iter_raw():
            got += len(piece)
            if mode != "GET":
                fh.write(piece)
            if mode.endswith("hashed"):
                digest.update(piece)
        if mode != "GET":
            os.fsync(fh.fileno())  # as the fetch does before it names the file
    return got


def mirroring(root: Path, count: int, vendor: str) -> float:
    """Seconds to list `count` recordings (one channel, 60 s each) through the vendor's search."""
    folder = root / f"many-{vendor}" / channel_folder(1, "Cam")
    folder.mkdir(parents=True)
    seed = folder.parent / "seed.bin"
    seed.write_bytes(b"\0" * 1024)
    for i in range(count):
        s = T0 + i * 60 * US
        os.link(seed, folder / clip_name(s, s + 60 * US))
    with Simulator(folder.parent, vendor, "admin", PASSWORD) as sim:
        rec = _recorder(sim, vendor)
        try:
            channel = 0 if vendor == "reolink" else 1
            rec.info()  # log in first: mirroring is the search alone
            begin = time.perf_counter()
            found = sum(1 for _ in rec.search(channel, T0, T0 + count * 60 * US))
            took = time.perf_counter() - begin
        finally:
            rec.close()
    assert found == count, (vendor, found)
    return took


def mirroring_into_the_index(root: Path, count: int, vendor: str) -> tuple[float, float, int]:
    """Seconds to add a recorder holding `count` recordings (its first mirroring into the
    index, HTTPS) and to scan it again; and how many rows the index then holds."""
    from agent.service import Agent
    from agent.views import RecorderAddress

    folder = root / f"index-{vendor}" / channel_folder(1, "Cam")
    folder.mkdir(parents=True)
    seed = folder.parent / "seed.bin"
    seed.write_bytes(b"\0" * 1024)
    start = (int(time.time()) // 86400 - 8) * 86400 * US   # recent: the index mirrors 62 days
    for i in range(count):
        s = start + i * 60 * US
        os.link(seed, folder / clip_name(s, s + 60 * US))
    with Simulator(folder.parent, vendor, "admin", PASSWORD, tls=True) as sim:
        agent = Agent(root / f"home-{vendor}")
        try:
            agent.use_recorder_passphrase("bench")
            address = RecorderAddress(sim.url, vendor, "admin", agent.look_at_recorder(sim.url),
                                      "UTC")
            begin = time.perf_counter()
            added = agent.add_recorder(address, PASSWORD, name="bench")
            first = time.perf_counter() - begin
            begin = time.perf_counter()
            agent.scan()
            again = time.perf_counter() - begin
            rows = len(agent.recordings())
        finally:
            agent.close()
    assert added.report.seen == count, (vendor, added.report)
    return first, again, rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mib", type=int, default=256)
    ap.add_argument("--recordings", type=int, default=10_000)
    args = ap.parse_args()
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-recorders-") as tmp:
        root = Path(tmp)
        for tls in (False, True):
            rates = throughput(root / ("tls" if tls else "plain"), args.mib, tls)
            ours = rates.pop("fetch")
            print(f"download {args.mib} MiB over {'https' if tls else 'http'}: fetch {ours:.0f} MB/s")
            for name, rate in rates.items():
                print(f"  vs plain httpx {name}: {rate:.0f} MB/s, ratio {ours / rate:.2f}")
            ok &= ours / rates["GET to a file"] >= 0.9
        print("  (target: at least 0.90 of a plain GET of the same bytes)")
        for vendor in ("hikvision", "dahua", "reolink"):
            took = mirroring(root, args.recordings, vendor)
            ok &= took < 5.0
            print(f"mirroring {args.recordings} recordings ({vendor}): {took:.2f} s (target < 5 s)")
            first, again, rows = mirroring_into_the_index(root, args.recordings, vendor)
            ok &= first < 5.0
            print(f"  into the index ({rows} rows): added in {first:.2f} s, scanned again in "
                  f"{again:.2f} s (target < 5 s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
