"""``minutes export DIR``: a built archive as a docs folder that an engine running no MkDocs plugin builds.

The ``minutes`` command runs the site's real build (every page rendered by the plugin's templates) and
hands each generated page here: its rendered body (the ``<article>`` of Material's page) is written as
a Markdown file whose content is that HTML, which every Markdown engine passes through untouched. Links
in it are rewritten from the page's address to the source files (``../people/olivier.md``), the way an
engine expects links in Markdown, so that it gives them its own addresses. Beside the pages go the
plugin's assets, ``minutes.json``, the feeds, the calendar and the site's own files, and a
``mkdocs.yml`` without the plugin, which MkDocs-compatible engines (Zensical) read.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import yaml

from .paths import ASSETS_DIR

# Sets of the site's configuration that the exported site keeps as they are.
KEPT_SETTINGS = (
    "site_name",
    "site_url",
    "site_description",
    "site_author",
    "copyright",
    "repo_url",
    "repo_name",
    "use_directory_urls",
    "extra",
)
THEME_SETTINGS = ("name", "language", "features", "palette", "font", "icon", "logo", "favicon")
_URL_ATTRIBUTE = re.compile(r"""(?P<before>\s(?:href|src)=)(?P<quote>["'])(?P<url>.*?)(?P=quote)""", re.IGNORECASE)


@dataclass(frozen=True)
class ExportedPage:
    """A page of the build: where its source is (``people/olivier.md``), its address, title and rendered body."""

    src_uri: str
    url: str  # site-relative, as the build gave it: "people/olivier/"
    title: str  # text
    body: str  # the HTML inside Material's <article>
    styles: tuple[str, ...]  # the <style> sheets of its head
    assets: tuple[tuple[str, str], ...]  # ("css" or "js", URL) of the stylesheets and scripts of its head


def exported_page(src_uri: str, url: str, title: str, output: str) -> ExportedPage:
    """The page the build wrote (``output``, the whole HTML document) at ``url``, for the export."""
    parser = _Article()
    parser.feed_page(output)
    if parser.start < 0 or parser.end < 0:
        raise ValueError(f"{src_uri}: no <article class='md-content__inner'> in the page: not Material's theme")
    styles = tuple(output[start:end] for start, end in parser.styles)
    return ExportedPage(src_uri, url, title, output[parser.start : parser.end].strip("\n"), styles, tuple(parser.links))


@dataclass
class Export:
    """What ``write_export`` writes."""

    pages: list[ExportedPage] = field(default_factory=list)
    page_urls: dict[str, str] = field(default_factory=dict)  # address -> source, of every page of the site
    files: dict[str, str] = field(default_factory=dict)  # docs path -> absolute path of a file to copy
    contents: dict[str, bytes] = field(default_factory=dict)  # docs path -> content of a generated file
    nav: list[Any] = field(default_factory=list)  # as mkdocs.yml writes it


class _Article(HTMLParser):
    """Where Material's ``<article class="md-content__inner ...">`` starts and ends in a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.start = self.end = -1
        self.styles: list[tuple[int, int]] = []
        self.links: list[tuple[str, str]] = []  # (kind, URL) of stylesheets and scripts in the head
        self._style_at = -1
        self._in_head = True

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def feed_page(self, text: str) -> None:
        self._lines = [0]
        for line in text.split("\n"):
            self._lines.append(self._lines[-1] + len(line) + 1)
        self.text = text
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            if self.depth == 0 and self.start < 0 and "md-content__inner" in (values.get("class") or ""):
                self.start = self._offset() + len(self.get_starttag_text() or "")
                self.depth = 1
            elif self.depth:
                self.depth += 1
        elif tag == "style" and self._in_head:
            self._style_at = self._offset() + len(self.get_starttag_text() or "")
        elif tag == "link" and self._in_head and (values.get("rel") or "") == "stylesheet" and values.get("href"):
            self.links.append(("css", values["href"] or ""))
        elif tag == "script" and self._in_head and values.get("src"):
            self.links.append(("js", values["src"] or ""))
        elif tag == "body":
            self._in_head = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1
            if self.depth == 0 and self.end < 0:
                self.end = self._offset()
        elif tag == "style" and self._style_at >= 0:
            self.styles.append((self._style_at, self._offset()))
            self._style_at = -1


def _is_relative(url: str) -> bool:
    return bool(url) and not url.startswith(("#", "/", "data:")) and not urlsplit(url).scheme


def _site_path(page_url: str, path: str) -> str:
    """The site-relative path that ``path``, a link on the page at ``page_url``, points at."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    joined = posixpath.normpath(posixpath.join(base, path)) if path else base
    joined = "" if joined in (".", "./") else joined
    return joined + "/" if path.endswith("/") and joined and not joined.endswith("/") else joined


def relink(body: str, page: ExportedPage, page_urls: Mapping[str, str]) -> str:
    """``body``'s relative links, from the page's address to the source files the engine maps to addresses."""
    folder = posixpath.dirname(page.src_uri) or "."

    def replace(match: re.Match[str]) -> str:
        url = html.unescape(match["url"])
        if not _is_relative(url):
            return match.group(0)
        parts = urlsplit(url)
        site_path = _site_path(page.url, parts.path)
        target = page_urls.get(site_path) or site_path or "."
        relative = posixpath.relpath(target, folder)
        relative += (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        return f"{match['before']}{match['quote']}{html.escape(relative)}{match['quote']}"

    return _URL_ATTRIBUTE.sub(replace, body)


def page_markdown(page: ExportedPage, page_urls: Mapping[str, str]) -> str:
    """The exported page: front matter with its title, then its rendered body as one HTML block."""
    front = yaml.safe_dump({"title": page.title}, allow_unicode=True, sort_keys=False).strip()
    # One block of raw HTML: a Markdown engine passes it through as it is (with md_in_html, markdown="0" says so).
    body = relink(page.body, page, page_urls)
    return f'---\n{front}\n---\n\n<div class="minutes-export" markdown="0">\n{body}\n</div>\n'


class _Dumper(yaml.SafeDumper):
    """mkdocs.yml as MkDocs writes it: Python objects of extension options as ``!!python/name:`` tags."""


def _python_name(dumper: yaml.SafeDumper, value: Callable[..., Any]) -> yaml.Node:
    return dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{value.__module__}.{value.__qualname__}", "")


_Dumper.add_multi_representer(type, _python_name)
_Dumper.add_representer(type(len), _python_name)
_Dumper.add_representer(type(_python_name), _python_name)


def export_config(
    settings: Mapping[str, Any],
    theme: Mapping[str, Any],
    markdown_extensions: Iterable[str],
    mdx_configs: Mapping[str, Any],
    extra_css: Iterable[str],
    extra_javascript: Iterable[str],
    nav: list[Any],
) -> str:
    """The exported site's ``mkdocs.yml``: the site's own settings, its theme and extensions, no plugin."""
    config: dict[str, Any] = {key: settings[key] for key in KEPT_SETTINGS if settings.get(key) not in (None, "", {})}
    config["docs_dir"] = "docs"
    config["edit_uri"] = ""  # each page's body links to its note already: the engine's link would be to the export
    config["theme"] = {key: theme[key] for key in THEME_SETTINGS if theme.get(key) not in (None, "", [], {})}
    extensions: list[Any] = []
    for name in dict.fromkeys(markdown_extensions):
        options = mdx_configs.get(name)
        extensions.append({name: dict(options)} if options else name)
    config["markdown_extensions"] = extensions
    config["extra_css"] = list(dict.fromkeys(extra_css))
    config["extra_javascript"] = list(dict.fromkeys(extra_javascript))
    config["nav"] = nav
    text: str = yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    return (
        "# Written by `minutes export`: the archive's pages, built, for an engine that runs no MkDocs plugin.\n" + text
    )


def write_export(export: Export, target: str, config: str) -> list[str]:
    """Write the docs folder (``target/docs``) and ``target/mkdocs.yml``; the paths written, relative to target."""
    docs = os.path.join(target, "docs")
    written: list[str] = []

    def write(path: str, content: bytes) -> None:
        full = os.path.join(docs, *path.split("/"))
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as handle:
            handle.write(content)
        written.append(f"docs/{path}")

    styles: list[str] = []
    for page in export.pages:
        styles.extend(sheet for sheet in page.styles if ".minutes" in sheet and sheet not in styles)
        write(page.src_uri, page_markdown(page, export.page_urls).encode("utf-8"))
    if styles:
        write(f"{ASSETS_DIR}/export.css", "\n".join(sheet.strip("\n") for sheet in styles).encode("utf-8") + b"\n")
    for path, content in export.contents.items():
        write(path, content)
    for path, source in export.files.items():
        full = os.path.join(docs, *path.split("/"))
        os.makedirs(os.path.dirname(full), exist_ok=True)
        shutil.copyfile(source, full)
        written.append(f"docs/{path}")
    with open(os.path.join(target, "mkdocs.yml"), "w", encoding="utf-8") as handle:
        handle.write(config)
    written.append("mkdocs.yml")
    return sorted(written)


def head_assets(export: Export) -> tuple[list[str], list[str]]:
    """The stylesheets and scripts that generated pages load from the plugin's assets (docs paths), and its styles."""
    css: list[str] = []
    js: list[str] = []
    for page in export.pages:
        if any(".minutes" in sheet for sheet in page.styles) and f"{ASSETS_DIR}/export.css" not in css:
            css.append(f"{ASSETS_DIR}/export.css")
        for kind, url in page.assets:
            if not _is_relative(url):
                continue
            path = _site_path(page.url, urlsplit(url).path)
            if path.startswith(ASSETS_DIR + "/"):
                (css if kind == "css" else js).append(path)
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))
