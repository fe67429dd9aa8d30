"""Search quality on the real corpus: queries people type, and where the answer must rank."""

from __future__ import annotations

import pytest

from hlaw_cli.library import Library as Corpus
from hlaw_cli.library import open_library
from hlaw_cli.search import search


@pytest.fixture(scope="module")
def real() -> Corpus:
    return open_library()


# (query, expected id, must be within the first N results)
CASES = [
    ("refugees", "refugees", 1),
    ("refugess", "refugees", 1),  # typo
    ("migrnts", "migration", 1),  # typo
    ("migrant", "migration", 1),
    ("migrant", "iom", 10),  # "migrant" finds the organization for migration on the first page too
    ("international organization for migration", "iom", 1),
    ("IOM", "iom", 1),
    ("internally displaced", "internally-displaced-persons", 1),
    ("IDP", "internally-displaced-persons", 1),
    ("forcible transfer", "population-displacement", 1),
    ("deportation", "population-displacement", 3),
    ("search and rescue at sea", "boat-people", 1),
    ("boat people", "boat-people", 1),
    ("réfugiés", "refugees", 1),  # accents and French names
    # displacement batch
    ("non-refoulement", "refoulement", 1),
    ("expulsion", "refoulement", 1),
    ("asylum seekers", "asylum", 1),
    ("refugee camps", "camps", 1),
    ("statelessness", "stateless-persons", 1),
    ("human trafficking", "trafficking", 1),
    ("smuggling of migrants", "trafficking", 2),
    ("family reunion", "family-reunification", 1),
    ("tracing", "family-reunification", 1),
    ("UN refugee agency", "unhcr", 1),
    ("palestine refugees", "unrwa", 1),
    # organizations batch
    ("red cross", "icrc", 2),
    ("blue helmets", "peacekeeping", 1),
    ("world court", "icj", 1),
    ("protecting power", "protecting-powers", 1),
    ("fact-finding", "ihffc", 1),
    ("sanctions humanitarian exemptions", "sanctions-committees", 1),
    ("food aid", "wfp", 1),
    # instruments batch
    ("Kampala", "kampala-convention", 1),
    ("fourth geneva convention", "gc-iv", 1),
    ("prisoners of war", "gc-iii", 1),
    ("torture", "convention-against-torture", 1),
    ("ottawa convention", "mine-ban-convention", 1),
    ("genocide", "genocide-convention", 1),
    ("child soldiers", "crc", 3),
    ("cluster munitions", "cluster-munitions-convention", 1),
    ("chemical weapons", "chemical-weapons-convention", 1),
]


@pytest.mark.parametrize(("query", "expected", "within"), CASES)
def test_query_finds_entry(real: Corpus, query: str, expected: str, within: int) -> None:
    found = [hit.id for hit in search(real, query, limit=10)]
    assert expected in found[:within], found


def test_scores_descend(real: Corpus) -> None:
    scores = [hit.score for hit in search(real, "protection")]
    assert scores == sorted(scores, reverse=True)
