"""The start page as a workshop participant sees it in Voila."""

from playwright.sync_api import Page, expect

TIMEOUT = 60_000  # ms: the first render starts a kernel and runs the whole notebook
TITLE = "Liability & Redress Workshop Toolkit"
STDERR = '.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]'


def test_start_page_renders_and_analyses_a_case_and_its_what_ifs(
    page: Page, voila_server: str
) -> None:
    url = f"{voila_server}/voila/render/00_start.ipynb"
    response = page.goto(url, timeout=TIMEOUT)
    assert response is not None and response.ok, f"GET {url}: HTTP {response and response.status}"

    expect(page.get_by_role("heading", name=TITLE)).to_be_visible(timeout=TIMEOUT)
    case = page.get_by_label("Case")
    expect(case).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("The casebook loaded without problems.")).to_be_visible()

    current = case.input_value()
    options = case.locator("option").evaluate_all(
        "options => options.map(o => [o.value, o.textContent])"
    )
    others = [(value, label) for value, label in options if value != current]
    assert others, f"the Case dropdown offers nothing but {current!r}"
    value, title = others[0]
    case.select_option(value)

    # The analysis is redrawn for the chosen case, article by article, scope first.
    heading = page.locator(".jp-OutputArea-output h3").filter(has_text=title)
    expect(heading).to_be_visible(timeout=TIMEOUT)
    expect(page.locator(".lr-finding").first).to_contain_text("Art. 3(1)")

    # A what-if redraws it again, saying which change it shows.
    what_if = page.get_by_label("What if")
    label = what_if.locator("option").nth(1).text_content()
    what_if.select_option(index=1)
    expect(page.locator(".lr-what-if")).to_contain_text(label or "")

    expect(page.locator(f"{STDERR} >> visible=true")).to_have_count(0)
    body = page.locator("body")
    expect(body).not_to_contain_text("Traceback (most recent call last)")
    expect(body).not_to_contain_text("There was an error when executing cell")
