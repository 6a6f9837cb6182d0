"""The app's words instead of the core's for every sentence whose advice is a command to type
(the command line's way), or that the app says its own way (its buttons and pages, in English
too): each topic's IN_THE_APP gathered into one, which core_words reads through
core_templates. Each topic's module holds its sentences word for word as the agent writes them,
placed in core_templates' TEMPLATES."""
from __future__ import annotations

from gui.views import core_agency_words as agency_words
from gui.views import core_clock_offset_words as clock_offset_words
from gui.views import core_command_line_words as command_line_words
from gui.views import core_cut_words as cut_words
from gui.views import core_face_words as face_words
from gui.views import core_home_damage_words as home_damage_words
from gui.views import core_key_words as key_words
from gui.views import core_mask_words as mask_words
from gui.views import core_opened_file_words as opened_file_words
from gui.views import core_package_file_words as package_file_words
from gui.views import core_package_words as package_words
from gui.views import core_recorder_camera_words as recorder_camera_words
from gui.views import core_registration_words as registration_words
from gui.views import core_scan_words as scan_words
from gui.views import core_sending_words as sending_words
from gui.views import core_shared_key_words as shared_key_words
from gui.views import core_zone_words as zone_words

IN_THE_APP: dict[str, str] = {
    **sending_words.IN_THE_APP,
    **scan_words.IN_THE_APP,
    **key_words.IN_THE_APP,
    **home_damage_words.IN_THE_APP,
    **opened_file_words.IN_THE_APP,
    **cut_words.IN_THE_APP,
    **agency_words.IN_THE_APP,
    **zone_words.IN_THE_APP,
    **clock_offset_words.IN_THE_APP,
    **command_line_words.IN_THE_APP,
    **mask_words.IN_THE_APP,
    **face_words.IN_THE_APP,
    **package_words.IN_THE_APP,
    **registration_words.IN_THE_APP,
    **package_file_words.IN_THE_APP,
    **shared_key_words.IN_THE_APP,
    **recorder_camera_words.IN_THE_APP,
}
