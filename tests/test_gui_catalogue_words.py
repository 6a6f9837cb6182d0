"""The Spanish catalogue says one thing one way: "add" is añadir, as on the app's buttons
("Añadir e indexar esta carpeta", "Añadir una grabadora de su red…"); the refusals of a
recordings folder added already said "agregada", "agregarla", "Agregue" beside them. "This
computer" (or "this PC") is "este equipo", as Windows in Spanish names it; the request page
said "Lo que saldrá de este ordenador" above "compruebe que este equipo está conectado" and
"este PC ya usó este código". A camera's name is quoted «porch», as the rest of the catalogue
quotes it («{old}» ahora se llama «{new}»), not 'porch'. Footage is "grabaciones" (or "la
grabación"), as the request list's column and the progress say it; eleven messages said
"imágenes" ("Preparando las imágenes" beside "Preparando la grabación" for the same words), and
the request page's "Your footage for this time." was left out. Read from the catalogue the app
ships (gui/i18n/footage_es.ts)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from gui.shell.language import CATALOGUES


def spanish_pairs() -> list[tuple[str, str]]:
    root = ET.parse(CATALOGUES / "footage_es.ts").getroot()
    # A plural's translation is its <numerusform>s: every form is read.
    return [(m.findtext("source") or "", " ".join(m.find("translation").itertext()).strip())
            for m in root.iter("message")]


def test_add_is_always_anadir_as_on_the_buttons():
    pairs = spanish_pairs()
    buttons = [es for en, es in pairs if en.startswith("Add ")]
    assert buttons and all(es.startswith("Añad") for es in buttons), buttons
    other = [(en, es) for en, es in pairs if re.search(r"\bagreg", es, re.IGNORECASE)]
    assert not other, other


def test_this_computer_is_este_equipo_everywhere():
    pairs = spanish_pairs()
    said = [es for en, es in pairs if re.search(r"\bthis (computer|PC)\b", en)]
    assert said and all("equipo" in es for es in said), [es for es in said if "equipo" not in es]
    other = [es for _, es in pairs if re.search(r"ordenador|\bPC\b", es)]
    assert not other, other


def test_a_cameras_name_is_quoted_as_spanish_quotes_it():
    quoted = [es for _, es in spanish_pairs() if re.search(r"cámara(?: llamada)? «\{", es)]
    assert quoted
    other = [es for _, es in spanish_pairs() if re.search(r"cámara(?: llamada)? '\{", es)]
    assert not other, other


def test_footage_is_grabaciones_throughout():
    footage = [(en, es) for en, es in spanish_pairs()
               if re.search(r"\bfootage\b(?!-agent)", en, re.IGNORECASE)]
    assert len(footage) > 50
    other = [(en, es) for en, es in footage if not re.search(r"grabaci|grabad", es, re.I)]
    assert not other, other
    # "imágenes" is a clip's frames ("imágenes dañadas"), never the footage itself
    mixed = [(en, es) for en, es in footage
             if "imágenes" in es and not re.search(r"\bframes?\b", en)]
    assert not mixed, mixed
