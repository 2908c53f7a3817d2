"""The MkDocs adapter: wires MkDocs events to the plain core, and nothing else.

Events used, and why:

- ``on_startup``: defined so that ``mkdocs serve`` keeps the plugin, and the notes it has parsed, across
  rebuilds; and learn whether serve runs, for the search.
- ``on_config``: make the package's templates findable through the theme
  (after ``custom_dir``, so a site can override any of them), add the plugin's
  stylesheet and filter script, and enable the Markdown extensions that notes
  rely on (tables, task lists, attr_list for the anchors of entries, magiclink
  for bare URLs); set up the search (``search_index.SiteSearch``): Pagefind by default, with
  Material's search plugin turned off and its header box answered by Pagefind.
- ``on_files``: read the people file (``people_file``, or ``people.yml`` in the
  docs folder, which is then not published), read, parse and index the notes
  (``archive.build_archive``), take the note files out of the build and add the generated pages
  (``site.build.build_pages``), the stylesheet and the scripts with ``File.generated``; only the
  plugin's listing pages enter the nav, so the nav stays small however large the archive grows.
- ``on_page_markdown``: give each generated page its template and a first title. Only meeting pages
  have Markdown (their notes); the other pages are rendered by their templates alone.
- ``on_page_content``: where MkDocs rendered the notes, sanitize the HTML of the pages made from notes
  (``sanitize``), which any contributor can write raw HTML into, then cut out of each meeting page the
  fragments that other pages show (``site.fragments``); ``page_render`` does both ahead otherwise. The
  content of the other generated pages is their name alone, what Material's search indexes of them.
- ``on_env`` (every page's HTML is known, no template rendered yet): the ``minutes_href`` and
  ``minutes_fragment`` filters and the ``minutes_files`` paths (feeds, calendar) for the templates; each
  generated page's title from ``minutes/partials/titles.html``; which generated pages are as the last
  build made them (``kept_pages``: they get an empty template); and the search: every record and page
  handed to Pagefind from a thread of its own while MkDocs renders templates, or the last build's bundle
  taken when it indexed the very same.
- ``on_page_context``: hand the template the page's data as ``minutes``.
- ``on_nav``: (the site's files are final) render every meeting page ahead of MkDocs, on every core, or
  take its render from the cache (``page_render``); MkDocs' ``Page.render`` of those pages is answered
  from it. Where another plugin changes pages' Markdown or HTML, MkDocs renders them as usual.
- ``on_post_page``: write back the HTML of a generated page that nothing changed since the last build
  (``kept_pages``), or keep the one just rendered.
- ``on_post_build``: write ``minutes.json``, the Atom feeds, ``meetings.ics``, the search bundle (all in
  the background under ``mkdocs serve``, so that live reload shows the edited page at once) and the line
  that accounts for every note; ``on_pre_build`` waits for the last build's writing to end.
- ``on_build_error``, ``on_shutdown``: stop Pagefind.
- ``on_serve``: watch a people file that lives outside the docs folder, so editing it rebuilds.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import threading
from functools import partial
from html import escape
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data
from mkdocs.utils.templates import TemplateContext

from .config import MinutesConfig
from .findings import sorted_findings
from .index import Archive
from .kept_pages import KEPT_TEMPLATE, KeptPages, page_print, site_print
from .notecache import NoteCache, close_pool
from .page_render import Rendered, RenderJob, apply, file_map, markdown_settings, render_pages
from .paths import (
    CALENDAR,
    DECISIONS_FEED,
    FILTER_SCRIPT,
    HOME,
    JSON,
    MEETINGS_FEED,
    SEARCH_SCRIPT,
    SEARCH_STYLESHEET,
    STYLESHEET,
    person_feed,
    series_calendar,
    series_feed,
    topic_feed,
)
from .people.review import review_summary
from .search_index import SiteSearch
from .settings import SourceFile, read_site
from .site.build import build_pages
from .site.feeds import write_feeds
from .site.fragments import cut_fragments, place_fragment
from .site.minutes_json import archive_json
from .site.pages import PageSpec
from .site.sanitize import sanitize_html
from .site.search import search_page
from .site.words import Words

log = get_plugin_logger(__name__)

TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")
SEARCH_TEMPLATES = os.path.join(TEMPLATES, "overrides")  # Material's partials/search.html, answered by Pagefind
ASSETS = os.path.join(os.path.dirname(__file__), "assets")
# Extensions that notes as people write them rely on; added when a site has not configured them.
MARKDOWN_EXTENSIONS: dict[str, dict[str, Any]] = {
    "attr_list": {},
    "tables": {},
    "footnotes": {},
    "admonition": {},
    "pymdownx.details": {},
    "md_in_html": {},
    "pymdownx.superfences": {},
    "pymdownx.tasklist": {"custom_checkbox": True},
    "pymdownx.magiclink": {},
    # "#123" at the start of a line is an issue, as on GitHub, not a heading: the reader reads it so too.
    "pymdownx.saneheaders": {},
    "toc": {"permalink": True},
}


TITLES = "minutes/partials/titles.html"


def _fingerprint(spec: PageSpec) -> str:
    """What a generated page is made of: its Markdown and its template's data (plain values, in order)."""
    digest = hashlib.sha256(repr((spec.template, spec.title, spec.context)).encode("utf-8"))
    digest.update(spec.markdown.encode("utf-8", "surrogatepass"))  # a meeting's notes: digested, not repr'd
    return digest.hexdigest()


