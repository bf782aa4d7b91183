"""What a notebook's page was opened with: Voila hands the query string to the kernel."""

from __future__ import annotations

import os
from urllib.parse import parse_qs


def page_query() -> dict[str, str]:
    """The page's query parameters, the last value of each (none outside Voila)."""
    pairs = parse_qs(os.environ.get("QUERY_STRING", ""), keep_blank_values=True)
    return {name: values[-1] for name, values in pairs.items()}
