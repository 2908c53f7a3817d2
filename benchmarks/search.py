"""Search at scale: Pagefind against Material's lunr, on the same synthetic archives, in headless Chromium.

For each archive size (``--meetings``, 1,000 and 5,000 by default; ``generate.py``'s teams profile):

1. build the notes twice, each build in a process of its own so that its peak memory is its own:
   ``plugins: [minutes]`` (Pagefind, the default) and ``plugins: [search, minutes]`` with
   ``search: lunr``. For the Pagefind build it reports the time MkDocs' thread spent handing pages and
   records over (``SiteSearch.start`` and ``.page``), how long ``on_post_build`` waited for the service
   after the last page and how long the bundle took to write: what indexing adds to the build, against
   the build's wall time; and the peak memory of the build process and of the Pagefind service.
2. serve each site on 127.0.0.1 and, for every query (``--queries``), open a meeting page in a fresh
   browser context with the cache disabled, focus Material's header box once the page has loaded, type
   the query, and time from the focus to the first result on screen (measured in the page); count the
   bytes of every response from the page's request to that result, and of those that search fetched
   (Pagefind's bundle and script, or lunr's index, worker and script); and from the query's last
   keystroke to the first result. A second query in the same page is timed too (from its last
   keystroke): the next search, once the index is loaded. The site is served from a process of its own by
   Python's http.server, which gzips text as a static host such as GitHub Pages does (``--no-gzip``
   serves every file as it is; Pagefind's index files are compressed already, lunr's JSON index is not).

Goal (issue 9): on 5,000 meetings, the first result within 300 ms and 300 KB transferred. Usage::

    python benchmarks/search.py [--meetings 1000 5000] [--queries joblib "governance document"] [--out DIR]
    python benchmarks/search.py --skip-build  # the queries again, on the sites of the last run

The machine is shared: every build and query runs once, so compare figures of the same run.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # a sibling script, not a package

HERE = Path(__file__).resolve().parent
BROWSERS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
SEARCH_URLS = ("/pagefind/", "/search/search_index.json", "/workers/search", "/minutes/search.js", "/lunr/")
# Records, in the page, the moment the box gets the focus, the last keystroke of the query, and the moment
# the first result is in the list (or the box says nothing matches: lunr does not fold accents).
WATCH = """() => {
  window.__focus = null; window.__first = null; window.__last = null;
  const input = document.querySelector("input.md-search__input");
  input.addEventListener("focus", () => { if (window.__focus === null) window.__focus = performance.now(); });
  input.addEventListener("keydown", () => { window.__last = performance.now(); });
  const list = document.querySelector(".md-search-result__list");
  const meta = document.querySelector(".md-search-result__meta");
  const none = JSON.parse(document.getElementById("__config").textContent).translations["search.result.none"];
  new MutationObserver(() => {
    if (window.__first !== null) return;
    if (list.querySelector(".md-search-result__item")) { window.__first = performance.now(); window.__found = true; }
    else if (meta.textContent.trim() === none) { window.__first = performance.now(); window.__found = false; }
  }).observe(document.querySelector(".md-search-result"), {childList: true, subtree: true, characterData: true});
}"""
NEXT = """() => { window.__first = null;
  document.querySelector(".md-search-result__list").innerHTML = ""; }"""


# ---- one build, in a process of its own --------------------------------------------------------------


def build_one(config_file: str) -> dict[str, Any]:
    """Build the site of ``config_file``, timing what the search costs MkDocs' thread."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import minutes.search_index as search_index

    clock: dict[str, Any] = {"handover": 0.0, "finish": 0.0}

    def timed(name: str, function: Any) -> Any:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                clock[name] += time.perf_counter() - start

        return wrapper

    site_search = search_index.SiteSearch
    site_search.start = timed("handover", site_search.start)  # type: ignore[method-assign]
    site_search.index = timed("handover", site_search.index)  # type: ignore[method-assign]
    site_search.finish = timed("finish", site_search.finish)  # type: ignore[method-assign]
    write = search_index.PagefindIndexer.write

    def write_and_keep(self: Any, output_path: str) -> Any:
        stats = write(self, output_path)
        clock.update(
            pages=stats.pages, records=stats.records, held_back=stats.held_back, wait=stats.wait, write=stats.write
        )
        return stats

    search_index.PagefindIndexer.write = write_and_keep  # type: ignore[method-assign]
    start = time.perf_counter()
    build(load_config(config_file))
    clock["wall"] = time.perf_counter() - start
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    clock["peak_mb"] = me.ru_maxrss / 1024
    clock["service_peak_mb"] = children.ru_maxrss / 1024  # the Pagefind service (the build's only child)
    clock["service_cpu"] = children.ru_utime + children.ru_stime
    return clock


