"""Train the classifier's re-ranker on every labelled archive: ``benchmarks/classifier.json``.

The plugin reads a re-ranker from ``plugins/minutes/records/classifier.json`` when there is one; none is
shipped today, because leave-one-archive-out (``make eval``) shows the re-ranker no better than the rules
alone on archives it never saw. ``--out plugins/minutes/records/classifier.json`` ships one.

Reads the labels of ``benchmarks/labels`` (every archive of the manifest), builds each archive's labelled
notes with the rules alone to collect the features of their units (``learn.collecting``), fits one
logistic regression per kind on all of them, and chooses the two thresholds (``record``, ``show``) on
probabilities that each unit got from a model trained without its archive (``learn.out_of_archive``).
The plugin reads the weights in pure Python; scikit-learn is needed here only
(``pip install -e ".[train]"``). ``make eval`` measures the same recipe, one archive held out at a time.
Usage::

    python benchmarks/train.py [--c 0.3]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import eval as ev
import learn

from minutes.records import classify


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--c", type=float, default=learn.C, help=f"inverse L2 strength ({learn.C})")
    parser.add_argument("--corpora", type=Path, default=ev.CORPORA)
    parser.add_argument("--labels", type=Path, default=ev.LABELS)
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).with_name("classifier.json"),
        help=f"ship it: --out {classify.MODEL_FILE}",
    )
    args = parser.parse_args(argv)
    if not args.corpora.is_dir():
        print(f"no development archives at {args.corpora}: nothing to train on")
        return 0
    manifest = json.loads((args.labels / "manifest.json").read_text(encoding="utf-8"))
    archives = [
        ev.read_archive(name, args.corpora / name, list(entry["files"]), ev.read_labels(args.labels / f"{name}.jsonl"))
        for name, entry in manifest.items()
        if (args.corpora / name).is_dir()
    ]
    model = ev.fold_model(archives, args.c)
    units = sum(len(archive.units) for archive in archives)
    data = {
        "about": "records.classify's re-ranker: logistic regression weights per kind over classify._features, "
        "trained on every labelled archive of benchmarks/labels by benchmarks/train.py; record and show "
        "thresholds chosen on out-of-archive probabilities",
        "archives": [archive.name for archive in archives],
        "units": units,
        "c": args.c,
        "record": model.record,
        "show": model.show,
        "weights": model.weights,
    }
    args.out.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    weights = sum(len(weights) for weights in model.weights.values())
    print(f"wrote {args.out}: {weights} weights from {units} units; record {model.record}, show {model.show}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())
