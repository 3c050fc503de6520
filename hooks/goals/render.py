"""The goals as HTML tables inside Markdown: chapter 5 of each language, and one page per goal.

Tables are raw HTML because Markdown tables cannot have header cells with scope, a
caption or a header cell spanning the rows of a focus area. Headings, links and front
matter stay Markdown so that MkDocs numbers, resolves and checks them like written
text. Every text from the data file is HTML-escaped.

The tables carry explicit ARIA roles and each cell its column's name (data-label): on a
phone the stylesheet stacks the cells (a table with display: block loses its table
semantics in some browsers, the roles keep them) and shows the name above each cell.
"""
from __future__ import annotations

import json
from html import escape
from typing import Mapping, Sequence

from hooks.numbers import format_value

from . import wording
from .model import FocusArea, FollowUp, Goal, Goals, Responsible, Row

# Directory names by actor id, from directory/<id>.yml: {"kombi": {"sv": …, "fi": …, "en": …}}.
ActorNames = Mapping[str, Mapping[str, str]]

CHAPTER_PAGE = "5-mal-och-uppfoljning.md"


def render_chapter(goals: Goals, names: ActorNames, lang: str) -> str:
    """What replaces the marker in chapter 5: every goal with its heading, table, warnings
    and a link to its page."""
    parts = []
    for goal in goals.goals:
        heading = _markdown_text(wording.goal_heading(goal.number, goal.title[lang], lang))
        parts += [f"## {heading} {{#{goal_anchor(goal)}}}", goal_table(goals, goal, names, lang)]
        warning = uncertainty_warning(goal, lang)
        if warning:
            parts.append(warning)
        parts.append(f"[{wording.GOAL_PAGE_LINK[lang].format(n=goal.number)}]({goal_page_path(goal)})")
    return "\n\n".join(parts) + "\n"


def render_goal_page(goals: Goals, goal: Goal, names: ActorNames, lang: str, translation: str) -> str:
    """The Markdown of mal/<number>.md in one language; translation is "source" or "unofficial"."""
    title = wording.goal_heading(goal.number, goal.title[lang], lang)
    chapter = f"../{CHAPTER_PAGE}#{goal_anchor(goal)}"
    parts = [
        # part_of, not chapter: a goal page is a view of chapter 5, not a chapter of the programme
        # (the whole-programme print edition takes every page that has a chapter number).
        "---\n" f"title: {json.dumps(title, ensure_ascii=False)}\n" 'part_of_chapter: "5"\n'
        f"translation: {translation}\n---",
        f"# {_markdown_text(title)}",
        wording.GOAL_PAGE_INTRO[lang].format(chapter=chapter),
        goal_table(goals, goal, names, lang),
    ]
    warning = uncertainty_warning(goal, lang)
    if warning:
        parts.append(warning)
    parts.append(f"## {wording.FOLLOW_UP_HEADING[lang]} {{#uppfoljning}}")
    parts.append(follow_up_table(goals, goal, lang) or wording.FOLLOW_UP_NONE[lang])
    return "\n\n".join(parts) + "\n"


def goal_anchor(goal: Goal) -> str:
    return f"mal-{goal.number}"


def goal_page_path(goal: Goal) -> str:
    """The goal page's path inside each language's folder (docs/<lang>/mal/1.md, generated)."""
    return f"mal/{goal.number}.md"


# ---- the goal's table -----------------------------------------------------------------

def goal_table(goals: Goals, goal: Goal, names: ActorNames, lang: str) -> str:
    columns = [goals.columns["focus"][lang], goals.measures_heading(goal)[lang],
               goals.columns["indicators"][lang], goals.columns["responsible"][lang]]
    html = [f'<table class="goal-table" role="table" id="{goal_anchor(goal)}-tabell">',
            f"<caption>{escape(wording.TABLE_CAPTION[lang].format(n=goal.number))}</caption>",
            _head(columns)]
    uncertain = 0
    for area in goal.focus_areas:
        html.append('<tbody role="rowgroup">')
        for index, row in enumerate(area.rows):
            cells = []
            if index == 0:
                cells.append(f'<th scope="rowgroup" role="rowheader" rowspan="{len(area.rows)}" '
                             f'data-label="{escape(columns[0])}">{_focus(area, lang)}</th>')
            measures = _list([escape(m[lang]) for m in row.measures])
            if row.uncertain:
                uncertain += 1
                measures += (f'<p class="goal-table__uncertain"><a href="#{goal_anchor(goal)}-osaker-{uncertain}">'
                             f"{escape(wording.UNCERTAIN_MARK[lang])}</a></p>")
            cells.append(_cell(columns[1], measures))
            cells.append(_cell(columns[2], _list([escape(i[lang]) for i in row.indicators])))
            cells.append(_cell(columns[3], _list([responsible_html(body, names, lang) for body in row.responsible])))
            html.append('<tr role="row">' + "".join(cells) + "</tr>")
        html.append("</tbody>")
    html.append("</table>")
    return "\n".join(html)


