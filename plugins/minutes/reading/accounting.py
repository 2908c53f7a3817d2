"""The line that accounts for every note file of a build: what became meetings, what was skipped and why."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import ParsedNote

# How many paths the line names for each reason before it says "and N more".
SHOWN_PATHS = 5


@dataclass(frozen=True)
class Accounting:
    notes: int  # note files read
    built: int  # notes that became at least one meeting
    meetings: int
    skipped: tuple[tuple[str, str], ...]  # (path, why), by path

    def __str__(self) -> str:
        line = f"{self.notes} notes: {self.built} became {self.meetings} meetings, {len(self.skipped)} skipped"
        if not self.skipped:
            return line
        paths: dict[str, list[str]] = defaultdict(list)
        for path, why in self.skipped:
            paths[why].append(path)
        reasons = []
        for why in sorted(paths, key=lambda reason: (-len(paths[reason]), reason)):
            shown = ", ".join(paths[why][:SHOWN_PATHS])
            more = len(paths[why]) - SHOWN_PATHS
            reasons.append(f"{len(paths[why])} {why}: {shown}" + (f" and {more} more" if more > 0 else ""))
        return f"{line} ({'; '.join(reasons)})"


def account(notes: Iterable[ParsedNote]) -> Accounting:
    """Count every note: built into meetings (drafts are not), or skipped with its reason."""
    count = built = meetings = 0
    skipped = []
    for note in notes:
        count += 1
        published = sum(not meeting.draft for meeting in note.meetings)
        if published:
            built += 1
            meetings += published
        else:
            skipped.append((note.path, "draft" if note.meetings else note.skipped or "no meetings"))
    return Accounting(count, built, meetings, tuple(sorted(skipped)))
