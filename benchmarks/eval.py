"""Decisions and action items against hand labels: recall, precision and F1 per archive and kind.

The labels (``benchmarks/labels``, made by hand per ``../shared/corpora/RUBRIC.md``) give, for every
line of some files of the development archives in ``../shared/corpora``, the decisions and action
items that start on it: ``{"file", "line", "kind", "owners"}``, ``file`` relative to the archive's
folder, ``line`` 1-based. ``manifest.json`` lists, per archive, the labelled files of each split:
``dev`` (to tune on) and ``heldout`` (kept unread, to report honestly).

Each archive is built as ``mkdocs build`` with ``plugins: [minutes]`` and nothing else would build it
(docs folder = the archive's folder): the plugin's ``on_config`` and ``on_files`` run on MkDocs' own
file list, and the archive the plugin made is read back. Every extracted decision and action item is
mapped to the file and line where it starts: its anchor line, or, for a decision anchored on a
section's heading (``### Conclusion`` and one decision for the section), the first line of its text;
an action item listed again by a later meeting counts once in every meeting that lists it, on the
line that meeting anchors it to. Items of files that are not labelled are left out.

Matching is one to one, per file and kind:

- **exact**: same line;
- **lenient** (a second figure, never the headline): exact matches, then what is left within one
  line, or in the same list item or paragraph (the nearest first).

Owners of matched action items agree when the labelled owners and the extracted ones are the same
people: a labelled name matches an extracted person when it is, accent- and case-insensitively and
without a leading ``@``, their name, an alias, a handle or an abbreviation (owners written but known
to nobody are compared as written).

Held-out labels are read only with ``--heldout``, and then only counted: no row of them is ever
printed. ``--show`` lists the dev misses and false alarms with the note's line, for whoever tunes the
extractor. The seconds of the records step (``records.extract.meeting_records``, which runs the decision,
action, topic and reference extractors on each meeting, and ``records.join.join_records``, which joins
them) are printed beside those of the whole core pipeline
(``archive.build_archive``); ``--build`` runs the whole ``mkdocs build`` instead, so that the step's
share of a real build shows. Usage::

    python benchmarks/eval.py [--show] [--heldout] [--json PATH] [--archive NAME] [--build]
"""

from __future__ import annotations

import argparse
import functools
import glob
import json
import logging
import re
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import learn
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from minutes.index import Archive
from minutes.model import Meeting
from minutes.plugin import MinutesPlugin
from minutes.records import classify

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LABELS = HERE / "labels"


def _main_worktree(repo: Path) -> Path:
    """The repository's main worktree: ``repo`` itself, unless ``repo`` is a linked worktree (``.git`` a file)."""
    dot_git = repo / ".git"
    if dot_git.is_file():
        text = dot_git.read_text(encoding="utf-8").strip()
        if text.startswith("gitdir:"):
            gitdir = (repo / text.removeprefix("gitdir:").strip()).resolve()
            common = gitdir / "commondir"
            if common.is_file():
                gitdir = (gitdir / common.read_text(encoding="utf-8").strip()).resolve()
            return gitdir.parent
    return repo


def default_corpora(repo: Path = REPO) -> Path:
    """``../shared/corpora`` beside the repository (beside its main worktree, when this is a linked one)."""
    for root in (repo, _main_worktree(repo)):
        if (root.parent / "shared" / "corpora").is_dir():
            return root.parent / "shared" / "corpora"
    return repo.parent / "shared" / "corpora"


CORPORA = default_corpora()

Kind = Literal["decision", "action"]
KINDS: tuple[Kind, ...] = ("decision", "action")
Split = Literal["dev", "heldout"]


# --- labels, extracted items and the shape of a note ---------------------------------------------


