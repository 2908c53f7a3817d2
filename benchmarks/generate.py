"""Write a large synthetic archive of meeting notes, deterministically (seeded).

Two shapes of archive:

- ``teams`` (default): ``--meetings`` meetings (1,000) spread over ``--series``
  folders (10), one weekly meeting per series, a few KB each, in the families
  of SPEC section 2: single notes with dated file names and ``### Name``
  person headings, HackMD running logs (one file per year, dated ``##``
  sections newest first, some without a year), HackMD name tags
  (``- [name=X]``) in ``YYYY/MM/DD.md`` notes, and steering notes with a
  ``## Present`` list, agenda items, decisions and action items.
- ``standards``: a standards body, ~200 long meetings (transcripts with an
  attendee table and speaker turns, 100-200 KB each) totalling tens of MB.

The same seed always writes the same bytes, so figures are comparable between
runs and machines. Usage::

    python benchmarks/generate.py OUT_DIR [--meetings 1000] [--series 10] [--seed 1]
    python benchmarks/generate.py OUT_DIR --profile standards
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# (name, GitHub handle, organisation): accents on purpose, as in real teams.
PEOPLE: list[tuple[str, str, str]] = [
    ("Olivier Grisel", "ogrisel", "Probabl"),
    ("Jérémie du Boisberranger", "jeremiedbb", "Probabl"),
    ("Guillaume Lemaitre", "glemaitre", "Probabl"),
    ("Loïc Estève", "lesteve", "Inria"),
    ("Julien Jerphanion", "jjerphan", "Quansight"),
    ("Arturo Amor", "ArturoAmorQ", "Probabl"),
    ("Gaël Varoquaux", "GaelVaroquaux", "Inria"),
    ("François Goupil", "francoisgoupil", "Probabl"),
    ("Thomas Fan", "thomasjpfan", "Quansight"),
    ("Adrin Jalali", "adrinjalali", "Probabl"),
    ("Maren Westermann", "marenwestermann", "Independent"),
    ("Colin Ihrig", "cjihrig", "Node TSC"),
    ("Anna Henningsen", "addaleax", "MongoDB"),
    ("Matteo Collina", "mcollina", "Platformatic"),
    ("Joyee Cheung", "joyeecheung", "Igalia"),
    ("Rich Trott", "Trott", "Independent"),
    ("Michaël Zasso", "targos", "Zakodium"),
    ("Ruben Bridgewater", "BridgeAR", "Datadog"),
    ("Tierney Cyren", "bnb", "Independent"),
    ("Stefan Behnel", "scoder", "Independent"),
    ("Meekail Zain", "Micky774", "Quansight"),
    ("Tim Head", "betatim", "NVIDIA"),
    ("Stéfan van der Walt", "stefanv", "Berkeley"),
    ("Ralf Gommers", "rgommers", "Quansight"),
    ("Mathis Batoul", "mathisbatoul", "Inria"),
    ("Charlène Bizollon", "cbizollon", "Probabl"),
    ("Nicolas Hug", "NicolasHug", "Meta"),
    ("Roman Yurchak", "rth", "Independent"),
    ("Christian Lorentzen", "lorentzenchr", "Mobiliar"),
    ("Andreas Mueller", "amueller", "Microsoft"),
    ("Yao Xiao", "Charlie-XIAO", "NYU"),
    ("Stefanie Senger", "StefanieSenger", "Probabl"),
    ("Omar Salman", "OmarManzoor", "Arbisoft"),
    ("Dea María Léon", "DeaMariaLeon", "Probabl"),
    ("Vincent Maladière", "Vincent-Maladiere", "Probabl"),
    ("Jovan Stojanovic", "jovan-stojanovic", "Inria"),
    ("Shruti Nath", "snath-xoc", "Probabl"),
    ("Lucy Liu", "lucyleeow", "Quansight"),
    ("Virgil Chan", "Virgil-Chan", "Independent"),
    ("Xavier Dupré", "xadupre", "Microsoft"),
]

TOPICS = [
    "joblib",
    "loky",
    "array API support",
    "free-threaded CPython",
    "the release policy",
    "the 1.6 release",
    "metadata routing",
    "the MOOC",
    "the documentation build",
    "CI on ARM",
    "the sprint in Paris",
    "sample weights",
    "HistGradientBoosting",
    "the consortium",
    "pandas output",
    "Cython 3",
    "wheels for Python 3.13",
    "the governance document",
    "the security policy",
    "the website redesign",
]
VERBS = [
    "reviewed",
    "merged",
    "opened a PR for",
    "investigated",
    "benchmarked",
    "wrote a draft about",
    "discussed",
    "fixed a regression in",
    "triaged issues on",
    "started working on",
    "refactored",
    "documented",
]
TAILS = [
    "with a reproducer that fails on macOS only",
    "after the discussion on the mailing list",
    "; needs a second review",
    "and the numbers look good",
    "but the memory usage doubled",
    "(blocked by the upstream fix)",
    "following last week's decision",
    "with help from the maintainers",
    "; see the notes of the previous meeting",
    "and updated the changelog",
]
FILLER = (
    "the estimator should keep the same behaviour when the input is sparse and we need to check the "
    "deprecation cycle before the next release because downstream projects rely on the current default "
    "while the benchmark suite shows a small regression on wide datasets that we could fix by caching "
    "the intermediate arrays in the worker processes instead of pickling them again for every task"
)
WORDS = FILLER.split()
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept", "oct", "nov", "dec"]
END = dt.date(2025, 12, 15)  # the newest meeting: fixed, so the archive does not depend on today


@dataclass(frozen=True)
class Series:
    folder: str
    family: str
    members: tuple[int, ...]  # indexes into PEOPLE
    weekday: int


def _sentence(rng: random.Random, words: int) -> str:
    start = rng.randrange(len(WORDS))
    text = " ".join(WORDS[(start + i) % len(WORDS)] for i in range(words))
    return text[:1].upper() + text[1:] + "."


def _item(rng: random.Random) -> str:
    """One line of an update: a verb, a topic, sometimes an issue, a PR link or some code."""
    topic = rng.choice(TOPICS)
    text = f"{rng.choice(VERBS)} {topic} {rng.choice(TAILS)}"
    roll = rng.random()
    if roll < 0.3:
        text += f" (#{rng.randrange(20000, 30000)})"
    elif roll < 0.4:
        text += f" [PR](https://github.com/scikit-learn/scikit-learn/pull/{rng.randrange(20000, 30000)})"
    elif roll < 0.5:
        text += f", `n_jobs={rng.randrange(1, 9)}`"
    return text


def _update(rng: random.Random, lines: int) -> list[str]:
    """A person's update: nested bullets, the shape of real notes."""
    out: list[str] = []
    for _ in range(lines):
        out.append(f"- {_item(rng)}")
        for _ in range(rng.randrange(0, 3)):
            out.append(f"    - {_sentence(rng, rng.randrange(8, 30))}")
    return out


