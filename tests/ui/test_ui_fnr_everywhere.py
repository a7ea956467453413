"""A fødselsnummer typed into every free-text field of setup, intake and
the meeting (notes, step fields, the agreement and participant forms, the
read-back, the closing) through the real app is found nowhere in the data
folder afterwards: not in a meeting or case file, a backup, the index, the
log, nor a referat exported from the app (issue 18).

Two fields get the number key by key (the place and the notes, where a
half-typed number would otherwise reach an autosave); the rest get it as a
paste would. Every field is found by query, so a field added later is
covered too."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Input, TextArea

from bti_tui.model import Position, StepFeature
from bti_tui.session.exports import export_referat
from bti_tui.ui.screens.consent_warning import ConsentWarningScreen
from bti_tui.ui.screens.forms import AgreementForm, ParticipantForm
from bti_tui.ui.screens.intake import IntakeScreen
from bti_tui.ui.screens.meeting import MeetingScreen
from bti_tui.ui.screens.read_back import ReadBackScreen
from bti_tui.ui.screens.setup import SetupScreen

FNR = "01010750160"  # valid check digits (synthetic, 1 January 2007)
TYPED = {"place", "notes"}


def shown(widget) -> bool:
    return not widget.disabled and all(node.display for node in widget.ancestors_with_self if hasattr(node, "display"))


async def fill_every_field(pilot, root) -> dict[str, str]:
    """Put the number into every enabled text field shown under ``root``;
    returns what each held before (by id)."""
    before: dict[str, str] = {}
    for widget in [*root.query(Input), *root.query(TextArea)]:
        if widget.id is None or not shown(widget):
            continue
        before[widget.id] = widget.value if isinstance(widget, Input) else widget.text
        widget.focus()
        if widget.id in TYPED:
            await pilot.press(*FNR)
        elif isinstance(widget, Input):
            widget.value = FNR
        else:
            widget.insert(FNR)
    await pilot.pause()
    return before


def restore(root, before: dict[str, str]) -> None:
    for widget_id, value in before.items():
        widget = root.query_one(f"#{widget_id}")
        if isinstance(widget, Input):
            widget.value = value
        else:
            widget.text = value


async def modal(pilot, key: str, kind: type) -> None:
    """Open a form with ``key``, fill it, try to save (refused), cancel."""
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, kind), pilot.app.screen
    await fill_every_field(pilot, pilot.app.screen)
    await pilot.press("f8")
    await pilot.pause()
    assert isinstance(pilot.app.screen, kind)  # refused: the form stays
    await pilot.press("escape")
    await pilot.pause()


def holders(folder: Path) -> list[str]:
    """Every file under ``folder`` whose bytes hold the number."""
    return [str(p) for p in folder.rglob("*") if p.is_file() and FNR.encode() in p.read_bytes()]


async def test_a_fodselsnummer_typed_anywhere_is_stored_nowhere(make_app, repo) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # --- setup -------------------------------------------------------------------------
        await pilot.press("n")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, SetupScreen)
        before = await fill_every_field(pilot, setup)
        await pilot.press("f8")
        await pilot.pause()
        assert app.screen is setup
        restore(setup, before)
        table = setup.query_one("#participants")
        table.focus()
        await modal(pilot, "a", ParticipantForm)
        table.move_cursor(row=1)
        await pilot.press("m")
        table.move_cursor(row=5)
        await pilot.press("r")
        await pilot.press("f8")
        await pilot.pause()
        # --- intake ------------------------------------------------------------------------
        intake = app.screen
        assert isinstance(intake, IntakeScreen), str(setup.query_one("#setup-error").render())
        before = await fill_every_field(pilot, intake)
        await pilot.press("f8")
        await pilot.pause()
        assert app.screen is intake
        restore(intake, before)
        intake.query_one("#initials-0", Input).value = "AB"
        intake.query_one("#birth-0", Input).value = "14.03.2016"
        await pilot.press("f8")
        await pilot.pause()
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen)
        session = meeting.session
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ConsentWarningScreen)
        # No consent was recorded in intake: the only choice is anonymity.
        app.screen.query_one("#consent-anonymous", Button).press()
        await pilot.pause()
        # --- the meeting: every step of the case, then the closing ---------------------------
        # One step per kind of field (the notes field, the same on every
        # step, is filled on each of them).
        steps = {}
        for step in session.kind.steps:
            steps.setdefault(step.features, step)
        for step in [s for s in steps.values() if s.features]:
            session.meeting.clock.enter(Position(step.id, 0), app.now())
            meeting.sync_position()
            await pilot.pause()
            # Left in the fields: whatever the app keeps of them is saved.
            await fill_every_field(pilot, meeting)
            meeting.commit_edits()
            if StepFeature.AGREEMENTS in step.features:
                await modal(pilot, "f9", AgreementForm)
        await app.push_screen(ReadBackScreen(session, 0))
        await pilot.pause()
        await fill_every_field(pilot, app.screen)
        app.screen.query_one("#read-back-approve", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, ReadBackScreen)  # refused
        await pilot.press("escape")
        await pilot.pause()
        session.meeting.clock.enter(Position.closing(), app.now())
        meeting.sync_position()
        await pilot.pause()
        await fill_every_field(pilot, meeting)
        meeting.commit_edits()
        exported = [export_referat(session, "nb"), export_referat(session, "nb", "html", case=1)]
        app.saver.flush()
    assert all(path.is_file() and repo.data_dir in path.parents for path in exported)
    assert any((repo.data_dir / "cases").iterdir()) and any(p.suffix == ".bak" for p in repo.data_dir.rglob("*"))
    assert holders(repo.data_dir) == []
