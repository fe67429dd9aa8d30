"""Plain-text rendering, and the pieces of wording shared with the Rich renderer.

Everything here returns strings; nothing prints. Entry text passes through :func:`clean`
so that no terminal control sequence from an entry file reaches the screen.
"""

from __future__ import annotations

from hlaw_cli.model import (
    Budget,
    Citation,
    Edge,
    Entry,
    Figure,
    Folder,
    Graph,
    Hit,
    LegalBasis,
    Link,
    Problem,
    Reference,
    Related,
    Summary,
)
from hlaw_cli.text import clean, strip_xrefs


def prose(text: str) -> str:
    """Entry text as read: cross-references become their labels, controls go."""
    return clean(strip_xrefs(text))


def amount(value: float) -> str:
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:.2f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{value:,.0f}"


def figure(value: Figure) -> str:
    return f"{value.count:,}" + (f" (as of {value.as_of})" if value.as_of else "")


def budget(value: Budget) -> str:
    text = " ".join(part for part in (value.currency, amount(value.amount)) if part)
    details = ", ".join(str(part) for part in (value.year, value.note) if part)
    return text + (f" ({details})" if details else "")


def facts(entry: Entry) -> list[tuple[str, str]]:
    """The organization or instrument facts as (label, value) rows."""
    rows: list[tuple[str, str | None]] = []
    org, ins = entry.organization, entry.instrument
    if org is not None:
        head = org.head
        head_text = None
        if head is not None:
            head_text = head.name + (f", {head.title}" if head.title else "")
            head_text += f" (since {head.since.isoformat()})" if head.since else ""
        rows += [
            ("Founded", str(org.founded) if org.founded else None),
            ("Headquarters", org.headquarters),
            ("Head", head_text),
            ("Members", figure(org.members) if org.members else None),
            ("Budget", budget(org.budget) if org.budget else None),
            ("Staff", figure(org.staff) if org.staff else None),
        ]
    if ins is not None:
        rows += [
            ("Adopted", ins.adopted.isoformat() if ins.adopted else None),
            ("In force", ins.in_force.isoformat() if ins.in_force else None),
            ("Parties", figure(ins.parties) if ins.parties else None),
            ("Depositary", ins.depositary),
            ("Binding", None if ins.binding is None else ("yes" if ins.binding else "no, not a treaty")),
        ]
    return [(label, clean(value)) for label, value in rows if value]


def contact_rows(entry: Entry) -> list[tuple[str, str]]:
    contact = entry.contact
    if contact is None:
        return []
    rows = [
        ("Address", contact.address),
        ("Phone", contact.phone),
        ("Email", contact.email),
        ("Website", contact.website),
    ]
    return [(label, clean(value)) for label, value in rows if value]


def legal_basis(basis: LegalBasis) -> str:
    articles = basis.articles or ""
    text = basis.instrument + (f", art. {articles}" if articles[:1].isdigit() else f", {articles}" if articles else "")
    text += f": {basis.note}" if basis.note else ""
    text += f" → {basis.entry}" if basis.entry else ""
    return clean(text)


def reference(ref: Reference) -> str:
    parts = [ref.title, ref.author, str(ref.year) if ref.year else None]
    text = ", ".join(part for part in parts if part)
    return clean(text + (f". {ref.url}" if ref.url else ""))


def subtitle(entry: Entry, categories: dict[str, str]) -> str:
    names = [categories.get(slug, slug) for slug in entry.categories]
    return clean(" · ".join([entry.kind, *([", ".join(names)] if names else [])]))


def link_line(link: Link) -> str:
    return clean(f"{link.id}: {link.title}")


def _block(heading: str, lines: list[str]) -> list[str]:
    return ["", heading, "-" * len(heading), *lines] if lines else []


