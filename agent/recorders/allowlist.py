"""The read-only allow-list: every request to a recorder is checked here, in the transport, just
before it would leave, so no code path (a bug, a new client, an auth retry) can send a
settings change, a reboot or a live-stream request. Only search, time, device information
and download calls are on it."""
from __future__ import annotations

import json

import httpx

from agent.recorders.model import NotAllowed

# Reolink: POST /cgi-bin/api.cgi?cmd=X with a JSON array of commands; GET only for Download.
REOLINK_POST = frozenset({"Login", "Logout", "GetDevInfo", "GetChannelstatus", "GetTime",
                          "Search", "NvrDownload"})
REOLINK_GET = frozenset({"Download"})
# Dahua: GET /cgi-bin/<cgi>?action=A, and RPC_Loadfile/<path on the device>.
DAHUA = {
    "/cgi-bin/magicBox.cgi": frozenset({"getSystemInfo", "getSoftwareVersion", "getMachineName",
                                        "getDeviceType", "getSerialNo", "getVendor"}),
    "/cgi-bin/global.cgi": frozenset({"getCurrentTime"}),
    "/cgi-bin/configManager.cgi": frozenset({"getConfig"}),
    "/cgi-bin/mediaFileFind.cgi": frozenset({"factory.create", "findFile", "getCount",
                                             "findNextFile", "close", "destroy"}),
    "/cgi-bin/loadfile.cgi": frozenset({"startLoad"}),
}
DAHUA_CONFIG_NAMES = frozenset({"ChannelTitle", "NTP", "Locales"})
DAHUA_FILES = "/cgi-bin/RPC_Loadfile/"
# Hikvision ISAPI: (method, path). Search and download carry an XML body; some firmware
# wants GET with a body, others POST.
HIKVISION = frozenset({
    ("GET", "/ISAPI/System/deviceInfo"), ("GET", "/ISAPI/System/time"),
    ("GET", "/ISAPI/Streaming/channels"), ("GET", "/ISAPI/ContentMgmt/InputProxy/channels"),
    ("POST", "/ISAPI/ContentMgmt/search"), ("GET", "/ISAPI/ContentMgmt/download"),
    ("POST", "/ISAPI/ContentMgmt/download"),
})


def _one(params: httpx.QueryParams, key: str) -> str:
    values = params.get_list(key)
    if len(values) != 1:
        raise NotAllowed(f"a recorder request must name exactly one {key!r}")
    return values[0]


def describe(request: httpx.Request) -> str:
    """The request without its query's values (tokens and passwords live there for some
    vendors): safe for a message."""
    return f"{request.method} {request.url.path}"


def check(vendor: str, request: httpx.Request) -> None:
    """Raise NotAllowed unless the request is on the vendor's read-only list."""
    method, path, params = request.method, request.url.path, request.url.params
    if ".." in path.split("/"):
        raise NotAllowed(f"{describe(request)} is not a path a recorder client sends")
    if vendor == "reolink":
        _check_reolink(request, method, path, params)
    elif vendor == "dahua":
        if method != "GET":
            raise NotAllowed(f"{describe(request)}: Dahua reads are GET only")
        if path.startswith(DAHUA_FILES) and len(path) > len(DAHUA_FILES) and not params:
            return
        actions = DAHUA.get(path)
        action = _one(params, "action") if actions is not None else None
        if actions is None or action not in actions:
            raise NotAllowed(f"{describe(request)} action={action} is not a read-only Dahua call")
        if path == "/cgi-bin/configManager.cgi" and _one(params, "name") not in DAHUA_CONFIG_NAMES:
            raise NotAllowed(f"{describe(request)}: that configuration is not read here")
    elif vendor == "hikvision":
        if (method, path) not in HIKVISION or params:
            raise NotAllowed(f"{describe(request)} is not a read-only ISAPI call")
    else:
        raise NotAllowed(f"unknown recorder vendor {vendor!r}")


def _check_reolink(request: httpx.Request, method: str, path: str,
                   params: httpx.QueryParams) -> None:
    if path != "/cgi-bin/api.cgi":
        raise NotAllowed(f"{describe(request)} is not Reolink's API")
    cmd = _one(params, "cmd")
    if method == "GET":
        if cmd not in REOLINK_GET:
            raise NotAllowed(f"GET cmd={cmd} is not a read-only Reolink call")
        return
    if method != "POST" or cmd not in REOLINK_POST:
        raise NotAllowed(f"{method} cmd={cmd} is not a read-only Reolink call")
    try:
        items = json.loads(request.content or b"")
    except ValueError:
        raise NotAllowed("a Reolink command body must be a JSON array") from None
    if not isinstance(items, list) or not items:
        raise NotAllowed("a Reolink command body must be a JSON array")
    for item in items:
        name = item.get("cmd") if isinstance(item, dict) else None
        if name not in REOLINK_POST:
            raise NotAllowed(f"Reolink command {name!r} is not on the read-only list")
