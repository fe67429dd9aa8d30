"""Bad input of every kind: a clear message, the documented exit code, no traceback, nothing else lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hlaw_cli.cli import app
from hlaw_cli.store import MAX_FILE_BYTES, load_corpus
from tests.conftest import write_entries

runner = CliRunner(env={"COLUMNS": "80"})
GOOD = 'title = "Fine"\nsummary = "still served"\n'


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


@pytest.fixture(autouse=True)
def _fixtures(only_fixtures: Path) -> None:
    """Every test here runs on the fixture corpus."""


# (file name, bytes written, expected message): each alone in a user folder next to a good entry.
BAD_ENTRY_FILES = [
    ("toml.toml", b'title = "x"\nsummary = "unterminated\n', "invalid TOML"),
    ("latin.toml", 'title = "Réfugié"\nsummary = "x"\n'.encode("latin-1"), "not UTF-8"),
    ("types.toml", b'title = ["a", "list"]\nsummary = "x"\n', "title must be a string, not a list"),
    ("nested.toml", b'title = "x"\n[[sections]]\ntitle = 3\ntext = "t"\n', "sections[1].title must be a string"),
    ("required.toml", b'summary = "no title"\n', "missing required field 'title'"),
    ("Bad Name.toml", GOOD.encode(), "not a valid id"),
    ("empty.toml", b"", "missing required field 'title'"),
    ("nul.toml", b'title = "a\x00b"\nsummary = "x"\n', "invalid TOML"),
    ("huge.toml", b'title = "x"\nsummary = "' + b"a" * (MAX_FILE_BYTES + 10) + b'"\n', "larger than"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_ENTRY_FILES, ids=[case[0] for case in BAD_ENTRY_FILES])
def test_bad_entry_file(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    folder = write_entries(tmp_path / "user", {"fine": GOOD})
    (folder / name).write_bytes(content)
    started = time.perf_counter()
    listed = run("list", "--entries", str(folder))
    assert time.perf_counter() - started < 10  # never a hang
    assert listed.exit_code == 0, listed.output
    assert "fine: Fine" in listed.stdout  # every other entry still served
    assert message in listed.stderr and name in listed.stderr
    assert listed.stderr.count("\n") == 1  # one line for the file
    assert "Traceback" not in listed.output
    checked = run("check", "--entries", str(folder))
    assert checked.exit_code == 3 and message in checked.stdout
    stem = Path(name).stem
    if stem.isidentifier() and stem.islower():
        shown = run("show", stem, "--entries", str(folder))
        assert shown.exit_code == 3 and "cannot be read" in shown.stderr


def test_bom_is_accepted(tmp_path: Path) -> None:
    folder = write_entries(tmp_path / "user", {})
    (folder / "bom.toml").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert run("show", "bom", "--entries", str(folder)).exit_code == 0


def test_unknown_field_warns_but_serves(tmp_path: Path) -> None:
    folder = write_entries(tmp_path / "user", {"typo": GOOD + 'sumary = "typo"\n'})
    assert run("show", "typo", "--entries", str(folder)).exit_code == 0
    checked = run("check", "--entries", str(folder))
    assert checked.exit_code == 0 and "warning: unknown field 'sumary'" in checked.stdout


def test_duplicate_ids_across_folders_follow_the_override_order(tmp_path: Path) -> None:
    first = write_entries(tmp_path / "first", {"same": 'title = "First"\nsummary = "1"'})
    second = write_entries(tmp_path / "second", {"same": 'title = "Second"\nsummary = "2"'})
    shown = run("show", "same", "--entries", str(first), "--entries", str(second), "--json")
    assert json.loads(shown.stdout)["title"] == "Second"
    checked = run("check", "--entries", str(first), "--entries", str(second))
    assert "overrides" in checked.stdout and str(first / "same.toml") in checked.stdout


def test_links_to_missing_ids_self_links_and_cycles(tmp_path: Path) -> None:
    folder = write_entries(
        tmp_path / "user",
        {
            "a": 'title = "A"\nsummary = "a"\nsee_also = ["b", "a", "ghost"]\n[[legal_bases]]\ninstrument = "X"\nentry = "phantom"',
            "b": 'title = "B"\nsummary = "b"\nsee_also = ["a"]',
        },
    )
    shown = run("related", "a", "--entries", str(folder), "--json")
    assert shown.exit_code == 0
    data = json.loads(shown.stdout)
    assert [link["id"] for link in data["see_also"]] == ["b"]  # no self, no ghost
    assert [link["id"] for link in data["referenced_by"]] == ["b"]
    checked = run("check", "--entries", str(folder), "--json")
    messages = {problem["message"] for problem in json.loads(checked.stdout)}
    assert {"see_also links the entry to itself", "see_also links to missing entry 'ghost'",
            "legal_bases.entry links to missing entry 'phantom'"} <= messages  # fmt: skip


def test_duplicate_alias_is_a_check_error(tmp_path: Path) -> None:
    folder = write_entries(tmp_path / "user", {"mine": 'title = "Mine"\nsummary = "m"\naliases = ["aaw"]'})
    checked = run("check", "--entries", str(folder))
    assert checked.exit_code == 3 and "alias 'aaw' is already claimed by entry 'alpha-agency'" in checked.stdout


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.toml"
    outside.write_text('title = "Outside"\nsummary = "should not be served"\n')
    folder = write_entries(tmp_path / "user", {"fine": GOOD})
    (folder / "escape.toml").symlink_to(outside)
    (folder / "inner.toml").symlink_to(folder / "fine.toml")  # inside the folder: fine
    listed = run("list", "--entries", str(folder))
    assert "escape" not in listed.stdout and "inner: Fine" in listed.stdout
    assert "outside its entry folder" in listed.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path: Path) -> None:
    folder = write_entries(tmp_path / "user", {"fine": GOOD, "locked": GOOD})
    (folder / "locked.toml").chmod(0)
    listed = run("list", "--entries", str(folder))
    assert "cannot read" in listed.stderr and "fine: Fine" in listed.stdout


def test_read_errors_become_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as an unreadable file, for a run as root."""
    folder = write_entries(tmp_path / "user", {"fine": GOOD, "locked": GOOD})
    real = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "locked.toml":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    corpus = load_corpus([folder])
    assert "fine" in corpus.entries and "locked" in corpus.broken
    assert any("cannot read: Permission denied" in p.message for p in corpus.problems)


