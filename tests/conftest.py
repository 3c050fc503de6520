"""Shared fixtures: the real site built once per test run, served on localhost,
opened in Debian's Chromium through Playwright."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from hooks.chromium import CHROMIUM, chromium_browser  # the build renders its PDFs with the same browser
from hooks.local_server import serve_folder

REPO = Path(__file__).resolve().parent.parent


# The programmes published under the main site (/pargas/ …): folders of their own.
PROGRAMMES = tuple(sorted(p.parent.name for p in (REPO / "programmes").glob("*/programme.yml")))


@pytest.fixture(scope="session")
def published() -> Path:
    """The whole site as `python -m hooks build-all` publishes it: every edition built once."""
    from hooks.versioned_site import build_all
    # World-readable, unlike pytest's tmp folders: linkchecker run as root drops to 'nobody'.
    folder = Path(tempfile.mkdtemp(prefix="site-under-test-"))
    folder.chmod(0o755)
    yield build_all(REPO, folder / "site")
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def site(published) -> Path:
    """The main programme (Borgå), which is published at the root."""
    return published


@pytest.fixture(scope="session")
def server(site) -> str:
    with serve_folder(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run 'make test', which installs Debian's chromium")
    with chromium_browser() as browser:
        yield browser


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def copy_sources(dest: Path) -> Path:
    """A copy of everything a build reads, for tests that build a changed site."""
    for name in ("docs", "overrides", "hooks", "directory", "data", "tests"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def html_pages(site: Path) -> list[Path]:
    """The pages of one MkDocs site: the main one at the root (other programmes' folders left
    out) or one edition's folder."""
    skip = {site / name for name in PROGRAMMES}
    return sorted(p for p in site.rglob("*.html")
                  if p.name != "404.html" and not any(folder in p.parents for folder in skip))


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: builds from a fresh git clone of the committed tree "
                                       "(skipped unless asked for: pytest -m slow)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("markexpr"):
        return
    skip = pytest.mark.skip(reason="slow: run it with 'pytest -m slow'")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


# Lines a test wants a person to see after the run (timings, where screenshots went).
_REPORT: list[str] = []


def report_at_end(line: str) -> None:
    _REPORT.append(line)


def pytest_terminal_summary(terminalreporter):
    if _REPORT:
        terminalreporter.section("measured")
        for line in _REPORT:
            terminalreporter.write_line(line)
