"""A recording still being written when it is exported (an MPEG-TS the recorder appends to):
package-format.md says `sources` hash the bytes there were, so hashing the first `size` bytes of
the finished file matches the package, and the whole file's no longer does."""
from __future__ import annotations

import hashlib
import json
import os

from agent.timebase import US
from demo.samples import make_recordings
from tests.conftest import t
from tests.test_containers import remux

T0 = t("2026-11-20T22:00:00Z")


def test_a_growing_recordings_package_hash_is_its_first_size_bytes(agent, tmp_path):
    folder = tmp_path / "rec" / "porch"
    (mp4,) = make_recordings(tmp_path, "blue-iris", "porch", T0, 1, 6.0, fps=10, gop_s=1.0)
    folder.mkdir(parents=True)
    ts = remux(mp4, folder / "CH01_20261120_220000_220006.ts")   # a DVR's name, in UTC here
    os.utime(ts, (1_700_000_000, 1_700_000_000))
    agent.scan([str(folder)], tz="UTC")
    (camera,) = agent.cameras()
    done = agent.export(camera, T0 + US, T0 + 4 * US, tmp_path / "out")
    (source,) = json.loads((done.package.path / "data" / "provenance.json").read_text())["sources"]
    assert source["path"].endswith(".ts")

    with open(ts, "ab") as grow:          # the recorder writes on
        grow.write(ts.read_bytes()[:188 * 500])
    whole = ts.read_bytes()
    assert hashlib.sha256(whole).hexdigest() != source["sha256"]
    assert hashlib.sha256(whole[:source["size"]]).hexdigest() == source["sha256"]
