"""The GitHub workflow and the pull request checklist: what CI runs and when it publishes."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"
MAIN_PUSH = "github.event_name == 'push' && github.ref == 'refs/heads/main'"


def _workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))   # YAML 1.1 reads the key "on" as true
    return data


def test_every_push_and_pull_request_runs_the_readme_test_command():
    workflow = _workflow()
    assert set(workflow["on"]) == {"push", "pull_request"}
    assert workflow["on"]["push"] is None, "push must not be limited to some branches"
    steps = workflow["jobs"]["test"]["steps"]
    runs = [step.get("run", "").strip() for step in steps]
    assert "make test" in runs
    assert "make test" in (REPO / "README.md").read_text(encoding="utf-8")
    assert "exec make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_publishes_site_from_main_only_after_the_tests_pass():
    jobs = _workflow()["jobs"]
    steps = jobs["test"]["steps"]
    test_index = next(i for i, s in enumerate(steps) if s.get("run", "").strip() == "make test")
    build = next(i for i, s in enumerate(steps) if s.get("run", "").strip() == "make build")
    upload = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert test_index < build < upload, "the site is built and uploaded only after make test passed"
    assert steps[build]["if"] == MAIN_PUSH and steps[upload]["if"] == MAIN_PUSH
    assert steps[upload]["with"]["path"] == "site"
    deploy = jobs["deploy"]
    assert deploy["needs"] == "test" and deploy["if"] == MAIN_PUSH
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert _workflow()["permissions"] == {"contents": "read"}


def test_actions_are_pinned_to_version_tags():
    uses = re.findall(r"uses:\s*(\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses
    for action in uses:
        assert re.fullmatch(r"actions/[\w-]+@v\d+\.\d+\.\d+", action), action


def test_make_build_writes_site():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    # The published site is everything: the main programme and every edition of every programme.
    # (after installing the Debian packages the build itself needs: Chromium renders the PDFs)
    assert re.search(r"^build: .*\n(?:\t\$\(MAKE\) .*system-packages.*\n)?\t\$\(PY\) -m hooks build-all$", makefile, re.M)
    import hooks.cli   # `python -m hooks build-all` writes to <repository>/site unless told otherwise
    assert hooks.cli.REPO == REPO
    assert 'p.add_argument("--output", default=str(REPO / "site"))' in Path(hooks.cli.__file__).read_text(encoding="utf-8")


def test_pull_request_template_is_a_partner_checklist():
    template = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", template, re.M)
    assert len(items) >= 5
    for needed in ("directory/<id>.yml", "reviewed:", "make validate"):
        assert any(needed in item for item in items), needed
