"""A whole instansmøte driven through the real app with Pilot: setup, two
cases through every agenda step with notes and agreements, stafettholder,
closing; then the store is read back."""

from __future__ import annotations

from textual.widgets import Checkbox, DataTable, Input

from bti_tui.model import Attendance, ConsentStatus, MeetingStatus, Position
from bti_tui.resources import meeting_kind
from bti_tui.store import Repository
from bti_tui.ui.screens.consent_warning import ConsentWarningScreen
from bti_tui.ui.screens.forms import AgreementForm
from bti_tui.ui.screens.intake import IntakeScreen
from bti_tui.ui.screens.read_back import ReadBackScreen
from bti_tui.ui.screens.meeting import MeetingScreen
from bti_tui.ui.screens.setup import SetupScreen


async def type_into(pilot, selector: str, text: str) -> None:
    """Put ``text`` into a field as a paste would (these tests are not about
    typing; tests/ui/test_ui_typing.py presses keys one by one)."""
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    if isinstance(widget, Input):
        widget.value = text
    else:
        widget.insert(text)
    await pilot.pause()


async def set_up_meeting(pilot) -> None:
    app = pilot.app
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(app.screen, SetupScreen)
    app.screen.query_one("#participants").focus()
    await type_into(pilot, "#place", "Nordby")
    table = app.screen.query_one("#participants", DataTable)
    table.focus()
    # Everyone present, but the third fixed participant has sent notice.
    for row in range(table.row_count):
        table.move_cursor(row=row)
        await pilot.press("space")
        if row == 2:
            await pilot.press("space")
    table.move_cursor(row=1)
    await pilot.press("m")
    table.move_cursor(row=5)
    await pilot.press("r")
    # An invited participant: PPT.
    await pilot.press("a")
    await pilot.pause()
    await type_into(pilot, "#p-name", "Tone")
    await type_into(pilot, "#p-role", "PP")
    await type_into(pilot, "#p-service", "PPT")
    await pilot.press("f8")
    await pilot.pause()
    await pilot.press("f8")
    await pilot.pause()


async def fill_intake(pilot) -> None:
    app = pilot.app
    assert isinstance(app.screen, IntakeScreen)
    await type_into(pilot, "#initials-0", "åb")
    await type_into(pilot, "#birth-0", "14.03.2016")
    await type_into(pilot, "#submitted-0", "Nordby")
    app.screen.query_one("#consent-0").value = ConsentStatus.GIVEN.value
    app.screen.query_one("#firfoting-0", Checkbox).value = True
    app.screen.query_one("#anon-1", Checkbox).focus()
    await pilot.press("space")
    await type_into(pilot, "#submitted-1", "Sol")
    await pilot.press("f8")
    await pilot.pause()


async def open_first_case(pilot) -> None:
    """A set-up meeting with two cases, on case 1's first step."""
    await pilot.pause()
    await set_up_meeting(pilot)
    await fill_intake(pilot)
    await pilot.press("f8")
    await pilot.pause()


async def walk_case(pilot, clock, slot: int, with_stafettholder: bool = True) -> None:
    app = pilot.app
    screen = app.screen
    for index, step in enumerate(screen.session.kind.steps):
        assert screen.session.position == Position(step.id, slot)
        await type_into(pilot, "#notes", f"N{slot}{index}")
        clock.advance(minutes=step.minutes)
        if "agreements" in step.features:
            await pilot.press("f9")
            await pilot.pause()
            assert isinstance(app.screen, AgreementForm)
            await type_into(pilot, "#a-what", f"T{slot}{index}")
            await type_into(pilot, "#a-who", "Kari")
            await type_into(pilot, "#a-service", "PPT")
            await type_into(pilot, "#a-due", "1.12.2026")
            await pilot.press("f8")
            await pilot.pause()
        if "cooperation" in step.features:
            await type_into(pilot, "#cooperation", "BV, PPT")
        if "stafettholder" in step.features and with_stafettholder:
            await type_into(pilot, "#st-name", "Kari")
            await type_into(pilot, "#st-service", "PPT")
        if "next_meeting" in step.features:
            await type_into(pilot, "#next-meeting", "15.12.2026")
        await pilot.press("f8")
        await pilot.pause()
        if isinstance(app.screen, ReadBackScreen):  # the end of the case: read back, approved
            app.screen.query_one("#read-back-approve").press()
            await pilot.pause()


