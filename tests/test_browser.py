"""The sample site in a real headless browser: what only a browser shows.

The sample site is built into ``tmp_path``, served on 127.0.0.1 by Python's
``http.server`` and driven with Playwright through the system's Chromium
(Debian's ``chromium`` package; Google Chrome on GitHub's runners). Requests
that leave 127.0.0.1 (web fonts) are refused, so the test needs no network.

Without a browser or the ``playwright`` package the tests skip, unless
``MINUTES_REQUIRE_BROWSER=1`` says a browser is there (``.ci/run`` sets it once
Chromium is installed, the GitHub workflow on its runner's Chrome), where a
skip would hide that the browser tests never ran.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .conftest import build_sample

BROWSERS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _unavailable(reason: str) -> None:
    if os.environ.get("MINUTES_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}: MINUTES_REQUIRE_BROWSER=1 says this machine must run the browser tests")
    pytest.skip(reason)


def _browser_path() -> str:
    found = next((path for path in BROWSERS if os.access(path, os.X_OK)), None)
    if found is None:
        _unavailable(f"no Chromium at {', '.join(BROWSERS)}")
    assert found is not None
    return found


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """The test's output is not the place for an access log."""


@contextmanager
def _served(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}/"
        server.shutdown()
        thread.join()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site, built and served on a free port of 127.0.0.1."""
    site = build_sample(tmp_path_factory.mktemp("browser"))
    with _served(site.site_dir) as url:
        yield url


# Two teams over two years, two decisions a meeting: enough for the decisions log's filters to mean something.
DECISION_NOTES = {
    f"{team}/{year}-0{month}-10.md": (
        f"# {team.upper()} meeting\n\n## Release\n\n- Decision: {team} ships in {year}-0{month}\n\n"
        f"## Budget\n\nRESOLVED: {team} spends less in {year}-0{month}\n"
    )
    for team in ("tsc", "docs")
    for year in (2023, 2024)
    for month in (3, 6)
}


def _built_and_served(root: Path, notes: dict[str, str], config: str) -> Iterator[str]:
    """The site of ``notes`` under ``root``, built strictly with ``config`` (mkdocs.yml) and served."""
    for name, text in notes.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    build(load_config(str(root / "mkdocs.yml"), strict=True))
    with _served(root / "site") as url:
        yield url


@pytest.fixture(scope="module")
def decisions_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _built_and_served(
        tmp_path_factory.mktemp("decisions"),
        DECISION_NOTES,
        "site_name: Two teams\ntheme: {name: material, features: [navigation.instant]}\nplugins: [search, minutes]\n",
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    executable = _browser_path()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page at desktop width; only requests to the local servers go out."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # Only what leaves 127.0.0.1 is intercepted (and refused): a request that Playwright holds and lets go
    # stalls the script of a web worker, and Pagefind searches in one.
    context.route(lambda url: not url.startswith("http://127.0.0.1:"), lambda route: route.abort())
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


def test_meeting_page_shows_its_header(page: Any, base_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(base_url + "sklearn-team/2022-02-08/")
    header = page.locator("header.minutes-header")
    expect(header.locator("time")).to_be_visible()
    expect(header.locator("time")).to_have_text("8 February 2022")
    attendees = header.locator(".minutes-attendees")
    expect(attendees).to_be_visible()
    expect(attendees).to_contain_text("Olivier")
    expect(attendees).to_contain_text("François")
    box = attendees.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0


def test_clicking_an_attendee_lands_on_their_page(page: Any, base_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(base_url + "sklearn-team/2022-02-08/")
    page.locator(".minutes-attendees a", has_text=re.compile(r"^Olivier$")).click()
    expect(page).to_have_url(base_url + "people/olivier/")
    expect(page.locator("header.minutes-header h1")).to_have_text("Olivier")
    expect(page.locator("article")).to_contain_text("review joblib")


def test_person_chart_is_visible(page: Any, base_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(base_url + "people/olivier/")
    chart = page.locator("svg.minutes-chart")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    # Material sizes a page's SVG by its width: the chart keeps its own height all the same.
    assert box is not None and box["width"] > 100 and 10 < box["height"] <= 80
    assert chart.locator("rect").count() >= 2  # Olivier reported in two meetings, months apart


def test_person_reports_show_the_notes_as_rendered(page: Any, base_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(base_url + "people/olivier/")
    report = page.locator(".minutes-report").first
    expect(report.locator("h3 a")).to_have_text("8 February 2022")
    nested = report.locator(".minutes-entry > ul > li > ul > li", has_text="fixed loky and joblib CIs")
    expect(nested).to_be_visible()  # a nested list of the notes, nested on the person page too
    expect(report.locator(".minutes-entry code", has_text="return_generator=True")).to_be_visible()
    link = report.locator("a.minutes-entry-link").first
    link.click()
    expect(page).to_have_url(base_url + "sklearn-team/2022-02-08/#olivier")
    expect(page.locator("h3#olivier")).to_be_in_viewport()


def test_search_finds_joblib_in_the_meetings(page: Any, base_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(base_url)
    query = page.locator("input.md-search__input")  # Material's header box, answered by Pagefind
    expect(query).to_be_visible()
    query.click()
    query.press_sequentially("joblib")
    # Pagefind's first load in a new browser (its code and index fetched, its WebAssembly compiled) waits on a
    # busy machine, as the search tests do (tests/test_search_browser.py: 15 s)
    expect(page.locator(".md-search-result__meta")).to_have_text(
        re.compile(r"^\d+ matching documents?$"), timeout=15_000
    )
    meeting = page.locator(".md-search-result__item > a[href*='sklearn-team/20']").first
    expect(meeting).to_be_visible()
    expect(meeting).to_have_attribute("href", re.compile(r"/sklearn-team/\d{4}-\d\d-\d\d/(\?h=joblib)?(#.*)?$"))


def test_decisions_log_filters_by_series_and_year_without_a_server(page: Any, decisions_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(decisions_url + "decisions/")
    records = page.locator(".minutes-record")
    expect(records).to_have_count(16)
    expect(page.locator(".minutes-filter-count")).to_have_text("16 of 16 decisions")
    page.select_option("select[name=series]", "tsc")
    expect(page.locator(".minutes-record:visible")).to_have_count(8)
    expect(page.locator(".minutes-record:visible", has_text="docs ships")).to_have_count(0)
    page.select_option("select[name=year]", "2023")
    expect(page.locator(".minutes-record:visible")).to_have_count(4)
    expect(page.locator("h2#year-2024")).to_be_hidden()
    expect(page.locator(".minutes-filter-count")).to_have_text("4 of 16 decisions")
    page.locator("form.minutes-filters button[type=reset]").click()
    expect(page.locator(".minutes-record:visible")).to_have_count(16)


def test_filters_work_after_instant_navigation(page: Any, decisions_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(decisions_url)
    page.locator(".md-tabs a, .md-nav a", has_text=re.compile(r"^\s*Decisions\s*$")).first.click()
    expect(page).to_have_url(decisions_url + "decisions/")
    page.select_option("select[name=series]", "docs")
    expect(page.locator(".minutes-record:visible")).to_have_count(8)


def test_a_decision_link_lands_on_its_paragraph(page: Any, decisions_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(decisions_url + "decisions/")
    page.locator(".minutes-record a", has_text="TSC meeting").first.click()
    expect(page).to_have_url(re.compile(r"tsc/2024-06-10/#decision-"))
    anchor = page.url.split("#")[1]
    target = page.locator(f":is(li, p):has(> [id='{anchor}'])")
    expect(target).to_be_in_viewport()
    expect(target).to_contain_text("tsc spends less in 2024-06")  # the newest TSC meeting's last decision


ACTION_NOTES = {
    "team/2024-03-05.md": (
        "# Team meeting\n\n## Attendees\n\n- Ada Lovelace\n- Grace Hopper\n\n## Action items\n\n"
        "- [ ] Fix the release script (Ada Lovelace, Grace Hopper)\n- [ ] Book the room (Ada Lovelace)\n\n"
        "## Website\n\n- Grace Hopper will update the front page\n"
    ),
}


def _actions_site(root: Path, show: float) -> Iterator[str]:
    """The actions of ``ACTION_NOTES``, built and served with what was read from the text shown from the
    confidence ``show`` on (0: all of it, as a site whose review file said yes to it; 0.99: none of it, each
    a candidate)."""
    from minutes.records import join

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(join, "show_threshold", lambda kind: show)
        yield from _built_and_served(
            root, ACTION_NOTES, "site_name: A team\ntheme: {name: material}\nplugins: [search, minutes]\n"
        )


@pytest.fixture(scope="module")
def actions_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _actions_site(tmp_path_factory.mktemp("actions"), 0.0)


def test_the_actions_page_filters_what_the_notes_label_from_what_was_read(page: Any, actions_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(actions_url + "actions/")
    expect(page.locator(".minutes-record")).to_have_count(4)  # the item of two owners is under each
    expect(page.locator(".minutes-filter-count")).to_have_text("3 of 3 action items")  # counted once
    page.select_option("select[name=found]", "inferred")
    expect(page.locator(".minutes-record:visible")).to_have_count(1)
    expect(page.locator(".minutes-record:visible")).to_contain_text("update the front page")
    expect(page.locator(".minutes-record:visible")).to_contain_text("read from the text")
    expect(page.locator(".minutes-filter-count")).to_have_text("1 of 3 action items")
    expect(page.locator("h3#open-ada-lovelace")).to_be_hidden()  # an owner with nothing left goes too


@pytest.fixture(scope="module")
def candidates_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The item read from "Grace Hopper will update the front page" is a candidate."""
    yield from _actions_site(tmp_path_factory.mktemp("candidates"), 0.99)


