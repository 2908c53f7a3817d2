"""The ``minutes`` command: ``minutes check [PATH...]`` lints notes with the build's own parser."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence

from .archive import NoteFile, build_archive
from .findings import Finding, sorted_findings
from .people.people_file import PeopleFile, find_people_file, load_people_file
from .people.review import people_file_draft, review_lines, review_summary


def _note_files(paths: Sequence[str]) -> Iterator[NoteFile]:
    for path in paths:
        if os.path.isdir(path):
            for folder, _, names in sorted(os.walk(path)):
                for name in sorted(names):
                    if name.lower().endswith((".md", ".markdown")) and name not in ("index.md", "README.md"):
                        full = os.path.join(folder, name)
                        yield NoteFile(full, os.path.relpath(full, path).replace(os.sep, "/"))
        else:
            yield NoteFile(path, path.replace(os.sep, "/"))


def format_finding(finding: Finding, github: bool) -> str:
    if github:
        kind = {"error": "error", "warning": "warning"}.get(finding.level, "notice")
        message = finding.message + (f" ({finding.hint})" if finding.hint else "")
        return f"::{kind} file={finding.path},line={max(finding.line, 1)}::{message}"
    return f"{finding.level}: {finding}"


def _people(paths: Sequence[str], people: str | None) -> PeopleFile:
    """The people file given, else ``people.yml`` at the top of the first folder checked."""
    path = people or next((found for p in paths if os.path.isdir(p) and (found := find_people_file(p))), None)
    return load_people_file(path, path.replace(os.sep, "/")) if path else PeopleFile()


def check(paths: Sequence[str], github: bool = False, people: str | None = None, review: bool = False) -> int:
    """Print every finding of the notes under ``paths``; 1 if any is an error.

    With ``review``, print the people review instead (likely junk, likely duplicates) and a draft people file.
    """
    archive = build_archive(_note_files(paths), people=_people(paths, people))
    if review:
        for line in review_lines(archive.people_review, archive.people):
            print(line)
        print(people_file_draft(archive.people_review, archive.people), end="")
        print(review_summary(archive.people_review, len(archive.people)), file=sys.stderr)
        return 0
    findings = sorted_findings(archive.findings)
    for finding in findings:
        print(format_finding(finding, github))
    errors = sum(finding.level == "error" for finding in findings)
    print(f"{archive.accounting}; {errors} errors, {len(findings) - errors} other findings", file=sys.stderr)
    return 1 if errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="minutes", description="Meeting minutes: lint notes before they build.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="lint notes: dates, people, encoding; exit 1 on errors")
    check_parser.add_argument("paths", nargs="*", default=["minutes"], help="note files or folders of notes")
    check_parser.add_argument(
        "--github", action="store_true", default=bool(os.environ.get("GITHUB_ACTIONS")), help="GitHub annotations"
    )
    check_parser.add_argument("--people-file", help="the people file (default: people.yml in the folder checked)")
    check_parser.add_argument(
        "--people", action="store_true", help="list likely junk and duplicate people, and draft a people file"
    )
    args = parser.parse_args(argv)
    return check(args.paths, args.github, args.people_file, args.people)


if __name__ == "__main__":
    sys.exit(main())
