"""A request's `upload.max_bytes` is what the portal takes for it, all its uploads together
(protocol.md): over the real reference portal on loopback, through `footage-agent`."""
from __future__ import annotations

import json

from tests.test_requests_e2e import flow, footage, new_request, only_request  # noqa: F401


def test_packages_together_over_the_requests_limit_send_nothing_and_can_be_withdrawn(flow):
    """Attacker's hunt: each package was held to `max_bytes` alone, so with two cameras that
    each fit but not together the first was uploaded and submitted, the second refused (413),
    and the request was stuck: approve failed again every time, and a decline could no longer
    withdraw the approval (the portal had a submission). Now nothing leaves: the sizes are
    weighed together before the decision is signed, and the owner can decline."""
    portal, _server, run, reg = flow
    new_request(portal, reg, case="size-probe")
    assert run("inbox", "sync")[0] == 0
    probe = only_request(run)["id"]
    code, out, err = run("approve", "--yes", "--json", "--progress", "none", "--", probe)
    assert code == 0, err
    sizes = sorted(d["size"] for d in json.loads(out)["deliveries"])
    assert len(sizes) == 2
    limit = sizes[1] + sizes[0] // 2    # each package fits; both together do not
    submitted = len(portal.submissions())

    new_request(portal, reg, case="too-big", max_bytes=limit)
    assert run("inbox", "sync")[0] == 0
    (jti,) = [i["id"] for i in run.json("inbox") if i["id"] != probe]
    code, _out, err = run("approve", "--yes", "--progress", "none", "--", jti)
    assert code == 3   # approving again as it is cannot help
    assert f"at most {limit:,} bytes" in err and "together" in err, err
    assert "Nothing of it has left this PC yet: approve it again with fewer cameras" in err
    assert "or decline the request" in err
    assert len(portal.submissions()) == submitted   # nothing of this request was submitted
    assert run.json("inbox", "show", "--", jti)["status"] == "failed"

    code, _out, err = run("decline", "--reason", "too large to send", "--", jti)
    assert code == 0, err
    assert run.json("inbox", "show", "--", jti)["status"] == "declined"
    decision = next(d for d in portal.decisions() if d["request"] == jti)
    # the approval never reached the agency: the decline is simply its decision
    assert decision["decision"] == "decline" and decision["reason"] == "too large to send"


def test_packages_together_over_the_limit_stop_before_the_decision_so_fewer_can_be_sent(flow):
    """Found with the last camera's package: the limit was weighed before each camera was cut
    and after the decision was signed, so two packages that fit alone but not together were
    found too large only once the agency held the approval of both: approving one alone was
    refused ('already approved with other choices'), leaving only the decline. The last
    package is weighed before the decision too, and the owner approves fewer cameras."""
    portal, _server, run, reg = flow
    new_request(portal, reg, case="size-probe")
    assert run("inbox", "sync")[0] == 0
    probe = only_request(run)["id"]
    code, out, err = run("approve", "--yes", "--json", "--progress", "none", "--", probe)
    assert code == 0, err
    sizes = {d["camera"]: d["size"] for d in json.loads(out)["deliveries"]}
    limit = max(sizes.values()) + min(sizes.values()) // 2    # each fits; both do not

    new_request(portal, reg, case="too-big", max_bytes=limit)
    assert run("inbox", "sync")[0] == 0
    (jti,) = [i["id"] for i in run.json("inbox") if i["id"] != probe]
    code, _out, err = run("approve", "--yes", "--progress", "none", "--", jti)
    assert code == 3 and "approve it again with fewer cameras" in err, err
    assert portal.decision(jti) is None   # the agency was told nothing

    code, _out, err = run("approve", "--camera", "yard", "--yes", "--progress", "none", "--", jti)
    assert code == 0, err
    assert run.json("inbox", "show", "--", jti)["status"] == "delivered"
    assert portal.decision(jti).approved["cameras"] == ["yard"]


def test_a_package_over_the_requests_limit_stops_the_cutting_of_the_other_cameras(flow):
    """Scale hunt: the limit was weighed only once every approved camera had been cut, sealed
    and tarred, so an approval of many cameras over a long window cut them all (hours of
    work and gigabytes of disk) to be refused for a limit the first package already passed.
    Now each package made is weighed at once, the cameras after it are not cut, and the
    refusal says how many were left; approving again refuses before cutting anything."""
    portal, _server, run, reg = flow
    new_request(portal, reg, case="size-probe")
    assert run("inbox", "sync")[0] == 0
    probe = only_request(run)["id"]
    code, out, err = run("approve", "--yes", "--json", "--progress", "none", "--", probe)
    assert code == 0, err
    limit = min(d["size"] for d in json.loads(out)["deliveries"]) // 2   # none fits

    new_request(portal, reg, case="too-big", max_bytes=limit)
    assert run("inbox", "sync")[0] == 0
    (item,) = [i for i in run.json("inbox") if i["id"] != probe]
    jti = item["id"]
    code, _out, err = run("approve", "--yes", "--progress", "none", "--", jti)
    assert code == 3 and f"at most {limit:,} bytes" in err, err
    made = packages(run.home, jti)
    assert len(made) == 1, made   # the second camera was never cut
    assert "the 1 other camera was not exported" in err, err

    code, _out, err = run("approve", "--yes", "--progress", "none", "--", jti)
    assert code == 3 and "the 1 other camera was not exported" in err, err
    assert packages(run.home, jti) == made   # nothing cut again


def packages(home, jti: str) -> list[str]:
    """The package folders made for request `jti` (their bag-info.txt names it)."""
    return sorted(str(p.parent.relative_to(home)) for p in (home / "packages").rglob("bag-info.txt")
                  if f" {jti}\n" in p.read_text(encoding="utf-8"))


def test_inbox_show_says_what_the_agency_takes_for_the_request(flow):
    """The command line's way to know it before approving: `inbox show` said nothing of the
    request's max_bytes, so `approve` of many cameras learnt it from a refusal."""
    portal, _server, run, reg = flow
    new_request(portal, reg, case="limited", max_bytes=5_000_000)
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    code, out, _err = run("inbox", "show", "--", jti)
    assert code == 0 and "Takes at most: 5,000,000 bytes" in out, out
    assert run.json("inbox", "show", "--", jti)["max_bytes"] == 5_000_000
