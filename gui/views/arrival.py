"""What the owner is told when a request comes in (a notification by the clock, and said aloud
in the app): who asks, for which minutes, by when, and that the answer is theirs. Qt-free."""
from __future__ import annotations

from agent.views import RequestView
from gui.views import display
from gui.views.requests import agency_name, case
from gui.views.shown import shown
from gui.views.words import translate


def arrival_words(v: RequestView, zone_name: str) -> tuple[str, str]:
    """The title and text announcing the new request `v`, its times in `zone_name`."""
    title = translate("arrival", "New footage request")
    # The app's words before the case (the agency's, up to 400 characters): Windows shows a
    # tray notification's first 255 characters only. The agency's name and the case set
    # apart (gui.views.shown): "شرطة المدينة asks for ..." bare took the name's direction and
    # the notification was laid out from the right.
    text = shown(translate("arrival", "{agency} asks for your footage of {window}. Answer by "
                                "{deadline}; you may say no, and nothing is sent unless you "
                                "approve it. Open the app to review. Case: {case}"),
        agency=agency_name(v), window=display.window(v.window_start_us, v.window_end_us,
                                                     zone_name),
        case=case(v), deadline=display.day_time(v.expires_at_us, zone_name))
    return title, text
