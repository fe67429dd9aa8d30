"""Properties that must hold for any input: no crash, no control characters, valid JSON."""

from __future__ import annotations

import io
import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from hlaw_cli import render, render_rich
from hlaw_cli.cli import app
from hlaw_cli.errors import UsageError
from hlaw_cli.jsonout import dumps, entry_data
from hlaw_cli.library import Library, find_entry, open_library, related
from hlaw_cli.model import Entry, LegalBasis, Reference, Related, Section
from hlaw_cli.search import search
from hlaw_cli.store import parse_file

SGR = re.compile(r"\x1b\[[0-9;]*m")  # Rich's own styling, the only escape allowed on a terminal
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
any_text = st.text(st.characters(codec="utf-8"), max_size=200)


@SETTINGS
@given(query=st.text(max_size=300))
def test_any_query_searches_or_is_a_usage_error(corpus: Library, query: str) -> None:
    try:
        hits = search(corpus, query)
    except UsageError:
        return
    assert all(hit.id and hit.score > 0 and not CONTROL.search(hit.snippet) for hit in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def _entry(title: str, summary: str, body: str, note: str) -> Related:
    entry = Entry(
        id="x",
        title=title or "t",
        source=Path("x.toml"),
        summary=summary,
        sections=(Section("s", title or "s", body),),
        legal_bases=(LegalBasis(note, articles=note, note=note),),
        references=(Reference(title or "r", author=note, url=note),),
    )
    return Related(entry, (), ())


@SETTINGS
@given(title=any_text, summary=any_text, body=any_text, note=any_text)
def test_any_entry_text_renders_without_control_characters(title: str, summary: str, body: str, note: str) -> None:
    found = _entry(title, summary, body, note)
    plain = render.entry_text(found, {})
    assert not CONTROL.search(plain)
    buffer = io.StringIO()
    Console(file=buffer, width=80, force_terminal=True, color_system="standard", markup=False).print(
        render_rich.entry_view(found, {})
    )
    assert not CONTROL.search(SGR.sub("", buffer.getvalue()))
    assert json.loads(dumps(entry_data(found)))["title"] == (title or "t")  # JSON keeps the text


@SETTINGS
@given(content=st.binary(max_size=400))
def test_loading_never_raises_on_arbitrary_bytes(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.toml"
        path.write_bytes(content)
        entry, problems = parse_file(path)
        assert entry is not None or problems


@SETTINGS
@given(title=st.text(max_size=50), text=st.text(max_size=200))
def test_generated_toml_entries_load_or_report(title: str, text: str) -> None:
    body = f"title = {json.dumps(title)}\n[[sections]]\ntitle = 'S'\ntext = {json.dumps(text)}\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gen.toml"
        path.write_bytes(body.encode("utf-8", "surrogatepass"))  # lone surrogates: bytes that are not UTF-8
        entry, problems = parse_file(path)
        assert entry is not None or problems


@SETTINGS
@given(
    args=st.lists(
        st.sampled_from(["show", "search", "list", "related", "cites", "--json", "aaw", "x", "--limit", "3"]),
        max_size=5,
    )
)
def test_json_output_always_parses(corpus: Library, args: list[str]) -> None:
    result = CliRunner().invoke(app, [*args, "--json"])
    if result.exit_code in (0, 1) and result.stdout:
        json.loads(result.stdout)
    assert "Traceback" not in result.output


def test_real_entries_json_round_trip(corpus: Library) -> None:
    for name in ("alpha-agency", "wanderers", "hostile"):
        found = related(corpus, find_entry(corpus, name))
        assert json.loads(dumps(entry_data(found)))["id"] == name


def test_index_reopens(only_fixtures: Path) -> None:
    assert open_library().summaries()
