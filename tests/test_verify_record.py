"""`footage-agent verify` holds a clip to the times its provenance.json states: the window the
owner approved, when its first and last frames were captured and how many it holds. A record
that leaves one of them out, or writes it so it cannot be read as a time with its zone, fails
with exit 3 naming the field, even resealed by the owner key: otherwise every check that
places the clip's frames in time would pass over the clip in silence."""
from __future__ import annotations

import json

import pytest

from tests.credentials_support import reseal, without_credentials
from tests.test_verify_clip_tables import stretch_video_time
from tests.test_verify_credentials import clip_of, key_of, made, package, verify  # noqa: F401


def _drop(*path):
    def change(record):
        for key in path[:-1]:
            record = record[key]
        del record[path[-1]]
    return change


def _set(value, *path):
    def change(record):
        for key in path[:-1]:
            record = record[key]
        record[path[-1]] = value
    return change


TIMES = "a start and an end, each a time with its zone such as 2026-11-24T08:54:00Z"
APPROVED = ("data/provenance.json does not say which window the owner approved (approved: "
            f"{TIMES}), so the clip cannot be held to it.")
DELIVERED = ("data/provenance.json does not say when the clip's first and last frames were "
             f"captured (delivered: {TIMES}), so its frames cannot be placed in time.")
FRAMES = ("data/provenance.json does not say how many frames the clip holds (delivered.frames, "
          "a whole number), so the clip cannot be held to it.")


@pytest.mark.parametrize("change, said", [
    (_drop("approved"), APPROVED),
    (_set({"start": "2026-11-20T22:00:01", "end": "2026-11-20T22:00:06"}, "approved"), APPROVED),
    (_drop("delivered"), DELIVERED),
    (_set("yesterday", "delivered", "start"), DELIVERED),
    (_set("50", "delivered", "frames"), FRAMES),
])
def test_a_record_that_leaves_out_the_clips_times_fails_though_resealed(
        capsys, made, package, change, said):
    """The clip's frames stretched past the approved window, its credentials (which would
    disagree) taken off, and the record changed so that nothing would place the frames in time:
    resealed by the owner key, it passed as OK."""
    clip = clip_of(package, made)
    clip.write_bytes(without_credentials(clip))
    stretch_video_time(clip, 3)
    prov = package / "data/provenance.json"
    record = json.loads(prov.read_text())
    del record["content_credentials"]
    change(record)
    prov.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    reseal(package, key_of(made[0]))
    code, out = verify(capsys, made[0], package)
    assert code == 3 and not out["ok"]
    assert said in out["problems"], out["problems"]
