"""docs/package-format.md read against a real package, as the detective and the defence expert
who receive one read it: every file the package holds is in its layout, every field of
provenance.json is in its table (and every field a row names is one a package holds), and the
package names in its examples are named as packages are."""
from __future__ import annotations

import json
import re
from pathlib import Path

from tests.test_verify_credentials import made  # noqa: F401

DOC_DIR = Path(__file__).resolve().parent.parent / "docs"
DOC = (DOC_DIR / "package-format.md").read_text("utf-8")
NAME = re.compile(r"(?:manual|[A-Za-z0-9.-]+)_[A-Za-z0-9.-]+_\d{8}T\d{6}Z-\d{8}T\d{6}Z_(?:copy|exact)"
                  r"(?:_masked)?(?:_faces)?(?:_sound)?(?:_muted)?")
# Sections a package holds only in some cases, each said so in its row.
SOMETIMES = {"recorder", "hold"}


def section(title: str) -> str:
    """The text of the doc from a `## title` heading to the next one."""
    return DOC.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def table_rows(text: str) -> dict[str, str]:
    """The rows `| \\`field\\` | meaning |` of the first table in `text`."""
    rows = {}
    for line in text.splitlines():
        m = re.fullmatch(r"\| `([a-z_]+)` \| (.*) \|", line)
        if m:
            rows[m.group(1)] = m.group(2)
        elif rows and not line.startswith("|"):
            break
    return rows


def record_of(package: Path) -> dict:
    return json.loads((package / "data/provenance.json").read_text("utf-8"))


def test_every_field_of_provenance_is_in_the_table_and_every_row_is_a_field(made):
    record = record_of(made[1])
    rows = table_rows(section("provenance.json"))
    assert set(record) - set(rows) == set(), "fields the doc does not explain"
    assert set(rows) - set(record) <= SOMETIMES, "rows naming fields no package holds"
    missing = {f"{field}.{k}" for field, value in record.items() if isinstance(value, dict)
               for k in value if f"`{k}`" not in rows[field]}
    assert missing == set(), "fields of a section its row does not explain"


def test_the_layout_lists_every_file_of_a_package_and_names_it_as_packages_are_named(made):
    layout = section("Layout").split("```", 2)[1]
    files = sorted(p.relative_to(made[1]).as_posix() for p in made[1].rglob("*") if p.is_file())
    clip = re.compile(r"data/[A-Za-z0-9.-]+_\d{8}T\d{6}Z_\d{8}T\d{6}Z\.mp4")
    assert clip.fullmatch(f"data/{made[2]}") and clip.search(layout), "the clip's name"
    for name in files:
        assert clip.fullmatch(name) or name in layout, f"{name} is not in the doc's layout"
    assert NAME.fullmatch(made[1].name), made[1].name
    folder = layout.strip().splitlines()[0].split("/")[0]
    assert NAME.fullmatch(folder), f"the layout's folder {folder!r} is not a package's name"
    examples = re.findall(r"(?:bagit\.py --validate|cd) (\S+)", section("Checking a package"))
    assert examples and all(e == folder for e in examples), examples


def test_verify_json_has_exactly_the_keys_cli_md_documents(capsys, made):
    import json as _json
    from agent.cli import main
    cli = (DOC_DIR / "cli.md").read_text("utf-8")
    spec = cli.split("`verify --json`: ", 1)[1].split("`;", 1)[0]
    top, clip = spec.split('"clips": [{', 1)
    clip = clip.split("}]", 1)[0]
    documented_top = set(re.findall(r'"([a-z_]+)"', top)) | {"clips"} \
        | set(re.findall(r'"([a-z_]+)"', spec.rsplit("}]", 1)[1]))
    documented_clip = set(re.findall(r'"([a-z_]+)"', clip))
    assert main(["--home", str(made[0]), "verify", str(made[1]), "--json"]) == 0
    out = _json.loads(capsys.readouterr().out)
    assert set(out) == documented_top
    assert all(set(c) == documented_clip for c in out["clips"]) and out["clips"]
