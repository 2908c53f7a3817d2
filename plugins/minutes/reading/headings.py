"""ATX headings of a Markdown text, outside fenced code blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True)
class Heading:
    index: int  # 0-based index of the line in the text
    level: int
    text: str


def scan_headings(lines: list[str]) -> list[Heading]:
    """The headings of ``lines``, skipping fenced code blocks."""
    found: list[Heading] = []
    fence: str | None = None
    for index, line in enumerate(lines):
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        if fence is not None:
            continue
        match = _HEADING.match(line)
        if match:
            found.append(Heading(index, len(match.group(1)), (match.group(2) or "").strip()))
    return found


def in_code_mask(lines: list[str]) -> list[bool]:
    """For each line, whether it is inside (or delimits) a fenced code block."""
    mask: list[bool] = []
    fence: str | None = None
    for line in lines:
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            mask.append(True)
            continue
        mask.append(fence is not None)
    return mask
