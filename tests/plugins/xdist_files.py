"""How ``make test`` shares the tests between its two workers
(``-n 2 --dist loadgroup``): whole files by default, as ``loadfile`` would
(the snapshot tests share one fixed data folder, some files build a wheel or
a demo once per module), and test by test for the long Pilot files named
here, so no worker waits at the end for one file the other could have
shared."""

from __future__ import annotations

from pathlib import Path

import pytest

# Files whose tests need nothing from each other and take a minute or more.
SPREAD = {
    "test_ui_meeting_flow.py",
    "test_ui_robustness.py",
    "test_ui_nothing_lost.py",
    "test_ui_forms.py",
    "test_ui_keyboard_and_language.py",
    "test_ui_first_time.py",
    "test_referat_properties.py",
    "test_ui_consent.py",
    "test_ui_cases.py",
    "test_ui_case_again.py",
    "test_ui_purge.py",
    "test_ui_intake_rules.py",
    "test_ui_meeting_list.py",
    "test_ui_bad_data.py",
}


# Files of a half minute or more that one worker runs whole (a wheel built
# and installed, 200 SIGKILLs, every screen visited, tmux end to end).
FIRST = {
    "test_wheel.py",
    "test_store_sigkill.py",
    "test_ui_user_text.py",
    "test_e2e_wall.py",
    "test_e2e_crash_recovery.py",
    "test_store_crypto_sigkill.py",
}


# First: xdist's worker reads the groups in its own hook of this name.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The longest single pieces first, so neither worker ends on one alone.
    items.sort(key=lambda item: Path(str(item.fspath)).name not in FIRST)
    for item in items:
        path = Path(str(item.fspath))
        if path.name not in SPREAD:
            item.add_marker(pytest.mark.xdist_group(path.as_posix()))
