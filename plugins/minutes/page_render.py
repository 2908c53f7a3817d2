"""Meeting pages rendered once, on every core, and kept: MkDocs then only wraps each one in its template.

MkDocs renders a page's Markdown in ``Page.render``, one page after another on one core, and a note's
Markdown is most of a build's cost. What a meeting page's HTML depends on is known before MkDocs starts
rendering: its Markdown (the note), the site's Markdown configuration (extensions, their settings, the
``toc`` slugify), the page's own path and URL, the URLs of the files its links point to, whether the
site sanitizes, and the anchors whose fragments other pages show. So each meeting page is rendered here,
keyed by all of that:

- in a pool of processes when there is enough to render (``notecache.run_in_pool``), else here;
- by MkDocs' own tree processors (links checked and rewritten, anchors found, the title read), handed
  stand-ins of its ``File`` and ``Files`` that know every file's URL and record each lookup, so that a
  kept render is used again only while the files it links to keep their URLs;
- sanitized (``site.sanitize``) and cut into the fragments other pages show (``site.fragments``);
- kept in the note cache (memory, and ``.cache/minutes/notes.sqlite``) by its key.

The log lines MkDocs' processors write (a link to a missing file) are kept with the render and written
again in the main process whenever the page is built, so ``validation`` warnings (and ``--strict``) stay
as they are. A site's own Markdown configuration that cannot be handed to another process or keyed (a
closure as ``slugify``) is rendered by MkDocs as before.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import markdown
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from .notecache import CODE_VERSION, NoteCache, picklable, run_in_pool
from .site.fragments import cut_fragments
from .site.sanitize import sanitize_html

# Below this many bytes of Markdown to render, starting processes costs more than it saves.
POOL_THRESHOLD = 1_000_000
_TABLE = "renders"


@dataclass(frozen=True)
class MarkdownSettings:
    """What a page's HTML depends on in the site's configuration: plain values another process can take."""

    extensions: tuple[Any, ...]
    configs: Mapping[str, Any]
    use_directory_urls: bool
    not_found: int
    absolute_links: Any  # a level, or MkDocs' "relative_to_docs"
    unrecognized_links: int
    sanitize: bool
    fingerprint: str = ""


@dataclass(frozen=True)
class RenderJob:
    src_uri: str
    url: str
    markdown: str
    anchors: tuple[str, ...]  # the anchors whose fragments other pages show
    excluded: bool = False


@dataclass(frozen=True)
class Rendered:
    """A page's HTML and what MkDocs' ``Page.render`` learns of it, with what it depended on."""

    content: str
    toc: list[Any]  # Python-Markdown's toc tokens
    title: str | None
    present_anchor_ids: frozenset[str]
    links_to_anchors: Mapping[str, Mapping[str, str]]  # target file -> anchor -> the link as written
    fragments: Mapping[str, str]
    logs: tuple[tuple[int, str], ...]  # what MkDocs' processors logged: (level, message)
    lookups: tuple[tuple[str, str | None], ...] = ()  # each file looked up, and its URL then (None: no file)


# A file's URL and inclusion, by its path: what the processors look up.
FileMap = Mapping[str, tuple[str, InclusionLevel]]


def markdown_settings(config: Any, sanitize: bool) -> MarkdownSettings | None:
    """The site's Markdown settings; None if another process cannot take them or they cannot be keyed."""
    links = config.validation.links
    settings = MarkdownSettings(
        tuple(config.markdown_extensions),
        dict(config.mdx_configs or {}),
        bool(config.use_directory_urls),
        links.not_found,
        links.absolute_links,
        links.unrecognized_links,
        sanitize,
    )
    stable = stable_text((settings.extensions, settings.configs, settings.use_directory_urls, links.not_found))
    if stable is None or not picklable(settings):
        return None
    stable += repr((str(links.absolute_links), links.unrecognized_links, sanitize, markdown.__version__))
    return MarkdownSettings(**{**settings.__dict__, "fingerprint": _digest(stable)})


def file_map(files: Files) -> dict[str, tuple[str, InclusionLevel]]:
    return {file.src_uri: (file.url, file.inclusion) for file in files}


def render_pages(
    jobs: list[RenderJob], settings: MarkdownSettings, files: FileMap, cache: NoteCache | None, workers: int
) -> dict[str, Rendered]:
    """Each job's render, by its page's path: kept ones from the cache, the others rendered (in a pool)."""
    done: dict[str, Rendered] = {}
    todo: list[tuple[RenderJob, str]] = []
    for job in jobs:
        key = _key(job, settings)
        kept = cache.get_kept(_TABLE, key) if cache is not None else None
        if isinstance(kept, Rendered) and _still_true(kept, files):
            done[job.src_uri] = kept
        else:
            todo.append((job, key))
    size = sum(len(job.markdown) for job, _ in todo)
    pooled = workers > 1 and size >= POOL_THRESHOLD
    rendered = (
        run_in_pool(_render_job, [(job, settings, files) for job, _ in todo], workers, _size)
        if pooled
        else (render_page(job, settings, files) for job, _ in todo)
    )
    for (job, key), result in zip(todo, rendered, strict=True):
        done[job.src_uri] = result
        if cache is not None:
            cache.put_kept(_TABLE, key, result)
    return done


