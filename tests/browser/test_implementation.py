"""The national implementation self-assessment as a learner uses it in Voila."""

from pathlib import Path

import docx
from playwright.sync_api import Page, expect

TIMEOUT = 60_000  # ms: the first render starts a kernel and runs the whole notebook
STDERR = '.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]'
CHOICES_SECTION = "Choices left to domestic law"
AUTHORITY_SECTION = "The competent authority and operators"
NOTE = "Draft bill <script>alert(1)</script> of 2025"


def test_a_learner_fills_in_the_checklist_reads_the_gaps_and_downloads_the_summary(
    page: Page, voila_server: str, tmp_path: Path
) -> None:
    url = f"{voila_server}/voila/render/12_national_implementation.ipynb"
    response = page.goto(url, timeout=TIMEOUT)
    assert response is not None and response.ok, f"GET {url}: HTTP {response and response.status}"
    expect(
        page.get_by_role("heading", name="National implementation self-assessment")
    ).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("The checklist has 32 items")).to_be_visible(timeout=TIMEOUT)

    # No name: nothing is written to the server's data folder.
    page.get_by_label("Country").fill("Borduria")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_text("No name given")).to_be_visible(timeout=TIMEOUT)

    # Choices left to domestic law: a force majeure exemption, planned but not yet law.
    page.get_by_text(CHOICES_SECTION).click()
    exemptions = page.locator(".lr-item-art6_exemptions")
    exemptions.get_by_label("an act of God or force majeure (Art. 6(1)(a))").check()
    page.get_by_label("Art. 6 exemptions", exact=True).select_option(label="not yet")
    page.get_by_label("Note on Art. 6 exemptions").fill(NOTE)
    page.get_by_label("Note on Art. 6 exemptions").press("Tab")

    # A duty of the operator that is already in place.
    page.get_by_text(AUTHORITY_SECTION).click()
    informs = page.get_by_label("Art. 5(1)(a) operator informs the authority", exact=True)
    informs.select_option(label="in place")

    # The gap list puts required items first and leaves out what is in place.
    page.get_by_role("tab", name="2. Gaps").click()
    gaps = page.locator(".lr-gaps")
    expect(gaps.locator("h4").first).to_have_text("Required, not in place (19)", timeout=TIMEOUT)
    expect(gaps.locator('[data-item="art5_1_b_operator_evaluates"]')).to_contain_text(
        "Art. 5(1)(b)"
    )
    expect(gaps.locator('[data-item="art5_1_a_operator_informs"]')).to_have_count(0)
    expect(gaps.locator('[data-item="art6_exemptions"]')).to_contain_text(NOTE)

    # The profile reads the choice; the casebook runs under it.
    page.get_by_role("tab", name="3. Profile, casebook").click()
    expect(page.locator(".lr-profile-yaml")).to_contain_text("exemptions: [force_majeure]")
    expect(page.locator(".lr-comparison tbody tr").first).to_be_visible()

    # The summary downloads as Word and Markdown, each holding the gaps with their articles.
    page.get_by_role("tab", name="4. Summary").click()
    page.get_by_role("button", name="Prepare the summary").click()
    with page.expect_download() as word:
        page.get_by_role("link", name="Download the summary (Word)").click()
    assert word.value.suggested_filename == "national-implementation-borduria.docx"
    word.value.save_as(tmp_path / "summary.docx")
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "summary.docx")).paragraphs)
    assert "Art. 5(1)(b)" in text and NOTE in text
    with page.expect_download() as markdown:
        page.get_by_role("link", name="Download the summary (Markdown)").click()
    markdown.value.save_as(tmp_path / "summary.md")
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "**Art. 5(1)(b)**" in summary and "\\<script\\>" in summary

    expect(page.locator(f"{STDERR} >> visible=true")).to_have_count(0)
    body = page.locator("body")
    expect(body).not_to_contain_text("Traceback (most recent call last)")
    expect(body).not_to_contain_text("There was an error when executing cell")
