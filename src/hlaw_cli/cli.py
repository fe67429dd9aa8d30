"""The command line: parse arguments, call one core function, pick a renderer, set the exit code.

No ``from __future__ import annotations`` here: Typer reads these annotations on every run,
and real objects cost nothing to read where strings must be evaluated (about 10 ms).
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Optional

import typer
from typer.core import TyperGroup

from hlaw_cli import __version__, output
from hlaw_cli.errors import EXIT_DATA, HlawError, NotFoundError
from hlaw_cli.model import Problem
from hlaw_cli.text import shorten

if TYPE_CHECKING:
    from hlaw_cli.library import Library

EXIT_CODES = "Exit codes: 0 ok, 1 not found or no result, 2 usage error, 3 invalid entry data."


def _epilog(*examples: str) -> str:
    return "Examples:\n\n" + "\n".join(f"  {example}" for example in examples) + f"\n\n{EXIT_CODES}"


class _Group(TyperGroup):
    """Map hlaw's errors to messages on stderr and exit codes, in one place."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except HlawError as err:
            output.message(f"hlaw: {err}")
            if isinstance(err, NotFoundError) and err.suggestions:
                output.message("did you mean: " + ", ".join(err.suggestions) + "?")
            raise typer.Exit(err.exit_code) from None
        except output.PipeClosed as err:
            raise typer.Exit(err.exit_code) from None


app = typer.Typer(
    cls=_Group,
    name="hlaw",
    help="An offline reference to humanitarian law: concepts, organizations and legal instruments.",
    epilog=_epilog(
        "hlaw show iom                    # an entry, in sections",
        "hlaw show oim --section funding  # one section; ids, titles and aliases all work",
        "hlaw search migrant              # ranked, typo-tolerant search",
        "hlaw show iom --json | jq .      # every command speaks JSON",
        "hlaw list --kind organization",
        "hlaw related refugees            # see-also links, both ways",
        "hlaw cites gc-iv --article 49    # who relies on an article",
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Json = Annotated[bool, typer.Option("--json", help="Print JSON on stdout (stable shapes: docs/json.md).")]
Entries = Annotated[
    Optional[list[Path]],  # noqa: UP045 - Typer needs Optional on Python 3.10
    typer.Option(
        "--entries",
        metavar="DIR",
        help="Also read entries from DIR (repeatable; later folders override earlier ones).",
        exists=True,
        file_okay=False,
        dir_okay=True,
        resolve_path=True,
    ),
]
Category = Annotated[Optional[str], typer.Option(help="Only entries in this category, e.g. displacement.")]  # noqa: UP045
Kind = Annotated[
    Optional[Literal["concept", "organization", "instrument"]],  # noqa: UP045
    typer.Option(help="Only entries of this kind."),
]


def _load(entries: list[Path] | None) -> "Library":
    """Open the entries; say on stderr, one line a file, which files are wrong (``check`` tells all)."""
    from hlaw_cli.library import open_library

    library = open_library(entries or ())
    by_file: dict[str, list[Problem]] = {}
    for problem in library.problems:
        if problem.is_error:
            by_file.setdefault(problem.file, []).append(problem)
    if by_file:
        from hlaw_cli.render import problem_line
    for problems in by_file.values():
        more = f" (and {len(problems) - 1} more; see hlaw check)" if len(problems) > 1 else ""
        output.message(f"hlaw: {problem_line(problems[0])}{more}")
    return library


def _version(value: bool) -> None:
    if value:
        output.text(f"hlaw {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """An offline reference to humanitarian law: concepts, organizations and legal instruments."""


@app.command(epilog=_epilog("hlaw show iom", "hlaw show oim --section funding", "hlaw show iom --json"))
def show(
    name: Annotated[str, typer.Argument(help="An entry id, title or alias (case and accents do not matter).")],
    section: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--section", "-s", metavar="KEY", help="Only this section (repeatable), e.g. funding."),
    ] = None,
    json: Json = False,
    entries: Entries = None,
) -> None:
    """Show one entry: summary, facts, sections, legal bases, reading, see also."""
    from hlaw_cli.library import lookup

    library = _load(entries)
    sections = tuple(section or ())
    found = lookup(library, name, sections)
    if json:
        from hlaw_cli.jsonout import entry_data

        output.json(entry_data(found, sections))
        return
    from hlaw_cli import render

    def fancy() -> Any:
        from hlaw_cli.render_rich import entry_view

        return entry_view(found, library.categories, sections)

    output.show(lambda: render.entry_text(found, library.categories, sections), fancy)


@app.command(epilog=_epilog("hlaw search migrant", "hlaw search refugess --limit 3", "hlaw search camp --json"))
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

    hits = run_search(_load(entries), query, limit, category, kind)
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
    "list", epilog=_epilog("hlaw list", "hlaw list --category displacement", "hlaw list --kind organization --json")
)
def list_(category: Category = None, kind: Kind = None, json: Json = False, entries: Entries = None) -> None:
    """List entries, optionally of one category or kind."""
    from hlaw_cli import render
    from hlaw_cli.library import filtered

    library = _load(entries)
    found = filtered(library, category, kind)
    if json:
        from hlaw_cli.jsonout import list_data

        output.json(list_data(found))
        return

    def fancy() -> Any:
        from hlaw_cli.render_rich import list_view

        return list_view(found, library.categories)

    output.show(lambda: render.list_text(found), fancy)


@app.command(epilog=_epilog("hlaw related iom", "hlaw related refugees --json"))
def related(
    name: Annotated[str, typer.Argument(help="An entry id, title or alias.")],
    json: Json = False,
    entries: Entries = None,
) -> None:
    """Show an entry's see-also links and the entries that link to it."""
    from hlaw_cli import render
    from hlaw_cli.library import lookup

    found = lookup(_load(entries), name)
    if json:
        from hlaw_cli.jsonout import related_data

        output.json(related_data(found))
        return

    def fancy() -> Any:
        from hlaw_cli.render_rich import related_view

        return related_view(found)

    output.show(lambda: render.related_text(found), fancy)


@app.command(
    epilog=_epilog("hlaw cites gc-iv", "hlaw cites gc-iv --article 49", "hlaw cites refugee-convention --json")
)
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

    instrument, found = find_cites(_load(entries), name, article)
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


@app.command(epilog=_epilog("hlaw check", "hlaw check --entries ./my-entries", "hlaw check --json"))
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


@app.command(epilog=_epilog("hlaw path", "HLAW_ENTRIES=~/notes hlaw path --json"))
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


@cache_app.command("path", epilog=_epilog("hlaw cache path", "hlaw cache path --entries ./my-entries"))
def cache_path(entries: Entries = None) -> None:
    """Print where the index for the current entry folders is kept."""
    from hlaw_cli.folders import entry_folders
    from hlaw_cli.index import cache_file

    found = cache_file(entry_folders(entries or ()))
    if found is None:
        raise HlawError("no cache folder: set XDG_CACHE_HOME or HOME")
    output.text(str(found))


@cache_app.command("clear", epilog=_epilog("hlaw cache clear"))
def cache_clear() -> None:
    """Delete every index; the next command rebuilds what it needs."""
    from hlaw_cli.index import clear_cache

    removed = clear_cache()
    output.message(f"hlaw: removed {len(removed)} index file{'s' if len(removed) != 1 else ''}")


def main() -> None:
    """The console script: no traceback for Ctrl-C or a closed pipe, wherever they happen."""
    import os
    import sys

    try:
        try:
            app(prog_name="hlaw")
        finally:
            sys.stdout.flush()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)
