"""A recordings folder's layout named as an owner knows their recorder: "Frigate 0.12 or
later", "Reolink (SD card)", not the agent's key for it ("frigate", "reolink-sd").

The keys are the agent's (agent.index.layouts.LAYOUTS; docs/nvr-layouts.md says which files
each reads); the names are makers' and programs' own, with what kind of folder in the owner's
language. A key with no name here (one added later) is shown as it is.
"""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP, translate

__all__ = ["AUTO", "layout_name"]

AUTO = "auto"   # the agent works the layout out from the files

_NAMES = {
    AUTO: QT_TRANSLATE_NOOP("layouts", "Find out from the files"),
    "frigate": QT_TRANSLATE_NOOP("layouts", "Frigate 0.12 or later"),
    "frigate-legacy": QT_TRANSLATE_NOOP("layouts", "Frigate 0.8 to 0.11"),
    "frigate-flat": QT_TRANSLATE_NOOP("layouts", "Frigate 0.8 (one folder) or its old cache"),
    "frigate-cache": QT_TRANSLATE_NOOP("layouts", "Frigate (cache)"),
    "frigate-export": QT_TRANSLATE_NOOP("layouts", "Frigate (export)"),
    "reolink-sd": QT_TRANSLATE_NOOP("layouts", "Reolink (SD card)"),
    "reolink-fragment": QT_TRANSLATE_NOOP("layouts", "Reolink (NVR or Home Hub download)"),
    "reolink-ftp": QT_TRANSLATE_NOOP("layouts", "Reolink (FTP upload)"),
    "hikvision": QT_TRANSLATE_NOOP("layouts", "Hikvision, EZVIZ or Annke (storage)"),
    "hikvision-extract": QT_TRANSLATE_NOOP("layouts", "Hikvision (SD card extractor)"),
    "dahua-tree": QT_TRANSLATE_NOOP("layouts", "Dahua, Amcrest, Imou or Lorex (SD card, FTP "
                                               "or NAS)"),
    "dahua-backup": QT_TRANSLATE_NOOP("layouts", "Dahua (NVR backup or SmartPSS)"),
    "amcrest-hour": QT_TRANSLATE_NOOP("layouts", "Amcrest (hour folders)"),
    "dvr-export": QT_TRANSLATE_NOOP("layouts", "DVR export (CH01_...)"),
    "tapo": QT_TRANSLATE_NOOP("layouts", "Tapo"),
    "unifi-protect": QT_TRANSLATE_NOOP("layouts", "UniFi Protect (storage)"),
    "unifi-remux": QT_TRANSLATE_NOOP("layouts", "UniFi Protect (remux)"),
    "unifi-archiver": QT_TRANSLATE_NOOP("layouts", "UniFi Protect (protect-archiver)"),
    "unifi-export": QT_TRANSLATE_NOOP("layouts", "UniFi Protect (web export)"),
    "xiaomi": QT_TRANSLATE_NOOP("layouts", "Xiaomi Mi Home (SD card)"),
    "yi": QT_TRANSLATE_NOOP("layouts", "Yi (SD card)"),
    "wyze-sd": QT_TRANSLATE_NOOP("layouts", "Wyze (SD card)"),
    "wyze-bridge": QT_TRANSLATE_NOOP("layouts", "docker-wyze-bridge"),
    "blink": QT_TRANSLATE_NOOP("layouts", "Blink (downloads)"),
    "ispy": QT_TRANSLATE_NOOP("layouts", "iSpy or Agent DVR"),
    "shinobi": QT_TRANSLATE_NOOP("layouts", "Shinobi"),
    "canon-vb": QT_TRANSLATE_NOOP("layouts", "Canon VB (SD card)"),
    "brickcom": QT_TRANSLATE_NOOP("layouts", "Brickcom NVR"),
    "mdvr": QT_TRANSLATE_NOOP("layouts", "In-vehicle recorder (MDVR)"),
    "blue-iris": QT_TRANSLATE_NOOP("layouts", "Blue Iris"),
    "synology": QT_TRANSLATE_NOOP("layouts", "Synology Surveillance Station"),
    "motioneye": QT_TRANSLATE_NOOP("layouts", "motionEye"),
    "motion": QT_TRANSLATE_NOOP("layouts", "motion"),
    "viseron": QT_TRANSLATE_NOOP("layouts", "Viseron"),
    "zoneminder-medium": QT_TRANSLATE_NOOP("layouts", "ZoneMinder (medium storage)"),
    "zoneminder-deep": QT_TRANSLATE_NOOP("layouts", "ZoneMinder (deep storage)"),
}


def layout_name(key: str) -> str:
    """The owner's name for the layout `key`; the key itself when it has none."""
    name = _NAMES.get(key)
    return key if name is None else translate("layouts", name)


def named(key: str) -> bool:
    """Whether `key` has a name of its own here (for the test that every layout has one)."""
    return key in _NAMES
