"""The national implementation summary as Markdown, as Word and as widget HTML: every gap with
its citation in each, and the learner's text shown as text, never as markup."""

from __future__ import annotations

import base64
import io
import re
from datetime import date

import docx
import pytest

from toolkit import Outcome
from toolkit.casebook import Casebook
from toolkit.implementation import Answer, Assessment, Status, markdown, summarise
from toolkit.implementation.compare import KEY_FINDINGS, CaseComparison, Cell
from toolkit.implementation.gaps import gaps
from toolkit.implementation.summary import Summary
from toolkit.ui.downloads import DOCX, download_link
from toolkit.ui.implementation_html import comparison_html, gaps_html, profile_html
from toolkit.ui.summary_docx import docx_bytes

EVIL = "<script>alert('x')</script> **bold** [link](http://x) | pipe & `code`"
PREPARED = date(2025, 11, 6)


def mixed(note: str = "Bill 12 of 2025") -> Assessment:
    """Some of each kind of gap, and choices enough to run the casebook."""
    answers = {
        "art5_1_a_operator_informs": Answer(Status.IN_PLACE),
        "art5_2_b_evaluate_damage": Answer(Status.PARTLY, note=note),
        "art5_6_reasons_and_notice": Answer(Status.NOT_YET),
        "art6_exemptions": Answer(Status.NOT_YET, ["force_majeure"], note),
        "art8_financial_limit": Answer(Status.IN_PLACE, {"amount": 2000000, "currency": "USD"}),
        "art12_2_civil_liability": Answer(Status.IN_PLACE, "specific"),
        "art12_3_b_standard": Answer(Status.IN_PLACE, "strict"),
    }
    return Assessment(learner="Ana", country="Borduria", answers=answers)


@pytest.fixture(scope="module")
def summary(casebook: Casebook) -> Summary:
    return summarise(mixed(), PREPARED, casebook.cases)


def test_the_markdown_holds_every_gap_with_its_citation(summary: Summary) -> None:
    text = markdown(summary)
    assert summary.gaps
    for gap in summary.gaps:
        assert f"- **{gap.item.citation}** {gap.item.name}:" in text
    positions = [text.index(f"### {kind}") for kind in dict.fromkeys(g.kind for g in summary.gaps)]
    assert positions == sorted(positions)  # required items not in place first


def test_the_word_summary_opens_and_holds_every_gap_with_its_citation(summary: Summary) -> None:
    document = docx.Document(io.BytesIO(docx_bytes(summary)))
    paragraphs = [p.text for p in document.paragraphs]
    for gap in summary.gaps:
        assert any(p.startswith(f"{gap.item.citation} {gap.item.name}:") for p in paragraphs)
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    for _, rows in summary.sections:
        for item, _ in rows:
            assert str(item.citation) in cells and item.name in cells
    assert "Bill 12 of 2025" in "\n".join(paragraphs)


def test_both_summaries_hold_the_profile_and_the_casebook_under_it(summary: Summary) -> None:
    assert summary.profile_yaml is not None and summary.comparison
    text = markdown(summary)
    assert "exemptions: [force_majeure]" in text
    for case in summary.comparison:
        assert case.title in text
    document = docx.Document(io.BytesIO(docx_bytes(summary)))
    words = "\n".join(p.text for p in document.paragraphs)
    assert "exemptions: [force_majeure]" in words
    titles = {row.cells[0].text for row in document.tables[-1].rows}
    assert {case.title for case in summary.comparison} <= titles


def test_choices_that_cannot_make_a_profile_are_listed_instead(casebook: Casebook) -> None:
    bad = Assessment(
        answers={"art8_financial_limit": Answer(choice={"amount": 1, "currency": "$"})}
    )
    summary = summarise(bad, PREPARED, casebook.cases)
    assert summary.profile_yaml is None and summary.comparison == ()
    assert "Art. 8 financial limit: the currency" in markdown(summary)
    assert "three-letter code" in profile_html(summary.profile_yaml, summary.profile_problems)
    docx.Document(io.BytesIO(docx_bytes(summary)))


def test_learner_text_in_markdown_is_literal_text_on_one_line(casebook: Casebook) -> None:
    text = markdown(summarise(mixed(EVIL + "\nsecond line"), PREPARED, casebook.cases))
    escaped = (
        "\\<script\\>alert('x')\\</script\\> \\*\\*bold\\*\\* \\[link\\](http://x) \\| pipe "
        "\\& \\`code\\` second line"
    )
    assert EVIL not in text and f"*Note:* {escaped}" in text
    table_row = next(line for line in text.splitlines() if line.startswith("| Art. 5(2)(b)"))
    assert len(re.findall(r"(?<!\\)\|", table_row)) == 7  # six cells, no pipe from the note


def test_a_code_fence_in_learner_text_cannot_close_the_profile_block(casebook: Casebook) -> None:
    assessment = Assessment(answers={"art4_causal_link": Answer(choice="```\n# Not a heading")})
    text = markdown(summarise(assessment, PREPARED, casebook.cases))
    assert "\n````yaml\n" in text


def test_learner_text_in_widget_html_is_escaped() -> None:
    assessment = mixed(EVIL)
    assessment = Assessment(
        learner=EVIL,
        country=EVIL,
        answers={**assessment.answers, "art4_causal_link": Answer(choice=EVIL)},
    )
    page = gaps_html(gaps(assessment))
    page += profile_html(summarise(assessment, PREPARED).profile_yaml, ())
    page += profile_html(None, (EVIL,))
    cells = tuple(Cell(rule, Outcome.HOLDS, Outcome.FAILS) for rule in KEY_FINDINGS)
    page += comparison_html((CaseComparison(EVIL, EVIL, cells),))
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


def test_a_download_link_holds_the_file_and_escapes_its_name() -> None:
    link = download_link(b"\x00\x01docx", 'a"b<c>.docx', DOCX, "Download <it>", "lr-download")
    assert 'download="a&quot;b&lt;c&gt;.docx"' in link and "Download &lt;it&gt;" in link
    payload = re.search(r"base64,([^\"]+)", link)
    assert payload is not None and base64.b64decode(payload[1]) == b"\x00\x01docx"


def test_characters_word_cannot_hold_are_dropped_not_fatal(casebook: Casebook) -> None:
    note = "tab\tbell\x07 null\x00 form\x0c end"
    document = docx.Document(io.BytesIO(docx_bytes(summarise(mixed(note), PREPARED))))
    assert "tab\tbell null form end" in "\n".join(p.text for p in document.paragraphs)
