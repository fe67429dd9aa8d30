"""Plain-text and Rich rendering, without the CLI."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from hlaw_cli import render, render_rich
from hlaw_cli.library import Library, find_entry, related
from hlaw_cli.model import Budget, LegalBasis
from hlaw_cli.text import clean

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def rich_text(renderable: object, width: int = 80) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=width, force_terminal=True, color_system="standard").print(renderable)
    return buffer.getvalue()


def test_plain_entry_has_every_part_in_order(corpus: Library) -> None:
    text = render.entry_text(related(corpus, find_entry(corpus, "alpha-agency")), corpus.categories)
    order = ["Alpha Agency for Wanderers (AAW)", "organization · Organizations, Displacement and migration",
             "A made-up organization", "Head: Ada Example, Director (since 2020-05-01)", "Members: 12 (as of 2025)",
             "Budget: USD 2.5 billion (2024)", "Mandate", "Second paragraph", "Funding", "Legal bases",
             "- Alpha Charter (1999), art. 1, 2: sets up the agency", "Further reading", "Alpha Annual Report, AAW, 2025",
             "Contact", "Website: https://example.org", "See also", "- wanderers: Wanderers", "Referenced by",
             "hlaw id: alpha-agency"]  # fmt: skip
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "\x1b" not in text


def test_plain_sections_only(corpus: Library) -> None:
    text = render.entry_text(related(corpus, find_entry(corpus, "alpha-agency")), corpus.categories, ("funding",))
    assert "Voluntary contributions" in text
    assert "It assists people" not in text and "See also" not in text


def test_hostile_text_is_literal_and_stripped_in_plain(corpus: Library) -> None:
    text = render.entry_text(related(corpus, find_entry(corpus, "hostile")), corpus.categories)
    assert "[bold]Markup[/bold]" in text and "[link=https://evil.example]" in text
    assert not CONTROL.search(text.replace("\n", ""))


def test_hostile_text_is_literal_and_stripped_in_rich(corpus: Library) -> None:
    out = rich_text(render_rich.entry_view(related(corpus, find_entry(corpus, "hostile")), corpus.categories))
    visible = re.sub(r"\x1b\[[0-9;]*m", "", out)  # Rich's own styling is allowed
    assert "[bold]Markup[/bold]" in visible
    assert "evil.example" in visible  # shown as text ...
    assert "\x1b]8" not in out  # ... never as a terminal hyperlink
    assert not CONTROL.search(visible.replace("\n", ""))


def test_rich_entry_fits_80_columns(corpus: Library) -> None:
    out = rich_text(render_rich.entry_view(related(corpus, find_entry(corpus, "alpha-agency")), corpus.categories))
    visible = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "Alpha Agency for Wanderers (AAW)" in visible and "See also" in visible
    assert max(len(line) for line in visible.splitlines()) <= 80


def test_rich_search_highlights(corpus: Library) -> None:
    from hlaw_cli.search import search

    out = rich_text(render_rich.hits_view(search(corpus, "lighthouse")))
    assert "\x1b[1;33mLighthouse" in out


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        ("33", "Refugee Convention, art. 33"),
        ("Rules 129-133", "Refugee Convention, Rules 129-133"),
        (None, "Refugee Convention"),
    ],
)
def test_legal_basis_wording(articles: str | None, expected: str) -> None:
    assert render.legal_basis(LegalBasis("Refugee Convention", articles=articles)) == expected
    assert render.legal_basis(LegalBasis("GC IV", entry="gc-iv", articles="49")) == "GC IV, art. 49 → gc-iv"


def test_amounts_read_naturally() -> None:
    assert render.budget(Budget(3.4e9, "USD", 2023)) == "USD 3.4 billion (2023)"
    assert render.budget(Budget(250e6, "CHF")) == "CHF 250 million"
    assert render.amount(12500) == "12,500"


def test_clean_removes_sequences_not_text() -> None:
    assert clean("a\x1b[31mb\x1b]8;;http://x\x07c\x9b1md\x08e\tf\ng") == "abcde    f\ng"
    assert clean("right\u202eleft\u2066x\u2069") == "rightleftx"  # no bidi tricks
