"""Reading note files: bytes to text, with encoding and mojibake repair."""

from __future__ import annotations

from dataclasses import dataclass

import ftfy

from .findings import Finding

# ftfy's default also "fixes" curly quotes into straight ones; notes keep theirs.
_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False)


@dataclass(frozen=True)
class Source:
    """A note's text, ready to parse. ``text`` is None when the file is unusable."""

    path: str  # relative to the docs folder, with forward slashes
    text: str | None
    findings: tuple[Finding, ...] = ()


def decode_note(path: str, data: bytes) -> Source:
    """Decode and repair a note's bytes, reporting what had to be done."""
    findings: list[Finding] = []
    if b"\x00" in data[:8192]:
        return Source(path, None, (Finding(path, 0, "warning", "skipped: binary file with a Markdown name"),))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        text = data.decode("cp1252", errors="replace")
        findings.append(Finding(path, line, "warning", "not UTF-8: decoded as Windows-1252", "save the file as UTF-8"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    repaired = ftfy.fix_text(text, config=_FTFY_CONFIG)
    if repaired != text:
        line = _first_difference_line(text, repaired)
        findings.append(
            Finding(
                path,
                line,
                "warning",
                "repaired mojibake (text decoded with the wrong encoding)",
                "save the repaired text to silence this",
            )
        )
    return Source(path, repaired, tuple(findings))


def read_note(abs_path: str, path: str) -> Source:
    """Read a note file from disk."""
    try:
        with open(abs_path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return Source(path, None, (Finding(path, 0, "error", f"cannot read the file: {error.strerror}"),))
    return decode_note(path, data)


def _first_difference_line(before: str, after: str) -> int:
    before_lines, after_lines = before.split("\n"), after.split("\n")
    for number, (old, new) in enumerate(zip(before_lines, after_lines, strict=False), start=1):
        if old != new:
            return number
    return 1
