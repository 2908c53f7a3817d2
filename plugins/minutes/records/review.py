"""A maintainer's review of what was read from the text: which candidates the site shows, which it drops.

The site shows what the notes label themselves and what the classifier reads above the confidence it
shows (``classify.show_threshold``); the rest are *candidates*. For old notes nobody will edit,
``minutes check --records`` drafts a review file (``records.yml`` beside the notes, like ``people.yml``):
each candidate by its id (its meeting and anchor), with its file, line and text as a comment. A
maintainer writes ``yes`` (show it) or ``no`` (drop it) after each; the build follows the file, for
any record it names. The file is data, never published.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..findings import Finding
from ..yaml_file import read_yaml_file

NAMES = ("records.yml", "records.yaml")
_ANSWERS = {True: True, False: False, "yes": True, "no": False, "y": True, "n": False}


@dataclass(frozen=True)
class RecordsReview:
    """Record id -> shown (``yes``) or dropped (``no``); ids left blank are undecided."""

    verdicts: Mapping[str, bool] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    kinds: Mapping[str, str] = field(default_factory=dict)  # record id -> "decision" | "action"


def parse_records_review(data: Any, display_path: str) -> RecordsReview:
    """The verdicts of a review file's data: ``{decisions: {id: yes|no}, actions: {id: yes|no}}``."""
    if data is None:
        return RecordsReview()
    if not isinstance(data, dict):
        return RecordsReview({}, (Finding(display_path, 0, "error", "the records file is not a mapping"),))
    verdicts: dict[str, bool] = {}
    kinds: dict[str, str] = {}
    findings: list[Finding] = []
    for kind in ("decisions", "actions"):
        section = data.get(kind) or {}
        if not isinstance(section, dict):
            findings.append(Finding(display_path, 0, "error", f"'{kind}' in the records file is not a mapping"))
            continue
        for record_id, answer in section.items():
            if answer is None or answer == "":
                continue  # not reviewed yet
            verdict = _ANSWERS.get(answer.strip().lower() if isinstance(answer, str) else answer)
            if verdict is None:
                findings.append(
                    Finding(
                        display_path, 0, "error", f"{record_id}: write yes or no in the records file, not {answer!r}"
                    )
                )
                continue
            verdicts[str(record_id)] = verdict
            kinds[str(record_id)] = kind.removesuffix("s")
    return RecordsReview(verdicts, tuple(findings), kinds)


def load_records_review(path: str, display_path: str) -> RecordsReview:
    """Read the review file at ``path``; ``display_path`` is how findings name it."""
    loaded = read_yaml_file(path, display_path, "records file")
    if loaded.error is not None:
        return RecordsReview({}, (loaded.error,))
    return parse_records_review(loaded.data, display_path)


@dataclass(frozen=True)
class Candidate:
    """A record the site does not show until a person confirms it: where it is and what it says."""

    kind: str  # "decision" | "action"
    id: str  # meeting id and anchor
    source: str  # the note's path, relative to the docs folder
    line: int
    text: str
    cue: str
    confidence: float


def review_draft(candidates: Iterable[Candidate], review: RecordsReview = RecordsReview()) -> str:
    """A records file listing every candidate, and every answer already given (a record said yes to is no
    candidate any more, and keeps its answer)."""
    candidates = list(candidates)
    reviewed = review.verdicts
    lines = [
        "# Records read from the text that the site does not show yet (minutes check --records).",
        "# Write yes to show one, no to drop it; leave it blank to decide later.",
    ]
    for kind, title in (("decision", "decisions"), ("action", "actions")):
        entries: list[str] = []
        for candidate in (candidate for candidate in candidates if candidate.kind == kind):
            text = " ".join(candidate.text.split())
            text = text if len(text) <= 100 else text[:99] + "…"
            entries.append(
                f"  # {candidate.source}:{candidate.line} ({candidate.cue}, {candidate.confidence:.2f}): {text}"
            )
            entries.append(_entry(candidate.id, reviewed.get(candidate.id)))
        listed = {candidate.id for candidate in candidates}
        entries += [
            _entry(record_id, answer)
            for record_id, answer in reviewed.items()
            if review.kinds.get(record_id) == kind and record_id not in listed
        ]
        lines += [f"{title}:", *entries] if entries else [f"{title}: {{}}"]
    return "\n".join(lines) + "\n"


def _entry(record_id: str, answer: bool | None) -> str:
    key = yaml.safe_dump(record_id).splitlines()[0]
    return f"  {key}: {'' if answer is None else 'yes' if answer else 'no'}".rstrip()
