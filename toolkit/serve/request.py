"""The query string of the page a kernel renders, which a notebook reads to learn, for example,
which group's link was opened.

Voila puts it in ``QUERY_STRING`` when it starts a kernel for a page. A preheated kernel
(``lrkit serve --preheat``) runs its notebook before any page asks for it, so ``query_string()``
waits there until the workshop server hands the kernel to a page, and returns that page's.
Standard library only: this runs in every participant's kernel.
"""

from __future__ import annotations

import functools
import json
import os
import urllib.request
from collections.abc import Mapping

from toolkit.store.client import TOKEN_VARIABLE, ServerUnreachableError
from toolkit.store.wire import TOKEN_HEADER

REQUEST_URL_VARIABLE = "LRKIT_REQUEST_URL"
WAIT_S = 30.0 + 30.0  # the server answers 204 after 30 s without a page; ask again


def query_string(environ: Mapping[str, str] = os.environ) -> str:
    """The page's query string (without '?'); '' outside Voila."""
    if environ.get("VOILA_PREHEAT") != "True":
        return environ.get("QUERY_STRING", "")
    url, token = environ.get(REQUEST_URL_VARIABLE), environ.get(TOKEN_VARIABLE)
    kernel_id = environ.get("VOILA_KERNEL_ID")
    if not (url and token and kernel_id):  # preheated by Voila itself, not by lrkit serve
        return environ.get("QUERY_STRING", "")
    return _page_request(url, kernel_id, token).get("QUERY_STRING", "")


@functools.cache  # a kernel renders one page: ask once
def _page_request(url: str, kernel_id: str, token: str) -> dict[str, str]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(f"{url}/{kernel_id}", headers={TOKEN_HEADER: token})
    while True:
        try:
            with opener.open(request, timeout=WAIT_S) as response:
                status, body = response.status, response.read()
        except OSError as error:
            raise ServerUnreachableError(
                f"The workshop server did not say which page this is ({error}); reload the page."
            ) from None
        if status == 200:
            info = json.loads(body).get("request") or {}
            return {key: value for key, value in info.items() if isinstance(value, str)}
