"""The build proves that the programme meets the law, and shows it.

Broken copies of the site must fail with a message naming the element, its legal
basis, the language and what to add where; the real site passes and its compliance
pages list every element. The checker itself is tested on small in-memory inputs.
"""
from __future__ import annotations

import copy
import html
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import REPO, html_pages
from hooks.compliance import assess_site
from hooks.compliance.checks import NOTICE_ATTRIBUTE, assess, check_built_page, links_to
from hooks.compliance.pages import parse_page
from hooks.compliance.report import render_feedback, render_report, status_notice
from hooks.compliance.requirements import RequirementsError, load_requirements, parse_requirements
from hooks.repository import Repository, find_repository, web_url
from hooks.site_config import ProgrammeError, load_programme

BUILD_DATE = date(2026, 11, 23)
BUILD_EPOCH = "1795415143"          # 2026-11-23 06:25:43 UTC: what the checks compare dates with
LANGS = ("sv", "fi", "en")
SECTION_32 = "Act on the Promotion of Immigrant Integration (1386/2010), section 32"


# ---- broken copies of the real site ---------------------------------------------------------

def _copy_site(tmp_path: Path) -> Path:
    work = tmp_path / "repo"
    for name in ("docs", "overrides", "hooks", "data", "directory"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, work / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "mkdocs.yml", work / "mkdocs.yml")
    return work


def _build(work: Path) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
    result = subprocess.run([sys.executable, "-m", "hooks", "build", "--output", str(work.parent / "site")],
                            cwd=work, capture_output=True, text=True, env=env, timeout=300)
    return result.returncode, result.stdout + result.stderr


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer contains {old!r}: update this test"
    path.write_text(text.replace(old, new), encoding="utf-8")


