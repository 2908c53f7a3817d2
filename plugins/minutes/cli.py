"""The ``minutes`` command, for note takers and CI: ``new``, ``check`` and ``export``.

Each command loads the site's ``mkdocs.yml`` (``-f FILE``, else the nearest one above the paths given or
in the current folder) and reads the notes as the build does: the same files (MkDocs' own file listing,
with ``exclude_docs``), read by the same function as the plugin's (``settings.read_site``): the same options,
the same core, the same cache of parsed notes.

- ``minutes new [--series S] [--date D] [--title T]``: the next note of a series (``new_note``).
- ``minutes check [PATH...]``: every finding of the notes at PATH (files or folders, as given on the
  command line, such as pre-commit passes them), as ``path:line: level: message``, or as GitHub
  annotations under Actions, with a job summary of what the notes add; exit status 1 on errors.
- ``minutes export DIR``: the built archive as a docs folder for an engine that runs no MkDocs plugin.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import json
import logging
import os
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import yaml_load

from .export import KEPT_SETTINGS, THEME_SETTINGS, Export, export_config, exported_page, head_assets, write_export
from .findings import Finding, sorted_findings
from .index import Archive
from .new_note import NoteError, plan_note
from .paths import (
    CALENDAR,
    DECISIONS_FEED,
    FEEDS_DIR,
    JSON,
    MEETINGS_FEED,
    PERSON_FEED_PREFIX,
    SEARCH,
    SEARCH_SCRIPT,
    SEARCH_STYLESHEET,
    TOPIC_FEED_PREFIX,
)
from .people.review import people_file_draft, review_lines, review_summary
from .reading.inline import plain_text
from .records.review import Candidate, review_draft
from .settings import Settings, SourceFile
from .settings import read_site as settings_read_site
from .site.words import Words

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


class UsageError(Exception):
    """A command that cannot run as asked: the message says why."""


@dataclass
class Site:
    """A site's notes, read as its build reads them."""

    config: MkDocsConfig
    settings: Settings
    files: Files
    notes: tuple[str, ...]  # the note files, relative to the docs folder
    archive: Archive

    def source(self, finding_path: str) -> str:
        """The file a finding names, as a path from the current folder (absolute outside it)."""
        names = {name: path for path, name in self.settings.data_files.items()}
        path = names.get(finding_path) or os.path.join(self.settings.docs_dir, *finding_path.split("/"))
        return _shown(path)


def _shown(path: str) -> str:
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative.replace(os.sep, "/")


def find_config(config_file: str | None, paths: Sequence[str] = ()) -> str | None:
    """``config_file``, else the nearest ``mkdocs.yml`` above the first path (or the current folder)."""
    if config_file:
        if not os.path.isfile(config_file):
            raise UsageError(f"{config_file}: no such configuration file")
        return config_file
    start = os.path.abspath(paths[0]) if paths else os.getcwd()
    folder = start if os.path.isdir(start) else os.path.dirname(start)
    while True:
        for name in CONFIG_NAMES:
            if os.path.isfile(candidate := os.path.join(folder, name)):
                return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _quiet() -> Iterator[_Errors]:
    """MkDocs' messages while loading are not the command's output; its errors are kept, to be said once."""
    logger = logging.getLogger("mkdocs")
    level, propagate = logger.level, logger.propagate
    errors = _Errors()
    logger.setLevel(logging.ERROR)
    logger.propagate = False
    logger.addHandler(errors)
    try:
        yield errors
    finally:
        logger.removeHandler(errors)
        logger.setLevel(level)
        logger.propagate = propagate


def load_site_config(config_file: str | None, paths: Sequence[str] = ()) -> MkDocsConfig:
    """The site's configuration; without a ``mkdocs.yml``, a folder given is a folder of notes with no options."""
    found = find_config(config_file, paths)
    with _quiet() as errors:
        try:
            if found:
                return load_config(found)
            folder = next((path for path in paths if os.path.isdir(path)), ".")
            print(f"minutes: no mkdocs.yml found: reading {folder} with the default options", file=sys.stderr)
            site = os.path.join(tempfile.gettempdir(), "minutes-site")  # never built: only to be outside the notes
            config = {"site_name": "Minutes", "docs_dir": os.path.abspath(folder), "site_dir": site}
            return load_config(io.StringIO(json.dumps(config)))
        except (ConfigurationError, Abort) as error:
            said = "; ".join(errors.messages) or str(error)
            raise UsageError(f"{found or 'the default configuration'}: {said}") from error


