"""The plugin's cost as ratios against plain MkDocs + Material on the same notes, archive by archive.

For each synthetic archive (``generate.py``) the same notes are built twice, each build in a process of
its own so that its wall time and peak memory are its own:

1. plain MkDocs + Material with its search plugin, the notes as ordinary pages kept out of the nav
   (``not_in_nav``: the nav shape the plugin gives meeting pages, so that the ratio is not flattered by
   the quadratic cost of an auto nav of thousands of links in every page), with the Markdown extensions
   the plugin turns on;
2. MkDocs + Material + minutes with zero configuration (``plugins: [minutes]``: its own search included),
   its parse cache empty: a first build.

The largest archive is also rebuilt as ``mkdocs serve --dirty`` does after one note is edited: the same
process keeps the plugin and its parsed notes, and only the pages whose content changed are rendered.

It prints, per archive: wall times and their ratio, the plugin's own share (its events, and its core:
reading, parsing, indexing, generating pages), peak memory of each build, the weight of a meeting page,
of the largest person page, of ``minutes.json`` against the notes, and of the site. Usage::

    python benchmarks/run.py [--only NAME ...] [--quick] [--cprofile NAME]

``--quick`` builds the small archives only; ``--cprofile NAME`` prints a profile of that minutes build.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402 - a sibling script, not a package

SERVE_URL = "http://127.0.0.1:8000/"


@dataclass(frozen=True)
class ArchiveSpec:
    name: str
    profile: str
    meetings: int
    family: str | None = None
    serve: bool = False  # also time a serve rebuild after an edit


ARCHIVES = [
    ArchiveSpec("standards-25MB", "standards", 200),
    ArchiveSpec("teams-1000", "teams", 1000),
    ArchiveSpec("teams-5000", "teams", 5000, serve=True),
    ArchiveSpec("headings-1000", "teams", 1000, "headings"),
    ArchiveSpec("name-tags-1000", "teams", 1000, "name-tags"),
    ArchiveSpec("present-1000", "teams", 1000, "present"),
    ArchiveSpec("running-log-1000", "teams", 1000, "running-log"),
]
QUICK = {"teams-1000", "headings-1000"}


# --- the child: one build in its own process ---------------------------------------------------------


def child(config_file: str, report: str, edit: str | None, profile: str | None) -> None:
    """Build the site of ``config_file`` and write what was measured to ``report`` (JSON)."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    clock = _instrument()
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    config = load_config(config_file)
    if profiler is not None:
        profiler.enable()
    build(config)
    if profiler is not None:
        profiler.disable()
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(40)
        Path(profile or "").write_text(stream.getvalue(), encoding="utf-8")
    result: dict[str, Any] = {"seconds": time.perf_counter() - start, **clock.figures()}
    if edit:
        # As mkdocs serve --dirty after a save: the config loaded again (the plugin object is kept,
        # as MkDocs keeps plugins that define on_startup), one note changed, a dirty build.
        note = Path(edit)
        original = note.read_text(encoding="utf-8")
        note.write_text(original + "\n- one more line, written while `mkdocs serve` runs\n", encoding="utf-8")
        try:
            clock.reset()
            start = time.perf_counter()
            config = load_config(config_file)
            config.site_url = SERVE_URL
            build(config, serve_url=SERVE_URL, dirty=True)
            result["rebuild_seconds"] = time.perf_counter() - start
            result["rebuild"] = clock.figures()
        finally:
            note.write_text(original, encoding="utf-8")
    Path(report).write_text(json.dumps(result), encoding="utf-8")