def test_the_found_filter_shows_the_candidates_hidden_by_default(page: Any, candidates_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(candidates_url + "actions/")
    expect(page.locator(".minutes-record")).to_have_count(4)  # the candidate is on the page
    expect(page.locator(".minutes-record:visible")).to_have_count(3)  # and hidden
    expect(page.locator(".minutes-record:visible", has_text="update the front page")).to_have_count(0)
    expect(page.locator(".minutes-filter-count")).to_have_text("2 of 2 action items")  # nor counted
    page.select_option("select[name=found]", "candidate")
    expect(page.locator(".minutes-record:visible")).to_have_count(1)
    expect(page.locator(".minutes-record:visible")).to_contain_text("update the front page")
    expect(page.locator(".minutes-record:visible")).to_contain_text("candidate, not shown by default")
    expect(page.locator(".minutes-filter-count")).to_have_text("1 of 3 action items")
    expect(page.locator("h3#open-ada-lovelace")).to_be_hidden()
    page.select_option("select[name=found]", "explicit")
    expect(page.locator(".minutes-record:visible")).to_have_count(3)
    expect(page.locator(".minutes-filter-count")).to_have_text("2 of 2 action items")
    page.locator("form.minutes-filters button[type=reset]").click()
    expect(page.locator(".minutes-record:visible")).to_have_count(3)
    expect(page.locator(".minutes-record:visible", has_text="update the front page")).to_have_count(0)
