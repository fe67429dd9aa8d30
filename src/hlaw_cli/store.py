"""Find entry folders and load every entry from its TOML file, collecting problems.

This is the source of truth: ``check`` reads it directly and the index is built from it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hlaw_cli.folders import entry_folders
from hlaw_cli.model import Entry, Folder, Problem
from hlaw_cli.schema import is_valid_id, parse_entry
from hlaw_cli.text import name_variants, normalize

CATEGORIES_FILE = "_categories.toml"
MAX_FILE_BYTES = 2 * 1024 * 1024


def read_toml(path: Path) -> tuple[dict[str, Any] | None, str, Problem | None]:
    """Parse one file; never raises for bad content."""
    try:
        import tomli as tomllib  # compiled with mypyc: about 4x faster than the stdlib's pure-Python copy
    except ImportError:  # pragma: no cover - tomli is a dependency; tomllib keeps a broken install working
        import tomllib  # type: ignore[no-redef]

    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, "", Problem(str(path), f"file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB (skipped)")
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, "", Problem(str(path), f"not UTF-8 text ({exc.reason} at byte {exc.start})")
    except OSError as exc:
        return None, "", Problem(str(path), f"cannot read: {exc.strerror or exc}")
    text = text.removeprefix("\ufeff")
    try:
        return tomllib.loads(text), text, None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(match.group(1)) if match else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message).rstrip(".")
        return None, text, Problem(str(path), f"invalid TOML: {message}", line)


@dataclass
class Corpus:
    """The entries in effect, and every problem found while loading them."""

    folders: list[Folder]
    entries: dict[str, Entry] = field(default_factory=dict)
    broken: dict[str, list[Problem]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    categories: dict[str, str] = field(default_factory=dict)

    def sorted_entries(self) -> list[Entry]:
        return [self.entries[key] for key in sorted(self.entries)]


# Below this many files a process pool costs more to start than it saves.
PARALLEL_FROM = 1000


def load_corpus(extra: Sequence[Path] = (), folders: list[Folder] | None = None) -> Corpus:
    corpus = Corpus(folders=entry_folders(extra) if folders is None else folders)
    work: list[tuple[Folder, Path]] = []
    for folder in corpus.folders:
        if not folder.exists:
            corpus.problems.append(Problem(str(folder.path), f"entry folder does not exist ({folder.origin})", None))
            continue
        _load_categories(corpus, folder.path / CATEGORIES_FILE)
        work += [(folder, path) for path in sorted(folder.path.glob("*.toml"), key=lambda path: path.name)]
    for (folder, path), (entry, problems) in zip(work, parse_files([path for _, path in work]), strict=True):
        _add(corpus, folder, path, entry, problems)
    corpus.problems += cross_check(corpus)
    return corpus


def _load_categories(corpus: Corpus, path: Path) -> None:
    if not path.is_file():
        return
    raw, _text, problem = read_toml(path)
    if problem is not None:
        corpus.problems.append(problem)
        return
    for slug, name in (raw or {}).items():
        if isinstance(name, str):
            corpus.categories[slug] = name
        else:
            corpus.problems.append(Problem(str(path), f"category {slug!r} must map to a display name (a string)"))


def parse_file(path: Path) -> tuple[Entry | None, list[Problem]]:
    """One entry file, validated; never raises for bad content."""
    name = path.stem
    if name.startswith("_"):
        return None, []
    if not is_valid_id(name):
        message = "file name is not a valid id (lower-case letters, digits and single hyphens); not loaded"
        return None, [Problem(str(path), message)]
    if path.is_symlink() and not _inside(path.resolve(), path.parent.resolve()):
        return None, [Problem(str(path), "symbolic link to a file outside its entry folder; not loaded")]
    raw, text, problem = read_toml(path)
    if problem is not None:
        return None, [problem]
    return parse_entry(name, path, raw or {}, text)


def _inside(path: Path, folder: Path) -> bool:
    return folder == path.parent or folder in path.parents


def _parse_chunk(paths: list[Path]) -> list[tuple[Entry | None, list[Problem]]]:
    return [parse_file(path) for path in paths]


def _ignore_interrupt() -> None:
    """Workers leave Ctrl-C to the parent, which stops them; no tracebacks from children."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def parse_files(paths: list[Path]) -> list[tuple[Entry | None, list[Problem]]]:
    """Parse files in order; a large folder is spread over the machine's cores."""
    cores = os.cpu_count() or 1
    if len(paths) < PARALLEL_FROM or cores < 2:
        return _parse_chunk(paths)
    try:
        from concurrent.futures import ProcessPoolExecutor

        size = -(-len(paths) // (cores * 4))
        chunks = [paths[start : start + size] for start in range(0, len(paths), size)]
        with ProcessPoolExecutor(max_workers=min(cores, 8), initializer=_ignore_interrupt) as pool:
            return [result for chunk in pool.map(_parse_chunk, chunks) for result in chunk]
    except (OSError, NotImplementedError, ImportError):  # no process pools here (some sandboxes)
        return _parse_chunk(paths)


def _add(corpus: Corpus, folder: Folder, path: Path, entry: Entry | None, problems: list[Problem]) -> None:
    """Record one parsed file; a later folder's file overrides an earlier one with the same id."""
    name = path.stem
    corpus.problems += problems
    if name.startswith("_") or not is_valid_id(name):
        return
    if name in corpus.entries or name in corpus.broken:
        earlier = corpus.entries[name].source if name in corpus.entries else corpus.broken[name][0].file
        corpus.problems.append(Problem(str(path), f"overrides {earlier} ({folder.origin})", None, "warning"))
    corpus.entries.pop(name, None)
    corpus.broken.pop(name, None)
    if entry is None:
        corpus.broken[name] = [p for p in problems if p.is_error]
    else:
        corpus.entries[name] = entry


def cross_check(corpus: Corpus) -> list[Problem]:
    """Problems between entries: links to missing ids, shared names, unknown categories."""
    problems: list[Problem] = []
    owners: dict[str, str] = {}
    for entry in corpus.sorted_entries():
        source = str(entry.source)
        for target in entry.see_also:
            if target == entry.id:
                problems.append(Problem(source, "see_also links the entry to itself"))
            elif target not in corpus.entries:
                problems.append(Problem(source, f"see_also links to missing entry {target!r}"))
        for target in entry.mentions:
            if target not in corpus.entries:
                problems.append(Problem(source, f"cross-reference [[{target}]] to missing entry {target!r}"))
        for basis in entry.legal_bases:
            if basis.entry and basis.entry not in corpus.entries:
                problems.append(Problem(source, f"legal_bases.entry links to missing entry {basis.entry!r}"))
        for category in entry.categories:
            if category not in corpus.categories:
                problems.append(Problem(source, f"unknown category {category!r}"))
        for alias in entry.aliases:
            key = normalize(alias)
            owner = owners.get(key)
            if owner is not None and owner != entry.id:
                problems.append(Problem(source, f"alias {alias!r} is already claimed by entry {owner!r}"))
            owners.setdefault(key, entry.id)
    return problems


def name_index(entries: Iterable[Entry]) -> dict[str, str]:
    """Normalized title, title variants and aliases -> id; the first claim wins."""
    index: dict[str, str] = {}
    for entry in entries:
        for name in (*name_variants(entry.title), *entry.aliases):
            index.setdefault(normalize(name), entry.id)
    return index
