"""The guided self-study app on joining the Protocol: pick or describe a State, walk through
the treaty steps, take the quiz, and see where the Protocol stands. A learner who gives a
name has their progress kept between visits."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

import ipywidgets as widgets

from toolkit.data_folder import data_folder
from toolkit.loading import LoadError
from toolkit.progress import Progress, ProgressError, ProgressStore, learner_name
from toolkit.status import (
    Indicator,
    Milestone,
    PartiesList,
    load_indicators,
    load_milestones,
    parties_for_app,
)
from toolkit.ui.learner import LearnerBar
from toolkit.ui.quiz import QuizPanel
from toolkit.ui.ratification_inputs import StateInputs
from toolkit.ui.ratification_walk import StepWalk
from toolkit.ui.status_view import StatusView

log = logging.getLogger(__name__)
APP = "ratification"  # the app's name in progress files
STEP = "step"  # the walk's page in a learner's progress


class RatificationApp(widgets.VBox):
    def __init__(
        self,
        parties: PartiesList,
        milestones: tuple[Milestone, ...],
        indicators: tuple[Indicator, ...],
        store: ProgressStore | None,
        problems: tuple[str, ...] = (),
    ) -> None:
        self.store = store
        self.progress: Progress | None = None
        self._restoring = False
        self.learner = LearnerBar()
        self.inputs = StateInputs(parties)
        self.walk = StepWalk(self.inputs)
        self.quiz = QuizPanel()
        self.status = StatusView(parties, milestones, indicators, problems)
        super().__init__(
            [
                self.learner,
                widgets.HTML("<h2>Your State</h2>"),
                self.inputs.state,
                self.inputs.notice,
                self.inputs.name,
                self.inputs.origin,
                self.walk,
                widgets.HTML("<h2>Quiz</h2>"),
                self.quiz,
                widgets.HTML("<h2>Where the Protocol stands</h2>"),
                self.status,
            ]
        )
        self.add_class("lr-ratification")
        self.inputs.on_change(self._changed)
        self.walk.on_move(lambda _index: self._save())
        self.quiz.on_answer(self._save)
        self.learner.on_keep(self.keep)
        self.learner.on_forget(self.forget)

    @classmethod
    def from_data_folder(cls, environ: Mapping[str, str] = os.environ) -> RatificationApp:
        """The app over the shipped data, the trainer's list of Parties if the data folder
        holds one, and progress files in the data folder."""
        folder = data_folder(environ)
        problems = []
        milestones: tuple[Milestone, ...] = ()
        indicators: tuple[Indicator, ...] = ()
        try:
            milestones = load_milestones()
        except LoadError as error:
            problems.append(f"The milestones could not be shown: {error}")
        try:
            indicators = load_indicators()
        except LoadError as error:
            problems.append(f"The indicators could not be shown: {error}")
        parties = parties_for_app(folder)
        return cls(parties, milestones, indicators, ProgressStore(folder), tuple(problems))

    def keep(self, name: str) -> None:
        """Restore what was saved under ``name``, or start saving under it."""
        if self.store is None:
            self.learner.say("Progress cannot be kept here: this page has no data folder.")
            return
        try:
            name = learner_name(name)
            saved = self.store.find(APP, name)
        except ProgressError as error:
            self.progress = None
            self.learner.say(str(error))
            return
        except Exception:
            log.exception("reading the progress of %r failed", name)
            self.learner.say("Your progress could not be read. Ask your trainer.")
            return
        if saved is None:
            self.progress = Progress(name, APP)
            self._save()
            self.learner.say(f"Saving your progress as {name}. Type the same name next time.")
            return
        self.progress = saved
        self._restore(saved)
        when = saved.saved_at.replace("T", " at ").split("+")[0]
        self.learner.say(
            f"Welcome back, {saved.learner}: your progress saved on {when} (UTC) is back."
        )

    def forget(self, name: str) -> None:
        if self.store is None:
            return
        try:
            removed = self.store.remove(APP, learner_name(name))
        except ProgressError as error:
            self.learner.say(str(error))
            return
        except OSError:
            log.exception("removing the progress of %r failed", name)
            self.learner.say("Your progress could not be removed. Ask your trainer.")
            return
        self.progress = None
        self.learner.say(
            "Your saved progress is gone; nothing more is saved until you press Keep my progress."
            if removed
            else "Nothing was saved under that name."
        )

    def _restore(self, saved: Progress) -> None:
        self._restoring = True
        try:
            self.inputs.restore(saved.values)
            self.quiz.restore(saved.values)
            step = saved.values.get(STEP)
            self.walk.show(step if isinstance(step, int) else 0)
        finally:
            self._restoring = False
        self.walk.refresh()

    def _changed(self) -> None:
        self.walk.refresh()
        self._save()

    def _save(self) -> None:
        if self.progress is None or self.store is None or self._restoring:
            return
        self.progress.values = {**self.inputs.values(), STEP: self.walk.index, **self.quiz.values()}
        try:
            self.store.save(self.progress)
        except Exception:  # a widget callback must never fail silently in Voila
            log.exception("saving the progress of %r failed", self.progress.learner)
            self.learner.say("Your last change could not be saved. Ask your trainer.")
