"""Walking a recordings folder: every file once, never out of the folder, never stuck.

Iterative, never follows folder links (a loop must not hang the scan), never enters a folder it
has been in under another path (one mounted inside itself, a share whose server follows a link
back up), sorted for a stable order. A file link is followed only to a file inside the
source; a link out of it is listed, never opened, and so is one that leads to no file (a loop).
File names that are not valid text are reported, and unreadable folders too. An evidence
package's folder (a BagIt bag footage-agent signed: `bagit.txt` and
`tagmanifest-sha256.txt.minisig`) is never entered: its clip was cut from recordings, it is not
one, and indexed it would come back as footage of the moment it was exported. Nor is a Mac's
`._<name>` companion of a file ever read as a recording.
"""
from __future__ import annotations

import os
from pathlib import Path

from agent.index.layouts import looks_like_recording
from agent.index.links import LINK_OUT, link_inside
from agent.index.name_text import as_on_the_disk, locale_words, read_as_ascii
from frp.bagit import SIGNATURE

SKIP_DIRS = {"@eaDir", "#recycle", "#snapshot", "$RECYCLE.BIN", "System Volume Information"}
# Matched without capitals: the disks that hold them ignore capitals, and Windows names its
# recycle bin `$Recycle.Bin` on its own NTFS disks, `$RECYCLE.BIN` elsewhere.
_SKIPPED = frozenset(name.casefold() for name in SKIP_DIRS)
WENT_AWAY = "it went away during the scan: was the card or drive removed?"
FOLDER_LINK_OUT = ("a link to a folder outside this recordings folder; links out of a recordings "
                   "folder are never followed: add the folder it leads to as a recordings folder "
                   "of its own")
LINK_NOWHERE = ("a link that leads to no file (to itself, round a loop of links, or to a file "
                "no longer there); put the recording itself here to index it")


def walk(root: Path, within: list[str] | None = None, only: set[str] | None = None):
    """Yield (path, rel, stat, None, link) per file, (path, None, None, error, None) per
    unreadable folder (also one that goes away while its files are looked at: a card pulled
    out, a share unmounted; a folder deleted while the one above it stays is skipped: its
    files are gone) and (path, rel, None, error, None) per file that is not indexed as one: a name that
    cannot be stored, a link out of the source, or a link that leads to no file.

    Iterative, never follows folder links (a loop must not hang the scan), sorted for a stable
    order. A file link is followed only to a file inside the source (`link` then says which);
    a link out of it is listed, never opened. File names that are not valid text are reported.
    `within`: folders inside `root` (as `subfolders` gives them) to walk instead of all of it;
    `only`: of what they hold, only these files (their folders are listed, nothing else is
    looked at, no folder entered).
    """
    real_root = os.path.realpath(root)
    stack = [(str(root), "")] if within is None else \
        [(folder, _rel_folder(root, folder)) for folder in reversed(within)]
    walked: set[tuple[int, int]] = set()   # folders by what the disk calls them
    while stack:
        folder, rel_folder = stack.pop()
        if _walked_before(folder, walked):
            continue   # the same folder below itself (a mount, a server following a link)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name, reverse=True)
        except OSError as exc:
            parent = os.path.dirname(folder)
            if rel_folder and _gone(parent, mount=parent == str(root)):   # card or share left
                yield folder, None, None, WENT_AWAY, None
            elif not (rel_folder and no_longer_listed(folder)):
                yield folder, None, None, exc.strerror or str(exc), None
            # else deleted since its folder was listed (a recorder freeing space): its files
            # are gone, as a single file deleted is
            continue
        for entry in entries:
            if only is not None and entry.path not in only:
                continue
            name = entry.name
            rel = f"{rel_folder}{name}"
            link = None
            try:
                if entry.is_dir(follow_symlinks=False):
                    if only is None and not skipped_folder(entry.path, name):
                        stack.append((entry.path, rel + "/"))
                    continue
                if skipped_file(name):
                    continue
                if entry.is_symlink():
                    link = link_inside(real_root, entry.path)
                    if link is None:
                        if looks_like_recording(rel):
                            yield entry.path, rel, None, LINK_OUT, None
                        elif os.path.isdir(entry.path):   # never a word was said of it
                            yield entry.path, rel, None, FOLDER_LINK_OUT, None
                        continue
                    if not _leads_to_something(entry.path, folder, mount=not rel_folder):
                        if looks_like_recording(rel):
                            yield entry.path, rel, None, LINK_NOWHERE, None
                        continue
                if not entry.is_file():
                    continue
                st = entry.stat()
            except OSError:
                # The card or drive left mid-walk: its files are out of reach, not deleted.
                if _gone(folder, mount=not rel_folder):
                    yield folder, None, None, WENT_AWAY, None
                    break
                continue   # this one file went (a camera recycling its oldest)
            if _has_surrogates(entry.path):
                shown = as_on_the_disk(entry.path)
                if looks_like_recording(shown):
                    yield shown, shown, None, (
                        locale_words() if read_as_ascii(entry.path)
                        else "the file name is not valid text; rename it to index it"), None
                continue
            yield entry.path, rel, st, None, link


