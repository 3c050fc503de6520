"""The benchmark's smallest pieces (python -m hooks benchmark), run for real and cheaply: the
generated directory validates like a real one, the plain-build configs switch our hooks off,
and the report file says which targets were met."""
from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date

from mkdocs.config import load_config

from hooks.benchmark import report
from hooks.benchmark.actors import copy_repository, fill_directory
from hooks.benchmark.builds import write_plain_configs
from hooks.benchmark.machine import describe
from hooks.directory.validate import load_directory

from conftest import REPO


def test_generated_actors_validate_with_unique_ids(tmp_path):
    folder = tmp_path / "directory"
    shutil.copytree(REPO / "directory", folder)
    real = len(list(folder.glob("*.yml")))
    assert fill_directory(folder, real + 60) == 60
    result = load_directory(folder, date.today())
    assert not result.errors, result.errors[:3]
    ids = [actor["id"] for actor in result.actors]
    assert len(ids) == real + 60 == len(set(ids))


def test_plain_configs_keep_theme_and_languages_but_no_hooks(tmp_path):
    copy = copy_repository(REPO, tmp_path / "repo")
    configs = write_plain_configs(copy)
    assert len(configs) == 1 + len(list((copy / "programmes").glob("*/*/mkdocs.yml")))
    plain = load_config(str(configs[0]))
    ours = load_config(str(copy / "mkdocs.yml"))
    assert plain["hooks"] == {} and ours["hooks"]
    assert plain["theme"].name == "material" and plain["theme"]["language"] == ours["theme"]["language"]
    assert "i18n" in plain["plugins"]


def test_report_file_lists_figures_targets_and_machine(tmp_path):
    result = report.Report(describe(), "python -m hooks benchmark", 3)
    result.add("search index, sv", "80.0 KB gzip", "≤ 250 KB gzip", True)
    result.add("directory filter", "75.0 ms", "≤ 50 ms", False, note="worst 90 ms", key="filter")
    result.add("first view", "100 KB gzip", "≤ 150 KB (gzip)", True, key="first-view")
    text = report.write(result, tmp_path / "BENCHMARKS.md")
    assert (tmp_path / "BENCHMARKS.md").read_text(encoding="utf-8") == text
    assert "| search index, sv | 80.0 KB gzip | ≤ 250 KB gzip | met |" in text
    assert "| directory filter | 75.0 ms (worst 90 ms) | ≤ 50 ms | **missed** |" in text
    assert "Load average at start" in text and "mkdocs-material 9.8.1" in text
    # A missed target with a profile on record says what the profile found; a met one does not.
    assert "## Findings" in text and "lays out a page, not the whole list" in text
    assert "search worker" not in text


def test_benchmark_command_is_offered():
    out = subprocess.run([sys.executable, "-m", "hooks", "benchmark", "--help"], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout
    assert "--quick" in out and "--runs" in out