def fold(name: str) -> str:
    """A name, accent- and case-insensitively, without a leading ``@`` or surrounding markup."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", stripped.casefold()).strip().strip("*_`").lstrip("@").strip()


@dataclass(frozen=True)
class Label:
    file: str  # relative to the archive's folder
    line: int  # 1-based
    kind: Kind
    owners: tuple[str, ...] = ()  # as written


@dataclass(frozen=True)
class Found:
    """An extracted decision or action item, where it starts."""

    file: str
    line: int
    kind: Kind
    owners: tuple[frozenset[str], ...] = ()  # per owner, every folded spelling that stands for them
    text: str = ""
    owner_names: tuple[str, ...] = ()  # per owner, how the report names them
    explicit: bool = True  # the note labels it itself (a section, a label, a marker)
    confidence: float = 1.0
    shown: bool = True  # shown by default (not a candidate)


def read_labels(path: Path) -> list[Label]:
    labels = []
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.strip():
            data = json.loads(row)
            labels.append(Label(data["file"], int(data["line"]), data["kind"], tuple(data.get("owners", ()))))
    return labels


def note_lines(path: Path) -> list[str]:
    """A note's lines as the labels number them (and as the plugin does): a last line without newline counts."""
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").splitlines()


_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Shape:
    """What the lenient match needs of a note: for each line (index 0 is line 1) its block, and what it starts."""

    block: tuple[int, ...]  # the paragraph or list item it belongs to (a number; -1 for a blank line)
    starts: tuple[str, ...]  # "heading", "row", "item" or ""
    indent: tuple[int, ...]

    def near(self, one: int, other: int) -> bool:
        """Whether lines ``one`` and ``other`` (1-based) are one item for the lenient match.

        In the same block; or next to each other, the second continuing the first: a bullet nested in
        the one above, the first line under a heading or under a label line. Neighbouring bullets at one
        indent, two table rows, or a line and the heading below it are different items.
        """
        if not (0 < one <= len(self.block) and 0 < other <= len(self.block)):
            return False
        first, second = sorted((one - 1, other - 1))
        if self.block[first] < 0 or self.block[second] < 0:
            return False
        if self.block[first] == self.block[second]:
            return True
        if second - first != 1 or self.starts[second] == "heading":
            return False
        if self.starts[first] == self.starts[second] == "row":
            return False
        if self.starts[first] == "item" and self.starts[second] == "item":
            return self.indent[second] > self.indent[first]
        return True


def shape(lines: Sequence[str]) -> Shape:
    """The blocks of ``lines``: a heading, a table row and each list item (with its indented and lazy
    continuation lines, but not its nested items) is a block of its own; so is a paragraph, and a fenced
    code block.
    """
    block: list[int] = []
    starts: list[str] = []
    indents: list[int] = []
    current = -1
    fence = ""
    open_block = False  # whether the line before continues into this one
    for line in lines:
        stripped = _QUOTE.sub("", line)
        if fence:
            block.append(current)
            starts.append("")
            indents.append(0)
            if stripped.strip().startswith(fence):
                fence, open_block = "", False
            continue
        if not stripped.strip():
            block.append(-1)
            starts.append("")
            indents.append(0)
            open_block = False
            continue
        fence_match = _FENCE.match(stripped)
        heading = bool(_HEADING.match(stripped))
        row = stripped.lstrip().startswith("|")
        item = _ITEM.match(stripped)
        if heading or row or item or fence_match or not open_block:
            current += 1
        block.append(current)
        starts.append("heading" if heading else "row" if row else "item" if item else "")
        indents.append(len(stripped.expandtabs(4)) - len(stripped.expandtabs(4).lstrip()))
        if fence_match:
            fence = fence_match.group(1)
        open_block = not heading and not row
    return Shape(tuple(block), tuple(starts), tuple(indents))


# --- matching and scoring ------------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    label: Label
    found: Found
    exact: bool


@dataclass
class Matching:
    """One kind's labels and extracted items, matched one to one."""

    pairs: list[Pair] = field(default_factory=list)  # exact pairs, then lenient ones
    missed: list[Label] = field(default_factory=list)  # no exact match
    alarms: list[Found] = field(default_factory=list)  # no exact match


