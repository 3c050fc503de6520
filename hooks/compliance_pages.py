"""MkDocs hook: the programme must contain what the law requires, and the site shows that it does.

- Before anything is built, every language's pages are checked against the profile
  in hooks/requirements.yml and the facts in extra.programme (hooks/compliance/).
  Errors stop the build with one PluginError listing every problem; warnings are
  printed through a logger outside "mkdocs", so that --strict does not count them.
- `<!-- compliance:report -->` in a page becomes the compliance report and
  `<!-- accessibility:feedback -->` the accessibility feedback channel, in the page's language.
- Templates get `accessibility_statement` (the footer link, overrides/partials/copyright.html)
  and `programme_status_notice` (overrides/partials/programme-status.html).
- Every built page is checked for both; a page without them stops the build.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from hooks.compliance import assess_site  # noqa: E402
from hooks.compliance.checks import Problem, check_built_page  # noqa: E402
from hooks.compliance.report import render_feedback, render_report, status_notice  # noqa: E402
from hooks.compliance.requirements import RequirementsError  # noqa: E402
from hooks.i18n_context import current_pass  # noqa: E402
from hooks.repository import find_repository  # noqa: E402
from hooks.reproducible import build_date  # noqa: E402
from hooks.site_config import ProgrammeError  # noqa: E402

_ROOT = Path(__file__).resolve().parent.parent
REPORT_MARKER = "<!-- compliance:report -->"
FEEDBACK_MARKER = "<!-- accessibility:feedback -->"

_assessment = None
_repository = None
_files = None
_page_problems: list[Problem] = []


def _warnings_logger() -> logging.Logger:
    # Outside the "mkdocs" logger hierarchy: MkDocs --strict turns its warnings into failures.
    logger = logging.getLogger("integration.compliance")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("COMPLIANCE %(levelname)s (does not stop the build) - %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


def _message(problems: list[Problem]) -> str:
    return (f"The programme does not meet its legal requirements ({len(problems)} "
            f"problem{'s' if len(problems) != 1 else ''}):\n\n" + "\n\n".join(map(str, problems)))


# After static-i18n's on_config (-100), which sets the language of this pass.
@event_priority(-110)
def on_config(config):
    global _assessment, _repository
    languages = current_pass(config)
    repo = Path(config.config_file_path).resolve().parent
    try:
        # Paths in messages from the repository root (this hook's parent folder), so that an
        # edition's page reads programmes/<id>/<edition>/docs/fi/…, not just docs/fi/….
        _assessment = assess_site(_ROOT, Path(config.docs_dir), languages.locales, config.extra,
                                  build_date(repo), config.nav)
    except (RequirementsError, ProgrammeError) as error:
        raise PluginError(str(error)) from None
    _page_problems.clear()
    # The same result in every language pass: say it once.
    if languages.is_default:
        logger = _warnings_logger()
        for warning in _assessment.warnings:
            logger.warning("%s", warning)
    if _assessment.errors:
        raise PluginError(_message(_assessment.errors))
    _repository = find_repository(repo)
    return config


# After static-i18n has kept only this language's files.
@event_priority(-200)
def on_files(files, config):
    global _files
    _files = files
    return files


def on_page_markdown(markdown, page, config, files):
    lang = current_pass(config).locale
    if REPORT_MARKER in markdown:
        name = page.file.src_uri.split("/", 1)[-1]
        markdown = markdown.replace(REPORT_MARKER, render_report(_assessment, lang, name))
    if FEEDBACK_MARKER in markdown:
        markdown = markdown.replace(FEEDBACK_MARKER, render_feedback(_repository, _assessment.programme, lang))
    return markdown


def _statement_file(lang: str):
    statement = _assessment.statement_page(lang)
    return _files.src_uris.get(f"{lang}/{statement.name}") if statement and _files else None


def on_page_context(context, page, config, nav):
    lang = current_pass(config).locale
    statement = _statement_file(lang)
    if statement is not None:
        title = statement.page.title if statement.page and statement.page.title else \
            _assessment.statement_page(lang).title
        context["accessibility_statement"] = {"url": statement.url, "title": title}
    context["programme_status_notice"] = status_notice(_assessment.programme, lang)
    return context


def on_post_page(output, page, config):
    lang = current_pass(config).locale
    statement = _statement_file(lang)
    name = page.file.src_uri.split("/", 1)[-1]
    source = _assessment.pages.get(lang, {}).get(name)
    _page_problems.extend(check_built_page(_assessment, lang, source.path if source else page.file.src_uri,
                                           page.url, output, statement.url if statement else None))
    return output


def on_post_build(config):
    if _page_problems:
        raise PluginError(_message(list(_page_problems)))
