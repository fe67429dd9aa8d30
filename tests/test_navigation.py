"""Navigation: cross-references in text, related --depth, graph, Markdown, completion, pager, browse."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from hlaw_cli import render_rich
from hlaw_cli.cli import app
from hlaw_cli.library import find_entry, open_library, related
from hlaw_cli.store import load_corpus
from hlaw_cli.text import split_xrefs, strip_xrefs, xrefs
from tests.conftest import write_entries

runner = CliRunner(env={"COLUMNS": "80"})

WEB = {
    "hub": 'title = "Hub"\nsummary = "Links to [[spoke]] and [[rim|the rim]]."\nsee_also = ["spoke"]\n'
    '[[sections]]\ntitle = "Body"\ntext = "Also see [[far|a far entry]] and [[ghost]]."',
    "spoke": 'title = "Spoke"\nsummary = "Back to the hub."\nsee_also = ["hub", "rim"]',
    "rim": 'title = "Rim \\"quoted\\" <b>"\nsummary = "Round."\nsee_also = ["far"]',
    "far": 'title = "Far"\nsummary = "The end, which loops back."\nsee_also = ["hub"]',
}


@pytest.fixture
def web(only_fixtures: Path) -> Path:
    return write_entries(only_fixtures, WEB)


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_xref_parsing() -> None:
    text = "See [[refugees]], [[internally-displaced-persons|IDPs]] and [[Bad Id]]."
    assert xrefs(text) == ["refugees", "internally-displaced-persons"]
    assert strip_xrefs(text) == "See refugees, IDPs and [[Bad Id]]."
    assert split_xrefs("a [[b|B]] c") == [("a ", None), ("B", "b"), (" c", None)]


def test_xrefs_count_as_links(web: Path) -> None:
    library = open_library()
    hub = related(library, find_entry(library, "hub"))
    assert [link.id for link in hub.see_also] == ["spoke"]
    assert [link.id for link in hub.mentions] == ["rim", "far"]  # ghost does not exist
    far = related(library, find_entry(library, "far"))
    assert [link.id for link in far.referenced_by] == ["hub", "rim"]  # hub only mentions it in text
    problems = [p.message for p in load_corpus().problems]
    assert "cross-reference [[ghost]] to missing entry 'ghost'" in problems


def test_xrefs_render_as_labels(web: Path) -> None:
    shown = run("show", "hub")
    assert "Links to spoke and the rim." in shown.stdout and "Also see a far entry and ghost." in shown.stdout
    assert "[[" not in shown.stdout and "Also mentioned" in shown.stdout
    library = open_library()
    buffer = io.StringIO()
    Console(file=buffer, width=80, force_terminal=True, color_system="standard").print(
        render_rich.entry_view(related(library, find_entry(library, "hub")), {})
    )
    assert re.search(r"\x1b\[[0-9;]*4;36mthe rim", buffer.getvalue())  # underlined cyan: a link
    assert json.loads(run("show", "hub", "--json").stdout)["mentions"] == [
        {"id": "rim", "title": 'Rim "quoted" <b>'},
        {"id": "far", "title": "Far"},
    ]
    assert "the rim" in run("search", "rim", "--json").stdout  # snippets show labels


def test_related_depth_tree_and_json(web: Path) -> None:
    tree = run("related", "hub", "--depth", "2")
    assert tree.exit_code == 0
    lines = tree.stdout.splitlines()
    assert lines[0] == "Hub"
    assert "  - spoke: Spoke" in lines and "    - hub: Hub (see above)" in lines
    assert '  - rim: Rim "quoted" <b> (in the text)' in lines
    assert "Referenced by:" in lines and "  <- far: Far" in lines
    data = json.loads(run("related", "hub", "--depth", "3", "--json").stdout)
    assert data["root"] == "hub" and {"from": "hub", "to": "rim", "kind": "mention"} in data["edges"]
    assert {node["id"]: node["depth"] for node in data["nodes"]}["far"] == 1  # referrer and mention
    assert [link["id"] for link in data["see_also"]] == ["spoke"]
    assert run("related", "hub", "--depth", "4").exit_code == 2


def test_graph_formats(web: Path) -> None:
    dot = run("graph", "hub", "--format", "dot").stdout
    assert dot.startswith("digraph hlaw {") and dot.rstrip().endswith("}")
    assert '"rim" [label="Rim \\"quoted\\" <b>"];' in dot
    assert '"hub" -> "rim" [style=dashed];' in dot and '"hub" -> "spoke";' in dot
    mermaid = run("graph", "hub", "--format", "mermaid").stdout
    assert mermaid.startswith("graph LR") and "#quot;quoted#quot;" in mermaid and "-.->" in mermaid
    whole = run("graph").stdout
    assert '"alpha-agency" -> "wanderers";' in whole


def test_markdown_and_several_entries(web: Path) -> None:
    result = run("show", "hub", "spoke", "--format", "markdown")
    assert result.exit_code == 0
    document = result.stdout
    assert document.startswith('<a id="hub"></a>\n\n# Hub\n')
    assert "Links to [spoke](#spoke) and [the rim](#rim)." in document
    assert "\n---\n\n" in document and "# Spoke" in document
    rim = run("show", "rim", "--format", "markdown").stdout
    assert '# Rim "quoted" \\<b\\>' in rim  # HTML in a title stays text
    several = json.loads(run("show", "hub", "spoke", "--json").stdout)
    assert [item["id"] for item in several] == ["hub", "spoke"]
    text = run("show", "hub", "spoke").stdout
    assert text.index("Hub\n") < text.index("=" * 72) < text.index("\nSpoke\n")
    assert run("show", "hub", "--json", "--format", "markdown").exit_code == 2


def complete(words: str, tmp_path: Path, entries: Path) -> list[str]:
    env = {**os.environ, "_HLAW_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
           "HLAW_ENTRIES": str(entries), "XDG_CACHE_HOME": str(tmp_path / "cache")}  # fmt: skip
    result = subprocess.run([sys.executable, "-m", "hlaw_cli"], env=env, capture_output=True, text=True, timeout=60)
    return result.stdout.split()


def test_completion_of_ids_and_sections(tmp_path: Path) -> None:
    folder = write_entries(tmp_path / "user", WEB)
    assert {"spoke"} <= set(complete("hlaw show sp", tmp_path, folder))
    assert "hub" in complete("hlaw related h", tmp_path, folder)
    assert complete("hlaw show hub --section b", tmp_path, folder) == ["body"]


def test_completion_scripts_are_available() -> None:
    """--show-completion prints the script for the shell it runs in (here bash)."""
    command = f"'{sys.executable}' -m hlaw_cli --show-completion"
    script = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
    assert script.returncode == 0 and "_HLAW_COMPLETE" in script.stdout


def test_browse_refuses_without_a_terminal() -> None:
    result = run("browse", "aaw")
    assert result.exit_code == 2 and "needs a terminal" in result.stderr


pexpect = pytest.importorskip("pexpect")


def spawn(args: list[str], tmp_path: Path, entries: Path, rows: int = 60, **env: str):  # type: ignore[no-untyped-def]
    environment = {**os.environ, "HLAW_ENTRIES": str(entries), "XDG_CACHE_HOME": str(tmp_path / "cache"),
                   "TERM": "xterm", "COLUMNS": "100", "LINES": str(rows), **env}  # fmt: skip
    environment.pop("NO_COLOR", None)
    return pexpect.spawn(sys.executable, ["-m", "hlaw_cli", *args], env=environment, encoding="utf-8",
                         dimensions=(rows, 100), timeout=30)  # fmt: skip


def test_browse_in_a_pseudo_terminal(tmp_path: Path) -> None:
    folder = write_entries(tmp_path / "user", WEB)
    child = spawn(["browse", "hub", "--no-pager"], tmp_path, folder)
    child.expect("see also")
    child.expect("hlaw> ")
    child.sendline("1")  # follow the first link: spoke
    child.expect("Back to the hub")
    child.expect("hlaw> ")
    child.sendline("b")  # back to hub
    child.expect("Links to")
    child.expect("hlaw> ")
    child.sendline("42")
    child.expect("no link 42")
    child.sendline("/round")  # search, then pick the first result
    child.expect("open which")
    child.sendline("1")
    child.expect("Round.")
    child.expect("hlaw> ")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")


@pytest.mark.parametrize("leave", ["eof", "interrupt"])
def test_browse_leaves_quietly(tmp_path: Path, leave: str) -> None:
    folder = write_entries(tmp_path / "user", WEB)
    child = spawn(["browse", "hub", "--no-pager"], tmp_path, folder)
    child.expect("hlaw> ")
    child.sendeof() if leave == "eof" else child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and "Traceback" not in (child.before or "")


def test_pager_on_a_small_terminal_only(tmp_path: Path) -> None:
    folder = write_entries(tmp_path / "user", WEB)
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open({str(paged)!r}, 'w').write(sys.stdin.read())\""
    child = spawn(["show", "hub"], tmp_path, folder, rows=8, PAGER=pager)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and "Hub" in paged.read_text()
    paged.unlink()
    child = spawn(["show", "hub", "--no-pager"], tmp_path, folder, rows=8, PAGER=pager)
    child.expect("Hub")
    child.expect(pexpect.EOF)
    assert not paged.exists()
