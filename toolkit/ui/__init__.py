"""Widget apps for the notebooks; the notebooks only build and display them."""

from toolkit.ui.exercise import CaseExercise
from toolkit.ui.explorer import CaseExplorer
from toolkit.ui.page import page_query

__all__ = ["CaseExercise", "CaseExplorer", "page_query"]
