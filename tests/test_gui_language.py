"""The app in the owner's language: every string the app's code marks is in the Spanish
catalogue, translated, with the same placeholders; the compiled catalogue is what Qt's lrelease
makes of it; and under a pseudo-language that marks every translated text, the screens show no
text of the app's own that was left out of translation (only data: names, cases, times)."""
from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableWidget,
)

from gui.shell import language  # noqa: E402
from gui.views import activity, display, words  # noqa: E402
from tests.gui_support import ZONE, footage, settle, spanish  # noqa: E402,F401

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "gui" / "i18n" / "footage_es.ts"
QM = ROOT / "gui" / "i18n" / "footage_es.qm"
PLACEHOLDER = re.compile(r"\{\w*\}|%n")


def catalogue() -> dict[tuple[str, str], list[str]]:
    """(context, source) -> translations (one, or the numerus forms)."""
    out = {}
    for ctx in ET.parse(TS).getroot():
        name = ctx.find("name").text
        for msg in ctx.findall("message"):
            tr = msg.find("translation")
            assert tr.get("type") is None, (name, msg.find("source").text, "unfinished")
            forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
            out[(name, msg.find("source").text)] = forms
    return out


def marked_in_code() -> set[tuple[str, str]]:
    """Every (context, text) the code marks: self.tr in a class, translate and
    QT_TRANSLATE_NOOP with a context, read from the source itself."""
    found = set()
    for path in (ROOT / "gui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for call in ast.walk(cls):
                if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "tr" and call.args
                        and isinstance(call.args[0], ast.Constant)):
                    found.add((cls.name, call.args[0].value))
        for call in ast.walk(tree):
            name = getattr(call.func, "id", None) if isinstance(call, ast.Call) else None
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(call.args) >= 2 and all(
                    isinstance(a, ast.Constant) for a in call.args[:2]):
                found.add((call.args[0].value, call.args[1].value))
    return found


def test_the_spanish_catalogue_is_complete_and_keeps_every_placeholder():
    messages = catalogue()
    assert len(messages) > 150
    missing = marked_in_code() - set(messages)
    assert missing == set(), "marked in the code but not in the catalogue (run lupdate)"
    for (context, source), forms in messages.items():
        for text in forms:
            assert text.strip(), (context, source)
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)) or \
                ("%n" in source and "%n" not in text and "{" not in source), (context, source, text)


def test_a_recorder_is_one_word_in_spanish_grabadora():
    """The activity log's "Recorder" said "Grabador" where first run and the rest of the app
    say "Grabadora": one recorder is one word (and gender) everywhere."""
    for (context, source), forms in catalogue().items():
        for text in forms:
            assert not re.search(r"\bgrabador(es)?\b", text, re.IGNORECASE), (context, source,
                                                                                text)
    spanish = {source: forms for (context, source), forms in catalogue().items()
               if context == "activity"}
    assert spanish["Recorder"] == ["Grabadora"]

