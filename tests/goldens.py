"""Golden files: what a small note must give, kept as YAML beside it and compared whole.

After a deliberate change, regenerate with ``MINUTES_REGEN_GOLDEN=1 pytest tests/...`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml


class Literal(yaml.SafeDumper):
    """Multi-line texts as YAML block literals, so a golden file reads like the note."""


Literal.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="|" if "\n" in text and text == text.rstrip(" ") else None
    ),
)


def check_golden(expected_path: Path, got: dict[str, Any]) -> None:
    """Assert that ``got`` equals the golden file (written first when ``MINUTES_REGEN_GOLDEN`` is set)."""
    if os.environ.get("MINUTES_REGEN_GOLDEN"):
        expected_path.write_text(
            yaml.dump(got, Dumper=Literal, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8"
        )
    assert expected_path.exists(), f"no golden file {expected_path.name}: run with MINUTES_REGEN_GOLDEN=1 and review it"
    assert got == yaml.safe_load(expected_path.read_text(encoding="utf-8"))
