"""The cached index: rebuilt when entries change, never trusted when broken, optional when unwritable."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hlaw_cli.cli import app
from hlaw_cli.folders import entry_folders
from hlaw_cli.index import cache_file, fingerprint
from hlaw_cli.library import find_entry, open_library
from tests.conftest import FIXTURES, write_entries


def index_path() -> Path:
    path = cache_file(entry_folders())
    assert path is not None
    return path


def titles() -> dict[str, str]:
    return {s.id: s.title for s in open_library().summaries()}


def touch_later(path: Path) -> None:
    """Make sure an edit shows in the modification time even on coarse clocks."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_index_is_written_once_and_reused(only_fixtures: Path) -> None:
    assert "wanderers" in titles()
    path = index_path()
    assert path.is_file()
    built = path.stat().st_mtime_ns
    time.sleep(0.01)
    assert "wanderers" in titles()
    assert path.stat().st_mtime_ns == built  # not rebuilt


def test_edit_add_delete_rename_are_seen(only_fixtures: Path) -> None:
    titles()
    target = only_fixtures / "wanderers.toml"
    target.write_text(target.read_text().replace('title = "Wanderers"', 'title = "Nomads"'))
    touch_later(target)
    assert titles()["wanderers"] == "Nomads"
    write_entries(only_fixtures, {"added": 'title = "Added"\nsummary = "new"'})
    assert titles()["added"] == "Added"
    (only_fixtures / "added.toml").unlink()
    assert "added" not in titles()
    (only_fixtures / "hostile.toml").rename(only_fixtures / "renamed.toml")
    assert "renamed" in titles() and "hostile" not in titles()


def test_corrupt_index_is_rebuilt(only_fixtures: Path) -> None:
    titles()
    index_path().write_bytes(b"this is not a database" * 100)
    assert "wanderers" in titles()
    sqlite3.connect(index_path()).execute("SELECT count(*) FROM entries").fetchone()


def test_foreign_database_is_rebuilt(only_fixtures: Path) -> None:
    path = index_path()
    path.parent.mkdir(parents=True)
    sqlite3.connect(path).execute("CREATE TABLE other(x)").connection.commit()
    assert "wanderers" in titles()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_cache_folder_still_works(
    only_fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    monkeypatch.setenv("XDG_CACHE_HOME", str(locked))
    assert "wanderers" in titles()


def test_failing_cache_write_still_works(only_fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    assert "wanderers" in titles()
    assert not index_path().exists()


def test_cache_folder_that_is_a_file_still_works(
    only_fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert find_entry(open_library(), "aaw").id == "alpha-agency"
    assert blocker.read_text() == "not a folder"


def test_no_home_and_no_cache_setting(only_fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setattr("os.path.expanduser", lambda path: path)
    assert "wanderers" in titles()


def test_fingerprint_changes_with_folders(only_fixtures: Path, tmp_path: Path) -> None:
    extra = write_entries(tmp_path / "extra", {})
    assert fingerprint(entry_folders()) != fingerprint(entry_folders([extra]))
    assert cache_file(entry_folders()) != cache_file(entry_folders([extra]))


def test_concurrent_cold_runs(tmp_path: Path) -> None:
    """Eight processes start at once on an empty cache: all answer, and one good index remains."""
    folder = write_entries(tmp_path / "entries", FIXTURES)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "HLAW_ENTRIES": str(folder)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "hlaw_cli", "show", "aaw", "--json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), [err for _, err in results]
    assert all('"id": "alpha-agency"' in out for out, _ in results)
    cached = list((tmp_path / "cache" / "hlaw").iterdir())
    assert len(cached) == 1 and cached[0].name.startswith("index-")


def test_cache_commands(only_fixtures: Path) -> None:
    runner = CliRunner()
    titles()
    shown = runner.invoke(app, ["cache", "path"])
    assert shown.exit_code == 0 and shown.stdout.strip() == str(index_path())
    cleared = runner.invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0 and "removed 1 index file" in cleared.stderr
    assert not index_path().exists()
