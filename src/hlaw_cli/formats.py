"""Documents for other tools: an entry as Markdown, the link graph as Graphviz DOT or Mermaid.

Pure functions returning strings; entry text is escaped for each format.
"""

from __future__ import annotations

import re

from hlaw_cli import render
from hlaw_cli.model import Graph, Related
from hlaw_cli.text import clean, split_xrefs

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: str) -> str:
    """Text shown literally by a Markdown renderer: no emphasis, links, HTML or tables by accident."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", clean(text))


def _md_prose(text: str, known: set[str]) -> str:
    return "".join(f"[{md(piece)}](#{target})" if target in known else md(piece) for piece, target in split_xrefs(text))


def _md_links(title: str, links: list[tuple[str, str]]) -> list[str]:
    if not links:
        return []
    return ["", f"## {title}", "", *(f"- [{md(label)}](#{target}) (`{target}`)" for target, label in links)]


def entry_markdown(related: Related, categories: dict[str, str], sections: tuple[str, ...] = ()) -> str:
    """One entry as a Markdown document, ready to paste into a briefing."""
    entry = related.entry
    known = {link.id for link in (*related.see_also, *related.mentions)}
    lines = [f'<a id="{entry.id}"></a>', "", f"# {md(entry.title)}", "", f"*{md(render.subtitle(entry, categories))}*"]
    if not sections:
        lines += ["", _md_prose(entry.summary, known)] if entry.summary else []
        facts = render.facts(entry)
        if facts:
            lines += ["", "| | |", "|---|---|", *(f"| {md(label)} | {md(value)} |" for label, value in facts)]
    for section in entry.sections:
        if not sections or section.key in sections:
            lines += ["", f"## {md(section.title)}", "", _md_prose(section.text, known)]
    if not sections:
        if entry.legal_bases:
            lines += ["", "## Legal bases", "", *(f"- {md(render.legal_basis(b))}" for b in entry.legal_bases)]
        if entry.references:
            lines += ["", "## Further reading", "", *(f"- {md(render.reference(r))}" for r in entry.references)]
        contact = render.contact_rows(entry)
        if contact:
            lines += ["", "## Contact", "", *(f"- **{label}:** {md(value)}" for label, value in contact)]
        lines += _md_links("See also", [(link.id, link.title) for link in related.see_also])
        lines += _md_links("Also mentioned", [(link.id, link.title) for link in related.mentions])
        lines += _md_links("Referenced by", [(link.id, link.title) for link in related.referenced_by])
        checked = f" · facts checked {entry.updated.isoformat()}" if entry.updated else ""
        lines += ["", f"*From hlaw, entry `{entry.id}`{checked}.*"]
    return "\n".join(lines) + "\n"


def _dot_string(text: str) -> str:
    return '"' + clean(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def graph_dot(graph: Graph) -> str:
    """The graph for Graphviz: ``hlaw graph iom --format dot | dot -Tsvg > iom.svg``."""
    lines = ["digraph hlaw {", "  rankdir=LR;", '  node [shape=box, style=rounded, fontname="Helvetica"];']
    for node in graph.nodes:
        extra = ", penwidth=2" if node.id == graph.root else ""
        lines.append(f"  {_dot_string(node.id)} [label={_dot_string(node.title)}{extra}];")
    for edge in graph.edges:
        style = " [style=dashed]" if edge.kind == "mention" else ""
        lines.append(f"  {_dot_string(edge.source)} -> {_dot_string(edge.target)}{style};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_label(text: str) -> str:
    return '"' + clean(text).replace('"', "#quot;").replace("\n", " ") + '"'


def graph_mermaid(graph: Graph) -> str:
    """The graph for Mermaid (GitHub, GitLab and many wikis render it)."""
    names = {node.id: f"n{number}" for number, node in enumerate(graph.nodes)}
    lines = ["graph LR"]
    lines += [f"  {names[node.id]}[{_mermaid_label(node.title)}]" for node in graph.nodes]
    for edge in graph.edges:
        arrow = "-.->" if edge.kind == "mention" else "-->"
        lines.append(f"  {names[edge.source]} {arrow} {names[edge.target]}")
    return "\n".join(lines) + "\n"
