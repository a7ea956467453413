"""Large letters from pyfiglet, and the gaps this project covers: fonts
without æøå (pyfiglet drops the letter silently), words split in the
middle, digits smushed into each other, no scaling."""

from __future__ import annotations

import pyfiglet

from bti_tui.ui.widgets.bigtext import (
    CLOCK_FONT,
    READ_BACK_FONTS,
    TITLE_FONTS,
    clock_lines,
    clock_scale,
    figlet_lines,
    fit_paragraphs,
    scaled,
)


def test_the_gap_pyfiglet_drops_letters_its_font_lacks() -> None:
    """Why the fonts are checked: the standard font has no å."""
    with_a = pyfiglet.Figlet(font="standard").renderText("ml")
    with_aa = pyfiglet.Figlet(font="standard").renderText("mål")
    assert with_a == with_aa
    assert figlet_lines("mål", "standard", 200) is None


def test_every_title_font_carries_norwegian_letters() -> None:
    for font in TITLE_FONTS + READ_BACK_FONTS:
        assert figlet_lines("Årsakssammenhenger æøå ÆØÅ", font, 1000) is not None, font


def test_a_word_wider_than_the_line_is_not_split() -> None:
    assert figlet_lines("Handlingsmuligheter", "mono9", 40) is None
    lines = figlet_lines("Problemstilling og mål", "smblock", 50)
    assert lines is not None and max(map(len, lines)) <= 50
    assert len(lines) > 4  # wrapped at the space, onto a second line of letters


def test_typography_the_fonts_lack_is_written_plainly() -> None:
    assert figlet_lines("Samtaler – «fast» voksen", "smblock", 400) == figlet_lines('Samtaler - "fast" voksen', "smblock", 400)


def test_clock_digits_do_not_run_into_each_other() -> None:
    """Smushed, blocky's "04:00" had its digits overlap; at full width
    every digit keeps its own columns."""
    one = clock_lines("0", 1)
    width = max(map(len, one))
    four = clock_lines("00", 1)
    assert max(map(len, four)) >= 2 * width
    assert CLOCK_FONT == "blocky"


def test_scaling_repeats_cells() -> None:
    assert scaled(("█ ", " █"), 2) == ("██  ", "██  ", "  ██", "  ██")
    assert len(clock_lines("12:34", 2)) == 2 * len(clock_lines("12:34", 1))


def test_clock_scale_fits_the_room_given() -> None:
    assert clock_scale("00:00", 160, 15) == 2  # 200×50: 14 rows
    assert clock_scale("00:00", 80, 12) == 1
    assert clock_scale("00:00", 10, 12) == 0


def test_paragraphs_take_the_largest_font_that_fits() -> None:
    rows = fit_paragraphs(("Avtaler:", "1. Samtaler hver uke"), READ_BACK_FONTS, 200, 30)
    assert rows == figlet_lines("Avtaler:", "smmono9", 200) + ("",) + figlet_lines("1. Samtaler hver uke", "smmono9", 200)
    small = fit_paragraphs(("Avtaler:", "1. Samtaler hver uke"), READ_BACK_FONTS, 200, 9)
    assert small is not None and len(small) <= 9
    assert fit_paragraphs(("Avtaler:",) * 10, READ_BACK_FONTS, 200, 9) is None


def test_clock_figures_are_tabular() -> None:
    """Every digit as wide: the reading does not jump sideways each second
    (and the layout is not redone every second)."""
    assert {len(row) for row in clock_lines("11:11", 1)} == {len(row) for row in clock_lines("00:00", 1)}
    assert len({len(row) for row in clock_lines("+07:41", 2)}) == 1


def test_an_hour_long_reading_drops_its_seconds_where_it_would_be_cut() -> None:
    """At 200×50 the meeting screen's side column showed "1:54:C": the
    clock ran out of its column. Now it never draws wider than its room."""
    from bti_tui.ui.widgets.bigtext import BigClock

    clock = BigClock()
    clock.digits, clock.factor = "1:54:00", 1
    full = max(map(len, clock_lines("1:54:00", 1)))
    short = max(map(len, clock_lines("1:54", 1)))
    assert clock._rows(full) == clock_lines("1:54:00", 1)
    assert clock._rows(full - 1) == clock_lines("1:54", 1)
    assert clock._rows(short - 1) == ()  # then plain digits
    clock.digits = "+04:00"
    signed = max(map(len, clock_lines("+04:00", 1)))
    assert clock._rows(signed) == clock_lines("+04:00", 1)
    assert clock._rows(signed - 1) == clock_lines("04:00", 1)
