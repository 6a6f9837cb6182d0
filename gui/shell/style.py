"""The look: warm light background, white cards, one calm blue for actions, green for
'recorded' and 'verified', amber only for what needs care. Large enough text for everyone.
Where the keyboard is shows as a dark ring on every control (the style's own pale mark was lost
on these colours); its paddings shrink by what the ring adds, so nothing moves.

Its text sizes are those of a system font of BODY_PT or less: an owner who made the system's
text larger (Windows' "Make text bigger", a desktop's font size) gets every size grown alike.

The sheet sets dark text everywhere and light backgrounds on only some widgets, so the app
brings the light palette they assume (a dark system palette would put that text on near black).
An owner who asked the system for high contrast gets the system's colours whole instead: the
sheet then gives only its sizes and weights."""
import re

from PySide6.QtGui import QColor, QPalette

BODY_PT = 10.5   # the app's text, a little larger than most systems' 9 or 10 pt

STYLE = """
QWidget { font-size: 10.5pt; color: #27303b; }
QMainWindow, QStackedWidget > QWidget { background: #f6f4f0; }
QListWidget#nav { background: #ebe8e2; border: none; outline: 0; padding-top: 12px; font-size: 11pt; }
QListWidget#nav::item { padding: 10px 16px; border-radius: 6px; margin: 2px 8px; }
QListWidget#nav::item:selected { background: #ffffff; color: #1d4f86; }
QLabel#pageTitle { font-size: 16pt; font-weight: 600; color: #1f2a36; padding: 4px 0; }
QLabel#sectionTitle { font-size: 12pt; font-weight: 600; color: #1f2a36; padding-top: 6px; }
QLabel#hint { color: #5b6572; }
QLabel#caption { color: #5b6572; }
QLabel#fieldName { color: #6b7480; font-size: 9.5pt; }
QLabel#agencyName { font-weight: 600; }
QLabel#phone { font-weight: 600; color: #1d4f86; }
QLabel#empty { color: #5b6572; font-size: 12pt; padding: 40px; }
QLabel#badge { border-radius: 6px; padding: 6px 10px; font-weight: 600; }
QLabel#badge[state="ok"] { background: #e3f1e8; color: #25663f; }
QLabel#badge[state="warn"] { background: #fbecd5; color: #8a4d00; }
QLabel#urgent { background: #fbecd5; color: #6d3d00; border-radius: 6px; padding: 6px 10px; }
QLabel#notice { background: #eef3f9; border-radius: 6px; padding: 8px 10px; color: #2b3f57; }
QLabel#crumb { color: #5b6572; padding: 4px 10px; }
QLabel#crumb[state="current"] { color: #1d4f86; font-weight: 600; border-bottom: 2px solid #2e6cb0; }
QLabel#crumb[state="done"] { color: #25663f; }
QLabel#previewPicture { background: #20262d; color: #c9d1da; border-radius: 8px; }
QLabel#receipt, QPlainTextEdit#receipt { background: #ffffff; border: 1px solid #e0dcd5; border-radius: 8px; padding: 10px; }
QWidget#cardBody { background: #ffffff; }
QWidget#card, QFrame#leaves { background: #ffffff; border: 1px solid #e0dcd5; border-radius: 10px; }
QPlainTextEdit#message { background: #fbfaf8; border: 1px solid #e0dcd5; border-radius: 6px; }
QPushButton { background: #ffffff; border: 1px solid #cfc9bf; border-radius: 6px; padding: 7px 14px; }
QPushButton:hover { border-color: #2e6cb0; }
QPushButton:disabled { color: #a4abb3; border-color: #e0dcd5; }
QPushButton#primary { background: #2e6cb0; color: #ffffff; border: none; font-weight: 600; }
QPushButton#primary:disabled { background: #a9c0da; color: #f3f6fa; }
QPushButton#flat { border: none; background: transparent; color: #1d4f86; }
QTableWidget { background: #ffffff; border: 1px solid #e0dcd5; border-radius: 8px; margin: 1px;
               alternate-background-color: #faf8f5; selection-background-color: #dce8f5;
               selection-color: #1f2a36; }
QHeaderView::section { background: #ffffff; border: none; border-bottom: 1px solid #e0dcd5;
                       padding: 6px; color: #5b6572; font-weight: 600; }
QLineEdit { background: #ffffff; border: 1px solid #cfc9bf; border-radius: 6px; padding: 5px; }
QProgressBar { background: #e6e2dc; border: none; border-radius: 5px; height: 10px; }
QProgressBar::chunk { background: #2e6cb0; border-radius: 5px; }
QScrollArea { background: transparent; }
QPushButton:focus { border: 2px solid #1d4f86; padding: 6px 13px; }
QPushButton#primary:focus { border: 3px solid #10161d; padding: 4px 11px; }
QPushButton#flat:focus { border: 2px solid #1d4f86; padding: 5px 12px; }
QCheckBox, QRadioButton { border: 2px solid transparent; border-radius: 4px; padding: 1px 2px; }
QCheckBox:focus, QRadioButton:focus { border-color: #1d4f86; }
QLineEdit:focus, QAbstractSpinBox:focus, QComboBox:focus { border: 2px solid #1d4f86; }
QLineEdit:focus { padding: 4px; }
QListWidget#nav::item:selected:focus { border: 2px solid #1d4f86; padding: 8px 14px; }
QTableWidget:focus { border: 2px solid #1d4f86; margin: 0px; }
"""

