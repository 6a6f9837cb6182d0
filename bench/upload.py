"""Upload benchmark: our tus client against named baselines, all on loopback.

    python bench/upload.py [--quick]

Prints, measured in one run on this machine:
- throughput of upload_file (64 MiB chunks, each with its sealed SHA-256 in Upload-Checksum) vs
  one streaming httpx PUT of the same file, both to the same sink server, which keeps nothing
  (target >= 80%): with the digests taken when the tar was written (as `approve` and `upload
  FOLDER` do), and for a bare file whose digests are taken first; also against a sink that
  checks every chunk's SHA-256, as a real tus server does (both sides then share two cores);
- bytes the server received twice after the uploading process is killed mid-way and run again,
  on a link the sink holds to 2 MB/s, as seconds of that link (target <= 10 s): PATCHes follow
  the measured rate (about 8 s each);
- peak RSS of a process uploading a 1 GB file (sparse, in a temp dir) (target < 150 MB).
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from agent.delivery.sums import compute_sums  # noqa: E402
from agent.delivery.upload import upload_file  # noqa: E402

MiB = 1 << 20


# -- the sink: a minimal tus server that keeps nothing, plus PUT, plus /stats ------------------
class _Sink(BaseHTTPRequestHandler):
    """Checks each PATCH's Upload-Checksum under /checked/ only (like a tus server would)."""

    protocol_version = "HTTP/1.1"
    offsets: dict[str, int] = {}
    stats = {"patch_bytes": 0, "put_bytes": 0}
    lock = threading.Lock()
    slow_bps = 2_000_000  # under /slow/: a home uplink, held by the reading side

    def log_message(self, *args) -> None:
        pass

    def _answer(self, status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> None:
        self.send_response(status)
        for k, v in {"Tus-Resumable": "1.0.0", "Content-Length": str(len(body)), **(headers or {})}.items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _drain(self, key: str, sha=None) -> tuple[int, int]:
        want = int(self.headers.get("Content-Length") or 0)
        got, started, slow = 0, time.monotonic(), self.path.startswith("/slow/")
        while got < want:
            if slow:  # read no faster than the link would carry (TCP holds the sender back)
                time.sleep(max(0.0, started + got / self.slow_bps - time.monotonic()))
            block = self.rfile.read1(min(1 << 16 if slow else 1 << 18, want - got))
            if not block:
                break
            got += len(block)
            if sha is not None:
                sha.update(block)
            with self.lock:
                self.stats[key] += len(block)
        return want, got

    def do_OPTIONS(self) -> None:
        self._answer(204, {"Tus-Extension": "creation,checksum,termination",
                           "Tus-Checksum-Algorithm": "sha256"})

    def do_POST(self) -> None:
        with self.lock:
            uid = str(len(self.offsets))
            self.offsets[uid] = 0
        self._answer(201, {"Location": f"{self.path}/{uid}"})

    def do_HEAD(self) -> None:
        self._answer(200, {"Upload-Offset": str(self.offsets[self.path.rsplit("/", 1)[1]])})

    def do_PATCH(self) -> None:
        uid = self.path.rsplit("/", 1)[1]
        if int(self.headers["Upload-Offset"]) != self.offsets[uid]:
            self._drain("patch_bytes")
            return self._answer(409)
        sha = hashlib.sha256() if self.path.startswith("/checked/") else None
        want, got = self._drain("patch_bytes", sha)
        if got < want:  # the client died mid-chunk: nothing of it is kept
            self.close_connection = True
            return
        if sha is not None and base64.b64encode(sha.digest()).decode() != \
                self.headers["Upload-Checksum"].split(" ")[1]:
            return self._answer(460)
        self.offsets[uid] += got
        self._answer(204, {"Upload-Offset": str(self.offsets[uid])})

    def do_PUT(self) -> None:
        self._drain("put_bytes")
        self._answer(204)

    def do_GET(self) -> None:
        self._answer(200, {"Content-Type": "application/json"}, json.dumps(self.stats).encode())


def _serve(port_out) -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Sink)
    port_out.put(httpd.server_address[1])
    httpd.serve_forever()


def start_sink() -> tuple[multiprocessing.Process, str]:
    queue = multiprocessing.Queue()
    proc = multiprocessing.Process(target=_serve, args=(queue,), daemon=True)
    proc.start()
    return proc, f"http://127.0.0.1:{queue.get(timeout=10)}"


def stats(base: str) -> dict:
    return httpx.get(f"{base}/stats").json()


# -- measurements ------------------------------------------------------------------------------
def make_file(path: Path, size: int, sparse: bool) -> None:
    with open(path, "wb") as f:
        if sparse:
            f.truncate(size)
            return
        left = size
        while left:
            n = min(8 * MiB, left)
            f.write(os.urandom(n))
            left -= n


