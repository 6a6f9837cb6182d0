"""The core's words for a package folder or tar that could not be written, copied, checked or
moved into place (agent/export/package.py, bagtar.py), or not the one sealed when its upload
starts (agent/delivery/sums.py, with the app's words for its advice), word for word as the core
writes them: each the head before the OS's words (agent/os_words.py), which are sentences of
their own. What the Export page and the request's page show; Qt-free data listed among
core_templates' TEMPLATES, marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

# a package's tar not the one sealed when its upload starts (agent/delivery/sums.py)
NOT_AS_SEALED = QT_TRANSLATE_NOOP("core", "{name} is not the package it should be: its size or "
                                          "SHA-256 differs from the one sealed. Export the "
                                          "package again.")

TEMPLATES: tuple[str, ...] = (
    NOT_AS_SEALED,
    # a package's name taken (package.py PackageBuilder.name_as, _rename)
    QT_TRANSLATE_NOOP("core", "A package named {name} already exists in {path}. Choose another "
                              "folder; a finished package is never overwritten."),
    QT_TRANSLATE_NOOP("core", "A package named {name} appeared in {path} meanwhile; it was left "
                              "untouched."),
    # its files (package.py add_file, _write_payload, _write_tag, _recheck)
    QT_TRANSLATE_NOOP("core", "The file {path} to put in the package does not exist."),
    QT_TRANSLATE_NOOP("core", "Could not copy {path} into the package"),
    QT_TRANSLATE_NOOP("core", "Could not write {name} into the package"),
    QT_TRANSLATE_NOOP("core", "Could not re-read the package to check it"),
    QT_TRANSLATE_NOOP("core", "Could not move the finished package into place"),
    QT_TRANSLATE_NOOP("core", "{name} changed on disk while the package was built; try again."),
    QT_TRANSLATE_NOOP("core", "unexpected files appeared in the package while it was built"),
    QT_TRANSLATE_NOOP("core", "the new signature did not verify"),
    # the package's tar (bagtar.py tar_package): before the bare "Could not write {name}"
    QT_TRANSLATE_NOOP("core", "Could not write the package tar"),
    QT_TRANSLATE_NOOP("core", "{path} already exists; it is never overwritten."),
    QT_TRANSLATE_NOOP("core", "{path} appeared meanwhile; it was left untouched."),
    QT_TRANSLATE_NOOP("core", "{path} appeared meanwhile; it was left untouched"),
    QT_TRANSLATE_NOOP("core", "Could not write {name}"),
)

# The app's way to export it again: the failed request's page offers it (core_package_words).
IN_THE_APP = {
    NOT_AS_SEALED: QT_TRANSLATE_NOOP("core", "{name} is not the package it should be: its size "
                                             "or SHA-256 differs from the one sealed. Press 'Try "
                                             "sending again' to export it again."),
}
