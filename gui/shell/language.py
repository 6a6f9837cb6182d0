"""The app in the owner's language: Qt's own catalogue (standard buttons and dialogs) and the
app's (gui/i18n/footage_<language>.qm, made from the .ts beside it by Qt's lrelease), chosen by
the system's locale (LANG, LC_ALL, LC_MESSAGES on Linux; the system's setting elsewhere), or
FOOTAGE_AGENT_LANGUAGE. Dates and times follow the same locale (gui.views.display).

English needs no catalogue. A language without one falls back to English.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from gui.views import display, words

CATALOGUES = Path(__file__).resolve().parent.parent / "i18n"
LANGUAGES = ("en", "es")   # the app's own catalogues: English as written, Spanish


def chosen_locale() -> QLocale:
    """FOOTAGE_AGENT_LANGUAGE (es, es_US, ...) when set, else the system's locale."""
    name = os.environ.get("FOOTAGE_AGENT_LANGUAGE")
    return QLocale(name) if name else QLocale.system()


def catalogue(locale: QLocale) -> Path | None:
    """The app's compiled catalogue for `locale`, if there is one."""
    path = CATALOGUES / f"footage_{QLocale.languageToCode(locale.language())}.qm"
    return path if path.is_file() else None


def install(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Translate the app (its widgets and views) for `locale`; returns the translators (kept
    alive by the caller)."""
    locale = locale or chosen_locale()
    QLocale.setDefault(locale)
    installed = []
    ours = catalogue(locale)
    if ours is not None:
        qt = QTranslator(app)
        if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            installed.append(qt)
        app_words = QTranslator(app)
        if app_words.load(str(ours)):
            installed.append(app_words)
        for translator in installed:
            app.installTranslator(translator)
    words.install(lambda context, text, disambiguation, n:
                  QCoreApplication.translate(context, text, disambiguation, n))
    display.use_locale(locale_words(locale))
    return installed


def locale_words(locale: QLocale):
    """The locale's day and month names for gui.views.display (short forms)."""
    days = [locale.dayName(d, QLocale.ShortFormat) for d in range(1, 8)]
    months = [locale.monthName(m, QLocale.ShortFormat) for m in range(1, 13)]
    return display.LocaleWords(tuple(days), tuple(months))
