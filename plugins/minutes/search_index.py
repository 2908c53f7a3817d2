"""Pagefind as a service: the index is built while MkDocs renders, then written as a bundle.

Pagefind's Python API (``pagefind.index.PagefindIndex``) drives the ``pagefind`` binary, shipped in the
``pagefind_bin`` wheel, as a service process that talks JSON over its standard input and output, with
asyncio. ``PagefindIndexer`` runs that event loop in a thread of its own: ``add_page`` and ``add_record``
hand an item over and return at once, so that the binary indexes one page on the second core while
MkDocs renders the next; ``write`` waits for what is still in flight and writes the bundle. At most
``IN_FLIGHT`` items wait at once, so that a slow indexer holds MkDocs back rather than every page's HTML.

Pagefind 1.5's client sleeps 0.1 s before reading each response, which caps indexing at ten items a
second (ten minutes for a site of 6,000 pages and records): ``_Service`` reads responses as they come.
"""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import contextlib
import hashlib
import json
import os
import shutil
import signal
import threading
import time
from collections.abc import Coroutine, Iterable
from dataclasses import dataclass, field
from importlib.metadata import version
from typing import Any, TypeVar

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.pages import Page
from pagefind.index import IndexConfig, PagefindIndex
from pagefind.service import PagefindService

from .index import Archive
from .model import Meeting
from .paths import SEARCH_INDEX_DIR, SEARCH_SCRIPT, SEARCH_STYLESHEET
from .site.search import (
    EXCLUDE_SELECTORS,
    Fields,
    Record,
    archive_records,
    meeting_fields,
    page_document,
    page_fields,
)
from .site.words import Words

log = get_plugin_logger(__name__)

T = TypeVar("T")
PAGEFIND_VERSION = version("pagefind_bin")
IN_FLIGHT = 64  # items handed to the service and not yet answered
WRITE_TIMEOUT = 600.0  # seconds to wait for the service to answer everything and write the bundle


class IndexerError(Exception):
    """The Pagefind service could not start, index an item, or write the bundle."""


class _Service(PagefindService):
    """Pagefind's service client, reading each response as soon as it arrives."""

    async def _wait_for_responses(self) -> None:
        stdout = self._backend.stdout
        assert stdout is not None
        try:
            while True:
                output = await stdout.readuntil(b",")
                response = json.loads(base64.b64decode(output[:-1]))
                if response is None:
                    continue
                message_id = response.get("message_id")
                if message_id is None and (original := response["payload"].get("original_message")):
                    message_id = json.loads(original).get("message_id")
                future = self._responses.pop(message_id, None)
                if future is None or future.done():
                    continue
                payload = response["payload"]
                if payload["type"] == "Error":
                    future.set_exception(IndexerError(payload["message"]))
                else:
                    future.set_result(payload)
        except (asyncio.IncompleteReadError, ConnectionError) as error:
            for future in self._responses.values():
                if not future.done():
                    future.set_exception(IndexerError(f"the Pagefind service stopped ({error})"))
            self._responses.clear()


@dataclass
class IndexStats:
    pages: int = 0
    records: int = 0
    words: int = 0
    errors: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)
    held_back: float = 0.0  # seconds MkDocs' thread waited for the service to take one more item
    wait: float = 0.0  # seconds ``write`` waited for the service to catch up with the last page
    write: float = 0.0  # seconds to write the bundle


