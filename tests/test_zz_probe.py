import os
import subprocess
import sys
from pathlib import Path

from tests.test_delivery_faults import ROOT, footage, world  # noqa: F401

OUT = Path("/tmp/dec/probe.txt")


def say(*a):
    with OUT.open("a") as f:
        f.write(" ".join(x if isinstance(x, str) else repr(x) for x in a) + "\n")


def test_probe_surrogate(world):
    w = world
    r = subprocess.run([sys.executable.encode(), b"-m", b"agent.cli", b"--home", str(w.run.home).encode(),
                        b"decline", b"--reason", b"caf\xe9 no", b"--", w.jti.encode()], cwd=ROOT,
                       capture_output=True, env={**os.environ, "LC_ALL": "C.UTF-8"})
    say("surrogate", r.returncode, r.stderr[-1500:])
    code, out, err = w.run("inbox", "show", "--", w.jti)
    say("show", out[:200])
    say("portal", w.portal.decision(w.jti))
    code, out, err = w.run("inbox", "sync")
    say("sync", code, err[-500:])
