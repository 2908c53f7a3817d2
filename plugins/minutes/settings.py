"""A site's settings and its read archive, from the plain values of ``mkdocs.yml`` and its file list; no MkDocs here.

Produces ``Settings`` (``build_settings``) and a read site (``read_site``: the settings, the data files
to unpublish, the notes chosen and their ``Archive``). The plugin (``on_files``) and the ``minutes``
command (``check``, ``new``, ``export``) both call ``read_site`` with the same values, so that
``minutes check`` reads the notes exactly as the build does: which files are notes, the default series,
the words that are never people, the people and topics files, the repository a bare ``#123`` refers to,
which files exist for images to point at, and the cache of parsed notes.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .archive import NoteFile, build_archive
from .index import Archive
from .indexcache import IndexCache
from .notecache import CachedRunner, NoteCache
from .parse import ParseOptions, Runner, one_by_one
from .people.people_file import NAMES as PEOPLE_FILES
from .people.people_file import PeopleFile, load_people_file
from .reading.inline import heading_slugger
from .records.join import STALE_AFTER, RecordOptions
from .records.references import repository_of
from .records.review import NAMES as REVIEW_FILES
from .records.review import RecordsReview, load_records_review
from .records.topics import TopicsFile, load_topics_file
from .slugs import fold
from .vocabulary import SECTION_WORDS

TOPICS_FILES = ("topics.yml", "topics.yaml")
# The plugin's options that decide how notes are read, with their defaults (config.py documents each one).
DEFAULTS: dict[str, Any] = {
    "notes": ["**/*.md"],
    "exclude": ["index.md", "README.md"],
    "default_series": "meetings",
    "not_people": [],
    "people_file": None,
    "topics_file": None,
    "records_file": None,
    "default_repository": "",
    "sanitize": True,
    "cache": True,
    "stale_after": STALE_AFTER,
}


@dataclass(frozen=True)
class Settings:
    """How a site's notes are read: everything ``build_archive`` needs besides the notes themselves."""

    docs_dir: str  # absolute
    notes: tuple[str, ...]  # glob patterns of notes, relative to the docs folder
    exclude: tuple[str, ...]  # glob patterns of ordinary pages
    parse: ParseOptions
    records: RecordOptions
    people: PeopleFile
    # The people, topics and records files in use (absolute path -> how findings name it): data, never published.
    data_files: dict[str, str] = field(default_factory=dict)
    cache_folder: str | None = None  # where parsed notes are kept (``.cache/minutes`` beside mkdocs.yml), if anywhere
    records_file: str = ""  # the records review file in use, or where ``minutes check --records`` drafts one

    def is_note(self, path: str) -> bool:
        """Whether the file at ``path`` (relative to the docs folder, forward slashes) is a meeting note."""
        if any(fnmatch.fnmatch(path, pattern) for pattern in self.exclude):
            return False
        return any(
            fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path, pattern.replace("**/", ""))
            for pattern in self.notes
        )


def build_settings(
    docs_dir: str,
    options: Mapping[str, Any] | None = None,
    *,
    config_file: str | None = None,
    repo_url: str = "",
    toc: Mapping[str, Any] | None = None,
) -> Settings:
    """The settings of a site whose notes are in ``docs_dir``.

    ``options`` are the plugin's options as ``mkdocs.yml`` gives them (missing ones take their defaults;
    ``people_file`` and ``topics_file`` are absolute, or relative to ``config_file``'s folder);
    ``repo_url`` gives the default repository when ``default_repository`` is unset; ``toc`` is the site's
    ``toc`` extension options, whose ``slugify`` and ``separator`` make the ids of headings (that the anchors
    of decisions and entries must not take).
    """
    values = {**DEFAULTS, **{key: value for key, value in (options or {}).items() if key in DEFAULTS}}
    docs_dir = os.path.abspath(docs_dir)
    base = os.path.dirname(os.path.abspath(config_file)) if config_file else os.getcwd()
    data_files: dict[str, str] = {}

    def data_file(configured: str | None, names: Iterable[str]) -> str | None:
        if configured:
            path = os.path.join(base, configured)
        else:
            path = next((found for name in names if os.path.isfile(found := os.path.join(docs_dir, name))), "")
        if not path:
            return None
        path = os.path.abspath(path)
        inside = path.startswith(docs_dir + os.sep)
        data_files[path] = os.path.relpath(path, docs_dir if inside else base).replace(os.sep, "/")
        return path

    people_path = data_file(values["people_file"], PEOPLE_FILES)
    topics_path = data_file(values["topics_file"], TOPICS_FILES)
    people = load_people_file(people_path, data_files[people_path]) if people_path else PeopleFile()
    topics = load_topics_file(topics_path, data_files[topics_path]) if topics_path else TopicsFile()
    review_path = data_file(values["records_file"], REVIEW_FILES)
    review = load_records_review(review_path, data_files[review_path]) if review_path else RecordsReview()
    return Settings(
        docs_dir=docs_dir,
        notes=tuple(values["notes"]),
        exclude=tuple(values["exclude"]),
        parse=ParseOptions(
            default_series=values["default_series"],
            not_people=SECTION_WORDS | {fold(word) for word in values["not_people"]},
            sanitize=values["sanitize"],
            heading_id=heading_slugger((toc or {}).get("slugify"), (toc or {}).get("separator", "-")),
        ),
        records=RecordOptions(
            default_repository=values["default_repository"] or repository_of(repo_url or "") or "",
            topics=topics,
            stale_after=values["stale_after"],
            review=review,
        ),
        people=people,
        data_files=data_files,
        cache_folder=os.path.join(base, ".cache", "minutes") if values["cache"] and config_file else None,
        records_file=review_path or os.path.join(docs_dir, REVIEW_FILES[0]),
    )


