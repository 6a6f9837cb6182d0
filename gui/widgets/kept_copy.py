"""A request's safe copy, on its page once the request has ended: how big it is, and a button
to delete it.

With "keep a safe copy" on in Settings, every request that arrives copies the recordings of its
window into the app's folder, and only the owner deletes a copy, once its request has ended
(`inbox release` on the command line). The app had no way to: months of requests grew the
app's folder without end, and the owner could not tell what took the room. A copy that is the
only unredacted footage of a package made from it with parts hidden (its recordings gone when
it was cut: agent/requests/hold_losses.py) says so, and the question before it is deleted says
what deleting it loses. An open request whose copy could not be made as it arrived (the disk
had no room, a recorder could not be reached: agent/requests/hold_failures.py) says why, and
offers to make it again. Recordings of the window deleted before the copy could keep them (a
recorder making room: agent Hold.gone) are said, which camera and which stretch, open or ended.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from agent.views import one_line
from gui.views import display
from gui.views.core_words import owner_words
from gui.views.request_files import copying_words
from gui.views.request_notes import gone_lines
from gui.views.requests import in_owner_words
from gui.views.shown import shown, shown_lines
from gui.views.words import sentence_start
from gui.widgets.labels import plain_label
from gui.widgets.registrations_panel import confirm

ENDED = ("declined", "expired", "delivered")


class KeptCopy(QWidget):
    """The safe copy of the request shown: hidden unless it has ended and one is kept, or its
    record cannot be read, or the last try to make it failed."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.key: tuple[str, str] | None = None   # (request id, agency id) shown
        self.window = (0, 0)   # the shown request's window, which the stretches lie in
        self.making = None   # the job making or adding to the copy: how far it got is said
        self.lost: tuple = ()   # what deleting it loses (desk.release_losses)
        self.words = plain_label(name="caption")
        self.button = QPushButton(self.tr("Delete the safe copy"))
        self.button.clicked.connect(self.delete)
        self.again = QPushButton(self.tr("Make the safe copy again"))
        self.again.clicked.connect(self.make)
        self.add = QPushButton(self.tr("Add to the safe copy"))
        self.add.clicked.connect(self.make)
        # Shown in the request's facts card, which scrolls: a row of its own above the page's
        # columns pushed the last timeline out of a 1024x600 window. The card is narrow, so
        # the words wrap and the one button shown is under them.
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 6)
        box.addWidget(self.words)
        for button in (self.button, self.again, self.add):
            box.addWidget(button, 0, Qt.AlignLeft)
        self.hide()

    def show_for(self, view) -> None:
        """Look (an agent job) whether the request `view` keeps a safe copy, and offer to
        delete it once the request has ended, or, while it is open, to add the recordings of
        its window indexed since it was made."""
        self.hide()
        self.key, self.lost = (view.id, view.agency_id), ()
        self.window = (view.window_start_us, view.window_end_us)
        agent, key = self.ctx.agent, self.key

        def look():
            shown = agent.requests.show(*key)
            ended = shown.status in ENDED and (shown.hold is not None or shown.hold_problem)
            missing = (agent.requests.hold_missing(*key)
                       if shown.hold is not None and not ended else 0)
            kept = ended and agent.requests.hold_kept(*key)
            lost = agent.requests.release_losses(*key) if ended and not kept else ()
            return shown, lost, missing, kept
        self.ctx.bridge.call("kept-copy", look, lambda found: self._shown(key, *found))

    def _shown(self, key: tuple[str, str], shown, lost: tuple = (), missing: int = 0,
               kept: bool = False) -> None:
        if key != self.key:
            return
        self.lost = lost
        self.again.hide()
        self.add.hide()
        if kept:
            # Declined to withdraw an approval the portal has not let go of: approving it
            # again may still be how the rest is sent, from this copy (desk_holds.may_stand).
            self.words.setText(self.tr(
                "The safe copy of this request's footage is kept until the agency takes your "
                "decline: until then the approval may stand, and the footage not yet sent may "
                "be needed from it."))
            self.button.hide()
            self.show()
            return
        if missing:
            # Indexed after the copy was made (the recorder's last file of the window), or
            # listed since by a recorder on the network, whose footage is in no folder of
            # the owner's: a cut from the copy, once the recordings are gone, leaves them out.
            self.words.setText(shown_lines([self.tr(
                "A recording of this request's time is not in its safe copy: it was saved "
                "after the copy was made.") if missing == 1 else self.tr(
                "%n recordings of this request's time are not in its safe copy: they were "
                "saved after the copy was made.", "", missing), *self._gone(shown.hold)], " "))
            self.button.hide()
            self.add.setEnabled(True)
            self.add.show()
            self.show()
            return
        if shown.hold_failed and shown.status not in ENDED:
            self._not_made(owner_words(one_line(shown.hold_failed)))   # names kept apart
            self.button.hide()
            self.show()
            return
        if shown.hold_gone and shown.status not in ENDED:
            # Deleted or moved out of the app's folder by hand while the owner counts on it.
            self.words.setText(self.tr(
                "The safe copy of this request's footage is no longer in the app's folder: it "
                "was deleted or moved since it was made."))
            self.button.hide()
            if shown.status in ("new", "held"):   # copies are made while the owner decides
                self.again.setEnabled(True)
                self.again.show()
            self.show()
            return
        if shown.hold_problem and shown.status not in ENDED:
            # An ended request's page says it in its status line; an open one's says no
            # problem there, and the owner may be counting on the copy to outlive the recorder.
            said = owner_words(one_line(shown.hold_problem))
            self.words.setText(sentence_start(said))
            self.button.hide()
            self.show()
            return
        hold = shown.hold
        if shown.status not in ENDED and hold is not None and not hold.files and not hold.gone:
            # Made while no recording of the window was on this PC: it keeps nothing safe.
            self.words.setText(self.tr(
                "This request's safe copy holds nothing: no recording of its time was on this "
                "PC when it was made."))
            self.button.hide()
            self.show()
            return
        if shown.status not in ENDED and self._gone(hold):
            # Deleted before their copy began (a recorder making room): the copy lacks them.
            self.words.setText(shown_lines(self._gone(hold), " "))
            self.button.hide()
            self.show()
            return
        if shown.status not in ENDED or (hold is None and not shown.hold_problem):
            return
        # One whose record cannot be read is deleted all the same (the status line says why):
        # else nothing in the app ever would.
        said = (self.tr("A safe copy of this request's footage is kept in the app's folder, "
                        "though its record cannot be read.") if hold is None else
                self.tr("A safe copy of this request's footage is kept in the app's folder "
                        "({size}).").format(size=display.size(hold.size)))
        self.words.setText(shown_lines([said, *self._only_there(lost), *self._gone(hold)],
                                       " "))
        self.button.setEnabled(True)
        self.button.show()
        self.show()

    def _only_there(self, lost: tuple) -> tuple[str, ...]:
        """The sentences saying which packages made for the request the copy is the only
        unredacted footage of: for one an earlier version logged without saying what it was
        cut from, gone since (`unsure`), that it may be, as the question before deleting says."""
        sure = sum(1 for p in lost if not p.unsure)
        unsure = len(lost) - sure
        out = []
        if sure == 1:
            out.append(self.tr("It is the only unredacted footage of a package made from it "
                               "with parts hidden."))
        elif sure:
            out.append(self.tr("It is the only unredacted footage of %n packages made from it "
                               "with parts hidden.", "", sure))
        if unsure and sure:
            out.append(self.tr("It may also be that of another package made for this request.")
                       if unsure == 1 else
                       self.tr("It may also be that of %n other packages made for this "
                               "request.", "", unsure))
        elif unsure:
            out.append(self.tr("It may be the only unredacted footage of a package made for "
                               "this request with parts hidden.") if unsure == 1 else
                       self.tr("It may be the only unredacted footage of %n packages made for "
                               "this request with parts hidden.", "", unsure))
        return tuple(out)

    def delete(self) -> None:
        if self.key is None or not confirm(self, self.tr("Delete the safe copy?"),
                                           self._question()):
            return
        agent, key, previewer = self.ctx.agent, self.key, self.ctx.previewer
        self.button.setEnabled(False)

        def work():
            # Its pictures may have been shown from the copies (requests/held_previews): a
            # file a preview holds open cannot be deleted on Windows.
            previewer.let_go_of_idle(0)
            # the owner was just told what it loses (self.lost), and chose
            return in_owner_words(agent.requests.release, *key, knowing=True)
        self.ctx.bridge.call("release", work, lambda removed: self._deleted(key), self._failed)

    def make(self) -> None:
        """Copy the request's footage again (an agent job: it may take minutes)."""
        if self.key is None:
            return
        agent, key = self.ctx.agent, self.key
        self.again.setEnabled(False)
        self.add.setEnabled(False)
        self.words.setText(self.tr("Copying the request's footage into the app's folder…"))
        # A job that hears its stop: quitting the app while the copy waits its turn behind
        # another request's (hold_room.room_turn), or copies, stops it, logged as cancelled.
        if self.making is None:
            self.ctx.bridge.jobProgress.connect(self._copying)
        job = self.ctx.bridge.run("hold", lambda progress, cancel: in_owner_words(
                                agent.requests.hold, *key, cancel=cancel, progress=progress),
                            lambda made: self._made(key, made),
                            lambda message: self._not_made(message, key))
        self.making = (job.id, key)

    def _copying(self, job: str, stage: str, fraction: float) -> None:
        """How far the copy got (minutes on a big window), while its request is shown."""
        said = copying_words(stage, fraction, opened=False)
        if said and self.making == (job, self.key):
            self.words.setText(said)

    def _made(self, key: tuple[str, str], made) -> None:
        if key != self.key:
            return
        self.again.hide()
        self.add.hide()
        said = self.tr("A safe copy of this request's footage is kept in the app's folder "
                       "({size}).").format(size=display.size(made.size))
        if made.added:
            said = (self.tr("A file was added to the safe copy.") if len(made.added) == 1
                    else self.tr("%n files were added to the safe copy.", "",
                                 len(made.added))) + " " + said
        self.words.setText(shown_lines([said, *self._gone(made)], " "))

    def _gone(self, hold) -> list:
        """The sentences saying which stretches of the window the copy `hold` lacks, their
        recordings deleted before it could keep them ([] for none, or no copy)."""
        if hold is None or not hold.gone:
            return []
        return gone_lines(hold.gone, *self.window, self.ctx.zone)

    def _not_made(self, problem: str, key: tuple[str, str] | None = None) -> None:
        if key is not None and key != self.key:
            return
        if self.add.isVisible():   # adding failed: the copy is as it was, offered again
            # (the core's words say so: "the recordings could not be added to the safe copy")
            self.words.setText(sentence_start(problem))
            self.add.setEnabled(True)
            return
        self.words.setText(shown(self.tr("The safe copy of this request's footage could not "
                                         "be made: {problem}"), problem=problem))
        self.again.setEnabled(True)
        self.again.show()

    def _question(self) -> str:
        """What deleting the copy does, and, when it is the only unredacted footage of a
        package made from it, what that loses."""
        if not self.lost:
            return self.tr("The copies of your recordings kept for this request are deleted "
                           "from the app's folder. Your recordings themselves, and anything "
                           "sent to the agency, are not touched.")
        hidden = {"privacy-mask": self.tr("privacy masks blacked out"),
                  "face-blur": self.tr("faces blurred")}
        each = "; ".join(f"{p.camera}: " + ", ".join(hidden.get(h, h) for h in p.hidden)
                         for p in self.lost)
        what = (self.tr("These copies are the only unredacted footage of what the package "
                        "made from them hides ({hidden}): the recordings they were copied from "
                        "were gone or changed when it was cut.") if len(self.lost) == 1 else
                self.tr("These copies are the only unredacted footage of what the %n packages "
                        "made from them hide ({hidden}): the recordings they were copied from "
                        "were gone or changed when they were cut.", "", len(self.lost)))
        unsure = sum(1 for p in self.lost if p.unsure)   # logged by an earlier version
        if unsure:
            what += " " + self.tr("For %n of them this is not certain: the version of the app "
                                  "that made such a package did not record whether it was cut "
                                  "from the safe copy, and the package is no longer in the "
                                  "app's folder to say.", "", unsure)
        return what.format(hidden=each) + " " + self.tr(
            "Once they are deleted, if the agency or a court asks you for the unredacted "
            "footage, there will be none to give. Delete them anyway?")

    def _deleted(self, key: tuple[str, str]) -> None:
        if key == self.key:
            self.words.setText(self.tr("The safe copy was deleted."))
            self.button.hide()

    def _failed(self, message: str) -> None:
        self.button.setEnabled(True)
        self.words.setText(self.tr("The safe copy could not be deleted: {problem}")
                           .format(problem=message))