def read_site(config: MkDocsConfig) -> Site:
    """The archive of the site's notes, read exactly as ``MinutesPlugin.on_files`` reads them."""
    plugin = config.plugins.get("minutes")
    with _quiet():
        files = get_files(config)
        files.add_files_from_theme(config.theme.get_env(), config)
    pages = {file.src_uri for file in files.documentation_pages()}
    read = settings_read_site(
        config.docs_dir,
        getattr(plugin, "config", None) or {},
        [SourceFile(file.src_uri, file.abs_src_path, file.src_uri in pages) for file in files],
        config_file=config.config_file_path,
        repo_url=config.repo_url or "",
        toc=config.mdx_configs.get("toc", {}),
    )
    for path in read.unpublished:
        files.remove(files.src_uris[path])
    return Site(config, read.settings, files, read.notes, read.archive)


# --- minutes check -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """What the paths given stand for: notes (relative to the docs folder), folders of them, data files."""

    everything: bool
    files: frozenset[str] = frozenset()
    folders: tuple[str, ...] = ()
    data_files: frozenset[str] = frozenset()  # as findings name them

    def __contains__(self, path: str) -> bool:
        return self.everything or path in self.files or path in self.data_files or path.startswith(self.folders)


def select(paths: Sequence[str], settings: Settings) -> Selection:
    """Map the paths given (from the current folder) to the docs folder; what lies outside it is said and left."""
    if not paths:
        return Selection(True)
    files: set[str] = set()
    folders: list[str] = []
    data: set[str] = set()
    docs = settings.docs_dir
    for given in paths:
        path = os.path.abspath(given)
        if path in settings.data_files:
            data.add(settings.data_files[path])
        elif path == docs:
            return Selection(True)
        elif not path.startswith(docs + os.sep):
            print(f"minutes: {given}: not in the docs folder ({_shown(docs)}): not checked", file=sys.stderr)
        elif os.path.isdir(path):
            folders.append(os.path.relpath(path, docs).replace(os.sep, "/") + "/")
        elif os.path.exists(path):
            files.add(os.path.relpath(path, docs).replace(os.sep, "/"))
        else:
            print(f"minutes: {given}: no such file: not checked", file=sys.stderr)
    return Selection(False, frozenset(files), tuple(folders), frozenset(data))


def _escape(text: str, property: bool = False) -> str:
    """A GitHub workflow command's data (or property value), escaped as the runner reads it."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


def format_finding(finding: Finding, path: str, github: bool) -> str:
    """``path:line: level: message (hint)``, or a GitHub annotation on that line."""
    message = finding.message + (f" ({finding.hint})" if finding.hint else "")
    if github:
        kind = {"error": "error", "warning": "warning"}.get(finding.level, "notice")
        where = f"file={_escape(path, True)}" + (f",line={finding.line}" if finding.line else "")
        return f"::{kind} {where},title=minutes check::{_escape(message)}"
    where = f"{path}:{finding.line}" if finding.line else path
    return f"{where}: {finding.level}: {message}"


_LABELS = {"decision": "Decision:", "action": "ACTION:"}


def candidates(archive: Archive, selection: Selection | None = None) -> list[Candidate]:
    """The records read from the text that the site does not show (of the notes of ``selection``), in order."""
    chosen = selection or Selection(True)
    found = [
        Candidate(kind, record.id, meeting.source, record.line, record.text, record.cue, record.confidence)
        for kind, records in (("decision", archive.candidate_decisions), ("action", archive.candidate_actions))
        for record in records
        if (meeting := archive.meeting(record.meeting)).source in chosen
    ]
    return sorted(found, key=lambda candidate: (candidate.source, candidate.line, candidate.kind))


def format_candidate(candidate: Candidate, path: str, github: bool) -> str:
    """``path:line: candidate: reads as a decision ...``: what the note's author confirms by labelling it."""
    kind = "an action item" if candidate.kind == "action" else "a decision"
    message = (
        f"reads as {kind} ({candidate.cue}, confidence {candidate.confidence:.2f}): write"
        f" `{_LABELS[candidate.kind]}` to publish it"
    )
    if github:
        return f"::notice file={_escape(path, True)},line={candidate.line},title=minutes check::{_escape(message)}"
    return f"{path}:{candidate.line}: candidate: {message}"


