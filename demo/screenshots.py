"""Render every screen with sample data to PNG files:
`python -m demo.screenshots OUTDIR [--screen WIDTHxHEIGHT]`.

The window has the size the app opens at on a screen of that size (default 1366x768, less a
40-pixel task bar).

Writes inbox.png, request.png (with a privacy mask on the driveway camera, previewed redacted),
export.png, progress.png, first-run.png, settings.png (with the sample registration), register.png
(the review page of registering with an agency, before anything is sent), masks.png (the mask
editor), log.png.
The sample world (footage, a trusted agency, two requests) is made in a temporary folder and
thrown away afterwards; nothing goes over the network.
"""
from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QSize, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QScrollArea  # noqa: E402

from agent.requests.package_export import export_stage  # noqa: E402
from agent.timebase import US  # noqa: E402
from agent.views import CameraMasks, Contact, Polygon  # noqa: E402
from demo.gui_data import make_world, request_claims, sign  # noqa: E402
from gui.shell.app import application, build  # noqa: E402
from gui.shell.geometry import fitted_size  # noqa: E402
from gui.shell.tray import Tray  # noqa: E402
from gui.views import display  # noqa: E402

ZONE = "America/Los_Angeles"
NAMES = ("inbox", "request", "export", "progress", "first-run", "settings", "register", "masks",
         "log")
# The sample mask: the neighbour's side of the driveway picture (relative coordinates).
SAMPLE_MASK = ((0.66, 0.0), (1.0, 0.0), (1.0, 0.62), (0.78, 0.5))
SCREENS = ((1366, 768), (1920, 1080))
# Where every page must still be usable: a netbook, and laptops at 125 % and 175 % scaling
# (logical pixels); the request page may scroll its facts there.
SMALL_SCREENS = ((1024, 600), (1093, 614), (1097, 617))
TASK_BAR = 40


def window_size(screen: tuple[int, int]) -> QSize:
    """The app's first size on a screen of this size with a task bar."""
    return fitted_size(QSize(screen[0], screen[1] - TASK_BAR))


def settle(app, window, timeout: float = 30.0) -> None:
    """Run the event loop until every job the window started has finished."""
    deadline = time.monotonic() + timeout
    quiet = 0
    while time.monotonic() < deadline and quiet < 5:
        app.processEvents()
        quiet = quiet + 1 if window.ctx.bridge.idle() else 0
        time.sleep(0.02)


def sample_requests(world, desk) -> None:
    """The world's request (new) plus an older one the owner declined."""
    desk.import_request(world.request_file)
    now = int(time.time())
    older = request_claims("req-2026-0002", world.start_us, world.start_us + 4 * US, now,
                           aud=world.registration,
                           case={"number": "2026-117310", "incident": "Car break-in"},
                           cameras=["driveway"])
    path = world.request_file.with_name("older.jws")
    path.write_text(sign(world.key, older))
    desk.import_request(path)
    desk.decline("req-2026-0002", "The driveway camera was switched off that week.")


def shoot(window, out: Path, name: str) -> Path:
    path = out / f"{name}.png"
    window.grab().save(str(path))
    return path


def render(out: Path, root: Path, screen: tuple[int, int] = SCREENS[0]) -> list[Path]:
    """Make the sample world under `root` and write every screen's PNG into `out`, the window
    sized as the app opens on `screen`."""
    from agent.service import Agent

    app = application()
    world = make_world(root / "world", root / "home", seconds=40.0)
    agent = Agent(world.home)
    window = build(agent, zone=ZONE, tray=Tray())
    window.resize(window_size(screen))
    window.show()
    written: list[Path] = []
    try:
        sample_requests(world, agent.requests)
        agent.set_masks(CameraMasks("driveway", (Polygon(SAMPLE_MASK, "neighbour's yard"),)))
        window.start()
        settle(app, window)
        written.append(shoot(window, out, "inbox"))
        window.open_request(next(v for v in window.inbox.views if v.status == "new"))
        settle(app, window)
        _trim_and_scrub(app, window)
        app.processEvents()
        written.append(shoot(window, out, "request"))
        window.show_page("export")
        settle(app, window)
        strip = window.export.strip
        if strip.timelines:
            tl = next(iter(strip.timelines.values()))
            QTest.mouseClick(tl, Qt.LeftButton, pos=QPoint(int(tl.width() * 0.6), 70))
        settle(app, window)
        written.append(shoot(window, out, "export"))
        written.append(_progress_shot(app, window, out))
        window.show_page("first_run")
        window.first_run.folder.path.setText(str(world.recordings / "frigate"))
        window.first_run.folder.look()
        settle(app, window)
        written.append(shoot(window, out, "first-run"))
        window.show_page("settings")
        settle(app, window)
        written.append(_settings_shot(app, window, out))
        written.append(_register_shot(app, window, out))
        written.append(_masks_shot(app, window, out))
        window.show_page("log")
        settle(app, window)
        written.append(shoot(window, out, "log"))
    finally:
        window.shutdown()
        window.close()
        agent.close()
    return written


