"""The stable JSON shapes of every command (documented in docs/json.md)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from hlaw_cli.model import Citation, Folder, Graph, Hit, Link, Problem, Related, Summary
from hlaw_cli.record import fields, is_record

_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029]")


def plain(value: Any) -> Any:
    """Dataclasses, dates, paths and tuples as JSON-ready values (field order kept)."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if is_record(value):
        return {name: plain(getattr(value, name)) for name in fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value


def dumps(data: Any) -> str:
    """Pretty JSON; controls (C0, DEL, C1) always escaped, other text readable as UTF-8."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _links(links: tuple[Link, ...]) -> list[dict[str, str]]:
    return [{"id": link.id, "title": link.title} for link in links]


def entry_data(related: Related, sections: tuple[str, ...] = ()) -> dict[str, Any]:
    """The whole entry; with ``sections``, only those sections in ``sections``."""
    entry = related.entry
    data = plain(entry)
    data.pop("source")
    if sections:
        data["sections"] = [s for s in data["sections"] if s["key"] in sections]
    return {
        "id": entry.id,
        **{key: value for key, value in data.items() if key != "id"},
        "see_also": _links(related.see_also),
        "mentions": _links(related.mentions),
        "referenced_by": _links(related.referenced_by),
        "source": str(entry.source),
    }


def hits_data(hits: list[Hit]) -> list[dict[str, Any]]:
    return [{"id": h.id, "title": h.title, "kind": h.kind, "score": h.score, "snippet": h.snippet} for h in hits]


def cites_data(citations: list[Citation]) -> list[dict[str, Any]]:
    return [plain(c) for c in citations]


def list_data(entries: list[Summary]) -> list[dict[str, Any]]:
    return [
        {"id": e.id, "title": e.title, "kind": e.kind, "categories": list(e.categories), "summary": e.summary}
        for e in entries
    ]


def related_data(related: Related) -> dict[str, Any]:
    return {
        "id": related.entry.id,
        "title": related.entry.title,
        "see_also": _links(related.see_also),
        "mentions": _links(related.mentions),
        "referenced_by": _links(related.referenced_by),
    }


def problems_data(problems: list[Problem]) -> list[dict[str, Any]]:
    return [{"file": p.file, "line": p.line, "message": p.message, "severity": p.severity} for p in problems]


def folders_data(folders: list[Folder]) -> list[dict[str, Any]]:
    return [{"path": str(f.path), "origin": f.origin, "exists": f.exists} for f in folders]


def graph_data(graph: Graph) -> dict[str, Any]:
    return {
        "root": graph.root,
        "nodes": [{"id": n.id, "title": n.title, "depth": n.depth} for n in graph.nodes],
        "edges": [{"from": e.source, "to": e.target, "kind": e.kind} for e in graph.edges],
    }
