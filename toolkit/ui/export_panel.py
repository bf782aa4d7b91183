"""The dashboard's exports: a button per format, a progress bar while the file is made, then a
link to download it (it is also kept in the data folder's ``exports`` folder)."""

from __future__ import annotations

import base64
import html
import logging
from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets

from toolkit.casebook import Casebook
from toolkit.data_folder import data_folder
from toolkit.store import Session, StoreError
from toolkit.store.client import AnswerStore
from toolkit.trainer.exports import LABELS, MEDIA_TYPES, Format, file_name, write
from toolkit.trainer.record import gather

log = logging.getLogger(__name__)


class ExportPanel(widgets.VBox):
    def __init__(
        self, store: AnswerStore, casebook: Casebook, session: Callable[[], Session | None],
        folder: Path | None = None,
    ) -> None:  # fmt: skip
        self.store, self.casebook, self._session = store, casebook, session
        self.folder = folder if folder is not None else data_folder() / "exports"
        self.buttons = {
            fmt: widgets.Button(description=LABELS[fmt], tooltip=_HELP[fmt]) for fmt in Format
        }
        for fmt, button in self.buttons.items():
            button.add_class(f"lr-export-{fmt.value}")
            button.on_click(lambda _, fmt=fmt: self.export(fmt))
        self.progress = widgets.FloatProgress(
            value=0, min=0, max=1, description="Progress", layout=widgets.Layout(display="none")
        )
        self.result = widgets.HTML("")
        self.result.add_class("lr-export-result")
        super().__init__([widgets.HBox(list(self.buttons.values())), self.progress, self.result])
        self.add_class("lr-export-panel")

    def export(self, fmt: Format) -> None:
        """Make the session's file in ``fmt``, showing progress, and offer it for download."""
        session = self._session()
        if session is None:
            self.result.value = "<p>Open or pick a session first.</p>"
            return
        self.progress.layout.display = ""
        self.progress.value = 0
        self.result.value = f"<p>Making the {LABELS[fmt]}…</p>"
        try:
            record = gather(self.store, session, self.casebook, self._step(0.0, 0.5))
            data = write(record, fmt, self._step(0.5, 1.0))
            name = file_name(session, fmt)
            saved = self._keep(name, data)
        except Exception as error:
            if not isinstance(error, StoreError):
                log.exception("exporting session %s as %s failed", session.code, fmt)
            self.result.value = (
                f'<p role="alert">The {LABELS[fmt]} could not be made: '
                f"{html.escape(str(error) or type(error).__name__)}. Try again.</p>"
            )
            return
        finally:
            self.progress.value = 1
        link = f"data:{MEDIA_TYPES[fmt]};base64,{base64.b64encode(data).decode('ascii')}"
        e = html.escape
        kept = f" A copy is in <code>{e(str(saved))}</code>." if saved else ""
        self.result.value = (
            f'<p><a download="{e(name)}" href="{e(link)}">Download {e(name)}</a> '
            f"({len(data) / 1024:,.0f} KiB, {len(record.cases)} cases).{kept}</p>"
        )

    def _step(self, start: float, end: float) -> Callable[[int, int, str], None]:
        def progress(done: int, of: int, _what: str) -> None:
            self.progress.value = start + (end - start) * done / max(of, 1)

        return progress

    def _keep(self, name: str, data: bytes) -> Path | None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self.folder / name
            path.write_bytes(data)
        except OSError:
            log.warning("could not keep a copy of %s in %s", name, self.folder, exc_info=True)
            return None
        return path.resolve()


_HELP = {
    Format.CSV: "One table: a row per group, case and question, with the stored answer",
    Format.XLSX: "A sheet per case: groups x questions, agreement, when each answer was saved",
    Format.HTML: "A report that opens offline: answers, agreement, charts and the analysis",
}
