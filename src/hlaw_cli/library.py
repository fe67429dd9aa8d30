"""The entries as commands read them: typed queries over the index, and name resolution."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from hlaw_cli.errors import DataError, NotFoundError, UsageError
from hlaw_cli.model import (
    Budget,
    Citation,
    Contact,
    Edge,
    Entry,
    Figure,
    Folder,
    Head,
    InstrumentFacts,
    LegalBasis,
    Link,
    OrganizationFacts,
    Problem,
    Reference,
    Related,
    Section,
    Summary,
)
from hlaw_cli.record import record
from hlaw_cli.text import normalize, shorten

_CHUNK = 500  # stay well under SQLite's limit on query parameters
NAME, SUMMARY, BODY = 0, 1, 2  # where a word stands: postings.field
SEE_ALSO, MENTION = "see_also", "mention"  # links.kind: curated, or a [[cross-reference]] in the text


@record
class Posting:
    """The entries in which one word stands: in a name, in the summary, in the body (with counts)."""

    name: frozenset[str]
    summary: frozenset[str]
    body: dict[str, int]


class Library:
    """Read-only access to one index."""

    def __init__(self, conn: sqlite3.Connection, folders: list[Folder]) -> None:
        self.conn = conn
        self.folders = folders

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, params).fetchall()

    def _rows_in(self, sql: str, values: Sequence[str]) -> list[tuple[Any, ...]]:
        """``sql`` has one ``IN ({})``; run it over ``values`` in chunks."""
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(values), _CHUNK):
            chunk = values[start : start + _CHUNK]
            rows += self._rows(sql.format(",".join("?" * len(chunk))), chunk)
        return rows

    @cached_property
    def categories(self) -> dict[str, str]:
        return dict(self._rows("SELECT slug, name FROM categories"))

    @cached_property
    def problems(self) -> list[Problem]:
        rows = self._rows("SELECT file, message, line, severity FROM problems ORDER BY seq")
        return [Problem(*row) for row in rows]

    def get(self, entry_id: str) -> Entry | None:
        row = self.conn.execute("SELECT data FROM entries WHERE id = ?", (entry_id,)).fetchone()
        return None if row is None else entry_from_data(json.loads(row[0]))

    def broken(self, entry_id: str) -> Problem | None:
        row = self.conn.execute("SELECT file, message, line FROM broken WHERE id = ?", (entry_id,)).fetchone()
        return None if row is None else Problem(*row)

    def resolve(self, name: str) -> str | None:
        row = self.conn.execute("SELECT id FROM names WHERE norm = ?", (normalize(name),)).fetchone()
        return None if row is None else str(row[0])

    def titles(self, ids: Sequence[str]) -> dict[str, str]:
        return dict(self._rows_in("SELECT id, title FROM entries WHERE id IN ({})", list(ids)))

    def referenced_by(self, entry_id: str) -> list[Link]:
        rows = self._rows(
            "SELECT DISTINCT links.src, entries.title FROM links JOIN entries ON entries.id = links.src"
            " WHERE links.dst = ? AND links.src != ? ORDER BY links.src",
            (entry_id, entry_id),
        )
        return [Link(*row) for row in rows]

    def edges_from(self, ids: Sequence[str]) -> list[Edge]:
        """Links out of ``ids`` to existing entries, in each entry's order."""
        rows = self._rows_in("SELECT src, dst, kind FROM links WHERE src IN ({}) ORDER BY src, seq", list(ids))
        return [Edge(*row) for row in rows]

    def edges_to(self, entry_id: str) -> list[Edge]:
        rows = self._rows("SELECT src, dst, kind FROM links WHERE dst = ? ORDER BY src, seq", (entry_id,))
        return [Edge(*row) for row in rows]

    def all_edges(self) -> list[Edge]:
        return [Edge(*row) for row in self._rows("SELECT src, dst, kind FROM links ORDER BY src, seq")]

    def summaries(self, category: str | None = None, kind: str | None = None) -> list[Summary]:
        rows = self._rows(
            "SELECT id, title, kind, categories, summary FROM entries WHERE (? IS NULL OR kind = ?)"
            " AND (? IS NULL OR id IN (SELECT id FROM entry_categories WHERE slug = ?)) ORDER BY id",
            (kind, kind, category, category),
        )
        return [Summary(i, t, k, tuple(json.loads(c)), s) for i, t, k, c, s in rows]

    def citations(self, entry_id: str) -> list[Citation]:
        rows = self._rows(
            "SELECT citations.src, entries.title, instrument, articles, note FROM citations"
            " JOIN entries ON entries.id = citations.src WHERE citations.entry = ? ORDER BY citations.src, seq",
            (entry_id,),
        )
        return [Citation(*row) for row in rows]

    def all_names(self) -> list[tuple[str, str]]:
        """(normalized name, id) for every id, title variant and alias."""
        return [(n, i) for i, n in self._rows("SELECT id, norm FROM entry_names ORDER BY id, rowid")]

    def names_of(self, ids: Sequence[str]) -> dict[str, list[str]]:
        names: dict[str, list[str]] = {}
        for entry_id, norm in self._rows_in("SELECT id, norm FROM entry_names WHERE id IN ({})", list(ids)):
            names.setdefault(entry_id, []).append(norm)
        return names

    def has_token(self, token: str) -> bool:
        return self.conn.execute("SELECT 1 FROM postings WHERE token = ?", (token,)).fetchone() is not None

    def tokens_with_prefix(self, prefix: str) -> list[str]:
        rows = self._rows("SELECT token FROM postings WHERE token >= ? AND token < ?", (prefix, prefix + "\U0010ffff"))
        return [row[0] for row in rows]

    def tokens_with_stem(self, stem: str) -> list[str]:
        return [row[0] for row in self._rows("SELECT token FROM postings WHERE stem = ?", (stem,))]

    def tokens_of_length(self, shortest: int, longest: int) -> list[str]:
        rows = self._rows("SELECT token FROM postings WHERE length BETWEEN ? AND ?", (shortest, longest))
        return [row[0] for row in rows]

    def postings(self, tokens: Sequence[str]) -> dict[str, Posting]:
        """Where each of ``tokens`` stands, for the tokens the corpus has."""
        sql = "SELECT token, name, summary, body, body_counts FROM postings WHERE token IN ({})"
        return {
            token: Posting(
                frozenset(name.split()),
                frozenset(summary.split()),
                dict(zip(body.split(), map(int, counts.split()), strict=True)),
            )
            for token, name, summary, body, counts in self._rows_in(sql, list(tokens))
        }


