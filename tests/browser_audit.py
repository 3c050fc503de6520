"""What tests/test_accessibility.py measures in the browser, one function per check.

Every function takes a Playwright page that already shows a page of the built site and
returns plain data (dataclasses), so that the tests can collect everything in one pass
over the site and then assert on it, one question per test.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES = ("sv", "fi", "en")
DEFAULT_LANGUAGE = "sv"
WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


# ---- the built pages ---------------------------------------------------------------------------

SAMPLE_FILE = Path(__file__).parent / "data" / "audit_sample.yml"


@dataclass(frozen=True)
class BuiltPage:
    path: str                     # site-relative URL path: "", "fi/1-begrepp/", "pargas/2023/fi/", "404.html"
    lang: str
    kind: str                     # its kind in tests/data/audit_sample.yml: "home", "actor" …
    root: str                     # the site or edition it belongs to: "", "pargas/2023/"
    languages: tuple[str, ...]    # that site's languages

    def __str__(self) -> str:
        return self.path or "/"


@dataclass(frozen=True)
class PageKind:
    name: str
    match: tuple[str, ...]        # shell patterns of paths inside a language's folder
    audit: tuple[str, ...] | int  # the pages opened, or how many (the first in path order)


@dataclass(frozen=True)
class SampledSite:
    root: str
    languages: tuple[str, ...]    # the first is the default language, at the root
    kinds: tuple[PageKind, ...]


@dataclass
class Sample:
    pages: list[BuiltPage]                 # the pages the audit opens
    unclassified: list[str]                # built pages of no declared kind
    missing: list[str]                     # declared for the audit but not built
    built: dict[tuple[str, str, str], int] = field(default_factory=dict)   # (root, lang, kind): pages built


def load_sample(file: Path = SAMPLE_FILE) -> tuple[SampledSite, ...]:
    import yaml
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    return tuple(SampledSite(s["root"], tuple(s["languages"]),
                             tuple(PageKind(name, tuple(k["match"]),
                                            k["audit"] if isinstance(k["audit"], int) else tuple(k["audit"]))
                                   for name, k in s["kinds"].items()))
                 for s in data["sites"])


def _url_path(rel: str) -> str:
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def sample_pages(site: Path, sites: tuple[SampledSite, ...] | None = None) -> Sample:
    """The pages the audit opens: of every site (the main one and each edition), in each of its
    languages, the sample of every kind of page. A page's language is that of the folder it is
    in. Each site's one 404 page, at its root, is written by static-i18n's last language pass,
    in that language (today English for the main site): there its own <html lang> is taken."""
    from fnmatch import fnmatchcase
    sites = sites or load_sample()
    by_depth = sorted(sites, key=lambda s: -len(s.root))
    found: dict[tuple[str, str, str], list[BuiltPage]] = {}
    unclassified = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        owner = next(s for s in by_depth if rel.startswith(s.root))
        inside = _url_path(rel[len(owner.root):])
        first = inside.split("/", 1)[0]
        lang = first if first in owner.languages[1:] else owner.languages[0]
        if lang != owner.languages[0]:
            inside = inside[len(lang) + 1:]
        kind = next((k for k in owner.kinds if any(fnmatchcase(inside, m) for m in k.match)), None)
        if kind is None:
            unclassified.append(rel)
            continue
        if rel.endswith("404.html"):
            lang = re.search(r'<html lang="(\w+)"', file.read_text(encoding="utf-8")).group(1)
        found.setdefault((owner.root, lang, kind.name), []).append(
            BuiltPage(owner.root + _url_path(rel[len(owner.root):]), lang, kind.name, owner.root, owner.languages))
    pages, missing = [], []
    for owner in sites:
        for kind in owner.kinds:
            for lang in owner.languages:
                built = found.get((owner.root, lang, kind.name), [])
                if isinstance(kind.audit, int):
                    pages += built[: kind.audit]
                    continue
                prefix = owner.root + ("" if lang == owner.languages[0] else f"{lang}/")
                wanted = [prefix + path if path != "404.html" else owner.root + path for path in kind.audit]
                have = {p.path: p for p in built}
                pages += [have[w] for w in wanted if w in have]
                missing += [w for w in wanted if w not in have and not w.endswith("404.html")]
    # a kind that one edition lacks is fine; one that no site builds in a language is a stale sample
    built = {key: len(value) for key, value in found.items()}
    return Sample(pages, unclassified, missing, built)


def load(page, url: str) -> None:
    """Opens a page and waits until its scripts have run (not for the search index, which
    loads in the background)."""
    page.goto(url, wait_until="load")


# ---- axe-core ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class AxeViolation:
    rule: str
    impact: str
    targets: tuple[str, ...]
    summary: str

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}) at {', '.join(self.targets[:3])}: {self.summary}"


def axe_violations(page) -> list[AxeViolation]:
    """axe-core (bundled by axe-playwright-python) at WCAG 2.1 A and AA, nothing disabled."""
    from axe_playwright_python.sync_playwright import Axe
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA_TAGS},
                                      "resultTypes": ["violations"]})
    return [AxeViolation(v["id"], v["impact"] or "", tuple(" ".join(n["target"]) for n in v["nodes"]),
                         (v["nodes"][0].get("failureSummary") or v["help"]).replace("\n", " ")[:300])
            for v in result.response["violations"]]


# ---- languages ---------------------------------------------------------------------------------

_LANGUAGES_JS = """() => ({
  html: document.documentElement.lang,
  switcher: [...document.querySelectorAll('.md-select__link[hreflang]')]
              .map(a => ({hreflang: a.hreflang, lang: a.lang, text: a.textContent.trim()})),
  values: [...new Set([...document.body.querySelectorAll('[lang]')].map(e => e.lang))],
  footnotes: [...document.querySelectorAll('.footnote li')].map(li => {
    const own = [];
    const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const marked = n.parentElement.closest('[lang]');
      if (!marked || marked.lang === document.documentElement.lang) own.push(n.textContent);
    }
    return own.join(' ');
  }),
})"""


@dataclass(frozen=True)
class LanguageMarkup:
    html: str                          # <html lang>
    switcher: tuple[dict, ...]         # the language switcher's links
    values: tuple[str, ...]            # every lang value used inside <body>
    footnote_text: tuple[str, ...]     # each footnote's text in the page's own language


def language_markup(page) -> LanguageMarkup:
    found = page.evaluate(_LANGUAGES_JS)
    return LanguageMarkup(found["html"], tuple(found["switcher"]), tuple(found["values"]), tuple(found["footnotes"]))


# ---- keyboard ----------------------------------------------------------------------------------

# Numbers every element a keyboard could reach, and lists the links a reader sees, so the
# tests can compare what Tab reached with what is there.
_MARK_JS = """(scope) => {
  document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')
    .forEach((el, i) => { el.dataset.auditId = String(i); });
  const root = scope ? document.querySelector(scope) : document.body;
  const shown = el => el.checkVisibility({visibilityProperty: true}) && !el.closest('[hidden]');
  return [...root.querySelectorAll('a[href]')].filter(shown).map(a => a.dataset.auditId);
}"""

_ACTIVE_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const cs = getComputedStyle(el), r = el.getBoundingClientRect();
  const classes = [...el.classList].filter(c => c !== 'focus-visible').join('.');
  return {
    id: el.dataset.auditId || '',
    name: el.tagName.toLowerCase() + (classes ? '.' + classes : '')
          + (el.getAttribute('href') ? '[href="' + el.getAttribute('href') + '"]' : '')
          + (el.getAttribute('aria-label') ? '[aria-label="' + el.getAttribute('aria-label') + '"]' : ''),
    outline_style: cs.outlineStyle, outline_width: parseFloat(cs.outlineWidth) || 0, box_shadow: cs.boxShadow,
    on_screen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
               && r.left < innerWidth && r.top < innerHeight && el.checkVisibility({visibilityProperty: true}),
    in_drawer: !!el.closest('.md-sidebar--primary'),
    opens: el.dataset.opens || '',
  };
}"""


