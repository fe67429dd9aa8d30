"""Search quality on the real corpus: queries people type, and where the answer must rank."""

from __future__ import annotations

import pytest

from hlaw_cli.search import search
from hlaw_cli.store import Corpus, load_corpus


@pytest.fixture(scope="module")
def real() -> Corpus:
    return load_corpus()


# (query, expected id, must be within the first N results)
CASES = [
    ("refugees", "refugees", 1),
    ("refugess", "refugees", 1),  # typo
    ("migrnts", "migration", 1),  # typo
    ("migrant", "migration", 1),
    ("migrant", "iom", 5),  # "migrant" finds the organization for migration too
    ("international organization for migration", "iom", 1),
    ("IOM", "iom", 1),
    ("internally displaced", "internally-displaced-persons", 1),
    ("IDP", "internally-displaced-persons", 1),
    ("forcible transfer", "population-displacement", 1),
    ("deportation", "population-displacement", 3),
    ("search and rescue at sea", "boat-people", 1),
    ("boat people", "boat-people", 1),
    ("réfugiés", "refugees", 1),  # accents and French names
]


@pytest.mark.parametrize(("query", "expected", "within"), CASES)
def test_query_finds_entry(real: Corpus, query: str, expected: str, within: int) -> None:
    found = [hit.id for hit in search(real, query, limit=10)]
    assert expected in found[:within], found


def test_scores_descend(real: Corpus) -> None:
    scores = [hit.score for hit in search(real, "protection")]
    assert scores == sorted(scores, reverse=True)
