"""The commands as a user runs them, through Typer's CliRunner at a fixed width."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hlaw_cli import __version__
from hlaw_cli.cli import app
from tests.conftest import write_entries

runner = CliRunner(env={"COLUMNS": "80", "TERM": "xterm"})


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


@pytest.fixture(autouse=True)
def _fixtures(only_fixtures: Path) -> None:
    """Every CLI test runs on the fixture corpus."""


def test_show_plain(only_fixtures: Path) -> None:
    result = run("show", "aaw")
    assert result.exit_code == 0
    assert result.stdout.startswith("Alpha Agency for Wanderers (AAW)\n")
    assert "See also" in result.stdout and "\x1b" not in result.stdout
    assert result.stderr == ""


def test_show_sections_repeatable() -> None:
    result = run("show", "alpha-agency", "--section", "funding", "-s", "mandate")
    assert result.exit_code == 0
    assert "Voluntary contributions" in result.stdout and "It assists people" in result.stdout
    assert "Legal bases" not in result.stdout


def test_show_json_shape() -> None:
    result = run("show", "Agence alpha pour les vagabonds", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["id"] == "alpha-agency"
    assert data["updated"] == "2026-01-02"
    assert data["sections"][0] == {"key": "mandate", "title": "Mandate", "text": data["sections"][0]["text"]}
    assert data["see_also"] == [{"id": "wanderers", "title": "Wanderers"}]
    assert data["referenced_by"] == [{"id": "wanderers", "title": "Wanderers"}]
    assert data["organization"]["head"]["since"] == "2020-05-01"
    assert data["source"].endswith("alpha-agency.toml")
    expected = {"id", "title", "summary", "kind", "aliases", "categories", "see_also", "mentions", "referenced_by", "updated",
                "sections", "organization", "instrument", "contact", "legal_bases", "references", "source"}  # fmt: skip
    assert set(data) == expected


def test_show_json_keeps_controls_escaped() -> None:
    result = run("show", "hostile", "--json")
    assert "\\u001b[31m" in result.stdout and "\x1b" not in result.stdout
    assert "\\u009b" in result.stdout
    assert json.loads(result.stdout)["summary"].startswith("Text with \x1b[31m")


def test_show_unknown_name_suggests_on_stderr() -> None:
    result = run("show", "wandrers")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no entry named 'wandrers'" in result.stderr and "did you mean: wanderers" in result.stderr


def test_show_unknown_section_is_a_usage_error() -> None:
    result = run("show", "aaw", "--section", "budget")
    assert result.exit_code == 2
    assert "has no section 'budget'" in result.stderr


def test_search_plain_and_json() -> None:
    result = run("search", "wandrers")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("wanderers: Wanderers (concept, score")
    data = json.loads(run("search", "wanderers", "--json", "--limit", "1").stdout)
    assert len(data) == 1 and set(data[0]) == {"id", "title", "kind", "score", "snippet"}


def test_search_without_result() -> None:
    result = run("search", "zzyzx", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert "no entry matches" in result.stderr
    assert run("search", "zzyzx").stdout == ""


@pytest.mark.parametrize("args", [["search", "x", "--limit", "0"], ["search", "x", "--limit", "-3"],
                                  ["search", "x", "--limit", "99999999"], ["search", ""], ["list", "--kind", "person"],
                                  ["list", "--category", "nope"], ["show"], ["frobnicate"]])  # fmt: skip
def test_usage_errors_exit_2_without_traceback(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_list_filters_and_json() -> None:
    assert run("list").stdout.splitlines() == [
        "alpha-agency: Alpha Agency for Wanderers (AAW)", "hostile: Hostile [bold]Markup[/bold] Entry", "wanderers: Wanderers",
    ]  # fmt: skip
    data = json.loads(run("list", "--kind", "organization", "--json").stdout)
    assert data == [{"id": "alpha-agency", "title": "Alpha Agency for Wanderers (AAW)", "kind": "organization",
                     "categories": ["organizations", "displacement"], "summary": "A made-up organization that helps wanderers."}]  # fmt: skip
    assert [e["id"] for e in json.loads(run("list", "--category", "displacement", "--json").stdout)] == [
        "alpha-agency", "wanderers",
    ]  # fmt: skip


def test_related() -> None:
    result = run("related", "wanderers", "--json")
    data = json.loads(result.stdout)
    assert [link["id"] for link in data["see_also"]] == ["alpha-agency", "hostile"]
    assert [link["id"] for link in data["referenced_by"]] == ["alpha-agency"]
    assert "Referenced by" in run("related", "aaw").stdout


def test_check_clean_and_broken(only_fixtures: Path, tmp_path: Path) -> None:
    clean = run("check")
    assert clean.exit_code == 0
    assert "0 errors" in clean.stderr
    broken = write_entries(
        tmp_path / "broken", {"oops": 'title = "x"\nsummary = \n', "fine": 'title = "F"\nsummary = "f"'}
    )
    result = run("check", "--entries", str(broken), "--json")
    assert result.exit_code == 3
    problems = json.loads(result.stdout)
    assert problems[0]["file"].endswith("oops.toml") and problems[0]["line"] == 2
    assert set(problems[0]) == {"file", "line", "message", "severity"}


def test_broken_entry_other_commands_still_work(tmp_path: Path) -> None:
    broken = write_entries(tmp_path / "broken", {"oops": "title = [", "fine": 'title = "Fine"\nsummary = "f"'})
    listed = run("list", "--entries", str(broken))
    assert listed.exit_code == 0 and "fine: Fine" in listed.stdout
    assert listed.stderr.count("oops.toml") == 1
    shown = run("show", "oops", "--entries", str(broken))
    assert shown.exit_code == 3
    assert "entry 'oops' cannot be read" in shown.stderr and "Traceback" not in shown.output


def test_entries_folder_must_exist(tmp_path: Path) -> None:
    result = run("list", "--entries", str(tmp_path / "nowhere"))
    assert result.exit_code == 2


def test_path_lists_folders_in_order(only_fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = write_entries(tmp_path / "extra", {})
    monkeypatch.setenv("HLAW_ENTRIES", str(tmp_path / "missing"))
    data = json.loads(run("path", "--json", "--entries", str(extra)).stdout)
    assert [(d["origin"], d["exists"]) for d in data] == [
        ("built-in", True),
        ("HLAW_ENTRIES", False),
        ("--entries", True),
    ]
    assert data[0]["path"] == str(only_fixtures)


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"hlaw {__version__}"
    top = run("--help")
    assert top.exit_code == 0 and "hlaw search migrant" in top.stdout and "Exit codes" in top.stdout
    assert "hlaw show oim --section funding" in run("show", "--help").stdout


def test_no_colour_when_piped_or_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from hlaw_cli import output

    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert output.wants_rich() is False
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert output.wants_rich() is False


def test_one_stderr_line_per_bad_file(tmp_path: Path) -> None:
    folder = write_entries(tmp_path / "links", {"linky": 'title = "L"\nsummary = "s"\nsee_also = ["ghost", "phantom"]'})
    result = run("show", "linky", "--entries", str(folder))
    assert result.exit_code == 0
    assert result.stderr.count("\n") == 1
    assert "see_also links to missing entry 'ghost' (and 1 more; see hlaw check)" in result.stderr
