"""Images that notes link to but the repository does not hold.

Notes pasted from Google Docs, HackMD or Notion often keep ``![](image.png)``
links whose files were never committed. A broken image helps no reader and
fails a strict build, so each one becomes a visible placeholder and a
finding that names the file and line.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from dataclasses import replace
from urllib.parse import unquote

from ..findings import Finding
from ..model import Meeting

_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+\"[^\"\n]*\")?\s*\)")
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#)")


def replace_missing_images(meeting: Meeting, existing: Collection[str]) -> tuple[Meeting, list[Finding]]:
    """``meeting`` with each image whose file is not in ``existing`` replaced by a placeholder."""
    folder = posixpath.dirname(meeting.source)
    findings: list[Finding] = []
    lines = meeting.content.split("\n")
    changed = False
    for index, line in enumerate(lines):
        if "![" not in line:
            continue

        def placeholder(match: re.Match[str], index: int = index) -> str:
            nonlocal changed
            src = match.group("src")
            if _EXTERNAL.match(src):
                return match.group(0)
            target = posixpath.normpath(posixpath.join(folder, unquote(src.split("#")[0].split("?")[0])))
            if target in existing:
                return match.group(0)
            changed = True
            findings.append(
                Finding(
                    meeting.source,
                    meeting.source_line + index,
                    "warning",
                    f"image not found: {src}",
                    "commit the image next to the note, or remove the link",
                )
            )
            return f"*(image not found: `{src}`)*"

        lines[index] = _IMAGE.sub(placeholder, line)
    if not changed:
        return meeting, findings
    # Entries quote the note: the same images would break the person pages.
    missing = {finding.message.removeprefix("image not found: ") for finding in findings}

    def quoted(match: re.Match[str]) -> str:
        src = match.group("src")
        return f"*(image not found: `{src}`)*" if src in missing else match.group(0)

    entries = tuple(replace(entry, text=_IMAGE.sub(quoted, entry.text)) for entry in meeting.entries)
    return replace(meeting, content="\n".join(lines), entries=entries), findings
