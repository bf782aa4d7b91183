"""The guided self-study on joining the Protocol, as a learner uses it in Voila."""

import uuid

from playwright.sync_api import Page, expect

TIMEOUT = 60_000  # ms: the first render starts a kernel and runs the whole notebook
NOTEBOOK = "11_ratification_steps.ipynb"
TITLE = "Joining the Supplementary Protocol: a guided self-study"
STDERR = '.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]'


def open_app(page: Page, voila_server: str) -> None:
    url = f"{voila_server}/voila/render/{NOTEBOOK}"
    response = page.goto(url, timeout=TIMEOUT)
    assert response is not None and response.ok, f"GET {url}: HTTP {response and response.status}"
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_label("Your name")).to_be_visible(timeout=TIMEOUT)


def keep_progress(page: Page, name: str) -> None:
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your name").press("Enter")
    page.get_by_role("button", name="Keep my progress").click()


def test_a_learner_walks_through_joining_takes_the_quiz_and_finds_their_progress_again(
    page: Page, voila_server: str
) -> None:
    open_app(page, voila_server)
    expect(page.get_by_text("29 rows in the partial list of Parties (incomplete)")).to_be_visible()
    expect(page.locator(".lr-partial-notice").first).to_contain_text("This list is incomplete")
    learner = f"Ana {uuid.uuid4().hex[:6]}"
    keep_progress(page, learner)
    expect(page.locator(".lr-learner-message")).to_contain_text(
        f"Saving your progress as {learner}"
    )

    answers = page.locator(".lr-step-answers")
    page.get_by_label("Name", exact=True).fill("Kestrelia")
    page.get_by_label("Name", exact=True).press("Tab")

    # 1. Signature: it did not sign, so it will accede.
    page.get_by_label("Signed between 7 March 2011 and 6 March 2012").select_option(label="no")
    expect(answers).to_contain_text("Art. 17")
    expect(answers).to_contain_text("Kestrelia did not sign")

    # 2. The Cartagena Protocol has bound it since 2005.
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Party to the Cartagena Protocol").select_option(
        label="yes, or joining it now"
    )
    page.get_by_label("Cartagena Protocol in force for it since").fill("2005-01-01")
    expect(answers).to_contain_text("The Cartagena Protocol has bound Kestrelia since 2005-01-01")

    # 3. Which instrument.
    page.get_by_role("button", name="Next").click()
    expect(answers).to_contain_text("Answer: accession")
    expect(answers).to_contain_text("Art. 18(3)")

    # 4. A reservation is refused.
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Reservation it would like to make").fill("Art. 5(3) does not apply")
    page.get_by_label("Reservation it would like to make").press("Tab")
    expect(answers).to_contain_text("No reservation may be made")
    expect(answers.locator('[data-rule="art19_no_reservations"]')).to_have_attribute(
        "data-outcome", "fails"
    )

    # 5. Deposit on 1 December 2019: in force on the leap day.
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Instrument deposited on").fill("2019-12-01")
    expect(answers).to_contain_text("Answer: 2020-02-29")
    expect(answers).to_contain_text("Art. 18(2)")

    # 6. A movement that started before then is not covered.
    page.get_by_role("button", name="Next").click()
    page.get_by_label("A movement into it started on").fill("2019-11-01")
    expect(
        answers.locator('[data-rule="art3_4_movement_after_entry_into_force"]')
    ).to_have_attribute("data-outcome", "fails")
    expect(page.locator(".lr-step-position")).to_contain_text("Step 6 of 8")

    # The quiz answers at once, citing the article.
    page.get_by_label("2020-02-29").check()
    expect(page.locator(".lr-quiz-feedback").nth(1)).to_contain_text("Right.")
    expect(page.locator(".lr-quiz-feedback").nth(1)).to_contain_text("(Art. 18(2))")
    page.get_by_label("It can no longer join").check()
    expect(page.locator(".lr-quiz-feedback").first).to_contain_text("Not quite")
    expect(page.locator(".lr-quiz-score")).to_contain_text("1 of 8 right")

    # Where the Protocol stands: the count over time, its marks, and the indicators.
    expect(page.locator(".lr-counts-chart svg")).to_be_visible()
    expect(page.locator(".lr-counts-chart")).to_contain_text("40th instrument 2017-12-05")
    expect(page.locator(".lr-counts-chart")).to_contain_text("In force 2018-03-05")
    expect(page.locator(".lr-indicator-chart")).to_contain_text("55%")
    expect(page.locator(".lr-parties .lr-partial-notice").first).to_contain_text("incomplete")
    no_errors(page)

    # Another visit: the same name brings everything back; then the learner forgets it.
    open_app(page, voila_server)
    keep_progress(page, learner.upper())
    expect(page.locator(".lr-learner-message")).to_contain_text(f"Welcome back, {learner}")
    expect(page.locator(".lr-step-position")).to_contain_text("Step 6 of 8")
    expect(page.get_by_label("A movement into it started on")).to_have_value("2019-11-01")
    expect(page.locator(".lr-quiz-feedback").nth(1)).to_contain_text("Right.")
    page.get_by_role("button", name="Back").click()
    expect(answers).to_contain_text("Answer: 2020-02-29")
    page.get_by_role("button", name="Forget my progress").click()
    expect(page.locator(".lr-learner-message")).to_contain_text("Your saved progress is gone")
    no_errors(page)


def no_errors(page: Page) -> None:
    expect(page.locator(f"{STDERR} >> visible=true")).to_have_count(0)
    body = page.locator("body")
    expect(body).not_to_contain_text("Traceback (most recent call last)")
    expect(body).not_to_contain_text("There was an error when executing cell")
