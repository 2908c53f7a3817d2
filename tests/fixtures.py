"""Generated archives that look like real ones, with the truth about who was there and who spoke.

Three families, each written the way its real archives are:

- ``steering``: a steering committee's weekly notes, one file per meeting
  (``tsc/2017-01-04.md``), attendees under ``## Present`` or ``Attendees:``
  or ``Present: a, b`` or in a table, with handles and roles
  (``* Colin Ihrig @cjihrig (TSC)``), absentees under ``## Regrets``, owners
  of action items as ``@handle``;
- ``transcript``: a standards body's verbatim notes, one file per day
  (``tc39/2019-01/jan-29.md``), an attendee table ``| Name | Abbreviation |
  Organization |`` (sometimes in a fenced block, sometimes a roster line), then
  agenda items of speaker turns ``WH: ...``;
- ``log``: a team's HackMD running log, one file per year, a dated ``##``
  section per meeting, a ``### Name`` heading per person (first names, spelt
  every which way), ``[name=...]`` tags and a ``TODO / Next`` section with owners.

Everything is drawn from a seeded ``random.Random``: the same seed writes the
same archive, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fake:
    name: str  # the canonical full name
    handle: str = ""
    abbreviation: str = ""
    affiliation: str = ""

    @property
    def first(self) -> str:
        return self.name.split()[0]


STEERING = [
    Fake("Anna Henningsen", "addaleax", "", "Cloudflare"),
    Fake("Colin Ihrig", "cjihrig", "", "Microsoft"),
    Fake("Michael Dawson", "mhdawson", "", "IBM"),
    Fake("Rich Trott", "Trott", "", "UC San Francisco"),
    Fake("James Snell", "jasnell", "", "Cloudflare"),
    Fake("Matteo Collina", "mcollina", "", "Platformatic"),
    Fake("Joyee Cheung", "joyeecheung", "", "Igalia"),
    Fake("Ruben Bridgewater", "BridgeAR", "", ""),
    Fake("Myles Borins", "MylesBorins", "", "GitHub"),
    Fake("Gireesh Punathil", "gireeshpunathil", "", "IBM"),
    Fake("Tobias Nießen", "tniessen", "", ""),
    Fake("Rafael Gonzaga", "RafaelGSS", "", "NearForm"),
    Fake("Bethany Griggs", "BethGriggs", "", "Red Hat"),
    Fake("Antoine du Hamel", "aduh95", "", ""),
    Fake("Geoffrey Booth", "GeoffreyBooth", "", ""),
    Fake("Chengzhong Wu", "legendecas", "", "Alibaba"),
]
STEERING_GUESTS = [Fake("Darcy Clarke"), Fake("Ulises Gascón"), Fake("Marco Ippolito")]

TRANSCRIPT = [
    Fake("Waldemar Horwat", "", "WH", "Google"),
    Fake("Ujjwal Sharma", "", "USA", "Igalia"),
    Fake("Jordan Harband", "", "JHD", "Invited Expert"),
    Fake("Daniel Ehrenberg", "", "DE", "Bloomberg"),
    Fake("Mark Miller", "", "MM", "Agoric"),
    Fake("Shu-yu Guo", "", "SYG", "Google"),
    Fake("Chip Morningstar", "", "CM", "Agoric"),
    Fake("Rob Palmer", "", "RPR", "Bloomberg"),
    Fake("Yulia Startsev", "", "YSV", "Mozilla"),
    Fake("Kevin Gibbons", "", "KG", "F5"),
    Fake("Michael Ficarra", "", "MF", "F5"),
    Fake("Ron Buckton", "", "RBN", "Microsoft"),
    Fake("Philip Chimento", "", "PFC", "Igalia"),
    Fake("Jack Works", "", "JWK", "Sujitech"),
    Fake("Nicolò Ribaudo", "", "NRO", "Igalia"),
    Fake("Justin Ridgewell", "", "JRL", "Google"),
    Fake("Peter Klecha", "", "PKA", "Bloomberg"),
    Fake("Eemeli Aro", "", "EAO", "Mozilla"),
]

LOG = [
    Fake("Olivier Grisel", "ogrisel"),
    Fake("Jérémie du Boisberranger", "jeremiedbb"),
    Fake("Loïc Estève", "lesteve"),
    Fake("Guillaume Lemaitre", "glemaitre"),
    Fake("Arturo Amor", "ArturoAmorQ"),
    Fake("François Goupil", "francoisgoupil"),
    Fake("Gaël Varoquaux", "GaelVaroquaux"),
    Fake("Stefanie Senger", "StefanieSenger"),
]
# Two people who share a first name: "Julien" alone must stay ambiguous.
JULIENS = [Fake("Julien Jerphanion", "jjerphan"), Fake("Julien Dupont", "jdupont")]


@dataclass
class Truth:
    """What a correct reading of the generated notes finds."""

    present: dict[str, set[str]] = field(default_factory=dict)  # (path, line) key "path:line" -> canonical names
    absent: dict[str, set[str]] = field(default_factory=dict)
    turns: list[tuple[str, int, str]] = field(default_factory=list)  # path, line, canonical name
    sections: list[tuple[str, int, str]] = field(default_factory=list)  # path, heading line, canonical name
    spellings: dict[str, set[str]] = field(default_factory=dict)  # canonical name -> spellings written
    misspellings: list[tuple[str, int, str]] = field(default_factory=list)  # path, line, canonical name meant
    ambiguous: list[tuple[str, int]] = field(default_factory=list)  # path, line of a first name two people share

    def spelt(self, person: Fake, spelling: str) -> str:
        self.spellings.setdefault(person.name, set()).add(spelling)
        return spelling


@dataclass
class Generated:
    files: dict[str, str]
    truth: Truth


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def generate(seed: int = 20240916, steering: int = 300, transcript_days: int = 120, log_years: int = 2) -> Generated:
    """An archive of the three families: ``steering`` + ``transcript_days`` + ~50 × ``log_years`` meetings."""
    rng = random.Random(seed)
    files: dict[str, str] = {}
    truth = Truth()
    _steering(rng, steering, files, truth)
    _transcripts(rng, transcript_days, files, truth)
    _logs(rng, log_years, files, truth)
    return Generated(files, truth)


def _steering_spelling(rng: random.Random, person: Fake, truth: Truth) -> str:
    roll = rng.random()
    if roll < 0.12:
        return truth.spelt(person, strip_accents(person.name))
    if roll < 0.18:
        return truth.spelt(person, person.name.lower())
    return truth.spelt(person, person.name)


def _steering(rng: random.Random, count: int, files: dict[str, str], truth: Truth) -> None:
    day = dt.date(2017, 1, 4)
    for number in range(count):
        path = f"tsc/{day.isoformat()}.md"
        members = rng.sample(STEERING, rng.randint(6, 12))
        guests = rng.sample(STEERING_GUESTS, rng.randint(0, 2))
        others = [p for p in STEERING if p not in members]
        regrets = rng.sample(others, min(len(others), rng.randint(0, 3)))
        lines = [f"# Node.js Technical Steering Committee (TSC) Meeting {day.isoformat()}", ""]
        lines += ["## Links", "", f"* **GitHub Issue**: https://github.com/nodejs/TSC/issues/{400 + number}", ""]
        style = rng.choice(["present", "present3", "label", "bold", "inline", "table", "participants", "nested"])
        listed_at = len(lines) + 1
        if style in ("present", "present3", "participants"):
            level = "###" if style == "present3" else "##"
            lines += [f"{level} {'Participants' if style == 'participants' else 'Present'}", ""]
            if style == "participants":
                lines += ["### TSC Members", ""]
            for person in members:
                name = _steering_spelling(rng, person, truth)
                form = rng.random()
                if form < 0.45:
                    lines.append(f"* {name} @{person.handle} (TSC)")
                elif form < 0.55:
                    lines.append(f"* {name} @{person.handle} (TSC) — joined late")
                elif form < 0.65:
                    lines.append(f"* {name}, {person.affiliation or 'Independent'} (@{person.handle})")
                elif form < 0.75:
                    lines.append(f"- {name} (@{person.handle}) - {person.affiliation or 'Independent'}")
                elif form < 0.8:
                    lines.append(f"- {name} <{person.handle.lower()}@example.org>")
                elif form < 0.9:
                    lines.append(f"* [{name}](https://github.com/{person.handle})")
                else:
                    truth.spelt(person, "@" + person.handle)
                    lines.append(f"* @{person.handle}")
            if guests:
                lines += ["", "### Guests" if style == "participants" else "Guests:", ""]
                lines += [f"* {truth.spelt(g, g.name)} (guest)" for g in guests]
            lines.append("")
        elif style in ("label", "bold"):
            lines += ["Attendees:" if style == "label" else "**Present:**", ""]
            for person in members:
                lines.append(f"- {_steering_spelling(rng, person, truth)} (@{person.handle})")
            for guest in guests:
                lines.append(f"- {truth.spelt(guest, guest.name)}")
            lines.append("")
        elif style == "nested":
            lines += ["## Attendance", "", "- TSC members:"]
            lines += [f"  - {_steering_spelling(rng, p, truth)} @{p.handle}" for p in members]
            if guests:
                lines += ["- Guests:"] + [f"  - {truth.spelt(g, g.name)}" for g in guests]
            if regrets:
                truth.absent[f"{path}:{len(lines) + 1}"] = {p.name for p in regrets}
                lines += ["- Regrets:"] + [f"  - {p.name} @{p.handle}" for p in regrets]
                regrets = []
            lines.append("")
        elif style == "inline":
            names = [_steering_spelling(rng, p, truth) for p in members] + [g.name for g in guests]
            lines += ["Present: " + ", ".join(names[:-1]) + " and " + names[-1], ""]
        else:
            lines += ["## Attendees", "", "| Name | GitHub | Organization |", "| --- | --- | --- |"]
            for person in members:
                name = _steering_spelling(rng, person, truth)
                lines.append(f"| {name} | @{person.handle} | {person.affiliation} |")
            for guest in guests:
                lines.append(f"| {truth.spelt(guest, guest.name)} | | |")
            lines.append("")
        truth.present[f"{path}:{listed_at}"] = {p.name for p in members + guests}
        if regrets:
            regrets_at = len(lines) + 1
            if rng.random() < 0.5:
                lines += ["## Regrets", ""] + [f"* {p.name} @{p.handle}" for p in regrets] + [""]
            else:
                lines += ["Apologies: " + ", ".join(p.name for p in regrets), ""]
            truth.absent[f"{path}:{regrets_at}"] = {p.name for p in regrets}
        lines += ["## Agenda", "", "### Announcements", ""]
        speaker = rng.choice(members)
        lines += [f"* {speaker.first}: the collaborator summit is next month.", ""]
        lines += ["### nodejs/node", ""]
        for _ in range(rng.randint(1, 3)):
            pr = rng.randint(10000, 50000)
            lines += [f"* Discuss [#{pr}](https://github.com/nodejs/node/pull/{pr})", "  * No consensus yet.", ""]
        lines += ["## Action items", ""]
        for person in rng.sample(members, 2):
            lines.append(f"- [ ] @{person.handle} to follow up on the release plan")
        lines += ["", "## Upcoming Meetings", "", "* **Node.js Foundation Calendar**: https://nodejs.org/calendar", ""]
        files[path] = "\n".join(lines)
        day += dt.timedelta(days=7)


MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
SENTENCES = [
    "I object to this change as specified.",
    "We discussed this at length in the champions group.",
    "Can we get consensus on stage 2?",
    "I support this proposal.",
    "The next meeting is in March, hosted remotely.",
    "I'm concerned about web compatibility here.",
    "That seems fine to me.",
    "Let's take this offline and come back tomorrow.",
]


def _transcripts(rng: random.Random, days: int, files: dict[str, str], truth: Truth) -> None:
    start = dt.date(2018, 1, 23)
    for number in range(days):
        week, day_of = divmod(number, 3)
        day = start + dt.timedelta(days=week * 61 + day_of)
        path = f"tc39/{day.year}-{day.month:02d}/{MONTHS[day.month - 1]}-{day.day:02d}.md"
        people = rng.sample(TRANSCRIPT, rng.randint(8, 14))
        lines = [f"# {day.day} {day.strftime('%B')}, {day.year} Meeting Notes", "", "-----", ""]
        style = rng.choice(["table", "table", "fenced", "roster"])
        listed_at = len(lines) + 1
        if style == "roster":
            lines.append(", ".join(f"{p.name} ({p.abbreviation})" for p in people))
        else:
            lines += ["**Remote attendees:**" if style == "fenced" else "**In-person attendees:**"]
            lines += ["```text"] if style == "fenced" else [""]
            lines += ["| Name | Abbreviation | Organization |", "| -------------------- | ---- | ---------- |"]
            lines += [f"| {p.name} | {p.abbreviation} | {p.affiliation} |" for p in people]
            lines += ["```"] if style == "fenced" else []
        lines += ["", "-----", ""]
        truth.present[f"{path}:{listed_at}"] = {p.name for p in people}
        outsiders = [p for p in TRANSCRIPT if p not in people]
        for item in range(rng.randint(3, 5)):
            presenter = rng.choice(people)
            lines += [f"## Proposal {number}-{item} for Stage {rng.randint(1, 3)}", ""]
            lines += [f"Presenter: {presenter.name} ({presenter.abbreviation})", ""]
            lines += [f"- [proposal](https://github.com/tc39/proposal-{number}-{item})", ""]
            for _ in range(rng.randint(4, 9)):
                # Now and then someone speaks whom this day's table does not list; another day's does.
                speaker = rng.choice(outsiders) if outsiders and rng.random() < 0.04 else rng.choice(people)
                truth.turns.append((path, len(lines) + 1, speaker.name))
                lines.append(f"{speaker.abbreviation}: {rng.choice(SENTENCES)}")
                if rng.random() < 0.3:
                    lines.append("It also affects the module graph.")
                lines.append("")
                if rng.random() < 0.1:
                    lines += ["NOTE: the queue was reordered.", ""]
            lines += ["### Conclusion/Resolution", "", "- Stage 2", ""]
        files[path] = "\n".join(lines)


def _log_spelling(rng: random.Random, person: Fake, truth: Truth) -> str:
    first = person.first
    roll = rng.random()
    if roll < 0.6:
        spelling = first
    elif roll < 0.8:
        spelling = strip_accents(first)
    elif roll < 0.9:
        spelling = first.lower()
    else:
        spelling = strip_accents(first).lower()
    if first == "Jérémie" and rng.random() < 0.1:
        spelling = "Jéremie"
    return truth.spelt(person, spelling)


def _logs(rng: random.Random, years: int, files: dict[str, str], truth: Truth) -> None:
    for year in range(2022, 2022 + years):
        path = f"team/{year}.md"
        day = dt.date(year, 1, 4)
        sections: list[list[str]] = []
        while day.year == year:
            sections.append(_log_section(rng, day, len(sections), truth))
            day += dt.timedelta(days=7)
        # Newest first, as HackMD logs grow; line numbers are known only once the file is laid out,
        # so sections mark the lines the truth is about: "\0kind\0canonical name\0text".
        lines: list[str] = []
        for section in reversed(sections):
            for line in section:
                number = len(lines) + 1
                if line.startswith("\0"):
                    kind, name, line = line[1:].split("\0")
                    if kind in ("heading", "tag"):
                        truth.sections.append((path, number, name))
                    elif kind == "misspelt":
                        truth.misspellings.append((path, number, name))
                    elif kind == "ambiguous":
                        truth.ambiguous.append((path, number))
                    elif kind == "present":
                        truth.present[f"{path}:{number}"] = {p.name for p in (*LOG, *JULIENS)}
                lines.append(line)
        files[path] = "\n".join(lines) + "\n"


def _log_section(rng: random.Random, day: dt.date, number: int, truth: Truth) -> list[str]:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10 if day.day not in (11, 12, 13) else 0, "th")
    lines = [f"## {day.strftime('%B')} {day.day}{suffix}", ""]
    if number % 10 == 0:
        # Now and then the notes list the team by full name: first names resolve to them.
        names = ", ".join(p.name for p in (*LOG, *JULIENS))
        lines += [f"\0present\0\0Present: {names}", ""]
    people = rng.sample(LOG, rng.randint(4, len(LOG)))
    for person in people:
        spelling = _log_spelling(rng, person, truth)
        if rng.random() < 0.15:  # a name tag instead of a heading
            topic = rng.choice(["joblib", "loky", "the MOOC", "skops"])
            lines += [f"\0tag\0{person.name}\0- [name={spelling}]", f"    - worked on {topic}", ""]
            continue
        if number == 7 and person is LOG[0]:
            lines.append(f"\0misspelt\0{person.name}\0### Olivir")
        else:
            lines.append(f"\0heading\0{person.name}\0### {spelling}")
        lines += ["", f"- reviewed PR #{rng.randint(20000, 29999)}", f"- {rng.choice(SENTENCES)}", ""]
    if number % 5 == 2:
        lines += ["\0ambiguous\0\0### Julien", "", "- off this week", ""]
    lines += ["### Discussion", "", "- release planning", ""]
    owners = rng.sample(people, 2)
    lines += ["## TODO / Next", ""]
    lines += [f"- follow up on the sprint ({owners[0].first}, {owners[1].first})", ""]
    return lines
