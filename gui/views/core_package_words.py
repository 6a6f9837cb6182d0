"""The core's words for an earlier run's package refused before it is sent (agent/requests/
kept_packages.py): changed since it was sealed, made with another owner key, or cut with
other privacy masks, and set aside (or not) so that approving again exports the approved
footage afresh, and a folder chosen for an export by hand that is a package or lies inside
one; word for word as the core writes them, and the app's words instead of
approving again from the command line (IN_THE_APP): the request's page offers 'Try sending
again'. Qt-free data listed among core_templates' TEMPLATES and core_app_words' IN_THE_APP;
marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

# {reason}: the first problem the package's check found (frp/verify_bagit.py and others)
CHANGED = QT_TRANSLATE_NOOP("core", "the package for {camera} changed after it was sealed "
                                    "({reason}), so it was not sent. It was set aside as "
                                    "{path}; approve it again to export the approved footage "
                                    "again from your recordings")
# the folder could not be renamed ({reason}: the OS's words); {problem} as {reason} above
CHANGED_KEPT = QT_TRANSLATE_NOOP("core", "the package for {camera} ({path}) changed after it "
                                         "was sealed ({problem}), so it was not sent. It could "
                                         "not be set aside ({reason}): move that folder away, "
                                         "then approve it again to export the approved footage "
                                         "again")
OTHER_KEY_KEPT = QT_TRANSLATE_NOOP("core", "the package for {camera} ({path}) was made with "
                                           "another owner key, and it could not be set aside "
                                           "({reason}): move that folder away, then approve it "
                                           "again to export the approved footage again")
OTHER_MASKS_KEPT = QT_TRANSLATE_NOOP("core", "the package for {camera} ({path}) was cut with "
                                             "other privacy masks than the camera's now, and it "
                                             "could not be set aside ({reason}): move that "
                                             "folder away, then approve it again to export the "
                                             "approved footage again")

# The folder chosen for an export by hand is a sealed package, or lies inside one (the last
# export's package chosen for the folder holding it: agent/export/destination.py)
IS_PACKAGE = QT_TRANSLATE_NOOP("core", "{path} is an evidence package: a sealed package must "
                                       "stay as it is, since anything added to it makes it "
                                       "fail its check. Choose the folder that holds it "
                                       "({folder}) or another one")
IN_PACKAGE = QT_TRANSLATE_NOOP("core", "{path} is inside the evidence package {package}: a "
                                       "sealed package must stay as it is, since anything added "
                                       "to it makes it fail its check. Choose the folder that "
                                       "holds the package ({folder}) or another one")

# A new folder chosen for it under a file (agent/export/destination.py)
UNDER_A_FILE = QT_TRANSLATE_NOOP("core", "{path} cannot be made, since {folder} is a file, not "
                                         "a folder: choose the folder the package should go "
                                         "into")

# A folder chosen that is a link (a junction) to a drive or folder gone, or lies below one, or
# a folder of the system's own where no file is kept (Linux's /proc), as destination.py says
LINK_GONE = QT_TRANSLATE_NOOP("core", "{path} is a link to {target}, which is not there (the "
                                      "drive or folder it leads to is gone): connect it, or "
                                      "choose another folder")
UNDER_A_LINK_GONE = QT_TRANSLATE_NOOP("core", "{path} cannot be made, since {folder} is a link "
                                              "to {target}, which is not there (the drive or "
                                              "folder it leads to is gone): connect it, or "
                                              "choose another folder")
SYSTEM_FOLDER = QT_TRANSLATE_NOOP("core", "{path} is a folder of the system's own, where no "
                                          "file can be kept: choose another folder")
UNDER_SYSTEM_FOLDER = QT_TRANSLATE_NOOP("core", "{path} cannot be made: {folder} is a folder of "
                                                "the system's own, where no file can be kept: "
                                                "choose another folder")

TEMPLATES: tuple[str, ...] = (CHANGED, CHANGED_KEPT, OTHER_KEY_KEPT, OTHER_MASKS_KEPT,
                              IS_PACKAGE, IN_PACKAGE, UNDER_A_FILE,
                              # the longer first: "{path} is a link to" would match them whole
                              UNDER_A_LINK_GONE, LINK_GONE, UNDER_SYSTEM_FOLDER, SYSTEM_FOLDER)

IN_THE_APP: dict[str, str] = {
    CHANGED: QT_TRANSLATE_NOOP("core", "the package for {camera} changed after it was sealed "
                                       "({reason}), so it was not sent. It was set aside as "
                                       "{path}; press 'Try sending again' to export the approved "
                                       "footage again from your recordings"),
    CHANGED_KEPT: QT_TRANSLATE_NOOP("core", "the package for {camera} ({path}) changed after it "
                                            "was sealed ({problem}), so it was not sent. It "
                                            "could not be set aside ({reason}): move that folder "
                                            "away, then press 'Try sending again' to export the "
                                            "approved footage again"),
    OTHER_KEY_KEPT: QT_TRANSLATE_NOOP("core", "the package for {camera} ({path}) was made with "
                                              "another owner key, and it could not be set aside "
                                              "({reason}): move that folder away, then press "
                                              "'Try sending again' to export the approved "
                                              "footage again"),
    OTHER_MASKS_KEPT: QT_TRANSLATE_NOOP("core", "the package for {camera} ({path}) was cut with "
                                                "other privacy masks than the camera's now, and "
                                                "it could not be set aside ({reason}): move that "
                                                "folder away, then press 'Try sending again' to "
                                                "export the approved footage again"),
}
