"""Loading, validating and resolving entries, without the CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hlaw_cli.errors import DataError, NotFoundError, UsageError
from hlaw_cli.folders import entry_folders
from hlaw_cli.library import Library, filtered, find_entry, lookup, open_library, related
from hlaw_cli.store import Corpus, load_corpus
from tests.conftest import write_entries


def messages(corpus: Corpus, severity: str = "error") -> list[str]:
    return [p.message for p in corpus.problems if p.severity == severity]


def test_fixture_corpus_loads_clean(only_fixtures: Path) -> None:
    corpus = load_corpus()
    assert sorted(corpus.entries) == ["alpha-agency", "hostile", "wanderers"]
    assert messages(corpus) == []


def test_entry_fields_survive_the_index(only_fixtures: Path, corpus: Library) -> None:
    assert corpus.get("alpha-agency") == load_corpus().entries["alpha-agency"]


def test_entry_fields_are_typed(corpus: Library) -> None:
    entry = find_entry(corpus, "alpha-agency")
    assert entry.kind == "organization"
    assert entry.updated == date(2026, 1, 2)
    assert [s.key for s in entry.sections] == ["mandate", "funding"]  # key derived from the title
    assert entry.organization is not None and entry.organization.head is not None
    assert entry.organization.head.since == date(2020, 5, 1)
    assert entry.organization.budget is not None and entry.organization.budget.amount == 2.5e9
    assert entry.legal_bases[0].articles == "1, 2"


@pytest.mark.parametrize(
    "name",
    ["alpha-agency", "AAW", "aaw", "Alpha Agency for Wanderers", "alpha agency for wanderers (aaw)",
     "  Agence   alpha pour les VAGABONDS ", "agence-alpha-pour-les-vagabonds"],
)  # fmt: skip
def test_find_by_id_title_or_alias_ignoring_case_accents_punctuation(corpus: Library, name: str) -> None:
    assert find_entry(corpus, name).id == "alpha-agency"


def test_unknown_name_suggests_close_ids(corpus: Library) -> None:
    with pytest.raises(NotFoundError) as caught:
        find_entry(corpus, "wandrers")
    assert "wanderers" in caught.value.suggestions


def test_no_silent_guessing(corpus: Library) -> None:
    with pytest.raises(NotFoundError):
        find_entry(corpus, "alpha")


@pytest.mark.parametrize("name", ["/etc/passwd", "../../../etc/passwd", "fixtures/wanderers.toml", "a\x00b", ""])
def test_path_like_names_are_only_names(corpus: Library, name: str) -> None:
    with pytest.raises(NotFoundError):
        find_entry(corpus, name)


def test_related_lists_both_directions(corpus: Library) -> None:
    links = related(corpus, find_entry(corpus, "alpha-agency"))
    assert [link.id for link in links.see_also] == ["wanderers"]
    assert [link.id for link in links.referenced_by] == ["wanderers"]


def test_lookup_rejects_unknown_section(corpus: Library) -> None:
    with pytest.raises(UsageError, match="mandate, funding"):
        lookup(corpus, "aaw", ["budget"])


def test_filter_by_category_and_kind(corpus: Library) -> None:
    assert [e.id for e in filtered(corpus, category="displacement")] == ["alpha-agency", "wanderers"]
    assert [e.id for e in filtered(corpus, kind="organization")] == ["alpha-agency"]
    with pytest.raises(UsageError, match="unknown category"):
        filtered(corpus, category="nope")


BAD_FILES = {
    "bad-toml": ('title = "x"\nsummary = \n', "invalid TOML", 2),
    "wrong-type": ('title = "x"\nsummary = ["a list"]\n', "summary must be a string, not a list", 2),
    "no-title": ('summary = "x"\n', "missing required field 'title'", None),
    "nothing": ('title = "x"\n', "needs a 'summary' or at least one [[sections]]", None),
    "bad-kind": ('title = "x"\nsummary = "y"\nkind = "person"\n', "kind must be one of", 3),
    "empty": ("", "missing required field 'title'", None),
    "dup-section": (
        'title = "x"\n[[sections]]\ntitle = "A"\ntext = "1"\n[[sections]]\ntitle = "a"\ntext = "2"\n',
        "duplicate section key 'a'",
        None,
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_reported_and_skipped(only_fixtures: Path, name: str) -> None:
    body, message, line = BAD_FILES[name]
    (only_fixtures / f"{name}.toml").write_text(body, encoding="utf-8")
    corpus = load_corpus()
    problems = [p for p in corpus.problems if p.file.endswith(f"{name}.toml") and p.is_error]
    assert problems and message in problems[0].message
    if line is not None:
        assert problems[0].line == line
    assert name not in corpus.entries
    assert "wanderers" in corpus.entries  # everything else still served
    with pytest.raises(DataError, match=f"{name}.toml"):
        find_entry(open_library(), name)


def test_not_utf8_and_bom(only_fixtures: Path) -> None:
    (only_fixtures / "latin.toml").write_bytes('title = "Réfugié"\nsummary = "x"\n'.encode("latin-1"))
    (only_fixtures / "bom.toml").write_bytes('\ufefftitle = "With BOM"\nsummary = "x"\n'.encode())
    corpus = load_corpus()
    assert any("not UTF-8" in m for m in messages(corpus))
    assert corpus.entries["bom"].title == "With BOM"


def test_invalid_file_name_is_never_loaded(only_fixtures: Path) -> None:
    (only_fixtures / "Bad_Name.toml").write_text('title = "x"\nsummary = "y"\n', encoding="utf-8")
    corpus = load_corpus()
    assert any("not a valid id" in m for m in messages(corpus))
    assert all(entry.title != "x" for entry in corpus.entries.values())


def test_unknown_field_is_a_warning_only(only_fixtures: Path) -> None:
    (only_fixtures / "typo.toml").write_text('title = "x"\nsumary = "y"\nsummary = "z"\n', encoding="utf-8")
    corpus = load_corpus()
    assert "typo" in corpus.entries
    assert any("unknown field 'sumary'" in m for m in messages(corpus, "warning"))


def test_cross_entry_problems_keep_the_entry(only_fixtures: Path) -> None:
    write_entries(
        only_fixtures,
        {
            "linker": 'title = "L"\nsummary = "s"\nsee_also = ["ghost", "linker"]\ncategories = ["nope"]\naliases = ["AAW"]\n'
            '[[legal_bases]]\ninstrument = "X"\nentry = "phantom"\n'
        },
    )
    corpus = load_corpus()
    found = messages(corpus)
    assert "see_also links to missing entry 'ghost'" in found
    assert "see_also links the entry to itself" in found
    assert "legal_bases.entry links to missing entry 'phantom'" in found
    assert "unknown category 'nope'" in found
    assert "alias 'AAW' is already claimed by entry 'alpha-agency'" in found
    library = open_library()
    assert related(library, find_entry(library, "linker")).see_also == ()


def test_override_order_later_folders_win(only_fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_dir = write_entries(tmp_path / "env", {"wanderers": 'title = "From env"\nsummary = "e"\n'})
    cli_dir = write_entries(tmp_path / "cli", {"wanderers": 'title = "From option"\nsummary = "o"\n'})
    xdg = write_entries(tmp_path / "xdg-data" / "hlaw" / "entries", {"extra": 'title = "Mine"\nsummary = "m"\n'})
    monkeypatch.setenv("HLAW_ENTRIES", str(env_dir))
    folders = entry_folders([cli_dir])
    assert [(f.path, f.origin) for f in folders] == [
        (only_fixtures, "built-in"), (xdg, "user data"), (env_dir, "HLAW_ENTRIES"), (cli_dir, "--entries"),
    ]  # fmt: skip
    corpus = load_corpus([cli_dir])
    assert corpus.entries["wanderers"].title == "From option"
    assert corpus.entries["extra"].title == "Mine"
    assert any("overrides" in m for m in messages(corpus, "warning"))


def test_missing_env_folder_is_reported(only_fixtures: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HLAW_ENTRIES", str(tmp_path / "does-not-exist"))
    corpus = load_corpus()
    assert any("does not exist" in m for m in messages(corpus))
    assert "wanderers" in corpus.entries


def test_parallel_parse_gives_the_same_corpus(
    only_fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large folders are parsed in worker processes: same entries, problems and overrides, same order."""
    (only_fixtures / "broken.toml").write_text("title = [", encoding="utf-8")
    override = write_entries(tmp_path / "override", {"wanderers": 'title = "Nomads"\nsummary = "n"'})
    serial = load_corpus([override])
    monkeypatch.setattr("hlaw_cli.store.PARALLEL_FROM", 2)
    parallel = load_corpus([override])
    assert parallel.entries == serial.entries
    assert parallel.problems == serial.problems
    assert parallel.broken == serial.broken
    assert parallel.entries["wanderers"].title == "Nomads"


def test_facts_table_of_another_kind_is_a_warning(only_fixtures: Path) -> None:
    body = 'title = "x"\nsummary = "y"\n[organization]\nfounded = 1999\nhead = { title = "Chair" }\n'
    (only_fixtures / "mixed.toml").write_text(body, encoding="utf-8")
    corpus = load_corpus()
    assert "[organization] facts on an entry whose kind is not 'organization'" in messages(corpus, "warning")
    assert "organization.head.name is required" in messages(corpus)
