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
import gc
import hashlib
import multiprocessing
import os
import pickle
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from .model import ParsedNote
from .parse import NoteInput, ParseOptions, RawNote, parse_one

# Below this many bytes to parse, starting processes costs more than it saves. Parsing is the plugin's
# largest cost (the classifier about two thirds of it, reading every sentence of a meeting for its cues):
# on two cores the pool runs it beside nothing else, the cache makes a second build parse only what changed.
POOL_THRESHOLD = 2_000_000
J = TypeVar("J")
R = TypeVar("R")
_SCHEMA = "CREATE TABLE IF NOT EXISTS notes (key TEXT PRIMARY KEY, note BLOB NOT NULL, used INTEGER NOT NULL)"
# What later steps keep by a key of their own (a meeting page's render): the step's name, the key, the value.
_KEPT_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS kept (step TEXT, key TEXT, value BLOB NOT NULL, used INTEGER NOT NULL,"
    " PRIMARY KEY (step, key))"
)


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
        self.kept: dict[tuple[str, str], object] = {}  # (step, key) -> what ``put_kept`` was given
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
                # one build at a time uses it, but ``mkdocs serve`` rebuilds in a thread of its own
                self._db = sqlite3.connect(os.path.join(self._wanted, "notes.sqlite"), check_same_thread=False)
                self._db.execute(_SCHEMA)
                self._db.execute(_KEPT_SCHEMA)
            except (OSError, sqlite3.Error):
                self._wanted = None  # a read-only checkout: the memory cache still serves
        return self._db

    def get(self, key: str) -> ParsedNote | None:
        return self.get_many([key]).get(key)

    def get_many(self, keys: list[str]) -> dict[str, ParsedNote]:
        """The notes kept under ``keys`` (those there are): from memory, else read in a few queries."""
        found = {key: self.memory[key] for key in keys if key in self.memory}
        db = self._connection()
        missing = [key for key in keys if key not in found]
        if db is not None and missing:
            gc.disable()  # hundreds of thousands of small objects, none in a cycle: no collection meanwhile
            try:
                for start in range(0, len(missing), 500):
                    batch = missing[start : start + 500]
                    marks = ",".join("?" * len(batch))
                    for key, blob in db.execute(f"SELECT key, note FROM notes WHERE key IN ({marks})", batch):
                        note = _unpickled(blob)  # None: a file from another Python, parsed again
                        if isinstance(note, ParsedNote):
                            found[key] = self.memory[key] = note
            finally:
                gc.enable()
        self.hits += len(found)
        if db is not None and found:
            db.executemany("UPDATE notes SET used = ? WHERE key = ?", [(self.generation, key) for key in found])
        return found

    def put(self, key: str, note: ParsedNote) -> None:
        self.misses += 1
        self.memory[key] = note
        db = self._connection()
        if db is not None:
            db.execute(
                "INSERT OR REPLACE INTO notes VALUES (?, ?, ?)",
                (key, pickle.dumps(note, protocol=pickle.HIGHEST_PROTOCOL), self.generation),
            )

    def has_kept(self, step: str, key: str) -> bool:
        if (step, key) in self.kept:
            return True
        db = self._connection()
        found = db.execute("SELECT 1 FROM kept WHERE step = ? AND key = ?", (step, key)).fetchone() if db else None
        return found is not None

    def get_kept(self, step: str, key: str, remember: bool = True) -> object | None:
        """What ``step`` kept under ``key`` (in this process or an earlier one); None if nothing. A value not
        ``remember``-ed is read from the file each time, never held in memory."""
        value = self.kept.get((step, key))
        db = self._connection()
        if value is None and db is not None:
            row = db.execute("SELECT value FROM kept WHERE step = ? AND key = ?", (step, key)).fetchone()
            if row is not None:
                value = _unpickled(row[0])
                if remember:
                    self.kept[step, key] = value
        if value is not None and db is not None:
            db.execute("UPDATE kept SET used = ? WHERE step = ? AND key = ?", (self.generation, step, key))
        return value

    def put_kept(self, step: str, key: str, value: object, remember: bool = True) -> None:
        db = self._connection()
        if remember:
            self.kept[step, key] = value
        if db is not None:
            blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            db.execute("INSERT OR REPLACE INTO kept VALUES (?, ?, ?, ?)", (step, key, blob, self.generation))

    def start_build(self) -> None:
        """A new build: the previous one's statistics are cleared, and its generation counted."""
        self.hits = self.misses = 0
        if self._db is not None and self.folder and not os.path.exists(os.path.join(self.folder, "notes.sqlite")):
            self._db.close()  # the cache folder was deleted meanwhile (``mkdocs serve`` runs on): a new file
            self._db, self._wanted, self.memory, self.kept = None, self.folder, {}, {}
        db = self._connection()
        if db is not None:
            row = db.execute("SELECT MAX(used) FROM notes").fetchone()
            self.generation = (row[0] or 0) + 1

    def commit(self) -> None:
        """Write out what was kept since ``end_build`` (the renders and pages made after the notes were read)."""
        if self._db is not None:
            self._db.commit()

    def end_build(self, keep: int = 3) -> None:
        """Write the cache out; drop what the last ``keep`` builds did not use (edited notes' old parses)."""
        db = self._connection()
        if db is not None:
            db.execute("DELETE FROM notes WHERE used < ?", (self.generation - keep,))
            db.execute("DELETE FROM kept WHERE used < ?", (self.generation - keep,))
            db.commit()
        used = max(self.hits + self.misses, 1)
        if len(self.memory) > 4 * used:  # serve: old versions of edited notes
            self.memory = {key: self.memory[key] for key in list(self.memory)[-used:]}
        if len(self.kept) > 8 * used:  # and of their pages
            self.kept = {key: self.kept[key] for key in list(self.kept)[-2 * used :]}


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
                keys[position] = self.cache.key(note, options)
        kept = self.cache.get_many([key for key in keys if key is not None]) if self.cache is not None else {}
        for position, key in enumerate(keys):
            results[position] = kept.get(key) if key is not None else None
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
        if not jobs or self.workers < 2 or size < POOL_THRESHOLD or not picklable(jobs[0][1]):
            return (parse_one(note, options) for note, options in jobs)
        return iter(_in_pool(jobs, self.workers))


