"""What a notebook's page was opened with: Voila hands the query string to the kernel (or, for
a preheated kernel, ``lrkit serve`` does once a page takes it)."""

from __future__ import annotations

from urllib.parse import parse_qs

from toolkit.serve.request import query_string


def page_query() -> dict[str, str]:
    """The page's query parameters, the last value of each (none outside Voila)."""
    pairs = parse_qs(query_string(), keep_blank_values=True)
    return {name: values[-1] for name, values in pairs.items()}
