"""A question as a group sees it: the prompt, its input, whether the answer is saved, and the
model answer, which is put into the page only once it is released."""

from __future__ import annotations

import html
from datetime import datetime

import ipywidgets as widgets

from toolkit.casebook import Case, answer_text
from toolkit.ui.answers import AnswerInput


class QuestionRow(widgets.VBox):
    """One question of a case. ``number`` counts from 1 and names the input for screen readers."""

    def __init__(self, case: Case, key: str, number: int) -> None:
        self.key = key
        self.question = case.questions[key]
        self.label = f"Question {number}"
        prompt = widgets.HTML(
            f'<p class="lr-prompt"><b>{self.label}.</b> {html.escape(self.question.prompt)}</p>'
        )
        self.input = AnswerInput(self.question, self.label)
        self.status = widgets.Label("", layout=widgets.Layout(min_height="1.5em"))
        self.status.add_class("lr-saved")
        self.model = widgets.HTML("")
        self.model.add_class("lr-model-answer")
        super().__init__([prompt, self.input, self.status, self.model])
        self.add_class("lr-question")
        self.add_class(f"lr-q-{key}")

    def say(self, status: str) -> None:
        self.status.value = status

    def saved(self, at: datetime) -> None:
        self.status.value = f"Saved at {at.astimezone():%H:%M:%S}"

    def show_model_answer(self, case: Case, what_if: str | None) -> None:
        """Put the model answer (as the what-if changes it) into the page."""
        answer = case.model_answer(self.key, what_if)
        model = self.question.model_answer
        e = html.escape
        note = ""
        if what_if is not None and self.key in case.what_ifs[what_if].answers:
            note = f"<p><em>With this what-if:</em> {e(case.what_ifs[what_if].explanation)}</p>"
        self.model.value = (
            f"<div><b>Model answer:</b> {e(answer_text(self.question, answer))} "
            f"<cite>({e(str(model.citation))})</cite>"
            f"<p>{e(model.explanation)}</p>{note}</div>"
        )

    def hide_model_answer(self) -> None:
        self.model.value = ""