@dataclass(frozen=True)
class FocusStop:
    id: str
    name: str
    outline_style: str
    outline_width: float
    box_shadow: str
    on_screen: bool
    in_drawer: bool
    opens: str   # the header buttons: which toggle they open ("__drawer", "__search")

    @property
    def indicator_visible(self) -> bool:
        """A focus ring: an outline of 2 px or more, or a box-shadow."""
        return (self.outline_style != "none" and self.outline_width >= 2) or self.box_shadow != "none"


@dataclass
class KeyboardWalk:
    stops: list[FocusStop] = field(default_factory=list)
    expected_links: set[str] = field(default_factory=set)   # audit ids of the links a reader sees

    @property
    def reached(self) -> set[str]:
        return {stop.id for stop in self.stops}

    def missed_links(self) -> set[str]:
        return self.expected_links - self.reached

    def stop_named(self, fragment: str) -> FocusStop | None:
        return next((s for s in self.stops if fragment in s.name), None)


def mark_links(page, scope: str | None = None) -> set[str]:
    return set(page.evaluate(_MARK_JS, scope))


def active_element(page) -> FocusStop | None:
    found = page.evaluate(_ACTIVE_JS)
    return FocusStop(**found) if found else None


def tab_through(page, until=None, limit: int = 400) -> list[FocusStop]:
    """Presses Tab from where focus is until focus comes back round, or `until(stop)` says stop."""
    stops: list[FocusStop] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = active_element(page)
        if stop is None:
            continue
        if stops and stop.id == stops[0].id:
            break
        if until and until(stop):
            break
        stops.append(stop)
    return stops


# Moves the browser's starting point for Tab to the top of the page. blur() alone would not:
# Chromium goes on from the element that lost focus, so after a walk that ended on the page's
# first control (the menu button, where the page has no skip link) Tab would go past it.
_FOCUS_TOP_JS = """() => {
  const body = document.body;
  body.tabIndex = -1;
  body.focus({preventScroll: true});
  body.removeAttribute('tabindex');
  window.scrollTo(0, 0);
}"""


