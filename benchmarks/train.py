"""Train the classifier's small learned model on the dev labels, and compare it with the rules.

The rules of ``records.classify`` read each unit of a meeting (a list item, a sentence) and give it a
verdict; ``records.classify._features`` says what they read (their cues and scores, the unit's place, its
first words). This script builds every development archive as ``benchmarks/eval.py`` does, collects the
features of the units of the **dev** files only (held-out files are built with their archive, as by the
evaluation, but their units are dropped unread), and fits one logistic regression per kind (decision,
action) on the dev labels, in pure Python: L2-regularised, full-batch gradient descent.

- ``--cv`` scores rules and model on the same units, leaving one dev file out at a time (the model is
  trained on the others): precision, recall and F1 per archive and kind, on the units the classifier reads
  (what the notes label themselves is the same for both and left out);
- ``--write`` writes the model trained on every dev file to ``plugins/minutes/records/classifier.json``.

The plugin uses the rules unless ``records.classify.CLASSIFIER`` is "model"; ``eval.py --classifier model``
scores the model on the labels. Usage::

    python benchmarks/train.py [--cv] [--write] [--l2 1.0]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import eval as ev

import minutes.parse
import minutes.records.classify as classify
from minutes.model import EXPLICIT_CUES

KINDS = ("decision", "action")


@dataclass(frozen=True)
class Unit:
    archive: str
    file: str
    line: int  # 1-based in the note file
    features: dict[str, float]
    rules: dict[str, float]  # kind -> the rules' score
    labelled: frozenset[str]  # the kinds its line is labelled with
    explicit: frozenset[str]  # the kinds the note labels itself there (the rules decide them)


@contextmanager
def collecting() -> Iterator[list[tuple[str, Any, list[tuple[int, dict[str, float], float, float]]]]]:
    """Collect, while it runs, every meeting's units and features, with the note they come from."""
    collected: list[tuple[str, Any, list[tuple[int, dict[str, float], float, float]]]] = []
    original = minutes.parse.parse_note

    def parse_note(source: Any, *args: Any, **kwargs: Any) -> Any:
        start = len(sink)
        note = original(source, *args, **kwargs)
        for document, features in sink[start:]:
            collected.append((source.path, document, features))
        return note

    sink: list[tuple[Any, list[tuple[int, dict[str, float], float, float]]]] = []
    classify.FEATURES = sink
    minutes.parse.parse_note = parse_note
    try:
        yield collected
    finally:
        classify.FEATURES = None
        minutes.parse.parse_note = original


def dev_units(corpora: Path, labels_dir: Path) -> list[Unit]:
    """The units of every dev file of the archives of the manifest, with their features and labels."""
    manifest = json.loads((labels_dir / "manifest.json").read_text(encoding="utf-8"))
    units: list[Unit] = []
    for name, splits in manifest.items():
        folder = corpora / name
        if not folder.is_dir():
            continue
        dev = set(splits["dev"])
        labelled: dict[tuple[str, int], set[str]] = defaultdict(set)
        for label in ev.read_labels(labels_dir / name / "dev.jsonl"):
            labelled[(label.file, label.line)].add(label.kind)
        with collecting() as collected:
            extraction = ev.extract(folder)
        found: dict[tuple[str, int], set[str]] = defaultdict(set)
        for item in extraction.found:
            found[(item.file, item.line)].add(item.kind)
        for path, document, features in collected:
            if path not in dev:
                continue  # a held-out note: built with its archive, never read here
            for index, unit_features, decision, action in features:
                line = document.first_line + index
                rules = {"decision": decision, "action": action}
                explicit = frozenset(
                    kind for kind in KINDS if any(f"rule-{kind}:{cue}" in unit_features for cue in EXPLICIT_CUES)
                )
                units.append(
                    Unit(name, path, line, unit_features, rules, frozenset(labelled.get((path, line), ())), explicit)
                )
    return units


