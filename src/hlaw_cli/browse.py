"""``hlaw browse``: read an entry, follow its links by number, go back, search, on a terminal.

The loop reads commands with ``input``; everything it shows comes from the same renderers as
``show`` and ``search``. Ctrl-C, Ctrl-D (end of input) and ``q`` all leave quietly.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from hlaw_cli.errors import HlawError, UsageError
from hlaw_cli.library import Library, find_entry, lookup
from hlaw_cli.model import Link, Related

if TYPE_CHECKING:
    from rich.console import Console

HELP = "number: follow a link · b: back · /words: search · a name: open it · q: quit"


def require_terminal() -> None:
    try:
        interactive = sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        interactive = False
    if not interactive:
        raise UsageError("hlaw browse needs a terminal; in scripts use hlaw show, hlaw related or hlaw search")


def numbered_links(related: Related) -> list[tuple[str, Link]]:
    """The links a reader can follow, numbered in this order: see also, in the text, referenced by."""
    groups = (
        ("see also", related.see_also),
        ("in the text", related.mentions),
        ("referenced by", related.referenced_by),
    )
    return [(group, link) for group, links in groups for link in links]


class Session:
    """One browsing session: the current entry and the way back."""

    def __init__(self, library: Library, console: Console, pager: bool, read: Callable[[str], str] = input) -> None:
        self.library = library
        self.console = console
        self.pager = pager
        self.read = read
        self.history: list[str] = []

    def run(self, start: str | None) -> None:
        current = find_entry(self.library, start).id if start else None
        while current is None:
            query = self.read("Search for (q to quit): ").strip()
            if query == "q":
                return
            current = self.search(query)
        while current is not None:
            current = self.visit(current)

    def visit(self, entry_id: str) -> str | None:
        """Show an entry and its links, then answer commands until the reader moves on."""
        from hlaw_cli import output
        from hlaw_cli.render_rich import entry_view

        related = lookup(self.library, entry_id)
        view = entry_view(related, self.library.categories)
        if self.pager:
            output.paged(lambda: view)
        else:
            self.console.print(view)
        links = numbered_links(related)
        self.menu(links)
        while True:
            command = self.read("hlaw> ").strip()
            if command in ("q", "quit", "exit"):
                return None
            target, back = self.answer(command, links)
            if target is not None:
                if not back and target != entry_id:
                    self.history.append(entry_id)
                return target

    def answer(self, command: str, links: list[tuple[str, Link]]) -> tuple[str | None, bool]:
        """Where a command leads (and whether it goes back), or None after saying why it leads nowhere."""
        if command.isdigit():
            number = int(command)
            if 1 <= number <= len(links):
                return links[number - 1][1].id, False
            self.say(f"no link {number}: choose 1 to {len(links)}" if links else "this entry has no links")
        elif command == "b":
            if self.history:
                return self.history.pop(), True
            self.say("nothing to go back to")
        elif command.startswith("/"):
            return self.search(command[1:].strip()), False
        elif command in ("", "?", "h", "help"):
            self.menu(links)
        else:
            try:
                return find_entry(self.library, command).id, False
            except HlawError as err:
                self.say(f"{err}. {HELP}")
        return None, False

    def search(self, query: str) -> str | None:
        from hlaw_cli.render_rich import hits_view
        from hlaw_cli.search import search

        try:
            hits = search(self.library, query, limit=9)
        except HlawError as err:
            self.say(str(err))
            return None
        if not hits:
            self.say(f"no entry matches {query!r}")
            return None
        self.console.print(hits_view(hits, numbered=True))
        choice = self.read("open which (number, or Enter to stay)? ").strip()
        if choice.isdigit() and 1 <= int(choice) <= len(hits):
            return hits[int(choice) - 1].id
        return None

    def menu(self, links: list[tuple[str, Link]]) -> None:
        from hlaw_cli.render_rich import links_menu

        self.console.print(links_menu(links, HELP))

    def say(self, message: str) -> None:
        from rich.text import Text

        self.console.print(Text(message, style="yellow"))


def browse(library: Library, start: str | None, pager: bool) -> None:
    """Run a session on the terminal (the command checks for one before opening the entries);
    leave quietly on q, Ctrl-C or end of input."""
    from hlaw_cli.output import new_console

    console = new_console()
    try:
        Session(library, console, pager).run(start)
    except (EOFError, KeyboardInterrupt):
        console.print()
