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
  plugin's listing pages enter the nav, so the nav stays small however large the archive grows;
  start Pagefind and hand it every record.
- ``on_page_markdown``: give each generated page its template and a first title. Only meeting pages
  have Markdown (their notes); the other pages are rendered by their templates alone.
- ``on_page_content``: sanitize the HTML of the pages made from notes (``sanitize``), which any
  contributor can write raw HTML into, then cut out of each meeting page the fragments that other
  pages show (``site.fragments``): MkDocs renders every page's content before any template. The
  content of the other generated pages is their name alone, what Material's search indexes of them.
- ``on_env``: the ``minutes_href`` and ``minutes_fragment`` filters and the ``minutes_files`` paths
  (feeds, calendar) for the templates, and each generated page's title from
  ``minutes/partials/titles.html`` (before any page is rendered, so that the nav and search have them).
- ``on_page_context``: hand the template the page's data as ``minutes``.
- ``on_post_page``: hand Pagefind each meeting page's notes (and the site's own pages) as MkDocs renders
  them, so that indexing runs on another core while the next page renders.
- ``on_post_build``: write ``minutes.json``, the Atom feeds, ``meetings.ics``, the search bundle (in the
  background under ``mkdocs serve``) and the line that accounts for every note.
- ``on_build_error``, ``on_shutdown``: stop Pagefind.
- ``on_serve``: watch a people file that lives outside the docs folder, so editing it rebuilds.
"""

from __future__ import annotations

import hashlib
import json
import os
from html import escape
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from .config import MinutesConfig
from .findings import sorted_findings
from .index import Archive
from .notecache import NoteCache
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
    return hashlib.sha256(repr((spec.template, spec.title, spec.markdown, spec.context)).encode("utf-8")).hexdigest()


def _unmodified() -> bool:
    return False


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

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that MkDocs keeps this plugin object, and its cache of parsed notes, across serve rebuilds."""
        self.dirty = dirty
        self.search.startup(command, dirty)

    def on_shutdown(self) -> None:
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
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        path = page.file.src_uri
        spec = self.pages.get(path)
        if spec is None or not page.file.generated_by:
            return html
        if spec.kind != "meeting":
            # The page's templates show it all; what search indexes of it (Material's) is its name alone.
            return f"<p>{escape(spec.title, quote=False)}</p>" if spec.title else ""
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
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            context["minutes"] = {"kind": spec.kind, **spec.context}  # type: ignore[typeddict-unknown-key]
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # Cost kept: handing the page to Pagefind's thread is cheap, but that thread's JSON and base64 work
        # competes with MkDocs for the interpreter lock (about 3% of a build): the price of a search index
        # written while MkDocs renders rather than in a pass over the written site afterwards.
        self.search.page(page, bool(page.file.generated_by) and page.file.src_uri in self.pages)
        return output

    def on_build_error(self, *, error: Exception) -> None:
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
        return env

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

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.archive is None:
            return
        if self.config.json:
            data = archive_json(self.archive, config.use_directory_urls, self.config.json_full_text, self.words)
            # json.dumps, not json.dump: dump streams through the pure-Python encoder, dumps runs the C one
            # (ten times faster on an archive's document; the same bytes).
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            with open(os.path.join(config.site_dir, JSON), "w", encoding="utf-8") as handle:
                handle.write(text)
        written = write_feeds(
            self.archive,
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
        self.search.finish(config.site_dir)
        log.info(self.accounting)
