"""What the sample site asks of the server, in a real browser: no request that fails.

Material for MkDocs fetches ``sitemap.xml`` beside every ``<link rel="alternate">`` of a page (for its
language selector), on every page, with or without instant navigation: a feed linked from a folder
(``feeds/meetings.xml``) made it ask for ``feeds/sitemap.xml``, twice a page, and get a 404 each time.
"""

from __future__ import annotations

import re
from typing import Any

from .test_browser import base_url, browser, page  # noqa: F401  (fixtures)


def test_instant_navigation_makes_no_failing_request(page: Any, base_url: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    requested: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(base_url)
    expect(page.locator("header.md-header")).to_be_visible()
    page.wait_for_load_state("networkidle")
    # instant navigation: Material fetches the next page and swaps it in; then one more page from there
    page.locator(".md-tabs a, .md-nav a", has_text=re.compile(r"^\s*Archive\s*$")).first.click()
    expect(page).to_have_url(base_url + "archive/")
    page.wait_for_load_state("networkidle")
    page.locator("article a[href*='sklearn-team/2022-02-08']").first.click()
    expect(page).to_have_url(base_url + "sklearn-team/2022-02-08/")
    page.wait_for_load_state("networkidle")
    assert failed == []
    sitemaps = [url for url in requested if url.endswith("sitemap.xml")]
    assert sitemaps and set(sitemaps) == {base_url + "sitemap.xml"}  # the site's own, never one beside a feed
    assert not [url for url in requested if "/feeds/" in url]
