"""One smoke test of the installed console script, as a user runs it from any folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def hlaw() -> str:
    found = shutil.which("hlaw", path=str(Path(sys.executable).parent))
    assert found, "the hlaw console script is not installed next to this Python"
    return found


def test_installed_hlaw_shows_iom_from_any_folder(tmp_path: Path) -> None:
    result = subprocess.run([hlaw(), "show", "iom"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("International Organization for Migration (IOM)\n")
    assert "\x1b" not in result.stdout  # not a terminal: plain text
    assert result.stderr == ""


def test_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hlaw_cli", "--version"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.startswith("hlaw ")


def test_closed_pipe_is_quiet(tmp_path: Path) -> None:
    script = f"'{hlaw()}' list | head -1; '{hlaw()}' show iom | head -c 10 >/dev/null"
    result = subprocess.run(["sh", "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""