class _Clock:
    """Seconds in the plugin's events and in its core calls, as the plugin module names them."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def reset(self) -> None:
        self.seconds = {}

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

        return timed

    def figures(self) -> dict[str, Any]:
        events = sum(seconds for name, seconds in self.seconds.items() if name.startswith("on_"))
        core = self.seconds.get("build_archive", 0.0) + self.seconds.get("build_pages", 0.0)
        return {"events": events, "core": core, "steps": dict(sorted(self.seconds.items()))}


def _instrument() -> _Clock:
    import minutes.archive
    import minutes.index
    import minutes.plugin
    import minutes.settings

    clock = _Clock()
    plugin = minutes.plugin.MinutesPlugin
    for name in dir(plugin):
        if name.startswith("on_") and callable(getattr(plugin, name)):
            setattr(plugin, name, clock.wrap(name, getattr(plugin, name)))
    for module, names in (
        (minutes.settings, ("build_archive",)),
        (minutes.archive, ("build_index",)),
        (minutes.plugin, ("build_pages",)),
        (minutes.index, ("kept_or_resolved", "join_records")),
    ):
        for name in names:
            if hasattr(module, name):
                setattr(module, name, clock.wrap(name, getattr(module, name)))
    return clock


# --- the parent: archives, builds, report -------------------------------------------------------------


@dataclass(frozen=True)
class Build:
    seconds: float
    peak_mb: float
    site: Path
    figures: dict[str, Any]


def run_build(config_file: Path, work: Path, edit: Path | None = None, profile: Path | None = None) -> Build:
    """One build in a child process: its wall time (as the child measured it), peak memory, figures."""
    report = work / f"{config_file.stem}.json"
    command = [sys.executable, __file__, "--child", str(config_file), "--report", str(report)]
    if edit is not None:
        command += ["--edit", str(edit)]
    if profile is not None:
        command += ["--profile-to", str(profile)]
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"the build of {config_file} failed (status {status})")
    figures = json.loads(report.read_text(encoding="utf-8"))
    site = Path(yaml.safe_load(config_file.read_text(encoding="utf-8"))["site_dir"])
    return Build(figures["seconds"], usage.ru_maxrss / 1024, site, figures)


def write_config(path: Path, docs: Path, plugins: list[Any], extra: dict[str, Any] | None = None) -> Path:
    settings: dict[str, Any] = {
        "site_name": "Benchmark minutes",
        "docs_dir": str(docs),
        "site_dir": str(path.parent / f"site-{path.stem}"),
        "theme": {"name": "material", "features": ["navigation.instant", "search.highlight"]},
        "plugins": plugins,
        **(extra or {}),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(settings), encoding="utf-8")
    return path


def kb(size: float) -> str:
    return f"{size / 1024:,.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


def _page(site: Path, url: str) -> Path:
    return site / url / "index.html" if url.endswith("/") or not url else site / url


def _pages(site: Path, folder: str) -> list[Path]:
    return sorted((site / folder).rglob("index.html")) if (site / folder).is_dir() else []


def bench(spec: ArchiveSpec, out: Path, profile: str | None) -> dict[str, Any]:
    from minutes.plugin import MARKDOWN_EXTENSIONS

    work = out / spec.name
    notes = work / "notes"
    size = generate(notes, spec.profile, spec.meetings, 10, 1, spec.family)
    files = sum(1 for _ in notes.rglob("*.md"))
    for cache in work.rglob(".cache"):
        subprocess.run(["rm", "-rf", str(cache)], check=True)
    extensions = [{name: options} for name, options in MARKDOWN_EXTENSIONS.items()]
    plain_config = write_config(
        work / "plain.yml", notes, ["search"], {"not_in_nav": "*.md", "markdown_extensions": extensions}
    )
    minutes_config = write_config(work / "minutes.yml", notes, ["minutes"])
    plain = run_build(plain_config, work)
    edit = None
    if spec.serve:
        edit = next(path for path in sorted(notes.rglob("*.md")) if path.name[:4].isdigit())
    minutes = run_build(minutes_config, work, edit, work / "profile.txt" if profile == "first" else None)
    # The same build again in a new process, nothing changed: what the cache keeps (.cache/minutes/).
    again = run_build(minutes_config, work, None, work / "profile.txt" if profile == "again" else None)
    model = json.loads((minutes.site / "minutes.json").read_text(encoding="utf-8"))
    meeting_pages = [
        page
        for meeting in model["meetings"]
        if (page := minutes.site / meeting["url"] / "index.html").is_file()
        or (page := minutes.site / meeting["url"]).is_file()
    ]
    weights = sorted(page.stat().st_size for page in meeting_pages)
    people = _pages(minutes.site, "people")
    result = {
        "archive": spec.name,
        "notes": f"{files} files, {size / 1e6:.1f} MB",
        "meetings": len(model["meetings"]),
        "plain_s": plain.seconds,
        "minutes_s": minutes.seconds,
        "ratio": minutes.seconds / plain.seconds,
        "again_s": again.seconds,
        "again_ratio": again.seconds / plain.seconds,
        "again_peak_mb": again.peak_mb,
        "plugin_events_s": minutes.figures["events"],
        "plugin_core_s": minutes.figures["core"],
        "steps": minutes.figures["steps"],
        "plain_peak_mb": plain.peak_mb,
        "minutes_peak_mb": minutes.peak_mb,
        "meeting_page_median": weights[len(weights) // 2] if weights else 0,
        "person_page_max": max((page.stat().st_size for page in people), default=0),
        "minutes_json": (minutes.site / "minutes.json").stat().st_size,
        "notes_bytes": size,
        "site_bytes": sum(path.stat().st_size for path in minutes.site.rglob("*") if path.is_file()),
        "plain_site_bytes": sum(path.stat().st_size for path in plain.site.rglob("*") if path.is_file()),
    }
    if spec.serve:
        result["rebuild_s"] = minutes.figures["rebuild_seconds"]
        result["rebuild_events_s"] = minutes.figures["rebuild"]["events"]
    return result


def report(results: list[dict[str, Any]]) -> None:
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores, load {load}")
    print("plain: MkDocs + Material + its search, notes not in the nav; minutes: plugins [minutes], cache empty;")
    print("again: the same minutes build in a new process, nothing changed (the cache of .cache/minutes/ kept)")
    print()
    head = f"{'archive':<18} {'notes':>20} {'plain':>8} {'minutes':>8} {'ratio':>6} {'again':>8} {'ratio':>6}"
    head += f" {'plugin':>7} {'core':>7}"
    print(head + f" {'memory plain/minutes':>21} {'meeting pg':>10} {'person pg':>10} {'json/notes':>10}")
    for r in results:
        share = 100 * r["plugin_events_s"] / r["minutes_s"]
        core = 100 * r["plugin_core_s"] / r["minutes_s"]
        memory = f"{r['plain_peak_mb']:.0f}/{r['minutes_peak_mb']:.0f} MB"
        print(
            f"{r['archive']:<18} {r['notes']:>20} {r['plain_s']:>7.1f}s {r['minutes_s']:>7.1f}s {r['ratio']:>6.2f}"
            f" {r['again_s']:>7.1f}s {r['again_ratio']:>6.2f}"
            f" {share:>6.1f}% {core:>6.1f}% {memory:>21} {kb(r['meeting_page_median']):>10}"
            f" {kb(r['person_page_max']):>10} {r['minutes_json'] / r['notes_bytes']:>10.2f}"
        )
    print()
    for r in results:
        steps = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in r["steps"].items())
        print(f"{r['archive']}: site {kb(r['site_bytes'])} (plain {kb(r['plain_site_bytes'])}); plugin steps: {steps}")
        if "rebuild_s" in r:
            print(
                f"{r['archive']}: rebuild after editing one note, as mkdocs serve --dirty: {r['rebuild_s']:.1f} s"
                f" (plugin events {r['rebuild_events_s']:.1f} s)"
            )
    by_name = {r["archive"]: r for r in results}
    if "teams-1000" in by_name and "teams-5000" in by_name:
        small, large = by_name["teams-1000"]["meeting_page_median"], by_name["teams-5000"]["meeting_page_median"]
        print(f"meeting page, 5,000 against 1,000 meetings: {kb(large)} / {kb(small)} = {large / small:.2f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="The plugin's cost against plain MkDocs, archive by archive.")
    parser.add_argument("--only", nargs="*", help="the archives to build, by name")
    parser.add_argument("--quick", action="store_true", help="the small archives only")
    parser.add_argument("--cprofile", help="print a cProfile of this archive's minutes build")
    parser.add_argument(
        "--profile", choices=["first", "again"], default="first", help="which build --cprofile profiles"
    )
    parser.add_argument("--out", type=Path, default=HERE / "out", help="work folder (notes and sites)")
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--report", help=argparse.SUPPRESS)
    parser.add_argument("--edit", help=argparse.SUPPRESS)
    parser.add_argument("--profile-to", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.report, args.edit, args.profile_to)
        return
    specs = [
        spec
        for spec in ARCHIVES
        if (not args.only or spec.name in args.only) and (not args.quick or spec.name in QUICK)
    ]
    results = []
    for spec in specs:
        print(f"building {spec.name}...", file=sys.stderr)
        results.append(bench(spec, args.out, args.profile if args.cprofile == spec.name else None))
        if args.cprofile == spec.name:
            print((args.out / spec.name / "profile.txt").read_text(encoding="utf-8"))
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
