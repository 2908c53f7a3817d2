"""Front matter: read with python-frontmatter, checked against the known keys."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import frontmatter
import yaml

from ..findings import Finding

KNOWN_KEYS = ("title", "date", "end_date", "series", "tags", "attendees", "location", "draft")


@dataclass(frozen=True)
class FrontMatter:
    """The checked front matter of a note and where its body starts."""

    body: str
    body_line: int  # 1-based line of the body's first line in the file
    title: str = ""
    date: dt.date | None = None
    end_date: dt.date | None = None
    series: str = ""
    tags: tuple[str, ...] = ()
    attendees: tuple[str, ...] = ()
    attendees_line: int = 0  # 1-based line of the ``attendees:`` key
    location: str = ""
    draft: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()


def read_front_matter(path: str, text: str) -> FrontMatter:
    """Split and check a note's front matter. Bad values become findings."""
    if not text.startswith("---"):
        return FrontMatter(body=text, body_line=1)
    try:
        meta, body = frontmatter.parse(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
        if context and context_mark is not None and context_mark.line + 1 != line:
            what = context.removeprefix("while parsing ").removeprefix("while scanning ")
            problem += f" in {what} that starts on line {context_mark.line + 1}"
        finding = Finding(
            path, line, "error", f"broken YAML front matter: {problem}", "fix the YAML between the --- lines"
        )
        return FrontMatter(body=_strip_block(text), body_line=_body_line(text), findings=(finding,))
    except ValueError as error:  # YAML timestamps that are not dates: 2024-13-45
        line = _bad_date_line(text)
        finding = Finding(path, line, "error", f"front matter has an impossible date: {error}", "write YYYY-MM-DD")
        return FrontMatter(body=_strip_block(text), body_line=_body_line(text), findings=(finding,))
    findings: list[Finding] = []
    lines = _key_lines(text)

    def fail(key: str, message: str) -> None:
        findings.append(Finding(path, lines.get(key, 1), "error", f"front matter '{key}': {message}"))

    values: dict[str, Any] = {}
    for key in ("date", "end_date"):
        if key in meta:
            value = _as_date(meta[key])
            if value is None:
                fail(key, f"{meta[key]!r} is not a date; write YYYY-MM-DD")
            values[key] = value
    for key in ("title", "series", "location"):
        if key in meta and meta[key] is not None:
            values[key] = str(meta[key]).strip()
    for key in ("tags", "attendees"):
        if key in meta and meta[key] is not None:
            raw = meta[key]
            items = raw.split(",") if isinstance(raw, str) else raw
            if not isinstance(items, list):
                fail(key, "expected a list")
                continue
            values[key] = tuple(str(item).strip() for item in items if str(item).strip())
    if "attendees" in values:
        values["attendees_line"] = lines.get("attendees", 1)
    if "draft" in meta:
        values["draft"] = bool(meta["draft"])
    extra = {key: value for key, value in meta.items() if key not in KNOWN_KEYS}
    return FrontMatter(
        body=body if body.endswith("\n") or not body else body + "\n",
        body_line=_body_line(text),
        extra=extra,
        findings=tuple(findings),
        **values,
    )


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


_BOUNDARY = re.compile(r"-{3,}[ \t]*")


def _body_line(text: str) -> int:
    """The line after the closing ``---`` of the front matter block."""
    lines = text.split("\n")
    if not _BOUNDARY.fullmatch(lines[0]):
        return 1
    for number, line in enumerate(lines[1:], start=2):
        if _BOUNDARY.fullmatch(line):  # as python-frontmatter splits: "---" lines only, never YAML's "..."
            # python-frontmatter strips the blank lines that follow the block
            while number < len(lines) and not lines[number].strip():
                number += 1
            return number + 1
    return 1


def _strip_block(text: str) -> str:
    return "\n".join(text.split("\n")[_body_line(text) - 1 :])


def _bad_date_line(text: str) -> int:
    for number, line in enumerate(text.split("\n")[1 : _body_line(text)], start=2):
        match = re.search(r"\b(\d{4})-(\d\d?)-(\d\d?)\b", line)
        if match and _as_date(f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}") is None:
            return number
    return 1


def _key_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if line.strip() in ("---", "..."):
            break
        if line and not line[0].isspace() and ":" in line:
            lines.setdefault(line.split(":", 1)[0].strip(), number)
    return lines