def picklable(value: object) -> bool:
    """Whether another process can be handed ``value``: a site's own toc ``slugify`` may be a closure."""
    try:
        pickle.dumps(value)
    except Exception:  # pickle raises many kinds of error for what it cannot take
        return False
    return True


def _job(job: tuple[NoteInput, ParseOptions]) -> ParsedNote:
    return parse_one(*job)


def _in_pool(jobs: list[tuple[NoteInput, ParseOptions]], workers: int) -> list[ParsedNote]:
    return run_in_pool(_job, jobs, workers, lambda job: _size(job[0]))


def run_in_pool(function: Callable[[J], R], jobs: list[J], workers: int, size: Callable[[J], int]) -> list[R]:
    """``function`` of each job in ``workers`` processes, largest jobs first so that no process is left with
    the longest one; the results in the jobs' order. The processes serve every step of a build that needs
    them (parsing, then rendering) and stop at ``close_pool``."""
    order = sorted(range(len(jobs)), key=lambda position: -size(jobs[position]))
    results: list[R | None] = [None] * len(jobs)
    # Jobs go in chunks: what they share (a site's settings) is pickled once a chunk.
    done = _pool(workers).map(
        function, [jobs[position] for position in order], chunksize=max(1, len(jobs) // (workers * 8))
    )
    for position, result in zip(order, done, strict=True):
        results[position] = result
    return [result for result in results if result is not None]


_POOLS: dict[int, concurrent.futures.ProcessPoolExecutor] = {}


def _pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    if workers not in _POOLS:
        close_pool()
        # "spawn" rather than "fork": MkDocs serve (and the search indexer) run threads, which fork copies badly.
        context = multiprocessing.get_context("spawn")
        _POOLS[workers] = concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context)
    return _POOLS[workers]


def close_pool() -> None:
    """Stop the processes of ``run_in_pool`` (the end of a build)."""
    while _POOLS:
        _POOLS.popitem()[1].shutdown()


def _size(note: NoteInput) -> int:
    return len(note.data) if isinstance(note, RawNote) else len(note.text or "")


def _unpickled(blob: bytes) -> object | None:
    try:
        return pickle.loads(blob)  # type: ignore[no-any-return]
    except Exception:  # a file from another Python or another version of the package: made again
        return None
