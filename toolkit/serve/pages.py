"""The notebook pages of the workshop server: Voila's page handler, with the kernel cap turned
into a friendly "busy" page, and with the cookie that lets a closed page shut its kernel down."""

from __future__ import annotations

from typing import Any

import tornado.web
from voila.tornado.handler import TornadoVoilaHandler

from toolkit.serve.kernels import CappedKernelManager, KernelLimitReached

BUSY_RETRY_S = 5
BUSY_PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="{BUSY_RETRY_S}">
<title>The workshop server is busy</title>
<link rel="icon" href="data:,">
<style>
  body {{ font-family: system-ui, sans-serif; line-height: 1.5; max-width: 36em;
         margin: 15vh auto; padding: 0 1em; color: #222; }}
</style>
</head>
<body>
<main role="status">
<h1>The workshop server is busy: try again in a moment</h1>
<p>Too many pages are open on the server right now. This page tries again by itself every
{BUSY_RETRY_S} seconds; keep it open.</p>
<p>If this message stays for more than a minute or two, tell the trainer.</p>
</main>
</body>
</html>
"""


class WorkshopPageHandler(TornadoVoilaHandler):
    """Voila's page, or the busy page (HTTP 503) when no kernel may start for it."""

    kernel_manager: CappedKernelManager

    @tornado.web.authenticated
    async def get(self, path: str | None = None) -> None:
        # Voila's page sends its kernel's shutdown on unload with this cookie's value; without
        # it the shutdown is refused (voila#1458) and every closed tab leaves a kernel behind.
        self.xsrf_token  # noqa: B018 (reading it sets the cookie)
        self.notebook: str = self.notebook_path or path or ""
        try:
            async for html in self.get_generator(path=path):
                self.write(html)
                self.flush()
        except KernelLimitReached as reason:
            if self._headers_written:
                raise
            self.log.warning("Served the busy page for %s: %s", self.request.path, reason)
            self.clear()
            self.set_status(503)
            self.set_header("Retry-After", str(BUSY_RETRY_S))
            self.set_header("Cache-Control", "no-store")
            self.finish(BUSY_PAGE)

    def should_use_rendered_notebook(self, *args: Any) -> bool:
        """Use a preheated kernel only if one has started (see ``ready_pool_kernel``)."""
        return bool(super().should_use_rendered_notebook(*args)) and (
            self.kernel_manager.ready_pool_kernel(self.notebook)
        )