def match(labels: Iterable[Label], found: Iterable[Found], shapes: dict[str, Shape]) -> Matching:
    """Exact (file, line) pairs first; then, among the rest, pairs that ``Shape.near`` allows, nearest first.

    ``labels`` and ``found`` are of one kind; ``shapes`` gives each file's ``shape``.
    """
    result = Matching()
    labels = sorted(labels, key=lambda label: (label.file, label.line))
    free = sorted(found, key=lambda item: (item.file, item.line))
    by_place: dict[tuple[str, int], list[Found]] = {}
    for item in free:
        by_place.setdefault((item.file, item.line), []).append(item)
    for label in labels:
        candidates = by_place.get((label.file, label.line))
        if candidates:
            result.pairs.append(Pair(label, candidates.pop(0), True))
        else:
            result.missed.append(label)
    taken = {id(pair.found) for pair in result.pairs}
    result.alarms = [item for item in free if id(item) not in taken]
    near: list[tuple[int, int, int]] = []  # (distance, label position, alarm position)
    for i, label in enumerate(result.missed):
        for j, item in enumerate(result.alarms):
            note = shapes.get(label.file)
            if item.file == label.file and note is not None and note.near(label.line, item.line):
                near.append((abs(item.line - label.line), i, j))
    used_labels: set[int] = set()
    used_found: set[int] = set()
    for _, i, j in sorted(near):
        if i not in used_labels and j not in used_found:
            used_labels.add(i)
            used_found.add(j)
            result.pairs.append(Pair(result.missed[i], result.alarms[j], False))
    return result


def owners_agree(labelled: Sequence[str], extracted: Sequence[frozenset[str]]) -> bool:
    """Whether the labelled owners are the extracted people, one to one."""
    left = list(extracted)
    for name in labelled:
        spelled = fold(name)
        hit = next((position for position, spellings in enumerate(left) if spelled in spellings), None)
        if hit is None:
            return False
        left.pop(hit)
    return not left


@dataclass(frozen=True)
class Score:
    labels: int
    found: int
    tp: int
    owners_agree: int = 0  # of the matched action items, those whose owners agree
    owners_matched: int = 0  # matched action items (0 for decisions)

    @property
    def fp(self) -> int:
        return self.found - self.tp

    @property
    def fn(self) -> int:
        return self.labels - self.tp

    @property
    def recall(self) -> float | None:
        return self.tp / self.labels if self.labels else None

    @property
    def precision(self) -> float | None:
        return self.tp / self.found if self.found else None

    @property
    def f1(self) -> float | None:
        recall, precision = self.recall, self.precision
        if recall is None or precision is None:
            return None
        return 2 * recall * precision / (recall + precision) if recall + precision else 0.0

    def figures(self) -> dict[str, Any]:
        data: dict[str, Any] = asdict(self)
        data.update(fp=self.fp, fn=self.fn, recall=self.recall, precision=self.precision, f1=self.f1)
        return data


def score(matching: Matching, labels: int, found: int, kind: Kind) -> tuple[Score, Score]:
    """The exact and lenient scores of one kind's matching."""

    def of(pairs: list[Pair]) -> Score:
        agree = sum(owners_agree(pair.label.owners, pair.found.owners) for pair in pairs) if kind == "action" else 0
        return Score(labels, found, len(pairs), agree, len(pairs) if kind == "action" else 0)

    return of([pair for pair in matching.pairs if pair.exact]), of(matching.pairs)


@dataclass
class Evaluation:
    """One archive's split: the matching and scores of each kind."""

    files: int
    lines: int
    matchings: dict[Kind, Matching]
    exact: dict[Kind, Score]
    lenient: dict[Kind, Score]


def evaluate(
    labels: Iterable[Label], found: Iterable[Found], files: Sequence[str], lines_of: dict[str, list[str]]
) -> Evaluation:
    """Score ``found`` (items of any file) against ``labels`` of ``files``, whose lines ``lines_of`` gives."""
    chosen = set(files)
    labels = [label for label in labels if label.file in chosen]
    found = [item for item in found if item.file in chosen]
    shapes = {file: shape(lines_of.get(file, [])) for file in files}
    matchings: dict[Kind, Matching] = {}
    exact: dict[Kind, Score] = {}
    lenient: dict[Kind, Score] = {}
    for kind in KINDS:
        mine = [label for label in labels if label.kind == kind]
        theirs = [item for item in found if item.kind == kind]
        matchings[kind] = match(mine, theirs, shapes)
        exact[kind], lenient[kind] = score(matchings[kind], len(mine), len(theirs), kind)
    return Evaluation(len(files), sum(len(lines_of.get(file, [])) for file in files), matchings, exact, lenient)


# --- running the plugin on an archive ------------------------------------------------------------


