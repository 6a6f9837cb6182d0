"""What a search keeps of the recordings a device lists: each recording once (`new_to`: a
page sent again, or "more" said for ever), the channel asked for alone (`say_left_out`: the
others counted and logged), and at most MAX_FOUND of them (`count_found`: a device listing
without end). Each vendor's search (reolink, dahua_search, hikvision) keeps these rules."""
from __future__ import annotations

import logging
from collections import Counter

from agent.recorders.model import BadAnswer, Recording

log = logging.getLogger(__name__)

# The most recordings one search of one camera is read to. A camera records one stream, so
# its recordings do not overlap: a refresh's window (the 62 days mirrored and the day ahead,
# 90,720 minutes) holds at most that many of a minute or more, and no recorder splits finer
# (continuous recording is cut into files of minutes to an hour; an event recording runs on
# for its post-record time and joins the next trigger). A recorder's disk bounds nothing
# here: 16 TB holds four million minute-long recordings at 512 kbit/s. Each recording read
# costs some 1.5 KiB until its rows are written (measured on a Hikvision's search: 100,000
# cost 150 MiB at the peak, and made 100,000 rows), so a device
# listing recordings without end (10,000 pages of a Dahua's or Hikvision's, each as large as
# its answer may be) would take all of this PC's memory, and the index a row for each.
MAX_FOUND = 100_000
TOO_MANY = ("The recorder at {where} listed more than " f"{MAX_FOUND:,}" " recordings in one "
            "search of this camera, more than a recorder makes (one a minute for two months), "
            "so its list was read no further and not used.")


class TooMany(BadAnswer):
    """A search listed more than MAX_FOUND recordings: a broken or hostile device."""


def count_found(seen: set, where: str) -> None:
    """TooMany once a search has read MAX_FOUND recordings (`seen`, each once)."""
    if len(seen) >= MAX_FOUND:
        raise TooMany(TOO_MANY.format(where=where))


def new_to(seen: set[tuple], rec: Recording, where: str) -> bool:
    """Whether a search result was not seen before in this search (noting it): a device that
    sends a page again, or says there is more for ever, has each recording counted once; one
    listing more than MAX_FOUND is refused (TooMany)."""
    key = (rec.start.text, rec.end.text, rec.handle)
    if key in seen:
        return False
    count_found(seen, where)
    seen.add(key)
    return True


def say_left_out(where: str, asked: str, said: Counter) -> int:
    """Log the search results a device gave for channels (or tracks) other than the one
    asked for, which the search left out (`said`: how many of each): another camera's
    recordings, indexed as this one's, would be offered as its footage. Returns how many
    (each client keeps the count by channel in its `left_out`, for the refresh to say)."""
    if said:
        others = ", ".join(f"{n} of {number}" for number, n in sorted(said.items()))
        log.warning("the recorder at %s answered a search for channel %s with recordings of "
                    "another (%s); those were left out", where, asked, others)
    return sum(said.values())
