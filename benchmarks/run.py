"""The plugin's cost, as ratios against plain MkDocs + Material on the same notes.

One run, one process: generate a synthetic archive (``generate.py``), then build
the same notes

1. with plain MkDocs + Material and ``plugins: [search]``, the notes rendered
   as ordinary pages in the auto-generated nav (what a site gets without the
   plugin);
2. the same, with the notes left out of the nav (``not_in_nav``), the nav
   shape the plugin gives its meeting and person pages, so the comparison is
   not flattered by the quadratic cost of a 1,000-link nav in every page;
3. with MkDocs + Material + minutes, timing the plugin's own events and its
   core (``build_archive`` and ``build_pages``);
4. again with minutes after editing one note, with a fresh config in the same
   process: what ``mkdocs serve`` does on a save.

It prints wall times, ratios, the plugin's share, the size of one meeting
page, of the search index (``search/search_index.json`` for the plain builds, the Pagefind bundle
``pagefind/`` for the plugin's) and of the whole site. Usage::

    python benchmarks/run.py [--profile teams|standards] [--meetings N] [--cprofile]
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import json
import logging
import os
import platform
import pstats
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # a sibling script, not a package

import minutes.archive
import minutes.plugin
from minutes.plugin import MARKDOWN_EXTENSIONS

HERE = Path(__file__).resolve().parent
SERVE_URL = "http://127.0.0.1:8000/"


@dataclass
class PluginClock:
    """Seconds spent in the plugin, by event and in its core functions, for one build."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    markdown: int = 0  # characters of Markdown in the pages the plugin generated

    def reset(self) -> None:
        self.seconds = defaultdict(float)
        self.markdown = 0

    def measure_pages(self, function: Callable[..., list[Any]]) -> Callable[..., list[Any]]:
        @functools.wraps(function)
        def measured(*args: Any, **kwargs: Any) -> list[Any]:
            pages = function(*args, **kwargs)
            self.markdown += sum(len(page.markdown) for page in pages)
            return pages

        return measured

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - start

        return timed

    @property
    def events(self) -> float:
        return sum(seconds for name, seconds in self.seconds.items() if name.startswith("on_"))

    def steps(self) -> str:
        names = ("read_note", "parse_note", "build_index", "extract_records", "build_pages")
        return ", ".join(f"{name} {self.seconds[name]:.2f} s" for name in names)

    @property
    def core(self) -> float:
        return self.seconds["build_archive"] + self.seconds["build_pages"]


CLOCK = PluginClock()


def instrument() -> None:
    """Time every event of the plugin and its two core calls (the plugin module's own names)."""
    plugin_class = minutes.plugin.MinutesPlugin
    for name in dir(plugin_class):
        if name.startswith("on_") and callable(getattr(plugin_class, name)):
            setattr(plugin_class, name, CLOCK.wrap(name, getattr(plugin_class, name)))
    setattr(minutes.plugin, "build_pages", CLOCK.measure_pages(getattr(minutes.plugin, "build_pages")))  # noqa: B009, B010
    for name in ("build_archive", "build_pages"):
        setattr(minutes.plugin, name, CLOCK.wrap(name, getattr(minutes.plugin, name)))
    # the steps inside build_archive, as the archive module names them
    for name in ("read_note", "parse_note", "build_index", "extract_records"):
        setattr(minutes.archive, name, CLOCK.wrap(name, getattr(minutes.archive, name)))


@dataclass(frozen=True)
class Build:
    label: str
    seconds: float
    site: Path
    plugin_events: float = 0.0
    plugin_core: float = 0.0
    plugin_steps: str = ""
    generated_markdown: int = 0

    def size(self, relative: str) -> int:
        path = self.site / relative
        if path.is_dir():
            return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())
        return path.stat().st_size if path.exists() else 0

    @property
    def search_index(self) -> int:
        """Material's lunr index, or the Pagefind bundle that replaces it in the plugin's builds."""
        return self.size("search/search_index.json") or self.size("pagefind")

    @property
    def total_size(self) -> int:
        return sum(path.stat().st_size for path in self.site.rglob("*") if path.is_file())

    @property
    def pages(self) -> int:
        return sum(1 for _ in self.site.rglob("index.html"))


