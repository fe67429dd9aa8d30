"""hlaw cites: the entries whose legal bases link to an instrument, filtered by article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hlaw_cli.cites import article_refs, cites, parse_article
from hlaw_cli.cli import app
from hlaw_cli.errors import NotFoundError, UsageError
from hlaw_cli.library import open_library
from tests.conftest import write_entries

TREATY = 'title = "Made-up Convention (MUC)"\nkind = "instrument"\nsummary = "A treaty."\n'


def citing(name: str, articles: str) -> str:
    return f'title = "{name}"\nsummary = "s"\n[[legal_bases]]\ninstrument = "MUC"\nentry = "muc"\narticles = "{articles}"\n'


@pytest.fixture
def folder(only_fixtures: Path) -> Path:
    return write_entries(
        only_fixtures,
        {"muc": TREATY, "one": citing("One", "49, 147"), "two": citing("Two", "art. 1A(2), 33"),
         "three": citing("Three", "Rules 129-133"), "four": 'title = "Four"\nsummary = "no citation"\n'},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [("49", {(49, "")}), ("art. 49", {(49, "")}), ("49(1)", {(49, "")}), ("1A(2), 33", {(1, "a"), (33, "")}),
     ("Rules 129-131", {(129, ""), (130, ""), (131, "")}), ("8 bis", {(8, "bis")}), ("", set())],
)  # fmt: skip
def test_article_refs_are_forgiving_about_form(text: str, expected: set[tuple[int, str]]) -> None:
    assert article_refs(text) == expected


@pytest.mark.parametrize("bad", ["", "art.", "49-50", "1, 2"])
def test_article_option_takes_one_article(bad: str) -> None:
    with pytest.raises(UsageError):
        parse_article(bad)


def test_cites_filters_by_article(folder: Path) -> None:
    corpus = open_library()
    assert [c.id for c in cites(corpus, "muc")[1]] == ["one", "three", "two"]
    for form in ("49", "art. 49", "49(1)", "Article 49"):
        assert [c.id for c in cites(corpus, "MUC", form)[1]] == ["one"]
    assert [c.id for c in cites(corpus, "muc", "1")[1]] == ["two"]  # article 1 includes 1A(2)
    assert [c.id for c in cites(corpus, "muc", "1A")[1]] == ["two"]
    assert cites(corpus, "muc", "1F")[1] == []
    assert [c.id for c in cites(corpus, "muc", "130")[1]] == ["three"]
    with pytest.raises(NotFoundError):
        cites(corpus, "no-such-treaty")


def test_cites_command(folder: Path) -> None:
    runner = CliRunner(env={"COLUMNS": "80"})
    result = runner.invoke(app, ["cites", "muc", "--article", "49"])
    assert result.exit_code == 0
    assert result.stdout == "one: One\n    MUC, art. 49, 147\n"
    data = json.loads(runner.invoke(app, ["cites", "muc", "--json"]).stdout)
    assert data[0] == {"id": "one", "title": "One", "instrument": "MUC", "articles": "49, 147", "note": None}
    empty = runner.invoke(app, ["cites", "muc", "--article", "2", "--json"])
    assert empty.exit_code == 1 and json.loads(empty.stdout) == []
    assert "no entry cites 'muc' article 2" in empty.stderr
    assert runner.invoke(app, ["cites", "muc", "--article", "49-50"]).exit_code == 2


def test_show_renders_citation_as_a_link(folder: Path) -> None:
    result = CliRunner().invoke(app, ["show", "one"])
    assert "- MUC, art. 49, 147 → muc" in result.stdout