def summary(
    site: Site, selection: Selection, findings: Sequence[Finding], unconfirmed: Sequence[Candidate] = ()
) -> str:
    """A Markdown job summary: the meetings, decisions and action items of the notes checked, the candidates
    among what was read from their text (``unconfirmed``), and the findings."""
    archive = site.archive
    meetings = [meeting for meeting in archive.meetings if meeting.source in selection]
    ids = {meeting.id for meeting in meetings}
    decisions = [decision for decision in archive.decisions if decision.meeting in ids]
    actions = [action for action in archive.actions if action.meeting in ids]
    errors = sum(finding.level == "error" for finding in findings)

    def cell(text: str, size: int = 100) -> str:
        return plain_text(text, size).replace("|", "\\|").replace("<", "&lt;")

    def count(number: int, word: str) -> str:
        return f"{number} {word}{'' if number == 1 else 's'}"

    lines = [
        "## Minutes check",
        "",
        f"{count(len(meetings), 'meeting')}, {count(len(decisions), 'decision')}, "
        f"{count(len(actions), 'action item')}; {count(errors, 'error')}, "
        f"{count(len(findings) - errors, 'other finding')}.",
        "",
    ]
    if meetings:
        words = Words()  # a meeting's title, "<series> meeting" when the note gives none, as the site says it
        lines += ["| Date | Series | Meeting | Attendees | Source |", "| --- | --- | --- | --- | --- |"]
        for meeting in meetings:
            people = ", ".join(archive.person(person).name for person in archive.attendees.get(meeting.id, ()))
            source = f"`{site.source(meeting.source)}:{meeting.source_line}`"
            series, title = archive.series[meeting.series].name, words.title(meeting)
            lines.append(
                f"| {meeting.date.isoformat()} | {cell(series)} | {cell(title)} | {cell(people, 200)} | {source} |"
            )
        lines.append("")
    if decisions:
        lines += ["### Decisions", ""]
        for decision in decisions:
            lines.append(f"- {archive.meeting(decision.meeting).date.isoformat()}: {cell(decision.text, 200)}")
        lines.append("")
    if actions:
        lines += ["### Action items", ""]
        for action in actions:
            owners = ", ".join(archive.person(owner).name for owner in action.owners) or "no owner"
            when = archive.meeting(action.meeting).date.isoformat()
            lines.append(
                f"- [{'x' if action.status == 'done' else ' '}] {when}: {cell(action.text, 200)} ({cell(owners)})"
            )
        lines.append("")
    if unconfirmed:
        lines += ["### Candidates", "", "Read from the text, not shown on the site until the note labels them:", ""]
        for candidate in unconfirmed:
            where = f"`{site.source(candidate.source)}:{candidate.line}`"
            lines.append(
                f"- {candidate.kind} ({candidate.cue}, {candidate.confidence:.2f}) {where}: {cell(candidate.text, 200)}"
            )
        lines.append("")
    if findings:
        lines += ["### Findings", ""]
        lines += [f"- {cell(format_finding(finding, site.source(finding.path), False), 300)}" for finding in findings]
        lines.append("")
    return "\n".join(lines)


def check(
    paths: Sequence[str] = (), config_file: str | None = None, github: bool | None = None, summary_file: str = ""
) -> int:
    """Print every finding of the notes at ``paths`` (all the site's notes by default); 1 if any is an error."""
    github = bool(os.environ.get("GITHUB_ACTIONS")) if github is None else github
    site = read_site(load_site_config(config_file, paths))
    selection = select(paths, site.settings)
    for path in sorted(selection.files - set(site.notes)):
        print(
            f"minutes: {site.source(path)}: not a note of this site (see notes and exclude): not checked",
            file=sys.stderr,
        )
    findings = [finding for finding in sorted_findings(site.archive.findings) if finding.path in selection]
    for finding in findings:
        print(format_finding(finding, site.source(finding.path), github))
    errors = sum(finding.level == "error" for finding in findings)
    unconfirmed = candidates(site.archive, selection)
    if not selection.everything:
        for candidate in unconfirmed:
            print(format_candidate(candidate, site.source(candidate.source), github))
    counts = f"{errors} errors, {len(findings) - errors} other findings"
    if unconfirmed:
        counts += f", {len(unconfirmed)} candidates"
    if selection.everything and unconfirmed:
        counts += " (minutes check NOTE lists those of a note; minutes check --records drafts a review file)"
    if selection.everything:
        print(f"{site.archive.accounting}; {counts}", file=sys.stderr)
    else:
        checked = sum(path in selection for path in site.notes)
        notes = f"{checked} note{'' if checked == 1 else 's'}"
        print(f"{notes} checked, of {site.archive.accounting}; {counts}", file=sys.stderr)
    summary_file = summary_file or (os.environ.get("GITHUB_STEP_SUMMARY", "") if github else "")
    if summary_file:
        with open(summary_file, "a", encoding="utf-8") as handle:
            handle.write(summary(site, selection, findings, unconfirmed) + "\n")
    return 1 if errors else 0


