"""Commands that follow links: related, browse and graph.

No ``from __future__ import annotations``: Typer reads these annotations on every run.
"""

from typing import Annotated, Any, Literal, Optional

import typer

from hlaw_cli import output
from hlaw_cli.app import app
from hlaw_cli.options import (
    Entries,
    Json,
    Pager,
    complete_ids,
    epilog,
    load,
)


@app.command(epilog=epilog("hlaw related iom", "hlaw related refugees --depth 2", "hlaw related refugees --json"))
def related(
    name: Annotated[str, typer.Argument(help="An entry id, title or alias.", autocompletion=complete_ids)],
    depth: Annotated[int, typer.Option(min=1, max=3, help="Follow links this many steps out (1 to 3).")] = 1,
    json: Json = False,
    entries: Entries = None,
) -> None:
    """Show an entry's links: see also, cross-references in its text, and the entries that link to it."""
    from hlaw_cli import render
    from hlaw_cli.graph import links_of

    found, graph = links_of(load(entries), name, depth)
    if json:
        from hlaw_cli.jsonout import graph_data, related_data

        output.json({**related_data(found), **graph_data(graph)})
        return

    def fancy() -> Any:
        from hlaw_cli.render_rich import related_view, tree_view

        return related_view(found) if depth == 1 else tree_view(graph)

    output.show(lambda: render.related_text(found) if depth == 1 else render.tree_text(graph), fancy)


@app.command(epilog=epilog("hlaw browse iom", "hlaw browse", "hlaw browse refugees --no-pager"))
def browse(
    name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(help="The entry to start from; without one, start with a search.", autocompletion=complete_ids),
    ] = None,
    pager: Pager = True,
    entries: Entries = None,
) -> None:
    """Read interactively: follow see-also links by number, b to go back, /words to search, q to quit.

    Needs a terminal (exit 2 otherwise). Ctrl-C and Ctrl-D leave quietly.
    """
    from hlaw_cli.browse import browse as run_browse
    from hlaw_cli.browse import require_terminal

    require_terminal()
    run_browse(load(entries), name, pager)


@app.command(
    epilog=epilog(
        "hlaw graph iom --format dot | dot -Tsvg > iom.svg",
        "hlaw graph refugees --depth 1 --format mermaid",
        "hlaw graph --format dot > corpus.dot",
    )
)
def graph(
    name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            help="Center the graph on this entry; the whole corpus if left out.", autocompletion=complete_ids
        ),
    ] = None,
    fmt: Annotated[
        Literal["dot", "mermaid"], typer.Option("--format", "-f", help="dot (Graphviz) or mermaid.")
    ] = "dot",
    depth: Annotated[int, typer.Option(min=1, max=3, help="Steps out from the entry (1 to 3).")] = 2,
    entries: Entries = None,
) -> None:
    """Print the link graph for Graphviz or Mermaid: see-also links solid, cross-references dashed."""
    from hlaw_cli.formats import graph_dot, graph_mermaid
    from hlaw_cli.graph import graph_of

    found = graph_of(load(entries), name, depth)
    output.text(graph_dot(found) if fmt == "dot" else graph_mermaid(found))
