"""Files a learner downloads from a Voila page. Voila serves no files of the kernel's, so the
file travels inside the link itself, as a base64 data URL the kernel builds."""

from __future__ import annotations

import base64
import html

MARKDOWN = "text/markdown;charset=utf-8"
YAML = "application/yaml;charset=utf-8"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def download_link(content: bytes, file_name: str, mime: str, text: str, css_class: str) -> str:
    """An ``<a download>`` link holding ``content``; for files of a few hundred kB at most."""
    payload = base64.b64encode(content).decode("ascii")
    return (
        f'<a class="{html.escape(css_class)}" download="{html.escape(file_name)}" '
        f'href="data:{mime};base64,{payload}">{html.escape(text)}</a>'
    )
