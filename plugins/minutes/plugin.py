"""The MkDocs adapter: wires MkDocs events to the plain core, and nothing else.

Events used, and why:

- ``on_config``: make the package's templates findable through the theme
  (after ``custom_dir``, so a site can override any of them) and enable the
  Markdown extensions that notes rely on (tables, task lists, attr_list for
  the anchors of entries).
- ``on_files``: read the people file (``people_file``, or ``people.yml`` in the
  docs folder, which is then not published), read, parse and index the notes
  (``archive.build_archive``), take the note files out of the build and add the generated pages with
  ``File.generated``; only the home, archive and people pages enter the nav,
  so the nav stays small however large the archive grows.
- ``on_page_markdown``: give each generated page its template and title, and set apart the headings
  of a large one, which Python-Markdown would take minutes to render otherwise.
- ``on_page_content``: sanitize the HTML of the pages made from notes (``sanitize``), which any
  contributor can write raw HTML into.
- ``on_page_context``: hand the template the page's data as ``minutes``.
- ``on_env``: the ``minutes_href`` filter, for links from templates.
- ``on_post_build``: write ``minutes.json``, the Atom feeds and the line that accounts for every note.
- ``on_serve``: watch a people file that lives outside the docs folder, so editing it rebuilds.
"""

from __future__ import annotations

import fnmatch
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

from .archive import NoteFile, build_archive
from .config import MinutesConfig
from .findings import sorted_findings
from .index import Archive
from .parse import ParseOptions
from .paths import FILTER_SCRIPT, HOME, JSON, page_url
from .people.people_file import PeopleFile, find_people_file, load_people_file
from .reading.inline import heading_slugger
from .records.join import RecordOptions
from .records.references import repository_of
from .records.topics import TopicsFile, load_topics_file
from .site.build import build_pages
from .site.feeds import atom_feeds
from .site.minutes_json import archive_json
from .site.pages import PageSpec
from .site.sanitize import sanitize_html
from .slugs import fold
from .vocabulary import SECTION_WORDS

log = get_plugin_logger(__name__)

TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")
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
    # "#123" at the start of a line is an issue, as on GitHub, not a heading: the reader reads it so too.
    "pymdownx.saneheaders": {},
    "toc": {"permalink": True},
}


TOPICS_FILES = ("topics.yml", "topics.yaml")


def _unpublish(path: str, files: Files, config: MkDocsConfig) -> str:
    """Take a data file out of the site; how findings name it (relative to the docs folder or mkdocs.yml)."""
    for file in list(files):
        if file.abs_src_path and os.path.abspath(file.abs_src_path) == os.path.abspath(path):
            files.remove(file)
    inside = os.path.abspath(path).startswith(os.path.abspath(config.docs_dir) + os.sep)
    base = config.docs_dir if inside else os.path.dirname(config.config_file_path or path)
    return os.path.relpath(path, base).replace(os.sep, "/")


