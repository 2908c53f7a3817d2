"""Generated pages kept as MkDocs wrote them, and written back while nothing they are made of changed.

A generated page's HTML is made of: its own data (``PageSpec``: template, title, context, Markdown), its
meeting's render (a meeting page: ``page_render``), the fragments of other meetings it shows, its URL,
title and edit link, and what every page shares: the site's configuration, its nav, the templates (every
file of the theme's folders, ``custom_dir`` first) and the versions of MkDocs, Material and this package.
A digest of all that (the page's *print*) keys its HTML in the note cache (``.cache/minutes/``). When the
print of a page is kept, the page is given an empty template and its kept HTML is written back instead:
MkDocs neither renders its Markdown nor its template. Under ``mkdocs build`` as under ``mkdocs serve``.

Kept HTML lives on disk only (compressed), never in memory beyond the page being written. Pages are kept
only when the plugin renders the meetings itself (no other plugin changes pages).
"""

from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Iterable
from importlib.metadata import version
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .notecache import CODE_VERSION, NoteCache
from .page_render import stable_text

KEPT_TEMPLATE = "minutes/kept.html"  # an empty template: the page's kept HTML is written instead
_STEP = "pages"
# Configuration MkDocs or the plugin read elsewhere: never in a page's HTML, or in it through what a print
# holds already (the Markdown settings through the meeting's render).
_NOT_IN_PAGES = frozenset(
    {"plugins", "hooks", "theme", "markdown_extensions", "mdx_configs", "watch", "site_dir", "docs_dir", "nav"}
)


def site_print(config: MkDocsConfig, nav: Navigation | None, shared: object) -> str | None:
    """What every generated page's HTML shares; None if part of the configuration has no stable text."""
    parts = [CODE_VERSION, version("mkdocs"), version("mkdocs-material"), _templates(config.theme.dirs)]
    settings = [(f"theme.{key}", value) for key, value in config.theme.items()]
    settings += [(key, value) for key, value in config.items() if key not in _NOT_IN_PAGES and key[0] != "_"]
    for key, value in sorted([*settings, ("shared", shared)], key=lambda setting: setting[0]):
        text = _setting_text(value)
        if text is None:
            return None
        parts.append(f"{key}={text}")
    parts.append(_nav_text(nav.items if nav is not None else []))
    return _digest(parts)


def _setting_text(value: object) -> str | None:
    """A setting as text, the same in every process: its plain values, else what it says of itself (a
    locale says "en"); None for an object that says nothing of itself."""
    text = stable_text(value)
    if text is None:
        text = str(value)
        if " at 0x" in text:
            return None
    return text


def page_print(site: str, page: Page, own: str, shown: Iterable[str]) -> str:
    """A generated page's print: what all pages share, its own data (``own``), and what it shows of others."""
    parts = [site, own, page.url, page.title or "", page.edit_url or "", *shown]
    for neighbour in (page.previous_page, page.next_page):
        parts.append(f"{neighbour.title}\0{neighbour.url}" if neighbour is not None else "")
    return _digest(parts)


def text_print(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class KeptPages:
    """The HTML of generated pages by print, in the note cache's SQLite file."""

    def __init__(self, cache: NoteCache | None) -> None:
        self.cache = cache

    def has(self, print_: str) -> bool:
        return self.cache is not None and self.cache.has_kept(_STEP, print_)

    def get(self, print_: str) -> str | None:
        blob = self.cache.get_kept(_STEP, print_, remember=False) if self.cache is not None else None
        return zlib.decompress(blob).decode("utf-8") if isinstance(blob, bytes) else None

    def put(self, print_: str, html: str) -> None:
        if self.cache is not None:
            self.cache.put_kept(_STEP, print_, zlib.compress(html.encode("utf-8"), 1), remember=False)


def _templates(dirs: Iterable[str]) -> str:
    """Every template file of the theme's folders, by path, size and time of change (not the icons: they
    change with Material's version, which the print holds)."""
    found = []
    for folder in dirs:
        for root, subfolders, names in os.walk(folder):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            for name in sorted(names):
                stat = os.stat(os.path.join(root, name))
                found.append(f"{os.path.relpath(os.path.join(root, name), folder)}:{stat.st_size}:{stat.st_mtime_ns}")
        found.append("|")
    return _digest(found)


def _nav_text(items: Iterable[Any]) -> str:
    parts = []
    for item in items:
        url = getattr(item, "url", "") or ""
        children = getattr(item, "children", None) or []
        parts.append(f"({item.title}\0{url}{_nav_text(children)})")
    return "".join(parts)


def _digest(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()
