"""A note holding a phone number, an e-mail address or a street address is
warned about, never blocked (issue 18). Run where the anonymity hints run:
on the pause before the autosave, not per keystroke."""

from __future__ import annotations

from collections.abc import Callable

from bti_tui.model.anonymity import HintKind
from bti_tui.model.contact import contact_hints

KINDS = (HintKind.PHONE, HintKind.EMAIL, HintKind.ADDRESS)


def contact_warning(t: Callable[..., str], text: str) -> str:
    """"⚠ Notatet ser ut til å inneholde et telefonnummer og en
    e-postadresse. …", or "" when the note holds none. The details found
    are not repeated: the warning may be on the wall."""
    found = {hint.kind for hint in contact_hints(text)} if text else set()
    names = [t(f"contact.{kind.value}") for kind in KINDS if kind in found]
    if not names:
        return ""
    kinds = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {t('contact.and')} {names[-1]}"
    return t("contact.warning", kinds=kinds)