def entry_text(related: Related, categories: dict[str, str], sections: tuple[str, ...] = ()) -> str:
    """An entry as plain text; with ``sections``, only those sections."""
    entry = related.entry
    chosen = [s for s in entry.sections if not sections or s.key in sections]
    lines = [clean(entry.title), subtitle(entry, categories)]
    if not sections:
        lines += ["", prose(entry.summary)] if entry.summary else []
        lines += [""] + [f"{label}: {value}" for label, value in facts(entry)] if facts(entry) else []
    for section in chosen:
        lines += _block(clean(section.title), [prose(section.text)])
    if not sections:
        lines += _block("Legal bases", [f"- {legal_basis(b)}" for b in entry.legal_bases])
        lines += _block("Further reading", [f"- {reference(r)}" for r in entry.references])
        lines += _block("Contact", [f"{label}: {value}" for label, value in contact_rows(entry)])
        lines += _block("See also", [f"- {link_line(link)}" for link in related.see_also])
        lines += _block("Also mentioned", [f"- {link_line(link)}" for link in related.mentions])
        lines += _block("Referenced by", [f"- {link_line(link)}" for link in related.referenced_by])
        lines += [
            "",
            f"hlaw id: {entry.id}" + (f" · facts checked {entry.updated.isoformat()}" if entry.updated else ""),
        ]
    return "\n".join(lines)


def hits_text(hits: list[Hit]) -> str:
    return "\n".join(
        f"{clean(h.id)}: {clean(h.title)} ({h.kind}, score {h.score})\n    {clean(h.snippet)}" for h in hits
    )


def citation(cite: Citation) -> str:
    """How an entry cites the instrument: "1951 Refugee Convention, art. 33: note"."""
    return legal_basis(LegalBasis(cite.instrument, articles=cite.articles, note=cite.note))


def cites_text(citations: list[Citation]) -> str:
    return "\n".join(f"{c.id}: {clean(c.title)}\n    {citation(c)}" for c in citations)


def list_text(entries: list[Summary]) -> str:
    return "\n".join(f"{e.id}: {clean(e.title)}" for e in entries)


def related_text(related: Related) -> str:
    lines = [clean(related.entry.title)]
    lines += _block("See also", [link_line(link) for link in related.see_also]) or ["", "See also: none"]
    lines += _block("Mentioned in the text", [link_line(link) for link in related.mentions])
    lines += _block("Referenced by", [link_line(link) for link in related.referenced_by]) or ["", "Referenced by: none"]
    return "\n".join(lines)


def problem_line(problem: Problem) -> str:
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    return clean(f"{where}: {problem.severity}: {problem.message}")


def folders_text(folders: list[Folder]) -> str:
    return "\n".join(f"{f.path}\t{f.origin}" + ("" if f.exists else "\t(missing)") for f in folders)


def tree_rows(graph: Graph) -> list[tuple[int, str, str, str, str]]:
    """(level, id, title, link kind, note) for the links out of the root, depth first.

    An entry is expanded once, at the level where it is nearest the root; anywhere else it is
    listed with a note ("see above" or "listed elsewhere"), so cycles end and depths hold.
    """
    nodes = {node.id: node for node in graph.nodes}
    out: dict[str, list[Edge]] = {}
    for edge in graph.edges:
        out.setdefault(edge.source, []).append(edge)
    rows: list[tuple[int, str, str, str, str]] = []
    shown = {graph.root}

    def walk(source: str, level: int) -> None:
        for edge in out.get(source, []):
            node = nodes.get(edge.target)
            if node is None:
                continue
            if edge.target in shown:
                note = "see above"
            elif node.depth < level:
                note = "listed elsewhere"
            else:
                note = ""
            rows.append((level, node.id, node.title, edge.kind, note))
            if not note:
                shown.add(node.id)
                if level < graph.depth:
                    walk(node.id, level + 1)

    if graph.root is not None:
        walk(graph.root, 1)
    return rows


def referrers(graph: Graph) -> list[tuple[str, str]]:
    titles = {node.id: node.title for node in graph.nodes}
    found = dict.fromkeys(e.source for e in graph.edges if e.target == graph.root and e.source != graph.root)
    return [(source, titles[source]) for source in found if source in titles]


def tree_text(graph: Graph) -> str:
    titles = {node.id: node.title for node in graph.nodes}
    lines = [clean(titles.get(graph.root or "", ""))]
    for level, entry_id, title, kind, note in tree_rows(graph):
        notes = " (in the text)" if kind == "mention" else ""
        notes += f" ({note})" if note else ""
        lines.append(f"{'  ' * level}- {entry_id}: {clean(title)}{notes}")
    back = referrers(graph)
    if back:
        lines += ["", "Referenced by:", *(f"  <- {entry_id}: {clean(title)}" for entry_id, title in back)]
    return "\n".join(lines)
