"""Checks a site against its profile and produces problems: errors stop the build, warnings do not.

Every problem names the element, its legal basis, the language, the edition and
what to add where, so that the person who reads the failed build can fix it
without knowing this code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from hooks.compliance.pages import SourcePage
from hooks.compliance.requirements import Element, Profile, Requirements
from hooks.site_config import Programme

ERROR, WARNING = "error", "warning"
STATEMENT = "accessibility-statement"    # the element whose page is the accessibility statement
NOTICE_ATTRIBUTE = 'data-programme-status="period_ended"'   # written by overrides/partials/programme-status.html
# A superseded edition says so with the older-edition banner of hooks/edition_pages.py
# (overrides/partials/edition-notice.html), not with a notice of its own: one message, not two.
EDITION_NOTICE = 'class="edition-notice"'


@dataclass(frozen=True)
class Problem:
    severity: str               # error | warning
    element: str                # element id
    label: str                  # the element's English label
    basis: str                  # its legal basis, in English
    language: str | None        # None: concerns every language
    edition: str
    found: str
    fix: str

    def __str__(self) -> str:
        where = f"language {self.language}" if self.language else "all languages"
        return (f"[{self.element}] {self.label}\n"
                f"    legal basis: {self.basis} | {where} | edition {self.edition}\n"
                f"    found: {self.found}\n"
                f"    what to do: {self.fix}")


@dataclass(frozen=True)
class PageRef:
    """A page (and heading) that covers an element."""
    page: SourcePage
    anchor: str | None
    heading: str | None


@dataclass(frozen=True)
class ElementStatus:
    element: Element
    applies: bool
    covered_by: dict[str, tuple[PageRef, ...]] = field(default_factory=dict)   # language -> pages

    def covered(self, lang: str) -> bool:
        return bool(self.covered_by.get(lang))


@dataclass(frozen=True)
class Assessment:
    profile: Profile
    programme: Programme
    build_date: date
    languages: tuple[str, ...]
    pages: dict[str, dict[str, SourcePage]]
    statuses: tuple[ElementStatus, ...]
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def review_overdue(self) -> bool:
        """A superseded edition is not reviewed any more: the edition that replaced it is."""
        return self.programme.status != "superseded" and self.programme.next_review < self.build_date

    def status(self, element_id: str) -> ElementStatus | None:
        return next((s for s in self.statuses if s.element.id == element_id), None)

    def statement_page(self, lang: str) -> SourcePage | None:
        status = self.status(STATEMENT)
        refs = status.covered_by.get(lang) if status else None
        return refs[0].page if refs else None


def assess(requirements: Requirements, profile: Profile, programme: Programme,
           pages: dict[str, dict[str, SourcePage]], build_date: date, docs_shown: str = "docs") -> Assessment:
    languages = tuple(pages)
    problems = check_declarations(requirements, programme, pages) + check_missing_in_source(profile, programme)
    statuses = []
    for element in profile.elements:
        applies = element.applies_if != "bilingual" or programme.bilingual
        status, found = ElementStatus(element, applies), []
        if applies and element.check == "covers":
            covered_by = {}
            for lang in languages:
                covered_by[lang], lang_problems = check_coverage(element, programme, pages, lang, docs_shown)
                found += lang_problems
            status = ElementStatus(element, applies, covered_by)
        elif applies and element.check == "every-page-in-both-languages":
            found += check_bilingual(element, programme, pages, docs_shown)
        if element.facts == "review-date":
            found += check_review_date(element, programme, build_date)
        elif element.facts == "council-decision":
            found += check_council_decision(element, programme)
        statuses.append(status)
        problems += found
    return Assessment(profile, programme, build_date, languages, pages, tuple(statuses), tuple(problems))


def _problem(severity: str, element: Element, programme: Programme, language: str | None,
             found: str, fix: str) -> Problem:
    return Problem(severity, element.id, element.label["en"], element.basis.text("en"), language,
                   programme.edition, found, fix)


def check_declarations(requirements: Requirements, programme: Programme,
                       pages: dict[str, dict[str, SourcePage]]) -> list[Problem]:
    """Malformed `covers:` entries and ids that no profile knows (a typo must not pass silently)."""
    problems = []
    known = requirements.known_ids
    for lang, by_name in pages.items():
        for page in by_name.values():
            for text in page.problems:
                problems.append(Problem(ERROR, "covers", "Page front matter", "—", lang, programme.edition, text,
                                        "write each entry as element-id or \"element-id#heading-id\""))
            for cover in page.covers:
                if cover.element not in known:
                    problems.append(Problem(
                        ERROR, cover.element, "Unknown element", "—", lang, programme.edition,
                        f"{page.path} declares covers: {cover.element}, which hooks/requirements.yml does not list",
                        f"use one of: {', '.join(sorted(known))}"))
    return problems


def check_missing_in_source(profile: Profile, programme: Programme) -> list[Problem]:
    """Only a required element that pages declare (check: covers) can be declared missing from the source."""
    problems = []
    declarable = {e.id for e in profile.elements if e.required and e.check == "covers"}
    for element_id in programme.missing_in_source:
        if element_id not in declarable:
            problems.append(Problem(
                ERROR, element_id, "Declared missing from the document", "—", None, programme.edition,
                f"extra.programme.missing_in_source lists '{element_id}', which is not a required element "
                f"of the profile {profile.id} that pages cover",
                f"use one of: {', '.join(sorted(declarable))}"))
    return problems


def _declaration(element: Element, ref_anchor: str | None) -> str:
    return f'covers: ["{element.id}#{ref_anchor}"]' if ref_anchor else f"covers: [{element.id}]"


def check_coverage(element: Element, programme: Programme, pages: dict[str, dict[str, SourcePage]],
                   lang: str, docs_shown: str = "docs") -> tuple[tuple[PageRef, ...], list[Problem]]:
    """The pages of one language that cover an element, with content where they say."""
    refs, problems = [], []
    for page in pages[lang].values():
        for cover in (c for c in page.covers if c.element == element.id):
            if cover.anchor:
                heading = page.heading(cover.anchor)
                if heading is None:
                    problems.append(_problem(
                        ERROR, element, programme, lang,
                        f"{page.path} declares {_declaration(element, cover.anchor)} but has no heading "
                        f"with the id {{#{cover.anchor}}}",
                        f"add {{#{cover.anchor}}} to the heading in {page.path} that covers it "
                        f"(the same id in every language), or correct the declaration"))
                elif not heading.has_content:
                    problems.append(_problem(
                        ERROR, element, programme, lang,
                        f"the heading '{heading.text}' {{#{cover.anchor}}} in {page.path} has nothing under it",
                        f"write the content under that heading in {page.path}, or remove the declaration"))
                else:
                    refs.append(PageRef(page, cover.anchor, heading.text))
            elif not page.has_content:
                problems.append(_problem(
                    ERROR, element, programme, lang, f"{page.path} declares {element.id} but has no content",
                    f"write the content in {page.path}, or remove the declaration"))
            else:
                refs.append(PageRef(page, None, None))
    declared_missing = element.id in programme.missing_in_source
    if refs and declared_missing:
        problems.append(_problem(
            ERROR, element, programme, lang,
            f"extra.programme.missing_in_source says the document does not contain {element.id}, but "
            f"{refs[0].page.path} covers it",
            f"remove {element.id} from extra.programme.missing_in_source"))
    elif not refs and not problems and declared_missing:
        problems.append(_problem(
            WARNING, element, programme, lang,
            f"the document as approved does not contain it (extra.programme.missing_in_source); the "
            f"compliance page shows it as missing",
            "nothing to do in this edition; the next programme must contain it"))
    elif not refs and not problems:
        severity = ERROR if element.required else WARNING
        kind = "a required element" if element.required else "a recommended element"
        problems.append(_problem(severity, element, programme, lang,
                                 f"no page in {lang} covers {kind}", _where_to_add(element, pages, lang, docs_shown)))
    return tuple(refs), problems


def _where_to_add(element: Element, pages: dict[str, dict[str, SourcePage]], lang: str, docs_shown: str) -> str:
    """Point at the page that covers it in another language when there is one."""
    for other, by_name in pages.items():
        for page in by_name.values():
            cover = next((c for c in page.covers if c.element == element.id), None)
            if other == lang or cover is None:
                continue
            here = pages[lang].get(page.name)
            target = here.path if here else page.path.replace(f"/{other}/", f"/{lang}/", 1)
            if here is None:
                return f"add {target}, the {lang} version of {page.path}, which covers it"
            heading = f" and the heading id {{#{cover.anchor}}}" if cover.anchor else ""
            return (f"declare it in {target} as {page.path} does: {_declaration(element, cover.anchor)} "
                    f"in the front matter{heading}")
    return (f"add {element.add} to a page in {docs_shown}/{lang}/ and declare it in that page's front matter: "
            f"{_declaration(element, None)}")


def check_bilingual(element: Element, programme: Programme, pages: dict[str, dict[str, SourcePage]],
                    docs_shown: str) -> list[Problem]:
    """A bilingual municipality publishes every page in both Finnish and Swedish."""
    problems = []
    missing_languages = [lang for lang in ("sv", "fi") if lang not in pages]
    for lang in missing_languages:
        problems.append(_problem(ERROR, element, programme, lang,
                                 f"the site has no language '{lang}' although the municipality is bilingual",
                                 f"add '{lang}' to the i18n languages in mkdocs.yml and its pages under "
                                 f"{docs_shown}/{lang}/"))
    if missing_languages:
        return problems
    names = sorted(set(pages["sv"]) | set(pages["fi"]))
    for lang, other in (("sv", "fi"), ("fi", "sv")):
        for name in names:
            if name not in pages[lang]:
                source = pages[other][name].path
                problems.append(_problem(
                    ERROR, element, programme, lang,
                    f"{source} exists but {docs_shown}/{lang}/{name} does not",
                    f"add {docs_shown}/{lang}/{name}, the {'Finnish' if lang == 'fi' else 'Swedish'} "
                    f"version of {source}"))
    return problems


def _iso(day: date) -> str:
    return day.isoformat()


def check_review_date(element: Element, programme: Programme, build_date: date) -> list[Problem]:
    """An in-force programme whose review date has passed is an error; an ended period is shown, not hidden.
    A superseded edition has no review of its own (the edition that replaced it has)."""
    review, end = programme.next_review, programme.period_end_date
    if programme.status == "superseded":
        return []
    if programme.status == "in_force":
        if review < build_date:
            return [_problem(
                ERROR, element, programme, None,
                f"the next review date {_iso(review)} has passed (build date {_iso(build_date)}) and "
                f"extra.programme.status is in_force",
                "review the programme and set extra.programme.next_review in mkdocs.yml to the next review "
                "date; if the period is over and no newer programme is published, set "
                "extra.programme.status: period_ended (every page then says so)")]
        if end < build_date:
            return [_problem(WARNING, element, programme, None,
                             f"the period {programme.period} ended on {_iso(end)} but the status is in_force",
                             "check extra.programme.status in mkdocs.yml")]
        return []
    problems = []
    if review < build_date:
        problems.append(_problem(
            WARNING, element, programme, None,
            f"the period {programme.period} has ended and the review due {_iso(review)} is overdue "
            f"(build date {_iso(build_date)}); every page says that the period has ended",
            "publish the newer programme when there is one"))
    if end >= build_date:
        problems.append(_problem(WARNING, element, programme, None,
                                 f"the status is period_ended but the period ends on {_iso(end)}, "
                                 f"after the build date {_iso(build_date)}",
                                 "check extra.programme.status and period in mkdocs.yml"))
    return problems


def check_council_decision(element: Element, programme: Programme) -> list[Problem]:
    missing = [name for name, value in (("date", programme.council.date), ("section", programme.council.section))
               if value is None]
    if not missing:
        return []
    return [_problem(
        WARNING, element, programme, None,
        f"the council decision's {' and '.join(missing)} {'are' if len(missing) > 1 else 'is'} not given in the "
        f"document (extra.programme.council_decision: {', '.join(f'{m}: null' for m in missing)})",
        "add them to extra.programme.council_decision in mkdocs.yml when the minutes are found; never guess them")]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def _site_path(url: str) -> str:
    path = urlsplit(url).path
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def links_to(html: str, page_url: str, target_url: str) -> bool:
    """Whether the built page has a link that resolves to target_url (both site-relative URLs)."""
    parser = _Links()
    parser.feed(html)
    base = "http://site/" + page_url
    return any(_site_path(urljoin(base, href)) == _site_path("/" + target_url) for href in parser.hrefs)


def check_built_page(assessment: Assessment, lang: str, page_path: str, page_url: str, html: str,
                     statement_url: str | None) -> list[Problem]:
    """What a built page must show: the footer link to the statement, the notice when the period has
    ended, and the older-edition banner on a superseded edition."""
    problems = []
    programme = assessment.programme
    linked = next((e for e in assessment.profile.elements if e.check == "linked-from-every-page"), None)
    # Only the footer's copyright block (overrides/partials/copyright.html): the navigation and the
    # footer's next-page link can point at the statement too, and would hide a broken footer link.
    footer = html[html.find('class="md-copyright"'):] if 'class="md-copyright"' in html else ""
    if linked and statement_url and not links_to(footer, page_url, statement_url):
        problems.append(_problem(ERROR, linked, programme, lang,
                                 f"the footer of the built page of {page_path} has no link to the "
                                 f"accessibility statement",
                                 f"{linked.add}; it gets the address from the template variable "
                                 f"accessibility_statement"))
    review = next((e for e in assessment.profile.elements if e.facts == "review-date"), None)
    if review and programme.status == "period_ended" and NOTICE_ATTRIBUTE not in html:
        problems.append(_problem(ERROR, review, programme, lang,
                                 f"the built page of {page_path} does not say that the programme period has ended",
                                 "include partials/programme-status.html in the content block of overrides/main.html"))
    if review and programme.status == "superseded" and EDITION_NOTICE not in html:
        problems.append(_problem(ERROR, review, programme, lang,
                                 f"the built page of {page_path} does not say that this edition was superseded "
                                 f"by the {programme.superseded_by} edition",
                                 "add hooks/edition_pages.py to the hooks: it puts the older-edition banner "
                                 "(overrides/partials/edition-notice.html) on every page of an edition older "
                                 "than the default one"))
    return problems