def train(units: Sequence[Unit], kind: str, l2: float = 1.0, steps: int = 400, rate: float = 0.5) -> dict[str, float]:
    """A logistic regression of ``kind`` over the units' features: weights by feature name, "" the bias."""
    rows = [(unit.features, 1.0 if kind in unit.labelled else 0.0) for unit in units if kind not in unit.explicit]
    weights: dict[str, float] = defaultdict(float)
    if not rows:
        return {}
    count = len(rows)
    for _ in range(steps):
        gradient: dict[str, float] = defaultdict(float)
        for features, target in rows:
            score = weights[""] + sum(weights[name] * value for name, value in features.items())
            error = 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0))) - target
            gradient[""] += error
            for name, value in features.items():
                gradient[name] += error * value
        for name, value in gradient.items():
            penalty = 0.0 if name == "" else l2 * weights[name]
            weights[name] -= rate * (value + penalty) / count
    return {name: round(value, 4) for name, value in weights.items() if abs(value) >= 1e-4 or name == ""}


def _probability(weights: dict[str, float], features: dict[str, float]) -> float:
    score = weights.get("", 0.0) + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))


def cross_validate(units: Sequence[Unit], l2: float, out: Callable[[str], None] = print) -> None:
    """Rules against the model trained without the file, one dev file left out at a time, on the units the
    classifier reads (not the ones the notes label themselves)."""
    files = sorted({(unit.archive, unit.file) for unit in units})
    counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, found, labels
    for archive, file in files:
        training = [unit for unit in units if unit.file != file]
        models = {kind: train(training, kind, l2) for kind in KINDS}
        for unit in units:
            if unit.file != file:
                continue
            for kind in KINDS:
                if kind in unit.explicit:
                    continue
                truth = kind in unit.labelled
                for name, verdict in (
                    ("rules", unit.rules[kind] >= classify.THRESHOLD - 1e-9),
                    ("model", _probability(models[kind], unit.features) >= classify.THRESHOLD),
                ):
                    tally = counts[(archive, kind, name)]
                    tally[0] += truth and verdict
                    tally[1] += verdict
                    tally[2] += truth
    out("leave-one-file-out on the dev units the classifier reads: tp/found/labels, precision, recall, F1")
    for archive in sorted({unit.archive for unit in units}):
        for kind in KINDS:
            line = f"  {archive:<26} {kind:<9}"
            for name in ("rules", "model"):
                tp, found, labels = counts[(archive, kind, name)]
                precision = tp / found if found else 0.0
                recall = tp / labels if labels else 0.0
                f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
                line += f" | {name} {tp:>3}/{found:>3}/{labels:>3} P {precision:.2f} R {recall:.2f} F1 {f1:.2f}"
            out(line)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--cv", action="store_true", help="leave-one-file-out: rules against the model")
    parser.add_argument("--write", action="store_true", help=f"write the model to {classify.MODEL_FILE}")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 regularisation (1.0)")
    parser.add_argument("--corpora", type=Path, default=ev.CORPORA)
    parser.add_argument("--labels", type=Path, default=ev.LABELS)
    args = parser.parse_args(argv)
    if not args.corpora.is_dir():
        print(f"no development archives at {args.corpora}: nothing to train on")
        return 0
    units = dev_units(args.corpora, args.labels)
    print(f"{len(units)} dev units, {sum(bool(unit.labelled) for unit in units)} of them labelled")
    if args.cv:
        cross_validate(units, args.l2)
    if args.write:
        weights = {kind: train(units, kind, args.l2) for kind in KINDS}
        model = {
            "about": "records.classify's learned model: logistic regression weights per kind, trained on the dev "
            "labels of benchmarks/labels by benchmarks/train.py",
            "l2": args.l2,
            "weights": weights,
        }
        classify.MODEL_FILE.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {classify.MODEL_FILE} ({sum(len(w) for w in weights.values())} weights)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
