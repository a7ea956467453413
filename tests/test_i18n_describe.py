"""One way from an error to the user's message: Translator.describe."""

from __future__ import annotations

from pathlib import Path

from bti_tui.i18n import Translator
from bti_tui.model import ValidationError
from bti_tui.store import DataLocked


def test_describe_knows_domain_and_store_errors_and_nothing_else() -> None:
    t = Translator("nn")
    assert t.describe(ValidationError("date.invalid", value="31.02.2020")) == t.error(
        ValidationError("date.invalid", value="31.02.2020")
    )
    locked = DataLocked(Path("/tmp/data"))
    assert t.describe(locked) == t(locked.key, **locked.params)
    assert "/tmp/data" in t.describe(locked)
    assert t.describe(OSError(28, "No space left on device")) is None
