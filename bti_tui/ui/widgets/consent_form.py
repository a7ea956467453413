"""The consent fields of one case at intake (issue 18): status, given by,
the services and the information it covers, the day given, valid until
(empty: the municipal default from the day given) and withdrawn.

A widget of its own so the intake screen stays short: it composes the
fields and :meth:`ConsentForm.fill` copies what is typed into a
:class:`~bti_tui.session.CaseForm`; the rules are in the session
(``build_case``)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select, Static

from bti_tui.model import ConsentGiver, ConsentStatus
from bti_tui.session import CaseForm

DATE_WIDTH = "field field-small"


class ConsentForm(Vertical):
    """Consent of the case in slot ``slot``; field ids end in ``-{slot}``."""

    DEFAULT_CSS = """
    ConsentForm { height: auto; }
    """

    def __init__(self, slot: int, form: CaseForm, examples: str, validity_months: int) -> None:
        super().__init__(id=f"consent-form-{slot}")
        self.slot = slot
        self.form = form
        self.examples = examples
        self.validity_months = validity_months

    def _field(self, label: str, widget, classes: str = "field") -> ComposeResult:
        with Vertical(classes=classes):
            yield Label(label)
            yield widget

    def compose(self) -> ComposeResult:
        t, slot, form = self.app.t, self.slot, self.form
        statuses = [(t(f"ui.consent.{s.value}"), s.value) for s in ConsentStatus]
        givers = [(t(f"ui.consent_giver.{g.value}"), g.value) for g in ConsentGiver]
        date_hint = t("ui.form.date_hint")
        with Horizontal(classes="field-row"):
            yield from self._field(
                t("ui.intake.consent"), Select(statuses, value=form.consent.value, allow_blank=False, id=f"consent-{slot}")
            )
            given_by = Select(
                givers,
                value=form.given_by.value if form.given_by else Select.NULL,
                prompt=t("ui.intake.given_by_age"),
                id=f"given-by-{slot}",
            )
            yield from self._field(t("ui.intake.given_by"), given_by)
            services = Input(form.services, id=f"services-{slot}", placeholder=t("consent.form.services_hint", examples=self.examples))
            yield from self._field(t("ui.intake.consent_services"), services)
        with Horizontal(classes="field-row"):
            yield from self._field(t("consent.form.given_on"), Input(form.given_on, id=f"given-on-{slot}", placeholder=date_hint), DATE_WIDTH)
            yield from self._field(t("consent.form.valid_until"), Input(form.valid_until, id=f"valid-until-{slot}", placeholder=date_hint), DATE_WIDTH)
            yield from self._field(t("consent.form.withdrawn_on"), Input(form.withdrawn_on, id=f"withdrawn-on-{slot}", placeholder=date_hint), DATE_WIDTH)
            yield from self._field(t("consent.form.information"), Input(form.information, id=f"information-{slot}"))
        yield Static(t("consent.form.valid_until_hint", months=self.validity_months), classes="help-line")

    DATED = ("given-on", "valid-until", "withdrawn-on")

    def set_anonymous(self, anonymous: bool) -> None:
        """An anonymous case has no consent to date or scope."""
        for name in self.DATED:
            self.query_one(f"#{name}-{self.slot}", Input).disabled = anonymous

    def _text(self, name: str) -> str:
        return self.query_one(f"#{name}-{self.slot}", Input).value

    def fill(self, form: CaseForm) -> CaseForm:
        """Copy the consent fields as typed into ``form``."""
        chosen = self.query_one(f"#given-by-{self.slot}", Select).value
        form.consent = ConsentStatus(self.query_one(f"#consent-{self.slot}", Select).value)
        form.given_by = None if chosen is Select.NULL else ConsentGiver(chosen)
        form.services = self._text("services")
        form.given_on = self._text("given-on")
        form.valid_until = self._text("valid-until")
        form.withdrawn_on = self._text("withdrawn-on")
        form.information = self._text("information")
        return form
