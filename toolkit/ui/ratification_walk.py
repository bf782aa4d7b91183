"""The ratification app's walk: one step at a time, each with what to enter and the answers
of the treaty steps (rendering a ``Step`` as HTML lives here too)."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import ipywidgets as widgets

from toolkit.finding import Outcome
from toolkit.render import finding_html
from toolkit.steps import (
    FACT_LABELS,
    InstrumentKind,
    Step,
    art13_reviews,
    art17_signature,
    art18_1_cartagena_party,
    art18_1_deposit,
    art18_1_instrument,
    art18_3_counts_toward_forty,
    art18_entry_into_force,
    art19_no_reservations,
    art20_1_withdrawal_notice,
    art20_2_withdrawal_takes_effect,
    art20_3_withdrawal_with_cartagena,
    art37_cartagena_entry_into_force,
    movement_timing,
)
from toolkit.steps.art18_joining import either
from toolkit.treaty_dates import ENTRY_INTO_FORCE
from toolkit.ui.ratification_inputs import StateInputs

log = logging.getLogger(__name__)
REVIEWS_THROUGH = date(ENTRY_INTO_FORCE.year + 20, 12, 31)
Answers = Callable[[StateInputs], Sequence[Step[Any]]]


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    intro: str  # plain text, escaped when shown
    inputs: tuple[str, ...]  # the StateInputs fields this step asks for
    answers: Answers


def _withdrawal(i: StateInputs) -> Sequence[Step[Any]]:
    facts, received, named = i.facts(), i.notice_received.value, i.named_date.value
    if i.leaving_cartagena.value:
        return (art20_3_withdrawal_with_cartagena(facts, received, named),)
    return (
        (art20_2_withdrawal_takes_effect(facts, received, named),)
        if received
        else (art20_1_withdrawal_notice(facts, received),)
    )


PAGES = (
    Page(
        "signature",
        "Signature",
        "The Protocol was open for signature at United Nations Headquarters in New York from "
        "7 March 2011 to 6 March 2012, and only Parties to the Cartagena Protocol could sign. "
        "Signing does not bind a State: it shows that the State means to join, and it should "
        "not work against the Protocol's purpose meanwhile.",
        ("signed", "signed_on"),
        lambda i: (art17_signature(i.facts()),),
    ),
    Page(
        "cartagena",
        "The Cartagena Protocol",
        "The Supplementary Protocol builds on the Cartagena Protocol, so only its Parties can "
        "join. The Cartagena Protocol entered into force on 11 September 2003; for a State that "
        "joined it later, it applies from the 90th day after that State's deposit. Give the "
        "date it binds your State, or the date of its Cartagena instrument.",
        ("cartagena", "cartagena_in_force", "cartagena_deposited"),
        lambda i: (art37_cartagena_entry_into_force(i.facts()), art18_1_cartagena_party(i.facts())),
    ),
    Page(
        "instrument",
        "Which instrument",
        "A State that signed consents to be bound by ratification, acceptance or approval: "
        "the name follows its constitutional practice, the effect is the same. A State that "
        "did not sign accedes. A regional economic integration organisation, such as the "
        "European Union, joins too, but its instrument is not counted on top of its member "
        "States' instruments.",
        ("reio",),
        lambda i: (art18_1_instrument(i.facts()), art18_3_counts_toward_forty(i.facts())),
    ),
    Page(
        "reservations",
        "Reservations",
        "A reservation would let a State exclude or change a provision for itself. Type one to "
        "see what the Protocol says.",
        ("reservation",),
        lambda i: (art19_no_reservations(i.reservations()),),
    ),
    Page(
        "deposit",
        "Deposit and entry into force",
        "The instrument is deposited with the Secretary-General of the United Nations. The "
        "Protocol entered into force on 5 March 2018, the 90th day after the 40th counted "
        "instrument. It binds a State that joined later from the 90th day after its deposit, "
        "or from the day the Cartagena Protocol binds it if that is later. Pick a deposit date "
        "to see the date for your State.",
        ("deposited",),
        lambda i: (art18_1_deposit(i.facts()), art18_entry_into_force(i.facts())),
    ),
    Page(
        "movements",
        "Movements that started earlier",
        "The Protocol covers damage from a transboundary movement only if the movement started "
        "after the Protocol entered into force for the Party into whose jurisdiction it was "
        "made. That holds for unintentional and illegal movements too (Art. 3(3)). Damage from "
        "earlier movements is left to domestic law. Pick the day a movement started.",
        ("movement_started",),
        lambda i: (movement_timing(i.facts(), i.movement_started.value),),
    ),
    Page(
        "withdrawal",
        "Withdrawal",
        "A Party may withdraw by written notice to the Secretary-General once the Protocol has "
        "been in force for it for two years. The withdrawal takes effect one year after the "
        "notice is received, or on a later date the notice names. A Party that leaves the "
        "Cartagena Protocol leaves this Protocol too.",
        ("notice_received", "named_date", "leaving_cartagena"),
        _withdrawal,
    ),
    Page(
        "review",
        "Review",
        "Every five years the Parties review how well the Protocol works, within the review of "
        "the Cartagena Protocol. The quiz below checks what you have learnt.",
        (),
        lambda i: (art13_reviews(REVIEWS_THROUGH),),
    ),
)


def step_html(step: Step[Any]) -> str:
    """A step's answer (when settled) above its finding."""
    value = _value_text(step.value) if step.outcome is Outcome.HOLDS else ""
    head = f'<p class="lr-step-value">Answer: <b>{html.escape(value)}</b></p>' if value else ""
    return f'<div class="lr-step">{head}{finding_html(step.finding, FACT_LABELS)}</div>'