def walked_files(root: str, files, within: list[str]) -> dict[str, set[str]]:
    """The files of `root` (a watcher saw change) to look at on their own, by the folder that
    holds them: those inside a folder `within` (walked anyway), in a folder a walk never
    enters, or not inside `root`, left out."""
    base = os.path.join(str(root), "")
    tops = tuple(os.path.join(f, "") for f in within)
    out: dict[str, set[str]] = {}
    for path in files:
        path = os.path.normpath(path)
        folder = os.path.dirname(path)
        if not path.startswith(base) or path.startswith(tops):
            continue
        if os.path.join(folder, "") == base or subfolders(root, {folder}) == [folder]:
            out.setdefault(folder, set()).add(path)
    return out


def subfolders(root: str, folders) -> list[str] | None:
    """The folders of `root` a walk of them covers `folders` with (those inside another one
    left out, and those a walk never enters, or that are not inside `root`, dropped), sorted;
    None when that is `root` itself (a whole walk)."""
    base = os.path.join(str(root), "")
    kept: list[str] = []
    for folder in sorted({os.path.normpath(f) for f in folders}):
        if os.path.join(folder, "") == base:
            return None
        if not folder.startswith(base) or any(folder.startswith(os.path.join(k, "")) for k in kept):
            continue
        parts, path = folder[len(base):].split(os.sep), base
        if not any(skipped_folder(path := os.path.join(path, p), p) for p in parts):
            kept.append(folder)
    return kept


def _rel_folder(root: Path, folder: str) -> str:
    """A folder of `root` as a walk names it: '' for `root`, else 'a/b/'."""
    rel = os.path.relpath(folder, root)
    return "" if rel == "." else rel.replace(os.sep, "/") + "/"


def skipped_folder(path: str, name: str) -> bool:
    """True for a folder a scan never enters: hidden ones (a package being built among them),
    a NAS's or Windows' own (SKIP_DIRS), and an evidence package footage-agent sealed (it holds
    `bagit.txt` and the owner's signature; another BagIt bag, such as recordings an owner
    archived that way, is indexed as before)."""
    if name.casefold() in _SKIPPED or name.startswith("."):
        return True
    return all(os.path.isfile(os.path.join(path, n)) for n in ("bagit.txt", SIGNATURE))


def skipped_file(name: str) -> bool:
    """True for a file a scan never reads: the `._<name>` companion a Mac writes beside each
    file on a card or share that cannot keep its Finder data itself (FAT, exFAT, many NAS
    shares). It is named like the recording it describes but holds 4 KiB of Finder data."""
    return name.startswith("._")


def _leads_to_something(path: str, folder: str, mount: bool) -> bool:
    """False for a link to itself, round a loop, or to a file no longer there; OSError when
    its folder went away meanwhile (the walk says so for the folder)."""
    try:
        os.stat(path)
        return True
    except OSError:
        if _gone(folder, mount):
            raise
        return False


def _gone(folder: str, mount: bool) -> bool:
    """True when `folder` cannot be listed any more (unplugged, failing) or, being the
    recordings folder itself (`mount`), lists nothing though it held what the walk was looking
    at: a share or card unmounted leaves its mount point there, empty. A folder below it
    emptied is a recorder deleting its files one by one."""
    try:
        with os.scandir(folder) as listing:
            return mount and next(listing, None) is None
    except OSError:
        return True


def _walked_before(folder: str, walked: set[tuple[int, int]]) -> bool:
    """True when `folder` is one the walk has been in already under another path: a folder
    mounted inside itself, or a NAS whose server follows a link back up (`latest -> .` seen
    over SMB is a plain folder, round and round). Noted as walked otherwise. A folder the
    disk numbers no file of (0), or that cannot be looked at, is never taken for one."""
    try:
        st = os.stat(folder)
    except OSError:
        return False   # scandir says why
    if not st.st_ino:
        return False
    if (st.st_dev, st.st_ino) in walked:
        return True
    walked.add((st.st_dev, st.st_ino))
    return False


def no_longer_listed(folder: str) -> bool:
    """True when the folder above `folder` no longer lists it. Asked of the folder above, not
    of `folder` itself: a path Windows finds too long says "not found" as a deleted one does."""
    try:
        return os.path.basename(folder) not in os.listdir(os.path.dirname(folder))
    except OSError:
        return False


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True
