"""Search in a real browser: Pagefind in Material's header box and on the search page.

A small archive is built with ``plugins: [minutes]`` alone and a ``site_url`` with a path, and served
under that path (``/project/``, as GitHub Pages serves a project site) on 127.0.0.1; Playwright drives
Debian's Chromium as in ``test_browser.py``. Each test waits for what a reader waits for (a result in
the list, a page at an address), never for a time.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .test_browser import _QuietHandler, browser  # noqa: F401 (the module's browser, a fixture)
from .test_search import TEAM

PREFIX = "/project/"


class _UnderPrefix(_QuietHandler):
    """Serves the site at ``PREFIX`` only, as a project site is served; elsewhere is 404."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "missing" / "nothing-here")
        return super().translate_path("/" + path[len(PREFIX) :])


@contextmanager
def _served(site: Path) -> Iterator[str]:
    handler = functools.partial(_UnderPrefix, directory=str(site))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
        server.shutdown()
        thread.join()


def _build(root: Path, plugins: list[Any]) -> Path:
    for name, text in TEAM.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    settings = {
        "site_name": "Team minutes",
        "site_url": "https://example.org/project/",
        "theme": {"name": "material", "features": ["navigation.instant", "search.highlight"]},
        "plugins": plugins,
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    # what was read from the text is shown (as a site whose review file said yes to it shows it): searched
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("minutes.records.join.show_threshold", lambda kind: 0.0)
        build(load_config(str(root / "mkdocs.yml"), strict=True))
    return root / "site"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = _build(tmp_path_factory.mktemp("search"), [{"minutes": {"exclude": ["index.md", "about.md"]}}])
    with _served(site) as url:
        yield url


@pytest.fixture(scope="module")
def lunr_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    plugins = ["search", {"minutes": {"search": "lunr", "exclude": ["index.md", "about.md"]}}]
    site = _build(tmp_path_factory.mktemp("lunr"), plugins)
    with _served(site) as url:
        yield url


def _page(browser: Any, width: int = 1280, height: int = 900) -> Any:  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": height})
    # Only what leaves 127.0.0.1 is intercepted (and refused): Pagefind searches in a web worker, whose
    # script stalls when Playwright holds its request.
    context.route(lambda url: not url.startswith("http://127.0.0.1:"), lambda route: route.abort())
    context.set_default_timeout(10_000)
    return context.new_page()


@contextmanager
def _patient() -> Iterator[None]:
    """Assertions wait up to 15 s: the machine that runs the tests may be busy with other builds."""
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)
    try:
        yield
    finally:
        expect.set_options(timeout=5_000)  # Playwright's default, for the other modules


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:  # noqa: F811
    tab = _page(browser)
    with _patient():
        yield tab
    tab.context.close()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:  # noqa: F811
    tab = _page(browser, 390, 844)
    with _patient():
        yield tab
    tab.context.close()


def _search(page: Any, text: str) -> Any:
    """Type ``text`` into the header box as a reader does, and return the box."""
    from playwright.sync_api import expect

    query = page.locator("input.md-search__input")
    expect(query).to_be_visible()
    query.click()
    query.press_sequentially(text)
    _settled(page)
    return query


def _settled(page: Any) -> None:
    """Wait until the header box shows all the results of what was typed: the list is aria-busy from a
    keystroke until then (it keeps an earlier query's results meanwhile, then draws the best one first, then
    the rest), and a key pressed in between lands on a list that is being replaced."""
    from playwright.sync_api import expect

    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ matching documents?$"))
    expect(page.locator(".md-search-result__list")).to_have_attribute("aria-busy", "false")


def _lands_on_paragraph(page: Any, anchor: str, text: str) -> None:
    from playwright.sync_api import expect

    target = page.locator(f":is(li, p, h2, h3):has(> [id='{anchor}']), [id='{anchor}']:is(h2, h3)").first
    expect(target).to_be_in_viewport()
    expect(target).to_contain_text(text)


def test_the_header_box_finds_a_decision_as_you_type(page: Any, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url + "team/2024-04-09/")
    _search(page, "python 3.7")
    decision = page.locator(".md-search-result__link[href*='#decision-drop-python-3-7']")
    expect(decision).to_be_visible()
    expect(decision).to_contain_text("Decision")
    expect(decision).to_have_attribute("href", re.compile(r"^/project/team/2024-03-05/\?h=python&h=37#decision-"))
    # its meeting and date head the item
    item = page.locator(".md-search-result__item", has=decision)
    expect(item.locator("h1")).to_have_text("Team meeting, 5 March 2024")