@dataclass
class Extraction:
    found: list[Found]
    notes: int
    meetings: int
    seconds: dict[str, float]  # "build" (with --build), "on_files", "core", "records", "extractors"


class Clock:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

        return timed


@contextmanager
def timed_pipeline(clock: Clock) -> Iterator[None]:
    """Time the core pipeline, its records step and the decision and action extractors, where they are called."""
    import minutes.index
    import minutes.parse
    import minutes.records.extract
    import minutes.settings

    patches = [
        (minutes.settings, "build_archive", "core"),  # what the plugin's on_files runs (settings.read_archive)
        (minutes.parse, "meeting_records", "records"),  # each meeting's records, at parse time
        (minutes.index, "join_records", "records"),  # joined across meetings, once people are resolved
        (minutes.records.extract, "outcomes_in", "extractors"),  # decisions and actions, labelled and classified
    ]
    saved = [(module, name, getattr(module, name)) for module, name, _ in patches]
    for module, name, label in patches:
        setattr(module, name, clock.wrap(label, getattr(module, name)))
    try:
        yield
    finally:
        for module, name, original in saved:
            setattr(module, name, original)


def extract(docs: Path, full_build: bool = False, files: Sequence[str] = ()) -> Extraction:
    """The decisions and action items that ``plugins: [minutes]`` finds in the notes of ``docs`` (only in
    ``files``, if given: the labelled ones, which is quicker than the whole archive)."""
    clock = Clock()
    with tempfile.TemporaryDirectory() as scratch:
        config_file = Path(scratch) / "mkdocs.yml"
        plugin: Any = {"minutes": {"notes": [glob.escape(file) for file in files]}} if files else "minutes"
        settings: dict[str, Any] = {"site_name": "Eval", "docs_dir": str(docs.resolve()), "plugins": [plugin]}
        if full_build:
            settings["theme"] = {"name": "material"}
        config_file.write_text(json.dumps(settings), encoding="utf-8")  # JSON is YAML
        with quiet(), timed_pipeline(clock):
            config = load_config(str(config_file), site_dir=str(Path(scratch) / "site"))
            plugin = config.plugins["minutes"]
            assert isinstance(plugin, MinutesPlugin)
            start = time.perf_counter()
            if full_build:
                build(config)
                clock.seconds["build"] = time.perf_counter() - start
            else:
                config = config.plugins.on_config(config)
                site_files = get_files(config)
                start = time.perf_counter()
                config.plugins.on_files(site_files, config=config)
                clock.seconds["on_files"] = time.perf_counter() - start
    archive = plugin.archive
    assert archive is not None
    return Extraction(
        found_items(archive, docs), archive.accounting.notes, len(archive.meetings), dict(sorted(clock.seconds.items()))
    )


def found_items(archive: Archive, docs: Path) -> list[Found]:
    """Every decision and action item of ``archive``, where it starts (``_text_start``) in its note under ``docs``."""
    notes: dict[str, list[str]] = {}

    def note_lines(meeting: Meeting) -> list[str]:
        if meeting.source not in notes:
            notes[meeting.source] = (docs / meeting.source).read_text(encoding="utf-8", errors="replace").split("\n")
        return notes[meeting.source]

    spellings: dict[str, frozenset[str]] = {}
    named: dict[str, str] = {person.id: person.name for person in archive.people}
    for person in archive.people:
        spelled = [person.name, *person.aliases, *person.handles, *person.abbreviations]
        spellings[person.id] = frozenset(fold(name) for name in spelled if name)
    meetings = {meeting.id: meeting for meeting in archive.meetings}
    found: list[Found] = []
    for decision in (*archive.decisions, *archive.candidate_decisions):
        meeting = meetings[decision.meeting]
        line = _text_start(note_lines(meeting), decision.line, decision.text)
        item = Found(meeting.source, line, "decision", (), decision.text, (), decision.explicit, decision.confidence)
        found.append(replace(item, shown=not decision.candidate))
    for action in (*archive.actions, *archive.candidate_actions):
        owners: tuple[frozenset[str], ...] = tuple(
            spellings.get(person, frozenset({fold(person)})) for person in action.owners
        )
        owners += tuple(frozenset({fold(name)}) for name in action.names)
        names: tuple[str, ...] = tuple(named.get(person, person) for person in action.owners) + tuple(action.names)
        for meeting_id, anchor in action.appearances:
            meeting = meetings[meeting_id]
            line = action.line if meeting_id == action.meeting else _anchor_line(meeting, anchor)
            if line:
                line = _text_start(note_lines(meeting), line, action.text)
                found.append(
                    Found(
                        meeting.source, line, "action", owners, action.text, names, action.explicit, action.confidence
                    )
                )
    return found


