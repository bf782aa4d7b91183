"""A short quiz with immediate feedback that cites the article."""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets

from toolkit.progress import Plain
from toolkit.steps.quiz import QUIZ, Question

KEY = "quiz."  # prefix of the quiz's values in a learner's progress


class QuizPanel(widgets.VBox):
    """One set of choices per question; feedback as soon as one is picked."""

    def __init__(self, questions: Sequence[Question] = QUIZ) -> None:
        self.questions = {q.key: q for q in questions}
        self.choices: dict[str, widgets.RadioButtons] = {}
        self.feedback: dict[str, widgets.HTML] = {}
        self.score = widgets.HTML()
        self.score.add_class("lr-quiz-score")
        self._answered: list[Callable[[], None]] = []
        rows: list[widgets.Widget] = []
        for number, question in enumerate(questions, start=1):
            choice = widgets.RadioButtons(
                options=question.options,
                value=None,
                description=f"Question {number}",
                layout=widgets.Layout(width="auto"),
                style={"description_width": "initial"},
            )
            choice.add_class(f"lr-quiz-{question.key}")
            feedback = widgets.HTML()
            feedback.add_class("lr-quiz-feedback")
            choice.observe(functools.partial(self._choose, question), names="value")
            self.choices[question.key], self.feedback[question.key] = choice, feedback
            prompt = widgets.HTML(f"<p><b>{number}.</b> {html.escape(question.prompt)}</p>")
            rows.append(widgets.VBox([prompt, choice, feedback]))
        super().__init__([*rows, self.score])
        self.add_class("lr-quiz")
        self._show_score()

    def on_answer(self, callback: Callable[[], None]) -> None:
        self._answered.append(callback)

    def values(self) -> dict[str, Plain]:
        return {KEY + key: choice.value for key, choice in self.choices.items()}

    def restore(self, values: dict[str, Plain]) -> None:
        for key, choice in self.choices.items():
            value = values.get(KEY + key)
            choice.value = value if value in choice.options else None

    def _choose(self, question: Question, change: Any) -> None:
        chosen = change["new"]
        box = self.feedback[question.key]
        if chosen is None:
            box.value = ""
        else:
            right, text = question.feedback(chosen)
            css = "lr-right" if right else "lr-wrong"
            colour = "#1b7a3a" if right else "#b3261e"
            box.value = (
                f'<p role="status" class="{css}" style="color:{colour}">{html.escape(text)}</p>'
            )
        self._show_score()
        for callback in self._answered:
            callback()

    def _show_score(self) -> None:
        answered = [k for k, c in self.choices.items() if c.value is not None]
        right = sum(self.choices[k].value == self.questions[k].answer for k in answered)
        self.score.value = (
            f"<p><b>{right} of {len(self.choices)} right</b> ({len(answered)} answered).</p>"
        )
