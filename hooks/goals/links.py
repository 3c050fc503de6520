"""Which goals an actor is responsible for: for the actor's page in the partner directory.

    from hooks.goals.links import goals_for_actor
    from hooks.goals.load import GOALS_PATH, load_goals
    goals = load_goals(GOALS_PATH, actor_ids, build_day).goals   # None if the file has errors
    for link in goals_for_actor(goals, "kombi", "fi"):
        link.number, link.title, link.url    # 2, "Tiedonkulku, ohjaus ja neuvonta", "fi/mal/2/"

url is relative to the site root (make it relative to the linking page with
mkdocs.utils.get_relative_url(link.url, page.url)); path is the goal page's Markdown
path inside a language folder ("mal/2.md"), for a Markdown link that MkDocs resolves
and checks like any other.
"""
from __future__ import annotations

from typing import NamedTuple

from .model import Goals
from .render import goal_page_path

DEFAULT_LANGUAGE = "sv"   # built at the site root; the others under /fi/, /en/ (mkdocs.yml)


class GoalLink(NamedTuple):
    number: int
    title: str
    url: str
    path: str


def goals_for_actor(goals: Goals, actor_id: str, lang: str, default_language: str = DEFAULT_LANGUAGE) -> list[GoalLink]:
    """The goals with at least one row the actor is responsible for, in programme order."""
    prefix = "" if lang == default_language else f"{lang}/"
    return [GoalLink(goal.number, goal.title[lang], prefix + goal_page_path(goal).removesuffix(".md") + "/",
                     goal_page_path(goal))
            for goal in goals.goals if actor_id in goal.actor_ids()]
