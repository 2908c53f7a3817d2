"""Reading note files: bytes to text, with encoding and mojibake repair."""

from __future__ import annotations

import re
from dataclasses import dataclass

import ftfy

from ..findings import Finding

# ftfy's default also "fixes" curly quotes into straight ones; notes keep theirs. Nor does it unescape
# HTML entities: in Markdown "&lt;script&gt;" is text that shows "<script>", never a tag to make.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False, unescape_html=False
)
# What ftfy can repair on a line of ASCII: terminal escapes and control characters (tabs aside).
_ASCII_TROUBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Source:
    """A note's text, ready to parse. ``text`` is None when the file is unusable, and ``skipped`` says why."""

    path: str  # relative to the docs folder, with forward slashes
    text: str | None
    findings: tuple[Finding, ...] = ()
    size: int = 0  # bytes on disk
    skipped: str = ""  # "binary file", "unreadable": why ``text`` is None


# Bytes that Windows-1252 leaves undefined: a file holding them was not written in it.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_note(path: str, data: bytes) -> Source:
    """Decode and repair a note's bytes, reporting what had to be done."""
    findings: list[Finding] = []
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            pass
        else:
            findings.append(Finding(path, 1, "error", "the file is UTF-16: decoded as such", SAVE_AS_UTF8))
            return _repaired(path, text, findings, len(data))
    if b"\x00" in data[:8192]:
        return Source(
            path,
            None,
            (Finding(path, 0, "error", "skipped: binary file with a Markdown name", _BINARY_HINT),),
            len(data),
            "binary file",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        # Windows-1252 is what editors on Windows write; Latin-1 decodes any byte, so nothing is lost.
        encoding = "Latin-1" if _CP1252_HOLES & set(data) else "Windows-1252"
        text = data.decode("latin-1" if encoding == "Latin-1" else "cp1252")
        byte = data[error.start : error.start + 1].hex().upper()
        findings.append(Finding(path, line, "error", f"not UTF-8 (byte 0x{byte}): decoded as {encoding}", SAVE_AS_UTF8))
    return _repaired(path, text, findings, len(data))


SAVE_AS_UTF8 = "check the accents on this line, then save the file as UTF-8"
_BINARY_HINT = "rename it if it is not a note, or exclude it with the plugin's 'exclude' option"


def _repaired(path: str, text: str, findings: list[Finding], size: int) -> Source:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    repaired = _fix(text)
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
    return Source(path, repaired, tuple(findings), size)


def _fix(text: str) -> str:
    """``ftfy.fix_text``, on the lines it may change only.

    ftfy repairs each line on its own; mojibake needs characters beyond ASCII, and on a line of ASCII the
    only repairs left are escapes and control characters. Most lines of most notes are plain ASCII, and
    ftfy costs a millisecond or more per line of transcript: the rest are left as they are, same result.
    """
    if text.isascii() and not _ASCII_TROUBLE.search(text):
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not line.isascii() or _ASCII_TROUBLE.search(line):
            lines[index] = ftfy.fix_text(line, config=_FTFY_CONFIG)
    return "\n".join(lines)


def read_note(abs_path: str, path: str) -> Source:
    """Read a note file from disk."""
    try:
        with open(abs_path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        finding = Finding(path, 0, "error", f"skipped: cannot read the file: {error.strerror}", "check its permissions")
        return Source(path, None, (finding,), 0, "unreadable")
    return decode_note(path, data)


def _first_difference_line(before: str, after: str) -> int:
    before_lines, after_lines = before.split("\n"), after.split("\n")
    for number, (old, new) in enumerate(zip(before_lines, after_lines, strict=False), start=1):
        if old != new:
            return number
    return 1
