"""Parsing at archive scale: results kept by content, and notes parsed on every core.

A note's parse depends only on its bytes, its path and the parse options, so it is kept under a key made
of those (and of this package's own code, so that an upgrade parses again): a second build, and each
rebuild of ``mkdocs serve``, parse only the notes that changed. The results live in memory for the
life of the process (the plugin object is kept across ``mkdocs serve`` rebuilds) and in one SQLite file,
``.cache/minutes/notes.sqlite`` beside ``mkdocs.yml``, across processes. What is not kept is parsed in a
pool of processes when there is enough of it to pay for starting them; MkDocs itself waits meanwhile.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import multiprocessing
import os
import pickle
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from .model import ParsedNote
from .parse import NoteInput, ParseOptions, RawNote, parse_one

# Below this many bytes to parse, starting processes costs more than it saves. Parsing is the plugin's
# largest cost (the classifier about two thirds of it, reading every sentence of a meeting for its cues):
# on two cores the pool runs it beside nothing else, the cache makes a second build parse only what changed.
POOL_THRESHOLD = 2_000_000
_SCHEMA = "CREATE TABLE IF NOT EXISTS notes (key TEXT PRIMARY KEY, note BLOB NOT NULL, used INTEGER NOT NULL)"


def _code_version() -> str:
    """A digest of this package's Python files and the classifier's weights: a parse cached by another version
    is parsed again."""
    digest = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted([*root.rglob("*.py"), *root.glob("records/*.json")]):
        digest.update(path.relative_to(root).as_posix().encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE_VERSION = _code_version()


class NoteCache:
    """Parsed notes by key, in memory and, when given a folder, in a SQLite file there."""

    def __init__(self, folder: str | None = None) -> None:
        self.memory: dict[str, ParsedNote] = {}
        self.folder = folder  # where the SQLite file goes; None for memory only
        self._wanted = folder
        self._db: sqlite3.Connection | None = None
        self.generation = 0  # the build being run: entries no build used for a while are dropped
        self.hits = self.misses = 0

    @staticmethod
    def key(note: RawNote, options: ParseOptions) -> str:
        digest = hashlib.sha256()
        for part in (CODE_VERSION, options.fingerprint, note.path):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        digest.update(note.data)
        return digest.hexdigest()

    def _connection(self) -> sqlite3.Connection | None:
        if self._db is None and self._wanted is not None:
            try:
                os.makedirs(self._wanted, exist_ok=True)
                self._db = sqlite3.connect(os.path.join(self._wanted, "notes.sqlite"))
                self._db.execute(_SCHEMA)
            except (OSError, sqlite3.Error):
                self._wanted = None  # a read-only checkout: the memory cache still serves
        return self._db

    def get(self, key: str) -> ParsedNote | None:
        note = self.memory.get(key)
        db = self._connection()
        if note is None and db is not None:
            row = db.execute("SELECT note FROM notes WHERE key = ?", (key,)).fetchone()
            if row is not None:
                try:
                    note = pickle.loads(row[0])
                except Exception:  # a file from another Python: parse again
                    note = None
                if note is not None:
                    self.memory[key] = note
        if note is not None:
            self.hits += 1
            if db is not None:
                db.execute("UPDATE notes SET used = ? WHERE key = ?", (self.generation, key))
        return note

    def put(self, key: str, note: ParsedNote) -> None:
        self.misses += 1
        self.memory[key] = note
        db = self._connection()
        if db is not None:
            db.execute(
                "INSERT OR REPLACE INTO notes VALUES (?, ?, ?)",
                (key, pickle.dumps(note, protocol=pickle.HIGHEST_PROTOCOL), self.generation),
            )

    def start_build(self) -> None:
        """A new build: the previous one's statistics are cleared, and its generation counted."""
        self.hits = self.misses = 0
        db = self._connection()
        if db is not None:
            row = db.execute("SELECT MAX(used) FROM notes").fetchone()
            self.generation = (row[0] or 0) + 1

    def end_build(self, keep: int = 3) -> None:
        """Write the cache out; drop what the last ``keep`` builds did not use (edited notes' old parses)."""
        db = self._connection()
        if db is not None:
            db.execute("DELETE FROM notes WHERE used < ?", (self.generation - keep,))
            db.commit()
        live = set(self.memory)
        if len(live) > 4 * max(self.hits + self.misses, 1):  # serve: old versions of edited notes
            self.memory = {key: self.memory[key] for key in list(self.memory)[-(self.hits + self.misses) :]}


class CachedRunner:
    """Parses a batch of notes (``parse.Runner``): kept ones from the cache, the others in a pool or here."""

    def __init__(self, cache: NoteCache | None = None, workers: int | None = None) -> None:
        self.cache = cache
        self.workers = workers if workers is not None else (os.cpu_count() or 1)

    def __call__(self, jobs: list[tuple[NoteInput, ParseOptions]]) -> list[ParsedNote]:
        results: list[ParsedNote | None] = [None] * len(jobs)
        keys: list[str | None] = [None] * len(jobs)
        todo: list[int] = []
        for position, (note, options) in enumerate(jobs):
            if self.cache is not None and isinstance(note, RawNote):
                found = keys[position] = self.cache.key(note, options)
                results[position] = self.cache.get(found)
            if results[position] is None:
                todo.append(position)
        for position, parsed in zip(todo, self._parse([jobs[position] for position in todo]), strict=True):
            results[position] = parsed
            key = keys[position]
            if self.cache is not None and key is not None:
                self.cache.put(key, parsed)
        return [note for note in results if note is not None]

    def _parse(self, jobs: list[tuple[NoteInput, ParseOptions]]) -> Iterator[ParsedNote]:
        size = sum(len(note.data) for note, _ in jobs if isinstance(note, RawNote))
        if not jobs or self.workers < 2 or size < POOL_THRESHOLD or not _picklable(jobs[0][1]):
            return (parse_one(note, options) for note, options in jobs)
        return iter(_in_pool(jobs, self.workers))


def _picklable(options: ParseOptions) -> bool:
    """A site's own toc ``slugify`` may be a closure, which no other process can be handed."""
    try:
        pickle.dumps(options)
    except Exception:  # pickle raises many kinds of error for what it cannot take
        return False
    return True


def _job(job: tuple[NoteInput, ParseOptions]) -> ParsedNote:
    return parse_one(*job)


def _in_pool(jobs: list[tuple[NoteInput, ParseOptions]], workers: int) -> list[ParsedNote]:
    """Parse in ``workers`` processes, largest notes first so that no process is left with the longest one."""
    order = sorted(range(len(jobs)), key=lambda position: -_size(jobs[position][0]))
    # "spawn" rather than "fork": MkDocs serve (and the search indexer) run threads, which fork copies badly.
    context = multiprocessing.get_context("spawn")
    results: list[ParsedNote | None] = [None] * len(jobs)
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        parsed = pool.map(_job, [jobs[position] for position in order], chunksize=max(1, len(jobs) // (workers * 8)))
        for position, note in zip(order, parsed, strict=True):
            results[position] = note
    return [note for note in results if note is not None]


def _size(note: NoteInput) -> int:
    return len(note.data) if isinstance(note, RawNote) else len(note.text or "")
