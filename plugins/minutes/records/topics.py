"""Topics: what meetings talk about, followed across meetings and years.

A topic comes from any of:

- front matter ``tags:`` (the whole meeting is about it);
- the optional topics file: topic name -> keywords or patterns, e.g.
  ``joblib: [joblib, loky]`` or ``SLEPs: ['/SLEP\\s*\\d+/']`` (a pattern is
  written between slashes; keywords match whole words, any case, plurals too);
- agenda headings that recur across meetings (``## Intl.DurationFormat for
  Stage 3`` and ``## Intl.DurationFormat update`` are one agenda item);
- GitHub repositories that notes reference (``nodejs/node``).

This module reads the topics file and finds, in one meeting's lines, the
keyword matches and the agenda headings; the index decides which headings
recur and gathers everything into ``Topic`` objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..findings import Finding
from ..people.headings import clean_heading_name
from ..reading.blocks import Document
from ..reading.dates import date_in_heading
from ..reading.inline import plain_text
from ..slugs import fold
from ..vocabulary import is_action_heading, is_decision_heading, is_procedural
from ..yaml_file import read_yaml_file

_WORD = re.compile(r"[^\W\d_]+")
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[A-Za-z][.)]|[IVX]+\.)\s+")
_BRACKETS = re.compile(r"\s*(?:\[[^\]]*\]|\([^)]*\))")
# Words of an agenda heading that say where an item stands, not what it is about.
_STATUS = re.compile(
    r"(?i)\s*(?:[-–—:,]\s*)?\b(?:(?:for|to|at|requesting|request for|asking for)\s+)?(?:stage\s*\d(?:\.\d)?"
    r"(?:\s+(?:update|request|proposal|review))?|status\s+updates?|updates?|continued|continuation|cont\.?|"
    r"follow[- ]?up|revisited|part\s+\d+|overflow)\b\s*(?:[-–—:,]\s*)?"
)
MAX_EXCERPT = 240
_TRAILING_REFERENCE = re.compile(r"\s+(?:[\w.-]+/)?[\w.-]*#\d+\s*$")
# ":tada:", ":clock2" (a shortcode whose closing colon the heading lost), and the emoji themselves
_EMOJI = re.compile(r":[a-z0-9_+-]+:?(?=\s|$)|[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+")


@dataclass(frozen=True)
class TopicRule:
    """A topic of the topics file and what marks a line as touching it."""

    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class TopicsFile:
    rules: tuple[TopicRule, ...] = ()
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class KeywordHit:
    index: int  # line (0-based in the meeting)
    rule: int  # position of the rule in the topics file
    excerpt: str


@dataclass(frozen=True)
class AgendaHeading:
    index: int
    name: str  # the heading as a topic name: "Intl.DurationFormat"
    key: str  # ``topic_key`` of the name: what recurring means
    excerpt: str


def keyword_pattern(word: str) -> str:
    """A keyword as a pattern: the whole word, any case, plural allowed; ``SLEP`` also finds ``SLEP06``."""
    escaped = re.escape(word.strip())
    return rf"(?<!\w){escaped}(?:e?s)?(?![^\W\d_])"


def parse_topics(data: Any, path: str, text: str = "") -> TopicsFile:
    """Topics from the loaded YAML of a topics file; every problem a finding naming the file and line."""
    findings: list[Finding] = []

    def line_of(needle: str) -> int:
        position = text.find(needle)
        return text.count("\n", 0, position) + 1 if position >= 0 else 0

    if data is None:
        return TopicsFile()
    if isinstance(data, dict) and isinstance(data.get("topics"), dict | list):
        data = data["topics"]
    if isinstance(data, list):  # a list of one-key mappings or of names
        merged: dict[Any, Any] = {}
        for entry in data:
            if isinstance(entry, dict):
                merged.update(entry)
            else:
                merged[entry] = None
        data = merged
    if not isinstance(data, dict):
        return TopicsFile((), (Finding(path, 1, "error", "the topics file must map topic names to keywords"),))
    rules: list[TopicRule] = []
    for name, value in data.items():
        name = str(name).strip()
        if not name:
            continue
        words: list[Any]
        if value is None:
            words = [name]
        elif isinstance(value, str):
            words = [value]
        elif isinstance(value, list):
            words = value
        elif isinstance(value, dict):
            words = [*(value.get("keywords") or []), *(f"/{p}/" for p in value.get("patterns") or [])]
            if not words:
                words = [name]
        else:
            findings.append(
                Finding(path, line_of(name), "error", f"topic {name!r}: expected a list of keywords or patterns")
            )
            continue
        parts = []
        for word in words:
            word = str(word)
            if len(word) >= 3 and word.startswith("/") and word.endswith("/"):
                try:
                    re.compile(word[1:-1])
                except re.error as error:
                    findings.append(
                        Finding(
                            path,
                            line_of(word[1:-1]) or line_of(name),
                            "error",
                            f"topic {name!r}: invalid pattern {word}: {error}",
                            "write a Python regular expression between the slashes",
                        )
                    )
                    continue
                parts.append(f"(?:{word[1:-1]})")
            elif word.strip():
                parts.append(keyword_pattern(word))
        if parts:
            rules.append(TopicRule(name, re.compile("|".join(parts), re.IGNORECASE)))
    return TopicsFile(tuple(rules), tuple(findings))


def load_topics_file(path: str, display_path: str) -> TopicsFile:
    """Read the topics file at ``path``; ``display_path`` is how findings name it."""
    loaded = read_yaml_file(path, display_path, "topics file")
    if loaded.error is not None:
        return TopicsFile((), (loaded.error,))
    return parse_topics(loaded.data, display_path, loaded.text)


class KeywordMatcher:
    """All rules of a topics file at once: a line that matches none costs one search."""

    def __init__(self, rules: tuple[TopicRule, ...]) -> None:
        self.rules = rules
        self.any = (
            re.compile("|".join(f"(?:{rule.pattern.pattern})" for rule in rules), re.IGNORECASE) if rules else None
        )

    def hits(self, document: Document) -> list[KeywordHit]:
        found: list[KeywordHit] = []
        if self.any is None:
            return found
        for index, line in enumerate(document.lines):
            if document.verbatim[index] or not self.any.search(line):
                continue
            for position, rule in enumerate(self.rules):
                if rule.pattern.search(line):
                    found.append(KeywordHit(index, position, plain_text(line, MAX_EXCERPT)))
        return found


# The index asks again, at each build, for the key of every topic's spellings and every decision's agenda item.
@lru_cache(maxsize=1 << 16)
def topic_key(name: str) -> str:
    """What makes two spellings one topic: case, accents, punctuation and spacing aside, and a repository
    counts by its name (``XYZ-402``, ``XYZ402``, ``Xyz 402`` and ``org/xyz402`` are one key, ``xyz402``)."""
    name = name.strip()
    repository = re.fullmatch(r"[\w.-]+/([\w.-]+)", name)
    if repository:
        name = repository.group(1)
    return "".join(char for char in fold(name) if char.isalnum())


@lru_cache(maxsize=1 << 16)
def agenda_name(text: str) -> str:
    """A heading as an agenda item: numbering, brackets, emoji and status words gone."""
    name = clean_heading_name(text)
    name = _EMOJI.sub(" ", name)
    name = _NUMBERING.sub("", name)
    name = _BRACKETS.sub("", name)
    name = _TRAILING_REFERENCE.sub("", name).strip().strip('"“”').strip()  # '"Deprecate target_vendor" lang-team#102'
    name = _STATUS.sub(" ", name)
    return re.sub(r"\s+", " ", name).strip(" -–—:,.;")


def agenda_headings(document: Document, people_lines: frozenset[int] = frozenset()) -> list[AgendaHeading]:
    """The headings of a meeting that may be agenda items (whether they recur is the index's question)."""
    found: list[AgendaHeading] = []
    for position, heading in enumerate(document.headings):
        if heading.index in people_lines or (position == 0 and heading.level == 1):
            continue
        text = clean_heading_name(heading.text)
        if not text or len(text) > 100 or date_in_heading(text):
            continue
        if is_decision_heading(text) or is_action_heading(text):
            continue
        name = agenda_name(text)
        if not _WORD.search(name) or (is_procedural(name) and not re.search(r"\d", name)):
            continue  # "Need decision", "Adoption of the agenda"; not "The 1.6 release"
        end = document.section_end(position)
        body = plain_text(document.block(heading.index + 1, min(end, heading.index + 12)), MAX_EXCERPT)
        found.append(AgendaHeading(heading.index, name, topic_key(name), body))
    return found
