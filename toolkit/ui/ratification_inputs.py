"""What the learner tells the ratification app, as widgets: the State (from the list of
Parties or described by hand) and the dates each step asks about."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable
from datetime import date
from typing import Any

import ipywidgets as widgets

from toolkit.progress import Plain
from toolkit.status import PartiesList, PartyRecord
from toolkit.steps import StateFacts

MY_COUNTRY = ""  # the State dropdown's value for a country the learner describes
MY_COUNTRY_NAME = "My country"
_WIDE = {"description_width": "initial"}  # whole labels, the input after them at full width


def _fit() -> widgets.Layout:
    return widgets.Layout(width="max-content")


_TRI = [("not known", ""), ("yes", "yes"), ("no", "no")]
_TRI_VALUE: dict[str, bool | None] = {"": None, "yes": True, "no": False}
FIELDS = (
    "state",
    "name",
    "reio",
    "signed",
    "signed_on",
    "cartagena",
    "cartagena_in_force",
    "cartagena_deposited",
    "deposited",
    "reservation",
    "movement_started",
    "notice_received",
    "named_date",
    "leaving_cartagena",
)


def _date(description: str, tooltip: str, css: str) -> widgets.DatePicker:
    picker = widgets.DatePicker(
        description=description, tooltip=tooltip, style=_WIDE, layout=_fit()
    )
    picker.add_class(css)
    return picker


def _tri(value: bool | None) -> str:
    return "" if value is None else "yes" if value else "no"


class StateInputs:
    """Every input of the app, the facts they describe, and their values for saving."""

    def __init__(self, parties: PartiesList) -> None:
        self.parties = parties
        self.state = widgets.Dropdown(
            options=[("My country (describe it below)", MY_COUNTRY)]
            + [(_option(record), record.party) for record in parties.records],
            description="State",
            tooltip="Pick a State from the list of Parties, or describe your own country",
            style=_WIDE,
            layout=_fit(),
        )
        self.state.add_class("lr-state")
        self.notice = widgets.HTML(_notice_html(parties))
        self.name = widgets.Text(
            description="Name",
            placeholder="e.g. Kestrelia",
            tooltip="The name the steps will use for your country",
            style=_WIDE,
            layout=_fit(),
        )
        self.name.add_class("lr-state-name")
        self.origin = widgets.HTML()
        self.reio = widgets.Checkbox(
            description="A regional economic integration organisation (like the European Union)",
            indent=False,
        )
        self.signed = widgets.Dropdown(
            options=_TRI,
            description="Signed between 7 March 2011 and 6 March 2012",
            tooltip="Did it sign the Supplementary Protocol while it was open for signature?",
            style=_WIDE,
            layout=_fit(),
        )
        self.signed_on = _date("Signature date", "The day it signed, if known", "lr-signed-on")
        self.cartagena = widgets.Dropdown(
            options=[("not known", ""), ("yes, or joining it now", "yes"), ("no", "no")],
            description="Party to the Cartagena Protocol",
            tooltip="Only Parties to the Cartagena Protocol can join the Supplementary Protocol",
            style=_WIDE,
            layout=_fit(),
        )
        self.cartagena_in_force = _date(
            "Cartagena Protocol in force for it since",
            "If you do not know it, give the date of its Cartagena instrument instead",
            "lr-cartagena-in-force",
        )
        self.cartagena_deposited = _date(
            "Cartagena instrument deposited on",
            "The app then works out the date the Cartagena Protocol binds it (CP Art. 37)",
            "lr-cartagena-deposited",
        )
        self.deposited = _date(
            "Instrument deposited on",
            "The day the Secretary-General receives (or would receive) its instrument",
            "lr-deposited",
        )
        self.reservation = widgets.Text(
            description="Reservation it would like to make",
            placeholder="leave empty for none",
            tooltip="Type a reservation to see what Art. 19 says about it",
            style=_WIDE,
            layout=_fit(),
        )
        self.movement_started = _date(
            "A movement into it started on",
            "When a transboundary movement of an LMO into its jurisdiction started",
            "lr-movement-started",
        )
        self.notice_received = _date(
            "Notice of withdrawal received on",
            "The day the Secretary-General receives its written notice",
            "lr-notice-received",
        )
        self.named_date = _date(
            "Date named in the notice (optional)",
            "A notice may name a date later than one year after it is received",
            "lr-named-date",
        )
        self.leaving_cartagena = widgets.Checkbox(
            description="The notice withdraws from the Cartagena Protocol", indent=False
        )
        self.name.continuous_update = self.reservation.continuous_update = False
        self._record: PartyRecord | None = None
        self._changed: list[Callable[[], None]] = []
        self._quiet = False  # while filling many fields at once: one change, reported after
        self.state.observe(self._state_chosen, names="value")

    @property
    def fields(self) -> dict[str, widgets.ValueWidget]:
        """The inputs saved with a learner's progress, by key."""
        return {name: getattr(self, name) for name in FIELDS}

    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once per change the learner makes (filling counts as one)."""
        if not self._changed:
            for field in self.fields.values():
                field.observe(self._report, names="value")
        self._changed.append(callback)

    def _report(self, _change: Any = None) -> None:
        if not self._quiet:
            for callback in self._changed:
                callback()

    def facts(self) -> StateFacts:
        """The State as the steps read it: a listed State's record, with the learner's edits."""
        base = self._record.facts() if self._record else StateFacts(MY_COUNTRY_NAME)
        approximate = {
            name for name in base.approximate if getattr(self, name).value == getattr(base, name)
        }
        signed = _TRI_VALUE[self.signed.value]
        return dataclasses.replace(
            base,
            name=self.name.value.strip() or base.name,
            reio=self.reio.value,
            signed=signed,
            signed_on=self.signed_on.value,
            cartagena_party=_TRI_VALUE[self.cartagena.value],
            cartagena_in_force=self.cartagena_in_force.value,
            cartagena_deposited=self.cartagena_deposited.value,
            deposited=self.deposited.value,
            instrument=base.instrument if signed == base.signatory else None,
            approximate=frozenset(approximate),
        )

    def reservations(self) -> tuple[str, ...]:
        return (self.reservation.value,) if self.reservation.value.strip() else ()

    def values(self) -> dict[str, Plain]:
        return {key: _plain(field.value) for key, field in self.fields.items()}

    def restore(self, values: dict[str, Plain]) -> None:
        """Put saved values back; the State first, since choosing it fills the others."""
        fields = self.fields
        self._quiet = True
        try:
            if values.get("state") in {value for _, value in self.state.options}:
                fields["state"].value = values["state"]
            for key, value in values.items():
                if key in fields and key != "state":
                    fields[key].value = _typed(value, fields[key].value, fields[key])
        finally:
            self._quiet = False

    def _state_chosen(self, _change: Any = None) -> None:
        record = self.parties.record(self.state.value)
        self._record = record
        facts = record.facts() if record else StateFacts("")
        self.origin.value = _origin_html(record, self.parties) if record else ""
        quiet, self._quiet = self._quiet, True
        try:
            self.name.value = facts.name
            self.reio.value = bool(facts.reio)
            self.signed.value = _tri(facts.signatory)
            self.signed_on.value = facts.signed_on
            self.cartagena.value = _tri(facts.cartagena_party)
            self.cartagena_in_force.value = facts.cartagena_in_force
            self.cartagena_deposited.value = None
            self.deposited.value = facts.deposited
        finally:
            self._quiet = quiet


def _option(record: PartyRecord) -> str:
    return record.party + (" (dates approximate)" if record.approximate else "")


def _notice_html(parties: PartiesList) -> str:
    css = "lr-partial-notice" if parties.partial else "lr-official-notice"
    problem = (
        f'<p class="lr-list-problem" role="alert">{html.escape(parties.problem)}</p>'
        if parties.problem
        else ""
    )
    return f'<p class="{css}"><b>About this list:</b> {html.escape(parties.notice)}</p>{problem}'


def _origin_html(record: PartyRecord, parties: PartiesList) -> str:
    """Where a listed State's facts come from, and what is read into them."""
    listed = (
        "the partial list of Parties (incomplete)" if parties.partial else "your trainer's list"
    )
    css = "lr-partial-notice" if parties.partial else "lr-official-notice"
    return (
        f'<p class="{css}">Facts about {html.escape(record.party)} come from {listed}; its '
        f"source: {html.escape(record.source)}. Change any of them below. Where the list gives "
        "no signature date, a ratification, acceptance or approval is taken to show that the "
        "State signed, and an accession that it did not; every State on the list is taken to "
        "be a Party to the Cartagena Protocol, since only they can sign or join.</p>"
    )


def _plain(value: Any) -> Plain:
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _typed(value: Plain, current: Any, field: widgets.ValueWidget) -> Any:
    """A saved value back in the widget's own type; the current value if it does not fit."""
    if isinstance(field, widgets.DatePicker):
        try:
            return date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return current
    if isinstance(field, widgets.Checkbox):
        return bool(value)
    if isinstance(field, widgets.Dropdown):
        return value if value in {v for _, v in field.options} else current
    return value if isinstance(value, str) else current