def test_the_catalogue_holds_what_lupdate_finds_in_the_code(tmp_path):
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent /
                                                      "pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in sorted((ROOT / "gui").glob("*/*.py")) if p.name != "__init__.py"]
    subprocess.run([lupdate, *sources, "-ts", str(fresh), "-locations", "none"], check=True,
                   capture_output=True)
    found = {(c.find("name").text, m.find("source").text)
             for c in ET.parse(fresh).getroot() for m in c.findall("message")}
    assert found == set(catalogue())


def test_the_compiled_catalogue_is_lrelease_of_the_source(tmp_path):
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent /
                                                        "pyside6-lrelease")
    out = tmp_path / "footage_es.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on footage_es.ts"


def test_spanish_is_chosen_by_the_locale_and_words_dates_too():
    assert language.catalogue(QLocale("es_US")) == QM
    assert language.catalogue(QLocale("en_US")) is None     # English is the code's own
    spanish = language.locale_words(QLocale("es_ES"))
    assert spanish.days[2].lower().startswith("mi") and spanish.months[11].lower().startswith("dic")


class Pseudo(QTranslator):
    """A pseudo-language: every text that goes through translation comes back marked."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401
        return f"\u27e6{source}\u27e7"

    def isEmpty(self) -> bool:  # noqa: N802
        return False


@pytest.fixture
def pseudo(qapp):
    translator = Pseudo()
    qapp.installTranslator(translator)
    words.install(lambda c, t, d, n: QCoreApplication.translate(c, t, d, n))
    yield
    qapp.removeTranslator(translator)


def visible_texts(window) -> list[str]:
    """What a person reads on the window now: labels, buttons, fields' hints, lists, tables."""
    texts = []
    for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if w.isVisibleTo(window) and w.text():
            texts.append(w.text())
    for w in window.findChildren(QLineEdit):
        if w.isVisibleTo(window) and w.placeholderText() and not w.text():
            texts.append(w.placeholderText())
    for w in window.findChildren(QListWidget):
        texts += [w.item(i).text() for i in range(w.count())] if w.isVisibleTo(window) else []
    for t in window.findChildren(QTableWidget):
        if t.isVisibleTo(window):
            texts += [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())
                      if t.horizontalHeaderItem(c)]
            texts += [t.item(r, c).text() for r in range(t.rowCount())
                      for c in range(t.columnCount()) if t.item(r, c)]
    texts.append(window.windowTitle())
    return texts


def unmarked(texts: list[str], data: list[str]) -> list[str]:
    """Texts with words of the app's own outside every marked part (data words allowed)."""
    bad = []
    for text in texts:
        rest = text
        while True:   # innermost marked parts first (a translated text inside another)
            cut = re.sub(r"\u27e6[^\u27e6\u27e7]*\u27e7", " ", rest)
            if cut == rest:
                break
            rest = cut
        for value in sorted(data, key=len, reverse=True):
            rest = rest.replace(value, " ")
        # ids, fingerprints, paths, zones, addresses and numbers are data, not words
        rest = re.sub(r"\S*[0-9/_@.:=+-]\S*", " ", rest)
        if re.search(r"[A-Za-z]{2,}", rest):
            bad.append(text)
    return bad


def test_no_text_of_the_app_escapes_translation(qtbot, pseudo, footage, tmp_path):  # noqa: F811
    from demo.gui_data import AGENCY_NAME, make_world
    from demo.screenshots import sample_requests
    from tests.gui_support import open_window

    world = make_world(tmp_path / "w", tmp_path / "home", footage=footage)
    win, agent = open_window(qtbot, world.home)
    try:
        sample_requests(world, agent.requests)
        win.inbox.refresh()
        settle(qtbot, win)
        view = next(v for v in win.inbox.views if v.status == "new")
        data = [AGENCY_NAME, "driveway", "porch", "Det. Jane Roe", "North Precinct",
                view.case, view.incident, view.message, view.location["address"],
                "upload.police.example.gov", "PST", "PDT", "UTC", "KB", "MB",
                *display.LocaleWords().days, *display.LocaleWords().months]
        found = {"inbox": unmarked(visible_texts(win), data)}
        win.open_request(view)
        settle(qtbot, win)
        tl = next(iter(win.request.strip.timelines.values()))
        tl.set_position((tl.limit_start + tl.limit_end) // 2)
        qtbot.waitUntil(lambda: win.request.preview.caption.text() != "", timeout=20000)
        settle(qtbot, win)
        texts = visible_texts(win) + [t for tl in win.request.strip.timelines.values()
                                      for t in tl.labels()]
        assert any("\u27e6" in t for t in texts)
        found["request"] = unmarked(texts, data)
        win.follow(win.ctx.bridge.call("nothing", lambda: None), "\u27e6A job\u27e7")
        settle(qtbot, win)
        found["progress"] = unmarked(visible_texts(win), data)
        data += [s.camera for s in agent.sources()] + [s.layout for s in agent.sources()]
        # The log's own values are data; its labels are the app's words.
        data += [activity.details({k: v}, ZONE).partition(": ")[2]
                 for r in agent.activity() for k, v in r.data.items()]
        data += [c.name for v in agent.registration_views() for c in v.cameras]
        data += ["Sam Sample", "Elm Street", "the driveway and the street",
                 "the porch and the sidewalk", world.registration]
        for name in ("export", "log", "settings", "masks", "register"):
            win.show_page(name)
            settle(qtbot, win)
            found[name] = unmarked(visible_texts(win), data)
        win.settings.add_recorder()   # the recorder steps open in a window of their own
        settle(qtbot, win)
        found["recorder"] = unmarked(visible_texts(win.settings.recorder_dialog), data)
        win.settings.recorder_dialog.close()
        win.show_page("first_run")
        for step in range(win.first_run.steps.count()):
            win.first_run.go(step)
            settle(qtbot, win)
            found[f"first_run {step}"] = unmarked(visible_texts(win), data)
        assert {screen: texts for screen, texts in found.items() if texts} == {}
    finally:
        win.shutdown()
        agent.close()


def test_the_spanish_fixture_is_the_app_as_a_spanish_owner_sees_it(spanish):
    """Words hunt 4: the tests' `spanish` fixture installed the catalogue only, so dates kept
    English day and month names ("Mon 7 Dec") and Qt's own buttons read "OK" in every Spanish
    test: what a Spanish owner sees of dates and numbers was never tested."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QDialogButtonBox

    from gui.views import display
    from tests.conftest import t

    said = display.window(t("2026-12-07T12:46:48Z"), t("2026-12-07T12:47:28Z"),
                          "America/Los_Angeles")
    assert said.startswith("lun 7 dic 2026, 04:46:48"), said
    assert display.size(1_250_000) == "1,2\u00a0MB"
    assert QLocale().decimalPoint() == ","
    box = QDialogButtonBox(QDialogButtonBox.Ok)
    assert box.button(QDialogButtonBox.Ok).text() == "Aceptar"
