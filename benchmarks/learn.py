"""The classifier's learned re-ranker: units of the labelled notes, a logistic regression per kind, thresholds.

The rules of ``records.classify`` read each unit of a meeting (a list item, a sentence) and
``records.classify._features`` says what they read: their cues and scores, the unit's place, its first
words. A note's own labels (a Decision section, ``ACTION:``, ``!!! decision``) are *explicit* records,
kept whatever the model says; every other unit gets a probability per kind from a logistic regression
over those features, trained here with scikit-learn and shipped as plain weights
(``records/classifier.json``), read in pure Python at build time.

Two thresholds per kind go with the weights: ``record``, from which a unit is a record at all (the F1
of all records is best there), and ``show``, from which the site shows it by default (what it shows,
explicit records included, has a precision of at least ``SHOW_PRECISION``). Both are chosen on
probabilities that each unit got from a model that never saw its archive.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import minutes.parse
import minutes.records.classify as classify
from minutes.model import EXPLICIT_CUES

KINDS = ("decision", "action")
SHOW_PRECISION = 0.88  # the precision asked of what the site shows (0.85), with a margin for a new archive
C = 0.3  # inverse L2 strength of the regression, chosen by leave-one-archive-out
MIN_WEIGHT = 0.02  # smaller weights are left out of the shipped file (they move no probability by 2%)


@dataclass(frozen=True)
class Unit:
    archive: str
    file: str
    line: int  # 1-based in the note file
    features: dict[str, float]
    labelled: frozenset[str]  # the kinds its line is labelled with
    explicit: frozenset[str]  # the kinds the note labels itself there (kept whatever the model says)


@dataclass(frozen=True)
class Tally:
    """What the explicit records of an archive score, per kind: (true, false) positives, and the labels."""

    explicit_tp: dict[str, int]
    explicit_fp: dict[str, int]
    labels: dict[str, int]


@contextmanager
def collecting() -> Iterator[list[tuple[str, Any, list[tuple[int, dict[str, float], float, float]]]]]:
    """Collect, while it runs, every meeting's units and features, with the note they come from."""
    collected: list[tuple[str, Any, list[tuple[int, dict[str, float], float, float]]]] = []
    original = minutes.parse.parse_note
    sink: list[tuple[Any, list[tuple[int, dict[str, float], float, float]]]] = []

    def parse_note(source: Any, *args: Any, **kwargs: Any) -> Any:
        start = len(sink)
        note = original(source, *args, **kwargs)
        for document, features in sink[start:]:
            collected.append((source.path, document, features))
        return note

    classify.FEATURES = sink
    minutes.parse.parse_note = parse_note
    try:
        yield collected
    finally:
        classify.FEATURES = None
        minutes.parse.parse_note = original


def units_of(
    archive: str,
    collected: Sequence[tuple[str, Any, list[tuple[int, dict[str, float], float, float]]]],
    labelled: dict[tuple[str, int], set[str]],
    files: set[str],
) -> list[Unit]:
    """The units of ``files``, one per line (the first unit a line starts), with their labels."""
    seen: set[tuple[str, int]] = set()
    units = []
    for path, document, features in collected:
        if path not in files:
            continue
        for index, unit_features, _, _ in features:
            line = document.first_line + index
            if (path, line) in seen:
                continue
            seen.add((path, line))
            explicit = frozenset(
                kind for kind in KINDS if any(f"rule-{kind}:{cue}" in unit_features for cue in EXPLICIT_CUES)
            )
            units.append(Unit(archive, path, line, unit_features, frozenset(labelled.get((path, line), ())), explicit))
    return units


def fit(units: Sequence[Unit], kind: str, c: float = C) -> dict[str, float]:
    """A logistic regression of ``kind`` over the non-explicit units: weights by feature name, "" the bias."""
    from sklearn.feature_extraction import DictVectorizer  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    rows = [unit for unit in units if kind not in unit.explicit]
    targets = [kind in unit.labelled for unit in rows]
    if len(set(targets)) < 2:
        return {"": -5.0}
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([unit.features for unit in rows]).tocsr()
    matrix.indices = matrix.indices.astype("int32")  # liblinear takes 32-bit indices only
    matrix.indptr = matrix.indptr.astype("int32")
    model = LogisticRegression(C=c, solver="liblinear", max_iter=500)
    model.fit(matrix, targets)
    weights = {"": round(float(model.intercept_[0]), 4)}
    for name, weight in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True):
        if abs(weight) >= MIN_WEIGHT:
            weights[str(name)] = round(float(weight), 4)
    return weights


def probability(weights: dict[str, float], features: dict[str, float]) -> float:
    return classify.Model({"k": weights}).probability("k", features)


def out_of_archive(units: Sequence[Unit], c: float = C) -> dict[str, list[tuple[Unit, float]]]:
    """Per kind, each non-explicit unit with the probability of a model trained without its archive."""
    archives = sorted({unit.archive for unit in units})
    scored: dict[str, list[tuple[Unit, float]]] = defaultdict(list)
    for held in archives:
        training = [unit for unit in units if unit.archive != held]
        for kind in KINDS:
            weights = fit(training, kind, c)
            scored[kind] += [
                (unit, probability(weights, unit.features))
                for unit in units
                if unit.archive == held and kind not in unit.explicit
            ]
    return scored


def counts(
    scored: Sequence[tuple[Unit, float]], tallies: dict[str, Tally], kind: str, threshold: float
) -> tuple[int, int, int]:
    """(true positives, found, labels) of the explicit records and the units at or above ``threshold``."""
    archives = {unit.archive for unit, _ in scored} | set(tallies)
    tp = sum(tallies[name].explicit_tp[kind] for name in archives if name in tallies)
    found = tp + sum(tallies[name].explicit_fp[kind] for name in archives if name in tallies)
    labels = sum(tallies[name].labels[kind] for name in archives if name in tallies)
    for unit, p in scored:
        if p >= threshold:
            found += 1
            tp += kind in unit.labelled
    return tp, found, labels


def thresholds(
    scored: dict[str, list[tuple[Unit, float]]], tallies: dict[str, Tally]
) -> tuple[dict[str, float], dict[str, float]]:
    """Per kind, the ``record`` threshold (best F1) and the ``show`` threshold (precision at least
    ``SHOW_PRECISION``, the lowest such), from out-of-archive probabilities."""
    record: dict[str, float] = {}
    show: dict[str, float] = {}
    grid = [round(0.05 * step, 2) for step in range(2, 20)]
    for kind in KINDS:
        best = (-1.0, 0.5)
        show[kind] = 0.95
        for threshold in grid:
            tp, found, labels = counts(scored[kind], tallies, kind, threshold)
            f1 = 2 * tp / (found + labels) if found + labels else 0.0
            if f1 > best[0] + 1e-9:
                best = (f1, threshold)
        record[kind] = best[1]
        for threshold in grid:
            tp, found, _ = counts(scored[kind], tallies, kind, threshold)
            if threshold >= record[kind] and found and tp / found >= SHOW_PRECISION:
                show[kind] = threshold
                break
    return record, show