def test_slash_arrows_enter_and_escape(page: Any, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url)
    query = page.locator("input.md-search__input")
    page.keyboard.press("/")
    expect(query).to_be_focused()
    page.keyboard.type("sprint paris")
    _settled(page)
    first = page.locator(".md-search-result__link").first
    expect(first).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(query).to_be_focused()
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    page.keyboard.press("/")
    expect(query).to_be_focused()
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.press("Enter")  # the best result: the decision, on its paragraph
    expect(page).to_have_url(re.compile(r"/project/team/2024-04-09/\?h=sprint&h=paris#decision-the-sprint"))
    _lands_on_paragraph(page, page.url.split("#")[1], "the sprint takes place in Paris in June")


def test_escape_at_once_after_an_arrow_back_to_the_box_keeps_it_closed(page: Any, site_url: str) -> None:
    """The arrow back focuses the box, whose focus opens it a moment later: an Escape in that moment (a
    loaded machine, a fast typist) cancels the opening, or the box closed would open again (CI saw it)."""
    from playwright.sync_api import expect

    page.goto(site_url)
    _search(page, "sprint paris")
    first = page.locator(".md-search-result__link").first
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    # both keys in one task of the page: nothing runs between them, as on a machine busy elsewhere; then a
    # timer of 0 ms, which runs after the opening's (timers of the same delay run in the order they were set)
    checked = page.evaluate(
        """async () => {
            for (const key of ["ArrowUp", "Escape"]) {
                const target = document.activeElement || document.body;
                target.dispatchEvent(new KeyboardEvent("keydown", {key, bubbles: true, cancelable: true}));
            }
            await new Promise((resolve) => setTimeout(resolve, 0));
            return document.getElementById("__search").checked;
        }"""
    )
    assert checked is False
    expect(page.locator("#__search")).not_to_be_checked()


# A query runs once typing pauses, and the list keeps the results of the last one until the next are drawn:
# typed in one task of the page, " paris" after "sprint" finds that list full of the results of "sprint".
TYPE_PARIS = """() => {
    const query = document.querySelector("input.md-search__input");
    query.value += " paris";
    query.dispatchEvent(new Event("input", {bubbles: true}));
}"""


def test_the_list_is_busy_until_the_results_of_what_was_typed_are_drawn(page: Any, site_url: str) -> None:
    """Otherwise the results of "sprint" pass for those of "sprint paris" (to ``_settled``, to a screen
    reader) while it runs: a loaded machine, a pause in typing, and a test's keys land on the wrong list."""
    page.goto(site_url)
    _search(page, "sprint")
    busy = page.evaluate(
        "() => { (" + TYPE_PARIS + ")(); return document.querySelector('.md-search-result__list').ariaBusy; }"
    )
    assert busy == "true"
    _settled(page)
    href = page.locator(".md-search-result__link").first.get_attribute("href")  # once: no waiting for it
    assert href is not None and "?h=sprint&h=paris" in href


def test_enter_before_the_results_of_what_was_typed_goes_to_the_search_page(page: Any, site_url: str) -> None:
    """Enter right after the last keystroke (a slow phone) would follow the best result of "sprint" for
    "sprint paris": the search page answers what was typed instead."""
    from playwright.sync_api import expect

    page.goto(site_url)
    _search(page, "sprint")
    page.evaluate(
        "() => { (" + TYPE_PARIS + ")(); document.querySelector('input.md-search__input').dispatchEvent("
        "new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true})); }"
    )
    expect(page).to_have_url(site_url + "search/?q=sprint+paris")
    expect(page.locator("form[data-minutes-search-page] input[name=q]")).to_have_value("sprint paris")
    expect(page.locator(".minutes-search-results > li").first).to_be_visible()


def test_a_query_without_accents_finds_accented_words(page: Any, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url)
    query = _search(page, "Jeremie")
    person = page.locator(".md-search-result__link[href*='/people/jeremie-du-boisberranger/?h=jeremie']")
    expect(person).to_contain_text("Jérémie du Boisberranger")
    query.fill("")
    query.press_sequentially("adhesion")
    found = page.locator(".md-search-result__list mark", has_text="adhésion").first
    expect(found).to_be_visible()