def _trim_and_scrub(app, window) -> None:
    strip = window.request.strip
    tl = strip.timelines.get("driveway") or next(iter(strip.timelines.values()))
    span = tl.limit_end - tl.limit_start
    tl.set_selection(tl.limit_start + span // 8, tl.limit_end - span // 5)
    tl.set_position(tl.limit_start + span // 3)
    settle(app, window)


def _settings_shot(app, window, out: Path) -> Path:
    """Settings scrolled down to the registrations (the sample home is registered with the
    sample agency) and the owner key."""
    scroll = window.settings.findChild(QScrollArea)
    scroll.verticalScrollBar().setValue(window.settings.registrations.y() - 8)
    app.processEvents()
    return shoot(window, out, "settings")


def _register_shot(app, window, out: Path) -> Path:
    """Registering from Settings, filled in and on the review page (nothing is sent)."""
    window.settings.registrations.register_button.click()
    settle(app, window)
    flow = window.register.flow
    flow.invite.invite.setText("inv-" + "q" * 26)
    flow.next()
    flow.contact.fill(Contact("Sam Sample", "sam@example.com", "+1 206 555 0147"))
    flow.next()
    places = {"driveway": ("the driveway and the street", 14),
              "porch": ("the porch, the sidewalk and the parked cars", 7)}
    for name, card in flow.cameras.cards.items():
        sees, days = places.get(name, ("", 14))
        card.tick.setChecked(True)
        card.address.setText("1200 Elm Street, Seattle")
        card.point.setText("47.6101, -122.3421")
        card.sees.setText(sees)
        card.retention.setValue(days)
    flow.next()
    app.processEvents()
    return shoot(window, out, "register")


def _masks_shot(app, window, out: Path) -> Path:
    """The mask editor on the driveway camera: the saved area, and a second one being drawn."""
    window.show_page("masks")
    settle(app, window)
    window.masks.cameras.setCurrentText("driveway")
    settle(app, window)
    canvas = window.masks.canvas
    for point in ((0.05, 0.72), (0.3, 0.72), (0.3, 0.95)):
        at = canvas.to_widget(point)
        QTest.mouseClick(canvas, Qt.LeftButton, pos=QPoint(round(at.x()), round(at.y())))
    app.processEvents()
    shot = shoot(window, out, "masks")
    for _ in range(3):   # the area being drawn is not kept, so leaving the page asks nothing
        canvas.undo()
    return shot


def _progress_shot(app, window, out: Path) -> Path:
    """A delivery caught mid-way (a stand-in job that reports progress and waits)."""
    reported = threading.Event()

    def work(progress, cancel):
        # as a delivery of the request's two cameras reports its first (the guide's words)
        progress(export_stage("driveway", 1, 2), 0.42)
        reported.set()
        cancel.wait(30)
    window.show_page("inbox")   # a delivery is followed from its request, under Requests
    job = window.ctx.bridge.run("export", work)
    # worded as the request page words it, in the app's language
    title = window.request.tr("Sending {duration} of footage to {agency}").format(
        duration=display.duration(36), agency="Example City Police Department")
    window.follow(job, title)
    reported.wait(10)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and window.progress.bar.value() == 0:
        app.processEvents()
        time.sleep(0.02)
    path = shoot(window, out, "progress")
    job.cancel()
    settle(app, window)
    return path


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    screen = SCREENS[0]
    if "--screen" in args:
        at = args.index("--screen")
        try:
            w, h = args[at + 1].lower().split("x")
            screen = (int(w), int(h))
        except (IndexError, ValueError):
            args = []
        else:
            del args[at:at + 2]
    if len(args) != 1:
        print("usage: python -m demo.screenshots OUTDIR [--screen WIDTHxHEIGHT]", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="footage-screens-") as tmp:
        for path in render(out, Path(tmp), screen):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
