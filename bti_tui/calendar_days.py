"""Norwegian public holidays, from the ``holidays`` library.

Not a hand-written list: the movable feasts (Easter, Ascension, Whit Monday)
come from a well-kept library. It is imported inside the function, so the
app's start-up does not pay for it (~57 ms) unless a plan is being made.
The model (``bti_tui.model.plan``) gets the result as a plain mapping.
"""

from __future__ import annotations

from datetime import date

# The library's languages for Norway are "no" (bokmål) and "en_US". It has
# no nynorsk names: nynorsk gets the bokmål ones (the names are close, and
# they only appear as the reason a date was skipped).
_LIBRARY_LANGUAGE = {"nb": "no", "nn": "no", "en": "en_US"}


def public_holidays(first: date, last: date, lang: str = "nb") -> dict[date, str]:
    """Every public holiday from ``first`` to ``last``, by date, named in
    ``lang``. Sundays are not holidays here unless they are one by name."""
    import holidays

    found = holidays.Norway(years=range(first.year, last.year + 1), language=_LIBRARY_LANGUAGE.get(lang, "no"))
    return {day: name for day, name in sorted(found.items()) if first <= day <= last}


def holiday_names(days: list[date], lang: str = "nb") -> dict[date, str]:
    """The names of the public holidays among ``days`` in ``lang``: a plan
    keeps the name in the language it was made in; show it in the reader's."""
    if not days:
        return {}
    found = public_holidays(min(days), max(days), lang)
    return {day: found[day] for day in days if day in found}