def drop_required_element(work: Path) -> None:
    """budget-link (section 32) removed from every page's covers:."""
    for page in (work / "docs").glob("*/*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r'^\s+- "?budget-link(?:#[\w-]+)?"?\n', "", text, flags=re.M), encoding="utf-8")


def remove_finnish_page(work: Path) -> None:
    (work / "docs" / "fi" / "2-2-social-och-halsovard.md").unlink()


def remove_statement(work: Path) -> None:
    for lang in LANGS:
        (work / "docs" / lang / "tillganglighet.md").unlink()
    _edit(work / "mkdocs.yml", "  - tillganglighet.md\n", "")


def review_date_passed_while_in_force(work: Path) -> None:
    _edit(work / "mkdocs.yml", "status: period_ended", "status: in_force")


BROKEN = {
    "required element removed": (drop_required_element, [
        "[budget-link]", SECTION_32, "language sv", "language fi", "language en", "edition 2022",
        "declare it in that page's front matter: covers: [budget-link]", "to a page in docs/fi/"]),
    "page missing in Finnish": (remove_finnish_page, [
        "[bilingual-publication]", "Language Act (423/2003)", "language fi",
        "add docs/fi/2-2-social-och-halsovard.md, the Finnish version of docs/sv/2-2-social-och-halsovard.md"]),
    "accessibility statement missing": (remove_statement, [
        "[accessibility-statement]", "Act on the Provision of Digital Services (306/2019)", "language sv",
        "language fi", "language en", "covers: [accessibility-statement]", "[accessibility-feedback]"]),
    "review date passed on an in-force programme": (review_date_passed_while_in_force, [
        "[periodic-review]", SECTION_32, "all languages", "the next review date 2024-12-31 has passed",
        "set extra.programme.next_review in mkdocs.yml"]),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_site_fails_with_a_precise_message(tmp_path, case):
    breaker, expected = BROKEN[case]
    work = _copy_site(tmp_path)
    breaker(work)
    code, output = _build(work)
    assert code == 1, output[-3000:]
    missing = [text for text in expected if text not in output]
    assert not missing, f"not in the build output: {missing}\n{output[-4000:]}"
    assert "The programme does not meet its legal requirements" in output
    assert not (tmp_path / "site").exists(), "a failed build must publish nothing"


# ---- the real site ---------------------------------------------------------------------------

def test_the_real_programme_has_no_errors_and_reports_its_gaps_as_warnings():
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    result = assess_site(REPO, REPO / "docs", LANGS, config["extra"], BUILD_DATE, config["nav"])
    assert result.errors == []
    warnings = "\n".join(map(str, result.warnings))
    assert "not given in the document" in warnings
    assert "overdue" in warnings
    assert result.review_overdue


@pytest.mark.parametrize("lang", LANGS)
def test_compliance_page_lists_every_element(site, lang):
    page = site / ("" if lang == "sv" else lang) / "lagkrav" / "index.html"
    text = html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))
    text = " ".join(text.split())
    profile = load_requirements(REPO / "hooks" / "requirements.yml").profiles["act-1386-2010"]
    for element in profile.elements:
        assert " ".join(element.label[lang].split()) in text, f"{lang}: {element.id} not on the compliance page"
        assert element.basis.text(lang) in text
    overdue = {"sv": "försenad", "fi": "myöhässä", "en": "overdue"}[lang]
    not_given = {"sv": "anges inte i programdokumentet", "fi": "ei mainita ohjelma-asiakirjassa",
                 "en": "not given in the programme document"}[lang]
    assert overdue in text and not_given in text


IN_LANGUAGE = {"sv": ("Tillgänglighetsutlåtande", "Giltighetsperioden 2022–2024 tog slut 31.12.2024."),
               "fi": ("Saavutettavuusseloste", "Voimassaolokausi 2022–2024 päättyi 31.12.2024."),
               "en": ("Accessibility statement", "The period of validity 2022–2024 ended on 31 December 2024.")}


def test_every_page_links_to_its_statement_and_says_the_period_has_ended(site):
    checked = 0
    for path in html_pages(site):
        rel = path.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel + "/"
        lang = rel.split("/")[0] if rel.split("/")[0] in ("fi", "en") else "sv"
        statement = ("" if lang == "sv" else f"{lang}/") + "tillganglighet/"
        page = path.read_text(encoding="utf-8")
        footer = page[page.index('<div class="md-copyright">'):]
        assert links_to(footer, rel, statement), f"{rel}: no footer link to {statement}"
        assert IN_LANGUAGE[lang][0] in footer, f"{rel}: the footer link is not in {lang}"
        notice = re.search(rf"<aside[^>]*{NOTICE_ATTRIBUTE}.*?</aside>", page, re.S)
        assert notice and IN_LANGUAGE[lang][1] in notice.group(0), f"{rel}: no period-ended notice in {lang}"
        checked += 1
    assert checked >= 45


# ---- Pargas: the same checks on a site in Swedish and Finnish, with two editions --------------

PARGAS = REPO / "programmes" / "pargas"
PARGAS_LANGS = ("sv", "fi")
# Required by section 32 and not in the plan, in either edition or language: declared in
# extra.programme.missing_in_source (README, "Pargas and the legal checks").
PARGAS_GAPS = {"council-approval", "budget-link", "scope-all-immigrants", "immigrant-participation"}
SITE_PAGES = ("lagkrav.md", "tillganglighet.md")


def _pargas_config(root: Path, edition: str) -> dict:
    from mkdocs.utils.yaml import yaml_load
    with open(root / "programmes" / "pargas" / edition / "mkdocs.yml", encoding="utf-8") as source:
        return yaml_load(source)        # with programme.yml (INHERIT)


@pytest.mark.parametrize("edition", ("2022", "2023"))
def test_the_pargas_plan_lacks_four_required_elements_and_nothing_else(edition):
    """The declaration is true: without it exactly these four stop the build, in both languages."""
    config = _pargas_config(REPO, edition)
    assert set(config["extra"]["programme"]["missing_in_source"]) == PARGAS_GAPS
    undeclared = copy.deepcopy(config["extra"])
    del undeclared["programme"]["missing_in_source"]
    result = assess_site(REPO, PARGAS / edition / "docs", PARGAS_LANGS, undeclared, BUILD_DATE, config["nav"])
    assert {(e.element, e.language) for e in result.errors} == {(g, lang) for g in PARGAS_GAPS for lang in PARGAS_LANGS}
    budget = str(next(e for e in result.errors if e.element == "budget-link" and e.language == "fi"))
    for text in ("[budget-link]", SECTION_32, "language fi", f"edition {edition}",
                 f"programmes/pargas/{edition}/docs/fi/"):
        assert text in budget
    # as published: the four are warnings, nothing stops the build
    result = assess_site(REPO, PARGAS / edition / "docs", PARGAS_LANGS, config["extra"], BUILD_DATE, config["nav"])
    assert result.errors == []
    gaps = {(w.element, w.language) for w in result.warnings if "missing_in_source" in w.found}
    assert gaps == {(g, lang) for g in PARGAS_GAPS for lang in PARGAS_LANGS}
    assert result.programme.municipality == {"sv": "Pargas", "fi": "Parainen"}
    assert result.programme.status == {"2022": "superseded", "2023": "period_ended"}[edition]
    assert result.programme.superseded_by == {"2022": "2023", "2023": None}[edition]
    warnings = {w.element for w in result.warnings}
    assert "council-approval" in warnings                                   # no date, no section
    assert ("periodic-review" in warnings) == (edition == "2023")          # a superseded edition has no review
    covered = {s.element.id for s in result.statuses if s.covered("sv") and s.covered("fi")}
    assert {"integration-programme", "periodic-review", "cooperation", "accessibility-statement",
            "accessibility-feedback", "good-relations", "refugee-placement-plan"} <= covered


@pytest.fixture(scope="module")
def pargas_builds(tmp_path_factory) -> dict[str, tuple[int, str, Path]]:
    """Pargas 2023 with one more required element removed from one language (it must fail), and
    with one of its declared gaps covered after all (the declaration is then wrong: it must fail).
    The builds run side by side."""
    root = tmp_path_factory.mktemp("pargas-compliance")
    copies = {}
    for name in ("broken", "covered"):
        work = root / name
        for folder in ("hooks", "overrides", "programmes", "directory", "data"):
            shutil.copytree(REPO / folder, work / folder, ignore=shutil.ignore_patterns("__pycache__"))
        copies[name] = work
    allmant = copies["broken"] / "programmes" / "pargas" / "2023" / "docs" / "fi" / "allmant.md"
    _edit(allmant, "  - integration-programme\n", "")
    for lang in PARGAS_LANGS:
        allmant = copies["covered"] / "programmes" / "pargas" / "2023" / "docs" / lang / "allmant.md"
        _edit(allmant, "  - integration-programme\n", "  - integration-programme\n  - budget-link\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env["SOURCE_DATE_EPOCH"] = BUILD_EPOCH
    jobs = {"broken": (copies["broken"], "2023"), "covered": (copies["covered"], "2023")}
    running = {}
    for name, (work, edition) in jobs.items():
        log = open(root / f"{name}.log", "w+", encoding="utf-8")
        command = [sys.executable, "-m", "hooks", "build", "--config-file", f"programmes/pargas/{edition}/mkdocs.yml",
                   "--output", str(root / f"site-{name}")]
        running[name] = (subprocess.Popen(command, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT), log)
    results = {}
    for name, (process, log) in running.items():
        code = process.wait(timeout=300)
        log.seek(0)
        results[name] = (code, log.read(), root / f"site-{name}")
        log.close()
    return results


def test_pargas_with_a_required_element_removed_fails_naming_it(pargas_builds):
    code, output, site = pargas_builds["broken"]
    assert code == 1, output[-3000:]
    for text in ("[integration-programme]", SECTION_32, "language fi", "edition 2023",
                 "declare it in programmes/pargas/2023/docs/fi/allmant.md as "
                 "programmes/pargas/2023/docs/sv/allmant.md does: covers: [integration-programme]"):
        assert text in output, f"{text!r} not in the build output\n{output[-3000:]}"
    assert "language sv" not in output.split("The programme does not meet")[1]
    assert not site.exists()


def test_pargas_with_a_declared_gap_covered_after_all_fails(pargas_builds):
    code, output, site = pargas_builds["covered"]
    assert code == 1, output[-3000:]
    assert ("extra.programme.missing_in_source says the document does not contain budget-link, but "
            "programmes/pargas/2023/docs/sv/allmant.md covers it") in output
    assert "remove budget-link from extra.programme.missing_in_source" in output
    assert not site.exists()


PARGAS_TEXTS = {"sv": ("Tillgänglighetsutlåtande", "Giltighetsperioden 2022–2025 tog slut 31.12.2025.",
                       "Ersatt av 2023 års upplaga", "Pargas (tvåspråkig kommun)"),
                "fi": ("Saavutettavuusseloste", "Voimassaolokausi 2022–2025 päättyi 31.12.2025.",
                       "Korvattu vuoden 2023 laitoksella", "Parainen (kaksikielinen kunta)")}


@pytest.mark.parametrize("edition", ("2022", "2023"))
def test_pargas_editions_are_published_with_their_compliance_pages_in_swedish_and_finnish(published, edition):
    site = published / "pargas" / edition
    assert not (site / "en").exists()
    profile = load_requirements(REPO / "hooks" / "requirements.yml").profiles["act-1386-2010"]
    for lang, prefix in (("sv", ""), ("fi", "fi/")):
        statement, ended, superseded, municipality = PARGAS_TEXTS[lang]
        report = html.unescape(re.sub(r"<[^>]+>", " ", (site / prefix / "lagkrav" / "index.html").read_text("utf-8")))
        report = " ".join(report.split())
        assert all(" ".join(e.label[lang].split()) in report for e in profile.elements), lang
        assert municipality in report
        assert (superseded in report) == (edition == "2022")
        gap = {"sv": "Saknas i den godkända texten", "fi": "Puuttuu hyväksytystä tekstistä"}[lang]
        assert report.count(gap) == len(PARGAS_GAPS), lang
        assert (site / prefix / "tillganglighet" / "index.html").exists()
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) >= 26
    for path in pages:
        rel = path.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel + "/"
        lang = "fi" if rel.startswith("fi/") else "sv"
        page = path.read_text(encoding="utf-8")
        footer = page[page.index('<div class="md-copyright">'):]
        assert links_to(footer, rel, ("fi/" if lang == "fi" else "") + "tillganglighet/"), rel
        assert PARGAS_TEXTS[lang][0] in footer, rel
        # One message about the edition's status, never two: the period notice on the newest
        # edition, the older-edition banner on the superseded one.
        notice = re.search(rf"<aside[^>]*{NOTICE_ATTRIBUTE}.*?</aside>", page, re.S)
        assert bool(notice) == (edition == "2023") and ("edition-notice" in page) == (edition == "2022"), rel
        if notice:
            assert PARGAS_TEXTS[lang][1] in notice.group(0)
    if edition == "2023":   # "what changed" lists the plan's chapters, not the site's own pages
        changes = (site / "andringar" / "index.html").read_text(encoding="utf-8")
        summary = "".join(re.findall(r'<div class="edition-changes" data-change="\w+">(.*?)</div>', changes, re.S))
        assert "boende/" in summary and "lagkrav" not in summary and "tillganglighet" not in summary


# ---- the checker on small inputs -------------------------------------------------------------

def _l(text: str) -> dict[str, str]:
    return {lang: f"{text} ({lang})" for lang in LANGS}


def _element(id_, severity="required", certainty="V", **more):
    return {"id": id_, "severity": severity, "certainty": certainty, "source": "statute",
            "basis": {"act": "1386/2010", "section": "32"}, "label": _l(id_), "add": f"a passage on {id_}", **more}


def _tiny(*common: dict) -> dict:
    """A small requirements file: two section-32 elements, one recommendation, the facts checks."""
    return {
        "acts": {"1386/2010": {"sv": "lag 1386/2010", "fi": "laki 1386/2010", "en": "Act 1386/2010"}},
        "profiles": {"tiny": {"title": _l("Tiny"), "elements": [
            _element("budget-link"),
            _element("good-relations", "recommended", "S"),
            _element("council-approval", facts="council-decision"),
            _element("periodic-review", facts="review-date"),
        ]}},
        "common": [_element("bilingual-publication", check="every-page-in-both-languages", applies_if="bilingual"),
                   *common],
    }


PAST = {"start": 2022, "end": 2024}


def _programme(**changes):
    raw = {"municipality": _l("Borgå"), "bilingual": True, "profile": "tiny", "period": {"start": 2025, "end": 2027},
           "status": "in_force", "next_review": "2027-12-31", "edition": "2022", "publisher": _l("Stad"),
           "publisher_website": "https://www.example.org",
           "council_decision": {"body": _l("fullmäktige"), "date": "2022-03-01", "section": "12"}}
    raw.update(changes)
    return load_programme({"programme": raw})


def _page(lang: str, name: str, covers: str, body: str):
    return parse_page(f"---\ntitle: {name}\ncovers: {covers}\n---\n\n{body}\n", lang, name, f"docs/{lang}/{name}")


def _assess(pages: dict, programme=None, *common: dict):
    requirements = parse_requirements(_tiny(*common))
    return assess(requirements, requirements.profiles["tiny"], programme or _programme(), pages, BUILD_DATE)


GOOD = "# A\n\nText.\n\n## Goals {#goals}\n\nGoal one."


def _covers(*more: str) -> str:
    """covers: for a page that has every required element of the tiny profile, and more."""
    return "[" + ", ".join(("budget-link", "council-approval", "periodic-review") + more) + "]"


def test_checker_accepts_covered_elements():
    pages = {lang: {"a.md": _page(lang, "a.md", _covers('"good-relations#goals"'), GOOD)} for lang in LANGS}
    result = _assess(pages)
    assert result.problems == ()
    assert [ref.heading for ref in result.status("good-relations").covered_by["fi"]] == ["Goals"]


def test_checker_reports_a_required_element_missing_in_one_language():
    pages = {lang: {"a.md": _page(lang, "a.md", _covers("good-relations"), GOOD)} for lang in LANGS}
    pages["fi"]["a.md"] = _page("fi", "a.md", "[council-approval, periodic-review, good-relations]", GOOD)
    [error] = _assess(pages).errors
    assert (error.element, error.language, error.basis) == ("budget-link", "fi", "Act 1386/2010, section 32")
    assert "declare it in docs/fi/a.md as docs/sv/a.md does: covers: [budget-link]" in error.fix


def test_checker_warns_about_a_missing_recommendation_without_failing():
    pages = {lang: {"a.md": _page(lang, "a.md", _covers(), GOOD)} for lang in LANGS}
    result = _assess(pages)
    assert result.errors == []
    assert {(w.element, w.language) for w in result.warnings} == {("good-relations", lang) for lang in LANGS}


@pytest.mark.parametrize("body,found", [
    ("# A\n\nText.", "has no heading with the id {#goals}"),
    ("# A\n\nText.\n\n## Goals {#goals}\n\n## Next\n\nOther text.", "has nothing under it"),
])
def test_checker_wants_content_under_the_declared_heading(body, found):
    pages = {lang: {"a.md": _page(lang, "a.md", _covers('"good-relations#goals"'),
                                  body if lang == "en" else GOOD)} for lang in LANGS}
    [error] = _assess(pages).errors
    assert error.element == "good-relations" and error.language == "en" and found in error.found


def test_checker_wants_every_page_in_both_languages_of_a_bilingual_municipality():
    pages = {lang: {"a.md": _page(lang, "a.md", _covers("good-relations"), GOOD),
                    "b.md": _page(lang, "b.md", "[]", "# B\n\nText.")} for lang in LANGS}
    del pages["sv"]["b.md"]
    [error] = _assess(pages).errors
    assert (error.element, error.language) == ("bilingual-publication", "sv")
    assert "add docs/sv/b.md, the Swedish version of docs/fi/b.md" in error.fix
    assert _assess(pages, _programme(bilingual=False)).errors == []


def test_review_date_and_council_decision():
    pages = {lang: {"a.md": _page(lang, "a.md", _covers("good-relations"), GOOD)} for lang in LANGS}
    [error] = _assess(pages, _programme(next_review="2024-12-31")).errors
    assert error.element == "periodic-review" and error.language is None and "has passed" in error.found
    ended = _assess(pages, _programme(next_review="2024-12-31", status="period_ended", period=PAST))
    assert ended.errors == [] and ended.review_overdue
    assert [w.element for w in ended.warnings] == ["periodic-review"]
    unknown = _assess(pages, _programme(council_decision={"body": _l("fullmäktige"), "date": None, "section": None}))
    [warning] = unknown.warnings
    assert warning.element == "council-approval" and "not given in the document" in warning.found


def test_the_data_file_keeps_the_certainty_of_its_sources():
    requirements = load_requirements(REPO / "hooks" / "requirements.yml")
    assert {"act-1386-2010", "act-681-2023"} <= set(requirements.profiles)
    for profile in requirements.profiles.values():
        assert all(e.certainty == "V" for e in profile.elements if e.required), profile.id
    old = requirements.profiles["act-1386-2010"]
    assert {e.id for e in old.elements if e.required and e.source == "statute"} == \
        {"integration-programme", "council-approval", "periodic-review", "budget-link"}
    assert all(not e.required for e in old.elements if e.basis.section == "33")
    new = requirements.profiles["act-681-2023"]
    assert {"objectives", "measures", "responsible-bodies", "cooperation", "monitoring-indicators",
            "initial-phase-programme"} <= {e.id for e in new.elements if e.required}
    with pytest.raises(RequirementsError, match="only an element with certainty V can be required"):
        parse_requirements(_tiny(_element("state-compensation", certainty="U")))


def test_programme_facts_are_validated():
    with pytest.raises(ProgrammeError, match="status: expected one of in_force, period_ended"):
        _programme(status="valid")
    with pytest.raises(ProgrammeError, match="next_review: expected a date"):
        _programme(next_review="end of 2024")


def test_built_page_check():
    pages = {lang: {"a.md": _page(lang, "a.md", _covers("good-relations"), GOOD)} for lang in LANGS}
    result = _assess(pages, _programme(status="period_ended"))
    good = f'<div {NOTICE_ATTRIBUTE}></div><div class="md-copyright"><a href="../tillganglighet/">Statement</a></div>'
    assert links_to(good, "fi/a/", "fi/tillganglighet/") and not links_to(good, "fi/a/b/", "fi/tillganglighet/")
    assert check_built_page(result, "fi", "docs/fi/a.md", "fi/a/", good, "fi/tillganglighet/") == []
    result = _assess(pages, _programme(status="period_ended"),
                     _element("accessibility-statement-linked", check="linked-from-every-page"))
    nav_only = '<nav><a href="../tillganglighet/">Statement</a></nav><div class="md-copyright"></div>'
    problems = check_built_page(result, "fi", "docs/fi/a.md", "fi/a/", nav_only, "fi/tillganglighet/")
    assert [p.element for p in problems] == ["accessibility-statement-linked", "periodic-review"]


def test_report_and_notice_in_each_language():
    pages = {lang: {"a.md": _page(lang, "a.md", _covers('"good-relations#goals"'), GOOD)} for lang in LANGS}
    result = _assess(pages, _programme(status="period_ended", next_review="2024-12-31", period=PAST))
    for lang, overdue in (("sv", "försenad"), ("fi", "myöhässä"), ("en", "overdue")):
        report = render_report(result, lang, "lagkrav.md")
        assert f"[a.md – Goals](a.md#goals)" in report and f"budget-link ({lang})" in report and overdue in report
    assert status_notice(result.programme, "en").startswith("The period of validity 2022–2024 ended on 31 December 2024.")
    assert "31.12.2024" in status_notice(result.programme, "fi")
    assert status_notice(_programme(), "sv") is None


def test_feedback_channel_is_the_repository_or_the_publisher():
    programme = _programme()
    issues = render_feedback(Repository("https://github.com/o/r", "https://github.com/o/r/issues"), programme, "en")
    assert "<https://github.com/o/r/issues>" in issues and "user account" in issues
    publisher = render_feedback(None, programme, "sv")
    assert "Stad (sv)" in publisher and "https://www.example.org" in publisher and "github" not in publisher


@pytest.mark.parametrize("remote,expected", [
    ("git@github.com:porvoo/integration.git", "https://github.com/porvoo/integration"),
    ("https://user:secret-token@github.com/porvoo/integration.git", "https://github.com/porvoo/integration"),
    ("ssh://git@gitlab.com:2222/porvoo/integration.git", "https://gitlab.com/porvoo/integration"),
    ("/srv/git/integration.git", None),
    ("file:///srv/git/integration.git", None),
])
def test_repository_web_address_never_leaks_credentials(remote, expected):
    assert web_url(remote) == expected


def test_repository_from_ci_environment_or_nothing(tmp_path):
    ci = find_repository(tmp_path, {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "porvoo/site"})
    assert ci == Repository("https://github.com/porvoo/site", "https://github.com/porvoo/site/issues", "/edit/")
    assert ci.edit_url("directory/frk-borga.yml", "main") == \
        "https://github.com/porvoo/site/edit/main/directory/frk-borga.yml"
    assert find_repository(tmp_path, {}) is None    # not a git checkout, no CI: the publisher answers


# ---- any set of the three languages ---------------------------------------------------------

def _two(text: str, langs=("sv", "fi")) -> dict[str, str]:
    return {lang: f"{text} ({lang})" for lang in langs}


def _programme_in(langs: tuple[str, ...], **changes):
    """A programme declared in the site's languages only (no English names on a sv+fi site)."""
    raw = {"municipality": _two("Pargas", langs), "bilingual": "sv" in langs and "fi" in langs, "profile": "tiny",
           "period": PAST, "status": "period_ended", "next_review": "2024-12-31", "edition": "2023",
           "publisher": _two("Stad", langs), "council_decision": {"body": _two("fullmäktige", langs),
                                                                   "date": None, "section": None}}
    raw.update(changes)
    return load_programme({"programme": raw, "editions": ["2022", "2023"]}, langs)


@pytest.mark.parametrize("langs", [("sv", "fi"), ("fi",)], ids=["sv+fi", "fi only"])
def test_a_site_in_fewer_languages_is_checked_and_reported_in_its_own(langs):
    pages = {lang: {"a.md": _page(lang, "a.md", _covers('"good-relations#goals"'), GOOD)} for lang in langs}
    programme = _programme_in(langs)
    assert set(programme.municipality) == set(langs)
    result = _assess(pages, programme)
    assert result.errors == [] and result.languages == langs
    for lang in langs:
        report = render_report(result, lang, "lagkrav.md")
        assert f"Pargas ({lang})" in report and f"budget-link ({lang})" in report
        assert f"[a.md – Goals](a.md#goals)" in report and "(en)" not in report
        assert status_notice(programme, lang) and render_feedback(None, programme, lang).count(f"Stad ({lang})") == 1
    municipality = render_report(result, langs[0], "lagkrav.md").split("\n")[4]
    assert {"sv": "tvåspråkig kommun", "fi": "yksikielinen kunta"}[langs[0]] in municipality


def test_the_site_languages_decide_which_texts_are_required():
    with pytest.raises(ProgrammeError,
                       match=r"municipality: expected a text for each of the site's languages \(sv, fi\)"):
        _programme_in(("sv", "fi"), municipality={"sv": "Pargas"})
    with pytest.raises(ProgrammeError, match="have texts in sv, fi, en only"):
        _programme_in(("sv", "de"))
    assert _programme(municipality=_l("Borgå")).municipality["en"] == "Borgå (en)"   # all three by default


def test_a_superseded_edition_names_its_successor_and_is_not_reviewed():
    old = _programme_in(("sv", "fi"), status="superseded", edition="2022")
    assert old.superseded_by == "2023"
    with pytest.raises(ProgrammeError, match="superseded needs a newer edition after '2023'"):
        _programme_in(("sv", "fi"), status="superseded")
    pages = {lang: {"a.md": _page(lang, "a.md", _covers("good-relations"), GOOD)} for lang in ("sv", "fi")}
    result = _assess(pages, old)
    assert result.errors == [] and not result.review_overdue
    assert "periodic-review" not in {w.element for w in result.warnings}
    assert status_notice(old, "fi") is None       # the older-edition banner says it
    assert "Ersatt av 2023 års upplaga" in render_report(result, "sv", "lagkrav.md")
    footer = '<div class="md-copyright"><a href="../tillganglighet/">Statement</a></div>'
    [problem] = check_built_page(result, "sv", "docs/sv/a.md", "a/", footer, "tillganglighet/")
    assert problem.element == "periodic-review" and "superseded by the 2023 edition" in problem.found
    banner = '<p class="edition-notice">Du läser 2022 års upplaga.</p>' + footer
    assert check_built_page(result, "sv", "docs/sv/a.md", "a/", banner, "tillganglighet/") == []


def test_a_gap_declared_missing_from_the_document_warns_and_is_shown_as_such():
    pages = {lang: {"a.md": _page(lang, "a.md", "[council-approval, periodic-review]", GOOD)} for lang in LANGS}
    assert {p.element for p in _assess(pages).errors} == {"budget-link"}
    result = _assess(pages, _programme(missing_in_source=["budget-link"]))
    assert result.errors == [] and {(p.element, p.severity) for p in result.problems} >= {("budget-link", "warning")}
    report = render_report(result, "en", "lagkrav.md")
    assert "| Missing from the approved text |" in report and "does not stop the build" in report
    assert "does not stop the build" not in render_report(_assess(
        {lang: {"a.md": _page(lang, "a.md", _covers(), GOOD)} for lang in LANGS}), "en", "lagkrav.md")


@pytest.mark.parametrize("declared, message", [
    (["budget-lnk"], "which is not a required element of the profile tiny"),
    (["good-relations"], "which is not a required element of the profile tiny"),     # only recommended
    (["bilingual-publication"], "which is not a required element of the profile tiny"),  # checked by the build
])
def test_only_required_elements_that_pages_cover_can_be_declared_missing(declared, message):
    pages = {lang: {"a.md": _page(lang, "a.md", _covers(), GOOD)} for lang in LANGS}
    errors = _assess(pages, _programme(missing_in_source=declared)).errors
    assert len(errors) == 1 and message in errors[0].found and "use one of: budget-link" in errors[0].fix


def test_missing_in_source_must_be_a_list_of_ids():
    with pytest.raises(ProgrammeError, match="missing_in_source: expected a list of element ids"):
        _programme(missing_in_source="budget-link")