def _anchor_line(meeting: Meeting, anchor: str) -> int:
    """The source line of the action item that carries ``anchor`` in a meeting; 0 if none does."""
    return next((noted.line for noted in meeting.records.actions if noted.anchor == anchor), 0)


def _text_start(lines: list[str], line: int, text: str) -> int:
    """The line where an item anchored on ``line`` (1-based in the note's ``lines``) starts: the anchor line,
    unless its text only begins below.

    A decision section's heading (``### Conclusion``) or a label line that heads a list (``- consensus:``)
    is not where the decision starts: the first non-blank line after it is, when the item's text begins there.
    """
    index = line - 1
    first = next((row.strip() for row in text.split("\n") if row.strip()), "")
    first = _ITEM.sub("", first, count=1).strip()
    if not 0 <= index < len(lines) or not first or first in lines[index]:
        return line
    below = next((later for later in range(index + 1, len(lines)) if lines[later].strip()), None)
    return below + 1 if below is not None and first in lines[below] else line


@contextmanager
def quiet() -> Iterator[None]:
    """MkDocs' and the plugin's log lines (warnings about the notes) are not what this run reports."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


# --- report --------------------------------------------------------------------------------------


def _figure(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.2f}"


def table(name: str, split: Split, evaluation: Evaluation) -> list[str]:
    """A split's figures per kind: counts, recall, precision, F1 exact, then lenient, then owners."""
    lines = [
        f"{name} [{split}: {evaluation.files} files, {evaluation.lines} lines]",
        "  kind      labels found |  exact: tp  fp  fn recall prec   F1 | lenient: tp  fp  fn recall prec   F1"
        " | owners agree (exact, lenient)",
    ]
    for kind in KINDS:
        exact, lenient = evaluation.exact[kind], evaluation.lenient[kind]
        owners = (
            f" | {exact.owners_agree}/{exact.owners_matched}, {lenient.owners_agree}/{lenient.owners_matched}"
            if kind == "action"
            else " |"
        )
        lines.append(
            f"  {kind:<9} {exact.labels:>6} {exact.found:>5} |"
            f"        {exact.tp:>3} {exact.fp:>3} {exact.fn:>3}  {_figure(exact.recall)} {_figure(exact.precision)}"
            f" {_figure(exact.f1)} |"
            f"          {lenient.tp:>3} {lenient.fp:>3} {lenient.fn:>3}  {_figure(lenient.recall)}"
            f" {_figure(lenient.precision)} {_figure(lenient.f1)}{owners}"
        )
    return lines


def _clip(text: str, width: int = 140) -> str:
    text = text.strip()
    return text if len(text) <= width else text[: width - 1] + "…"


def details(evaluation: Evaluation, lines_of: dict[str, list[str]]) -> list[str]:
    """Dev only: every miss and false alarm (exact), and owner disagreements, as ``file:line: text``."""

    def text(file: str, line: int) -> str:
        rows = lines_of.get(file, [])
        return _clip(rows[line - 1]) if 0 < line <= len(rows) else "(no such line)"

    out: list[str] = []
    for kind in KINDS:
        matching = evaluation.matchings[kind]
        near_label = {id(pair.label): pair.found for pair in matching.pairs if not pair.exact}
        near_found = {id(pair.found): pair.label for pair in matching.pairs if not pair.exact}
        for label in matching.missed:
            partner = near_label.get(id(label))
            note = f" (lenient match: line {partner.line})" if partner else ""
            out.append(f"  miss  {kind:<8} {label.file}:{label.line}: {text(label.file, label.line)}{note}")
        for item in matching.alarms:
            other = near_found.get(id(item))
            note = f" (lenient match: line {other.line})" if other else ""
            out.append(f"  alarm {kind:<8} {item.file}:{item.line}: {text(item.file, item.line)}{note}")
        if kind == "action":
            for pair in matching.pairs:
                if not owners_agree(pair.label.owners, pair.found.owners):
                    how = "exact" if pair.exact else f"lenient, extracted at line {pair.found.line}"
                    out.append(
                        f"  owner {kind:<8} {pair.label.file}:{pair.label.line}: labelled {list(pair.label.owners)},"
                        f" extracted {list(pair.found.owner_names)} ({how})"
                    )
    return out


