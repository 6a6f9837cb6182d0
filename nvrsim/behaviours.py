"""What a test (or the simulator's command line) can ask the simulated device to do wrong:
faults, and firmware behaviours seen on real devices (quirks), by name."""
from __future__ import annotations

# Faults a test (or the command line) can ask for:
FAULTS = {
    "timeout",       # API calls never answer
    "unauthorized",  # every login is refused, whatever the password
    "garbage",       # API answers are random bytes
    "drop-once",     # the first download stops half-way (the connection is dropped)
    "restart-once",  # the same, and the device restarts then: every session it had ends
    "short",         # every download stops half-way
    "one-download",  # a second download while one is running is refused as busy
}
# Firmware behaviours seen on real devices (docs/recorders.md, "The simulator"), by name:
QUIRKS = {
    # Reolink NVR firmware 3.6.5.x (RLN8-410): Search names each file (`0-1-0-0126...-00000`),
    # and Download of a `fragment_*` name from NvrDownload ends the connection with no reply,
    # while Download of the native name sends the recording whole (home-assistant/core#179099,
    # #178519, reolink_aio#196).
    "reolink-native-names",
    # A Reolink NVR that never answers Download, whatever the name (reolink_aio#190); its
    # Search names files as 3.6.5 does.
    "reolink-no-download",
    # NvrDownload answers a window with several fragments, each named by the wall time it
    # starts at, as the API guide's example (§3.6.9, fileCount 10) shows.
    "reolink-fragments",
    # A Dahua or Hikvision search that leaves out no channel: each recording carries its own
    # channel (`items[].Channel`, `trackID`), as a device on the LAN answering with another
    # camera's recordings would.
    "search-all-channels",
    # A Dahua NVR numbering the channels in its search results from 0 (`items[].Channel=0`
    # for the first camera, asked for as 1): public clients' notes of live NVRs
    # (DHI-NVR4108-8P-4KS2/L; another asked 15 answering 14) and every public fixture.
    "dahua-channels-from-zero",
    # A Hikvision NVR ignoring `searchResultPostion` (old ISAPI 1.0 firmware): every page of a
    # search is its first, MORE for as long as there is more; clients page by searching again
    # from the last recording's start (cfryanr/hikvision-download-assistant#1, HikLoad).
    "hikvision-position-ignored",
    # Hikvision search results' times in other ISO 8601 forms than `...T22:00:00Z` (ISAPI
    # writes ISO 8601; its System/time writes local time with an offset, qb60/
    # hikvision-downloader#5): local wall time with the zone's offset then
    # (`2026-11-20T14:00:00-08:00`), and UTC with milliseconds (`2026-11-20T22:00:00.000Z`).
    "hikvision-times-offset",
    "hikvision-times-fraction",
    # A Dahua whose `findNextFile` answers `Error` once there is no more to send, rather than
    # `found=0` (some firmware, as python-amcrest's and amcrest-sdk's loops allow for).
    "dahua-error-at-end",
    # A Hikvision writing its zone in its own form, `CST-10:00:00DST01:00:00,M10.1.0/02:00:00,
    # M4.1.0/03:00:00`: the value after DST is how far summer time moves the clock, not the
    # POSIX offset of summer time (a US Eastern device: `CST+5:00:00DST01:00:00,...`), and
    # `localTime` with the standard offset in summer too (its wall time right: public field
    # notes of an NVR read at 07:24:29-05:00 on 9 September in New York).
    "hikvision-own-tz",
    # A Dahua that does not answer `getCount` (how many a search found: the RPC2 API's
    # `mediaFileFind.getCount`, whose CGI form no public document shows), Error instead.
    "dahua-no-count",
    # A Dahua whose `findFile` answers `Error` where nothing was recorded in the window asked
    # (the RPC2 API's "no data": ipcmanview's mediafilefind.OpenStream and Dahua's own web
    # page read a failed findFile so), rather than `OK` and an empty first page.
    "dahua-find-says-none",
}
