"""The child met again, through the real app with Pilot: the second
meeting's intake finds the case by initials + birth date, a duplicate is
stopped by "same child?", the review comes up first and its marks reach the
referat; and the demo's upcoming meeting opens with its review.

The first meeting is made with the session (its screens are tested in
test_ui_meeting_flow.py); fields are set, not typed key by key."""

from __future__ import annotations

from datetime import date, datetime, time

from textual.widgets import Input, OptionList

from bti_tui.model import AgreementStatus, Case, CaseReference, Consent, ConsentGiver, ConsentStatus, Meeting, Position
from bti_tui.resources import meeting_kind
from bti_tui.session import Autosaver, MeetingSession, open_meeting
from bti_tui.session.demo import write_demo
from bti_tui.session.exports import render_referat
from bti_tui.store import Repository
from bti_tui.ui.screens.forms import ChoiceScreen
from bti_tui.ui.screens.intake import IntakeScreen
from bti_tui.ui.screens.meeting import MeetingScreen
from bti_tui.ui.screens.review import ReviewScreen
from bti_tui.ui.screens.review_forms import ContinueForm, EditAgreementForm
from bti_tui.ui.screens.same_child import FindCaseScreen

KIND = "instansmote-skole"
FIRST = date(2026, 10, 6)  # the clock of the app says 24.11.2026
FIRST_NOW = datetime.combine(FIRST, time(10, 0))


def child(case_id: str, initials: str, born: date) -> Case:
    return Case(case_id, CaseReference(initials, born), consent=Consent(ConsentStatus.GIVEN, [], ConsentGiver.GUARDIANS))


def first_meeting(repo: Repository) -> None:
    """AB gets two agreements, CD none; both get a stafettholder; finished."""
    kind = meeting_kind(KIND)
    saver = Autosaver(repo, lambda error: None)
    meeting = Meeting.plan(kind, FIRST, time(9, 0), "Nordby", "nb", "m-1")
    cases = [child("c-ab", "ÅB", date(2016, 3, 14)), child("c-cd", "CD", date(2019, 9, 2))]
    for slot, case in zip(meeting.slots, cases):
        slot.case_id = case.id
    s = MeetingSession(meeting, kind, {c.id: c for c in cases}, saver, lambda: FIRST_NOW)
    s.save(all_cases=True)
    s.add_agreement(0, "Samtaler hver uke", "Kari Nordmann", "Helsestasjonen", date(2026, 10, 20))
    s.add_agreement(0, "Veiledning til foresatte", "Ingrid Berg", "Familiehjelpen", date(2026, 12, 1))
    s.set_stafettholder(0, "Kari Nordmann", "Helsestasjonen")
    s.set_stafettholder(1, "Nils Moen", "Skolen")
    assert s.finish() == []
    saver.close()
    # The second meeting, planned with empty slots.
    repo.save_meeting(Meeting.plan(kind, date(2026, 11, 24), time(9, 0), "Nordby", "nb", "m-2"))


def card(app, index: int) -> str:
    return app.screen.query_one("#review-list", OptionList).get_option_at_index(index).prompt.plain