def _unmodified() -> bool:
    return False


def _render_nothing(page: Page, config: MkDocsConfig, files: Files) -> None:
    """``Page.render`` of a page without Markdown, without starting Python-Markdown and its extensions."""
    page.content, page.toc, page.present_anchor_ids, page.links_to_anchors = "", get_toc([]), set(), {}


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


# The events in which a plugin sees or changes a page's Markdown or HTML before its template; and after.
_PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content")
_OUTPUT_EVENTS = ("page_context", "post_page", "post_template")


def _page_hooks(config: MkDocsConfig, own: object, events: tuple[str, ...]) -> list[str]:
    """The other plugins of the site that hook ``events`` of a page, by name."""
    names = {id(plugin): name for name, plugin in config.plugins.items()}
    found: dict[str, None] = {}
    for event in events:
        for method in config.plugins.events.get(event, []):
            # a plugin's method, or a function of a hooks module (``hooks:`` in mkdocs.yml)
            owner = getattr(method, "__self__", None) or sys.modules.get(getattr(method, "__module__", ""))
            enabled = getattr(getattr(owner, "config", None), "enabled", True)
            if owner is not own and enabled is not False:
                found[names.get(id(owner), getattr(method, "__qualname__", "a hook"))] = None
    return list(found)


def _source_files(files: Files) -> list[SourceFile]:
    """The site's files, in the plain values ``settings.read_site`` takes."""
    pages = {file.src_uri for file in files.documentation_pages()}
    return [SourceFile(file.src_uri, file.abs_src_path, file.src_uri in pages) for file in files]


