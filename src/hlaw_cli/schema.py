"""Turn one parsed TOML document into an :class:`Entry`, collecting every problem.

Pure functions over plain data: no file system, no output. ``store`` calls this.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from hlaw_cli.model import (
    KINDS,
    Budget,
    Contact,
    Entry,
    Figure,
    Head,
    InstrumentFacts,
    LegalBasis,
    OrganizationFacts,
    Problem,
    Reference,
    Section,
)

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

TOP_KEYS = {
    "title", "summary", "kind", "aliases", "categories", "see_also", "updated", "sections",
    "organization", "instrument", "contact", "legal_bases", "references",
}  # fmt: skip
ORG_KEYS = {"founded", "headquarters", "head", "members", "budget", "staff"}
INSTRUMENT_KEYS = {"adopted", "in_force", "parties", "depositary", "binding"}
CONTACT_KEYS = {"address", "phone", "email", "website"}
SECTION_KEYS = {"key", "title", "text"}
BASIS_KEYS = {"instrument", "entry", "articles", "note"}
REFERENCE_KEYS = {"title", "author", "year", "url"}
HEAD_KEYS = {"name", "title", "since"}
FIGURE_KEYS = {"count", "as_of"}
BUDGET_KEYS = {"amount", "currency", "year", "note"}


def is_valid_id(name: str) -> bool:
    return bool(ID_RE.match(name))


def slugify(text: str) -> str:
    """``"Legal framework"`` -> ``"legal-framework"``; accents dropped."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


