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
from urllib.parse import unquote

from ..findings import Finding
from .blocks import Document

_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#)")


def missing_images(path: str, document: Document, existing: Collection[str]) -> tuple[list[str] | None, list[Finding]]:
    """The note's lines with each image whose file is not in ``existing`` replaced by a placeholder.

    ``path`` is the note's path in the docs folder, against which images are resolved; None when every
    image is there.
    """
    folder = posixpath.dirname(path)
    findings: list[Finding] = []
    lines = list(document.lines)
    for index, line in enumerate(document.lines):
        if "![" not in line or not document.is_text(index):
            continue
        for link in reversed(document.links(index)):  # from the right, so that the columns stay true
            src = link.target
            if not link.image or _EXTERNAL.match(src):
                continue
            target = posixpath.normpath(posixpath.join(folder, unquote(src.split("#")[0].split("?")[0])))
            if target in existing:
                continue
            lines[index] = lines[index][: link.start] + f"*(image not found: `{src}`)*" + lines[index][link.end :]
            findings.append(
                Finding(
                    path,
                    document.first_line + index,
                    "warning",
                    f"image not found: {src}",
                    "commit the image next to the note, or remove the link",
                )
            )
    findings.reverse()
    return (lines if findings else None), sorted(findings, key=lambda finding: finding.line)