def write_config(root: Path, docs: Path, plugins: list[str], extra: dict[str, Any] | None = None) -> Path:
    settings: dict[str, Any] = {
        "site_name": "Benchmark minutes",
        "docs_dir": str(docs),
        "site_dir": str(root / "site"),
        "theme": {"name": "material", "features": ["navigation.instant", "search.highlight"]},
        "plugins": plugins,
    }
    settings.update(extra or {})
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    return root / "mkdocs.yml"


def timed_build(
    label: str, config_file: Path, serve: bool = False, profile: cProfile.Profile | None = None, repeat: int = 1
) -> Build:
    """The fastest of ``repeat`` builds (the machine is shared: the minimum is the least disturbed)."""
    runs = [_one_build(label, config_file, serve, profile if run == 0 else None) for run in range(repeat)]
    return min(runs, key=lambda build: build.seconds)


def _one_build(label: str, config_file: Path, serve: bool, profile: cProfile.Profile | None) -> Build:
    """Load the config afresh (as ``mkdocs build`` and every rebuild of ``mkdocs serve`` do) and build."""
    CLOCK.reset()
    start = time.perf_counter()
    config = load_config(str(config_file))
    if serve:
        config.site_url = SERVE_URL
    if profile is not None:
        profile.enable()
    mkdocs_build.build(config, serve_url=SERVE_URL if serve else None)
    if profile is not None:
        profile.disable()
    seconds = time.perf_counter() - start
    return Build(label, seconds, Path(config.site_dir), CLOCK.events, CLOCK.core, CLOCK.steps(), CLOCK.markdown)


@contextmanager
def quiet() -> Iterator[None]:
    """MkDocs' INFO lines (one per page not in the nav, the plugin's findings) are not the benchmark's output."""
    logger = logging.getLogger("mkdocs")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)