def _seconds(extraction: Extraction) -> str:
    seconds = extraction.seconds
    whole = seconds.get("build") or seconds.get("on_files") or 0.0
    what = "mkdocs build" if "build" in seconds else "on_files"
    core, records, extractors = seconds.get("core", 0.0), seconds.get("records", 0.0), seconds.get("extractors", 0.0)
    share = f"{records / whole:.0%} of {what}, " if whole else ""
    return (
        f"  time: {what} {whole:.2f} s, core pipeline {core:.2f} s, records step {records:.2f} s"
        f" ({share}{records / core:.0%} of the core), of which decision and action extractors {extractors:.2f} s"
        if core
        else "  time: -"
    )


@dataclass
class Labelled:
    """One labelled archive: its labels, its files' lines, and what the rules alone find in it."""

    name: str
    folder: Path
    files: list[str]
    labels: list[Label]
    lines_of: dict[str, list[str]]
    rules: Evaluation
    units: list[learn.Unit]
    tally: learn.Tally
    seconds: dict[str, float]
    found: list[Found] = field(default_factory=list)  # what the rules alone find, with their confidence


def read_archive(name: str, folder: Path, files: list[str], labels: list[Label]) -> Labelled:
    """Build the labelled ``files`` of an archive with the rules alone, and keep their units' features."""
    lines_of = {file: note_lines(folder / file) for file in files if (folder / file).is_file()}
    classify.use_model(None)
    with learn.collecting() as collected:
        extraction = extract(folder, files=files)
    rules = evaluate(labels, extraction.found, files, lines_of)
    explicit = evaluate(labels, [item for item in extraction.found if item.explicit], files, lines_of)
    labelled: dict[tuple[str, int], set[str]] = {}
    for label in labels:
        labelled.setdefault((label.file, label.line), set()).add(label.kind)
    units = learn.units_of(name, collected, labelled, set(files))
    tally = learn.Tally(
        {kind: explicit.exact[kind].tp for kind in KINDS},
        {kind: explicit.exact[kind].fp for kind in KINDS},
        {kind: explicit.exact[kind].labels for kind in KINDS},
    )
    return Labelled(name, folder, files, labels, lines_of, rules, units, tally, extraction.seconds, extraction.found)


SHOW_GRID = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01)  # 1.01: what the notes label, only


def shown_by_rules(found: Iterable[Found], thresholds: dict[str, float]) -> list[Found]:
    """What the site shows by default: what the notes label, and what the rules read at or above the threshold."""
    return [item for item in found if item.explicit or item.confidence >= thresholds[item.kind] - 1e-9]


def show_thresholds(training: Sequence[Labelled]) -> dict[str, float]:
    """Per kind, the lowest confidence of the rules from which what the ``training`` archives show, pooled,
    has a precision of at least ``learn.SHOW_PRECISION``; 1.01 (the notes' labels only) if none has."""
    chosen: dict[str, float] = {}
    for threshold in SHOW_GRID:
        tp = dict.fromkeys(KINDS, 0)
        found = dict.fromkeys(KINDS, 0)
        for archive in training:
            shown = shown_by_rules(archive.found, dict.fromkeys(KINDS, threshold))
            scores = evaluate(archive.labels, shown, archive.files, archive.lines_of).exact
            for kind in KINDS:
                tp[kind] += scores[kind].tp
                found[kind] += scores[kind].found
        for kind in KINDS:
            if kind not in chosen and found[kind] and tp[kind] / found[kind] >= learn.SHOW_PRECISION:
                chosen[kind] = threshold
    return {kind: chosen.get(kind, SHOW_GRID[-1]) for kind in KINDS}


