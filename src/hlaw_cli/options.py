"""What the commands share: option types, help epilogs, completion, and opening the entries.

Typer wiring only, like ``cli``; kept apart so that ``cli`` holds just the commands. No
``from __future__ import annotations``: Typer reads these annotations on every run.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, Optional

import typer

from hlaw_cli import output
from hlaw_cli.model import Problem

if TYPE_CHECKING:
    from hlaw_cli.library import Library

EXIT_CODES = "Exit codes: 0 ok, 1 not found or no result, 2 usage error, 3 invalid entry data."


def epilog(*examples: str) -> str:
    return "Examples:\n\n" + "\n".join(f"  {example}" for example in examples) + f"\n\n{EXIT_CODES}"


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


def load(entries: list[Path] | None) -> "Library":
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


def complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Entry ids for shell completion; silent on any failure, since it runs inside the shell."""
    try:
        from hlaw_cli.library import open_library

        library = open_library(ctx.params.get("entries") or ())
        return [summary.id for summary in library.summaries() if summary.id.startswith(incomplete)]
    except Exception:  # a completion must never print a traceback into the shell
        return []


_TAKES_VALUE = {"-s", "--section", "-f", "--format", "--entries"}


def names_typed(ctx: typer.Context) -> list[str]:
    """The entry names typed after ``show`` so far. While an option's value is being completed the
    parser has not filled them in, so the words the shell passed are read instead."""
    import os
    import shlex

    if ctx.params.get("names"):
        return list(ctx.params["names"])
    raw = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS") or ""
    try:
        words = shlex.split(raw)
    except ValueError:
        words = raw.split()
    if "show" not in words:
        return []
    names, expect_value = [], False
    for word in words[words.index("show") + 1 :]:
        if expect_value:
            expect_value = False
        elif word in _TAKES_VALUE:
            expect_value = True
        elif not word.startswith("-"):
            names.append(word)
    return names


def complete_sections(ctx: typer.Context, incomplete: str) -> list[str]:
    """Section keys of the entries named so far on the command line."""
    try:
        from hlaw_cli.library import find_entry, open_library

        library = open_library(ctx.params.get("entries") or ())
        keys = [s.key for name in names_typed(ctx) for s in find_entry(library, name).sections]
        return [key for key in dict.fromkeys(keys) if key.startswith(incomplete)]
    except Exception:  # as above
        return []


Format = Literal["text", "markdown", "json"]
Pager = Annotated[
    bool,
    typer.Option(
        "--pager/--no-pager", help="Page long output on a terminal ($PAGER, default less -FRX); never when piped."
    ),
]