def test_a_result_lands_on_its_paragraph(page: Any, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url + "people/olivier-grisel/")
    _search(page, "callbacks proposal")
    page.locator(".md-search-result__link[href*='#action-jeremie-write-the-callbacks-proposal']").click()
    expect(page).to_have_url(re.compile(r"/project/team/2024-03-05/\?h=callbacks&h=proposal#action-jeremie-write-"))
    _lands_on_paragraph(page, "action-jeremie-write-the-callbacks-proposal", "write the callbacks proposal")
    # with Material's search.highlight, the words searched are marked on the page
    expect(page.locator("article.md-content__inner mark", has_text="callbacks").first).to_be_visible()
    # a hit in the notes lands on the entry that holds it, not on the top of the meeting
    _search(page, "consortium")
    hit = page.locator(".md-search-result__link[href*='/team/2024-03-05/?h=consortium#']", has_text="consortium").first
    expect(hit).to_have_attribute("href", re.compile(r"\?h=consortium#jeremie$"))


def test_the_search_page_filters_by_person_and_keeps_it_in_its_url(page: Any, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url + "search/?q=joblib")
    results = page.locator(".minutes-search-results > li")
    status = page.locator(".minutes-search-status")
    expect(status).to_have_text(re.compile(r"^\d+ results?\.$"))
    everyone = int(status.inner_text().split()[0])
    expect(results).to_have_count(everyone)
    page.select_option("select[name=person]", "olivier-grisel")
    page.select_option("select[name=kind]", "action")
    expect(page).to_have_url(re.compile(r"search/\?q=joblib&person=olivier-grisel&kind=action$"))
    expect(page.locator(".minutes-search-status")).to_have_text("2 results.")
    expect(results).to_have_count(2)
    assert everyone > 2
    expect(results.first.locator(".minutes-hit__facts")).to_contain_text("Olivier Grisel")
    page.select_option("select[name=sort]", "date:desc")
    expect(results.first.locator(".minutes-hit__title a")).to_have_attribute(
        "href", re.compile(r"2024-04-09/\?h=joblib#")
    )
    page.reload()  # the URL holds the query, the filters and the order
    expect(page.locator("form[data-minutes-search-page] input[name=q]")).to_have_value("joblib")
    expect(page.locator("select[name=person]")).to_have_value("olivier-grisel")
    expect(page.locator(".minutes-search-status")).to_have_text("2 results.")
    expect(results.first.locator(".minutes-hit__title a")).to_have_attribute(
        "href", re.compile(r"2024-04-09/\?h=joblib#")
    )
    # a filter alone lists everything it holds, a person by name too
    page.goto(site_url + "search/?person=jeremie-du-boisberranger&kind=person")
    expect(results).to_have_count(1)
    results.first.locator("a").first.click()
    expect(page).to_have_url(re.compile(re.escape(site_url + "people/jeremie-du-boisberranger/") + r"(\?h=)?$"))


def test_the_header_box_leads_to_the_search_page(page: Any, site_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(site_url + "team/2024-03-05/")
    _search(page, "sprint")
    page.locator(".minutes-search-all a").click()
    expect(page).to_have_url(site_url + "search/?q=sprint")
    expect(page.locator(".minutes-search-results > li").first).to_be_visible()


def test_at_a_phones_width_the_overlay_searches(phone: Any, site_url: str) -> None:
    from playwright.sync_api import expect

    phone.goto(site_url + "team/2024-03-05/")
    query = phone.locator("input.md-search__input")
    overlay = phone.locator("#__search")  # Material's toggle: checked while the overlay is open
    expect(overlay).not_to_be_checked()
    phone.locator("label.md-header__button[for=__search]").click()  # the header has only the magnifier
    expect(overlay).to_be_checked()
    expect(query).to_be_in_viewport()
    expect(query).to_be_focused()
    phone.keyboard.type("sprint paris")
    _settled(phone)  # the best result is drawn first, then all of them: measure the list once it is whole
    decision = phone.locator(".md-search-result__link[href*='#decision-the-sprint']")
    expect(decision).to_be_visible()
    box = decision.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390  # inside the screen
    decision.click()
    expect(phone).to_have_url(re.compile(r"/team/2024-04-09/\?h=sprint&h=paris#decision-the-sprint"))
    expect(overlay).not_to_be_checked()  # the overlay closed on the way
    _lands_on_paragraph(phone, phone.url.split("#")[1], "Paris in June")


def test_the_lunr_option_keeps_materials_search(page: Any, lunr_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(lunr_url)
    query = page.locator("input.md-search__input")
    query.click()
    # Material's search worker loads the whole index first; a query typed before it is ready is dropped.
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=20_000)
    query.press_sequentially("joblib")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ matching documents?$"))
    expect(page.locator(".md-search-result__item > a[href*='team/2024-03-05/']").first).to_be_visible()
