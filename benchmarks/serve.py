"""``mkdocs serve``, edit by edit: seconds from saving a note to its page served with the edit.

For each archive size (synthetic teams archives of ``generate.py``), a real ``mkdocs serve`` runs on the
notes (``plugins: [minutes]``, zero configuration). Once it serves, one note at a time is edited (a line
with a word of its own appended), and the edited meeting's page is fetched until it holds the word: the
time from the save to that answer is what a writer waits for. Several edits are made, of notes of
different series; the first edit after start is timed like the others. Usage::

    python benchmarks/serve.py [--meetings 1000 5000] [--edits 3]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402 - a sibling script, not a package

TIMEOUT = 900.0  # seconds to wait for the first build, or for an edit to show


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, word: str, deadline: float) -> float | None:
    while time.monotonic() < deadline:
        page = _fetch(url)
        if page is not None and word in page:
            return time.monotonic()
        time.sleep(0.05)
    return None


def _meeting_url(site: str, note: Path, docs: Path, served: dict[str, str]) -> str:
    """The URL of the page of ``note``: from the served ``minutes.json``, by the note's source path."""
    source = note.relative_to(docs).as_posix()
    return site + served[source]


def bench(meetings: int, edits: int, out: Path) -> dict[str, object]:
    work = out / f"serve-{meetings}"
    docs = work / "notes"
    generate(docs, "teams", meetings, 10, 1)
    subprocess.run(["rm", "-rf", str(work / ".cache")], check=True)
    port = _free_port()
    config = work / "mkdocs.yml"
    settings = {"site_name": "Serve", "docs_dir": "notes", "theme": {"name": "material"}, "plugins": ["minutes"]}
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    site = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"]
    log = (work / "serve.log").open("w")
    server = subprocess.Popen(command, cwd=work, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        start = time.monotonic()
        if _wait_for(site + "minutes.json", '"meetings"', start + TIMEOUT) is None:
            raise SystemExit(f"mkdocs serve did not serve {site} (see {work / 'serve.log'})")
        first = time.monotonic() - start
        served = json.loads(_fetch(site + "minutes.json") or "{}")
        sources = [meeting.get("source") for meeting in served["meetings"]]
        # notes of one meeting each: an appended line is that meeting's (a running log's goes to its oldest)
        pages = {
            m["source"]: m["url"] for m in served["meetings"] if m.get("source") and sources.count(m["source"]) == 1
        }
        notes = [path for path in sorted(docs.rglob("*.md")) if path.relative_to(docs).as_posix() in pages]
        seconds = []
        for number in range(edits):
            note = notes[(number * len(notes)) // max(edits, 1)]
            word = f"servedword{number}x{time.time_ns()}"
            url = _meeting_url(site, note, docs, pages)
            with note.open("a", encoding="utf-8") as handle:
                handle.write(f"\n- {word} was written while mkdocs serve runs\n")
            saved = time.monotonic()
            shown = _wait_for(url, word, saved + TIMEOUT)
            if shown is None:
                raise SystemExit(f"the edit of {note} never showed at {url}")
            seconds.append(shown - saved)
            time.sleep(2.0)  # let the background writing (minutes.json, feeds, search) end
        return {"meetings": meetings, "first_build_s": first, "edit_to_page_s": seconds}
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Seconds from saving a note to its page served, under mkdocs serve.")
    parser.add_argument("--meetings", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args(argv)
    for meetings in args.meetings:
        result = bench(meetings, args.edits, args.out)
        times = ", ".join(f"{value:.1f} s" for value in result["edit_to_page_s"])  # type: ignore[attr-defined]
        print(f"{meetings} meetings: first build served in {result['first_build_s']:.0f} s; edit to page: {times}")


if __name__ == "__main__":
    main()
