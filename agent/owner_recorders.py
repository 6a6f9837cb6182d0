"""Recorders on the owner's network as Agent methods: looking at one (its certificate, then what
it is, its channels and its clock), adding it as a source of the index, refreshing what the
index mirrors of it (by `scan`, and by `run` at a polite interval: owner_recorder_refresh.py),
and what exports, holds and previews need to reach it.

A mixin of `agent.service.Agent`, which provides `home`, `store`, `emit` and `_log_change`.
Passwords go to the system keychain, or encrypted with the owner's passphrase where there is
none (agent/recorders/credentials.py); the passphrase is FOOTAGE_AGENT_PASSPHRASE or, in the
app, the one the owner typed (`use_recorder_passphrase`), kept in memory only.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from agent.errors import AgentError, NotFound, Refusal
from agent.index import mirror
from agent.index.camera_names import CameraNameError, offered_name
from agent.index.recorder_book import RECORDER_LAYOUT, RecorderSource
from agent.index.unrefreshed import CHANNEL_GONE
from agent.index.rows import Source
from agent.index.scan import ScanReport
from agent.owner_recorder_refresh import OwnerRecorderRefresh
from agent.recorder_pins import CertificateNotTrustedBefore, trusted_before
from agent.recorders.clock import clock_words, was_reset
from agent.recorders.connect import RecorderAddress, look_at_certificate, open_recorder
from agent.recorders.credentials import CredentialError, CredentialStore, env_passphrase
from agent.recorders.model import VENDORS
from agent.recorders.transport import fingerprint_text, recorder_url
from agent.timebase import system_zone_name

CHECK_TIMEOUT_S = 15.0
# remove_recorder_camera's refusals for a recorder's name with nothing mirrored under it.
# Before, both were told to be a recordings folder's camera ("goes with its folder").
NOTHING_MIRRORED = ("{camera} is among the cameras of the recorder {url} and has no recordings "
                    "mirrored, so there is nothing to let go; to stop mirroring it, remove the "
                    "recorder")
RECORDERS_OWN_NAME = ("{camera} is the name of the recorder {url}, not of one of its cameras, and "
                      "has no recordings of its own: name the camera whose recordings to let "
                      "go, or remove the recorder to let all of them go")


@dataclass(frozen=True)
class RecorderCheck:
    """What a recorder said when the owner tested the connection: its certificate (SHA-256 hex,
    and as people compare it), what it is, its channels (number, its own name), and its clock
    against this PC's (`clock_offset_s`: recorder minus PC, `clock_noted`: over 2 s).
    `trusted_before_text`: for a recorder added before whose certificate is now another, the
    one trusted then, as people compare it (a reset, or another device at its address)."""

    url: str
    vendor: str
    fingerprint: str | None
    fingerprint_text: str | None
    model: str
    firmware: str
    serial: str
    name: str
    channels: tuple[tuple[int, str], ...]
    clock_offset_s: float
    clock_noted: bool
    clock_zone: str
    trusted_before_text: str | None = None


@dataclass(frozen=True)
class RecorderAdded:
    """A recorder added as a source: its source, what it said, the cameras named for its
    channels (in its order), where its password is kept, and its first mirroring."""

    source: Source
    check: RecorderCheck
    cameras: tuple[str, ...]
    password_kept_in: str
    report: ScanReport

    @property
    def notes(self) -> tuple[str, ...]:
        """The first mirroring's notes but its clock's, which the check says already (a
        camera left showing nothing: mirror.LEFT_OUT)."""
        return tuple(n for n in self.report.notes if not n.startswith("the recorder's clock "))


def recorder_root(url: str, allow_plain_http: bool = False) -> str:
    """A recorder's address as its source's root: scheme, host and port."""
    return str(recorder_url(url, allow_plain_http=allow_plain_http)).rstrip("/")


class OwnerRecorders(OwnerRecorderRefresh):
    """Recorder methods of the Agent."""

    _recorder_passphrase: str | None = None
    _recorder_keychain: bool = True
    fingerprint_words = staticmethod(fingerprint_text)   # AB:CD:..., as people compare them
    clock_words = staticmethod(clock_words)
    clock_was_reset = staticmethod(was_reset)   # an offset no recording is placed by

    # passwords -----------------------------------------------------------------------------
    @property
    def recorder_credentials(self) -> CredentialStore:
        def passphrase() -> bytes | None:
            given = self._recorder_passphrase
            return given.encode("utf-8") if given else env_passphrase()
        return CredentialStore(self.home, passphrase=passphrase,
                               keyring_backend=None if self._recorder_keychain else False)

    def use_recorder_passphrase(self, passphrase: str | None) -> None:
        """The passphrase recorder passwords are encrypted with where there is no keychain
        (the app asks the owner for it); kept in memory only."""
        self._recorder_passphrase = passphrase or None

    def keep_recorder_passwords_in_home(self, passphrase: str) -> None:
        """Keep recorder passwords encrypted in the home folder even where there is a keychain
        (the demo: its simulated recorder's password never reaches the owner's keychain)."""
        self._recorder_keychain = False
        self.use_recorder_passphrase(passphrase)

    def recorder_passwords_locked(self) -> bool:
        """True when recorder passwords are kept encrypted (no keychain here) and this run has
        no passphrase for them: the app asks for it, as for a locked owner key."""
        return self.recorder_credentials.locked()

    def unlock_recorder_passwords(self, passphrase: str) -> None:
        """Keep `passphrase` for this run once it opens the recorder passwords, then ask each
        recorder again at once; AgentError, and nothing kept, when it does not open them."""
        given = passphrase.encode("utf-8")
        trial = CredentialStore(self.home, passphrase=lambda: given,
                                keyring_backend=None if self._recorder_keychain else False)
        try:
            trial.check_passphrase()
        except CredentialError as exc:
            raise AgentError(str(exc)) from None
        self.use_recorder_passphrase(passphrase)
        for rec in self.store.recorders.all():
            self._refresh(rec)

    def recorder_passwords_kept_in(self) -> str:
        """Where recorder passwords go on this computer, in words."""
        return self.recorder_credentials.where()

    def recorder_connector(self):
        """Opens a recorder source with its kept password (for exports, holds and previews)."""
        return mirror.connector(self.recorder_credentials)

    # adding --------------------------------------------------------------------------------
    @staticmethod
    def look_at_recorder(url: str, allow_plain_http: bool = False) -> str | None:
        """The SHA-256 (hex) of the certificate a recorder shows, before anything is sent to
        it (None over plain http: there is none). The owner compares it and trusts it by
        adding the recorder with it."""
        base = recorder_url(url, allow_plain_http=allow_plain_http)
        return look_at_certificate(str(base), CHECK_TIMEOUT_S) if base.scheme == "https" else None

    def certificate_trusted_before(self, url: str, allow_plain_http: bool,
                                   fingerprint: str | None) -> str | None:
        """For a recorder added before, the fingerprint (hex) trusted then when `fingerprint`
        is another one (a reset recorder, or another device at its address); else None."""
        pins = {r.url: r.fingerprint for r in self.recorders()}
        return trusted_before(pins, recorder_root(url, allow_plain_http), fingerprint)

    def check_recorder(self, address: RecorderAddress, password: str, *,
                       new_certificate_ok: bool = False) -> RecorderCheck:
        """Test the connection: what the recorder is, its channels and its clock. Only reading;
        a wrong password is tried once and nothing is kept. For a recorder added before that
        now shows another certificate, nothing is sent (CertificateNotTrustedBefore) unless
        the owner compared the new one and said so (`new_certificate_ok`)."""
        if address.vendor not in VENDORS:
            raise AgentError(f"unknown recorder make '{address.vendor}' (one of {', '.join(VENDORS)})")
        root = recorder_root(address.url, address.allow_plain_http)
        before = self.certificate_trusted_before(address.url, address.allow_plain_http,
                                                 address.fingerprint)
        if before is not None and not new_certificate_ok:
            raise CertificateNotTrustedBefore(root, before, address.fingerprint)
        recorder = open_recorder(address, password, timeout_s=CHECK_TIMEOUT_S)
        try:
            info, clock = recorder.info(), recorder.clock()
        finally:
            recorder.close()
        return RecorderCheck(root, info.vendor, address.fingerprint,
                             fingerprint_text(address.fingerprint) if address.fingerprint else None,
                             info.model, info.firmware, info.serial, info.name,
                             tuple((c.id, c.name) for c in info.channels), clock.offset_s,
                             clock.worth_showing, clock.zone,
                             fingerprint_text(before) if before else None)

    def add_recorder(self, address: RecorderAddress, password: str, name: str | None = None,
                     cameras: tuple[str, ...] = (), *,
                     new_certificate_ok: bool = False) -> RecorderAdded:
        """Add a recorder on the network as a source (or update one added before: a new
        password or certificate), name a camera for each channel (`cameras` names them in
        the recorder's order; the others are `<name>/<its name for the channel>`), keep the
        password, and mirror its recordings. Nothing is kept when the recorder refuses the
        password, or a name is taken, and nothing is sent to a recorder added before that now
        shows another certificate unless `new_certificate_ok` (check_recorder)."""
        root = recorder_root(address.url, address.allow_plain_http)
        if recorder_url(root, allow_plain_http=address.allow_plain_http).scheme == "https" \
                and not address.fingerprint:
            raise Refusal("look at the recorder's certificate and trust it first "
                          "(its fingerprint is shown when you add it)")
        check = self.check_recorder(address, password, new_certificate_ok=new_certificate_ok)
        before = self.store.source(root)
        single = len(check.channels) == 1
        # A recorder of one camera is that camera: its name is the camera's.
        # The device's own name is no name the owner typed: made one a camera name may be, as
        # a folder's is (a name past 120 characters was refused as if the owner had typed it).
        base = (cameras[0] if single and cameras else name) or offered_name(check.name) or \
            recorder_url(root, allow_plain_http=True).host
        try:
            src = self.store.add_source(root, base, address.zone or system_zone_name(),
                                        RECORDER_LAYOUT, float(round(check.clock_offset_s)),
                                        explicit=bool(name or (single and cameras)))
            self.store.recorders.set_address(src.id, address)
            # What the test found it to be, kept at once: a first refresh refused (its clock
            # reset) would leave its model unsaid ("Hikvision : The recorder's clock ...").
            self.store.recorders.record_device(src.id, check.model, check.firmware, check.serial,
                                               check.name, check.channels, check.clock_offset_s)
            named = self.store.recorders.name_channels(src.id, [
                (str(cid), None if single else (cameras[n] if n < len(cameras) else None), device)
                for n, (cid, device) in enumerate(check.channels)])
            stored = self.recorder_credentials.save(root, password)
        except CameraNameError as exc:
            self._forget_new(before, root)
            raise Refusal(str(exc)) from None
        except AgentError:
            self._forget_new(before, root)
            raise
        self._log_change("recorder-added" if before is None else "recorder-changed",
                         recorder=root, vendor=address.vendor, user=address.user,
                         fingerprint=address.fingerprint, cameras=named,
                         password=f"kept in {stored.where}")
        report = self._refresh(self.store.recorders.get(src.id))
        return RecorderAdded(self.store.source(root), check, tuple(named), stored.where, report)

    def _forget_new(self, before: Source | None, root: str) -> None:
        if before is None:
            self.store.remove_source(root)

    def recorders(self) -> list[RecorderSource]:
        """Every recorder source: its address, what it is, how its last refresh went."""
        return self.store.recorders.all()

    def remove_recorder(self, url: str) -> None:
        """Forget a recorder source, its mirrored rows and its password (nothing on the device
        is touched)."""
        root = url.strip().rstrip("/")
        if not self.store.remove_source(root):
            raise NotFound(f"{root} is not a recorder source")
        self.recorder_credentials.delete(root)
        self._log_change("source-removed", recorder=root)

    def remove_recorder_camera(self, name: str) -> int:
        """Let go of the mirrored recordings of a recorder's camera that the recorder no
        longer lists (removed from it: unrefreshed.CHANNEL_GONE, said until then at every
        refresh); how many. Nothing on the recorder is touched; a camera back on it is
        mirrored again. NotFound for no such camera; refused for one the recorder still lists
        (its next refresh would mirror them again) and for a camera with no recordings
        mirrored from a recorder (a folder's: `sources remove`)."""
        current = self.store.names.current(name)
        if current is None:
            raise NotFound(f"no camera is called '{name}'")
        for rec in self.store.recorders.all():
            mirrored = self.store.recorders.mirrored_cameras(rec.source_id)
            channel = next((ch for ch, cam in mirrored.items() if cam == current), None)
            if channel is None:
                continue
            if channel in {str(cid) for cid, _name in rec.channels}:
                raise Refusal(f"{current} is still among the recorder's cameras, so its "
                              "recordings would be mirrored again at the next refresh; to stop "
                              f"mirroring them, remove the recorder ({rec.url})")
            removed = self.store.remove_channel(rec.source_id, channel)
            self.store.recorders.drop_problem(rec.source_id,
                                              CHANNEL_GONE.format(camera=current))
            self._log_change("source-changed", recorder=rec.url, camera=current,
                             recordings_let_go=removed)
            return removed
        return self._nothing_mirrored(current)

    def _nothing_mirrored(self, camera: str) -> int:
        """remove_recorder_camera of a camera with no recordings mirrored: 0 for a camera the
        recorder no longer lists (let go already); refused for one it still lists, for a
        recorder's own name (a recorder of several cameras holds none under it), and for a
        folder's camera, each said as what it is."""
        place = self.store.recorders.channel_of(camera)
        if place is not None:
            rec, channel = place
            if channel not in {str(cid) for cid, _name in rec.channels}:
                return 0
            raise Refusal(NOTHING_MIRRORED.format(camera=camera, url=rec.url))
        root = next((c.source_root for c in self.camera_list() if c.name == camera), None)
        rec = next((r for r in self.store.recorders.all() if r.url == root), None)
        if rec is not None:
            raise Refusal(RECORDERS_OWN_NAME.format(camera=camera, url=rec.url))
        raise Refusal(f"{camera} has no recordings mirrored from a recorder (a recordings "
                      "folder's camera goes with its folder: `sources remove`)")


def is_url(text: str | Path) -> bool:
    """A source named by its address rather than a folder path."""
    return "://" in str(text)
