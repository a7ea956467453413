"""Large letters for the back of the room, from FIGlet fonts (pyfiglet).

Gaps in pyfiglet that this module covers (tested in tests/ui/test_ui_wall_bigtext.py):

- A character the font lacks is dropped without a word, and most FIGlet
  fonts have no æ, ø, å: "Problemstilling og mål" came out "... og ml".
  :func:`figlet_lines` checks every character first; the caller then tries
  a smaller font, or shows plain bold text. The "toilet" fonts shipped with
  pyfiglet (mono12, mono9, smmono12, smmono9, smblock) carry æøå.
- pyfiglet wraps a word wider than the line in the middle of the word;
  here a font is used only if every word fits.
- It has no full-width option (FIGlet's ``-W``): blocky's digits smush
  into each other ("04:00" read "D4:DD"); its layout is set to 0 here.
- It has no scaling: the clock's font (blocky) is drawn in whole
  blocks only, so repeating its rows and columns scales it without loss.

pyfiglet is imported on first use, by the wall only (never by the app).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from bti_tui.ui.text import plain, safe
from bti_tui.ui.widgets.straight_rows import StraightRows

if TYPE_CHECKING:
    from pyfiglet import Figlet

#: Largest first; all carry æøå.
TITLE_FONTS = ("mono12", "mono9", "smmono12", "smmono9", "smblock")
READ_BACK_FONTS = ("smmono9", "smblock")
CLOCK_FONT = "blocky"  # whole blocks, an open zero (ansi_regular's slashed zero reads as Ø)
# Typography the fonts lack, written the plain way.
_PLAINER = str.maketrans({"–": "-", "—": "-", "«": '"', "»": '"', "“": '"', "”": '"', "’": "'", "…": "..."})


@lru_cache(maxsize=None)
def _figlet(font: str) -> Figlet:
    from pyfiglet import Figlet

    fig = Figlet(font=font, width=10_000)
    if font == CLOCK_FONT:
        fig.Font.smushMode = 0  # full width (FIGlet's -W): blocky's digits overlap when smushed
    return fig


def _trim(rows: list[str]) -> list[str]:
    rows = [r.rstrip() for r in rows]
    while rows and not rows[0].strip():
        rows.pop(0)
    while rows and not rows[-1].strip():
        rows.pop()
    return rows


@lru_cache(maxsize=512)
def figlet_lines(text: str, font: str, width: int) -> tuple[str, ...] | None:
    """``text`` in ``font``, wrapped at word breaks within ``width``
    columns; None if the font lacks a character or a word is too wide."""
    text = text.translate(_PLAINER).strip()
    fig = _figlet(font)
    chars = fig.Font.chars
    if not text or any(ord(c) not in chars for c in text):
        return None
    fig.width = 10_000
    if any(max(map(len, _trim(fig.renderText(word).splitlines())), default=0) > width for word in text.split()):
        return None
    fig.width = width + 1  # pyfiglet breaks the line when it reaches width
    rows = _trim(fig.renderText(text).splitlines())
    if not rows or max(map(len, rows)) > width:
        return None
    return tuple(rows)


def scaled(rows: tuple[str, ...], factor: int) -> tuple[str, ...]:
    """Each cell repeated ``factor`` times across and down (whole-block fonts only)."""
    out: list[str] = []
    for row in rows:
        wide = "".join(c * factor for c in row)
        out += [wide] * factor
    return tuple(out)


@lru_cache(maxsize=32)
def _glyph(char: str) -> tuple[str, ...]:
    """One character of the clock's font, untrimmed (every row as wide)."""
    fig = _figlet(CLOCK_FONT)
    fig.width = 10_000
    return tuple(fig.renderText(char).splitlines()) if ord(char) in fig.Font.chars else ()


@lru_cache(maxsize=64)
def clock_lines(digits: str, factor: int) -> tuple[str, ...]:
    """``digits`` in the clock's font with tabular figures (every digit as
    wide, so the reading does not jump sideways each second), scaled."""
    width = max(len(_glyph(d)[0]) for d in "0123456789")
    height = max(len(_glyph("0")), 1)
    rows = [""] * height
    for char in digits:
        glyph = _glyph(char)
        if len(glyph) != height:
            continue
        wide = width if char.isdigit() else len(glyph[0])
        rows = [row + part.center(wide) for row, part in zip(rows, glyph, strict=True)]
    while rows and not rows[0].strip():
        rows.pop(0)
    while rows and not rows[-1].strip():
        rows.pop()
    return scaled(tuple(rows), factor)


def clock_scale(template: str, width: int, max_rows: int) -> int:
    """The largest factor (1–3) at which ``template`` fits; 0: none does."""
    rows = clock_lines(template, 1)
    if not rows:
        return 0
    high, wide = len(rows), max(map(len, rows))
    for factor in (3, 2, 1):
        if wide * factor <= width and high * factor <= max_rows:
            return factor
    return 0


