"""The two looks: normal, and the projector's high-contrast theme."""

from __future__ import annotations

from textual.theme import Theme

NORMAL = "bti"
PROJECTOR = "bti-projector"

NORMAL_THEME = Theme(
    name=NORMAL,
    primary="#2f6fb3",
    secondary="#3b8d6e",
    accent="#c77d1a",
    warning="#d9a400",
    error="#d64545",
    success="#3b9c4a",
    foreground="#e6e6e6",
    background="#1c1f24",
    surface="#262a31",
    panel="#2f343c",
    dark=True,
)

# Black and white with one strong accent: readable on a washed-out projector
# and in monochrome. Overrun is also shown in words, never by colour alone.
PROJECTOR_THEME = Theme(
    name=PROJECTOR,
    primary="#ffd700",
    secondary="#00d7ff",
    accent="#ffd700",
    warning="#ffaf00",
    error="#ff5f5f",
    success="#5fff5f",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    boost="#262626",
    dark=True,
)

THEMES = (NORMAL_THEME, PROJECTOR_THEME)
