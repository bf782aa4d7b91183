"""Widget apps for the notebooks; the notebooks only build and display them."""

from toolkit.ui.explorer import CaseExplorer

__all__ = ["CaseExplorer"]
