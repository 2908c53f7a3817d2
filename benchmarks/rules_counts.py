"""What the rules alone find in the labelled files of every development archive: counts per archive and kind.

A quick check for whoever reshapes ``records/``: a change that should not change what is found must print
the same lines before and after (``make eval`` gives the figures that matter, held out). Usage::

    python benchmarks/rules_counts.py
"""

from __future__ import annotations

import json
import sys

import eval as ev


def main() -> int:
    if not ev.CORPORA.is_dir():
        print(f"no development archives at {ev.CORPORA}: nothing to count")
        return 0
    manifest = json.loads((ev.LABELS / "manifest.json").read_text(encoding="utf-8"))
    for name, entry in manifest.items():
        labels = ev.read_labels(ev.LABELS / f"{name}.jsonl")
        archive = ev.read_archive(name, ev.CORPORA / name, list(entry["files"]), labels)
        for kind in ev.KINDS:
            score = archive.rules.exact[kind]
            counts = f"labels {score.labels:>4} found {score.found:>4} tp {score.tp:>4}"
            print(f"{name:<25} {kind:<9} {counts} F1 {score.f1 or 0.0:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