def peak_memory_mb() -> float:
    """The process's peak resident memory (all builds of the run; kilobytes on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def kb(size: int) -> str:
    return f"{size / 1024:,.1f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


def nav_links(html: str) -> int:
    return html.count('class="md-nav__link')


def pick_meeting(site: Path, notes: Path) -> dict[str, Any]:
    """A meeting from a single-note file in the middle of the archive, so both builds have a page for it."""
    meetings = json.loads((site / "minutes.json").read_text(encoding="utf-8"))["meetings"]
    counts: dict[str, int] = defaultdict(int)
    for meeting in meetings:
        counts[meeting["source"]] += 1
    single = [meeting for meeting in meetings if counts[meeting["source"]] == 1] or meetings
    chosen: dict[str, Any] = single[len(single) // 2]
    return chosen


def run(args: argparse.Namespace) -> None:
    out: Path = args.out
    notes = out / "notes"
    started = time.perf_counter()
    size = args.notes_size = generate(notes, args.profile, args.meetings, args.series, args.seed)
    files = sum(1 for _ in notes.rglob("*.md"))
    print(
        f"notes: {files} files, {size / 1e6:.1f} MB ({args.profile}),"
        f" generated in {time.perf_counter() - started:.1f} s"
    )
    instrument()

    # The plain builds get the Markdown extensions the plugin turns on, so that the ratio measures the
    # plugin's work and pages, not the cost of tables, footnotes and permalinks.
    extensions = {"markdown_extensions": [{name: options} for name, options in MARKDOWN_EXTENSIONS.items()]}
    if args.bare_plain:
        extensions = {}
    plain_auto = write_config(out / "plain-auto-nav", notes, ["search"], extensions)
    plain_flat = write_config(out / "plain-no-nav", notes, ["search"], {"not_in_nav": "*.md", **extensions})
    with_minutes = write_config(out / "minutes", notes, ["search", "minutes"])

    with quiet():
        # Warm up imports (Markdown extensions, Material, Pygments) on a tiny archive, so the first
        # timed build does not pay for them.
        warm = out / "warm-up"
        generate(warm / "notes", "teams", 20, 2, args.seed)
        timed_build("warm-up", write_config(warm / "plain", warm / "notes", ["search"]))
        timed_build("warm-up", write_config(warm / "minutes", warm / "notes", ["search", "minutes"]))

        builds: list[Build] = []
        if not args.skip_auto_nav:
            builds.append(timed_build("plain MkDocs + Material, notes in the auto nav", plain_auto, repeat=args.repeat))
        builds.append(timed_build("plain MkDocs + Material, notes not in nav", plain_flat, repeat=args.repeat))
        profile = cProfile.Profile() if args.cprofile else None
        if profile is not None:  # a profiled build is slower: not the one timed
            timed_build("profiled", with_minutes, profile=profile)
        full = timed_build("MkDocs + Material + minutes", with_minutes, repeat=args.repeat)
        builds.append(full)

        meeting = pick_meeting(full.site, notes)
        source = notes / meeting["source"]
        original = source.read_text(encoding="utf-8")
        try:
            source.write_text(original + "\n- one more line, written while `mkdocs serve` runs\n", encoding="utf-8")
            rebuild = timed_build(
                "minutes: rebuild after editing one note (as mkdocs serve)",
                with_minutes,
                serve=True,
                repeat=args.repeat,
            )
        finally:
            source.write_text(original, encoding="utf-8")
        builds.append(rebuild)

    report(builds, full, rebuild, meeting, args)
    if profile is not None:
        stream = io.StringIO()
        pstats.Stats(profile, stream=stream).sort_stats("cumulative").print_stats(args.cprofile_lines)
        print(stream.getvalue())


def report(builds: list[Build], full: Build, rebuild: Build, meeting: dict[str, Any], args: argparse.Namespace) -> None:
    plain = [build for build in builds if build.label.startswith("plain")]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores, load {load}")
    print(f"times: the fastest of {args.repeat} build(s) each; peak memory {peak_memory_mb():.0f} MB")
    extensions = "no extensions" if args.bare_plain else "the plugin's Markdown extensions"
    print(f"plain builds: plugins [search], {extensions}")
    print()
    print(f"{'build':<60} {'wall':>8} {'pages':>6} {'site':>10} {'search index':>13}")
    for build in builds:
        print(
            f"{build.label:<60} {build.seconds:>7.1f}s {build.pages:>6} {kb(build.total_size):>10}"
            f" {kb(build.search_index):>13}"
        )
    print()
    for build in plain:
        print(f"ratio minutes / {build.label}: {full.seconds / build.seconds:.2f}")
    for label, one in (("full build", full), ("rebuild", rebuild)):
        print(
            f"plugin share of the {label}: events {one.plugin_events:.2f} s"
            f" = {100 * one.plugin_events / one.seconds:.1f}%"
            f", of which core (build_archive + build_pages) {one.plugin_core:.2f} s"
            f" = {100 * one.plugin_core / one.seconds:.1f}%"
        )
    print(f"plugin core steps in the full build: {full.plugin_steps}")
    model = json.loads((full.site / "minutes.json").read_text(encoding="utf-8"))
    print(
        "found: "
        + ", ".join(
            f"{len(model[key])} {key}" for key in ("meetings", "people", "decisions", "actions", "topics", "references")
        )
    )
    print(
        f"Markdown rendered: {args.notes_size / 1e6:.1f} MB of notes (plain) against"
        f" {full.generated_markdown / 1e6:.1f} MB of generated pages (minutes)"
    )
    print(f"rebuild after editing one note / first build: {rebuild.seconds / full.seconds:.2f}")
    print()
    url = meeting["url"]
    source_url = meeting["source"][: -len(".md")] + "/index.html"
    print(f"one meeting page ({meeting['source']}):")
    page = full.site / url / "index.html"
    html = page.read_text(encoding="utf-8")
    print(f"  minutes  {url}index.html: {kb(page.stat().st_size)}, {nav_links(html)} nav links")
    for build in plain:
        plain_page = build.site / source_url
        if plain_page.exists():
            plain_html = plain_page.read_text(encoding="utf-8")
            print(f"  {build.label}: {kb(plain_page.stat().st_size)}, {nav_links(plain_html)} nav links")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="The plugin's cost as ratios against plain MkDocs on the same notes.")
    parser.add_argument("--profile", choices=["teams", "standards"], default="teams")
    parser.add_argument("--meetings", type=int, default=None, help="1000 for teams, 200 for standards")
    parser.add_argument("--series", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "out", help="work folder (notes and sites)")
    parser.add_argument("--repeat", type=int, default=1, help="build each N times and keep the fastest")
    parser.add_argument(
        "--bare-plain", action="store_true", help="plain builds without the Markdown extensions the plugin enables"
    )
    parser.add_argument("--skip-auto-nav", action="store_true", help="skip the plain build with the full auto nav")
    parser.add_argument("--cprofile", action="store_true", help="print a cProfile of the minutes build")
    parser.add_argument("--cprofile-lines", type=int, default=30)
    run(parser.parse_args(argv))


if __name__ == "__main__":
    main()