def run_build(config_file: Path) -> dict[str, Any]:
    output = subprocess.run(
        [sys.executable, __file__, "--build-one", str(config_file)], check=True, capture_output=True, text=True
    ).stdout
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return result


def write_config(root: Path, notes: Path, plugins: list[Any]) -> Path:
    settings = {
        "site_name": "Benchmark minutes",
        "docs_dir": str(notes),
        "site_dir": str(root / "site"),
        "theme": {"name": "material", "features": ["navigation.instant"]},
        "plugins": plugins,
    }
    root.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(root / ".cache", ignore_errors=True)  # an index kept by an earlier run would be taken as it is
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    return root / "mkdocs.yml"


# ---- the browser -------------------------------------------------------------------------------------


class _Host(SimpleHTTPRequestHandler):
    """A static host: files as they are, text gzipped when the browser asks (as GitHub Pages does)."""

    compress = True
    TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg")

    def do_GET(self) -> None:
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and accepts and path.endswith(self.TEXT) and os.path.isfile(path)):
            super().do_GET()
            return
        with open(path, "rb") as handle:
            body = gzip.compress(handle.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """No access log."""


def serve(site: str, ready: Any, compress: bool = True) -> None:
    _Host.compress = compress
    handler = functools.partial(_Host, directory=site)
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        ready.put(server.server_address[1])
        server.serve_forever()


@contextmanager
def served(site: Path, compress: bool = True) -> Iterator[str]:
    """The site on a free port of 127.0.0.1, from a process of its own (not one the browser's driver slows)."""
    import multiprocessing

    ready: Any = multiprocessing.Queue()
    process = multiprocessing.Process(target=serve, args=(str(site), ready, compress), daemon=True)
    process.start()
    try:
        yield f"http://127.0.0.1:{ready.get(timeout=30)}/"
    finally:
        process.terminate()
        process.join()


@dataclass
class Query:
    engine: str
    query: str
    found: bool  # a result, or "no matching documents"
    first_ms: float  # from the focus to the first result on screen
    typed_ms: float  # from the query's last keystroke to the first result
    total_kb: float  # every response from the page's request to the first result
    search_kb: float  # what search fetched
    requests: int  # search requests
    next_ms: float  # a second query, in the same page
    next_kb: float


def _kb(requests: list[Any], only_search: bool) -> tuple[float, int]:
    total, count = 0, 0
    for request in requests:
        if only_search and not any(part in request.url for part in SEARCH_URLS):
            continue
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        count += 1
    return total / 1024, count


def measure(browser: Any, url: str, engine: str, query: str, following: str) -> Query:
    """One reader: a fresh context, no cache, a meeting page, the header box, ``query`` then ``following``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(lambda address: not address.startswith("http://127.0.0.1:"), lambda route: route.abort())
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    finished: list[Any] = []
    context.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="load")
    page.evaluate(WATCH)
    query_box = page.locator("input.md-search__input")
    query_box.click()
    page.keyboard.type(query)
    page.wait_for_function("window.__first !== null", timeout=180_000, polling=10)
    first = page.evaluate("window.__first - window.__focus")
    typed = page.evaluate("window.__first - window.__last")
    found = bool(page.evaluate("window.__found"))
    at_first = list(finished)
    total_kb, _ = _kb(at_first, False)
    search_kb, count = _kb(at_first, True)
    query_box.fill("")
    page.evaluate(NEXT)
    page.keyboard.type(following)
    page.wait_for_function("window.__first !== null", timeout=60_000, polling=10)
    following_ms = page.evaluate("window.__first - window.__last")
    next_kb = _kb(finished, False)[0] - total_kb
    context.close()
    return Query(engine, query, found, first, typed, total_kb, search_kb, count, following_ms, next_kb)


def meeting_url(site: Path) -> str:
    """A meeting page in the middle of the archive."""
    meetings = json.loads((site / "minutes.json").read_text(encoding="utf-8"))["meetings"]
    url: str = meetings[len(meetings) // 2]["url"]
    return url


# ---- the run -----------------------------------------------------------------------------------------


def size_of(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def run(args: argparse.Namespace) -> None:
    from playwright.sync_api import sync_playwright

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores, load {load}")
    print(f"served {'as files are' if args.no_gzip else 'with text gzipped'}, browser cache disabled")
    executable = next((path for path in BROWSERS if os.access(path, os.X_OK)), None)
    if executable is None:
        sys.exit(f"no Chromium at {', '.join(BROWSERS)}")
    results: list[tuple[int, dict[str, Any], dict[str, Any], list[Query]]] = []
    for meetings in args.meetings:
        root = args.out / f"{meetings}"
        builds = root / "builds.json"
        if args.skip_build and builds.is_file():
            pagefind, lunr = json.loads(builds.read_text(encoding="utf-8"))
            print(f"\n{meetings} meetings: the sites built by an earlier run", flush=True)
        else:
            notes = root / "notes"
            written = generate(notes, "teams", meetings, args.series, args.seed)
            print(f"\n{meetings} meetings: {written / 1e6:.1f} MB of notes; building...", flush=True)
            pagefind = run_build(write_config(root / "pagefind", notes, ["minutes"]))
            lunr = run_build(write_config(root / "lunr", notes, ["search", {"minutes": {"search": "lunr"}}]))
            pagefind["bundle_mb"] = size_of(root / "pagefind" / "site" / "pagefind") / 1e6
            lunr["bundle_mb"] = size_of(root / "lunr" / "site" / "search") / 1e6
            builds.write_text(json.dumps([pagefind, lunr]), encoding="utf-8")
        queries = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            for engine in ("pagefind", "lunr"):
                site = root / engine / "site"
                with served(site, not args.no_gzip) as url:
                    page_url = url + meeting_url(site)
                    for number, query in enumerate(args.queries):
                        following = args.queries[(number + 1) % len(args.queries)]
                        queries.append(measure(browser, page_url, engine, query, following))
                        found = "" if queries[-1].found else " (no result)"
                        print(f"  {engine}: {query!r} {queries[-1].first_ms:.0f} ms{found}", flush=True)
            browser.close()
        results.append((meetings, pagefind, lunr, queries))
    report(results)


def report(results: list[tuple[int, dict[str, Any], dict[str, Any], list[Query]]]) -> None:
    for meetings, pagefind, lunr, queries in results:
        print(f"\n== {meetings} meetings ==")
        share = pagefind["handover"] + pagefind["finish"]
        print(
            f"build with Pagefind: {pagefind['wall']:.1f} s, {pagefind['pages']} pages and {pagefind['records']} "
            f"records indexed; MkDocs' thread handed them over in {pagefind['handover']:.2f} s (of which "
            f"{pagefind.get('held_back', float('nan')):.2f} s waiting for the service to take more), then waited "
            f"{pagefind['wait']:.2f} s for the service and {pagefind['write']:.2f} s for the bundle: search adds "
            f"{share:.1f} s = {100 * share / pagefind['wall']:.1f}% of the build; the service used "
            f"{pagefind['service_cpu']:.1f} s of CPU on the other core"
        )
        print(
            f"build with lunr:     {lunr['wall']:.1f} s (its index is built in MkDocs' thread); "
            f"index {lunr['bundle_mb']:.1f} MB against Pagefind's bundle {pagefind['bundle_mb']:.1f} MB in "
            f"many small files"
        )
        print(
            f"peak memory: build {pagefind['peak_mb']:.0f} MB + Pagefind service {pagefind['service_peak_mb']:.0f} MB;"
            f" with lunr {lunr['peak_mb']:.0f} MB"
        )
        print(
            f"{'engine':<9} {'query':<22} {'from focus':>10} {'from typed':>10} {'search KB':>10} {'requests':>8}"
            f" {'all KB':>8} {'next query':>10} {'next KB':>8}"
        )
        for query in queries:
            if not query.found:
                print(f"{query.engine:<9} {query.query!r:<22} no result ({query.first_ms:.0f} ms to say so)")
                continue
            print(
                f"{query.engine:<9} {query.query!r:<22} {query.first_ms:>7.0f} ms {query.typed_ms:>7.0f} ms"
                f" {query.search_kb:>10.1f} {query.requests:>8} {query.total_kb:>8.1f} {query.next_ms:>7.0f} ms"
                f" {query.next_kb:>8.1f}"
            )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Pagefind against Material's lunr, in headless Chromium.")
    parser.add_argument("--meetings", type=int, nargs="+", default=[1000, 5000])
    # A word of most meetings (the generator's vocabulary is small: the worst case), a name written with an
    # accent (found without it), a rare name, two words.
    parser.add_argument("--queries", nargs="+", default=["joblib", "esteve", "lorentzen", "sample weights"])
    parser.add_argument("--no-gzip", action="store_true", help="serve every file as it is, text too")
    parser.add_argument("--series", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "search", help="work folder (notes and sites)")
    parser.add_argument("--skip-build", action="store_true", help="query the sites an earlier run built in --out")
    parser.add_argument("--build-one", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build_one:
        print(json.dumps(build_one(args.build_one)))
        return
    run(args)


if __name__ == "__main__":
    main()