class PagefindIndexer:
    """One Pagefind index, fed from MkDocs' thread and built in the service's process."""

    def __init__(self, config: IndexConfig, language: str = "en") -> None:
        self.config = config
        self.language = language
        self.stats = IndexStats()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="minutes-pagefind", daemon=True)
        self._slots = threading.BoundedSemaphore(IN_FLIGHT)
        self._pending: set[concurrent.futures.Future[Any]] = set()
        self._lock = threading.Lock()
        self._service: _Service | None = None
        self._index: PagefindIndex | None = None

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_forever()
        finally:
            tasks = asyncio.all_tasks(self._loop)
            for task in tasks:
                task.cancel()
            self._loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            self._loop.close()

    def start(self) -> None:
        """Launch the service process; raises ``IndexerError`` when there is no Pagefind binary."""
        self._thread.start()
        try:
            self._service, self._index = self._wait(self._launch(), 60.0)
        except FileNotFoundError as error:
            self._stop_loop()
            raise IndexerError(f"no Pagefind binary ({error}): install the pagefind[bin] package") from error
        except Exception:
            self._stop_loop()
            raise

    async def _launch(self) -> tuple[_Service, PagefindIndex]:
        service = _Service()
        await service.launch()
        return service, await service.create_index(self.config)

    def add_page(self, html: str, url: str) -> None:
        """Index the HTML of the page at ``url`` (site-relative, from the root)."""
        assert self._index is not None
        self._submit(self._index.add_html_file(content=html, url=url), url, "page")

    def add_record(self, record: Record, words: Words) -> None:
        assert self._index is not None
        fields = record.fields
        coroutine = self._index.add_custom_record(
            url=record.url,
            content=record.content,
            language=self.language,
            meta=fields.pagefind_meta(words),
            filters=fields.pagefind_filters(),
            sort=fields.pagefind_sort(),
        )
        self._submit(coroutine, record.url, "record")

    def _submit(self, coroutine: Coroutine[Any, Any, Any], url: str, kind: str) -> None:
        if not self._slots.acquire(blocking=False):
            start = time.perf_counter()
            self._slots.acquire()
            self.stats.held_back += time.perf_counter() - start
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(lambda done: self._done(done, url, kind))

    def _done(self, future: concurrent.futures.Future[Any], url: str, kind: str) -> None:
        self._slots.release()
        with self._lock:
            self._pending.discard(future)
            if future.cancelled():
                return
            error = future.exception()
            if error is not None:
                self.stats.errors.append(f"{url}: {error}")
                return
            if kind == "page":
                self.stats.pages += 1
            else:
                self.stats.records += 1
            self.stats.words += int(future.result().get("page_word_count", 0))

    def write(self, output_path: str) -> IndexStats:
        """Wait for every item handed over, write the bundle into ``output_path`` and stop the service."""
        assert self._index is not None
        try:
            start = time.perf_counter()
            with self._lock:
                pending = set(self._pending)
            waiting = concurrent.futures.wait(pending, timeout=WRITE_TIMEOUT).not_done
            if waiting:
                raise IndexerError(f"{len(waiting)} items not indexed after {WRITE_TIMEOUT:.0f} s")
            self.stats.wait = time.perf_counter() - start
            start = time.perf_counter()
            self._wait(self._index.write_files(output_path), WRITE_TIMEOUT)
            self.stats.write = time.perf_counter() - start
        finally:
            self.close()
        return self.stats

    def kill(self) -> None:
        """Stop the service process at once, whatever it is doing: what it was given is lost."""
        service = self._service
        if service is not None:
            with contextlib.suppress(ProcessLookupError, AttributeError):
                os.kill(service._backend.pid, signal.SIGKILL)

    def close(self) -> None:
        """Stop the service process and the thread (what was not written is lost)."""
        service, self._service = self._service, None
        if service is not None and self._loop.is_running():
            try:
                self._wait(service.close(), 10.0)
            except (ProcessLookupError, concurrent.futures.TimeoutError):
                with contextlib.suppress(ProcessLookupError):  # it would not stop
                    os.kill(service._backend.pid, signal.SIGKILL)
        self._stop_loop()

    def _stop_loop(self) -> None:
        if self._loop.is_running():
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=10.0)

    def _wait(self, coroutine: Coroutine[Any, Any, T], timeout: float) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)


class _HeaderSearchConfig(base.Config):  # type: ignore[no-untyped-call]
    enabled = c.Type(bool, default=True)


class HeaderSearch(BasePlugin[_HeaderSearchConfig]):  # type: ignore[no-untyped-call]
    """Stands for Material's search plugin in ``config.plugins``, and does nothing.

    Material's header shows its search box only while a plugin named ``material/search`` is enabled; with
    Pagefind, that plugin is turned off (or was never listed), and this one takes its name so that the box
    is there, answered by Pagefind through ``partials/search.html`` and ``search.js``.
    """

    def __init__(self) -> None:
        super().__init__()
        self.load_config({})


