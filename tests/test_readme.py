"""The README's table of options says every option of the plugin, and nothing else."""

from __future__ import annotations

import re

from minutes.config import MinutesConfig

from .conftest import REPO


def test_the_readme_lists_every_option() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = text.split("### Options", 1)[1].split("\n### ", 1)[0]
    listed = re.findall(r"^\| `(\w+)` \|", table, flags=re.MULTILINE)
    assert listed == [name for name, _ in MinutesConfig._schema]