class MinutesPlugin(BasePlugin[MinutesConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.cache: NoteCache | None = None  # kept across the rebuilds of ``mkdocs serve`` (see on_startup)
        self.archive: Archive | None = None
        self.words = Words()
        self.pages: dict[str, PageSpec] = {}
        self.accounting = ""
        # meeting page path -> (meeting id, the anchors other pages show); meeting id -> anchor -> fragment
        self.wanted: dict[str, tuple[str, set[str]]] = {}
        self.fragments: dict[str, dict[str, str]] = {}
        self.search = SiteSearch()
        self.dirty = False  # mkdocs serve --dirty: only modified pages are rendered
        self.prints: dict[str, str] = {}  # page path -> what its content was made of, at the last build
        # meeting page path -> its render, made before MkDocs renders any page (page_render), and a digest
        # of the Markdown it was made from; empty where MkDocs renders the notes itself
        self.rendered: dict[str, tuple[Rendered, str]] = {}
        self.nav: Navigation | None = None
        self.ahead = False  # whether pages are rendered ahead of MkDocs (no other plugin changes them)
        # generated pages written back as an earlier build wrote them, and those to keep: path -> print
        self.kept_pages = KeptPages(None)
        self.writing_back: dict[str, str] = {}
        self.keeping: dict[str, str] = {}
        self.written: str | None = None  # the kept HTML of the page being built
        self.writer: threading.Thread | None = None  # under serve: writes minutes.json and the feeds

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that MkDocs keeps this plugin object, and its cache of parsed notes, across serve rebuilds."""
        self.dirty = dirty
        self.search.startup(command, dirty)

    def on_shutdown(self) -> None:
        close_pool()
        self.search.abort()
        self.search = SiteSearch()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if TEMPLATES not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES)
        if FILTER_SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(FILTER_SCRIPT)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        configured = {ext if isinstance(ext, str) else type(ext).__name__ for ext in config.markdown_extensions}
        for name, options in MARKDOWN_EXTENSIONS.items():
            if name not in configured:
                config.markdown_extensions.append(name)
                if options:
                    config.mdx_configs.setdefault(name, options)
        self.search.configure(config, self.config.search, SEARCH_TEMPLATES)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        read = read_site(
            config.docs_dir,
            self.config,
            _source_files(files),
            config_file=config.config_file_path,
            repo_url=config.repo_url or "",
            toc=config.mdx_configs.get("toc", {}),
            cache=self.cache,
        )
        self.cache, archive = read.cache, read.archive
        for path in (*read.unpublished, *read.notes):
            files.remove(files.src_uris[path])
        self.archive = archive
        self._report(archive)
        self.pages = {}
        self.wanted = {}
        if not self.dirty:
            self.fragments = {}  # a dirty build renders only what changed: the other meetings' fragments stay
        prints, self.prints = self.prints, {}
        specs = build_pages(archive)
        if self.search.pagefind:
            specs.append(search_page(archive))
        for spec in specs:
            existing = files.get_file_from_path(spec.path)
            if existing is not None:
                if spec.path == HOME:
                    continue  # the site's own home page wins
                files.remove(existing)
            inclusion = InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, spec.path, content=spec.markdown, inclusion=inclusion)
            if spec.edit_path:
                file.edit_uri = spec.edit_path
            # ``mkdocs serve --dirty`` renders a page again only if it is modified: a generated page is when
            # its Markdown or its template's data changed since the last build (an edit touches a few pages).
            self.prints[spec.path] = print_of_page = _fingerprint(spec)
            if prints.get(spec.path) == print_of_page:
                setattr(file, "is_modified", _unmodified)  # noqa: B010 - an instance's own answer
            files.append(file)
            self.pages[spec.path] = spec
            for meeting_id, anchor in spec.fragments:
                path = archive.meeting(meeting_id).page_path
                self.wanted.setdefault(path, (meeting_id, set()))[1].add(anchor)
        assets = [("filter.js", FILTER_SCRIPT), ("minutes.css", STYLESHEET)]
        if self.search.pagefind:
            assets += [("search.js", SEARCH_SCRIPT), ("search.css", SEARCH_STYLESHEET)]
        for name, target in assets:
            with open(os.path.join(ASSETS, name), encoding="utf-8") as handle:
                files.append(File.generated(config, target, content=handle.read()))
        self.words = Words(config.theme.get_env())  # the templates' words, custom_dir first
        self.search.start(archive, self.words)
        return files

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        for path in (self.config.people_file, self.config.topics_file, self.config.records_file):
            if path:
                server.watch(path)
        return server

    def _report(self, archive: Archive) -> None:
        errors = 0
        for finding in sorted_findings(archive.findings):
            if finding.level == "error":
                errors += 1
                log.warning(str(finding))
            elif finding.level == "warning" and self.config.warnings_fail_strict:
                log.warning(str(finding))
            else:
                log.info(f"{finding.level}: {finding}")
        self.accounting = f"{archive.accounting}; {len(archive.people)} people"
        if archive.people_review.items:  # what a maintainer should settle in people.yml, in one line
            log.info(review_summary(archive.people_review, len(archive.people)))

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is not None and page.file.generated_by:
            page.meta.setdefault("template", spec.template)
            # This title stands until on_env gives the one of the templates.
            self._set_title(page, spec.title or spec.kind)
            if spec.kind != "meeting":
                page.meta.setdefault("hide", ["toc"])  # a page of the templates alone has no headings of its own
            if page.file.src_uri in self.rendered:
                setattr(page, "render", partial(self._render_kept, page))  # noqa: B010 - an instance's own answer
            elif self.ahead and not markdown.strip():  # its templates show it all: no Markdown to convert
                setattr(page, "render", partial(_render_nothing, page))  # noqa: B010
        return markdown

    def _render_kept(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """``Page.render`` answered from the render made before MkDocs rendered any page (``page_render``)."""
        rendered, digest = self.rendered[page.file.src_uri]
        if _digest(page.markdown or "") != digest:  # something changed the Markdown since: MkDocs renders it
            del self.rendered[page.file.src_uri]
            Page.render(page, config, files)
            return
        apply(page, rendered, files)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        path = page.file.src_uri
        spec = self.pages.get(path)
        if spec is None or not page.file.generated_by:
            return html
        if spec.kind != "meeting":
            # The page's templates show it all; what search indexes of it (Material's) is its name alone.
            return f"<p>{escape(spec.title, quote=False)}</p>" if spec.title else ""
        if path in self.rendered:
            return html  # sanitized, and its fragments cut, where it was rendered
        # Cost kept: nh3 is a Rust pass over each meeting's HTML (about 1% of a build profiled on 1,000 meetings),
        # the price of letting any contributor write raw HTML; cutting fragments parses the page once with lxml
        # (about 2%) so that person, topic and record pages show the rendered text, not its Markdown rendered again.
        if self.config.sanitize:
            html = sanitize_html(html)
        wanted = self.wanted.get(path)
        if wanted is not None:
            meeting_id, anchors = wanted
            self.fragments[meeting_id] = cut_fragments(html, anchors, page.url)
        return html

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        path = page.file.src_uri
        spec = self.pages.get(path)
        if spec is None:
            return context
        if path in self.writing_back:
            self.written = self.kept_pages.get(self.writing_back.pop(path))
            if self.written is not None:
                return context  # KEPT_TEMPLATE renders nothing; on_post_page writes the kept HTML
            context["minutes_template"] = spec.template  # type: ignore[typeddict-unknown-key]
        context["minutes"] = {"kind": spec.kind, **spec.context}  # type: ignore[typeddict-unknown-key]
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        path = page.file.src_uri
        if self.written is not None:
            output, self.written = self.written, None
        elif path in self.keeping:
            self.kept_pages.put(self.keeping.pop(path), output)
        return output

    def on_build_error(self, *, error: Exception) -> None:
        close_pool()
        self.search.abort()

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        # Tens of thousands of links per build (a person page links each report to its meeting twice):
        # each target's URL is looked up once (``get_file_from_path`` builds a PurePath per call), and each
        # relative URL once per page that links to it.
        urls: dict[str, str | None] = {}
        relative: dict[str, str] = {}
        linking = [""]  # the URL of the page the ``relative`` URLs are from

        @jinja2.pass_context
        def minutes_href(context: Any, path: str) -> str:
            """A link from the current page to the page generated at ``path``."""
            target, _, anchor = path.partition("#")
            if target in urls:
                url = urls[target]
            else:
                file = files.get_file_from_path(target)
                url = urls[target] = file.url if file is not None else None
            page = context.get("page")
            if url is None or page is None:
                return "#"
            if page.url != linking[0]:
                linking[0] = page.url
                relative.clear()
            link = relative.get(url)
            if link is None:
                link = relative[url] = get_relative_url(url, page.url)
            return link + (f"#{anchor}" if anchor else "")

        @jinja2.pass_context
        def minutes_fragment(context: Any, item: dict[str, Any]) -> str:
            """The rendered text of a report, decision or action item, cut from its meeting page; "" if none."""
            meeting = item.get("meeting")
            meeting_id = meeting.get("id") if isinstance(meeting, dict) else meeting
            fragment = self.fragments.get(str(meeting_id), {}).get(str(item.get("anchor", "")))
            page = context.get("page")
            if not fragment:
                return ""
            return place_fragment(fragment, page.url if page is not None else "")

        if self.cache is not None and self.cache.folder is not None and env.bytecode_cache is None:
            # Material's templates and the plugin's compile in about 2 s: compiled once, kept beside the notes'
            # cache (Jinja checks each template's source against what it compiled).
            templates = os.path.join(self.cache.folder, "templates")
            with contextlib.suppress(OSError):
                os.makedirs(templates, exist_ok=True)
                env.bytecode_cache = jinja2.FileSystemBytecodeCache(templates)
        env.filters["minutes_href"] = minutes_href
        env.filters["minutes_fragment"] = minutes_fragment
        # Where the plugin writes its files, for the templates' links (paths.py names them).
        series = sorted(self.archive.series.values(), key=lambda s: s.id) if self.archive else []
        env.globals["minutes_files"] = {
            "meetings_feed": MEETINGS_FEED,
            "decisions_feed": DECISIONS_FEED,
            "calendar": CALENDAR,
            "series_feeds": [
                {"id": s.id, "name": s.name, "path": series_feed(s.id), "calendar": series_calendar(s.id)}
                for s in series
            ],
            "person_feed": person_feed,  # a person's id -> its feed's path
            "topic_feed": topic_feed,
        }
        self._titles(env, files, config)
        self._keep_pages(config, files, env.globals["minutes_files"])
        pages = [(file.page, bool(file.generated_by)) for file in files.documentation_pages() if file.page]
        self.search.index(pages, self.cache.folder if self.cache is not None else None)
        return env

    def _keep_pages(self, config: MkDocsConfig, files: Files, shared: object) -> None:
        """The print of each generated page (``kept_pages``): those kept are written back, not rendered."""
        # pages are kept on disk only (``cache: false``: no folder, nothing kept)
        self.kept_pages = KeptPages(self.cache if self.cache is not None and self.cache.folder else None)
        self.writing_back, self.keeping = {}, {}
        if self.archive is None or not self.ahead or self.kept_pages.cache is None:
            return  # MkDocs renders the notes (another plugin changes pages), or nothing is kept
        hooks = _page_hooks(config, self, _PAGE_EVENTS + _OUTPUT_EVENTS)
        site = None if hooks else site_print(config, self.nav, shared)
        if site is None:
            log.info(f"every page is rendered: {', '.join(hooks) or 'the configuration'} may change any page")
            return
        for path, spec in self.pages.items():
            file = files.get_file_from_path(path)
            if file is None or file.page is None or not file.generated_by:
                continue
            print_ = page_print(site, file.page, self.prints[path], self._shown(spec))
            if self.kept_pages.has(print_):
                file.page.meta["template"] = KEPT_TEMPLATE
                self.writing_back[path] = print_
            else:
                self.keeping[path] = print_
        if self.writing_back:
            log.info(
                f"{len(self.writing_back)} of {len(self.pages)} pages are as the last build made them: written back"
            )

    def _shown(self, spec: PageSpec) -> list[str]:
        """What a page shows of the notes: its meeting's render, the fragments of other meetings."""
        shown = []
        if spec.path in self.rendered:
            rendered = self.rendered[spec.path][0]
            shown += [rendered.content, repr(rendered.toc), rendered.title or ""]
        for meeting_id, anchor in spec.fragments:
            shown.append(f"{meeting_id}#{anchor}:{self.fragments.get(meeting_id, {}).get(anchor, '')}")
        return shown

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        self._render_meetings(config, files)
        return nav

    def _render_meetings(self, config: MkDocsConfig, files: Files) -> None:
        """Render every meeting page now, on every core, or take its render from the cache (``page_render``).

        MkDocs renders them itself where a site's Markdown settings cannot be handed to other processes, or
        where another plugin changes each page's Markdown or HTML.
        """
        self.rendered, self.ahead = {}, False
        settings = markdown_settings(config, self.config.sanitize)
        hooks = _page_hooks(config, self, _PAGE_EVENTS)
        if settings is None or hooks or self.archive is None:
            if hooks:
                log.info(
                    f"MkDocs renders the notes page by page: {', '.join(hooks)} change each page's Markdown or HTML"
                )
            elif settings is None:
                log.info(
                    "MkDocs renders the notes page by page: the site's Markdown settings hold a function defined "
                    "in place (a lambda as toc's slugify?), which no other process can be handed"
                )
            return
        jobs = []
        for path, spec in self.pages.items():
            file = files.get_file_from_path(path)
            if spec.kind != "meeting" or file is None:
                continue
            anchors = tuple(sorted(self.wanted.get(path, ("", set()))[1]))
            text = get_data(spec.markdown)[0]
            jobs.append(RenderJob(path, file.url, text, anchors, file.inclusion.is_excluded()))  # type: ignore[no-untyped-call]
        self.ahead = True
        done = render_pages(jobs, settings, file_map(files), self.cache, os.cpu_count() or 1)
        for job in jobs:
            rendered = done[job.src_uri]
            self.rendered[job.src_uri] = (rendered, _digest(job.markdown))
            if job.src_uri in self.wanted:
                self.fragments[self.wanted[job.src_uri][0]] = dict(rendered.fragments)

    def _titles(self, env: jinja2.Environment, files: Files, config: MkDocsConfig) -> None:
        """Each generated page's title, from the templates (``minutes/partials/titles.html``)."""
        title = env.get_template(TITLES).module.title  # type: ignore[attr-defined]
        for spec in self.pages.values():
            file = files.get_file_from_path(spec.path)
            if file is None or file.page is None:
                continue
            text = " ".join(str(title(spec.kind, {"kind": spec.kind, **spec.context}, config.site_name)).split())
            self._set_title(file.page, text or spec.title)

    @staticmethod
    def _set_title(page: Page, text: str) -> None:
        # MkDocs titles are HTML, placed unescaped by Material's header and <title>: a note's title is text.
        page.title = escape(text, quote=False)
        if not page.is_homepage:  # Material's <title> is the site's name alone on the home page
            page.meta["title"] = page.title

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.writer is not None:  # under serve: the last build's minutes.json and feeds, nearly written
            self.writer.join()
            self.writer = None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        close_pool()
        if self.archive is None:
            return
        self.search.finish(config.site_dir)
        if self.cache is not None:
            self.cache.commit()
        if self.search.serving:  # the served page is up to date: live reload is not held back for the rest
            self.writer = threading.Thread(target=self._write_files, args=(self.archive, config), daemon=True)
            self.writer.start()
        else:
            self._write_files(self.archive, config)
        log.info(self.accounting)

    def _write_files(self, archive: Archive, config: MkDocsConfig) -> None:
        """``minutes.json``, the Atom feeds and the calendars."""
        if self.config.json:
            data = archive_json(archive, config.use_directory_urls, self.config.json_full_text, self.words)
            # json.dumps, not json.dump: dump streams through the pure-Python encoder, dumps runs the C one
            # (ten times faster on an archive's document; the same bytes).
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            with open(os.path.join(config.site_dir, JSON), "w", encoding="utf-8") as handle:
                handle.write(text)
        written = write_feeds(
            archive,
            config.site_dir,
            config.site_name,
            config.site_url or "",
            config.use_directory_urls,
            feeds=self.config.feeds,
            calendar=self.config.calendar,
            words=self.words,
        )
        if written is None:
            log.info("no feeds and no meetings.ics: their links must be absolute, and mkdocs.yml sets no site_url")