def _index_key(language: str, records: list[Record], documents: list[tuple[str, str, Fields]]) -> str:
    """A digest of everything handed to Pagefind: the same digest, the same bundle."""
    digest = hashlib.sha256(f"{PAGEFIND_VERSION}\0{language}\0{EXCLUDE_SELECTORS}".encode())
    for record in records:
        digest.update(repr(record).encode("utf-8", "surrogatepass"))
    for url, content, fields in documents:
        digest.update(f"\0{url}\0{fields!r}\0".encode("utf-8", "surrogatepass"))
        digest.update(content.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def _keep_bundle(output: str, folder: str, key: str) -> None:
    """Copy the bundle just written into ``folder``, as the only one kept there."""
    try:
        if os.path.isdir(folder):
            shutil.rmtree(folder)
        _link_tree(output, os.path.join(folder, key))
    except OSError as error:
        log.debug(f"search: the index was not kept for the next build: {error}")


def _link_tree(source: str, target: str) -> None:
    """A copy of the folder ``source`` at ``target``, its files hard links where the file system allows:
    a bundle is thousands of small files, and neither copy is ever written to again (a build writes a
    new bundle)."""

    def link(from_path: str, to_path: str) -> None:
        try:
            os.link(from_path, to_path)
        except OSError:
            shutil.copy2(from_path, to_path)

    shutil.copytree(source, target, copy_function=link)


class SiteSearch:
    """The plugin's search in MkDocs' terms: set up in ``on_config``, fed from ``on_files`` and
    ``on_post_page``, written in ``on_post_build`` (in the background under ``mkdocs serve``)."""

    def __init__(self) -> None:
        self.mode = "pagefind"
        self.serving = False
        self.dirty = False
        self.indexer: PagefindIndexer | None = None
        self.language = "en"
        self._meetings: dict[str, Meeting] = {}
        self._archive: Archive | None = None
        self._words = Words()
        self._writer: threading.Thread | None = None
        self._writing: PagefindIndexer | None = None  # the index being written in the background
        self._use_directory_urls = True
        self._feeder: threading.Thread | None = None  # hands the records and pages to the service
        self._kept: str | None = None  # the bundle of an earlier build of the same records and pages
        self._kept_key: tuple[str, str] | None = None  # where to keep this build's bundle, and its key

    @property
    def pagefind(self) -> bool:
        return self.mode == "pagefind"

    def startup(self, command: str, dirty: bool) -> None:
        self.serving, self.dirty = command == "serve", dirty

    def configure(self, config: MkDocsConfig, mode: str, templates: str) -> None:
        """Turn Material's search off for Pagefind, or check that it is there for lunr."""
        self.mode = mode
        self.abort()  # a rebuild under `mkdocs serve` starts while the last index is still being written
        material = config.plugins.get("material/search")
        if not self.pagefind:
            if material is None or isinstance(material, HeaderSearch):
                log.warning(
                    "search: lunr: Material's search plugin is not in the site's plugins, so the site has "
                    "no search; list `search` under `plugins` in mkdocs.yml"
                )
            return
        if material is not None and not isinstance(material, HeaderSearch) and material.config.enabled:
            material.config.enabled = False
            log.info(
                "search: Pagefind indexes this site, so Material's search plugin (lunr) is turned off; "
                "set the minutes option `search: lunr` to keep it instead"
            )
        config.plugins["material/search"] = HeaderSearch()
        dirs = config.theme.dirs
        if templates not in dirs:  # after custom_dir, before Material's own partials
            custom = config.theme.custom_dir
            dirs.insert(dirs.index(custom) + 1 if custom in dirs else 0, templates)
        for scripts, path in ((config.extra_javascript, SEARCH_SCRIPT), (config.extra_css, SEARCH_STYLESHEET)):
            if path not in [str(item) for item in scripts]:
                scripts.append(path)
        self.language = (config.theme.get("language") or "en").split("-")[0].lower()
        self._use_directory_urls = config.use_directory_urls

    def start(self, archive: Archive, words: Words) -> None:
        """The archive whose records and meetings are indexed (``on_files``)."""
        self._archive, self._words = archive, words
        self._meetings = {meeting.page_path: meeting for meeting in archive.meetings}

    def index(self, pages: Iterable[tuple[Page, bool]], kept_folder: str | None) -> None:
        """Hand Pagefind every record and page (``on_env``, when every page's HTML is known), from a thread
        of its own while MkDocs renders the templates; or, when an earlier build indexed the very same,
        take the bundle it wrote (kept in ``kept_folder``). ``pages``: each page, and whether it is the
        plugin's."""
        self._kept = self._kept_key = None
        if not self.pagefind or self._archive is None:
            return
        if self.dirty:  # only the pages changed are rendered: an index of them alone would replace the whole
            log.info("search: a dirty build leaves the search index as the last full build wrote it")
            return
        records = list(archive_records(self._archive, self._use_directory_urls, self._words))
        documents = [document for page, generated in pages if (document := self._document(page, generated))]
        key = _index_key(self.language, records, documents)
        if kept_folder is not None:
            self._kept_key = (os.path.join(kept_folder, "search"), key)
            if os.path.isdir(os.path.join(kept_folder, "search", key)):
                self._kept = os.path.join(kept_folder, "search", key)
                return
        indexer = PagefindIndexer(
            {"force_language": self.language, "exclude_selectors": list(EXCLUDE_SELECTORS)}, self.language
        )
        try:
            indexer.start()
        except IndexerError as error:
            log.warning(f"search: Pagefind could not start: {error}; the site has no search")
            return
        self.indexer = indexer
        self._feeder = threading.Thread(
            target=self._feed, args=(indexer, records, documents), name="minutes-pagefind-feed", daemon=True
        )
        self._feeder.start()

    def _document(self, page: Page, generated: bool) -> tuple[str, str, Fields] | None:
        """A page as Pagefind indexes it: a meeting's notes, or a page of the site's own; None for the
        plugin's listing pages, which repeat what the records hold."""
        assert self._archive is not None
        meeting = self._meetings.get(page.file.src_uri) if generated else None
        if meeting is not None:
            fields = meeting_fields(meeting, self._archive, self._words)
        elif not generated and page.content:
            fields = page_fields(page.title or "")
        else:
            return None
        return "/" + page.url, page.content or "", fields

    def _feed(self, indexer: PagefindIndexer, records: list[Record], documents: list[tuple[str, str, Fields]]) -> None:
        try:
            for record in records:
                if self.indexer is not indexer:
                    return  # aborted
                indexer.add_record(record, self._words)
            for url, content, fields in documents:
                if self.indexer is not indexer:
                    return
                indexer.add_page(page_document(content, fields, self.language, self._words), url)
        except Exception as error:  # the service stopped: write() reports what is missing
            indexer.stats.errors.append(f"handing items to Pagefind: {error}")

    def finish(self, site_dir: str) -> None:
        """Write the bundle into ``pagefind/``: now, or in the background under ``mkdocs serve``."""
        indexer, self.indexer = self.indexer, None
        output = os.path.join(site_dir, SEARCH_INDEX_DIR)
        if self._kept is not None:
            if os.path.isdir(output):
                shutil.rmtree(output)
            _link_tree(self._kept, output)
            log.info(
                f"search: the records and pages are those of the last build: its index copied to {SEARCH_INDEX_DIR}/"
            )
            return
        if indexer is None:
            return
        if self.serving:
            self._writing = indexer
            self._writer = threading.Thread(target=self._write, args=(indexer, output), daemon=True)
            self._writer.start()
            log.info("search: the search index is being written in the background")
            return
        self._write(indexer, output)

    def _write(self, indexer: PagefindIndexer, output: str) -> None:
        if os.path.isdir(output):
            shutil.rmtree(output)
        feeder = self._feeder
        if feeder is not None:
            feeder.join()
        try:
            stats = indexer.write(output)
        except IndexerError as error:
            if indexer is self._writing or not self.serving:
                log.warning(f"search: the search index was not written: {error}")
            else:  # stopped by ``abort``: the next build writes its own
                log.info("search: a new build started before the search index was written; it writes its own")
            return
        for problem in stats.errors[:20]:
            log.warning(f"search: not indexed: {problem}")
        log.info(
            f"search: Pagefind indexed {stats.pages} pages and {stats.records} records "
            f"({stats.words} words) into {SEARCH_INDEX_DIR}/; it held MkDocs back {stats.held_back:.2f} s, "
            f"then took {stats.wait:.2f} s more for the last pages and {stats.write:.2f} s to write the bundle"
        )
        if not stats.errors and self._kept_key is not None:
            _keep_bundle(output, *self._kept_key)

    def abort(self) -> None:
        """Stop indexing: the build failed, or the next one starts (and the site folder is about to be
        emptied), so the index still being written in the background is of no use."""
        indexer, self.indexer = self.indexer, None
        if indexer is not None:
            indexer.close()
        writing, self._writing = self._writing, None
        writer, self._writer = self._writer, None
        if writer is not None and writer.is_alive():
            if writing is not None:
                writing.kill()
            writer.join()
