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
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from .conftest import SEEDS

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


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site, built and served on a free port of 127.0.0.1."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root: Path = tmp_path_factory.mktemp("browser")
    shutil.copytree(SEEDS, root / "minutes")
    shutil.copy(SEEDS.parent / "mkdocs.yml", root / "mkdocs.yml")
    build(load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(root / "site")))
    handler = functools.partial(_QuietHandler, directory=str(root / "site"))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}/"
        server.shutdown()
        thread.join()


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
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page at desktop width; only requests to the local server go out."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(base_url) else route.abort(),
    )
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
    assert box is not None and box["width"] > 100 and box["height"] > 10
    assert chart.locator("rect").count() >= 2  # Olivier reported in two meetings, months apart


def test_search_finds_joblib_in_meetings_and_people(page: Any, base_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(base_url)
    query = page.locator("input.md-search__input")  # in the header at desktop width
    expect(query).to_be_visible()
    query.click()
    # Material's search worker loads the index first; a query typed before it is ready is dropped.
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=20_000)
    query.press_sequentially("joblib")
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    # Links carry the query for highlighting (?h=joblib) and land on a section (#...).
    targets = {re.sub(r"[?#].*$", "", link.get_attribute("href") or "") for link in results.all()}
    pages = {target.removeprefix(base_url) for target in targets}
    assert any(re.fullmatch(r"sklearn-team/\d{4}-\d\d-\d\d/|people/[\w-]+/", page) for page in pages), pages
