"""The data hlaw works with: frozen records (dataclasses to type checkers), no behaviour beyond small helpers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hlaw_cli.record import record

KINDS = ("concept", "organization", "instrument")


@record
class Section:
    key: str
    title: str
    text: str


@record
class Head:
    name: str
    title: str | None = None
    since: date | None = None


@record
class Figure:
    """A count that changes over time, with the year it holds for."""

    count: int
    as_of: int | None = None


@record
class Budget:
    amount: float
    currency: str | None = None
    year: int | None = None
    note: str | None = None


@record
class OrganizationFacts:
    founded: int | None = None
    headquarters: str | None = None
    head: Head | None = None
    members: Figure | None = None
    budget: Budget | None = None
    staff: Figure | None = None


@record
class InstrumentFacts:
    adopted: date | None = None
    in_force: date | None = None
    parties: Figure | None = None
    depositary: str | None = None
    binding: bool | None = None


@record
class Contact:
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None


@record
class LegalBasis:
    instrument: str
    entry: str | None = None
    articles: str | None = None
    note: str | None = None


@record
class Reference:
    title: str
    author: str | None = None
    year: int | None = None
    url: str | None = None


@record
class Entry:
    id: str
    title: str
    source: Path
    summary: str = ""
    kind: str = "concept"
    aliases: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    updated: date | None = None
    sections: tuple[Section, ...] = ()
    organization: OrganizationFacts | None = None
    instrument: InstrumentFacts | None = None
    contact: Contact | None = None
    legal_bases: tuple[LegalBasis, ...] = ()
    references: tuple[Reference, ...] = ()

    @property
    def mentions(self) -> tuple[str, ...]:
        """Ids cross-referred to in the summary and sections ([[id]] or [[id|label]]), in order."""
        from hlaw_cli.text import xrefs

        found = xrefs("\n".join([self.summary, *(section.text for section in self.sections)]))
        return tuple(target for target in found if target != self.id)


@record
class Problem:
    """Something wrong with an entry file, as ``check`` reports it."""

    file: str
    message: str
    line: int | None = None
    severity: str = "error"  # "error" or "warning"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


@record
class Link:
    id: str
    title: str


@record
class Related:
    """An entry with its links: curated see-also, cross-references in its text, and links to it."""

    entry: Entry
    see_also: tuple[Link, ...]
    referenced_by: tuple[Link, ...]
    mentions: tuple[Link, ...] = ()


@record
class Hit:
    """One search result; ``marks`` are (start, end) spans of the snippet to highlight."""

    id: str
    title: str
    kind: str
    score: float
    snippet: str
    marks: tuple[tuple[int, int], ...] = ()


@record
class Folder:
    """An entry folder in effect, with where it came from."""

    path: Path
    origin: str  # "built-in", "user data", "HLAW_ENTRIES", "--entries"
    exists: bool


@record
class Citation:
    """One legal basis of ``id`` that cites an instrument entry."""

    id: str
    title: str
    instrument: str
    articles: str | None
    note: str | None


@record
class Summary:
    """What ``list`` shows of an entry."""

    id: str
    title: str
    kind: str
    categories: tuple[str, ...]
    summary: str


@record
class Node:
    id: str
    title: str
    depth: int  # steps from the root; 0 for the root, or for every node of the whole graph


@record
class Edge:
    source: str
    target: str
    kind: str  # "see_also" or "mention"


@record
class Graph:
    """Entries and the links between them: around one entry (``root``), or the whole corpus."""

    root: str | None
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    depth: int = 0  # how many steps out from the root were followed
