"""Settings' line under its agencies for an agency named in Arabic that lists another trusted
agency's key (GUI hunt). Seen: "⚠ شرطة المدينة shares the key … with …" with the name bare
after the sign, so the line took the name's direction and was laid out from the right. Each
line is now made by gui.views.shown, the name set apart. A home an older version filled with
two agencies listing one key (tests/test_agency_shared_keys.py), the panel offscreen; the line
laid out as a label lays it out (tests/test_gui_rtl_names.py label_xs)."""
from __future__ import annotations

import os
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.requests import agencies  # noqa: E402
from agent.requests.agencies import TrustStore  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_agencies import agency_doc, own_keys, write  # noqa: E402
from tests.test_agency_shared_keys import POLICE_JWK, SHERIFF  # noqa: E402
from tests.test_gui_rtl_arrival import ARABIC  # noqa: E402
from tests.test_gui_rtl_names import label_xs  # noqa: E402


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_arabic_agency_sharing_a_key_is_said_in_order(qapp, tmp_path, monkeypatch, request,
                                                         language):
    if language == "es":
        request.getfixturevalue("spanish")
    from gui.widgets.agencies_panel import AgenciesPanel

    store = TrustStore(tmp_path / "home")
    with monkeypatch.context() as m:   # as a version without the import check let them in
        m.setattr(agencies, "shared_key", lambda agency, trusted: None)
        store.add(write(tmp_path, agency_doc(keys={"keys": [POLICE_JWK]})))
        store.add(write(tmp_path, agency_doc(
            id=SHERIFF, name=ARABIC, phone="+1-206-555-0111",
            upload_origins=["https://upload.sheriff.example.gov"],
            keys={"keys": own_keys()["keys"] + [POLICE_JWK]}), "sheriff.json"))
    panel = AgenciesPanel(SimpleNamespace(), lambda text: None)
    panel.list_agencies(store.list(), [])
    said = panel.shared.text()
    line = next(li for li in said.split("\n") if li.lstrip("\u200e").startswith("\u26a0 \u2068")
                or li.startswith(f"\u26a0 {ARABIC}"))
    places = label_xs(line, panel.shared.font())
    at = line.index(ARABIC)
    name = [places[at + i] for i, ch in enumerate(ARABIC) if ch != " "]
    words = {"en": " shares the key", "es": " comparte la clave"}[language]
    assert max(name) < places[line.index(words) + 1], (line, places)
    assert places[line.index("\u26a0")] < min(name), (line, places)
    assert "\\u2068" not in said, said