def fold_model(training: Sequence[Labelled], c: float = learn.C) -> classify.Model:
    """The model of the ``training`` archives: weights on all their units, thresholds on out-of-archive ones."""
    units = [unit for archive in training for unit in archive.units]
    weights: dict[str, dict[str, float]] = {kind: learn.fit(units, kind, c) for kind in KINDS}
    scored = learn.out_of_archive(units, c)
    record, show = learn.thresholds(scored, {archive.name: archive.tally for archive in training})
    return classify.Model(weights, record, show)


@dataclass
class Fold:
    """An archive measured by what the seven others taught: the re-ranker's records, and what the site shows
    by default (the rules' records at or above the show threshold chosen on the others)."""

    model: classify.Model
    records: Evaluation
    shown: Evaluation
    show: dict[str, float]


def held_out(archive: Labelled, others: Sequence[Labelled], c: float = learn.C) -> Fold:
    """``archive`` built with the model that the ``others`` trained, as a new user's archive would be."""
    model = fold_model(others, c)
    classify.use_model(model)
    try:
        extraction = extract(archive.folder, files=archive.files)
    finally:
        classify.use_model(None)
    show = show_thresholds(others)
    return Fold(
        model,
        evaluate(archive.labels, extraction.found, archive.files, archive.lines_of),
        evaluate(archive.labels, shown_by_rules(archive.found, show), archive.files, archive.lines_of),
        show,
    )


def agreement(
    labels_dir: Path, manifest: dict[str, Any], out: Callable[[str], None] = print, key: str = "second"
) -> dict[str, Any]:
    """F1 per kind (exact line) between two labellers of the same files, each from the rubric alone.

    ``first/<archive>.jsonl`` holds the first labeller's labels of the double-labelled files as they made
    them (the archive's own labels may have been adjudicated since), ``second/<archive>.jsonl`` the second's;
    ``key`` names the manifest's list of files to compare ("second": all of them, "sharpened": those
    labelled after the rubric's notes).
    """
    totals: dict[str, list[int]] = {kind: [0, 0, 0] for kind in KINDS}
    for name, entry in manifest.items():
        first_path, second_path = labels_dir / "first" / f"{name}.jsonl", labels_dir / "second" / f"{name}.jsonl"
        if not (first_path.is_file() and second_path.is_file()):
            continue
        files = set(entry.get(key, ()))
        first = {(x.file, x.line, x.kind) for x in read_labels(first_path) if x.file in files}
        second = {(x.file, x.line, x.kind) for x in read_labels(second_path) if x.file in files}
        for kind in KINDS:
            mine = {x for x in first if x[2] == kind}
            theirs = {x for x in second if x[2] == kind}
            totals[kind][0] += len(mine & theirs)
            totals[kind][1] += len(mine)
            totals[kind][2] += len(theirs)
    figures: dict[str, Any] = {}
    for name_of_kind, (both, one, two) in totals.items():
        figures[name_of_kind] = 2 * both / (one + two) if one + two else None
        out(f"  {name_of_kind:<9} first {one:>4}, second {two:>4}, both {both:>4}: F1 {_figure(figures[name_of_kind])}")
    return figures


