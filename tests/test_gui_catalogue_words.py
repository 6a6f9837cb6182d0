"""The Spanish catalogue says one thing one way: "add" is añadir, as on the app's buttons
("Añadir e indexar esta carpeta", "Añadir una grabadora de su red…"). The refusals of a
recordings folder added already said "agregada", "agregarla", "Agregue" beside them. Read
from the catalogue the app ships (gui/i18n/footage_es.ts)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from gui.shell.language import CATALOGUES


def spanish_pairs() -> list[tuple[str, str]]:
    root = ET.parse(CATALOGUES / "footage_es.ts").getroot()
    return [(m.findtext("source") or "", m.findtext("translation") or "")
            for m in root.iter("message")]


def test_add_is_always_anadir_as_on_the_buttons():
    pairs = spanish_pairs()
    buttons = [es for en, es in pairs if en.startswith("Add ")]
    assert buttons and all(es.startswith("Añad") for es in buttons), buttons
    other = [(en, es) for en, es in pairs if re.search(r"\bagreg", es, re.IGNORECASE)]
    assert not other, other