def open_library(extra: Sequence[Path] = ()) -> Library:
    from hlaw_cli.folders import entry_folders
    from hlaw_cli.index import open_index

    folders = entry_folders(extra)
    return Library(open_index(folders), folders)


def find_entry(library: Library, name: str) -> Entry:
    """Exact id, then an exact title or alias match; no guessing beyond that."""
    entry = library.get(name)
    if entry is not None:
        return entry
    problem = library.broken(name)
    if problem is not None:
        where = f"{problem.file}:{problem.line}" if problem.line else problem.file
        raise DataError(f"entry {name!r} cannot be read: {where}: {problem.message}")
    found = library.resolve(name)
    if found is not None:
        entry = library.get(found)
        if entry is not None:
            return entry
    from hlaw_cli.search import suggest

    raise NotFoundError(f"no entry named {shorten(name)!r}", suggest(library, name))


def related(library: Library, entry: Entry) -> Related:
    """The entry's links that lead somewhere: see-also, text cross-references, and links to it."""
    titles = library.titles([*entry.see_also, *entry.mentions])

    def links(ids: Sequence[str]) -> tuple[Link, ...]:
        return tuple(Link(i, titles[i]) for i in dict.fromkeys(ids) if i in titles and i != entry.id)

    mentions = [target for target in entry.mentions if target not in entry.see_also]
    return Related(entry, links(entry.see_also), tuple(library.referenced_by(entry.id)), links(mentions))


def lookup(library: Library, name: str, sections: Sequence[str] = ()) -> Related:
    """The entry for ``name`` with its links; ``sections`` must be keys of that entry."""
    entry = find_entry(library, name)
    keys = [section.key for section in entry.sections]
    unknown = [key for key in sections if key not in keys]
    if unknown:
        raise UsageError(f"entry {entry.id!r} has no section {unknown[0]!r}; its sections: {', '.join(keys) or 'none'}")
    return related(library, entry)


def lookup_many(library: Library, names: Sequence[str], sections: Sequence[str] = ()) -> list[Related]:
    """Each named entry with its links, in the order asked."""
    return [lookup(library, name, sections) for name in names]


def check_filters(library: Library, category: str | None) -> None:
    if category is not None and category not in library.categories:
        raise UsageError(f"unknown category {category!r}; known: {', '.join(sorted(library.categories))}")


def filtered(library: Library, category: str | None = None, kind: str | None = None) -> list[Summary]:
    """Entries in id order, of one category and/or kind."""
    check_filters(library, category)
    return library.summaries(category, kind)


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def entry_from_data(data: dict[str, Any]) -> Entry:
    """An entry back from the JSON the index stores (``index._json_default`` wrote it)."""
    org, ins, contact = data["organization"], data["instrument"], data["contact"]
    return Entry(
        id=data["id"],
        title=data["title"],
        source=Path(data["source"]),
        summary=data["summary"],
        kind=data["kind"],
        aliases=tuple(data["aliases"]),
        categories=tuple(data["categories"]),
        see_also=tuple(data["see_also"]),
        updated=_date(data["updated"]),
        sections=tuple(Section(**s) for s in data["sections"]),
        organization=None if org is None else _organization(org),
        instrument=None if ins is None else _instrument(ins),
        contact=None if contact is None else Contact(**contact),
        legal_bases=tuple(LegalBasis(**b) for b in data["legal_bases"]),
        references=tuple(Reference(**r) for r in data["references"]),
    )


def _figure(data: dict[str, Any] | None) -> Figure | None:
    return None if data is None else Figure(**data)


def _organization(data: dict[str, Any]) -> OrganizationFacts:
    head = data["head"]
    return OrganizationFacts(
        founded=data["founded"],
        headquarters=data["headquarters"],
        head=None if head is None else Head(head["name"], head["title"], _date(head["since"])),
        members=_figure(data["members"]),
        budget=None if data["budget"] is None else Budget(**data["budget"]),
        staff=_figure(data["staff"]),
    )


def _instrument(data: dict[str, Any]) -> InstrumentFacts:
    return InstrumentFacts(
        adopted=_date(data["adopted"]),
        in_force=_date(data["in_force"]),
        parties=_figure(data["parties"]),
        depositary=data["depositary"],
        binding=data["binding"],
    )