def fit_paragraphs(paragraphs: tuple[str, ...], fonts: tuple[str, ...], width: int, max_rows: int) -> tuple[str, ...] | None:
    """Every paragraph in the largest of ``fonts`` in which all of them fit
    ``width`` × ``max_rows`` (a blank row between paragraphs if there is
    room for it); None if no font does."""
    for font in fonts:
        blocks = [figlet_lines(paragraph, font, width) for paragraph in paragraphs]
        if any(block is None for block in blocks):
            continue
        for gap in (1, 0):
            rows: list[str] = []
            for index, block in enumerate(blocks):
                rows += [""] * (gap if index else 0) + list(block or ())
            if len(rows) <= max_rows:
                return tuple(rows)
    return None


class BigText(Widget):
    """Paragraphs of (user) text in the largest font that fits the widget's
    width and ``max_rows`` (``fill``: the height the layout gives it);
    plain bold text when none does."""

    DEFAULT_CSS = "BigText { height: auto; width: 1fr; }"

    def __init__(self, fonts: tuple[str, ...] = TITLE_FONTS, *, fill: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.fonts = fonts
        self.fill = fill
        self.paragraphs: tuple[str, ...] = ()
        self.max_rows = 8

    def show(self, paragraphs: tuple[str, ...] | str, max_rows: int | None = None) -> None:
        if isinstance(paragraphs, str):
            paragraphs = (paragraphs,) if paragraphs else ()
        paragraphs = tuple(safe(p, multiline=False) for p in paragraphs)
        if paragraphs == self.paragraphs and (max_rows is None or max_rows == self.max_rows):
            return
        self.paragraphs = paragraphs
        if max_rows is not None:
            self.max_rows = max_rows
        self.refresh(layout=True)

    def _rows(self, width: int) -> tuple[str, ...] | None:
        if not self.paragraphs or width <= 0:
            return None
        rows = self.content_size.height if self.fill else self.max_rows
        return fit_paragraphs(self.paragraphs, self.fonts, width, rows)

    @property
    def large(self) -> bool:
        """Whether the text is shown in large letters at the current width."""
        return self._rows(self.content_size.width) is not None

    def _fallback(self) -> Text:
        return plain("\n".join(self.paragraphs), "bold")

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        rows = self._rows(width)
        if rows is not None:
            return len(rows)
        return max(1, len(self._fallback().wrap(self.app.console, max(width, 1))))

    def render(self) -> Text:
        rows = self._rows(self.content_size.width)
        return plain("\n".join(rows)) if rows is not None else self._fallback()


class BigClock(StraightRows, Widget):
    """The time left in blocky digits, scaled to fit ``max_rows``
    and the width it is given. Where a reading is too wide for its column
    it drops an overrun's "+" ("+04:00" under "OVER TID"), then the seconds
    of an hour-long reading ("1:54:00" → "1:54"); where even that does not
    fit, plain bold digits."""

    DEFAULT_CSS = "BigClock { height: auto; width: auto; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.digits = ""
        self.factor = 1

    def show(self, digits: str, factor: int) -> None:
        """A new reading; the layout is redone only when its size changes
        (once a second only the digits are redrawn)."""
        if (digits, factor) == (self.digits, self.factor):
            return
        before = self._extent(self._room())
        self.digits, self.factor = digits, factor
        self.refresh(layout=self._extent(self._room()) != before)

    def _room(self) -> int:
        parent = self.parent
        width = parent.content_size.width if isinstance(parent, Widget) else 0
        return width or self.app.size.width

    def _extent(self, width: int) -> tuple[int, int]:
        rows = self._rows(width)
        return (max(map(len, rows)) if rows else len(self.digits), len(rows) or 1)

    def _rows(self, width: int) -> tuple[str, ...]:
        """The large rows that fit ``width``; () when none do."""
        if not (self.factor and self.digits):
            return ()
        # Too wide: the sign of an overrun goes first (its caption says "over
        # tid"), then the seconds of an hour-long reading.
        readings = [self.digits, self.digits.removeprefix("+")]
        if readings[-1].count(":") == 2:
            readings.append(readings[-1].rsplit(":", 1)[0])
        for reading in readings:
            rows = clock_lines(reading, self.factor)
            if rows and max(map(len, rows)) <= width:
                return rows
        return ()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self._extent(container.width)[0]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._extent(width)[1]

    def render_line(self, y: int) -> Strip:
        """One row of the reading, drawn straight (straight_rows.py)."""
        width = self.content_size.width
        rows = self._rows(width)
        if not rows:
            return self.row(self.digits if y == 0 else "", width, Style(bold=True))
        return self.row(rows[y] if 0 <= y < len(rows) else "", width)
