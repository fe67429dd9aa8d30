"""Commands that read entries: show, search, list and cites.

No ``from __future__ import annotations``: Typer reads these annotations on every run.
"""

from typing import Annotated, Any, Optional

import typer

from hlaw_cli import output
from hlaw_cli.app import app
from hlaw_cli.errors import NotFoundError, UsageError
from hlaw_cli.options import (
    Category,
    Entries,
    Format,
    Json,
    Kind,
    Pager,
    complete_ids,
    complete_sections,
    epilog,
    load,
)
from hlaw_cli.text import shorten


def _chosen_format(fmt: str | None, json: bool) -> str:
    if json and fmt not in (None, "json"):
        raise UsageError(f"--json and --format {fmt} ask for different outputs; give one")
    return "json" if json else fmt or "text"


@app.command(
    epilog=epilog(
        "hlaw show iom",
        "hlaw show oim --section funding",
        "hlaw show iom --json",
        "hlaw show refugees asylum --format markdown > briefing.md",
    )
)
def show(
    names: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME...",
            help="Entry ids, titles or aliases (case and accents do not matter); several are shown in turn.",
            autocompletion=complete_ids,
        ),
    ],
    section: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--section",
            "-s",
            metavar="KEY",
            help="Only this section (repeatable), e.g. funding.",
            autocompletion=complete_sections,
        ),
    ] = None,
    fmt: Annotated[
        Optional[Format],  # noqa: UP045
        typer.Option("--format", "-f", help="text (default; formatted on a terminal), markdown or json."),
    ] = None,
    json: Json = False,
    pager: Pager = True,
    entries: Entries = None,
) -> None:
    """Show entries: summary, facts, sections, legal bases, reading, see also."""
    from hlaw_cli.library import lookup_many

    chosen = _chosen_format(fmt, json)
    library = load(entries)
    sections = tuple(section or ())
    found = lookup_many(library, names, sections)
    if chosen == "json":
        from hlaw_cli.jsonout import entry_data

        data = [entry_data(item, sections) for item in found]
        output.json(data[0] if len(data) == 1 else data)
    elif chosen == "markdown":
        from hlaw_cli.formats import entry_markdown

        output.text("\n---\n\n".join(entry_markdown(item, library.categories, sections) for item in found))
    else:
        from hlaw_cli import render

        def fancy() -> Any:
            from rich.console import Group
            from rich.rule import Rule

            from hlaw_cli.render_rich import entry_view

            views: list[Any] = []
            for item in found:
                views += [Rule(style="dim")] if views else []
                views.append(entry_view(item, library.categories, sections))
            return Group(*views)

        def plain() -> str:
            separator = "\n\n" + "=" * 72 + "\n\n"
            return separator.join(render.entry_text(item, library.categories, sections) for item in found)

        output.show(plain, fancy, pager=pager)


@app.command(epilog=epilog("hlaw search migrant", "hlaw search refugess --limit 3", "hlaw search camp --json"))
def search(
    query: Annotated[str, typer.Argument(help="Words to look for; typos are tolerated.")],
    limit: Annotated[int, typer.Option(min=1, max=1000, help="At most this many results.")] = 10,
    category: Category = None,
    kind: Kind = None,
    json: Json = False,
    entries: Entries = None,
) -> None:
    """Search titles, aliases, summaries and text; best matches first."""
    from hlaw_cli import render
    from hlaw_cli.search import search as run_search

    hits = run_search(load(entries), query, limit, category, kind)
    if json:
        from hlaw_cli.jsonout import hits_data

        output.json(hits_data(hits))
    if not hits:
        raise NotFoundError(f"no entry matches {shorten(query)!r}")
    if not json:

        def fancy() -> Any:
            from hlaw_cli.render_rich import hits_view

            return hits_view(hits)

        output.show(lambda: render.hits_text(hits), fancy)


@app.command(
    "list", epilog=epilog("hlaw list", "hlaw list --category displacement", "hlaw list --kind organization --json")
)
def list_(category: Category = None, kind: Kind = None, json: Json = False, entries: Entries = None) -> None:
    """List entries, optionally of one category or kind."""
    from hlaw_cli import render
    from hlaw_cli.library import filtered

    library = load(entries)
    found = filtered(library, category, kind)
    if json:
        from hlaw_cli.jsonout import list_data

        output.json(list_data(found))
        return

    def fancy() -> Any:
        from hlaw_cli.render_rich import list_view

        return list_view(found, library.categories)

    output.show(lambda: render.list_text(found), fancy)


@app.command(epilog=epilog("hlaw cites gc-iv", "hlaw cites gc-iv --article 49", "hlaw cites refugee-convention --json"))
def cites(
    name: Annotated[str, typer.Argument(help="The instrument's id, title or alias, e.g. gc-iv.")],
    article: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(metavar="N", help='Only entries citing this article: "49", "art. 49" and "49(1)" all match.'),
    ] = None,
    json: Json = False,
    entries: Entries = None,
) -> None:
    """List the entries whose legal bases cite an instrument, with the articles each relies on."""
    from hlaw_cli import render
    from hlaw_cli.cites import cites as find_cites

    instrument, found = find_cites(load(entries), name, article)
    if json:
        from hlaw_cli.jsonout import cites_data

        output.json(cites_data(found))
    if not found:
        raise NotFoundError(f"no entry cites {instrument!r}" + (f" article {shorten(article)}" if article else ""))
    if not json:

        def fancy() -> Any:
            from hlaw_cli.render_rich import cites_view

            return cites_view(found)

        output.show(lambda: render.cites_text(found), fancy)