def responsible_html(body: Responsible, names: ActorNames, lang: str) -> str:
    """The programme's wording when given, else the directory names of the actors."""
    if body.text:
        return escape(body.text[lang])
    return ", ".join(_actor_name(names, actor, lang) for actor in body.actors)


def uncertainty_warning(goal: Goal, lang: str) -> str:
    """A warning under the table naming each row the scanned source does not give with certainty."""
    rows = [(area, row) for area, row in goal.rows() if row.uncertain]
    if not rows:
        return ""
    items = []
    for number, (area, row) in enumerate(rows, 1):
        name = (area.focus if len(area.rows) == 1 else row.measures[0])[lang]
        items.append(f'<li id="{goal_anchor(goal)}-osaker-{number}">'
                     f"{escape(wording.ROW_NAMED[lang].format(name=name))}: {escape(row.uncertain[lang])}</li>")
    intro = wording.UNCERTAIN_INTRO[lang].format(rows=wording.row_count(len(rows), lang))
    return ('<div class="admonition warning">\n'
            f'<p class="admonition-title">{escape(wording.UNCERTAIN_TITLE[lang])}</p>\n'
            f"<p>{escape(intro)}</p>\n<ul>\n" + "\n".join(items) + "\n</ul>\n</div>")


# ---- the yearly follow-up -------------------------------------------------------------

def follow_up_table(goals: Goals, goal: Goal, lang: str) -> str:
    """The follow-up entries of every row of the goal, or "" when there are none."""
    rows = [(area, row) for area, row in goal.rows() if row.follow_up]
    if not rows:
        return ""
    columns = [goals.measures_heading(goal)[lang], *wording.FOLLOW_UP_COLUMNS[lang]]
    html = ['<table class="goal-table goal-table--follow-up" role="table">',
            f"<caption>{escape(wording.FOLLOW_UP_CAPTION[lang].format(n=goal.number))}</caption>",
            _head(columns)]
    for _, row in rows:
        html.append('<tbody role="rowgroup">')
        for index, entry in enumerate(row.follow_up):
            cells = []
            if index == 0:
                cells.append(f'<th scope="rowgroup" role="rowheader" rowspan="{len(row.follow_up)}" '
                             f'data-label="{escape(columns[0])}">{_list([escape(m[lang]) for m in row.measures])}</th>')
            cells += [_cell(columns[1], str(entry.year)),
                      _cell(columns[2], escape(wording.STATUS[lang][entry.status]),
                            f' class="goal-status goal-status--{entry.status}"'),
                      _cell(columns[3], _note(entry, lang)),
                      _cell(columns[4], _figure(entry, row, lang))]
            html.append('<tr role="row">' + "".join(cells) + "</tr>")
        html.append("</tbody>")
    html.append("</table>")
    return "\n".join(html)


def _note(entry: FollowUp, lang: str) -> str:
    if entry.note.get(lang):
        return escape(entry.note[lang])
    # Only Swedish is required: show it, marked as Swedish for readers and screen readers.
    return f'<span lang="sv">{escape(entry.note["sv"])}</span> ({escape(wording.IN_SWEDISH[lang])})'


def _figure(entry: FollowUp, row: Row, lang: str) -> str:
    figure = entry.figure
    if figure is None:
        return ""
    value = format_value(figure.value, figure.unit, lang)
    return f"{escape(row.indicators[figure.indicator - 1][lang])}: {escape(value)}"


# ---- small pieces ---------------------------------------------------------------------

def _head(columns: Sequence[str]) -> str:
    return ('<thead role="rowgroup"><tr role="row">'
            + "".join(f'<th scope="col" role="columnheader">{escape(c)}</th>' for c in columns)
            + "</tr></thead>")


def _cell(label: str, content: str, attributes: str = "") -> str:
    return f'<td role="cell" data-label="{escape(label)}"{attributes}>{content}</td>'


def _focus(area: FocusArea, lang: str) -> str:
    text = escape(area.focus[lang])
    if area.sub_focus:
        text += f'<span class="goal-table__sub">{escape(area.sub_focus[lang])}</span>'
    return text


def _list(items: Sequence[str]) -> str:
    """One item as it is; several as a list (they are separate items in the programme)."""
    if len(items) == 1:
        return items[0]
    return '<ul class="goal-table__list">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _actor_name(names: ActorNames, actor: str, lang: str) -> str:
    name = names[actor]
    if name.get(lang):
        return escape(name[lang])
    return f'<span lang="sv">{escape(name["sv"])}</span>'   # the directory requires only sv and fi


def _markdown_text(text: str) -> str:
    """Text for a Markdown heading: no character may turn into markup."""
    text = escape(text, quote=False)
    for character in "\\`*_[]#{}":
        text = text.replace(character, "\\" + character)
    return text
