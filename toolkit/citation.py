"""Citations as data: every finding and model answer points at a provision that exists."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Instrument(StrEnum):
    SUPPLEMENTARY = "SP"  # Nagoya-Kuala Lumpur Supplementary Protocol
    CARTAGENA = "CP"  # Cartagena Protocol on Biosafety


# Paragraph count of each article: 0 = no numbered paragraphs; None = institutional articles
# whose paragraphing the domain reference does not record, so only the article is checked.
_SP_PARAGRAPHS: dict[int, int | None] = {
    1: 0,
    2: 3,
    3: 7,
    4: 0,
    5: 8,
    6: 2,
    7: 0,
    8: 0,
    9: 0,
    10: 3,
    11: 0,
    12: 3,
    13: None,
    14: None,
    15: None,
    16: None,
    17: 0,
    18: 3,
    19: 0,
    20: 3,
    21: 0,
}
_CP_ARTICLES = 40

PATTERN = re.compile(
    r"^\s*(?:(?P<instrument>SP|CP)\s+)?Art(?:icle|\.)?\s*(?P<article>\d+)"
    r"(?:\((?P<paragraph>\d+)\))?(?:\((?P<letter>[a-z])\))?(?:\((?P<item>[ivx]+)\))?\s*$"
)


@dataclass(frozen=True, order=True)
class Citation:
    """A pointer to one provision, e.g. Art. 2(2)(b) of the Supplementary Protocol."""

    article: int
    paragraph: int | None = None
    letter: str | None = None
    item: str | None = None
    instrument: Instrument = Instrument.SUPPLEMENTARY

    def __post_init__(self) -> None:
        if self.instrument is Instrument.CARTAGENA:
            if not 1 <= self.article <= _CP_ARTICLES:
                raise ValueError(f"the Cartagena Protocol has no Article {self.article}")
            return
        if self.article not in _SP_PARAGRAPHS:
            raise ValueError(f"the Supplementary Protocol has no Article {self.article} (1-21)")
        paragraphs = _SP_PARAGRAPHS[self.article]
        if self.paragraph is not None and paragraphs is not None and self.paragraph > paragraphs:
            raise ValueError(f"Article {self.article} has no paragraph {self.paragraph}")

    @classmethod
    def parse(cls, text: str) -> Citation:
        """Read 'Art. 3(4)', 'Art. 2(2)(b)', 'CP Art. 25'; raise ValueError naming the form."""
        match = PATTERN.match(text)
        if match is None:
            raise ValueError(f"{text!r} is not a citation like 'Art. 3(4)' or 'CP Art. 25'")
        paragraph = match["paragraph"]
        letter = match["letter"]
        # 'Art. 7(a)' cites a letter of an article without numbered paragraphs.
        return cls(
            article=int(match["article"]),
            paragraph=int(paragraph) if paragraph else None,
            letter=letter,
            item=match["item"],
            instrument=Instrument(match["instrument"] or "SP"),
        )

    @property
    def slug(self) -> str:
        """The prefix a rule named for this provision carries, e.g. 'art2_2_b'."""
        parts = [f"art{self.article}", self.paragraph, self.letter, self.item]
        return "_".join(str(part) for part in parts if part is not None)

    def __str__(self) -> str:
        prefix = "CP " if self.instrument is Instrument.CARTAGENA else ""
        text = f"{prefix}Art. {self.article}"
        for part in (self.paragraph, self.letter, self.item):
            if part is not None:
                text += f"({part})"
        return text


def cite(
    article: int, paragraph: int | None = None, letter: str | None = None, item: str | None = None
) -> Citation:
    """Shorthand for a Supplementary Protocol citation in rule modules."""
    return Citation(article, paragraph, letter, item)