def _first(index: int) -> str:
    return PEOPLE[index][0].split(" ")[0]


def _discussion(rng: random.Random, series: Series) -> list[str]:
    out = ["## Discussion", ""]
    for _ in range(rng.randrange(1, 4)):
        topic = rng.choice(TOPICS)
        who = _first(rng.choice(series.members))
        out += [f"- {topic}: {_sentence(rng, rng.randrange(15, 50))} ({who})"]
    out += ["", "## TODO / Next", ""]
    for _ in range(rng.randrange(1, 4)):
        owners = ", ".join(_first(i) for i in rng.sample(series.members, rng.randrange(1, 3)))
        box = "x" if rng.random() < 0.3 else " "
        out.append(f"- [{box}] {rng.choice(VERBS)} {rng.choice(TOPICS)} ({owners})")
    return [*out, ""]


def _heading_sections(rng: random.Random, series: Series, level: str = "###") -> list[str]:
    out: list[str] = []
    for index in _attendees(rng, series):
        # Most teams write first names; some write the full name.
        name = PEOPLE[index][0] if rng.random() < 0.2 else _first(index)
        out += [f"{level} {name}", "", *_update(rng, rng.randrange(2, 7)), ""]
    return out


def _attendees(rng: random.Random, series: Series) -> list[int]:
    count = max(2, min(len(series.members), rng.randrange(len(series.members) // 2, len(series.members) + 1)))
    return sorted(rng.sample(series.members, count))


def note_with_headings(rng: random.Random, series: Series, date: dt.date) -> str:
    """A single note per meeting, dated by its file name, a ``### Name`` section per person."""
    lines = [f"# {series.folder.replace('-', ' ').title()} meeting", ""]
    lines += ["## Progress reports", "", *_heading_sections(rng, series)]
    return "\n".join(lines + _discussion(rng, series))


def note_with_name_tags(rng: random.Random, series: Series, date: dt.date) -> str:
    """A HackMD note in ``YYYY/MM/DD.md``: ``- [name=X]`` bullets with the update nested under them."""
    lines = [f"# Weekly sync {date.isoformat()}", "", "###### tags: `weekly`", "", "## Updates", ""]
    for index in _attendees(rng, series):
        lines.append(f"- [name={_first(index)}]")
        lines += ["    " + line for line in _update(rng, rng.randrange(2, 6))]
    lines.append("")
    return "\n".join(lines + _discussion(rng, series))


def note_with_present_list(rng: random.Random, series: Series, date: dt.date) -> str:
    """A steering note: front matter, ``## Present`` list, agenda items, decisions and actions."""
    people = _attendees(rng, series)
    lines = [
        "---",
        f"title: {series.folder.replace('-', ' ').title()} meeting",
        f"tags: [{', '.join(sorted({rng.choice(TOPICS).split()[-1] for _ in range(2)}))}]",
        "---",
        "",
        "## Present",
        "",
    ]
    lines += [f"* {PEOPLE[i][0]} @{PEOPLE[i][1]} ({PEOPLE[i][2]})" for i in people]
    lines += ["", "## Agenda", ""]
    for _ in range(rng.randrange(2, 5)):
        number = rng.randrange(40000, 56000)
        lines += [
            f"### {rng.choice(TOPICS).capitalize()} nodejs/node#{number}",
            "",
            _sentence(rng, rng.randrange(30, 90)),
            "",
            *[f"* {_first(rng.choice(people))}: {_sentence(rng, rng.randrange(10, 40))}" for _ in range(3)],
            "",
        ]
        if rng.random() < 0.4:
            lines += [f"Decision: {_sentence(rng, rng.randrange(8, 20))}", ""]
        if rng.random() < 0.5:
            lines += [f"ACTION: @{PEOPLE[rng.choice(people)][1]} to {rng.choice(VERBS)} {rng.choice(TOPICS)}", ""]
    return "\n".join(lines)


def log_section(rng: random.Random, series: Series, date: dt.date) -> str:
    """One dated ``##`` section of a running log; some headings leave the year out, as people do."""
    if rng.random() < 0.5:
        day = date.day
        suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        heading = f"## {date.strftime('%B')} {day}{suffix}"
    else:
        heading = f"## {date.isoformat()}"
    return "\n".join([heading, "", *_heading_sections(rng, series), *_discussion(rng, series)])


def _weekly(series: Series, count: int, index: int) -> list[dt.date]:
    """``count`` weekly dates ending near END, each series on its own weekday."""
    last = END - dt.timedelta(days=(END.weekday() - series.weekday) % 7) - dt.timedelta(days=index % 3)
    return sorted(last - dt.timedelta(weeks=week) for week in range(count))


FAMILIES: dict[str, Callable[[random.Random, Series, dt.date], str]] = {
    "headings": note_with_headings,
    "name-tags": note_with_name_tags,
    "present": note_with_present_list,
}
FAMILY_CYCLE = ["running-log", "headings", "name-tags", "present", "running-log"]
SERIES_NAMES = [
    "sklearn-team",
    "tsc",
    "core-devs",
    "docs",
    "infra",
    "community",
    "steering",
    "triage",
    "security",
    "website",
    "outreach",
    "release",
]


def write_teams(out: Path, meetings: int, series_count: int, seed: int, family: str | None = None) -> list[Path]:
    """The ``teams`` archive: ``meetings`` weekly meetings over ``series_count`` folders.

    The series cycle through the note families; ``family`` gives every series that one.
    """
    rng = random.Random(seed)
    written: list[Path] = []
    for number in range(series_count):
        name = SERIES_NAMES[number % len(SERIES_NAMES)] + (f"-{number // len(SERIES_NAMES)}" if number >= 12 else "")
        members = tuple(sorted(rng.sample(range(len(PEOPLE)), rng.randrange(5, 12))))
        series = Series(name, family or FAMILY_CYCLE[number % len(FAMILY_CYCLE)], members, number % 5)
        count = meetings // series_count + (1 if number < meetings % series_count else 0)
        dates = _weekly(series, count, number)
        folder = out / series.folder
        if series.family == "running-log":
            by_year: dict[int, list[dt.date]] = {}
            for date in dates:
                by_year.setdefault(date.year, []).append(date)
            for year, days in by_year.items():
                sections = [log_section(rng, series, day) for day in reversed(days)]  # newest first
                written.append(_write(folder / f"{year}.md", "\n".join(sections)))
            continue
        for date in dates:
            text = FAMILIES[series.family](rng, series, date)
            if series.family == "name-tags":
                path = folder / f"{date.year}" / f"{date.month:02d}" / f"{date.day:02d}.md"
            elif series.family == "present":
                path = folder / f"{date.isoformat()}-{series.folder}.md"
            else:
                path = folder / f"{date.isoformat()}.md"
            written.append(_write(path, text))
    return written


def standards_meeting(rng: random.Random, date: dt.date, size: int) -> str:
    """A plenary transcript: attendee table with abbreviations, agenda items, speaker turns."""
    delegates = sorted(rng.sample(range(len(PEOPLE)), rng.randrange(15, 30)))
    abbreviations = {i: "".join(word[0] for word in PEOPLE[i][0].split()).upper() + str(i) for i in delegates}
    lines = [
        f"# {date.strftime('%d %B, %Y')} Meeting Notes",
        "",
        "## Attendees",
        "",
        "| Name | Abbreviation | Organization |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {PEOPLE[i][0]} | {abbreviations[i]} | {PEOPLE[i][2]} |" for i in delegates]
    lines.append("")
    item = 0
    extra = 0  # characters of the conclusions' further bullets, left out of the size so the rest stays the same
    while sum(len(line) + 1 for line in lines) - extra < size:
        item += 1
        topic = rng.choice(TOPICS)
        lines += [f"## {item}. {topic.capitalize()}", "", f"Presenter: {PEOPLE[rng.choice(delegates)][0]}"]
        lines += [f"- [slides](https://example.org/slides/{date.isoformat()}-{item})", ""]
        for _ in range(rng.randrange(15, 40)):
            speaker = abbreviations[rng.choice(delegates)]
            lines += [f"{speaker}: {_sentence(rng, rng.randrange(20, 120))}", ""]
        if rng.random() < 0.5:
            lines += ["### Conclusion/Resolution", "", f"- {_sentence(rng, rng.randrange(10, 25))}"]
            bullets = _conclusion(
                random.Random(f"{date.isoformat()}-{item}"), topic, [abbreviations[i] for i in delegates]
            )
            extra += sum(len(bullet) + 1 for bullet in bullets)
            lines += [*bullets, ""]
    return "\n".join(lines)


def _conclusion(rng: random.Random, topic: str, abbreviations: list[str]) -> list[str]:
    """A conclusion's further bullets, as plenaries write them: outcomes, one per bullet, and the tasks that
    follow, owned by delegates' abbreviations (``ABC to look into ...``, ``Stage 3 reviewers: X, Y``)."""
    stage = rng.randrange(1, 4)
    outcomes = [
        f"- Consensus for Stage {stage} for {topic}",
        f"- No objections to {topic} moving to Stage {stage}",
        f"- {topic[:1].upper()}{topic[1:]} stays at Stage {stage}; revisit at the next meeting",
    ]
    tasks = [
        f"- {rng.choice(abbreviations)} to look into {rng.choice(TOPICS)} before the next meeting",
        f"- Stage {stage + 1} reviewers: {', '.join(rng.sample(abbreviations, 2))}",
    ]
    bullets = rng.sample(outcomes, rng.randrange(0, 3))
    bullets += rng.sample(tasks, rng.randrange(0, 3))
    return bullets


def write_standards(out: Path, meetings: int, seed: int, size: int = 150_000) -> list[Path]:
    """The ``standards`` archive: ``meetings`` long plenaries, ``YYYY-MM/mon-DD.md``, ~``size`` bytes each."""
    rng = random.Random(seed)
    written: list[Path] = []
    for number in range(meetings):
        date = END - dt.timedelta(days=18 * (meetings - 1 - number))
        path = out / "plenary" / f"{date.year}-{date.month:02d}" / f"{MONTHS[date.month - 1]}-{date.day}.md"
        written.append(_write(path, standards_meeting(rng, date, rng.randrange(size // 2, size * 3 // 2))))
    return written


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    return path


def generate(
    out: Path,
    profile: str = "teams",
    meetings: int | None = None,
    series: int = 10,
    seed: int = 1,
    family: str | None = None,
) -> int:
    """Write the archive into ``out`` (emptied first); returns the number of bytes written.

    ``family`` (teams only): every series in one note family (``FAMILY_CYCLE``) instead of a mix.
    """
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    if profile == "standards":
        files = write_standards(out, meetings or 200, seed)
    else:
        files = write_teams(out, meetings or 1000, series, seed, family)
    return sum(path.stat().st_size for path in files)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a large synthetic archive of meeting notes.")
    parser.add_argument("out", type=Path, help="folder to write the notes into (emptied first)")
    parser.add_argument("--profile", choices=["teams", "standards"], default="teams")
    parser.add_argument("--meetings", type=int, default=None, help="1000 for teams, 200 for standards")
    parser.add_argument("--series", type=int, default=10, help="folders of the teams archive")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--family", choices=sorted(set(FAMILY_CYCLE)), help="teams: one note family for every series")
    args = parser.parse_args(argv)
    size = generate(args.out, args.profile, args.meetings, args.series, args.seed, args.family)
    print(f"wrote {size / 1e6:.1f} MB of notes into {args.out}")


if __name__ == "__main__":
    main()
