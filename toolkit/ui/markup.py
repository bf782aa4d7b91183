"""Case narratives are Markdown; raw HTML in them is escaped, so a case file cannot script a
participant's page."""

from __future__ import annotations

import mistune

_MARKDOWN = mistune.create_markdown(escape=True)


def markdown_html(text: str) -> str:
    """``text`` as HTML, with any HTML it contains shown as text."""
    return str(_MARKDOWN(text))
