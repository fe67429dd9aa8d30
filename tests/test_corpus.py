"""Every shipped entry loads, validates and meets the floor a reader relies on."""

from __future__ import annotations

import pytest

from hlaw_cli.folders import builtin_folder
from hlaw_cli.store import Corpus, load_corpus


@pytest.fixture(scope="module")
def real() -> Corpus:
    return load_corpus()


def test_builtin_folder_is_the_repo_corpus(real: Corpus) -> None:
    assert builtin_folder().name == "entries"
    assert len(real.entries) >= 6


def test_every_entry_is_valid(real: Corpus) -> None:
    problems = [f"{p.file}:{p.line}: {p.severity}: {p.message}" for p in real.problems]
    assert problems == []
    assert real.broken == {}


def test_every_entry_meets_the_floor(real: Corpus) -> None:
    short = []
    for entry in real.sorted_entries():
        words = sum(len(section.text.split()) for section in entry.sections)
        if not entry.summary or len(entry.sections) < 2 or words < 250 or len(entry.see_also) < 2:
            short.append(entry.id)
        if not (entry.legal_bases or entry.references) or entry.updated is None:
            short.append(entry.id)
    assert short == []


def test_organizations_have_mandate_governance_funding_and_website(real: Corpus) -> None:
    for entry in real.sorted_entries():
        if entry.kind == "organization":
            keys = {section.key for section in entry.sections}
            assert {"mandate", "governance", "funding"} <= keys, entry.id
            assert entry.contact is not None and entry.contact.website, entry.id
            assert entry.organization is not None, entry.id


def test_changing_figures_carry_their_year(real: Corpus) -> None:
    for entry in real.sorted_entries():
        org, ins = entry.organization, entry.instrument
        figures = [org.members, org.staff] if org else []
        figures += [ins.parties] if ins else []
        assert all(f.as_of for f in figures if f is not None), entry.id
        if org and org.budget:
            assert org.budget.year, entry.id


def test_iom_links_to_its_neighbours(real: Corpus) -> None:
    iom = real.entries["iom"]
    assert {"boat-people", "migration", "refugees", "population-displacement", "internally-displaced-persons"} <= set(
        iom.see_also
    )


# Citations that name an instrument entry only in passing, not as the instrument cited.
NOT_CITATIONS = {("ccw", "CCW Amended Protocol II (1996) and Protocols I, III, IV and V")}


def test_citations_of_existing_instruments_are_linked(real: Corpus) -> None:
    """A legal basis that cites an instrument with its own entry carries entry = <id>."""
    import re

    from hlaw_cli.text import name_variants, normalize

    names = [
        (normalize(name), entry.id)
        for entry in real.sorted_entries()
        if entry.kind == "instrument"
        for name in (*name_variants(entry.title), *entry.aliases)
        if len(normalize(name)) >= 8
    ]
    unlinked = [
        (entry.id, basis.instrument, target)
        for entry in real.sorted_entries()
        for basis in entry.legal_bases
        if not basis.entry and (entry.id, basis.instrument) not in NOT_CITATIONS
        for name, target in names
        if target != entry.id and re.search(rf"\b{re.escape(name)}\b", normalize(basis.instrument))
    ]
    assert unlinked == []