def apply(page: mkdocs_pages.Page, rendered: Rendered, files: Files) -> None:
    """Set what ``Page.render`` sets, from a render made elsewhere; write its log lines again."""
    page.content = rendered.content
    page.toc = get_toc(rendered.toc)
    page._title_from_render = rendered.title
    page.present_anchor_ids = set(rendered.present_anchor_ids)
    targets = ((files.get_file_from_path(uri), links) for uri, links in rendered.links_to_anchors.items())
    page.links_to_anchors = {target: dict(links) for target, links in targets if target is not None}
    for level, message in rendered.logs:
        mkdocs_pages.log.log(level, message)


def render_page(job: RenderJob, settings: MarkdownSettings, files: FileMap) -> Rendered:
    """Render one page as ``Page.render`` does, then sanitize it and cut its fragments."""
    site = _SiteFiles(files)
    page_file = _FileStub(job.src_uri, job.url, InclusionLevel.EXCLUDED if job.excluded else InclusionLevel.INCLUDED)
    config = SimpleNamespace(
        use_directory_urls=settings.use_directory_urls,
        validation=SimpleNamespace(
            links=SimpleNamespace(
                not_found=settings.not_found,
                absolute_links=settings.absolute_links,
                unrecognized_links=settings.unrecognized_links,
            )
        ),
    )
    md = markdown.Markdown(extensions=list(settings.extensions), extension_configs=dict(settings.configs))
    raw_html = mkdocs_pages._RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page_file, site, config)  # type: ignore[arg-type]
    anchors._register(md)
    links = mkdocs_pages._RelativePathTreeprocessor(page_file, site, config)  # type: ignore[arg-type]
    links._register(md)
    title = mkdocs_pages._ExtractTitleTreeprocessor()
    title._register(md)
    with _captured(mkdocs_pages.log) as logs:
        html = md.convert(job.markdown)
    if settings.sanitize:
        html = sanitize_html(html)
    return Rendered(
        content=html,
        toc=list(getattr(md, "toc_tokens", [])),
        title=title.title,
        present_anchor_ids=frozenset(anchors.present_anchor_ids | raw_html.present_anchor_ids),
        links_to_anchors={target.src_uri: dict(found) for target, found in links.links_to_anchors.items()},
        fragments=cut_fragments(html, job.anchors, job.url) if job.anchors else {},
        logs=tuple(logs),
        lookups=tuple(site.lookups.items()),
    )


# --- keys, and what a kept render depended on ------------------------------------------------------


def _key(job: RenderJob, settings: MarkdownSettings) -> str:
    digest = hashlib.sha256()
    for part in (CODE_VERSION, settings.fingerprint, job.src_uri, job.url, repr(job.excluded), *job.anchors):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    digest.update(job.markdown.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _still_true(kept: Rendered, files: FileMap) -> bool:
    """Whether every file the render looked up has the URL it had then (or is still missing)."""
    return all((files[path][0] if path in files else None) == url for path, url in kept.lookups)


def stable_text(value: Any) -> str | None:
    """A text of plain values, the same in every process; None if some value has no such text."""
    if value is None or isinstance(value, bool | int | float | str | enum.Enum):
        return repr(value)
    if isinstance(value, Mapping):
        items = [(stable_text(key), stable_text(item)) for key, item in value.items()]
        parts = sorted(f"{key}:{item}" for key, item in items if key is not None and item is not None)
        return "{" + ",".join(parts) + "}" if len(parts) == len(items) else None
    if isinstance(value, list | tuple | set | frozenset):
        members = [stable_text(item) for item in value]
        if any(member is None for member in members):
            return None
        return "[" + ",".join(sorted(members) if isinstance(value, set | frozenset) else members) + "]"  # type: ignore[arg-type]
    if isinstance(value, functools.partial):
        return stable_text(("partial", value.func, value.args, value.keywords))
    name = f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    if callable(value) and "<" not in name and name != ".":  # a function or class, not a closure or lambda
        return name
    return None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --- MkDocs' File and Files, as far as its processors read them -------------------------------------


@dataclass
class _FileStub:
    src_uri: str
    url: str
    inclusion: InclusionLevel

    def __hash__(self) -> int:
        return hash(self.src_uri)


@dataclass
class _SiteFiles:
    """``Files.get_file_from_path`` over plain values, recording each lookup."""

    files: FileMap
    lookups: dict[str, str | None] = field(default_factory=dict)

    def get_file_from_path(self, path: str) -> _FileStub | None:
        found = self.files.get(path)
        self.lookups[path] = found[0] if found is not None else None
        return _FileStub(path, *found) if found is not None else None


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))


class _captured:
    """What a logger writes meanwhile, kept and not passed on."""

    def __init__(self, logger: logging.Logger) -> None:
        self.logger = logger
        self.handler = _Capture()

    def __enter__(self) -> list[tuple[int, str]]:
        self.saved = (self.logger.level, self.logger.propagate, self.logger.disabled)
        self.logger.setLevel(logging.DEBUG)
        self.logger.propagate = False
        self.logger.disabled = False
        self.logger.addHandler(self.handler)
        return self.handler.records

    def __exit__(self, *_: object) -> None:
        self.logger.removeHandler(self.handler)
        self.logger.level, self.logger.propagate, self.logger.disabled = self.saved


# --- the pool's side --------------------------------------------------------------------------------


def _render_job(job: tuple[RenderJob, MarkdownSettings, FileMap]) -> Rendered:
    return render_page(*job)


def _size(job: tuple[RenderJob, MarkdownSettings, FileMap]) -> int:
    return len(job[0].markdown)
