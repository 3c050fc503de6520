"""One actor's page in one language: who they are, what they offer, how to reach them.

The page is Markdown whose data parts are raw HTML blocks built with esc(): the
entry's text never passes through Markdown (so "*" or "[x](y)" in data stay text)
and never reaches the page unescaped. Headings that the site itself writes are
Markdown, so they appear in the table of contents.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Mapping

from hooks.yaml_text import safe_dump

from .chapters import ChapterRef
from .html import email_link, esc, in_language, paragraphs, phone_link, web_link
from .jsonld import actor_languages
from .labels import WEEKDAYS, Labels
from .review import review_of
from .text import Localized, pick

MARKER = "<!-- directory:actor -->"


@dataclass(frozen=True)
class ActorPageContext:
    lang: str
    fallbacks: tuple[str, ...]           # languages to show when the entry lacks lang
    labels: Labels
    today: date
    list_href: str                       # the directory page, relative to this page
    list_md: str                         # the same as a Markdown link target ("../katalog.md")
    chapter: Callable[[str], ChapterRef]
    chapter_md: Callable[[ChapterRef], str]   # Markdown link target of a chapter ("../2-3-basservice.md#…")
    edit_url: str | None                 # the entry's file in the repository's web editor
    guide_md: str                        # the partner guide, when there is no editor to link to


def front_matter(actor: Mapping[str, Any], lang: str, fallbacks: tuple[str, ...]) -> str:
    """Front matter of the page: the title is escaped here because themes print it unescaped."""
    name = pick(actor["name"], lang, fallbacks)
    description = pick(actor.get("description"), lang, fallbacks)
    meta = {"title": esc(name.text), "directory_actor": actor["id"]}
    if description:
        meta["description"] = esc(" ".join(description.text.split())[:300])
    return "---\n" + safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + MARKER + "\n"


def render_actor(actor: Mapping[str, Any], ctx: ActorPageContext) -> str:
    parts = [_header(actor, ctx)]
    services = actor.get("services") or []
    if services:
        parts.append(_heading(ctx.labels("services"), "services"))
        parts.append("\n".join(_service(service, index, ctx) for index, service in enumerate(services, 1)))
    parts.append(_heading(ctx.labels("contact_heading"), "contact"))
    parts.append(_contact(actor, ctx))
    if actor.get("locations"):
        parts.append(_heading(ctx.labels("locations_heading"), "locations"))
        parts.append("\n".join(_location(location, ctx) for location in actor["locations"]))
    if actor.get("programme_chapters"):
        parts.append(_heading(ctx.labels("chapters_heading"), "chapters"))
        parts.append(ctx.labels("chapters_intro"))
        parts.append("\n".join(_chapter_item(ctx.chapter(number), ctx) for number in actor["programme_chapters"]))
    parts.append(_heading(ctx.labels("maintenance_heading"), "maintenance"))
    parts.append(_maintenance(actor, ctx))
    return "\n\n".join(parts) + "\n"


def _heading(text: str, anchor: str) -> str:
    return f"## {_md_text(text)} {{#{anchor}}}"


def _md_text(text: str) -> str:
    """Site-written text in Markdown: escaped for HTML and for Markdown's own characters."""
    return "".join("\\" + c if c in "\\`*_{}[]()#+!|<>" else c for c in esc(text))


def _header(actor, ctx: ActorPageContext) -> str:
    labels, lang = ctx.labels, ctx.lang
    name = pick(actor["name"], lang, ctx.fallbacks)
    meta = [f'<span class="directory-kind">{esc(labels.kinds[actor["kind"]])}</span>']
    if actor.get("alternate_name"):
        meta.append(f'{esc(labels("alternate_name"))}: {esc(actor["alternate_name"])}')
    out = [in_language(name, lang, "h1"),
           '<p class="directory-actor__meta">' + " · ".join(meta) + "</p>"]
    review = review_of(actor, ctx.today)
    if review.state != "current":
        out.append(_review_notice(review, labels))
    description = pick(actor.get("description"), lang, ctx.fallbacks)
    if description:
        out.append(f'<div class="directory-actor__description">{paragraphs(description, lang)}</div>')
    codes = actor_languages(actor)
    if codes:
        out.append(f'<p class="directory-actor__languages"><strong>{esc(labels("serves_in"))}:</strong> '
                   f'{esc(", ".join(labels.language(code) for code in codes))}</p>')
    return '<div class="directory-actor">' + "".join(out) + "</div>"


def _review_notice(review, labels: Labels) -> str:
    title = labels(f"review_{review.state}_title")
    if review.state == "never":
        text = esc(labels("review_never"))
    else:
        text = esc(labels("review_stale", date="\0")).replace("\0", _time(review.reviewed, labels))
    return (f'<div class="admonition warning directory-review directory-review--{review.state}" role="note">'
            f'<p class="admonition-title">{esc(title)}</p><p>{text}</p></div>')


def _time(day: date, labels: Labels) -> str:
    return f'<time datetime="{day.isoformat()}">{esc(labels.date(day))}</time>'


