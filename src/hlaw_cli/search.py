"""Ranked, typo-tolerant search over the corpus, and "did you mean" suggestions."""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable

from hlaw_cli.errors import UsageError
from hlaw_cli.library import BODY, NAME, SUMMARY, Library, Posting, check_filters
from hlaw_cli.model import Entry, Hit
from hlaw_cli.text import clean, fold, normalize, stem, strip_xrefs, words

# A hit in the title, id or an alias outranks one in the summary, which outranks the body.
FIELD_WEIGHTS = {NAME: 3.0, SUMMARY: 2.0, BODY: 1.0}
EXACT, STEM, PREFIX, FUZZY = 1.0, 0.9, 0.9, 0.8
STOPWORDS = frozenset(
    ("a", "an", "and", "are", "as", "at", "by", "de", "des", "du", "for", "in", "is", "la", "le", "les")
    + ("of", "on", "or", "the", "to", "with")
)
MAX_QUERY_CHARS = 1000
SNIPPET_CHARS = 160


def query_terms(query: str) -> list[str]:
    if len(query) > MAX_QUERY_CHARS:
        raise UsageError(f"query is too long ({len(query)} characters; at most {MAX_QUERY_CHARS})")
    terms = list(dict.fromkeys(words(clean(query))))  # pasted escape sequences are not words
    if not terms:
        raise UsageError("the query has no words to search for")
    meaningful = [term for term in terms if term not in STOPWORDS]
    return meaningful or terms


def _expand(term: str, library: Library) -> dict[str, float]:
    """The corpus words a query term stands for, each with how well it matches.

    Exact word 1; same stem ("migrant", "migration") 0.9; a longer word it begins, less the
    longer that word is ("camp" in "campaign"); and only for a word the corpus does not
    contain, close spellings by edit distance ("refugess"), so typos still find their entries.
    """
    weights: dict[str, float] = {}
    candidates = set(library.tokens_with_prefix(term)) if len(term) >= 3 else {term}
    if len(term) >= 4:
        candidates |= set(library.tokens_with_stem(stem(term)))
    known = library.has_token(term)
    for token in sorted(candidates):
        if token == term:
            weights[token] = EXACT
        elif len(term) >= 4 and stem(token) == stem(term):
            weights[token] = STEM
        elif len(term) >= 3 and token.startswith(term):
            weights[token] = PREFIX * len(term) / len(token)
    if len(term) >= 4 and not known:
        from rapidfuzz import fuzz, process

        cutoff = 80 if len(term) >= 5 else 85
        # fuzz.ratio >= cutoff is impossible unless the lengths are within this range.
        shortest, longest = int(len(term) * cutoff / (200 - cutoff)), int(len(term) * (200 - cutoff) / cutoff) + 1
        vocabulary = library.tokens_of_length(shortest, longest)
        for token, score, _ in process.extract(term, vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None):
            weights.setdefault(token, FUZZY * score / 100)
    return weights


def search(
    library: Library, query: str, limit: int = 10, category: str | None = None, kind: str | None = None
) -> list[Hit]:
    """Entries matching ``query``, best first; every term counts, the more terms matched the better.

    For each term an entry scores the best (field weight x match weight) among the words the
    term expands to; the scores add up, plus a bonus for a match on a whole name and one for
    how often the matched words recur in the body. The work is done on sets and dicts of ids,
    so a query that matches every one of 10,000 entries stays quick.
    """
    terms = query_terms(query)
    check_filters(library, category)
    allowed = None if category is None and kind is None else {s.id for s in library.summaries(category, kind)}
    expansions = [_expand(term, library) for term in terms]
    postings = library.postings(sorted(set().union(*expansions)))
    if allowed is not None:
        postings = {token: _only(posting, allowed) for token, posting in postings.items()}
    per_term = [_term_scores(weights, postings) for weights in expansions]
    matched: Counter[str] = Counter()
    for scores in per_term:
        matched.update(scores.keys())
    in_body: Counter[str] = Counter()
    name_hits: set[str] = set()
    for posting in postings.values():
        in_body.update(posting.body)
        name_hits |= posting.name
    total = dict.fromkeys(matched, 0.0)
    for scores in per_term:
        for entry_id, value in scores.items():
            total[entry_id] += value
    for entry_id, occurrences in in_body.items():
        total[entry_id] += _frequency_bonus(occurrences)
    phrase = normalize(query)
    for entry_id, names in library.names_of(sorted(name_hits)).items():
        total[entry_id] += _name_bonus(phrase, names, _tokens_of(entry_id, postings))
    ranked = heapq.nsmallest(limit, ((-matched[entry_id], -score, entry_id) for entry_id, score in total.items()))
    hits = []
    for _, negative, entry_id in ranked:
        entry = library.get(entry_id)
        if entry is not None:
            hits.append(_hit(entry, -negative, _tokens_of(entry_id, postings)))
    return hits