def test_missing_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = run("list", "--entries", str(tmp_path / "nowhere"))
    assert missing.exit_code == 2 and "Traceback" not in missing.output
    monkeypatch.setenv("HLAW_ENTRIES", str(tmp_path / "nowhere"))
    listed = run("list")
    assert listed.exit_code == 0 and "entry folder does not exist" in listed.stderr


HOSTILE = {
    "markup": 'title = "[bold]Loud[/bold] [link=https://evil.example]click[/link]"\nsummary = "[red]x[/red]"',
    "escapes": 'title = "Esc\\u001b[2J\\u001b]0;pwned\\u0007ape"\nsummary = "bell\\u0007 bs\\b c1\\u009b31m del\\u007f"',
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_is_shown_literally_and_without_controls(tmp_path: Path, name: str) -> None:
    folder = write_entries(tmp_path / "user", HOSTILE)
    for args in (["show", name], ["list"], ["search", "x"], ["related", name]):
        result = run(*args, "--entries", str(folder))
        visible = result.stdout.replace("\n", "")
        assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in visible), (args, result.stdout)
    assert "[bold]Loud[/bold]" in run("show", "markup", "--entries", str(folder)).stdout
    raw = run("show", "escapes", "--entries", str(folder), "--json").stdout
    assert "\\u001b" in raw and "\\u009b" in raw and "\x1b" not in raw
    assert "\x1b]0;pwned" in json.loads(raw)["title"]  # scripts get the text as written


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "/etc/passwd", "alpha-agency/../wanderers", "a\x00b", "x" * 100_000, "\x1b[2J"]
)
def test_path_like_and_huge_names_are_just_names(name: str) -> None:
    started = time.perf_counter()
    result = run("show", name)
    assert time.perf_counter() - started < 10
    assert result.exit_code == 1
    assert "no entry named" in result.stderr and len(result.stderr) < 500
    assert "Traceback" not in result.output and "\x1b" not in result.stderr


@pytest.mark.parametrize("query", ["", "   ", "x" * 100_000, "\x00\x1b[31m", "!!!"])
def test_bad_queries_are_usage_errors(query: str) -> None:
    result = run("search", query)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert len(result.stderr) < 500


@pytest.mark.parametrize("limit", ["0", "-1", "1001", "1e9", "many"])
def test_bad_limits(limit: str) -> None:
    assert run("search", "wanderers", "--limit", limit).exit_code == 2


def test_unknown_section() -> None:
    result = run("show", "aaw", "--section", "\x1b[31mnope")
    assert result.exit_code == 2 and "\x1b" not in result.stderr


def _hlaw_script(body: str) -> list[str]:
    """Run the real console entry point in a subprocess, after ``body`` set up a fault."""
    return [
        sys.executable,
        "-c",
        f"import sys\n{body}\nfrom hlaw_cli.cli import main\nsys.argv = ['hlaw', 'list']\nmain()",
    ]


def test_ctrl_c_exits_130_without_traceback() -> None:
    body = "import hlaw_cli.library as l\ndef stop(*a, **k):\n    raise KeyboardInterrupt\nl.open_library = stop"
    result = subprocess.run(_hlaw_script(body), capture_output=True, text=True, timeout=60)
    assert result.returncode == 130
    assert "Traceback" not in result.stderr


def test_real_sigint_during_a_run(tmp_path: Path) -> None:
    """A SIGINT while hlaw reads a large folder: exit 130, no traceback from it or its workers."""
    import signal

    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(3000):
        (folder / f"e-{number}.toml").write_text(f'title = "E {number}"\nsummary = "{"word " * 200}"\n')
    env = {**os.environ, "HLAW_ENTRIES": str(folder), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    process = subprocess.Popen(
        [sys.executable, "-m", "hlaw_cli", "list"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode in (130, 0)  # 0 only if it finished before the signal
    assert "Traceback" not in err


def test_no_home(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key not in ("HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME")}
    result = subprocess.run(
        [sys.executable, "-m", "hlaw_cli", "show", "iom", "--json"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "iom"