def _service(service, index: int, ctx: ActorPageContext) -> str:
    labels, lang = ctx.labels, ctx.lang
    out = [in_language(pick(service["name"], lang, ctx.fallbacks), lang, "h3")]
    description = pick(service.get("description"), lang, ctx.fallbacks)
    if description:
        out.append(paragraphs(description, lang))
    facts = []
    groups = service.get("target_groups") or []
    if groups:
        facts.append((labels("for_whom"), esc(", ".join(labels.target_groups[g] for g in groups))))
    eligibility = pick(service.get("eligibility_description"), lang, ctx.fallbacks)
    if eligibility:
        facts.append((labels("eligibility"), in_language(eligibility, lang)))
    codes = service.get("languages") or []
    if codes:
        facts.append((labels("service_languages"), esc(", ".join(labels.language(c) for c in codes))))
    needs = service.get("needs") or []
    if needs:
        links = "".join(f'<li><a href="{esc(ctx.list_href)}#need-{esc(need)}">{esc(labels.needs[need])}</a></li>'
                        for need in needs)
        facts.append((labels("helps_with"), f'<ul class="directory-chips">{links}</ul>'))
    link = web_link(service["url"]) if service.get("url") else None
    if link:
        facts.append((labels("service_page"), link))
    if facts:
        out.append('<dl class="directory-facts">'
                   + "".join(f"<dt>{esc(term)}</dt><dd>{value}</dd>" for term, value in facts) + "</dl>")
    return f'<section class="directory-service" id="service-{index}">' + "".join(out) + "</section>"


def _contact(actor, ctx: ActorPageContext) -> str:
    labels, lang = ctx.labels, ctx.lang
    items = []
    link = web_link(actor["website"]) if actor.get("website") else None
    if link:
        items.append(f'<li><strong>{esc(labels("website"))}:</strong> {link}</li>')
    if actor.get("email"):
        items.append(f'<li><strong>{esc(labels("email"))}:</strong> {email_link(actor["email"])}</li>')
    for phone in actor.get("phones") or []:
        what = pick(phone.get("description"), lang, ctx.fallbacks)
        suffix = f" ({in_language(what, lang)})" if what else ""
        items.append(f'<li><strong>{esc(labels("phone"))}:</strong> {phone_link(phone["number"])}{suffix}</li>')
    if not items:
        return f'<p class="directory-contact">{esc(labels("no_contact"))}</p>'
    return '<ul class="directory-contact">' + "".join(items) + "</ul>"


def _location(location, ctx: ActorPageContext) -> str:
    labels, lang = ctx.labels, ctx.lang
    address = location["address"]
    name = pick(location.get("name"), lang, ctx.fallbacks) or Localized(address["city"], lang)
    lines = [esc(address["address_1"])] if address.get("address_1") else []
    lines.append(esc(" ".join(part for part in (address.get("postal_code"), address["city"]) if part)))
    if address.get("country", "FI") != "FI":
        lines.append(esc(address["country"]))
    out = [in_language(name, lang, "h3"), "<address>" + "<br>".join(lines) + "</address>"]
    times = [_schedule(schedule, ctx) for schedule in location.get("schedules") or []]
    if times:
        out.append(f'<dl class="directory-facts"><dt>{esc(labels("opening_hours"))}</dt>'
                   + "".join(f"<dd>{time}</dd>" for time in times) + "</dl>")
    return '<section class="directory-location">' + "".join(out) + "</section>"


def _schedule(schedule, ctx: ActorPageContext) -> str:
    parts = []
    if schedule.get("byday"):
        parts.append(esc(", ".join(ctx.labels.weekday(day) for day in schedule["byday"].split(",")
                                   if day in WEEKDAYS)))
    if schedule.get("opens_at"):
        parts.append(f'<time>{esc(schedule["opens_at"])}</time>–<time>{esc(schedule["closes_at"])}</time>')
    described = pick(schedule.get("description"), ctx.lang, ctx.fallbacks)
    if described:
        parts.append(in_language(described, ctx.lang))
    return " ".join(parts)


def _chapter_item(ref: ChapterRef, ctx: ActorPageContext) -> str:
    return f"- [{_md_text(ref.title)}]({ctx.chapter_md(ref)})"


def _maintenance(actor, ctx: ActorPageContext) -> str:
    labels = ctx.labels
    review = review_of(actor, ctx.today)
    if review.state == "never":
        status = esc(labels("review_never"))
    else:
        status = esc(labels(f"review_{review.state}", date="\0")).replace("\0", _time(review.reviewed, labels))
    out = [f'<p class="directory-review-status directory-review-status--{review.state}">{status}</p>',
           f"<p>{esc(labels('suggest_intro'))}</p>"]
    if ctx.edit_url:
        out.append(f'<p><a class="directory-suggest" href="{esc(ctx.edit_url)}">{esc(labels("suggest_change"))}</a></p>')
        suggest = ""
    else:
        suggest = f"[{_md_text(labels('suggest_change'))}]({ctx.guide_md}){{ .directory-suggest }}\n\n"
    back = f"[{_md_text(labels('back'))}]({ctx.list_md})"
    return "".join(out) + "\n\n" + suggest + back
