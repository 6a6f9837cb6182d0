"""The docs as a reader follows them: every page they send the reader to (a link, or a page
named in the text as `protocol.md`, "package-format.md") and every picture they show is in
the repository. A name in backticks after another project's name is that project's file."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def sent_to(page: Path) -> set[str]:
    """The link targets and the pages named outside code spans, relative to the repo."""
    text = page.read_text("utf-8")
    targets = {t.split("#", 1)[0] for t in re.findall(r"\]\(([^)\s]+)\)", text)
               if not re.match(r"[a-z]+:", t) and not t.startswith("#")}
    prose = re.sub(r"`[^`]*`", "", text)
    named = set(re.findall(r"(?<![\w/.-])([a-z0-9-]+\.md)\b", prose))
    found = {str((page.parent / t).resolve().relative_to(ROOT)) for t in targets if t}
    return found | {f"docs/{n}" if (ROOT / "docs" / n).exists() or page.parent.name == "docs"
                    else n for n in named}


def test_every_page_and_picture_the_docs_send_the_reader_to_is_there():
    """The docs hunt: recorders.md gave `recorder-apis.md §4` as the source of why ONVIF
    search is not used, a page this repository never had."""
    missing = sorted(f"{page.relative_to(ROOT)} -> {target}" for page in PAGES
                     for target in sent_to(page) if not (ROOT / target).exists())
    assert missing == []
