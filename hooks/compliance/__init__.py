"""Does the published programme contain what the law requires? Checked at build time, shown on the site.

    requirements.py   the elements of each profile (hooks/requirements.yml), validated
    pages.py          what each language's pages declare they cover (front matter `covers:`)
    checks.py         problems: errors stop the build, warnings do not
    report.py         the compliance page, the period-ended notice, the feedback channel

The MkDocs side is hooks/compliance_pages.py; the programme's facts are hooks/site_config.py.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from hooks.compliance.checks import Assessment, assess
from hooks.compliance.pages import load_pages, reading_order
from hooks.compliance.requirements import RequirementsError, load_requirements
from hooks.site_config import load_programme

REQUIREMENTS_FILE = Path(__file__).resolve().parent.parent / "requirements.yml"


def assess_site(repo: Path, docs_dir: Path, languages: tuple[str, ...], extra: dict | None,
                build_date: date, nav: object = None, requirements_file: Path = REQUIREMENTS_FILE) -> Assessment:
    """Check every language of a site. Paths in messages are shown relative to repo.
    Raises RequirementsError/ProgrammeError on bad data."""
    requirements = load_requirements(requirements_file)
    programme = load_programme(extra, languages)
    profile = requirements.profiles.get(programme.profile)
    if profile is None:
        raise RequirementsError(f"mkdocs.yml: extra.programme.profile '{programme.profile}' is not one of "
                                f"{', '.join(requirements.profiles)} (hooks/requirements.yml)")
    try:
        docs_shown = docs_dir.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError:
        docs_shown = docs_dir.as_posix()
    pages = load_pages(docs_dir, languages, repo, reading_order(nav))
    return assess(requirements, profile, programme, pages, build_date, docs_shown)