class MinutesPlugin(BasePlugin[MinutesConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.archive: Archive | None = None
        self.pages: dict[str, PageSpec] = {}
        self.accounting = ""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if TEMPLATES not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES)
        if FILTER_SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(FILTER_SCRIPT)
        configured = {ext if isinstance(ext, str) else type(ext).__name__ for ext in config.markdown_extensions}
        for name, options in MARKDOWN_EXTENSIONS.items():
            if name not in configured:
                config.markdown_extensions.append(name)
                if options:
                    config.mdx_configs.setdefault(name, options)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        notes = [file for file in files.documentation_pages() if self._is_note(file.src_uri)]
        toc = config.mdx_configs.get("toc", {})
        options = ParseOptions(
            default_series=self.config.default_series,
            not_people=SECTION_WORDS | {fold(word) for word in self.config.not_people},
            sanitize=self.config.sanitize,
            # anchors of decisions and entries must not take the ids the site's toc gives headings
            heading_id=heading_slugger(toc.get("slugify"), toc.get("separator", "-")),
        )
        on_disk = {file.src_uri for file in files}
        book = self._people_file(files, config)
        records = RecordOptions(
            default_repository=self.config.default_repository or repository_of(config.repo_url or "") or "",
            topics=self._topics_file(files, config),
            stale_after=self.config.stale_after,
        )
        archive = build_archive(
            (NoteFile(str(file.abs_src_path), file.src_uri) for file in notes), options, book, on_disk, records
        )
        self.archive = archive
        self._report(archive)
        for file in notes:
            files.remove(file)
        self.pages = {}
        for spec in build_pages(archive, config.site_name):
            existing = files.get_file_from_path(spec.path)
            if existing is not None:
                if spec.path == HOME:
                    continue  # the site's own home page wins
                files.remove(existing)
            inclusion = InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, spec.path, content=spec.markdown, inclusion=inclusion)
            if spec.edit_path:
                file.edit_uri = spec.edit_path
            files.append(file)
            self.pages[spec.path] = spec
        with open(os.path.join(ASSETS, "filter.js"), encoding="utf-8") as handle:
            files.append(File.generated(config, FILTER_SCRIPT, content=handle.read()))
        return files

    def _people_file(self, files: Files, config: MkDocsConfig) -> PeopleFile:
        """The configured people file, else ``people.yml`` in the docs folder; never published."""
        path = self.config.people_file or find_people_file(config.docs_dir)
        if not path:
            return PeopleFile()
        return load_people_file(path, _unpublish(path, files, config))

    def _topics_file(self, files: Files, config: MkDocsConfig) -> TopicsFile:
        """The configured topics file, else ``topics.yml`` in the docs folder; never published."""
        path = self.config.topics_file or next(
            (found for name in TOPICS_FILES if os.path.isfile(found := os.path.join(config.docs_dir, name))), None
        )
        if not path:
            return TopicsFile()
        return load_topics_file(path, _unpublish(path, files, config))

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        for path in (self.config.people_file, self.config.topics_file):
            if path:
                server.watch(path)
        return server

    def _is_note(self, path: str) -> bool:
        if any(fnmatch.fnmatch(path, pattern) for pattern in self.config.exclude):
            return False
        return any(
            fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path, pattern.replace("**/", ""))
            for pattern in self.config.notes
        )

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

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is not None and page.file.generated_by:
            page.meta.setdefault("template", spec.template)
            # MkDocs titles are HTML, placed unescaped by Material's header: a note's title is text.
            page.meta.setdefault("title", escape(spec.title, quote=False))
            page.title = page.meta["title"]
            return markdown
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.config.sanitize and page.file.src_uri in self.pages and page.file.generated_by:
            return sanitize_html(html)
        return html

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            context["minutes"] = spec.context  # type: ignore[typeddict-unknown-key]
        return context

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        @jinja2.pass_context
        def minutes_href(context: Any, path: str) -> str:
            """A link from the current page to the page generated at ``path``."""
            target, _, anchor = path.partition("#")
            file = files.get_file_from_path(target)
            page = context.get("page")
            if file is None or page is None:
                return "#"
            return get_relative_url(file.url, page.url) + (f"#{anchor}" if anchor else "")

        env.filters["minutes_href"] = minutes_href
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.archive is None:
            return
        if self.config.json:
            data = archive_json(self.archive, config.use_directory_urls)
            with open(os.path.join(config.site_dir, JSON), "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, indent=1)
        if self.config.feeds:

            def url(path: str, anchor: str = "") -> str:
                return page_url(path, config.use_directory_urls) + (f"#{anchor}" if anchor else "")

            for path, xml in atom_feeds(self.archive, config.site_name, config.site_url or "", url).items():
                target = os.path.join(config.site_dir, *path.split("/"))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "w", encoding="utf-8") as handle:
                    handle.write(xml)
        log.info(self.accounting)