def review_records(config_file: str | None = None, paths: Sequence[str] = ()) -> int:
    """Draft the records review file (``records.yml`` beside the notes, or the configured ``records_file``):
    every candidate of the archive, with the answers already given kept; print its path."""
    site = read_site(load_site_config(config_file, paths))
    settings = site.settings
    path = settings.records_file
    unconfirmed = candidates(site.archive)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(review_draft(unconfirmed, settings.records.review))
    print(f"minutes: {_shown(path)}: {len(unconfirmed)} candidates to review (yes or no)", file=sys.stderr)
    return 0


def review_people(config_file: str | None = None, paths: Sequence[str] = ()) -> int:
    """Print the people review (likely junk, likely duplicates, with file:line) and a draft people file."""
    site = read_site(load_site_config(config_file, paths))
    archive = site.archive
    for line in review_lines(archive.people_review, archive.people):
        print(line)
    print(people_file_draft(archive.people_review, archive.people), end="")
    print(review_summary(archive.people_review, len(archive.people)), file=sys.stderr)
    return 0


# --- minutes new ---------------------------------------------------------------------------------------------------


def new(series: str | None, date: dt.date | None, title: str | None, config_file: str | None = None) -> int:
    """Write the next note of ``series`` and print its path; 1 if it exists already."""
    site = read_site(load_site_config(config_file))
    try:
        note = plan_note(site.archive, site.settings, date or dt.date.today(), series, title)
    except NoteError as error:
        print(f"minutes: {error}", file=sys.stderr)
        return 1
    target = os.path.join(site.settings.docs_dir, *note.path.split("/"))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "x" if note.created else "w", encoding="utf-8") as handle:
        handle.write(note.text)
    what = "new note" if note.created else "new section in"
    people = f", {len(note.attendees)} attendees of the last meeting" if note.attendees else ""
    print(f"minutes: {what} {_shown(target)} (series {note.series}{people})", file=sys.stderr)
    print(_shown(target))
    return 0


# --- minutes export ------------------------------------------------------------------------------------------------