class _Reader:
    """Typed access to a raw TOML table that records a problem for each bad value."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.source = text
        self.problems: list[Problem] = []

    def line_of(self, key: str | None) -> int | None:
        """The first line that sets ``key``: TOML parsers do not report where a value stood."""
        if key is None:
            return None
        pattern = re.compile(rf"^\s*(\[+\s*)?{re.escape(key)}\b")
        for number, line in enumerate(self.source.splitlines(), start=1):
            if pattern.match(line):
                return number
        return None

    def error(self, message: str, key: str | None = None) -> None:
        self.problems.append(Problem(self.file, message, self.line_of(key), "error"))

    def warn(self, message: str, key: str | None = None) -> None:
        self.problems.append(Problem(self.file, message, self.line_of(key), "warning"))

    def unknown(self, raw: dict[str, Any], known: set[str], where: str) -> None:
        for key in sorted(set(raw) - known):
            self.warn(f"unknown field {where}{key!r} (ignored)", key)

    def get(self, raw: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
        value = raw.get(key)
        if value is None:
            return None
        # bool is an int in Python; a count of ``true`` is still a type error.
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_tuple(kind)):
            expected = " or ".join(_TYPE_NAMES[k] for k in _as_tuple(kind))
            self.error(f"{where}{key} must be {expected}, not {_type_name(value)}", key)
            return None
        return value

    def text(self, raw: dict[str, Any], key: str, where: str = "") -> str | None:
        value = self.get(raw, key, str, where)
        return value.strip() if isinstance(value, str) else None

    def strings(self, raw: dict[str, Any], key: str) -> tuple[str, ...]:
        value = self.get(raw, key, list, "")
        if value is None:
            return ()
        if not all(isinstance(item, str) for item in value):
            self.error(f"{key} must be a list of strings", key)
            return ()
        return tuple(item.strip() for item in value if item.strip())

    def table(self, raw: dict[str, Any], key: str, known: set[str], where: str = "") -> dict[str, Any] | None:
        value = self.get(raw, key, dict, where)
        if value is None:
            return None
        self.unknown(value, known, f"{where}{key}.")
        return dict(value)

    def tables(self, raw: dict[str, Any], key: str, known: set[str]) -> list[dict[str, Any]]:
        value = self.get(raw, key, list, "")
        if value is None:
            return []
        if not all(isinstance(item, dict) for item in value):
            self.error(f"{key} must be an array of tables ([[{key}]])", key)
            return []
        for item in value:
            self.unknown(item, known, f"{key}.")
        return list(value)


_TYPE_NAMES = {
    str: "a string", int: "an integer", float: "a number", bool: "true or false",
    list: "a list", dict: "a table", date: "a date",
}  # fmt: skip


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _type_name(value: object) -> str:
    for kind, name in _TYPE_NAMES.items():
        if isinstance(value, kind) and not (isinstance(value, bool) and kind is int):
            return name
    return type(value).__name__


def parse_entry(entry_id: str, source: Path, raw: dict[str, Any], text: str) -> tuple[Entry | None, list[Problem]]:
    """Validate ``raw``; return the entry (None when it cannot be served) and all problems."""
    reader = _Reader(str(source), text)
    reader.unknown(raw, TOP_KEYS, "")
    title = reader.text(raw, "title")
    if "title" not in raw:
        reader.error("missing required field 'title'")
    elif title == "":
        reader.error("title is empty", "title")
    summary = reader.text(raw, "summary") or ""
    kind = reader.text(raw, "kind") or "concept"
    if kind not in KINDS:
        reader.error(f"kind must be one of {', '.join(KINDS)}, not {kind!r}", "kind")
    sections = _sections(reader, raw)
    if not summary and not sections and "summary" not in raw and "sections" not in raw:
        reader.error("an entry needs a 'summary' or at least one [[sections]]")
    updated = reader.get(raw, "updated", date, "")
    entry = Entry(
        id=entry_id,
        title=title or entry_id,
        source=source,
        summary=summary,
        kind=kind,
        aliases=reader.strings(raw, "aliases"),
        categories=reader.strings(raw, "categories"),
        see_also=reader.strings(raw, "see_also"),
        updated=updated,
        sections=sections,
        organization=_organization(reader, raw, kind),
        instrument=_instrument(reader, raw, kind),
        contact=_contact(reader, raw),
        legal_bases=_legal_bases(reader, raw),
        references=_references(reader, raw),
    )
    failed = any(problem.is_error for problem in reader.problems)
    return (None if failed else entry), reader.problems


def _items(
    reader: _Reader, raw: dict[str, Any], key: str, known: set[str], required: str
) -> list[tuple[str, dict[str, Any]]]:
    """The tables of the array ``key`` that have their ``required`` field, each with its location."""
    found = []
    for number, item in enumerate(reader.tables(raw, key, known), start=1):
        where = f"{key}[{number}]."
        if reader.text(item, required, where):
            found.append((where, item))
        else:
            reader.error(f"{where}{required} is required", key)
    return found


def _sections(reader: _Reader, raw: dict[str, Any]) -> tuple[Section, ...]:
    sections: list[Section] = []
    for where, item in _items(reader, raw, "sections", SECTION_KEYS, "title"):
        title = reader.text(item, "title", where) or ""
        key = reader.text(item, "key", where) or slugify(title)
        if key in {section.key for section in sections}:
            reader.error(f"duplicate section key {key!r}", "key")
        sections.append(Section(key=key, title=title, text=reader.text(item, "text", where) or ""))
    return tuple(sections)


def _figure(reader: _Reader, table: dict[str, Any], key: str, where: str) -> Figure | None:
    value = reader.table(table, key, FIGURE_KEYS, where)
    if value is None:
        return None
    count = reader.get(value, "count", int, f"{where}{key}.")
    if count is None:
        reader.error(f"{where}{key}.count is required", key)
        return None
    return Figure(count=count, as_of=reader.get(value, "as_of", int, f"{where}{key}."))


def _facts(reader: _Reader, raw: dict[str, Any], name: str, known: set[str], kind: str) -> dict[str, Any] | None:
    """The [organization] or [instrument] table, with a warning when the entry is of another kind."""
    table = reader.table(raw, name, known)
    if table is not None and kind != name:
        reader.warn(f"[{name}] facts on an entry whose kind is not {name!r}", name)
    return table


def _head(reader: _Reader, table: dict[str, Any]) -> Head | None:
    raw = reader.table(table, "head", HEAD_KEYS, "organization.")
    if raw is None:
        return None
    where = "organization.head."
    name = reader.text(raw, "name", where)
    if not name:
        reader.error(f"{where}name is required", "head")
        return None
    return Head(name=name, title=reader.text(raw, "title", where), since=reader.get(raw, "since", date, where))


def _budget(reader: _Reader, table: dict[str, Any]) -> Budget | None:
    raw = reader.table(table, "budget", BUDGET_KEYS, "organization.")
    if raw is None:
        return None
    where = "organization.budget."
    amount = reader.get(raw, "amount", (int, float), where)
    if amount is None:
        reader.error(f"{where}amount is required", "budget")
        return None
    return Budget(
        amount=float(amount),
        currency=reader.text(raw, "currency", where),
        year=reader.get(raw, "year", int, where),
        note=reader.text(raw, "note", where),
    )


def _organization(reader: _Reader, raw: dict[str, Any], kind: str) -> OrganizationFacts | None:
    table = _facts(reader, raw, "organization", ORG_KEYS, kind)
    if table is None:
        return None
    where = "organization."
    return OrganizationFacts(
        founded=reader.get(table, "founded", int, where),
        headquarters=reader.text(table, "headquarters", where),
        head=_head(reader, table),
        members=_figure(reader, table, "members", where),
        budget=_budget(reader, table),
        staff=_figure(reader, table, "staff", where),
    )


def _instrument(reader: _Reader, raw: dict[str, Any], kind: str) -> InstrumentFacts | None:
    table = _facts(reader, raw, "instrument", INSTRUMENT_KEYS, kind)
    if table is None:
        return None
    where = "instrument."
    return InstrumentFacts(
        adopted=reader.get(table, "adopted", date, where),
        in_force=reader.get(table, "in_force", date, where),
        parties=_figure(reader, table, "parties", where),
        depositary=reader.text(table, "depositary", where),
        binding=reader.get(table, "binding", bool, where),
    )


def _contact(reader: _Reader, raw: dict[str, Any]) -> Contact | None:
    table = reader.table(raw, "contact", CONTACT_KEYS)
    if table is None:
        return None
    return Contact(**{key: reader.text(table, key, "contact.") for key in sorted(CONTACT_KEYS)})


def _legal_bases(reader: _Reader, raw: dict[str, Any]) -> tuple[LegalBasis, ...]:
    return tuple(
        LegalBasis(
            instrument=reader.text(item, "instrument", where) or "",
            entry=reader.text(item, "entry", where),
            articles=reader.text(item, "articles", where),
            note=reader.text(item, "note", where),
        )
        for where, item in _items(reader, raw, "legal_bases", BASIS_KEYS, "instrument")
    )


def _references(reader: _Reader, raw: dict[str, Any]) -> tuple[Reference, ...]:
    return tuple(
        Reference(
            title=reader.text(item, "title", where) or "",
            author=reader.text(item, "author", where),
            year=reader.get(item, "year", int, where),
            url=reader.text(item, "url", where),
        )
        for where, item in _items(reader, raw, "references", REFERENCE_KEYS, "title")
    )