def _term_scores(weights: dict[str, float], postings: dict[str, Posting]) -> dict[str, float]:
    """Each entry's best field weight x match weight for one term (ascending updates keep the max)."""
    candidates: list[tuple[float, Iterable[str]]] = []
    for token, weight in weights.items():
        posting = postings.get(token)
        if posting is not None:
            candidates += [
                (FIELD_WEIGHTS[BODY] * weight, posting.body.keys()),
                (FIELD_WEIGHTS[SUMMARY] * weight, posting.summary),
                (FIELD_WEIGHTS[NAME] * weight, posting.name),
            ]
    candidates.sort(key=lambda candidate: candidate[0])
    scores: dict[str, float] = {}
    for value, ids in candidates:
        scores.update(dict.fromkeys(ids, value))
    return scores


def _only(posting: Posting, allowed: set[str]) -> Posting:
    body = {entry_id: count for entry_id, count in posting.body.items() if entry_id in allowed}
    return Posting(posting.name & allowed, posting.summary & allowed, body)


def _tokens_of(entry_id: str, postings: dict[str, Posting]) -> set[str]:
    """The matched words that stand anywhere in one entry."""
    return {
        token
        for token, posting in postings.items()
        if entry_id in posting.name or entry_id in posting.summary or entry_id in posting.body
    }


def _name_bonus(phrase: str, names: list[str], tokens: set[str]) -> float:
    """The query is one of the entry's names (3), matches all of a name (2), or stands inside one (1)."""
    if phrase in names:
        return 3.0
    if any(set(words(name)) - STOPWORDS <= tokens for name in names):
        return 2.0
    if any(re.search(rf"\b{re.escape(phrase)}\b", name) for name in names):
        return 1.0
    return 0.0


def _frequency_bonus(occurrences: int) -> float:
    """Up to 1 point for an entry whose text keeps coming back to the matched words."""
    return min(1.0, math.log2(1 + occurrences) / 5)


def _hit(entry: Entry, score: float, tokens: set[str]) -> Hit:
    snippet, marks = make_snippet(entry, tokens)
    return Hit(entry.id, entry.title, entry.kind, round(score, 2), snippet, marks)


def make_snippet(entry: Entry, tokens: set[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A short window of text around the first match, and the spans of matched words in it."""
    texts = [entry.summary, *(section.text for section in entry.sections)]
    pattern = re.compile(r"\w+")
    for text in texts:
        flat = " ".join(clean(strip_xrefs(text)).split())
        for match in pattern.finditer(flat):
            if fold(match.group()) in tokens:
                return _window(flat, match.start(), tokens)
    flat = " ".join(clean(strip_xrefs(entry.summary)).split())
    return _window(flat, 0, tokens)


def _window(flat: str, at: int, tokens: set[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    start = max(0, at - SNIPPET_CHARS // 3)
    if start:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    end = min(len(flat), start + SNIPPET_CHARS)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > at else end
    prefix = "…" if start else ""
    snippet = prefix + flat[start:end] + ("…" if end < len(flat) else "")
    marks = tuple(
        (match.start(), match.end()) for match in re.finditer(r"\w+", snippet) if fold(match.group()) in tokens
    )
    return snippet, marks


def suggest(library: Library, name: str, limit: int = 3) -> tuple[str, ...]:
    """Ids whose id, title or aliases look like ``name``."""
    from rapidfuzz import fuzz, process

    choices: dict[str, str] = {}
    for norm, entry_id in library.all_names():
        choices.setdefault(norm, entry_id)
    query = normalize(name[:MAX_QUERY_CHARS])
    if not query:
        return ()
    found: list[str] = []
    for key, _, _ in process.extract(query, list(choices), scorer=fuzz.WRatio, score_cutoff=70, limit=20):
        if choices[key] not in found:
            found.append(choices[key])
    return tuple(found[:limit])
