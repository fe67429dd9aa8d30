"""Where output goes: data on stdout (Rich on a terminal, plain text otherwise), messages on stderr."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from hlaw_cli.errors import EXIT_BROKEN_PIPE
from hlaw_cli.text import clean

if TYPE_CHECKING:
    from rich.console import RenderableType


def wants_rich() -> bool:
    """Rich only on a real terminal, and never with NO_COLOR or TERM=dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


class PipeClosed(Exception):
    """stdout went away (``hlaw list | head -1``)."""

    exit_code = EXIT_BROKEN_PIPE


def _write(text: str) -> None:
    try:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise PipeClosed from None


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def text(data: str) -> None:
    if data:
        _write(data)


def json(data: Any) -> None:
    from hlaw_cli.jsonout import dumps

    _write(dumps(data))


def new_console() -> Any:
    """A Console that never reads markup, emoji codes or highlights in entry text."""
    from rich.console import Console

    return Console(highlight=False, markup=False, emoji=False, soft_wrap=False)


def rich(make: Callable[[], RenderableType]) -> None:
    console = new_console()
    try:
        console.print(make())
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise PipeClosed from None


def show(plain: Callable[[], str], fancy: Callable[[], RenderableType], pager: bool = False) -> None:
    """Print data for a person: Rich on a terminal (through a pager if asked and longer than
    the screen), plain text otherwise."""
    if not wants_rich():
        text(plain())
    elif pager:
        paged(fancy)
    else:
        rich(fancy)


def paged(make: Callable[[], RenderableType]) -> None:
    """Rich output, through ``$PAGER`` (default ``less -FRX``) when it is taller than the screen."""
    console = new_console()
    with console.capture() as capture:
        console.print(make())
    rendered = capture.get()
    if rendered.count("\n") < console.height or not run_pager(rendered):
        _write(rendered)


def run_pager(rendered: str) -> bool:
    """Show ``rendered`` in the user's pager; False if there is none to run."""
    import shlex
    import signal
    import subprocess

    command = shlex.split(os.environ.get("PAGER") or "less -FRX")
    if not command:
        return False
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C belongs to the pager
    try:
        subprocess.run(command, input=rendered, text=True, check=False)
    except OSError:
        return False
    finally:
        signal.signal(signal.SIGINT, previous)
    return True


def message(line: str) -> None:
    """A message for the person, never mixed into the data."""
    try:
        sys.stderr.write(clean(line) + "\n")
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass
