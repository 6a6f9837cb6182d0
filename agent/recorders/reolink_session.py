"""A Reolink's token session over its JSON API: Login once (a wrong password is never retried:
three lock the address out), the token riding in each command's query and renewed shortly
before its lease ends, logged in again once when the device says the session ended, and
Logout when done (a device keeps only a few sessions at a time).
"""
from __future__ import annotations

import json
import time

from agent.recorders.model import BadAnswer, DeviceBusy, RecorderError, not_this_make
from agent.recorders.reolink_answers import TOKEN, error_of, login_refusal, unsendable_password
from agent.recorders.wire import Wire, whole_number

API = "/cgi-bin/api.cgi"


def renew_before(lease_s: int) -> float:
    """How long before a token's lease ends a new session is begun: 5 minutes of an hour's
    lease, a tenth of a shorter one (firmware leases 300 s or less: renewing 5 minutes early
    would log in again before every command)."""
    return min(300.0, lease_s / 10)


class ReolinkSession:
    """The session a ReolinkRecorder sends its commands through."""

    def __init__(self, wire: Wire, user: str, password: str) -> None:
        self._wire, self._user, self._password = wire, user, password
        self._token: str | None = None
        self._token_until = 0.0

    def _post(self, cmd: str, items: list[dict], token: str) -> list:
        answer = self._wire.call("POST", API, params={"cmd": cmd, "token": token},
                                 content=json.dumps(items).encode())
        if answer.status != 200:   # a Reolink answers every command 200, refusals in JSON
            raise not_this_make(self._wire.where, "Reolink")
        try:
            data = json.loads(answer.body)
        except (ValueError, RecursionError):   # nested past what the reader goes: not Reolink's
            data = None
        if not isinstance(data, list) or not data or not all(isinstance(i, dict) for i in data):
            raise not_this_make(self._wire.where, "Reolink")
        return data

    def _login(self) -> None:
        unsendable = unsendable_password(self._wire.where, self._password)
        if unsendable is not None:
            raise unsendable
        user = {"Version": "0", "userName": self._user, "password": self._password}
        item = self._post("Login", [{"cmd": "Login", "action": 0, "param": {"User": user}}], "null")[0]
        if item.get("code") == 0:
            value = item.get("value")
            token = value.get("Token") if isinstance(value, dict) else None
            if isinstance(token, dict) and TOKEN.fullmatch(str(token.get("name"))):
                self._token = token["name"]
                lease = min(whole_number(token.get("leaseTime")) or 3600, 86400)
                self._token_until = time.monotonic() + lease - renew_before(lease)
                return
            raise BadAnswer(f"The recorder at {self._wire.where} accepted the login but sent no "
                            "session token a Reolink gives.")
        code, detail = error_of(item)
        refused = login_refusal(self._wire.where, code, detail)
        if refused is not None:
            raise refused
        if code == -5:
            raise RecorderError(f"The recorder at {self._wire.where} has too many sessions open; "
                                "close its app or web page on other devices and try again.")
        raise RecorderError(f"The recorder at {self._wire.where} refused the login ({detail or code}).")

    def token(self, anew: bool = False) -> str:
        """The session's token, a new one shortly before its lease ends (or `anew`: the device
        ended it). The old session is logged out first: a device keeps a few at a time ('max
        session'), and one left open lasts its whole lease."""
        if anew:
            self._token = None
        if self._token is None or time.monotonic() >= self._token_until:
            self.logout()
            self._login()
        return self._token

    def logout(self) -> None:
        """End the session, if one is open (a courtesy: the device frees it at once)."""
        try:
            if self._token is not None:
                self._post("Logout", [{"cmd": "Logout", "action": 0, "param": {}}], self._token)
        except RecorderError:
            pass  # logging out is a courtesy: a session already ended refuses it
        finally:
            self._token = None

    def cmd(self, cmd: str, param: dict, action: int = 0) -> dict:
        """One command's value; logged in again once when the device says the session ended."""
        for attempt in (1, 2):
            item = self._post(cmd, [{"cmd": cmd, "action": action, "param": param}],
                              self.token())[0]
            if item.get("code") == 0:
                value = item.get("value")
                if isinstance(value, dict):
                    return value
                raise BadAnswer(f"The recorder's answer to {cmd} has no value.")
            code, detail = error_of(item)
            if code == -6 and attempt == 1:  # "please login first": the session ended
                self._token = None
                continue
            if code == -221:
                raise DeviceBusy("The recorder is busy with another download.")
            raise RecorderError(f"The recorder at {self._wire.where} refused {cmd} ({detail or code}).")
        raise RecorderError(f"The recorder at {self._wire.where} keeps ending the session.")
