"""Rich renderables for a terminal. Imported only when output goes to one.

Entry text is always wrapped in :class:`rich.text.Text` (never parsed as markup) after
:func:`clean` has removed control sequences.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from hlaw_cli import render
from hlaw_cli.model import Citation, Entry, Graph, Hit, Link, Problem, Related, Summary
from hlaw_cli.text import clean, split_xrefs


def _prose(text: str, known: set[str], style: str = "") -> Text:
    """Entry text with cross-references to existing entries styled as links."""
    result = Text(style=style)
    for piece, target in split_xrefs(text):
        result.append(clean(piece), style="underline cyan" if target in known else "")
    return result


def _heading(title: str) -> Text:
    return Text("\n" + clean(title), style="bold underline")


def _key_values(rows: list[tuple[str, str]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for label, value in rows:
        table.add_row(label, Text(value))
    return table


def _links(links: tuple[Link, ...]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="cyan", no_wrap=True)
    table.add_column()
    for link in links:
        table.add_row(clean(link.id), Text(clean(link.title)))
    return table


def _bullets(items: list[str]) -> Group:
    return Group(*(Text("• ") + Text(item) for item in items))


def entry_view(related: Related, categories: dict[str, str], sections: tuple[str, ...] = ()) -> RenderableType:
    entry = related.entry
    known = {link.id for link in (*related.see_also, *related.mentions)}
    parts: list[RenderableType] = [
        Text(clean(entry.title), style="bold"),
        Text(render.subtitle(entry, categories), style="dim"),
    ]
    if not sections:
        if entry.summary:
            parts.append(Padding(_prose(entry.summary, known, "italic"), (1, 0, 0, 0)))
        if render.facts(entry):
            parts.append(Padding(_key_values(render.facts(entry)), (1, 0, 0, 0)))
    for section in entry.sections:
        if not sections or section.key in sections:
            parts += [_heading(section.title), _prose(section.text, known)]
    if not sections:
        parts += _tail(entry, related)
    return Group(*parts)


def _tail(entry: Entry, related: Related) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if entry.legal_bases:
        parts += [_heading("Legal bases"), _bullets([render.legal_basis(b) for b in entry.legal_bases])]
    if entry.references:
        parts += [_heading("Further reading"), _bullets([render.reference(r) for r in entry.references])]
    if render.contact_rows(entry):
        parts += [_heading("Contact"), _key_values(render.contact_rows(entry))]
    if related.see_also:
        parts += [_heading("See also"), _links(related.see_also)]
    if related.mentions:
        parts += [_heading("Also mentioned"), _links(related.mentions)]
    if related.referenced_by:
        parts += [_heading("Referenced by"), _links(related.referenced_by)]
    footer = f"\nhlaw show <id> for any of these · this entry: {entry.id}"
    footer += f" · facts checked {entry.updated.isoformat()}" if entry.updated else ""
    parts.append(Text(footer, style="dim"))
    return parts


def hits_view(hits: list[Hit], numbered: bool = False) -> RenderableType:
    table = Table(box=None, show_header=True, header_style="bold", padding=(0, 1))
    if numbered:
        table.add_column("#", style="bold", justify="right")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("entry")
    for number, hit in enumerate(hits, start=1):
        cell = Text(clean(hit.title), style="bold") + Text(f"  {hit.kind}\n", style="dim")
        snippet = Text(hit.snippet)
        for start, end in hit.marks:
            snippet.stylize("bold yellow", start, end)
        cell.append_text(snippet)
        table.add_row(*([str(number)] if numbered else []), clean(hit.id), cell)
    return table


def cites_view(citations: list[Citation]) -> RenderableType:
    table = Table(box=None, show_header=True, header_style="bold", padding=(0, 1))
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("entry and what it cites")
    for cite in citations:
        table.add_row(clean(cite.id), Text(clean(cite.title), style="bold") + Text("\n" + render.citation(cite)))
    return table


def links_menu(links: list[tuple[str, Link]], help_line: str) -> RenderableType:
    """The numbered links of ``hlaw browse``, grouped, and a line of what can be typed."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold", justify="right")
    table.add_column(style="cyan", no_wrap=True)
    table.add_column()
    group = None
    for number, (name, link) in enumerate(links, start=1):
        if name != group:
            table.add_row("", Text(name, style="dim"), "")
            group = name
        table.add_row(str(number), clean(link.id), Text(clean(link.title)))
    return Group(Text(""), table, Text(f"\n{help_line}", style="dim"))


def list_view(entries: list[Summary], categories: dict[str, str]) -> RenderableType:
    table = Table(box=None, show_header=True, header_style="bold", padding=(0, 1))
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("title")
    table.add_column("kind", style="dim")
    for entry in entries:
        table.add_row(clean(entry.id), Text(clean(entry.title)), entry.kind)
    return table


def related_view(related: Related) -> RenderableType:
    parts: list[RenderableType] = [Text(clean(related.entry.title), style="bold")]
    parts += [_heading("See also"), _links(related.see_also) if related.see_also else Text("none", style="dim")]
    if related.mentions:
        parts += [_heading("Mentioned in the text"), _links(related.mentions)]
    parts += [
        _heading("Referenced by"),
        _links(related.referenced_by) if related.referenced_by else Text("none", style="dim"),
    ]
    return Group(*parts)


def problems_view(problems: list[Problem]) -> RenderableType:
    lines = []
    for problem in problems:
        style = "red" if problem.is_error else "yellow"
        lines.append(Text(render.problem_line(problem), style=style))
    return Group(*lines)


def tree_view(graph: Graph) -> RenderableType:
    from rich.tree import Tree

    titles = {node.id: node.title for node in graph.nodes}
    root = Tree(Text(clean(titles.get(graph.root or "", "")), style="bold"))
    branches = {0: root}
    for level, entry_id, title, kind, note in render.tree_rows(graph):
        label = Text(clean(entry_id), style="cyan") + Text(f"  {clean(title)}")
        if kind == "mention":
            label.append("  in the text", style="dim")
        if note:
            label.append(f"  ↺ {note}", style="dim")
        branches[level] = branches[level - 1].add(label)
    back = render.referrers(graph)
    if back:
        referenced = root.add(Text("referenced by", style="dim"))
        for entry_id, title in back:
            referenced.add(Text("← ", style="dim") + Text(clean(entry_id), style="cyan") + Text(f"  {clean(title)}"))
    return root