def _value_text(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple) and value and all(isinstance(v, InstrumentKind) for v in value):
        return either(value)
    if isinstance(value, tuple) and value and all(isinstance(v, date) for v in value):
        return ", ".join(v.isoformat() for v in value)
    return ""


class StepWalk(widgets.VBox):
    """One page at a time, Back and Next, and the answers for what the learner entered."""

    def __init__(self, inputs: StateInputs, pages: Sequence[Page] = PAGES) -> None:
        self.inputs, self.pages, self.index = inputs, tuple(pages), 0
        self.position = widgets.HTML()
        self.position.add_class("lr-step-position")
        self.back = widgets.Button(description="Back", tooltip="Previous step")
        self.back.add_class("lr-back")
        self.next = widgets.Button(description="Next", tooltip="Next step")
        self.next.add_class("lr-next")
        self.intro = widgets.HTML()
        self.fields = widgets.VBox()
        self.answers = widgets.HTML()
        self.answers.add_class("lr-step-answers")
        self._moved: list[Callable[[int], None]] = []
        super().__init__(
            [
                self.position,
                self.intro,
                self.fields,
                self.answers,
                widgets.HBox([self.back, self.next]),
            ]
        )
        self.add_class("lr-walk")
        self.back.on_click(lambda _: self.show(self.index - 1))
        self.next.on_click(lambda _: self.show(self.index + 1))
        self.show(0)

    @property
    def page(self) -> Page:
        return self.pages[self.index]

    def on_move(self, callback: Callable[[int], None]) -> None:
        self._moved.append(callback)

    def show(self, index: int) -> None:
        self.index = max(0, min(index, len(self.pages) - 1))
        page = self.page
        self.position.value = (
            f"<h3>Step {self.index + 1} of {len(self.pages)}: {html.escape(page.title)}</h3>"
        )
        self.intro.value = f"<p>{html.escape(page.intro)}</p>"
        self.fields.children = [self.inputs.fields[name] for name in page.inputs]
        self.back.disabled = self.index == 0
        self.next.disabled = self.index == len(self.pages) - 1
        self.refresh()
        for callback in self._moved:
            callback(self.index)

    def refresh(self) -> None:
        """Answer the current page again for what is entered now."""
        try:
            self.answers.value = "".join(step_html(s) for s in self.page.answers(self.inputs))
        except Exception:  # a widget callback must never fail silently in Voila
            log.exception("the %s step could not be answered", self.page.key)
            self.answers.value = (
                '<p role="alert"><b>This step could not be answered.</b> Check the dates you '
                "entered; the error is in the server log for your trainer.</p>"
            )
