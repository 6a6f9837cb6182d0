"""A Dahua's recording search (docs/recorders.md, Dahua): a finder object at a time
(mediaFileFind: factory.create, findFile, getCount, findNextFile page by page, then close and
destroy, always), its `key=value` answers, the channel its results are numbered by, and how a
search ended: found=0, or an `Error` that some firmware gives at the end and a device whose
search stops part-way gives too, told apart where the device allows.

A mixin of `agent.recorders.dahua.DahuaRecorder`, which provides `_get`, `_values`, `_wire`,
`_zone`, `_from_zero`, `_counts`, `_none_at_find` and `left_out`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterator
from urllib.parse import quote

from agent.recorders.model import BadAnswer, RecorderError, Recording
from agent.recorders.search_found import new_to, say_left_out
from agent.recorders.wire import whole_number
from agent.recorders.zones import recording_times, wall_span
from agent.timebase import US

PAGE = 100
MAX_PAGES = 10_000  # a device that never says found=0 is stopped here
FMT = "%Y-%m-%d %H:%M:%S"
_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_.\[\]]{0,120}$")
# A search answered Error part-way: fewer recordings than the total the device gave, or, with
# none given, Error after a page as full as asked (or as its own pages, where it sends fewer)
# and, asked again from the latest recording
# it had brought, not even that one, or nothing new before Error again; or, after Error
# following a page of one, recordings its findFile found past the latest one and not one of
# them read (where its findFile says Error for nothing). What it listed is not all it holds
# (a disk it cannot read beyond there, say).
CUT_SHORT = ("The recorder at {where} stopped its search part-way through this camera's "
             "recordings, so not all of them could be read.")
# A second nothing is recorded at (the last of 2037, before 32-bit device clocks end): what
# the device's findFile says where nothing matches (_says_none).
NOWHERE = (datetime(2037, 12, 31, 23, 59, 58), datetime(2037, 12, 31, 23, 59, 59))


def parse_lines(text: str) -> dict[str, str]:
    """`key=value` lines (CRLF or LF) into a dict; lines without '=' are skipped."""
    out = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and _KEY.match(key.strip()) and value.isprintable():
            out[key.strip()] = value.strip()
    return out


def query(params: list[tuple[str, str]]) -> str:
    # Spaces as %20 and colons raw: what Dahua firmware parses (python-amcrest, amcrest-sdk).
    return "&".join(f"{k}={quote(v, safe=':/')}" for k, v in params)


@dataclass
class _Run:
    """How one finder's search went: how it ended ("end": found=0, a page with nothing new or
    the page limit; "none": findFile said Error, as some firmware says nothing was recorded;
    "error": a page answered Error), the total the device gave (None: unknown), how many
    recordings it brought, how many of them were new, how many the last page said, and the
    first page's when more pages followed it (the device's own page size: some firmware sends
    fewer than asked a page; 0 while unknown)."""

    ended: str = "end"
    total: int | None = None
    brought: int = 0
    new: int = 0
    last_page: int = 0
    device_page: int = 0

    def full(self, device_page: int) -> bool:
        """The last page was as full as the device sends: as many as asked, or as many as
        the device's own pages (`device_page`, learnt in this search) where it sends fewer. A
        page of one is never taken for full that way: asked again, a search that ended and
        one cut short look alike."""
        return self.last_page >= PAGE or self.last_page == device_page >= 2

    def first_short(self, device_page: int, resumed: bool) -> bool:
        """`Error` came right after a first page of several recordings, fewer than asked, with
        the device's page size not shown (no page followed one): a device sending fewer a
        page whose search stopped there looks so, and so does a search that ended. Asked
        again from the latest recording brought (once), they answer apart. A page of one is
        not asked about: asked again, they look alike."""
        return not resumed and not device_page and self.last_page >= 2 and \
            self.brought == self.last_page


class DahuaSearch:
    """The search methods of DahuaRecorder."""

    def search(self, channel: int, start_us: int, end_us: int) -> Iterator[Recording]:
        w0, w1 = (w.replace(microsecond=0)   # no fractions: HTTP 400
                  for w in wall_span(self._zone, start_us, end_us + US - 1))
        found_items: list[tuple[str | None, Recording]] = []   # (the channel said, the recording)
        seen: set[tuple] = set()
        pages, latest, since = [MAX_PAGES], [], w0   # latest: the latest start brought
        resumed, device_page, beyond = False, 0, False
        while True:
            run = self._find(channel, since, w1, seen, found_items, pages, (start_us, end_us),
                             latest, resumed)
            device_page = max(device_page, run.device_page)   # the device's, for every run
            if beyond and run.ended == "error" and not run.brought:
                # Its findFile found something after the latest recording, and not one of
                # it could be read: cut short, where the device says "nothing" at findFile.
                cut = self._says_none(channel)
            elif resumed and not run.brought:
                cut = True   # not even the recording it listed there
            elif run.ended != "error":
                cut = False
            elif run.total is not None:
                cut = run.brought < run.total
            elif not run.full(device_page) and not run.first_short(device_page, resumed):
                if run.last_page == 1 and latest and pages[0] > 0:
                    # Error after a page of one: asked again from the latest recording, an
                    # ended search and one cut short answer alike; ask what lies after it.
                    after = datetime.strptime(latest[0].end.text, FMT) + timedelta(seconds=1)
                    if after < w1:
                        since, resumed, beyond = after, False, True
                        continue
                cut = False   # Error after a short last page: how some firmware ends
            elif run.new and latest and pages[0] > 0:
                # Error after a page as full as asked: asked again from the latest recording
                # it brought, a search that had ended brings that one alone.
                since, resumed, beyond = datetime.strptime(latest[0].start.text, FMT), True, False
                continue
            else:
                cut = True
            if cut:
                raise RecorderError(CUT_SHORT.format(where=self._wire.where))
            break
        own = self._own_number(channel, {whole_number(said) for said, _rec in found_items
                                         if said is not None})
        # No number at all is the channel asked, as older answers have none.
        mine = [said is None or whole_number(said) == own for said, _rec in found_items]
        others = Counter(said[:20] for (said, _rec), ok in zip(found_items, mine) if not ok)
        self.left_out[channel] += say_left_out(self._wire.where, str(channel), others)
        yield from (rec for (_said, rec), ok in zip(found_items, mine) if ok)

    def _find(self, channel: int, w0: datetime, w1: datetime, seen: set[tuple],
              found_items: list[tuple[str | None, Recording]], pages: list[int],
              window: tuple[int, int], latest: list[Recording], resumed: bool) -> "_Run":
        """One finder's search of [w0, w1] (wall times): its recordings in the window added to
        `found_items` once each (`seen`), pages counted down in `pages`, the latest start
        brought kept in `latest`; how it went. `resumed`: asked again from the latest start
        brought, its first page brings what came already."""
        created = self._values("mediaFileFind.cgi", [("action", "factory.create")]).get("result", "")
        if whole_number(created) is None:
            raise BadAnswer("The recorder did not create a search (mediaFileFind).")
        finder = ("object", created)
        run = _Run()
        try:
            found = self._get("mediaFileFind.cgi", [("action", "findFile"), finder,
                                                    ("condition.Channel", str(channel)),
                                                    ("condition.StartTime", w0.strftime(FMT)),
                                                    ("condition.EndTime", w1.strftime(FMT))])
            if found.status != 200 or not found.text.strip().upper().startswith("OK"):
                run.ended = "none"   # Error: nothing recorded then (some firmware says so)
                return run
            run.total = self._total(finder)
            while pages[0] > 0:
                pages[0] -= 1
                answer = self._get("mediaFileFind.cgi", [("action", "findNextFile"), finder,
                                                         ("count", str(PAGE))])
                values = parse_lines(answer.text)
                count = whole_number(values.get("found"))
                if answer.status != 200 or count is None:
                    run.ended = "error"
                    return run
                if not count:   # found=0 ends it; a short page does not
                    return run
                new = 0
                for i in range(min(count, len(values))):   # no more items than lines came
                    rec = self._item(values, i, channel)
                    if rec is None:
                        continue
                    run.brought += 1
                    if not latest or rec.start_us > latest[0].start_us:
                        latest[:] = [rec]
                    if not new_to(seen, rec, self._wire.where):
                        continue
                    new += 1
                    if rec.end_us > window[0] and rec.start_us < window[1]:
                        found_items.append((values.get(f"items[{i}].Channel"), rec))
                first = run.last_page == 0
                if run.last_page and not run.device_page:
                    run.device_page = run.last_page   # another page followed the first
                run.new, run.last_page = run.new + new, count
                if not new and not (resumed and first):
                    return run   # the same page again: asked for ever, it would never end
            return run
        finally:
            for action in ("close", "destroy"):  # always, even after errors
                try:
                    self._get("mediaFileFind.cgi", [("action", action), finder])
                except RecorderError:
                    pass

    def _says_none(self, channel: int) -> bool:
        """Whether this device answers `findFile` with `Error` where nothing was recorded
        (as Dahua's own web page and ipcmanview read it: "no data"), learnt once a connection
        by asking it of a second nothing was recorded at (NOWHERE). A device answering `OK`
        there (and `Error` where `found=0` would end) cannot tell a search cut short from one
        that ended: read as ended."""
        if self._none_at_find is None:
            run = self._find(channel, *NOWHERE, set(), [], [1], (0, 0), [], False)
            self._none_at_find = run.ended == "none"
        return self._none_at_find

    def _total(self, finder: tuple[str, str]) -> int | None:
        """How many recordings the finder found, where the device says (`getCount`: the
        RPC2 API's `mediaFileFind.getCount` in its CGI form, which no public document shows).
        Any other answer (Error, as firmware without it gives) leaves the total unknown, and
        it is not asked again of this connection: never taken for a refused password, nor
        asked over and over of a device that may count a refusal toward its lock-out."""
        if not self._counts:
            return None
        try:
            answer = self._wire.call("GET", "/cgi-bin/mediaFileFind.cgi?" + query(
                [("action", "getCount"), finder]))
        except RecorderError:
            answer = None
        total = (whole_number(parse_lines(answer.text).get("count"))
                 if answer is not None and answer.status == 200 else None)
        self._counts = total is not None
        return total

    def _own_number(self, channel: int, said: set[int | None]) -> int:
        """The number the device writes in `items[].Channel` for the channel asked (from 1).
        Dahua NVRs write it from 0 (the first camera's recordings say 0: public clients'
        notes of DHI-NVR4108-8P-4KS2/L and of another NVR asked 15 and answering 14, and every
        public fixture); the API's own example writes back the number asked. A 0 said
        anywhere shows counting from 0 (from 1 nothing is 0), and so does the number below
        the one asked said alone; the device keeps to it for its other channels."""
        if 0 in said or (channel not in said and channel - 1 in said):
            self._from_zero = True
        return channel - 1 if self._from_zero else channel

    def _item(self, values: dict[str, str], i: int, channel: int) -> Recording | None:
        p = f"items[{i}]."
        try:
            w0 = datetime.strptime(values[p + "StartTime"], FMT)
            w1 = datetime.strptime(values[p + "EndTime"], FMT)
        except (KeyError, ValueError):
            return None
        start, end = recording_times(w0, values[p + "StartTime"], w1, values[p + "EndTime"],
                                     self._zone)
        path = values.get(p + "FilePath", "")
        return Recording(channel, start, end, whole_number(values.get(p + "Length")),
                         values.get(p + "Type", ""), path, path)
