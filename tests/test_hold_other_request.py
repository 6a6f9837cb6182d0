"""A safe copy is its own request's only: a hold folder left by a request the inbox no longer
lists (the inbox moved aside as its damaged-words advise, or put back from a backup) is never
taken for another request's that got its folder name."""
from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
import pytest  # noqa: E402

from agent.requests import holds
from agent.requests.desk import RequestDesk
from agent.requests.desk_errors import DeskError
from agent.requests.portal_client import PortalClient
from tests.conftest import tree_fingerprint
from tests.test_desk import AGENCY_ID, T0, World, request_token
from tests.test_holds import footage  # noqa: F401 - the module's recordings
from tests.gui_support import spanish  # noqa: F401


def _inbox_moved_aside(w: World) -> None:
    """What the owner does for a damaged inbox: moves it aside; the requests come in again."""
    w.desk.close()
    for name in ("inbox.db", "inbox.db-wal", "inbox.db-shm"):
        if (w.home / name).exists():
            os.rename(w.home / name, w.tmp / name)
    w.desk = RequestDesk(w.home, lambda: w.agent.store, w.agent.owner_key,
                         portal=PortalClient(transport=httpx.MockTransport(w.portal)),
                         clock=lambda: w.now)


def test_a_hold_of_a_request_no_longer_listed_is_not_another_requests(tmp_path, footage):  # noqa: F811
    """Request '..' is held (its folder `_.._`); the inbox is moved aside; request '_.._' comes
    in first, and its folder name is `_.._` too. Its page showed the other request's copies as
    its safe copy ('held', the yard's 8 s of T0), and holding it kept them: an approval would
    have cut another window's copies. It is said instead, and nothing is copied over them."""
    w = World(tmp_path, footage)
    try:
        w.desk.import_request(w.file(request_token(jti="..", cameras=("yard",))))
        first = w.desk.hold("..")
        assert first.path.name == "_.._"
        kept = tree_fingerprint(first.path)
        _inbox_moved_aside(w)
        w.desk.import_request(w.file(request_token(jti="_.._", start=T0 + 4, end=T0 + 8,
                                                   cameras=("porch",))))
        said = (f"the safe copy in {first.path} was made for another request, '..'; the copies "
                "of recordings in that folder are kept as they are. To make this request's "
                "safe copy, move that folder out of footage-agent's folder first (keep it)")
        view = w.desk.show("_.._")
        assert view.problem == said
        assert w.desk.held("_.._") is None
        with pytest.raises(DeskError) as refused:
            w.desk.hold("_.._")
        assert str(refused.value) == said
        assert tree_fingerprint(first.path) == kept
    finally:
        w.close()


def test_a_hold_names_its_agency_and_another_agencys_is_not_taken(tmp_path, footage):  # noqa: F811
    """Two agencies may use one request id; the folder of one agency's hold may go to the
    other's request after the inbox is moved aside. hold.json names the agency, which is
    compared (here the record is edited to another agency's, as such a hold's would read)."""
    w = World(tmp_path, footage)
    try:
        w.desk.import_request(w.file(request_token()))
        hold = w.desk.hold("req-1")
        doc = json.loads((hold.path / holds.RECORD).read_text(encoding="utf-8"))
        assert (doc["request"], doc["agency"]) == ("req-1", AGENCY_ID)
        assert w.desk.held("req-1") is not None
        doc["agency"] = "https://other.police.example.gov"
        (hold.path / holds.RECORD).write_text(json.dumps(doc), encoding="utf-8")
        assert w.desk.held("req-1") is None
        assert "was made for another request, 'req-1'" in w.desk.show("req-1").problem
    finally:
        w.close()


def test_another_requests_safe_copy_is_said_in_spanish(spanish):  # noqa: F811
    """The request's page shows the words through the core's templates, in the owner's
    language, the folder and the other request's id as written."""
    from gui.views.core_words import in_owner_language, matches

    said = ("the safe copy in C:\\Users\\José\\footage-agent\\holds\\_.._ was made for another "
            "request, '..'; the copies of recordings in that folder are kept as they are. To "
            "make this request's safe copy, move that folder out of footage-agent's folder "
            "first (keep it)")
    assert matches(said) is not None
    assert in_owner_language(said) == (
        "la copia a salvo en C:\\Users\\José\\footage-agent\\holds\\_.._ se hizo para otra "
        "solicitud, «..»; las copias de grabaciones en esa carpeta se conservan tal cual. Para "
        "hacer la copia a salvo de esta solicitud, saque antes esa carpeta de la carpeta de "
        "footage-agent (consérvela)")
