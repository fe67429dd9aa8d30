"""Commands for contributors and housekeeping: check, path, cache path and cache clear.

No ``from __future__ import annotations``: Typer reads these annotations on every run.
"""

from typing import Any

import typer

from hlaw_cli import output
from hlaw_cli.app import app
from hlaw_cli.errors import EXIT_DATA, HlawError
from hlaw_cli.options import (
    Entries,
    Json,
    epilog,
)


@app.command(epilog=epilog("hlaw check", "hlaw check --entries ./my-entries", "hlaw check --json"))
def check(json: Json = False, entries: Entries = None) -> None:
    """Validate every entry in every folder; exit 3 if any has an error."""
    from hlaw_cli import render
    from hlaw_cli.store import load_corpus

    corpus = load_corpus(entries or ())
    problems = corpus.problems
    errors = sum(problem.is_error for problem in problems)
    if json:
        from hlaw_cli.jsonout import problems_data

        output.json(problems_data(problems))
    else:

        def fancy() -> Any:
            from hlaw_cli.render_rich import problems_view

            return problems_view(problems)

        output.show(lambda: "\n".join(render.problem_line(p) for p in problems), fancy)
    total = len(corpus.entries) + len(corpus.broken)
    warnings = len(problems) - errors
    output.message(
        f"hlaw: checked {total} entries in {len(corpus.folders)} folders: {errors} errors, {warnings} warnings"
    )
    if errors:
        raise typer.Exit(EXIT_DATA)


@app.command(epilog=epilog("hlaw path", "HLAW_ENTRIES=~/notes hlaw path --json"))
def path(json: Json = False, entries: Entries = None) -> None:
    """List the entry folders in effect, in override order (later ones win)."""
    from hlaw_cli import render
    from hlaw_cli.folders import entry_folders

    folders = entry_folders(entries or ())
    if json:
        from hlaw_cli.jsonout import folders_data

        output.json(folders_data(folders))
    else:
        output.text(render.folders_text(folders))


cache_app = typer.Typer(
    name="cache",
    help="The search index hlaw keeps in your cache folder (an optimisation; the entry files stay the source).",
    no_args_is_help=True,
)
app.add_typer(cache_app)


@cache_app.command("path", epilog=epilog("hlaw cache path", "hlaw cache path --entries ./my-entries"))
def cache_path(entries: Entries = None) -> None:
    """Print where the index for the current entry folders is kept."""
    from hlaw_cli.folders import entry_folders
    from hlaw_cli.index import cache_file

    found = cache_file(entry_folders(entries or ()))
    if found is None:
        raise HlawError("no cache folder: set XDG_CACHE_HOME or HOME")
    output.text(str(found))


@cache_app.command("clear", epilog=epilog("hlaw cache clear"))
def cache_clear() -> None:
    """Delete every index; the next command rebuilds what it needs."""
    from hlaw_cli.index import clear_cache

    removed = clear_cache()
    output.message(f"hlaw: removed {len(removed)} index file{'s' if len(removed) != 1 else ''}")