def sha_seconds(size: int) -> float:
    block = os.urandom(4 * MiB)
    started = time.perf_counter()
    for _ in range(size // len(block)):
        hashlib.sha256(block).digest()
    return time.perf_counter() - started


def put_once(path: Path, url: str, hashed: bool = False) -> float:
    sha = hashlib.sha256()

    def body():
        with open(path, "rb") as f:
            while block := f.read(MiB):
                if hashed:
                    sha.update(block)
                yield block

    started = time.perf_counter()
    with httpx.Client(timeout=60) as c:
        r = c.put(url, content=body(), headers={"Content-Length": str(path.stat().st_size)})
    assert r.status_code == 204, r.status_code
    return time.perf_counter() - started


def tus_once(path: Path, endpoint: str, state: Path, sums) -> float:
    started = time.perf_counter()
    upload_file(path, endpoint, state_dir=state, sums=sums)
    return time.perf_counter() - started


def throughput(tmp: Path, base: str, size: int, rounds: int) -> None:
    src = tmp / "through.bin"
    make_file(src, size, sparse=False)
    sums = compute_sums(src)
    runs = {
        "httpx streaming PUT": lambda: put_once(src, f"{base}/sink"),
        "PUT hashing as it streams": lambda: put_once(src, f"{base}/sink", hashed=True),
        "tus, sealed digests": lambda: tus_once(src, f"{base}/files", tmp / "state", sums),
        "tus, bare file": lambda: tus_once(src, f"{base}/files", tmp / "state", None),
        "tus, sink checks chunks": lambda: tus_once(src, f"{base}/checked/files", tmp / "state", sums),
    }
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):  # interleaved, so a busy moment on the machine hits every kind
        for name, run in runs.items():
            best[name] = min(best[name], run())
    src.unlink()
    mb, put = size / MiB, best["httpx streaming PUT"]
    print(f"throughput, {mb:.0f} MiB, best of {rounds}:")
    for name, seconds in best.items():
        ratio = f"   ratio {put / seconds:.2f} vs PUT" if name.startswith("tus") else ""
        print(f"  {name:28} {mb / seconds:8.1f} MiB/s{ratio}")
    print(f"  (target >= 0.80 for sealed digests; the digests themselves, taken while the tar is "
          f"written: {mb / sha_seconds(size) / 2:.0f} MiB/s of hashing)")


# Peak RSS from /proc's VmHWM: ru_maxrss survives exec, so a child would report the bench's own.
CHILD = """
import re, sys, time
from pathlib import Path
from agent.delivery.upload import upload_file
def peak_kb():
    return int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
path, endpoint, state, rate = sys.argv[1:5]
base = peak_kb()
r = upload_file(Path(path), endpoint, state_dir=Path(state), rate_limit_bps=int(rate) or None,
                progress=lambda p: print("P", p.sent, flush=True))
print("R", r.resumed_from, r.chunks_resent, base, peak_kb(), flush=True)
"""


def run_child(args: list[str], kill_at: int | None = None) -> list[str] | None:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, *args], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        for line in proc.stdout:
            parts = line.split()
            if parts[0] == "R":
                return parts[1:]
            if kill_at is not None and int(parts[1]) >= kill_at:
                proc.send_signal(signal.SIGKILL)
                return None
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
    raise RuntimeError("upload child ended without a result")


def interruption(tmp: Path, base: str, size: int) -> None:
    src = tmp / "interrupt.bin"
    make_file(src, size, sparse=False)
    before = stats(base)["patch_bytes"]
    args = [str(src), f"{base}/slow/files", str(tmp / "state-int"), "0"]
    run_child(args, kill_at=size * 2 // 5)
    resumed_from, resent, _, _ = run_child(args)
    extra = stats(base)["patch_bytes"] - before - size
    src.unlink()
    rate = _Sink.slow_bps
    print(f"interruption at ~40% of {size / MiB:.0f} MiB on a {rate / 1e6:g} MB/s link: resumed at "
          f"{int(resumed_from) / MiB:.1f} MiB, {extra:,} bytes received twice = "
          f"{extra / rate:.1f} s of the link (target <= 10 s), chunks_resent {resent}")


def peak_rss(tmp: Path, base: str, size: int) -> None:
    src = tmp / "big.bin"
    make_file(src, size, sparse=True)
    try:
        _, _, base_kb, peak_kb = run_child([str(src), f"{base}/files", str(tmp / "state-rss"), "0"])
    finally:
        src.unlink()
    print(f"peak RSS uploading {size / MiB:.0f} MiB: {int(peak_kb) / 1024:.0f} MB "
          f"(after imports {int(base_kb) / 1024:.0f} MB; target < 150 MB)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smaller files")
    opts = ap.parse_args()
    through, interrupt, big = (128 * MiB, 32 * MiB, 128 * MiB) if opts.quick else (1024 * MiB, 64 * MiB, 1024 * MiB)
    sink, base = start_sink()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-upload-") as d:
            throughput(Path(d), base, through, 3 if opts.quick else 5)
            interruption(Path(d), base, interrupt)
            peak_rss(Path(d), base, big)
    finally:
        sink.terminate()
        sink.join()


if __name__ == "__main__":
    main()
