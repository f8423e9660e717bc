"""Question cards for print: one A5 card per question card of the method. The type is as large as the card's
text allows, so a short card reads from across the table and a long one still fits on its own page."""

from dataclasses import dataclass

# How much text fits an A5 card at each type size: characters, plus about a line per question. Measured by
# rendering; up to about 1500 a card stays on one page, beyond that it runs onto a second.
_LARGE_UP_TO = 600
_MEDIUM_UP_TO = 1000


@dataclass(frozen=True)
class PrintCard:
    title: str
    kind: str
    questions: tuple
    size: str  # "large", "medium" or "small": a class in print.css


def card_size(title: str, questions) -> str:
    amount = len(title) + sum(len(q) + 60 for q in questions)
    if amount <= _LARGE_UP_TO:
        return "large"
    if amount <= _MEDIUM_UP_TO:
        return "medium"
    return "small"


def question_cards_context(process, method) -> dict:
    cards = [
        PrintCard(
            title=c.title, kind=c.kind, questions=tuple(c.questions), size=card_size(c.title, c.questions)
        )
        for c in method.question_cards
    ]
    return {"process": process, "method": method, "cards": cards}
