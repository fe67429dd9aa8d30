"""Shared fixtures: a small corpus of made-up entries, and an environment free of the user's own."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from hlaw_cli.library import Library, open_library

CATEGORIES = 'displacement = "Displacement and migration"\norganizations = "Organizations"\n'

FIXTURES = {
    "alpha-agency": '''
        title = "Alpha Agency for Wanderers (AAW)"
        summary = "A made-up organization that helps wanderers."
        kind = "organization"
        aliases = ["AAW", "Agence Alpha pour les vagabonds"]
        categories = ["organizations", "displacement"]
        see_also = ["wanderers"]
        updated = 2026-01-02

        [organization]
        founded = 1999
        headquarters = "Nowhere City"
        head = { name = "Ada Example", title = "Director", since = 2020-05-01 }
        members = { count = 12, as_of = 2025 }
        budget = { amount = 2.5e9, currency = "USD", year = 2024 }

        [contact]
        website = "https://example.org"

        [[sections]]
        key = "mandate"
        title = "Mandate"
        text = """It assists people on the move.

        Second paragraph about its tasks."""

        [[sections]]
        title = "Funding"
        text = "Voluntary contributions pay for everything."

        [[legal_bases]]
        instrument = "Alpha Charter (1999)"
        articles = "1, 2"
        note = "sets up the agency"

        [[references]]
        title = "Alpha Annual Report"
        author = "AAW"
        year = 2025
    ''',
    "wanderers": """
        title = "Wanderers"
        summary = "People who move from place to place."
        categories = ["displacement"]
        see_also = ["alpha-agency", "hostile"]

        [[sections]]
        title = "Definition"
        text = "A wanderer has no fixed abode. Lighthouse keepers are not wanderers."

        [[sections]]
        title = "Protection"
        text = "The Alpha Charter protects them."
    """,
    "hostile": """
        title = "Hostile [bold]Markup[/bold] Entry"
        summary = "Text with \\u001b[31mred escapes\\u001b[0m and a bell \\u0007 and [link=https://evil.example]a link[/link]."

        [[sections]]
        title = "Body"
        text = "Backspace \\b here, OSC \\u001b]8;;https://evil.example\\u0007click\\u001b]8;;\\u0007 there, C1 \\u009b31m too."
    """,
}


def write_entries(folder: Path, entries: dict[str, str], categories: str = CATEGORIES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_categories.toml").write_text(categories, encoding="utf-8")
    for name, body in entries.items():
        (folder / f"{name}.toml").write_text(textwrap.dedent(body), encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user folders, no colour settings from the developer's shell."""
    monkeypatch.delenv("HLAW_ENTRIES", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


@pytest.fixture
def fixture_dir(tmp_path: Path) -> Path:
    return write_entries(tmp_path / "fixtures", FIXTURES)


@pytest.fixture
def only_fixtures(monkeypatch: pytest.MonkeyPatch, fixture_dir: Path, tmp_path: Path) -> Path:
    """Make the fixture folder the built-in corpus, so tests do not depend on real content."""
    monkeypatch.setattr("hlaw_cli.folders.builtin_folder", lambda: fixture_dir)
    return fixture_dir


@pytest.fixture
def corpus(only_fixtures: Path) -> Library:
    """The fixture entries as commands see them, through the index."""
    return open_library()