def read_archive(
    settings: Settings,
    notes: Iterable[NoteFile],
    existing_files: Collection[str],
    run: Runner = one_by_one,
    kept: IndexCache | None = None,
) -> Archive:
    """The archive of ``notes``, read as the build reads it; images are checked against ``existing_files``.

    ``run`` parses the notes (``notecache.CachedRunner`` keeps them, in ``settings.cache_folder``), and ``kept``
    the index's work on each (``indexcache.IndexCache``, beside them).
    """
    if kept is not None:
        run = kept.keyed(run)
    records = settings.records
    return build_archive(notes, settings.parse, settings.people, existing_files, records, run=run, kept=kept)


@dataclass(frozen=True)
class SourceFile:
    """A file of the site as the adapter lists it (MkDocs' ``File``, in plain values)."""

    path: str  # relative to the docs folder, forward slashes (MkDocs' ``src_uri``)
    abs_path: str | None  # on disk, if the file is there (generated files are not)
    page: bool = False  # a documentation page (Markdown, not excluded): it may be a note


@dataclass(frozen=True)
class ReadSite:
    """A site's notes, read as its build reads them."""

    settings: Settings
    unpublished: tuple[str, ...]  # the data files among the site's files (their paths): never published
    notes: tuple[str, ...]  # the note files, relative to the docs folder
    archive: Archive
    cache: NoteCache  # the cache of parsed notes used, to be passed again on the next read (``mkdocs serve``)


def read_site(
    docs_dir: str,
    options: Mapping[str, Any] | None,
    files: Iterable[SourceFile],
    *,
    config_file: str | None = None,
    repo_url: str = "",
    toc: Mapping[str, Any] | None = None,
    cache: NoteCache | None = None,
) -> ReadSite:
    """Read a site: its settings (``build_settings``, from the same values), the data files among ``files``
    (left out of the notes and of the files images may point at), the notes chosen, and their archive.

    ``cache`` is kept when it keeps parsed notes in this site's cache folder; otherwise a new one is used
    (a process may read several sites).
    """
    settings = build_settings(docs_dir, options, config_file=config_file, repo_url=repo_url, toc=toc)
    files = list(files)
    unpublished = {
        file.path for file in files if file.abs_path and os.path.abspath(file.abs_path) in settings.data_files
    }
    kept = [file for file in files if file.path not in unpublished]
    notes = [file for file in kept if file.page and settings.is_note(file.path)]
    if cache is None or cache.folder != settings.cache_folder:
        cache = NoteCache(settings.cache_folder)
    index = IndexCache.beside(cache)  # the index's work on each note, kept with the parsed notes
    cache.start_build()
    index.start_build()
    note_files = (NoteFile(str(file.abs_path), file.path) for file in notes)
    archive = read_archive(settings, note_files, {file.path for file in kept}, CachedRunner(cache), index)
    cache.end_build()
    index.end_build()
    return ReadSite(settings, tuple(sorted(unpublished)), tuple(file.path for file in notes), archive, cache)
