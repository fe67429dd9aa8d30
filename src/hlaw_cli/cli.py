"""The console script. The commands live in cmd_entries, cmd_links and cmd_maintain, each a thin
layer of Typer wiring: parse arguments, call one core function, pick a renderer, set the exit code.
"""

from hlaw_cli import cmd_entries, cmd_links, cmd_maintain  # noqa: F401 - importing registers the commands
from hlaw_cli.app import app

__all__ = ["app", "main"]


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
