"""`python -m demo.screenshots OUTDIR` renders every screen with sample data."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage  # noqa: E402

from demo import screenshots  # noqa: E402
from tests.gui_support import footage, spanish, win  # noqa: E402,F401


def test_every_screen_is_rendered_to_a_png(qapp, tmp_path):
    out = tmp_path / "shots"
    assert screenshots.main([str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{n}.png" for n in screenshots.NAMES)
    sizes = set()
    for name in names:
        img = QImage(str(out / name))
        # the size the app opens at on a 1366x768 screen with a task bar
        assert (img.width(), img.height()) == (1366, 688)
        colours = {img.pixel(x, y) for x in range(0, img.width(), 37)
                   for y in range(0, img.height(), 29)}
        assert len(colours) > 8, f"{name} looks empty"
        sizes.add((out / name).stat().st_size)
    assert len(sizes) == len(names)   # seven different screens, not one screen seven times


def test_usage_error_without_an_output_folder():
    assert screenshots.main([]) == 2
    assert screenshots.main(["out", "--screen", "wide"]) == 2


def test_the_window_of_each_screen_size():
    assert [screenshots.window_size(s).toTuple() for s in screenshots.SCREENS] == [
        (1366, 688), (1400, 900)]


def test_the_progress_screen_is_in_the_apps_language(qapp, win, spanish, tmp_path):  # noqa: F811
    """The progress screenshot's title was written in English, so the Spanish pictures showed
    "Sending 36 s of footage to ..." above Spanish words."""
    screenshots._progress_shot(qapp, win, tmp_path)
    title = win.progress.title.text()
    assert title.startswith("Enviando 36\u00a0s de grabación a "), title


def test_the_progress_screen_shows_a_delivery_as_the_app_words_one(qapp, win, tmp_path,  # noqa: F811
                                                                  monkeypatch):
    """The progress screenshot is the one the user guide shows under 'Approve and send', whose
    text says the page names the camera and how many there are ('Preparing the footage of
    porch (2 of 16)'); the picture's stand-in job reported a manual export's stage instead
    ('driveway: Cutting the footage'), one no delivery reports."""
    import re

    shown = []
    shoot = screenshots.shoot

    def shoot_and_read(window, out, name):   # what the picture shows, as it is taken
        shown.append(window.progress.stage.text())
        return shoot(window, out, name)

    monkeypatch.setattr(screenshots, "shoot", shoot_and_read)
    screenshots._progress_shot(qapp, win, tmp_path)
    (stage,) = shown
    assert re.fullmatch(r"Preparing the footage of \w+ \(\d+ of \d+\)", stage), stage
