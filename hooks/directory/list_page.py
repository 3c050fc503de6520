"""The directory page of one language: "What do you need?", the filter and the full list.

Everything is rendered at build time, so the page works with JavaScript off: the
needs link to server-rendered sections listing the actors for each need, and the
full list is always there. directory.js then shows the filter form (hidden without
JavaScript, where it could not work), filters the list in place and hides the
per-need sections, which the filter replaces.

A page asks for the parts with marker lines, each replaced by one HTML block:
<!-- directory:needs -->, <!-- directory:list -->, <!-- directory:by-need -->,
<!-- directory:open-data -->, and (for the partner guide) <!-- directory:codes -->.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from .html import esc, in_language
from .jsonld import actor_languages
from .labels import Labels
from .text import pick

MARKERS = ("needs", "list", "by-need", "open-data", "codes")

# Matches the filter shows at a time: beyond a page a list is read by searching, not by
# scrolling, and the browser lays out only what is shown (thousands of items took
# 170 ms per keystroke).
PAGE_SIZE = 50


@dataclass(frozen=True)
class ListContext:
    lang: str
    fallbacks: tuple[str, ...]
    labels: Labels
    actor_href: Callable[[str], str]   # actor id -> its page, relative to this page
    export_href: str


def marker(name: str) -> str:
    return f"<!-- directory:{name} -->"


def actor_needs(actor: Mapping[str, Any]) -> list[str]:
    return sorted({need for service in actor.get("services") or () for need in service.get("needs") or ()})


def actor_groups(actor: Mapping[str, Any]) -> list[str]:
    return sorted({group for service in actor.get("services") or () for group in service.get("target_groups") or ()})


def render_parts(actors: Sequence[Mapping[str, Any]], ctx: ListContext) -> dict[str, str]:
    ordered = sorted(actors, key=lambda a: ctx.labels.sort_key(pick(a["name"], ctx.lang, ctx.fallbacks).text))
    return {
        "needs": _needs(ordered, ctx),
        "list": _filter_form(ordered, ctx) + "\n" + _list(ordered, ctx),
        "by-need": _by_need(ordered, ctx),
        "open-data": f'<p class="directory-open-data"><a href="{esc(ctx.export_href)}" type="application/json">'
                     f'{esc(ctx.labels("open_data"))}</a></p>',
        "codes": _codes(ctx.labels),
    }


def _needs(actors, ctx: ListContext) -> str:
    labels = ctx.labels
    items = []
    for need, label in labels.needs.items():
        count = sum(need in actor_needs(actor) for actor in actors)
        items.append(f'<li><a class="directory-needs__link" href="#need-{esc(need)}" data-need="{esc(need)}">'
                     f'<span class="directory-needs__label">{esc(label)}</span> '
                     f'<span class="directory-needs__count">{esc(labels.need_count(count))}</span></a></li>')
    return '<ul class="directory-needs" id="directory-needs">' + "".join(items) + "</ul>"


def _select(name: str, label: str, options: list[tuple[str, str]], any_label: str) -> str:
    rendered = f'<option value="">{esc(any_label)}</option>' + "".join(
        f'<option value="{esc(value)}">{esc(text)}</option>' for value, text in options)
    return (f'<p class="directory-filter__field"><label for="directory-{name}">{esc(label)}</label>'
            f'<select id="directory-{name}" name="{name}">{rendered}</select></p>')


def _filter_form(actors, ctx: ListContext) -> str:
    labels = ctx.labels
    kinds = sorted({a["kind"] for a in actors}, key=list(labels.kinds).index)
    codes = sorted({code for a in actors for code in actor_languages(a)},
                   key=lambda code: labels.sort_key(labels.language(code)))
    groups = sorted({g for a in actors for g in actor_groups(a)}, key=list(labels.target_groups).index)
    capital = lambda text: text[:1].upper() + text[1:]  # noqa: E731 - "finska" stands alone in a list
    fields = "".join([
        _select("kind", labels("kind"), [(k, labels.kinds[k]) for k in kinds], labels("any")),
        _select("need", labels("need"), list(labels.needs.items()), labels("any")),
        _select("lang", labels("language"), [(c, capital(labels.language(c))) for c in codes], labels("any")),
        _select("group", labels("group"), [(g, labels.target_groups[g]) for g in groups], labels("any")),
    ])
    # hidden until directory.js runs: without JavaScript the form could not filter anything.
    return (f'<form class="directory-filter" id="directory-filter" role="search" '
            f'aria-label="{esc(labels("filter_form"))}" hidden>'
            f'<p class="directory-filter__search"><label for="directory-q">{esc(labels("search"))}</label>'
            f'<input type="search" id="directory-q" name="q" autocomplete="off"></p>'
            f'<fieldset class="directory-filter__fields"><legend>{esc(labels("filters"))}</legend>{fields}</fieldset>'
            f'<p class="directory-filter__actions"><button type="reset" class="md-button">{esc(labels("reset"))}</button></p>'
            f"</form>")


def _search_text(actor) -> str:
    """What the search box matches: names in every language, the abbreviation, service names."""
    texts = list(actor["name"].values())
    if actor.get("alternate_name"):
        texts.append(actor["alternate_name"])
    for service in actor.get("services") or ():
        texts.extend(service["name"].values())
    return " | ".join(texts)


def _list(actors, ctx: ListContext) -> str:
    labels, lang = ctx.labels, ctx.lang
    items = []
    for actor in actors:
        name = pick(actor["name"], lang, ctx.fallbacks)
        meta = esc(labels.kinds[actor["kind"]])
        if actor.get("alternate_name"):
            meta += " · " + esc(actor["alternate_name"])
        body = [f'<h3 class="directory-item__name"><a href="{esc(ctx.actor_href(actor["id"]))}">'
                f'{in_language(name, lang)}</a></h3>',
                f'<p class="directory-item__meta">{meta}</p>']
        services = [pick(s["name"], lang, ctx.fallbacks) for s in actor.get("services") or ()]
        if services:
            body.append(f'<p class="directory-item__label">{esc(labels("services"))}:</p>'
                        '<ul class="directory-item__services">'
                        + "".join(f"<li>{in_language(s, lang)}</li>" for s in services) + "</ul>")
        codes = actor_languages(actor)
        if codes:
            body.append(f'<p class="directory-item__languages">{esc(labels("serves_in"))}: '
                        f'{esc(", ".join(labels.language(c) for c in codes))}</p>')
        data = {"kind": actor["kind"], "needs": " ".join(actor_needs(actor)), "langs": " ".join(codes),
                "groups": " ".join(actor_groups(actor)), "search": _search_text(actor)}
        attrs = "".join(f' data-{key}="{esc(value)}"' for key, value in data.items())
        items.append(f'<li class="directory-item" id="actor-{esc(actor["id"])}"{attrs}>' + "".join(body) + "</li>")
    templates = {"count-all": labels("count_all"), "count-some": labels("count_some"),
                 "count-none": labels("count_none"), "count-paged": labels("count_paged"),
                 "show-more": labels("show_more"), "page-size": str(PAGE_SIZE), "total": str(len(actors))}
    data = "".join(f' data-{key}="{esc(value)}"' for key, value in templates.items())
    # directory.js shows at most a page of matches and this button for the next page;
    # without JavaScript the button stays hidden and every item is shown.
    return (f'<p class="directory-count" id="directory-count" role="status" aria-live="polite">'
            f'{esc(labels("count_all", total=len(actors)))}</p>'
            f'<ul class="directory-list" id="directory-list"{data}>' + "".join(items) + "</ul>"
            '<p class="directory-more" id="directory-more" hidden><button type="button" class="md-button">'
            '</button></p>')


def _by_need(actors, ctx: ListContext) -> str:
    labels, lang = ctx.labels, ctx.lang
    sections = []
    for need, label in labels.needs.items():
        rows = []
        for actor in actors:
            services = [pick(s["name"], lang, ctx.fallbacks) for s in actor.get("services") or ()
                        if need in (s.get("needs") or ())]
            if not services:
                continue
            name = pick(actor["name"], lang, ctx.fallbacks)
            rows.append(f'<li><a href="{esc(ctx.actor_href(actor["id"]))}">{in_language(name, lang)}</a>: '
                        + ", ".join(in_language(s, lang) for s in services) + "</li>")
        sections.append(f'<section class="directory-need" id="need-{esc(need)}" aria-labelledby="need-{esc(need)}-title">'
                        f'<h3 id="need-{esc(need)}-title">{esc(label)}</h3><ul>{"".join(rows)}</ul></section>')
    return (f'<section class="directory-by-need" id="by-need" aria-labelledby="by-need-title">'
            f'<h2 id="by-need-title">{esc(labels("by_need"))}</h2>' + "".join(sections) + "</section>")


def _codes(labels: Labels) -> str:
    """The allowed codes with their meaning in this language, for the partner guide."""
    tables = []
    for field, names in (("kind", labels.kinds), ("needs", labels.needs), ("target_groups", labels.target_groups)):
        rows = "".join(f"<tr><td><code>{esc(code)}</code></td><td>{esc(text)}</td></tr>" for code, text in names.items())
        tables.append(f'<table class="directory-codes" id="codes-{field}"><caption><code>{field}</code></caption>'
                      f'<thead><tr><th scope="col">{esc(labels("code"))}</th><th scope="col">{esc(labels("meaning"))}</th>'
                      f"</tr></thead><tbody>{rows}</tbody></table>")
    return "\n".join(tables)
