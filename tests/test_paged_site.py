"""Record pages that stay light however large the archive: the decisions log by year, the action items
open first, the references by repository and topic pages, each cut into pages under a budget that link
to each other, every record still on one of them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from .test_well_formed import problems

LIMIT = 300_000  # bytes of HTML a generated page may weigh, whatever the archive
FILLER = "with the reviewers' notes, the benchmarks, the open questions of the proposal and its history " * 3


def _notes(years: int = 3, meetings: int = 30) -> dict[str, str]:
    notes = {}
    serial = 0
    for year in range(2021, 2021 + years):
        for number in range(meetings):
            day = f"{year}-{1 + number // 28:02d}-{1 + number % 28:02d}"
            lines = [f"# Sync {day}", "", "## Discussion", ""]
            lines.append("- we keep an eye on big/repo#1, as ever")
            for k in range(60):
                serial += 1
                lines.append(f"- looked at big/repo#{serial + 1} about item {serial} {FILLER if k < 3 else ''}")
            lines.append("- and small/repo#7 once more")
            lines += ["", "## Decisions", ""]
            lines += [f"- Decision: we adopt plan {day}-{k} {FILLER}" for k in range(4)]
            lines += ["", "## Action items", ""]
            lines += [f"- [{'x' if k % 2 else ' '}] Alice to write report {day}-{k} {FILLER}" for k in range(8)]
            notes[f"team/{day}.md"] = "\n".join(lines) + "\n"
    return notes


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from .conftest import Site

    root = tmp_path_factory.mktemp("large")
    for name, text in _notes().items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Large\ntheme: {name: material}\nplugins: [search, minutes]\n")
    build(load_config(str(root / "mkdocs.yml"), strict=True))
    return Site(root)


def _pages(site: Any, folder: str) -> list[Path]:
    return sorted((site.site_dir / folder).rglob("index.html"))


def _follow(first: Path, word: str) -> list[Path]:
    """A page and those its rel=next links reach, in order."""
    pages = [first]
    pattern = re.compile(rf'<a rel="next" href="([^"]+)">{word}')
    while match := pattern.search(pages[-1].read_text(encoding="utf-8")):
        pages.append((pages[-1].parent / match.group(1) / "index.html").resolve())
    return pages


def test_every_record_page_stays_under_the_limit_and_well_formed(large: Any) -> None:
    for folder in ("decisions", "actions", "references", "topics"):
        pages = _pages(large, folder)
        assert len(pages) > 1, folder
        for page in pages:
            assert page.stat().st_size < LIMIT, page
            assert problems(page) == [], page


def test_the_decisions_log_has_a_page_per_year_the_newest_first(large: Any) -> None:
    first = large.page("decisions/")
    assert "360 decisions taken in 90 meetings" in first
    assert '<nav class="minutes-years"' in first
    assert '<strong aria-current="page">2023</strong>' in first
    assert 'href="2022/"' in first and 'href="2021/"' in first
    assert 'id="year-2023"' in first and 'id="year-2022"' not in first
    assert '<select name="year">' not in first  # one year a page: the list of years chooses it
    assert '<select name="series">' in first
    found: set[str] = set()
    for page in _pages(large, "decisions"):
        found.update(re.findall(r"we adopt plan (\d{4}-\d\d-\d\d-\d)", page.read_text(encoding="utf-8")))
    assert len(found) == 360  # every decision on one of the pages
    year = _follow(large.site_dir / "decisions/2022/index.html", "Older")
    assert len(year) > 1  # a year too large for a page goes on
    assert year[1].relative_to(large.site_dir).as_posix() == "decisions/2022/2/index.html"
    assert "<title>Decisions, 2022, page 2 - Large</title>" in year[1].read_text(encoding="utf-8")


def test_action_items_come_open_first_and_reach_the_done_ones(large: Any) -> None:
    pages = _follow(large.site_dir / "actions/index.html", "Next")
    assert len(pages) == len(_pages(large, "actions")) > 2
    first = pages[0].read_text(encoding="utf-8")
    assert "120 open, 240 stale" in first and "360 done" in first and 'id="open"' in first
    assert 'id="done"' not in first
    found: set[str] = set()
    for page in pages:
        found.update(re.findall(r"write report (\d{4}-\d\d-\d\d-\d)", page.read_text(encoding="utf-8")))
    assert len(found) == 720


def test_large_repositories_get_pages_of_their_own_linked_from_the_index(large: Any) -> None:
    index = large.page("references/")
    assert '<a href="big-repo/">big/repo</a> (5401)' in index
    assert 'id="small-repo"' in index  # a small repository stays on the index
    pages = _follow(large.site_dir / "references/big-repo/index.html", "Earlier cited")
    assert len(pages) == len(_pages(large, "references/big-repo")) > 2
    numbers: set[str] = set()
    for page in pages:
        numbers.update(re.findall(r'id="big-repo-(\d+)"', page.read_text(encoding="utf-8")))
    assert len(numbers) == 5401  # every reference on one of the pages
    cited = next(page for page in pages if 'id="big-repo-1"' in page.read_text(encoding="utf-8"))
    assert "and 80 more meetings" in cited.read_text(encoding="utf-8")  # 90 meetings cite it, 10 listed


def test_a_topic_page_goes_on_over_pages_reaching_every_meeting(large: Any) -> None:
    topic = next(t for t in large.json()["topics"] if t["name"] == "big/repo")
    pages = _follow(large.site_dir / topic["url"] / "index.html", "Older")
    assert len(pages) > 1
    linked: set[str] = set()
    for page in pages:
        linked.update(re.findall(r"team/(\d{4}-\d\d-\d\d)/", page.read_text(encoding="utf-8")))
    assert len(linked) == 90
