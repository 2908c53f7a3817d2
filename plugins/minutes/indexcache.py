"""The index's work, kept between builds beside the parsed notes: each note's part (``noteindex.NoteIndex``), the
resolution of people of the whole archive, and each series' action items.

A note's part is kept under a key made of the note's key in the note cache (its bytes, path and parse options,
and this package's code), what the index decided of the note's meetings and the options that change the part
(``noteindex.placed_notes``); the resolution under the keys of every note's part and the people file; a
series' action items under what its notes' parts were made of (``noteindex``); all with this package's code
version again: another version makes them anew. They live in memory for as long as the note cache they are
beside (the plugin keeps its ``NoteCache`` across ``mkdocs serve`` rebuilds, and this with it), and in
``.cache/minutes/index.sqlite`` beside ``notes.sqlite`` across processes: a second ``mkdocs build`` reads them
instead of indexing every note again.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import weakref
from collections import Counter

from .model import ParsedNote
from .notecache import CODE_VERSION, NoteCache
from .parse import NoteInput, ParseOptions, RawNote, Runner

_SCHEMA = "CREATE TABLE IF NOT EXISTS parts (key TEXT PRIMARY KEY, part BLOB NOT NULL, used INTEGER NOT NULL)"
# The index cache of each note cache, made on first use and gone with it.
_BESIDE: weakref.WeakKeyDictionary[NoteCache, IndexCache] = weakref.WeakKeyDictionary()


class IndexCache:
    """The index's work by key (``noteindex.KeptIndex``), in memory and, given a folder, in SQLite."""

    def __init__(self, folder: str | None = None) -> None:
        self.memory: dict[str, object] = {}
        self.folder = folder  # where the SQLite file goes; None for memory only
        self.keys: dict[str, str] = {}  # note path -> its key in the note cache, as this build parsed it
        # What this build made (the rest was kept), by kind: "note" parts, "people", series' "actions".
        self.made: Counter[str] = Counter()
        self.generation = 0  # the build being run: what no build used for a while is dropped
        self._wanted = folder
        self._db: sqlite3.Connection | None = None
        self._used: set[str] = set()
        self._new: dict[str, object] = {}
        self._stored: dict[str, bytes] | None = None  # the SQLite file's rows, read at the first key not in memory

    @classmethod
    def beside(cls, cache: NoteCache) -> IndexCache:
        """The index cache kept with the note cache ``cache``, in its folder."""
        found = _BESIDE.get(cache)
        if found is None:
            found = _BESIDE[cache] = cls(cache.folder)
        return found

    def keyed(self, run: Runner) -> Runner:
        """``run``, noting the key in the note cache of each note it parses (what its part is kept by)."""

        def keyed_run(jobs: list[tuple[NoteInput, ParseOptions]]) -> list[ParsedNote]:
            parsed = run(jobs)
            for (note, options), result in zip(jobs, parsed, strict=True):
                if isinstance(note, RawNote):
                    self.keys[result.path] = NoteCache.key(note, options)  # a note parsed again: its last key
            return parsed

        return keyed_run

    def key_of(self, path: str) -> str | None:
        return self.keys.get(path)

    def get(self, key: str) -> object | None:
        self._used.add(key)
        value = self.memory.get(key)
        if value is None:
            blob = self._rows().pop(key, None)
            value = _loaded(blob) if blob is not None else None
            if value is not None:
                self.memory[key] = value
        return value

    def put(self, key: str, value: object) -> None:
        self._used.add(key)
        self.made[key.split(":", 1)[0]] += 1
        self.memory[key] = value
        self._new[key] = value

    def start_build(self) -> None:
        """A new build: the notes it parses, what it uses and makes, its generation."""
        self.keys, self._used, self._new, self._stored, self.made = {}, set(), {}, None, Counter()
        db = self._connection()
        row = None
        try:
            row = db.execute("SELECT MAX(used) FROM parts").fetchone() if db is not None else None
        except sqlite3.Error:
            self._lost()
        self.generation = (row[0] or 0) + 1 if row is not None else self.generation + 1

    def end_build(self, keep: int = 3) -> None:
        """Write what was made out, and drop what the last ``keep`` builds did not use (edited notes' old parts)."""
        self.memory = {key: value for key, value in self.memory.items() if key in self._used}
        db = self._connection()
        if db is None:
            return
        rows = [
            (f"{CODE_VERSION}:{key}", pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), self.generation)
            for key, value in self._new.items()
        ]
        used = [(self.generation, f"{CODE_VERSION}:{key}") for key in self._used if key not in self._new]
        try:
            db.executemany("INSERT OR REPLACE INTO parts VALUES (?, ?, ?)", rows)
            db.executemany("UPDATE parts SET used = ? WHERE key = ?", used)
            db.execute("DELETE FROM parts WHERE used < ?", (self.generation - keep,))
            db.commit()
        except sqlite3.Error:
            self._lost()
        self._new, self._stored = {}, None

    def _rows(self) -> dict[str, bytes]:
        """The rows of the SQLite file of this code version, by key: read at once, rather than one query a note."""
        if self._stored is None:
            db, prefix = self._connection(), f"{CODE_VERSION}:"
            rows = []
            try:
                query = "SELECT key, part FROM parts WHERE key LIKE ?"
                rows = db.execute(query, (prefix + "%",)).fetchall() if db is not None else []
            except sqlite3.Error:
                self._lost()
            self._stored = {key[len(prefix) :]: blob for key, blob in rows if key.startswith(prefix)}
        return self._stored

    def _lost(self) -> None:
        """The SQLite file failed (locked by another build, damaged): this process keeps to the memory cache."""
        if self._db is not None:
            self._db.close()
        self._db, self._wanted = None, None

    def _connection(self) -> sqlite3.Connection | None:
        if self._db is None and self._wanted is not None:
            try:
                os.makedirs(self._wanted, exist_ok=True)
                self._db = sqlite3.connect(os.path.join(self._wanted, "index.sqlite"))
                self._db.execute(_SCHEMA)
            except (OSError, sqlite3.Error):
                self._wanted = None  # a read-only checkout: the memory cache still serves
        return self._db


def _loaded(blob: bytes) -> object | None:
    try:
        value: object = pickle.loads(blob)
    except Exception:  # a file written by another Python: it is made again
        return None
    return value
