"""Where entries live: the built-in corpus, the user's data folder, HLAW_ENTRIES and --entries."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from hlaw_cli.model import Folder


def builtin_folder() -> Path:
    """The corpus shipped with hlaw: inside the package when installed, at the repo root in a checkout."""
    packaged = Path(__file__).resolve().parent / "entries"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "entries"


def user_data_folder() -> Path | None:
    base = os.environ.get("XDG_DATA_HOME")
    if base:
        return Path(base) / "hlaw" / "entries"
    home = os.path.expanduser("~")
    if home == "~":  # no HOME and no passwd entry
        return None
    return Path(home) / ".local" / "share" / "hlaw" / "entries"


def entry_folders(extra: Sequence[Path] = ()) -> list[Folder]:
    """Every folder in effect, in override order: later folders win."""
    folders = [Folder(builtin_folder(), "built-in", True)]
    user = user_data_folder()
    if user is not None and user.is_dir():
        folders.append(Folder(user, "user data", True))
    for part in os.environ.get("HLAW_ENTRIES", "").split(os.pathsep):
        if part.strip():
            path = Path(part.strip()).expanduser()
            folders.append(Folder(path, "HLAW_ENTRIES", path.is_dir()))
    for path in extra:
        folders.append(Folder(path, "--entries", path.is_dir()))
    return folders
