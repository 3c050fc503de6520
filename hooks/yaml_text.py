"""yaml.safe_load on LibYAML's parser when PyYAML was built with it.

The same safe constructor and YAML 1.1 resolver as yaml.safe_load, so the data is identical;
only the parser is C. The benchmark's profile found PyYAML's pure-Python parser reading the
190 KB glossary on every language pass to be the largest single cost of a build.
"""
from __future__ import annotations

from typing import Any

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    return yaml.load(text, Loader=SafeLoader)
