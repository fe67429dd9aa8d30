"""The persistent index: a SQLite file in the user cache, built from the TOML files.

The TOML files stay the only source of truth. The index is rebuilt whenever the entry folders
change (file names, sizes, modification times) or hlaw's version changes; it is written to a
temporary file and renamed into place, so concurrent runs never see half an index. Where the
cache folder cannot be written, the index is built in memory and hlaw works as before.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from hlaw_cli import __version__
from hlaw_cli.library import BODY, MENTION, NAME, SEE_ALSO, SUMMARY
from hlaw_cli.model import Entry, Folder
from hlaw_cli.record import is_record
from hlaw_cli.text import name_variants, normalize, stem, strip_xrefs, words

if TYPE_CHECKING:
    from hlaw_cli.store import Corpus


SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE entries(id TEXT PRIMARY KEY, title TEXT, kind TEXT, summary TEXT, categories TEXT, data TEXT);
CREATE TABLE entry_categories(id TEXT, slug TEXT);
CREATE TABLE categories(slug TEXT PRIMARY KEY, name TEXT);
CREATE TABLE names(norm TEXT PRIMARY KEY, id TEXT);
CREATE TABLE entry_names(id TEXT, norm TEXT);
CREATE INDEX entry_names_id ON entry_names(id);
CREATE TABLE links(src TEXT, dst TEXT, kind TEXT, seq INTEGER);
CREATE INDEX links_src ON links(src);
CREATE INDEX links_dst ON links(dst);
CREATE TABLE citations(src TEXT, entry TEXT, instrument TEXT, articles TEXT, note TEXT, seq INTEGER);
CREATE INDEX citations_entry ON citations(entry);
CREATE TABLE broken(id TEXT, file TEXT, line INTEGER, message TEXT);
CREATE TABLE problems(seq INTEGER PRIMARY KEY, file TEXT, line INTEGER, message TEXT, severity TEXT);
CREATE TABLE postings(
    token TEXT PRIMARY KEY, stem TEXT, length INTEGER, name TEXT, summary TEXT, body TEXT, body_counts TEXT
) WITHOUT ROWID;
CREATE INDEX postings_stem ON postings(stem);
CREATE INDEX postings_length ON postings(length);
"""


def cache_folder() -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "hlaw"
    home = os.path.expanduser("~")
    return None if home == "~" else Path(home) / ".cache" / "hlaw"


def cache_file(folders: Sequence[Folder]) -> Path | None:
    """One index per set of folders, so runs with different --entries do not evict each other."""
    base = cache_folder()
    if base is None:
        return None
    key = zlib.crc32("\0".join(str(f.path) for f in folders).encode())
    return base / f"index-{key:08x}.sqlite3"


def fingerprint(folders: Sequence[Folder]) -> str:
    """Changes whenever a file is added, removed, renamed or edited in any folder.

    Kept whole rather than hashed: comparing a few hundred kilobytes costs less than
    importing hashlib, and two different states can never compare equal.
    """
    state: list[object] = [__version__, zlib.crc32(SCHEMA.encode())]  # a new layout means a new index
    for folder in folders:
        files: list[tuple[str, int, int]] = []
        try:
            with os.scandir(folder.path) as found:
                for item in found:
                    if item.name.endswith(".toml"):
                        try:
                            stat = item.stat()
                            files.append((item.name, stat.st_size, stat.st_mtime_ns))
                        except OSError:
                            files.append((item.name, -1, -1))
        except OSError:
            state.append((str(folder.path), folder.origin, None))
            continue
        files.sort()
        state.append((str(folder.path), folder.origin, files))
    return repr(state)


def open_index(folders: list[Folder]) -> sqlite3.Connection:
    """A connection to an up-to-date index of ``folders``: cached, rebuilt or in memory."""
    stamp = fingerprint(folders)
    path = cache_file(folders)
    if path is not None:
        cached = _open_cached(path, stamp)
        if cached is not None:
            return cached
    from hlaw_cli.store import load_corpus

    corpus = load_corpus(folders=folders)
    if path is not None:
        with contextlib.suppress(OSError, sqlite3.Error):
            _write_file(corpus, stamp, path)
            cached = _open_cached(path, stamp)
            if cached is not None:
                return cached
    memory = sqlite3.connect(":memory:")
    _fill(memory, corpus, stamp)
    return memory