def focus_top(page) -> None:
    page.evaluate(_FOCUS_TOP_JS)


def walk_page(page) -> KeyboardWalk:
    """Every Tab stop from the top of the page round to the top again."""
    walk = KeyboardWalk(expected_links=mark_links(page))
    focus_top(page)
    walk.stops = tab_through(page)
    return walk


def walk_drawer(page) -> tuple[KeyboardWalk, bool]:
    """Narrow screens: opens the navigation drawer from its button with the keyboard, tabs through
    it until focus leaves it, and tells whether the drawer then closed by itself."""
    walk = KeyboardWalk()
    focus_top(page)
    tab_through(page, until=lambda stop: stop.opens == "__drawer", limit=10)
    menu = active_element(page)
    if menu is None or menu.opens != "__drawer":
        return walk, False
    page.keyboard.press("Enter")
    # Wait for the drawer to open (a page as long as the whole programme's print page is slow to
    # lay out), then for its .25 s slide.
    try:
        page.wait_for_function("() => document.getElementById('__drawer').checked", timeout=3000)
    except Exception:
        pass    # not opened: the checks below report it
    page.wait_for_timeout(300)
    walk.expected_links = mark_links(page, ".md-sidebar--primary")
    first = active_element(page)
    walk.stops = ([first] if first and first.in_drawer else []) + tab_through(page, until=lambda s: not s.in_drawer)
    page.wait_for_timeout(300)
    closed = not page.evaluate("() => document.getElementById('__drawer').checked")
    return walk, closed


# ---- reflow ------------------------------------------------------------------------------------

_REFLOW_JS = """(allowedCuts) => {
  const width = document.documentElement.clientWidth;
  const shown = el => el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const scroller = el => {
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const x = getComputedStyle(a).overflowX;
      if ((x === 'auto' || x === 'scroll') && a.scrollWidth > a.clientWidth) return a;
    }
    return null;
  };
  // Text cut off by a box that hides its overflow is not off screen but cut: the next check.
  const clipper = el => {
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const x = getComputedStyle(a).overflowX;
      if ((x === 'hidden' || x === 'clip') && a.scrollWidth > a.clientWidth + 1) return a;
    }
    return null;
  };
  const describe = el => el.tagName.toLowerCase() + [...el.classList].map(c => '.' + c).join('');
  const outside = [], cut = [], unscrollable = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !shown(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const off = [...range.getClientRects()].some(r => r.width > 0 && (r.right > width + 1 || r.left < -1));
    if (off && !scroller(el) && !clipper(el)) outside.push(describe(el) + ': ' + node.textContent.trim().slice(0, 60));
  }
  for (const el of document.body.querySelectorAll('*')) {
    const cs = getComputedStyle(el);
    if (!shown(el)) continue;
    // A 1 px box is visually hidden on purpose (kept for screen readers, e.g. a stacked
    // table's header row): not text cut off by accident.
    const visuallyHidden = el.clientWidth <= 1 && el.clientHeight <= 1;
    if ((cs.overflowX === 'hidden' || cs.overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1
        && el.textContent.trim() && !visuallyHidden && !allowedCuts.some(sel => el.closest(sel)))
      cut.push(describe(el) + ': ' + el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60));
    if ((cs.overflowX === 'auto' || cs.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1
        && el.tabIndex < 0 && !el.querySelector('a[href], button, input, [tabindex]'))
      unscrollable.push(describe(el));
  }
  return {scroll_width: document.documentElement.scrollWidth, inner_width: innerWidth,
          outside, cut, unscrollable};
}"""


@dataclass(frozen=True)
class Reflow:
    scroll_width: int
    inner_width: int
    outside: tuple[str, ...]        # text beyond the left or right edge, not inside a scroll box
    cut: tuple[str, ...]            # text cut off by overflow: hidden
    unscrollable: tuple[str, ...]   # scroll boxes a keyboard cannot scroll

    @property
    def scrolls_sideways(self) -> bool:
        return self.scroll_width > self.inner_width

    def problems(self) -> list[str]:
        return ([f"page is {self.scroll_width} px wide in a {self.inner_width} px window"] if self.scrolls_sideways
                else []) + [f"off screen: {t}" for t in self.outside] + [f"cut off: {t}" for t in self.cut] \
            + [f"cannot be scrolled by keyboard: {t}" for t in self.unscrollable]


def reflow(page, allowed_cuts: tuple[str, ...]) -> Reflow:
    found = page.evaluate(_REFLOW_JS, list(allowed_cuts))
    return Reflow(found["scroll_width"], found["inner_width"], tuple(found["outside"]), tuple(found["cut"]),
                  tuple(found["unscrollable"]))


# ---- search ------------------------------------------------------------------------------------

def search_results(page, query: str) -> list[str]:
    """Types into the header search (opening it first on narrow screens) and returns the result links."""
    button = page.locator("button.md-header__button[data-opens=__search]")
    if button.is_visible():
        button.click()
    field_ = page.locator("input.md-search__input")
    field_.click()
    field_.fill("")
    field_.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item > a").first.wait_for(timeout=5000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]