class _Collector(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Keeps what the build made, for the export: the nav, each generated page as written, the files."""

    def __init__(self, export: Export) -> None:
        self.export = export
        self.files: Files | None = None
        self.nav: Navigation | None = None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.files = files
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav  # written out after the build, once every page has its title
        return nav

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.generated_by == "minutes" and page.file.src_uri != SEARCH:  # Pagefind's page: not exported
            title = html.unescape(page.title or "")
            self.export.pages.append(exported_page(page.file.src_uri, page.url, title, output))
        return output


def _follow_feeds(built: str) -> list[str]:
    """The person and topic feeds the build wrote at the site root (``paths.person_feed``, ``paths.topic_feed``)."""
    return sorted(
        name
        for name in os.listdir(built)
        if name.endswith(".xml") and name.startswith((PERSON_FEED_PREFIX, TOPIC_FEED_PREFIX))
    )


def _nav(items: Sequence[Any]) -> list[Any]:
    """A nav as ``mkdocs.yml`` writes it."""
    result: list[Any] = []
    for item in items:
        title = html.unescape(item.title or "")
        if isinstance(item, Page):
            result.append({title: item.file.src_uri} if title else item.file.src_uri)
        elif isinstance(item, Section):
            result.append({title: _nav(item.children)})
        elif isinstance(item, Link):
            result.append({title: item.url})
    return result


def _site_theme(config: MkDocsConfig) -> Any:
    """The ``theme`` of the site's ``mkdocs.yml`` as written (a name or a mapping), without the theme's defaults."""
    if not config.config_file_path or not os.path.isfile(config.config_file_path):
        return config.theme.name
    with open(config.config_file_path, encoding="utf-8-sig") as handle:
        raw = yaml_load(handle)
    return (raw or {}).get("theme") or config.theme.name


def _plain(value: Any) -> Any:
    """Configuration values as plain YAML: MkDocs' config objects become dicts and lists."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def export(target: str, config_file: str | None = None) -> int:
    """Build the site and write it to ``target`` as a docs folder with a ``mkdocs.yml`` that needs no plugin."""
    config = load_site_config(config_file)
    if config.plugins.get("minutes") is None:
        raise UsageError(f"{config.config_file_path}: the site does not use the minutes plugin: nothing to export")
    if os.path.exists(target) and os.listdir(target):
        raise UsageError(f"{target}: not an empty folder: the export would mix with what is there")
    collected = Export()
    collector = _Collector(collected)
    config.plugins["minutes-export"] = collector
    with tempfile.TemporaryDirectory(prefix="minutes-export-") as built:
        config.site_dir = built
        try:
            build(config)
        except Abort as error:
            raise UsageError(f"the build failed: {error}") from error
        assert collector.files is not None and collector.nav is not None
        collected.nav = _nav(collector.nav.items)
        docs = os.path.abspath(config.docs_dir)
        for file in collector.files:
            if file.generated_by == "minutes" and file.is_documentation_page():
                continue  # rendered: exported from the build's page
            if file.generated_by:
                collected.contents[file.src_uri] = file.content_bytes
            elif file.abs_src_path and os.path.abspath(file.abs_src_path).startswith(docs + os.sep):
                collected.files[file.src_uri] = file.abs_src_path
        for path in (JSON, MEETINGS_FEED, DECISIONS_FEED, CALENDAR, *_follow_feeds(built)):
            if os.path.isfile(os.path.join(built, path)):
                collected.files[path] = os.path.join(built, path)
        feeds = os.path.join(built, FEEDS_DIR)
        for name in sorted(os.listdir(feeds)) if os.path.isdir(feeds) else ():
            collected.files[f"{FEEDS_DIR}/{name}"] = os.path.join(feeds, name)
        collected.page_urls.update(
            {file.url: file.src_uri for file in collector.files.documentation_pages() if file.page is not None}
        )
        css, js = head_assets(collected)
        # the theme as the site sets it, not the defaults of Material's own files (its favicon, its fonts)
        given = _site_theme(config)
        theme = {key: given[key] for key in THEME_SETTINGS if key in given} if isinstance(given, Mapping) else {}
        theme["name"] = config.theme.name
        text = export_config(
            _plain({key: config.get(key) for key in KEPT_SETTINGS}),
            _plain(theme),
            [name for name in config.markdown_extensions if isinstance(name, str)],
            _plain(config.mdx_configs),
            # Pagefind's box and page are the plugin's: an engine without it has a search of its own
            [path for path in (*css, *map(str, config.extra_css)) if path != SEARCH_STYLESHEET],
            [script for script in (*js, *map(str, config.extra_javascript)) if script != SEARCH_SCRIPT],
            collected.nav,
        )
        written = write_export(collected, target, text)
    pages = len(collected.pages)
    print(f"minutes: exported {pages} pages and {len(written) - pages - 1} files to {_shown(target)}", file=sys.stderr)
    print(_shown(os.path.join(target, "mkdocs.yml")))
    return 0


# --- the command line ----------------------------------------------------------------------------------------------


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="minutes", description="Meeting minutes: write, check and export notes.")
    commands = parser.add_subparsers(dest="command", required=True)
    config = argparse.ArgumentParser(add_help=False)
    config.add_argument("-f", "--config-file", help="the site's mkdocs.yml (default: the nearest one)")

    new_parser = commands.add_parser("new", parents=[config], help="write the next note of a series")
    new_parser.add_argument("--series", help="series id or name (default: the newest meeting's)")
    new_parser.add_argument("--date", type=_date, help="the meeting's date, YYYY-MM-DD (default: today)")
    new_parser.add_argument("--title", help="the meeting's title")

    check_parser = commands.add_parser(
        "check", parents=[config], help="lint notes as the build reads them; exit 1 on errors"
    )
    check_parser.add_argument("paths", nargs="*", help="note files or folders (default: the whole docs folder)")
    check_parser.add_argument(
        "--github",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="GitHub annotations and a job summary (default: under GitHub Actions)",
    )
    check_parser.add_argument(
        "--people", action="store_true", help="list likely junk and duplicate people, and draft a people file"
    )
    check_parser.add_argument(
        "--records",
        action="store_true",
        help="draft records.yml: every record read from the text that the site does not show, to answer yes or no",
    )
    export_parser = commands.add_parser(
        "export", parents=[config], help="write the built archive as a docs folder for engines without plugins"
    )
    export_parser.add_argument("dir", help="an empty or new folder: DIR/mkdocs.yml and DIR/docs/")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "new":
            return new(args.series, args.date, args.title, args.config_file)
        if args.command == "export":
            return export(args.dir, args.config_file)
        if args.people:
            return review_people(args.config_file, args.paths)
        if args.records:
            return review_records(args.config_file, args.paths)
        return check(args.paths, args.config_file, args.github)
    except UsageError as error:
        print(f"minutes: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