# The colours the sheet's own are drawn against, for the widgets it does not colour (question
# boxes, date fields, lists' insides, tooltips).
LIGHT = {QPalette.Window: "#f6f4f0", QPalette.WindowText: "#27303b", QPalette.Base: "#ffffff",
         QPalette.AlternateBase: "#faf8f5", QPalette.Text: "#27303b",
         QPalette.Button: "#ffffff", QPalette.ButtonText: "#27303b",
         QPalette.Highlight: "#dce8f5", QPalette.HighlightedText: "#1f2a36",
         QPalette.ToolTipBase: "#ffffff", QPalette.ToolTipText: "#27303b",
         QPalette.PlaceholderText: "#6b7480", QPalette.Link: "#1d4f86",
         QPalette.BrightText: "#ffffff", QPalette.Light: "#ffffff", QPalette.Midlight: "#ebe8e2",
         QPalette.Mid: "#cfc9bf", QPalette.Dark: "#8a929c", QPalette.Shadow: "#5b6572"}
DISABLED_TEXT = "#a4abb3"


def light_palette() -> QPalette:
    """The palette the sheet's colours belong with, whatever the system's."""
    palette = QPalette()
    for role, colour in LIGHT.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        palette.setColor(QPalette.Disabled, role, QColor(DISABLED_TEXT))
    return palette


def sheet(system_pt: float, high_contrast: bool) -> str:
    """The style sheet for a system font of `system_pt` points: the sizes above as they are,
    or grown in proportion when the system's text is larger than BODY_PT (0 or less: unknown);
    for `high_contrast`, the sizes and weights alone."""
    scale = max(1.0, system_pt / BODY_PT)
    grown = re.sub(r"font-size: ([0-9.]+)pt",
                   lambda m: f"font-size: {float(m.group(1)) * scale:.1f}pt", STYLE)
    return _sizes_only(grown) if high_contrast else grown


def _sizes_only(style: str) -> str:
    """The rules of `style` with only their font sizes and weights (rules left empty go)."""
    kept = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", style):
        fonts = [d.strip() for d in body.split(";") if d.strip().startswith("font-")]
        if fonts:
            kept.append(f"{selector.strip()} {{ {'; '.join(fonts)}; }}")
    return "\n".join(kept) + "\n"