def _open_cached(path: Path, stamp: str) -> sqlite3.Connection | None:
    """The cached index if it exists, is readable, is an index of ours and is current."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        row = conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except sqlite3.Error:
        return None
    if row is None or row[0] != stamp:
        conn.close()
        return None
    return conn


def _write_file(corpus: Corpus, stamp: str, path: Path) -> None:
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
    os.close(handle)
    try:
        conn = sqlite3.connect(temporary)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            _fill(conn, corpus, stamp)
        finally:
            conn.close()
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def clear_cache() -> list[Path]:
    """Remove every index file; return what was removed."""
    base = cache_folder()
    removed: list[Path] = []
    if base is None or not base.is_dir():
        return removed
    for path in sorted(base.glob("index-*.sqlite3")) + sorted(base.glob(".index-*.tmp")):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _fill(conn: sqlite3.Connection, corpus: Corpus, stamp: str) -> None:
    from hlaw_cli.store import name_index

    conn.executescript(SCHEMA)
    entries = corpus.sorted_entries()
    conn.executemany(
        "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)",
        (
            (e.id, e.title, e.kind, e.summary, json.dumps(list(e.categories)), json.dumps(e, default=_json_default))
            for e in entries
        ),
    )
    conn.executemany("INSERT INTO entry_categories VALUES (?, ?)", ((e.id, c) for e in entries for c in e.categories))
    conn.executemany("INSERT INTO categories VALUES (?, ?)", corpus.categories.items())
    conn.executemany("INSERT INTO names VALUES (?, ?)", name_index(entries).items())
    conn.executemany("INSERT INTO entry_names VALUES (?, ?)", _all_names(entries))
    conn.executemany("INSERT INTO links VALUES (?, ?, ?, ?)", _links(entries, set(corpus.entries)))
    conn.executemany(
        "INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?)",
        (
            (e.id, b.entry, b.instrument, b.articles, b.note, seq)
            for e in entries
            for seq, b in enumerate(e.legal_bases)
            if b.entry
        ),
    )
    conn.executemany(
        "INSERT INTO broken VALUES (?, ?, ?, ?)",
        ((eid, p.file, p.line, p.message) for eid, problems in corpus.broken.items() for p in problems[:1]),
    )
    conn.executemany(
        "INSERT INTO problems VALUES (?, ?, ?, ?, ?)",
        ((seq, p.file, p.line, p.message, p.severity) for seq, p in enumerate(corpus.problems)),
    )
    conn.executemany("INSERT INTO postings VALUES (?, ?, ?, ?, ?, ?, ?)", _postings(entries))
    conn.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (stamp,))
    conn.commit()


def _links(entries: Iterable[Entry], known: set[str]) -> Iterable[tuple[str, str, str, int]]:
    """(from, to, kind, order): curated see-also first, then cross-references in the text."""
    for entry in entries:
        targets = [(dst, SEE_ALSO) for dst in entry.see_also]
        targets += [(dst, MENTION) for dst in entry.mentions if dst not in entry.see_also]
        for seq, (dst, kind) in enumerate(targets):
            if dst in known and dst != entry.id:
                yield entry.id, dst, kind, seq


def _json_default(value: object) -> object:
    """Records, dates and paths for the C JSON encoder: much faster than converting first."""
    if is_record(value):
        return value.__dict__
    if isinstance(value, date):
        return value.isoformat()
    return str(value)  # Path


def _all_names(entries: Iterable[Entry]) -> Iterable[tuple[str, str]]:
    for entry in entries:
        names = {normalize(n) for n in (*name_variants(entry.title), *entry.aliases, entry.id.replace("-", " "))}
        for name in sorted(names):
            yield entry.id, name


def _postings(entries: Iterable[Entry]) -> Iterable[tuple[str, str, int, str, str, str, str]]:
    """One row a word: the ids of the entries that have it in a name, in the summary, in the
    body, and how often in the body. Space-separated ids (which never contain spaces) let a
    search turn a row into sets and dicts at C speed."""
    fields: tuple[defaultdict[str, list[str]], ...] = (defaultdict(list), defaultdict(list), defaultdict(list))
    counts: defaultdict[str, list[str]] = defaultdict(list)
    for entry in entries:
        name_text = " ".join((entry.id.replace("-", " "), entry.title, *entry.aliases))
        body_text = strip_xrefs(" ".join(part for s in entry.sections for part in (s.title, s.text)))
        for token in set(words(name_text)):
            fields[NAME][token].append(entry.id)
        for token in set(words(strip_xrefs(entry.summary))):
            fields[SUMMARY][token].append(entry.id)
        for token, count in Counter(words(body_text)).items():
            fields[BODY][token].append(entry.id)
            counts[token].append(str(count))
    for token in sorted(fields[NAME].keys() | fields[SUMMARY].keys() | fields[BODY].keys()):
        name, summary, body = (" ".join(field.get(token, ())) for field in fields)
        yield token, stem(token), len(token), name, summary, body, " ".join(counts.get(token, ()))
