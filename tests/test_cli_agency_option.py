"""A request's id given with the wrong `--agency` (CLI hunt 8): `approve ID --agency WRONG`
said "there is no request 'ID' in the inbox from WRONG; did you mean 'ID'?", the very id the
owner typed, and nothing of the agency that sent it. It now names the agency the inbox holds it
from and that --agency takes that id, or may be left out."""
from __future__ import annotations

from tests.test_display import _request_file, owner  # noqa: F401  (the fixture)


def test_a_wrong_agency_names_the_agency_the_request_is_from(owner):
    portal, reg, run, tmp = owner
    code, out, err = run("import-request", str(_request_file(portal, reg, tmp)))
    assert code == 0, err
    jti = out.split("\t")[0]
    for argv in (["approve", jti, "--yes"], ["inbox", "show", jti], ["decline", jti]):
        code, out, err = run(*argv, "--agency", "https://sheriff.example.gov")
        assert code == 3 and out == ""
        assert f"the inbox holds it from {portal.agency_id}: give that id to --agency, or " \
               "leave --agency out" in err, err
        assert "did you mean" not in err
    code, out, _ = run("inbox", "show", jti, "--agency", portal.agency_id)
    assert code == 0 and out.startswith(f"Request {jti}: new")
