"""The self-study quiz: each question's right answer is one the treaty steps give (the tests
check that), and its explanation cites the article."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.citation import Citation, cite


@dataclass(frozen=True)
class Question:
    key: str
    prompt: str
    options: tuple[str, ...]
    answer: str  # one of the options, as written
    citation: Citation
    why: str

    def feedback(self, chosen: str) -> tuple[bool, str]:
        """Whether ``chosen`` is right, and what to tell the learner either way."""
        right = chosen == self.answer
        lead = "Right." if right else f"Not quite: the answer is '{self.answer}'."
        return right, f"{lead} {self.why} ({self.citation})"


QUIZ = (
    Question(
        "accession",
        "Kestrelia, a Party to the Cartagena Protocol, did not sign the Supplementary Protocol "
        "while it was open for signature (7 March 2011 to 6 March 2012). How can it join now?",
        ("By signing it now, then ratifying", "By accession", "It can no longer join"),
        "By accession",
        cite(18, 1),
        "Signature closed on 6 March 2012. A State that did not sign joins by accession, which "
        "binds it just as ratification would.",
    ),
    Question(
        "leap-day",
        "Kestrelia has been a Party to the Cartagena Protocol since 2005. It deposits its "
        "instrument with the Secretary-General on 1 December 2019, long after the 40th "
        "instrument. When does the Protocol enter into force for it?",
        ("2018-03-05", "2019-12-01", "2020-02-29", "2020-03-01"),
        "2020-02-29",
        cite(18, 2),
        "The Protocol binds a later Party from the 90th day after its deposit, unless the "
        "Cartagena Protocol binds it only later. 2020 is a leap year, so the 90th day is "
        "29 February.",
    ),
    Question(
        "later-of",
        "Kestrelia deposits its instrument on 1 June 2021, but the Cartagena Protocol enters "
        "into force for it only on 1 October 2021. When does the Supplementary Protocol bind "
        "it?",
        ("2021-06-01", "2021-08-30", "2021-10-01", "2021-12-30"),
        "2021-10-01",
        cite(18, 2),
        "The 90th day after the deposit is 30 August 2021, but the Protocol waits for the "
        "later date, when the Cartagena Protocol binds Kestrelia.",
    ),
    Question(
        "reservation",
        "Kestrelia's parliament wants to ratify with a reservation excluding Art. 5(3), the "
        "measures required where damage is sufficiently likely. Is that possible?",
        (
            "Yes, if the instrument states it",
            "Yes, unless another Party objects",
            "No: no reservation may be made",
        ),
        "No: no reservation may be made",
        cite(19),
        "The Protocol is taken whole. What it leaves open, such as exemptions, time limits, "
        "financial limits and financial security (Arts. 6, 7, 8 and 10), is chosen in "
        "domestic law instead.",
    ),
    Question(
        "regional-organisation",
        "Did the European Union's instrument of approval count toward the 40 instruments the "
        "Protocol needed to enter into force?",
        (
            "Yes, like any other instrument",
            "No: it is not counted in addition to its member States' instruments",
            "Only once all its member States had joined",
        ),
        "No: it is not counted in addition to its member States' instruments",
        cite(18, 3),
        "A regional economic integration organisation's instrument makes it a Party but does "
        "not add to the count; its member States' own instruments count.",
    ),
    Question(
        "withdrawal-effect",
        "The Protocol entered into force for Kestrelia on 5 March 2018. The Secretary-General "
        "receives its notice of withdrawal on 10 March 2020; the notice names 1 January 2021 "
        "as the date it should take effect. When does the withdrawal take effect?",
        ("2021-01-01", "2021-03-10", "2020-03-10", "2022-03-10"),
        "2021-03-10",
        cite(20, 2),
        "The notice came after two years in force (Art. 20(1)), and a withdrawal takes effect "
        "one year after the Depositary receives it. A notice may name a later date, not an "
        "earlier one.",
    ),
    Question(
        "leaving-cartagena",
        "Kestrelia withdraws from the Cartagena Protocol. What happens to its place in the "
        "Supplementary Protocol?",
        (
            "Nothing: they are separate treaties",
            "It is taken to have withdrawn from the Supplementary Protocol too",
            "It must send a second notice for the Supplementary Protocol",
        ),
        "It is taken to have withdrawn from the Supplementary Protocol too",
        cite(20, 3),
        "The Supplementary Protocol supplements the Cartagena Protocol, so a Party that leaves "
        "the Cartagena Protocol leaves both.",
    ),
    Question(
        "earlier-movement",
        "The Protocol entered into force for Kestrelia on 29 February 2020. A consignment of LM "
        "maize for processing set off for Kestrelia on 1 November 2019 and later caused damage "
        "there. Does the Protocol cover that damage?",
        (
            "Yes",
            "No: the movement started before the Protocol entered into force for Kestrelia",
            "Only if the damage appeared after 29 February 2020",
        ),
        "No: the movement started before the Protocol entered into force for Kestrelia",
        cite(3, 4),
        "The Protocol covers damage from movements that started after it entered into force "
        "for the Party into whose jurisdiction they were made; when the damage appears does not "
        "change that. Domestic law may still deal with the damage.",
    ),
)
