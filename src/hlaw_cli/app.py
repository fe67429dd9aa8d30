"""The Typer application: its group, its global options, and where hlaw's errors become exit codes.

No ``from __future__ import annotations``: Typer reads these annotations on every run.
"""

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from hlaw_cli import __version__, output
from hlaw_cli.errors import HlawError, NotFoundError
from hlaw_cli.options import epilog


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
    epilog=epilog(
        "hlaw show iom                    # an entry, in sections",
        "hlaw show oim --section funding  # one section; aliases work too",
        "hlaw search migrant              # ranked, typo-tolerant search",
        "hlaw show iom --json | jq .      # every command speaks JSON",
        "hlaw list --kind organization",
        "hlaw related refugees            # see-also links, both ways",
        "hlaw cites gc-iv --article 49    # who relies on an article",
        "hlaw browse refugees             # read and follow links interactively",
        "hlaw graph iom | dot -Tsvg > iom.svg",
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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
