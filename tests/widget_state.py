"""What the kernel would send to a page for a widget tree: tests look in it for secrets."""

from __future__ import annotations

import json
from typing import Any

import ipywidgets as widgets


def widget_state(root: widgets.Widget) -> str:
    """Every widget's state reachable from ``root``, as one text."""
    seen: dict[str, Any] = {}

    def walk(widget: widgets.Widget) -> None:
        if widget.model_id in seen:
            return
        seen[widget.model_id] = widget.get_state()
        for name in widget.keys:
            value = getattr(widget, name)
            for item in value if isinstance(value, list | tuple) else [value]:
                if isinstance(item, widgets.Widget):
                    walk(item)

    walk(root)
    return json.dumps(seen, default=str)
