"""The national implementation summary as a Word document (python-docx, in the app extra).

It holds what the Markdown summary holds, from the same ``Summary``: the gaps with their
citations first, then the checklist, the profile and the casebook under it.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as DocumentType
from docx.shared import Pt
from docx.table import Table, _Cell

from toolkit.implementation.describe import choice_text, duty_text, status_text
from toolkit.implementation.gaps import GapKind
from toolkit.implementation.summary import Summary, byline, change_text, gap_count

# Characters XML 1.0 cannot hold; python-docx refuses text containing them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CHECKLIST_HEADER = ("Article", "Item", "Duty", "Status", "Choice", "Note")


def _safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def docx_bytes(summary: Summary) -> bytes:
    """The summary as the bytes of a .docx file."""
    document = Document()
    document.core_properties.title = _safe(summary.heading())
    document.core_properties.author = _safe(summary.learner)
    document.add_heading(_safe(summary.heading()), level=0)
    document.add_paragraph(_safe(byline(summary)))
    document.add_heading("Gaps", level=1)
    document.add_paragraph(gap_count(summary))
    for kind in GapKind:
        for n, gap in enumerate(summary.gaps_of(kind)):
            if n == 0:
                document.add_heading(kind, level=2)
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(str(gap.item.citation)).bold = True
            paragraph.add_run(f" {gap.item.name}: {gap.item.text} {' '.join(gap.reasons)}")
            if gap.note.strip():
                paragraph.add_run(" Note: ").italic = True
                paragraph.add_run(_safe(gap.note))
    document.add_heading("Checklist", level=1)
    for title, rows in summary.sections:
        document.add_heading(title, level=2)
        table = _table(document, _CHECKLIST_HEADER)
        for item, answer in rows:
            values = (str(item.citation), item.name, duty_text(item), status_text(answer),
                      choice_text(item, answer.choice), answer.note)  # fmt: skip
            for cell, value in zip(_new_row(table), values, strict=True):
                cell.text = _safe(value)
    _profile(document, summary)
    if summary.comparison:
        document.add_heading("The casebook under this profile", level=1)
        document.add_paragraph(
            "Key findings of each case under the neutral profile → under this profile, where "
            "they differ."
        )
        table = _table(document, ("Case", "Findings that change"))
        for case in summary.comparison:
            cells = _new_row(table)
            cells[0].text = _safe(case.title)
            cells[1].text = change_text(case) or "none"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document: DocumentType, header: tuple[str, ...]) -> Table:
    table: Table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    return table


def _new_row(table: Table) -> list[_Cell]:
    return list(table.add_row().cells)  # type: ignore[no-untyped-call]  # untyped upstream


def _profile(document: DocumentType, summary: Summary) -> None:
    document.add_heading("Domestic-law profile", level=1)
    if summary.profile_yaml is None:
        document.add_paragraph("The choices cannot make a profile yet:")
        for problem in summary.profile_problems:
            document.add_paragraph(_safe(problem), style="List Bullet")
        return
    paragraph = document.add_paragraph()
    for n, line in enumerate(summary.profile_yaml.rstrip("\n").split("\n")):
        run = paragraph.add_run()
        if n:
            run.add_break()
        run.add_text(_safe(line))
        run.font.name = "Courier New"
        run.font.size = Pt(9)
