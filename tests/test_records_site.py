"""Decisions, action items, topics and references in real builds: the sample site, a standards-body
archive of several hundred meetings, a topics file, and what a bad topics file says."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from .conftest import Site, build_sample


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_sample(tmp_path_factory.mktemp("sample-records"))


def _texts(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["text"]: item for item in items}


def test_todo_next_items_of_seed_000_are_action_items_with_owners(sample: Site) -> None:
    data = sample.json()
    actions = _texts([a for a in data["actions"] if a["meeting"] == "sklearn-team/2022-02-08"])
    people = {person["name"]: person["id"] for person in data["people"]}
    expected = {
        "WiMLDS: issue picking (François, Olivier) *need help*": {"François", "Olivier"},
        "Final MOOC modifications (Arturo, Olivier)": {"Arturo", "Olivier"},
        "Continue on the callbacks API (Jérémie)": {"Jérémie"},
        "Triage meeting (Guillaume)": {"Guillaume Lemaitre"},
    }
    for text, owners in expected.items():
        assert set(actions[text]["owners"]) == {people[name] for name in owners}, text
        # Not done, and older than 90 days by the sample's latest meeting (2024): stale, with its age.
        assert actions[text]["status"] == "stale" and actions[text]["age"] > 90
    # "Next:" lists inside a person's section belong to that person.
    assert actions["MOOC videos"]["owners"] == [people["Olivier"]]
    assert actions["Joblib blog post"]["owners"] == [people["François"]]


def test_approved_slep06_is_a_decision_findable_through_its_topic(sample: Site) -> None:
    data = sample.json()
    decision = _texts(data["decisions"])["approved SLEP06"]
    assert decision["meeting"] == "sklearn-team/2022-02-08"
    assert "slep-6" in decision["topics"]
    topic = next(topic for topic in data["topics"] if topic["id"] == "slep-6")
    assert topic["name"] == "SLEP 6" and "sklearn-team/2022-02-08" in topic["meetings"]
    page = sample.page("topics/slep-6/")
    assert "approved SLEP06" in page
    assert 'href="../../sklearn-team/2022-02-08/#decision-approved-slep06"' in page
    # The permalink lands on the decision's own paragraph.
    meeting = sample.page("sklearn-team/2022-02-08/")
    assert '<span class="minutes-decision" id="decision-approved-slep06"></span>approved SLEP06' in meeting


def test_references_are_normalised_with_a_back_index(sample: Site) -> None:
    references = {reference["id"]: reference for reference in sample.json()["references"]}
    assert (
        references["scikit-learn/scikit-learn#22401"]["url"]
        == "https://github.com/scikit-learn/scikit-learn/pull/22401"
    )
    assert references["scikit-learn/scikit-learn#22401"]["meetings"] == ["sklearn-team/2022-02-08"]
    # "#20254" of the 2021 note is bare: the default_repository of mkdocs.yml gives its repository.
    assert references["scikit-learn/scikit-learn#20254"]["meetings"] == ["sklearn-team/2021-09-14"]
    assert references["joblib/joblib#1254"]["mentions"][0]["line"] == 80
    page = sample.page("references/")
    # Under its repository's heading, by number, with the meetings that cite it.
    assert '<h2 id="joblib-joblib">joblib/joblib</h2>' in page
    assert '<a class="minutes-reference-id" href="https://github.com/joblib/joblib/pull/1254">#1254</a>' in page


def test_home_person_and_meeting_pages_show_records(sample: Site) -> None:
    home = sample.page("")
    assert "Recent decisions" in home and "approved SLEP06" in home
    assert "Open action items" in home and "openml: visualization of the sklearn pipelines (flow)" in home
    olivier = next(p for p in sample.json()["people"] if p["name"] == "Olivier")
    page = sample.page(olivier["url"])
    assert 'id="action-items"' in page and "Final MOOC modifications" in page
    meeting = sample.page("sklearn-team/2022-02-08/")
    assert 'aria-label="Decisions and action items of this meeting"' in meeting
    assert 'href="#action-triage-meeting-guillaume"' in meeting


def test_decisions_log_is_grouped_by_year_with_filters(sample: Site) -> None:
    page = sample.page("decisions/")
    assert '<h2 id="year-2022">2022</h2>' in page
    assert re.search(r'<div class="minutes-record" [^>]*data-series="sklearn-team"[^>]*data-year="2022"', page)
    assert '<select name="topics">' in page and '<option value="slep-6">SLEP 6</option>' in page
    assert (sample.site_dir / "assets/minutes/filter.js").is_file()


# A standards body's plenary: agenda items with speaker turns, each closed by a conclusion section in one of
# the spellings such archives use; some items come back in later meetings.
HEADINGS = ["### Conclusion/Resolution", "#### Conclusion/Resolution", "### Conclusion/Decision", "### Conclusions"]
ITEMS = ["Intl.Era", "Temporal", "Array grouping", "Decorators", "Records and Tuples", "Iterator helpers"]


def standards_archive(meetings: int = 240) -> tuple[dict[str, str], int]:
    rng = random.Random(7)
    notes: dict[str, str] = {}
    sections = 0
    for number in range(meetings):
        year, day = 2018 + number // 60, number % 60
        month, dom = 1 + day // 5, 1 + (day % 5) * 5
        lines = [
            f"# {year}-{month:02d}-{dom:02d} Plenary",
            "",
            "| Name | Abbreviation | Organization |",
            "| --- | --- | --- |",
            "| Waldemar Horwat | WH | Google |",
            "| Ben Allen | BAN | Igalia |",
            "",
        ]
        for item in rng.sample(ITEMS, rng.randrange(2, 5)):
            lines += [
                f"## {item} for Stage {rng.randrange(1, 4)}",
                "",
                "BAN: We would like to ask for the next stage.",
                "",
                "WH: I support this.",
                "",
                rng.choice(HEADINGS),
                "",
                f"- Consensus on {item} with {rng.randrange(2, 9)} reviewers",
                "",
            ]
            sections += 1
        notes[f"tc39/{year}/{month:02d}-{dom:02d}.md"] = "\n".join(lines)
    return notes, sections


@pytest.fixture(scope="module")
def plenary(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, int]:
    root: Path = tmp_path_factory.mktemp("plenary")
    notes, sections = standards_archive()
    for path, text in notes.items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Plenary\ntheme: {name: material}\nplugins: [search, minutes]\n", encoding="utf-8"
    )
    build(load_config(str(root / "mkdocs.yml"), strict=True))
    return Site(root), sections


def test_every_conclusion_section_of_a_standards_archive_is_a_decision(plenary: tuple[Site, int]) -> None:
    site, sections = plenary
    data = site.json()
    assert len(data["meetings"]) == 240
    assert len(data["decisions"]) == sections
    # One decision per outcome bullet, its text the bullet's (without the list marker).
    assert all(decision["text"].startswith("Consensus on ") for decision in data["decisions"])
    # Each decision keeps its agenda item, and recurring agenda items are topics with their decisions.
    topics = {topic["name"]: topic for topic in data["topics"]}
    assert set(ITEMS) <= set(topics)
    for decision in data["decisions"][:50]:
        item = re.sub(r" for Stage \d$", "", decision["text"]).split(" with ")[0].removeprefix("Consensus on ")
        assert topics[item]["id"] in decision["topics"]


def test_decision_permalinks_land_on_their_bullets(plenary: tuple[Site, int]) -> None:
    site, _ = plenary
    data = site.json()
    urls = {meeting["id"]: meeting["url"] for meeting in data["meetings"]}
    for decision in data["decisions"][::37]:
        meeting, _, anchor = decision["id"].partition("#")  # its paragraph, on its meeting's page
        assert meeting == decision["meeting"] and f'id="{anchor}"' in site.page(urls[meeting]), decision["id"]


def test_topics_file_gives_topics_with_excerpts(make_site: Any) -> None:
    site = make_site(
        {
            "topics.yml": "joblib: [joblib, loky]\nReleases: ['/release\\s+\\d+(\\.\\d+)*/']\n",
            "team/2024-01-10.md": "# Team\n\n- Loky is faster now\n- Plan release 1.4\n",
            "team/2024-01-17.md": "# Team\n\n- Nothing about it\n",
        },
        strict=True,
    )
    topics = {topic["name"]: topic for topic in site.json()["topics"]}
    assert topics["joblib"]["meetings"] == ["team/2024-01-10"]
    assert topics["Releases"]["meetings"] == ["team/2024-01-10"]
    page = site.page("topics/joblib/")
    assert "Loky is faster now" in page and "line 3" in page
    assert not (site.site_dir / "topics.yml").exists()


def test_a_bad_pattern_in_the_topics_file_names_file_and_line(make_site: Any) -> None:
    notes = {
        "topics.yml": "joblib: [joblib]\nbroken: ['/release(/']\n",
        "team/2024-01-10.md": "# Team\n\n- joblib 1.4\n",
    }
    with pytest.raises(Abort):
        make_site(notes, strict=True)
    site = make_site(notes)
    assert (
        "minutes: topics.yml:2: topic 'broken': invalid pattern /release(/: "
        "missing ), unterminated subpattern at position 7 (write a Python regular expression between the slashes)"
    ) in site.messages()
    assert [topic["name"] for topic in site.json()["topics"]] == ["joblib"]


def test_action_items_are_followed_until_a_later_meeting_marks_them_done(make_site: Any) -> None:
    site = make_site(
        {
            "team/2022-03-01.md": "# Team\n\n## Action items\n\n- [ ] Write the notes (Alice)\n- [ ] Fix CI (Bob)\n",
            "team/2022-03-08.md": "# Team\n\n## Action items\n\n- [x] Write the notes (Alice)\n- [ ] Fix CI (Bob)\n",
            "team/2022-03-15.md": "# Team\n\n## Action items\n\n- [ ] Fix CI (Bob)\n",
        }
    )
    actions = _texts(site.json()["actions"])
    assert actions["Write the notes (Alice)"]["status"] == "done"
    assert actions["Write the notes (Alice)"]["done_in"] == "team/2022-03-08"
    assert actions["Fix CI (Bob)"]["status"] == "open" and actions["Fix CI (Bob)"]["open_for"] == 3
    assert actions["Fix CI (Bob)"]["meetings"] == ["team/2022-03-01", "team/2022-03-08", "team/2022-03-15"]
    page = site.page("actions/")
    assert "open for 3 meetings" in page
    assert page.index('id="open"') < page.index('id="done"')


def test_stale_action_items_come_after_the_open_ones_with_their_age(make_site: Any) -> None:
    site = make_site(
        {
            "team/2022-01-04.md": "# Team\n\n## Action items\n\n- [ ] Renew the domain (Alice)\n",
            "team/2022-06-07.md": "# Team\n\n## Action items\n\n- [ ] Fix CI (Bob)\n",
        }
    )
    actions = _texts(site.json()["actions"])
    assert (actions["Renew the domain (Alice)"]["status"], actions["Renew the domain (Alice)"]["age"]) == ("stale", 154)
    assert (actions["Fix CI (Bob)"]["status"], actions["Fix CI (Bob)"]["age"]) == ("open", 0)
    page = site.page("actions/")
    assert "1 open, 1 stale and 0 done action items." in page
    assert page.index('id="open"') < page.index("Fix CI") < page.index('id="stale"') < page.index("Renew the domain")
    assert "154 days old" in page and 'id="done"' not in page
