"""The core's sentences about a recorder on the network, word for word as the agent writes
them (part of core_templates.TEMPLATES, in its place there): its password refused, its clock
against this PC's, and how its mirroring stands. Marked for Qt's translation in the "core"
context."""
from __future__ import annotations

from gui.views.core_recorder_camera_words import CHANNEL_GONE
from gui.views.words import QT_TRANSLATE_NOOP

RECORDERS: tuple[str, ...] = (
    # the address the owner typed, refused before anything is sent
    # (agent/recorders/transport.py recorder_url, first_look; wire.py _redirect)
    QT_TRANSLATE_NOOP("core", "'{address}' is not a recorder address (try "
                              "https://192.168.1.20)."),
    QT_TRANSLATE_NOOP("core", "Give the user name and password separately, not in the "
                              "address."),
    QT_TRANSLATE_NOOP("core", "Give only the recorder's address (https://host or "
                              "https://host:port)."),
    QT_TRANSLATE_NOOP("core", "{host} would be reached over plain http, which anyone on the "
                              "network can read. Use https:// if the recorder offers it, or "
                              "allow plain http for this recorder on your home network."),
    QT_TRANSLATE_NOOP("core", "{host} is not on your home network; plain http is refused."),
    # a name reached over plain http leading off the home network when connected to
    # (agent/recorders/transport.py LEADS_AWAY)
    QT_TRANSLATE_NOOP("core", "{host} now leads to {address}, which is not on your home "
                              "network, so nothing was sent to it over plain http (anyone on "
                              "the way could read it). If the recorder has a new address, "
                              "give that one (such as http://192.168.1.20); if not, your "
                              "router or internet provider may be answering for the name."),
    QT_TRANSLATE_NOOP("core", "{host} did not complete an HTTPS handshake ({reason}); it may "
                              "speak plain http only."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} wants https: add it with the address "
                              "{address}."),
    # a recorder added before showing another certificate (agent/recorder_pins.py)
    QT_TRANSLATE_NOOP("core", "The recorder at {where} shows another certificate ({now}) than "
                              "the one trusted before for it ({before}), so nothing was sent "
                              "to it, not even the password. If the recorder was reset or "
                              "replaced, compare the new fingerprint with the one on its own "
                              "screen or web page, then trust it; if not, another device may "
                              "be answering at its address."),
    # another device than the recorder added answering at its address
    # (agent/index/recorder_identity.py ANOTHER_DEVICE)
    QT_TRANSLATE_NOOP("core", "The recorder at {where} says it is another device (serial "
                              "number {now}) than the one added (serial number {before}), so "
                              "nothing was read from it. If the recorder was replaced, add it "
                              "again; if not, another device may be answering at its address "
                              "(a router may have given that address to another)."),
    # a recorder refusing its password (agent/recorders/hikvision.py, dahua.py, reolink.py)
    QT_TRANSLATE_NOOP("core", "The recorder at {where} refused the user name or password. "
                              "Nothing was retried (Hikvision locks an address out for about 30 "
                              "minutes after a few wrong tries)."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} refused the user name or password. "
                              "Nothing was retried (Hikvision locks an address out for about 30 "
                              "minutes after a few wrong tries). It is locked now."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} refused the user name or password. "
                              "Nothing was retried (Hikvision locks an address out for about 30 "
                              "minutes after a few wrong tries). It is locked now for about 1 "
                              "minute."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} refused the user name or password. "
                              "Nothing was retried (Hikvision locks an address out for about 30 "
                              "minutes after a few wrong tries). It is locked now for about "
                              "{count} minutes."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} refused the user name or password. "
                              "Nothing was retried (Hikvision locks an address out for about 30 "
                              "minutes after a few wrong tries). 1 try is left before it locks."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} refused the user name or password. "
                              "Nothing was retried (Hikvision locks an address out for about 30 "
                              "minutes after a few wrong tries). {count} tries are left before "
                              "it locks."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} refused the user name or password. "
                              "Nothing was retried (Dahua devices lock an address out for about "
                              "30 minutes after a few wrong tries)."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} refused the user name or password. "
                              "Nothing was retried."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} refused the user name or password. "
                              "Nothing was retried (Reolink locks an address out after three "
                              "wrong tries)."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} refused the user name or password and "
                              "has locked logins for a while. Nothing was retried (Reolink "
                              "locks an address out after three wrong tries)."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} has locked logins after too many wrong "
                              "tries, so it did not check the password. Wait 5 minutes, then try "
                              "once more with the right one."),
    # a download stopped or refused (agent/recorders/fetch.py): in core_download_words
    # a connection or an answer that failed (agent/recorders/wire.py)
    QT_TRANSLATE_NOOP("core", "The connection to the recorder at {where} failed ({reason})."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} sent an answer larger than {mib} MiB to a "
                              "{method} {path}; ignored."),
    # answers not in the shape the make's API promises (dahua.py, hikvision.py, reolink.py,
    # zones.py)
    QT_TRANSLATE_NOOP("core", "The recorder's clock reads {text}, not a time."),
    QT_TRANSLATE_NOOP("core", "The recorder did not create a search (mediaFileFind)."),
    QT_TRANSLATE_NOOP("core", "The recorder did not say which time zone it keeps."),
    QT_TRANSLATE_NOOP("core", "The recorder's list of channels is not in Reolink's form."),
    QT_TRANSLATE_NOOP("core", "The recorder's time zone {zone} is not a POSIX TZ rule."),
    QT_TRANSLATE_NOOP("core", "The recorder's time zone settings (GetTime) could not be read."),
    QT_TRANSLATE_NOOP("core", "The recorder's answer to {command} has no value."),
    QT_TRANSLATE_NOOP("core", "The recorder's clock (GetTime) could not be read."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} answered a search with something that is "
                              "not Reolink's list of recordings."),
    QT_TRANSLATE_NOOP("core", "A Reolink search result has no readable start or end."),
    QT_TRANSLATE_NOOP("core", "A Hikvision search result has no readable start or end."),
    # an answer a client cannot read (agent/index/mirror.py UNREADABLE)
    QT_TRANSLATE_NOOP("core", "The recorder sent an answer in a form this agent cannot read; it "
                              "will be asked again later (if this keeps happening, its firmware "
                              "may need an update)."),
    # a Reolink recording its clock was put back inside (agent/recorders/reolink_answers.py)
    QT_TRANSLATE_NOOP("core", "The recorder's clock was put back while it recorded this footage, "
                              "so the times it wrote for the recording run backwards and name "
                              "nothing it can send, and its firmware gives the recording no name "
                              "to ask for it whole by; nothing was downloaded. Export it with "
                              "Reolink's own app or the recorder's web page."),
    # footage whose times an earlier clock wrote too, from a recorder naming none
    # (agent/recorders/model.py TIMES_SHARED)
    QT_TRANSLATE_NOOP("core", "The recorder's clock was put back, so this footage has the same "
                              "times on the recorder as footage it recorded earlier, and asked "
                              "for by those times it could send either; it gives the recording "
                              "no name to ask for it by instead, so nothing was downloaded. "
                              "Export it with the recorder's own app or web page."),
    # a Reolink login answered with no token it could give (agent/recorders/reolink.py)
    QT_TRANSLATE_NOOP("core", "The recorder at {where} accepted the login but sent no session "
                              "token a Reolink gives."),
    # a recorder's clock so far off it was reset: nothing mirrored by it
    # (agent/recorders/clock.py CLOCK_RESET)
    QT_TRANSLATE_NOOP("core", "The recorder's clock reads {reading}, more than a year from this "
                              "computer's: it was most likely reset (a power cut, or a flat clock "
                              "battery), so its recordings were not read again, and those found "
                              "before are kept as they were. Set the recorder's clock right, or "
                              "turn on its time synchronisation (NTP), on its own screen or web "
                              "page (if this computer's own clock is wrong, set that right "
                              "instead). What it records until then is dated by the wrong clock, "
                              "so the app will not show it even once the clock is right: export "
                              "any of it you need with the recorder's own app or web page."),
    # a recorder's clock moved by more than a day since its last refresh, not closer to this
    # PC's: reset to a date less than a year away, or set wrong (agent/recorders/clock.py
    # CLOCK_JUMPED)
    QT_TRANSLATE_NOOP("core", "The recorder's clock reads {reading} where this computer's reads "
                              "{now}: since its last refresh it has moved by more than a day "
                              "without coming closer to this computer's, so it was most likely "
                              "reset (a power cut, or a flat clock battery) or set wrong, and its "
                              "recordings were not read again: those found before are kept as they "
                              "were. Set the recorder's clock right, or turn on its time "
                              "synchronisation (NTP), on its own screen or web page (if this "
                              "computer's own clock is wrong, set that right instead)."),
    # the refresh finding a reset clock set right (agent/recorders/clock.py CLOCK_SET_RIGHT)
    QT_TRANSLATE_NOOP("core", "The recorder's clock is right again, but it was reset for a while "
                              "between {since} and {now} (this computer's time): what it "
                              "recorded meanwhile is dated by the wrong clock, so the app does "
                              "not show it, and those hours look unrecorded. If you need any of "
                              "it, export it with the recorder's own app or web page."),
    QT_TRANSLATE_NOOP("core", "The recorder's clock is right again, but it was reset for a while "
                              "before {now} (this computer's time): what it recorded meanwhile "
                              "is dated by the wrong clock, so the app does not show it, and "
                              "those hours look unrecorded. If you need any of it, export it "
                              "with the recorder's own app or web page."),
    # a recorder's clock against this PC's (agent/recorders/clock.py clock_words)
    QT_TRANSLATE_NOOP("core", "the recorder's clock agrees with this computer's"),
    QT_TRANSLATE_NOOP("core", "the recorder's clock is more than a year from this computer's, "
                              "so it was most likely reset: nothing is mirrored from it until "
                              "its clock is set right"),
    QT_TRANSLATE_NOOP("core", "the recorder's clock is {size} ahead of this computer's; its "
                              "recordings are placed at the true time, and the difference is "
                              "recorded with every clip"),
    QT_TRANSLATE_NOOP("core", "the recorder's clock is {size} behind this computer's; its "
                              "recordings are placed at the true time, and the difference is "
                              "recorded with every clip"),
    # why a recorder's mirrored row or downloaded piece is marked (agent/index/mirror.py _row
    # and _failed, clock_change.py, window_pieces.py piece_reason; export/plan.py _why_not)
    QT_TRANSLATE_NOOP("core", "the recorder wrote this start in the repeated fall-back hour; the "
                              "earlier reading is used, and it is never exported, since its "
                              "footage may be from the other"),
    QT_TRANSLATE_NOOP("core", "the recorder's clock was put back while it recorded this, so it "
                              "wrote the end by another clock than the start, and how long it "
                              "runs is not known here; it is not counted as recorded and cannot "
                              "be exported by time (the recorder's own app can still play and "
                              "export it)"),
    QT_TRANSLATE_NOOP("core", "the recorder's clock was put right while it recorded this: its "
                              "start is placed by the clock it had then, its end by the clock as "
                              "it is now; it is fetched whole, and its footage's own timing "
                              "places each frame"),
    QT_TRANSLATE_NOOP("core", "the recorder could not be asked since: {reason}"),
    QT_TRANSLATE_NOOP("core", "the recorder can be asked for it only by its clock's times, which "
                              "the repeated fall-back hour gives twice, and nothing tells which "
                              "of the two it sent; it is never exported, since its footage may "
                              "be from the other"),
    QT_TRANSLATE_NOOP("core", "the recorder wrote its start in the repeated fall-back hour and "
                              "nothing tells which of the two it was; it is never exported, "
                              "since its footage may be from the other"),
    QT_TRANSLATE_NOOP("core", "cut by the recorder at the time asked for"),
    QT_TRANSLATE_NOOP("core", "{path} is ambiguous ({reason})"),
    # how a recorder's mirroring stands (agent/owner_recorder_refresh.py recorder_state_words)
    QT_TRANSLATE_NOOP("core", "added, not mirrored yet"),
    QT_TRANSLATE_NOOP("core", "mirrored at {when}"),
    QT_TRANSLATE_NOOP("core", "mirrored"),
    QT_TRANSLATE_NOOP("core", "not answering: {reason} (last mirrored at {when})"),
    QT_TRANSLATE_NOOP("core", "not answering: {reason}"),
    QT_TRANSLATE_NOOP("core", "{reason} (last mirrored at {when})"),
    QT_TRANSLATE_NOOP("core", "refused: {reason}"),
    QT_TRANSLATE_NOOP("core", "password locked: {reason}"),
    # a camera whose search brought only another channel's recordings (agent/index/mirror.py)
    QT_TRANSLATE_NOOP("core", "{camera} shows no recordings: the recorder answered its search "
                              "only with recordings it numbered as another camera's, which were "
                              "left out. If this camera does record, export its footage with the "
                              "recorder's own app or web page."),
    # a camera the recorder no longer lists (agent/index/unrefreshed.py): the owner's words,
    # and its rows' note
    CHANNEL_GONE,
    QT_TRANSLATE_NOOP("core", "the recorder no longer lists this camera."),
    # a camera whose search failed while the others answered (agent/index/unrefreshed.py)
    QT_TRANSLATE_NOOP("core", "{camera} was not refreshed: {reason} Its recordings found "
                              "before are kept, marked as possibly out of date, and it will be "
                              "asked again at the next refresh. If this goes on, check that "
                              "camera on the recorder's own screen or web page."),
    QT_TRANSLATE_NOOP("core", "Refreshing it failed on this computer, not on the recorder (the "
                              "details were logged); it will be tried again later."),
    # an answer that is not the chosen make's (another make chosen, or not a recorder):
    # hikvision.py, dahua.py, reolink.py, wire.py. Last: "refused {request} ({detail})." would
    # take a password refused above whole.
    QT_TRANSLATE_NOOP("core", "The recorder at {where} does not answer as a {make} recorder. "
                              "If it is another make, choose that make when adding it; if this "
                              "is a camera's address, give the recorder's address instead."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} sent this computer on to another "
                              "address, which is never followed: check that the address given "
                              "is the recorder's own."),
    # a Reolink's login refused for another reason than the password (reolink.py _login)
    QT_TRANSLATE_NOOP("core", "The recorder at {where} has too many sessions open; close its "
                              "app or web page on other devices and try again."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} refused the login ({detail})."),
    # a recorder's answers to a search or a download (agent/recorders/hikvision.py, reolink.py,
    # reolink_answers.py), met when the app exports or holds a recorder's footage
    QT_TRANSLATE_NOOP("core", "The recorder's search never ended."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} keeps ending the session."),
    QT_TRANSLATE_NOOP("core", "The recorder is busy with another download."),
    QT_TRANSLATE_NOOP("core", "The recorder no longer has that recording."),
    QT_TRANSLATE_NOOP("core", "The recorder ended the session the download was asked in."),
    QT_TRANSLATE_NOOP("core", "The recorder has no footage for that time any more."),
    QT_TRANSLATE_NOOP("core", "The recorder refused the download ({detail})."),
    QT_TRANSLATE_NOOP("core", "The recorder answered the download with something other than "
                              "footage (HTTP {status})."),
    QT_TRANSLATE_NOOP("core", "The recorder can be asked for footage only by its clock's times, "
                              "and its clock went back an hour inside this stretch (the end of "
                              "summer time): its times run backwards there and name nothing it "
                              "can send, so nothing was downloaded."),
    QT_TRANSLATE_NOOP("core", "The recorder split this stretch into {count} files and does not "
                              "say exactly where each starts"),
    QT_TRANSLATE_NOOP("core", "The recorder split this stretch into {count} files and does not "
                              "say exactly where each starts, so none of them was taken: a guess "
                              "could put footage at the wrong time"),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} ended the connection without answering "
                              "when asked for the piece it cut for this stretch; some Reolink "
                              "NVR firmware does this"),
    # a download the disk has no room for (agent/recorders/fetch.py)
    QT_TRANSLATE_NOOP("core", "The footage the recorder would send is {need} bytes and the disk "
                              "holding {path} has {free} bytes free, so it was not downloaded. "
                              "Free some space there, then try again."),
    # a recorder's password not to be had (agent/recorders/credentials.py)
    QT_TRANSLATE_NOOP("core", "No password is kept for this recorder; add it again."),
    QT_TRANSLATE_NOOP("core", "The system keychain refused to keep the recorder's password "
                              "({kind})."),
    QT_TRANSLATE_NOOP("core", "The system keychain did not give the recorder's password "
                              "({kind}); is it locked?"),
    QT_TRANSLATE_NOOP("core", "{reason}. Its search gave no file name to download the whole "
                              "recording by instead, so nothing was downloaded. Export the "
                              "footage with Reolink's own app or the recorder's web page, or "
                              "ask Reolink for a firmware update."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} refused {request} ({detail})."),
)
