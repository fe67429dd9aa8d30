"""Ranking, typo tolerance, snippets and suggestions on the fixture corpus."""

from __future__ import annotations

import pytest

from hlaw_cli.errors import UsageError
from hlaw_cli.library import Library as Corpus
from hlaw_cli.search import query_terms, search, stem, suggest


def ids(corpus: Corpus, query: str, **options: object) -> list[str]:
    return [hit.id for hit in search(corpus, query, **options)]  # type: ignore[arg-type]


def test_name_beats_summary_beats_body(corpus: Corpus) -> None:
    # "wanderers": title of one entry, in the summary/title of AAW, only body text elsewhere.
    assert ids(corpus, "wanderers")[0] == "wanderers"
    assert ids(corpus, "lighthouse") == ["wanderers"]  # body only still found


def test_typos_are_tolerated(corpus: Corpus) -> None:
    assert ids(corpus, "wandrers")[0] == "wanderers"
    assert ids(corpus, "contributons") == ["alpha-agency"]


def test_every_term_counts(corpus: Corpus) -> None:
    assert ids(corpus, "alpha charter protects")[0] == "wanderers"


def test_limit_category_and_kind(corpus: Corpus) -> None:
    assert len(ids(corpus, "wanderers", limit=1)) == 1
    assert ids(corpus, "wanderers", kind="organization") == ["alpha-agency"]
    assert ids(corpus, "markup", category="displacement") == []


def test_no_result_is_an_empty_list(corpus: Corpus) -> None:
    assert ids(corpus, "zzyzx") == []


@pytest.mark.parametrize("query", ["", "   ", "!!! ???", "x" * 1001])
def test_unusable_queries_are_usage_errors(corpus: Corpus, query: str) -> None:
    with pytest.raises(UsageError):
        search(corpus, query)


def test_stopwords_are_ignored_unless_alone() -> None:
    assert query_terms("the law of the sea") == ["law", "sea"]
    assert query_terms("of the") == ["of", "the"]


def test_stems_join_word_families() -> None:
    assert stem("migrant") == stem("migration") == stem("migrants")
    assert stem("refugee") == stem("refugees")


def test_snippet_marks_the_matched_words(corpus: Corpus) -> None:
    hit = search(corpus, "lighthouse")[0]
    marked = [hit.snippet[start:end] for start, end in hit.marks]
    assert marked == ["Lighthouse"]


def test_snippet_has_no_control_characters(corpus: Corpus) -> None:
    hit = search(corpus, "escapes")[0]
    assert "\x1b" not in hit.snippet and "\x07" not in hit.snippet


def test_suggestions(corpus: Corpus) -> None:
    assert suggest(corpus, "alpha agncy")[0] == "alpha-agency"
    assert suggest(corpus, "") == ()