async def test_whole_instansmote_is_saved(make_app, repo: Repository, clock) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await set_up_meeting(pilot)
        await fill_intake(pilot)
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.session.position == Position.opening()
        assert not screen.session.meeting.clock.started
        await pilot.press("f5")  # the møteleder starts the clock on the opening
        clock.advance(minutes=5)
        await pilot.press("f8")  # case 1
        await pilot.pause()
        assert screen.session.meeting.clock.started
        await walk_case(pilot, clock, 0)
        await walk_case(pilot, clock, 1)
        assert screen.session.position == Position.closing()
        await pilot.press("f9")  # finish the meeting: asked first
        await pilot.pause()
        assert screen.session.meeting.status is not MeetingStatus.FINISHED
        await pilot.press("shift+tab", "enter")
        await pilot.pause()
        assert screen.session.meeting.status is MeetingStatus.FINISHED
        meeting_id = screen.session.meeting.id
    app.saver.flush()

    meeting = repo.load_meeting(meeting_id)
    assert meeting.status is MeetingStatus.FINISHED
    assert meeting.place == "Nordby"
    leader = meeting.participant(meeting.moteleder)
    assert leader.role_in(meeting_kind(meeting.kind_id), "nb") == "Barnevernskonsulent"
    assert [p.attendance for p in meeting.participants].count(Attendance.ABSENT) == 1
    assert any(p.name == "Tone" and p.service == "PPT" for p in meeting.participants)
    kind_steps = [s.id for s in screen.session.kind.steps]
    cases = repo.cases_for(meeting)
    for slot in (0, 1):
        notes = meeting.slots[slot].notes
        assert [notes[step] for step in kind_steps] == [f"N{slot}{i}" for i in range(len(kind_steps))]
        case = cases[meeting.slots[slot].case_id]
        assert [(a.what, a.responsible, a.service, a.due.isoformat()) for a in case.agreements] == [
            (f"T{slot}4", "Kari", "PPT", "2026-12-01"),
            (f"T{slot}5", "Kari", "PPT", "2026-12-01"),
        ]
        assert (case.stafettholder.name, case.stafettholder.service) == ("Kari", "PPT")
        assert meeting.slots[slot].cooperation == ["BV", "PPT"]
        assert meeting.slots[slot].next_meeting.isoformat() == "2026-12-15"
        assert meeting.slots[slot].closed
    first = cases[meeting.slots[0].case_id]
    assert first.reference.initials == "ÅB"
    assert first.consent.status is ConsentStatus.GIVEN and first.firfoting_prepared
    assert cases[meeting.slots[1].case_id].anonymous
    # The clock: opening 5 min, then every step its planned minutes.
    assert meeting.clock.elapsed(clock.at).total_seconds() == 60 * (5 + 2 * 50)


async def test_case_cannot_close_without_stafettholder(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        await walk_case(pilot, clock, 0, with_stafettholder=False)
        screen = app.screen
        # Still in case 1: moved to the stafettholder step, with a message.
        assert screen.session.position == Position("w-stafettholder", 0)
        assert "stafettholder" in str(screen.query_one("#feature-error").render()).lower()
        assert screen.query_one("#st-name", Input).has_focus
        await pilot.press(*"Ola")
        await pilot.press("f8", "f8")
        await pilot.pause()
        assert isinstance(app.screen, ReadBackScreen)
        await pilot.press("enter")  # "lest opp og godkjent" has the focus
        await pilot.pause()
        assert screen.session.position == Position("g-problem", 1)
        assert screen.session.meeting.slots[0].approved_at is not None


async def test_missing_consent_is_warned_before_discussion(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await set_up_meeting(pilot)
        await type_into(pilot, "#initials-0", "CD")
        await type_into(pilot, "#birth-0", "02.09.2019")
        await pilot.press("f8")  # consent left as "missing"
        await pilot.pause()
        screen = app.screen
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ConsentWarningScreen)
        await pilot.press("escape")  # go back: nothing discussed
        await pilot.pause()
        assert screen.session.position == Position.opening()
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("f8")  # a second F8 does not answer the warning
        await pilot.pause()
        assert isinstance(app.screen, ConsentWarningScreen)
        await pilot.press("shift+tab", "enter")  # "go on anyway"
        await pilot.pause()
        assert screen.session.position == Position("g-problem", 0)


async def test_fodselsnummer_in_a_note_is_refused(make_app, repo) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        screen = app.screen
        await pilot.press(*"Ok ")
        await pilot.press(*"01010750160")  # a valid fødselsnummer (synthetic check digits)
        await pilot.pause()
        error = str(screen.query_one("#notes-error").render())
        assert "fødselsnummer" in error.lower()
        # Kept masked: not even the first ten digits stay in memory or on disk.
        assert screen.session.meeting.slots[0].notes["g-problem"] == "Ok ***********"
        meeting_id = screen.session.meeting.id
        await pilot.press("f8")
        await pilot.pause()
        assert screen.session.position.step == "g-problem"  # blocked
    app.saver.flush()
    path = repo.meeting_path(meeting_id)
    for file in (path, path.with_name(path.name + ".bak")):
        if file.exists():
            assert "0101075016" not in file.read_text(encoding="utf-8")


async def test_invalid_birth_date_is_refused_with_a_message(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await set_up_meeting(pilot)
        await type_into(pilot, "#initials-0", "AB")
        await type_into(pilot, "#birth-0", "31.02.2016")
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        assert "31.02.2016" in str(app.screen.query_one("#intake-error-0").render())
        assert app.screen.session.cases == {}


async def test_anonymous_case_warns_when_a_note_names_school_class_or_age(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await set_up_meeting(pilot)
        app.screen.query_one("#anon-0", Checkbox).focus()
        await pilot.press("space")
        await pilot.press("f8", "f8")
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"Går i 7. klasse")
        await pilot.pause(1.3)  # the hints are checked in the pause before the save
        warning = str(screen.query_one("#notes-error").render())
        assert "7. klasse" in warning and "anonym" in warning.lower()
        # A warning, not a refusal: the note is kept.
        assert screen.session.meeting.slots[0].notes["g-problem"] == "Går i 7. klasse"
