"""The core's words for an activity log that was altered (agent/audit/checks.py, seal.py),
word for word as the core writes them: what the Activity log page says when "Check the log
has not been altered" finds a line edited, removed or cut off, or its seal not the one this
home made, a gap the log recorded itself (agent/audit/gap.py), and the note for records not
sealed yet. Qt-free data listed among core_templates'
TEMPLATES, marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # a line of the log (checks.py check_log)
    QT_TRANSLATE_NOOP("core", "line {line} is not a valid log record (edited or damaged)"),
    QT_TRANSLATE_NOOP("core", "line {line} was edited (its content does not match its hash)"),
    QT_TRANSLATE_NOOP("core", "line {line} does not follow the record before it (a line was "
                              "removed, inserted or reordered)"),
    QT_TRANSLATE_NOOP("core", "line {line} has sequence number {seq}, expected {expected} (a "
                              "line was removed, inserted or reordered)"),
    QT_TRANSLATE_NOOP("core", "line {line} records a crash recovery that does not match the line "
                              "before it (a line was edited, removed or inserted)"),
    QT_TRANSLATE_NOOP("core", "line {line} records a cut-short line that does not match the line "
                              "before it (a line was edited, removed or inserted)"),
    QT_TRANSLATE_NOOP("core", "line {line}: last line incomplete (a sealed record was cut short)"),
    QT_TRANSLATE_NOOP("core", "line {line}: last line incomplete (crash while writing)"),
    # the log against its seal, and against what agencies were shown (checks.py)
    QT_TRANSLATE_NOOP("core", "the log is shorter than its seal: it was sealed with {count} "
                              "records and {left} remain (records were cut off the end, or the "
                              "log was deleted or replaced)"),
    QT_TRANSLATE_NOOP("core", "record {count} is not the record that was sealed: the log was "
                              "rewritten"),
    QT_TRANSLATE_NOOP("core", "an agency was sent a decision when the log had {count} records; "
                              "{left} remain (records were cut off the end, or the log was "
                              "replaced)"),
    QT_TRANSLATE_NOOP("core", "record {count} is not the one an agency was shown in a "
                              "decision: the log was rewritten"),
    QT_TRANSLATE_NOOP("core", "1 record after the last seal is not sealed yet (the owner key was "
                              "locked, or the agent stopped between writing a record and sealing "
                              "it); the next record seals them"),
    QT_TRANSLATE_NOOP("core", "{count} records after the last seal are not sealed yet (the owner "
                              "key was locked, or the agent stopped between writing a record and "
                              "sealing it); the next record seals them"),
    # the seal itself (seal.py)
    QT_TRANSLATE_NOOP("core", "the seal cannot be read"),
    QT_TRANSLATE_NOOP("core", "the seal {path} is not a seal (damaged or replaced)"),
    QT_TRANSLATE_NOOP("core", "the seal names another owner than the key that signed it"),
    QT_TRANSLATE_NOOP("core", "the seal is signed by another key than this home's owner key: the "
                              "log and its seal were replaced"),
    QT_TRANSLATE_NOOP("core", "the seal's signature does not verify: the seal was edited or "
                              "forged"),
    # a gap the log recorded when it found itself cut or changed (agent/audit/gap.py), said by
    # every later check: its problem, what the seal and the log held, and what that means
    QT_TRANSLATE_NOOP("core", "line {line}: a gap was found when record {record} was written: "
                              "{reason}"),
    QT_TRANSLATE_NOOP("core", "the log's seal ({file}) was missing (deleted or replaced)"),
    QT_TRANSLATE_NOOP("core", "the log was shorter than its seal and its last line was cut short "
                              "(a crash cannot do that to a sealed record)"),
    QT_TRANSLATE_NOOP("core", "the log was shorter than its seal (records were cut off its end, "
                              "or it was deleted or replaced)"),
    QT_TRANSLATE_NOOP("core", "record {count} was not the record that was sealed (the log was "
                              "rewritten)"),
    QT_TRANSLATE_NOOP("core", "the log had been sealed with {count} records (the last {head}) and "
                              "1 record was left (the last {found})"),
    QT_TRANSLATE_NOOP("core", "the log had been sealed with {count} records (the last {head}) and "
                              "{left} records were left (the last {found})"),
    QT_TRANSLATE_NOOP("core", "the log had been sealed with {count} records (the last {head}) and "
                              "none was left"),
    QT_TRANSLATE_NOOP("core", "what the seal vouched for is not known and 1 record was left (the "
                              "last {found})"),
    QT_TRANSLATE_NOOP("core", "what the seal vouched for is not known and {left} records were "
                              "left (the last {found})"),
    QT_TRANSLATE_NOOP("core", "what the seal vouched for is not known and none was left"),
    QT_TRANSLATE_NOOP("core", "what was removed or changed cannot be checked"),
)
