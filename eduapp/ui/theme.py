"""The look of the app: the Atkinson Hyperlegible font, a calm palette, sizes per text step."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources as importlib_resources

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

FONT_FAMILY = "Atkinson Hyperlegible"
FONT_FILES = ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf",
              "AtkinsonHyperlegible-Italic.ttf")
TEXT_STEPS = (20, 24, 30)  # body text in px: normal, larger, largest


@dataclass(frozen=True)
class Palette:
    """Colours; every text colour meets 4.5:1 on the background it is used on."""

    background: str = "#FAF8F4"
    surface: str = "#FFFFFF"
    ink: str = "#1F2A30"
    muted: str = "#4A5A63"
    border: str = "#C9D3D8"
    primary: str = "#1F6F7A"
    primary_dark: str = "#16545C"
    on_primary: str = "#FFFFFF"
    focus: str = "#000000"  # 3:1 or more against every unfocused control: see FOCUS_AGAINST
    right: str = "#2E6B45"
    right_tint: str = "#E6F2EA"
    wrong: str = "#9A4A1B"
    wrong_tint: str = "#FBEDE3"
    chosen_tint: str = "#E3F0F2"
    disabled: str = "#E4E9EC"


PALETTE = Palette()
HIGH_CONTRAST = Palette(
    background="#FFFFFF", surface="#FFFFFF", ink="#000000", muted="#1A1A1A", border="#000000",
    primary="#003B5C", primary_dark="#00263D", on_primary="#FFFFFF", focus="#E65C00",
    right="#004D1A", right_tint="#FFFFFF", wrong="#7A1600", wrong_tint="#FFFFFF",
    chosen_tint="#E6F0F5", disabled="#D9D9D9",
)

# Every (text, background) pair the style sheet puts together; a test checks their contrast
# (4.5:1 in the normal theme, 7:1 in high contrast).
TEXT_PAIRS = (
    ("ink", "background"), ("ink", "surface"), ("muted", "background"), ("muted", "surface"),
    ("primary_dark", "surface"), ("primary_dark", "chosen_tint"), ("primary_dark", "background"),
    ("on_primary", "primary"), ("on_primary", "primary_dark"), ("ink", "chosen_tint"),
    ("ink", "right_tint"), ("ink", "wrong_tint"), ("right", "right_tint"),
    ("wrong", "wrong_tint"), ("muted", "disabled"),
    # the clinician tables: a cell to discuss and one without a visit code, chosen or not
    ("wrong", "surface"), ("wrong", "chosen_tint"), ("muted", "chosen_tint"),
)
# What the focus ring's pixels show when the control is not focused: a teal button's fill and
# border, a white button, a card's or answer's border, a chosen answer, the page. WCAG 2.2 asks
# 3:1 between the two states (a test checks it).
FOCUS_AGAINST = ("primary", "surface", "background", "border", "chosen_tint")
_family = FONT_FAMILY
_palette = PALETTE  # what the app is styled with now: see `style_app`


def load_fonts() -> str:
    """Register the bundled font with Qt; returns the family to use (a fallback if missing)."""
    try:
        folder = importlib_resources.files("fontpkg_atkinson_hyperlegible") / "files"
        loaded = [QFontDatabase.addApplicationFont(str(folder / name)) for name in FONT_FILES]
    except (ModuleNotFoundError, OSError) as err:
        log.error("the Atkinson Hyperlegible font is not installed: %s", err)
        return QApplication.font().family()
    global _family
    if all(font_id < 0 for font_id in loaded):
        log.error("the Atkinson Hyperlegible font files could not be loaded")
        _family = QApplication.font().family()
        return _family
    _family = FONT_FAMILY
    return FONT_FAMILY


def style_app(app: QApplication, step: int, palette: Palette,
              family: str | None = None) -> None:
    """Style the whole app for a text step and palette (normal or high contrast).

    Widgets with style rules of their own (the clinician tabs) are built after this and
    take their colours from `current_palette()`, so they follow high contrast too.
    """
    global _palette
    _palette = palette
    sheet = stylesheet(step, palette, family)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)  # re-styles every widget: only when it changes


def current_palette() -> Palette:
    """The palette the app is styled with now."""
    return _palette


def stylesheet(step: int = 0, palette: Palette = PALETTE, family: str | None = None) -> str:
    """The application style sheet for text step 0, 1 or 2."""
    p = palette
    family = family or _family
    base = TEXT_STEPS[max(0, min(step, len(TEXT_STEPS) - 1))]
    small, big = round(base * 0.85), round(base * 1.2)
    h1, h2 = round(base * 1.8), round(base * 1.35)
    return f"""
    QWidget {{ font-family: "{family}"; font-size: {base}px; color: {p.ink}; }}
    QMainWindow, QStackedWidget > QWidget#page {{ background: {p.background}; }}
    QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
    QLabel[role="h1"] {{ font-size: {h1}px; font-weight: bold; }}
    QLabel[role="h2"] {{ font-size: {h2}px; font-weight: bold; }}
    QLabel[role="muted"] {{ color: {p.muted}; font-size: {small}px; }}
    QLabel[role="lead"] {{ font-size: {big}px; }}
    QLabel[role="caption"] {{ color: {p.muted}; font-style: italic; }}
    QLabel[role="banner"] {{ background: {p.chosen_tint}; border-radius: 12px; padding: 12px 16px;
        font-weight: bold; }}
    QTextBrowser, QTextEdit[readOnly="true"] {{ background: transparent; border: none;
        font-size: {base}px; }}
    QTextEdit[focusRing="true"], QScrollArea[focusRing="true"] {{
        border: 3px solid transparent; border-radius: 8px; }}
    QTextEdit[focusRing="true"]:focus, QScrollArea[focusRing="true"]:focus {{
        border: 3px solid {p.focus}; }}
    QTreeView {{ background: {p.surface}; border: 2px solid {p.border}; border-radius: 10px; }}
    QTreeView:focus {{ border: 3px solid {p.focus}; }}
    QTreeView::item:selected {{ background: {p.primary}; color: {p.on_primary}; }}
    QTabBar::tab {{ background: {p.surface}; border: 2px solid {p.border}; border-bottom: none;
        border-top-left-radius: 10px; border-top-right-radius: 10px; padding: 8px 18px;
        margin-right: 4px; }}
    QTabBar::tab:selected {{ background: {p.chosen_tint}; border-color: {p.primary}; }}
    QTabBar::tab:focus {{ border: 3px solid {p.focus}; border-bottom: none; }}
    QFrame#topbar {{ background: {p.surface}; border-bottom: 1px solid {p.border}; }}
    QFrame#topbar QPushButton {{ min-height: 44px; padding: 4px 14px;
        font-size: {min(base, 24)}px; }}
    QFrame#topbar QPushButton:focus {{ padding: 2px 12px; }}
    QPushButton {{ min-height: 48px; padding: 10px 22px; border-radius: 14px;
        background: {p.surface}; color: {p.primary_dark}; border: 2px solid {p.primary};
        font-weight: bold; }}
    QPushButton:hover {{ background: {p.chosen_tint}; }}
    /* focus: a 4 px ring over 2 px less padding, so a button keeps its size and its text */
    QPushButton:focus {{ border: 4px solid {p.focus}; padding: 8px 20px; }}
    QPushButton:disabled {{ color: {p.muted}; border-color: {p.border}; }}
    QPushButton[kind="primary"] {{ background: {p.primary}; color: {p.on_primary};
        min-height: 60px; padding: 12px 36px; font-size: {big}px; }}
    QPushButton[kind="primary"]:hover {{ background: {p.primary_dark}; }}
    QPushButton[kind="primary"]:focus {{ border: 4px solid {p.focus}; padding: 10px 34px; }}
    QPushButton[kind="primary"]:disabled {{ background: {p.disabled}; color: {p.muted}; }}
    QPushButton[kind="quiet"] {{ border: 2px solid transparent; background: transparent;
        font-weight: normal; color: {p.muted}; }}
    QPushButton[kind="quiet"]:focus {{ border: 4px solid {p.focus}; padding: 8px 20px; }}
    QPushButton[kind="card"] {{ background: {p.surface}; border: 2px solid {p.border};
        border-radius: 18px; padding: 16px; text-align: left; }}
    QPushButton[kind="card"]:hover {{ border-color: {p.primary}; }}
    QPushButton[kind="card"]:focus {{ border: 4px solid {p.focus}; padding: 14px; }}
    QPushButton[kind="choice"] {{ background: {p.surface}; border: 2px solid {p.border};
        border-radius: 14px; padding: 6px 10px; text-align: left; font-weight: normal; }}
    QPushButton[kind="choice"]:hover {{ border-color: {p.primary}; }}
    QPushButton[kind="choice"]:checked {{ background: {p.chosen_tint};
        border: 3px solid {p.primary}; }}
    QPushButton[kind="choice"]:focus {{ border: 4px solid {p.focus}; padding: 4px 8px; }}
    QPushButton[kind="choice"][state="right"] {{ background: {p.right_tint};
        border: 3px solid {p.right}; }}
    QPushButton[kind="choice"][state="wrong"] {{ background: {p.wrong_tint};
        border: 3px solid {p.wrong}; }}
    QPushButton[kind="choice"]:disabled {{ color: {p.ink}; }}
    QLabel[role="badge"] {{ background: {p.right_tint}; color: {p.right}; border-radius: 10px;
        padding: 4px 10px; font-size: {small}px; font-weight: bold; }}
    QFrame[role="feedback-right"] {{ background: {p.right_tint}; border: 2px solid {p.right};
        border-radius: 12px; }}
    QFrame[role="feedback-wrong"] {{ background: {p.wrong_tint}; border: 2px solid {p.wrong};
        border-radius: 12px; }}
    QLabel[role="verdict-right"] {{ color: {p.right}; font-weight: bold; font-size: {big}px; }}
    QLabel[role="verdict-wrong"] {{ color: {p.wrong}; font-weight: bold; font-size: {big}px; }}
    QFrame[role="tile"] {{ background: {p.surface}; border: 2px solid {p.border};
        border-radius: 16px; }}
    QLabel[role="score"] {{ font-size: {h1}px; font-weight: bold; color: {p.primary_dark}; }}
    QScrollBar:vertical {{ background: {p.disabled}; width: 14px; border-radius: 7px; margin: 0; }}
    QScrollBar::handle:vertical {{ background: {p.primary}; border-radius: 7px; min-height: 48px; }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
    QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
    QWidget#idle-notice {{ background: {p.background}; }}
    QDialog {{ background: {p.background}; border: 2px solid {p.primary}; }}
    QLineEdit {{ background: {p.surface}; border: 2px solid {p.primary}; border-radius: 10px;
        padding: 6px 12px; }}
    QLineEdit:focus {{ border: 4px solid {p.focus}; padding: 4px 10px; }}  /* same size */
    QComboBox[kind="list"] {{ background: {p.surface}; color: {p.ink};
        border: 2px solid {p.primary}; border-radius: 10px; padding: 6px 40px 6px 12px;
        min-height: 32px; }}
    QComboBox[kind="list"]:focus {{ border: 4px solid {p.focus}; padding: 4px 38px 4px 10px; }}
    QComboBox[kind="list"]::drop-down {{ width: 36px; border: none; }}
    QComboBox[kind="list"] QAbstractItemView {{ background: {p.surface}; color: {p.ink};
        selection-background-color: {p.chosen_tint}; selection-color: {p.ink}; }}
    QFrame#topbar QPushButton[kind="step"] {{ min-width: 48px; min-height: 44px; padding: 0; }}
    QPushButton[kind="step"]:checked {{ background: {p.primary}; color: {p.on_primary}; }}
    QFrame[role="mark-round"], QFrame[role="mark-square"] {{ background: {p.surface};
        border: 3px solid {p.primary}; border-radius: 15px; }}
    QFrame[role="mark-square"] {{ border-radius: 6px; }}
    QFrame[role="mark-round"][on="true"], QFrame[role="mark-square"][on="true"] {{
        background: {p.primary}; }}
    QFrame#topbar QPushButton:checked {{ background: {p.primary}; color: {p.on_primary}; }}
    QProgressBar {{ background: {p.disabled}; border: none; border-radius: 5px; max-height: 10px; }}
    QProgressBar::chunk {{ background: {p.primary}; border-radius: 5px; }}
    """
