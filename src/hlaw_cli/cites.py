"""Which entries cite an instrument, and on which articles: the reverse of ``legal_bases.entry``."""

from __future__ import annotations

import re

from hlaw_cli.errors import UsageError
from hlaw_cli.library import Library, find_entry
from hlaw_cli.model import Citation

# "49", "1A(2)", "8 bis", "Rules 129-133": a number, an optional capital letter or bis/ter/quater.
_ARTICLE = re.compile(r"(\d+)\s*(bis|ter|quater)?([A-Z])?(?:\s*[-–]\s*(\d+)\b)?", re.IGNORECASE)
_MAX_RANGE = 200


def article_refs(text: str) -> set[tuple[int, str]]:
    """``"1A(2), 33, 129-131"`` -> {(1, "a"), (33, ""), (129, ""), (130, ""), (131, "")}.

    Numbers inside parentheses are paragraphs, not articles, and are skipped.
    """
    refs: set[tuple[int, str]] = set()
    for match in _ARTICLE.finditer(re.sub(r"\([^()]*\)", "", text)):
        first, latin, letter, last = match.groups()
        start = int(first)
        suffix = (latin or letter or "").lower()
        end = int(last) if last and not suffix and 0 < int(last) - start <= _MAX_RANGE else start
        refs.update((number, suffix if number == start else "") for number in range(start, end + 1))
    return refs


def parse_article(text: str) -> tuple[int, str]:
    """What the user asked for: "49", "art. 49", "Article 49(1)", "1A" -> (number, suffix)."""
    refs = article_refs(text)
    if len(refs) != 1 or re.search(r"\d\s*[-–,]\s*\d", text):
        raise UsageError(f"--article takes one article number, such as 49 or 1A, not {text!r}")
    return next(iter(refs))


def _cites_article(articles: str | None, wanted: tuple[int, str]) -> bool:
    number, suffix = wanted
    return any(n == number and (not suffix or s == suffix) for n, s in article_refs(articles or ""))


def cites(library: Library, name: str, article: str | None = None) -> tuple[str, list[Citation]]:
    """The instrument's id and every legal basis in the corpus that links to it, in id order."""
    instrument = find_entry(library, name)
    wanted = parse_article(article) if article is not None else None
    found = [c for c in library.citations(instrument.id) if wanted is None or _cites_article(c.articles, wanted)]
    return instrument.id, found