def run(
    corpora: Path,
    labels_dir: Path,
    show: bool = False,
    only: Sequence[str] = (),
    c: float = learn.C,
    out: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Leave one archive out, each in turn: the figures, by archive and kind, of the rules alone and of the
    model trained on the other archives (all records, and what the site shows by default)."""
    manifest = json.loads((labels_dir / "manifest.json").read_text(encoding="utf-8"))
    archives: list[Labelled] = []
    for name, entry in manifest.items():
        folder = corpora / name
        if not folder.is_dir():
            out(f"{name}: not in {corpora}, skipped")
            continue
        labels = read_labels(labels_dir / f"{name}.jsonl")
        archives.append(read_archive(name, folder, list(entry["files"]), labels))
        archive = archives[-1]
        problems = _label_problems(labels, archive.files, archive.lines_of)
        out(
            f"{name}: {len(archive.files)} files, {sum(map(len, archive.lines_of.values()))} lines,"
            f" {len(labels)} labels, {len(archive.units)} units read"
            + (f", {problems} labels out of place" if problems else "")
        )
    figures: dict[str, Any] = {"archives": {}}
    rows: list[tuple[str, str, Score, Score, Score]] = []
    for archive in archives:
        if only and archive.name not in only:
            continue
        fold = held_out(archive, [other for other in archives if other is not archive], c)
        figures["archives"][archive.name] = {
            "files": archive.rules.files,
            "lines": archive.rules.lines,
            "record_threshold": fold.model.record,
            "show_threshold": fold.show,
            **{
                f"{what}/{kind}": evaluation.exact[kind].figures()
                for what, evaluation in (("rules", archive.rules), ("records", fold.records), ("shown", fold.shown))
                for kind in KINDS
            },
        }
        for kind in KINDS:
            rows.append(
                (archive.name, kind, archive.rules.exact[kind], fold.records.exact[kind], fold.shown.exact[kind])
            )
        if show:
            out("\n".join(details(fold.records, archive.lines_of)) or "  nothing missed, no false alarm")
    out("")
    out(
        "leave-one-archive-out (exact line): the rules alone; the re-ranker's records (trained on the other"
        " archives); what the site shows (the rules' records from the show threshold chosen on the others)"
    )
    out(
        f"  {'archive':<25} {'kind':<9} {'labels':>6} | rules alone: R    P    F1 | re-ranked: R    P    F1 |"
        " shown by default: R    P    F1"
    )
    for name, row_kind, rules, records, shown in rows:
        out(
            f"  {name:<25} {row_kind:<9} {rules.labels:>6} |"
            f"          {_figure(rules.recall)} {_figure(rules.precision)}"
            f" {_figure(rules.f1)} |     {_figure(records.recall)} {_figure(records.precision)} {_figure(records.f1)} |"
            f"              {_figure(shown.recall)} {_figure(shown.precision)} {_figure(shown.f1)}"
        )
    for kind in KINDS:
        mine = [row for row in rows if row[1] == kind]
        if not mine:
            continue
        mean = {
            "rules": sum((row[2].f1 or 0.0) for row in mine) / len(mine),
            "records": sum((row[3].f1 or 0.0) for row in mine) / len(mine),
            "shown": sum((row[4].f1 or 0.0) for row in mine) / len(mine),
        }
        found = sum(row[4].found for row in mine)
        precision = sum(row[4].tp for row in mine) / found if found else None
        figures[f"mean/{kind}"] = {**mean, "shown_precision": precision}
        out(
            f"  {'mean F1':<25} {kind:<9}        |                  {mean['rules']:.2f} |"
            f"               {mean['records']:.2f} |                        {mean['shown']:.2f}"
            f"  (shown precision, pooled: {_figure(precision)})"
        )
    out("")
    files = sum(len(entry.get("second", ())) for entry in manifest.values())
    out(f"agreement of two labellers on the {files} double-labelled files (F1, exact line)")
    figures["agreement"] = agreement(labels_dir, manifest, out)
    sharpened = sum(len(entry.get("sharpened", ())) for entry in manifest.values())
    if sharpened:
        out(f"... of which the {sharpened} labelled after the rubric's notes (benchmarks/labels/RUBRIC-NOTES.md)")
        figures["agreement_after_notes"] = agreement(labels_dir, manifest, out, "sharpened")
    return figures


def _label_problems(labels: list[Label], files: list[str], lines_of: dict[str, list[str]]) -> int:
    """How many labels name a file outside the split or a line outside the file (a count: held-out rows stay unread)."""
    chosen = set(files)
    return sum(label.file not in chosen or not 0 < label.line <= len(lines_of.get(label.file, [])) for label in labels)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--show", action="store_true", help="list each held-out archive's misses and false alarms")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--archive", action="append", default=[], help="only hold out this archive (repeatable)")
    parser.add_argument("--c", type=float, default=learn.C, help=f"inverse L2 strength ({learn.C})")
    parser.add_argument("--corpora", type=Path, default=CORPORA, help=f"the archives' folder ({CORPORA})")
    parser.add_argument("--labels", type=Path, default=LABELS, help=f"the labels' folder ({LABELS})")
    args = parser.parse_args(argv)
    if not args.corpora.is_dir():
        print(f"no development archives at {args.corpora}: nothing to evaluate, skipped")
        return 0
    figures = run(args.corpora, args.labels, args.show, args.archive, args.c)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