async def test_the_child_met_again_is_found_reviewed_and_in_the_referat(repo, make_app) -> None:
    first_meeting(repo)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        session = open_meeting(app.saver, "m-2", app.now)
        app.push_screen(IntakeScreen(session))
        await pilot.pause()
        # Slot 1: F6 finds the case by initials (any case, no accent) + birth date.
        app.screen.query_one("#initials-0", Input).focus()
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, FindCaseScreen)
        app.screen.query_one("#find-initials", Input).value = "ab"
        app.screen.query_one("#find-birth", Input).value = "14.03.2016"
        app.screen.query_one("#find-birth", Input).focus()
        await pilot.pause()
        assert app.screen.query_one("#find-list", OptionList).option_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        assert session.case(0).id == "c-ab"
        assert app.screen.query_one("#initials-0", Input).value == "ÅB"
        # Slot 2: CD typed as a new case is a duplicate: the room is asked.
        app.screen.query_one("#initials-1", Input).value = "cd"
        app.screen.query_one("#birth-1", Input).value = "02.09.2019"
        app.screen.query_one("#submitted-1", Input).value = "Nordby skole"
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")  # cancel: nothing made, still at intake
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen) and session.case(1) is None
        app.saver.flush()
        assert len(repo.index.find("cd", date(2019, 9, 2))) == 1  # no second CD
        await pilot.press("f8")
        await pilot.pause()
        await pilot.click("#choice-0")  # "use the existing case"
        await pilot.pause()
        assert session.case(1).id == "c-cd"
        await pilot.press("f8")  # into the meeting: the opening
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)

        # Into case 1: its first screen is the review.
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        first, second = card(app, 0), card(app, 1)
        assert "Samtaler hver uke" in first and "⚠ FORFALT" in first and "Ikke merket" in first
        assert "FORFALT" not in second and "frist 01.12.2026" in second
        await pilot.press("1")  # done; the cursor goes on to the next one
        await pilot.pause()
        assert "✓ Utført" in card(app, 0)
        await pilot.press("2")  # continued: a new due date
        await pilot.pause()
        assert isinstance(app.screen, ContinueForm)
        app.screen.query_one("#r-due", Input).value = "15.01.2027"
        app.screen.query_one("#r-note", Input).value = "En runde til"
        await pilot.press("f8")
        await pilot.pause()
        assert "↻ Videreført, ny frist 15.01.2027" in card(app, 1) and "En runde til" in card(app, 1)
        assert "Alle avtalene er merket" in str(app.screen.query_one("#review-status").render())
        await pilot.press("e")  # edit what was agreed: typed text is shown as typed
        await pilot.pause()
        assert isinstance(app.screen, EditAgreementForm)
        what = app.screen.query_one("#e-what", Input)
        before = what.value
        what.focus()
        await pilot.press("!")  # a key adds to the text, never replaces it all (tester)
        assert what.value == before + "!"
        what.value = "Veiledning [red]to[/red] ganger"
        await pilot.press("f8")
        await pilot.pause()
        assert "2. Veiledning [red]to[/red] ganger" in card(app, 1)
        await pilot.press("f8")  # go on into the case
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert session.position == Position(session.kind.steps[0].id, 0)

        app.saver.flush()
        stored = repo.load_case("c-ab")
        assert [a.status for a in stored.agreements] == [AgreementStatus.DONE, AgreementStatus.CONTINUED]
        assert stored.agreements[1].is_open and stored.agreements[1].due == date(2027, 1, 15)
        assert stored.agreements[1].history[-1].change_of("what").before == "Veiledning til foresatte"
        referat = render_referat(session, "nb")
        review = referat.split("Gjennomgang av avtaler fra tidligere møter", 1)[1]
        assert "Utført" in review and "Videreført, ny frist 15.01.2027" in review and "En runde til" in review


async def test_the_demos_upcoming_meeting_opens_with_a_review(repo, make_app) -> None:
    write_demo(repo, date(2026, 11, 24), "nb")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = open_meeting(app.saver, "demo-neste", app.now)
        app.push_screen(MeetingScreen(session))
        await pilot.pause()
        await pilot.press("f8")  # from the opening into case 1: the child of the finished meeting
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        listing = app.screen.query_one("#review-list", OptionList)
        assert listing.option_count == 3
        assert "⚠ FORFALT" in card(app, 0) and "avtalt 10.11.2026" in card(app, 0)
        await pilot.press("3")  # dropped, saved at once
        await pilot.press("f8")  # two still unmarked: the room goes on into the case
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert session.position.slot == 0 and len(session.review_pending(0)) == 2
        app.saver.flush()
        assert repo.load_case("demo-sak-1").agreement("demo-a1").status is AgreementStatus.DROPPED
