"""The link graph: an entry's neighbourhood a few steps out, or the whole corpus."""

from __future__ import annotations

from hlaw_cli.errors import UsageError
from hlaw_cli.library import Library, find_entry, lookup
from hlaw_cli.model import Edge, Graph, Node, Related

MAX_DEPTH = 3


def neighbourhood(library: Library, name: str, depth: int = 1) -> Graph:
    """The entry, what it links to up to ``depth`` steps, and the entries that link to it."""
    if not 1 <= depth <= MAX_DEPTH:
        raise UsageError(f"--depth must be between 1 and {MAX_DEPTH}, not {depth}")
    root = find_entry(library, name).id
    levels = {root: 0}
    edges: list[Edge] = []
    frontier = [root]
    for level in range(1, depth + 1):
        found = library.edges_from(frontier)
        edges += found
        frontier = [edge.target for edge in found if edge.target not in levels]
        for target in frontier:
            levels.setdefault(target, level)
        frontier = list(dict.fromkeys(frontier))
    incoming = [edge for edge in library.edges_to(root) if edge.source != root]
    for edge in incoming:
        levels.setdefault(edge.source, 1)
    edges += [edge for edge in incoming if edge not in edges]
    titles = library.titles(list(levels))
    nodes = tuple(Node(i, titles[i], level) for i, level in levels.items() if i in titles)
    return Graph(root, nodes, tuple(edges), depth)


def whole_graph(library: Library) -> Graph:
    nodes = tuple(Node(s.id, s.title, 0) for s in library.summaries())
    return Graph(None, nodes, tuple(library.all_edges()))


def links_of(library: Library, name: str, depth: int = 1) -> tuple[Related, Graph]:
    """An entry's direct links, and its neighbourhood ``depth`` steps out."""
    return lookup(library, name), neighbourhood(library, name, depth)


def graph_of(library: Library, name: str | None, depth: int = 2) -> Graph:
    """The link graph around one entry, or of the whole corpus."""
    return whole_graph(library) if name is None else neighbourhood(library, name, depth)
