"""yaml.safe_load and yaml.safe_dump on LibYAML when PyYAML was built with it.

The same safe constructor, representer and YAML 1.1 resolver as PyYAML's own, so the data is
identical; only the parser and the emitter are C. The benchmark's profile found PyYAML's pure-Python parser reading the
190 KB glossary on every language pass to be the largest single cost of a build.
"""
from __future__ import annotations

from typing import Any

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def safe_load(text: str) -> Any:
    return yaml.load(text, Loader=SafeLoader)


def safe_dump(data: Any, **options: Any) -> str:
    """Front matter of the directory's generated pages: thousands of them with a large directory."""
    return yaml.dump(data, Dumper=SafeDumper, **options)
