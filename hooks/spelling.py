"""Spelling gate over the built text of every language.

Independent checkers from Debian: hunspell (sv_FI + sv_SE) for Swedish, Voikko
for Finnish, hunspell (en_GB + en_US) for English, plus one reviewed list per
language of names and terms the dictionaries lack (data/spelling/<lang>.txt).
A high share of unknown words means OCR noise left in the Swedish text or
untranslated text in the others.

    python -m hooks.spelling site/      prints the unknown-word share per language
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

HUNSPELL_DICTIONARIES = {"sv": "sv_FI,sv_SE", "en": "en_GB,en_US"}
# A trailing hyphen marks a suspended compound ("arbets- och näringsministeriet",
# "sosiaali- ja terveysministeriö"): counted as a word, not spell-checked alone.
# A number may lead a compound ("30-vuotiaat", "4-åriga").
_WORD = re.compile(r"(?:\d+-)?[^\W\d_]+(?:[-'’][^\W\d_]+)*-?", re.UNICODE)
# Finnish inflects abbreviations and names after a colon ("MOI:hin", "TYP:ssä"): check the stem.
_COLON_ENDING = re.compile(r"(?<=[\w§]):[a-zåäö]{1,6}\b")
# Elements whose text is not running prose of the page's language.
_SKIP_TAGS = {"script", "style", "code", "pre", "svg", "nav", "header", "footer"}


class _ArticleText(HTMLParser):
    """Collects the text of the page's article, leaving out parts marked as another language."""

    def __init__(self, lang: str):
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.in_article = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "hr", "input", "meta", "link", "wbr", "source"):
            return
        values = dict(attrs)
        skipped = bool(self.stack and self.stack[-1][1]) or tag in _SKIP_TAGS or (
            "lang" in values and values["lang"] and not values["lang"].startswith(self.lang)) or (
            "headerlink" in (values.get("class") or "")) or "footnote-backref" in (values.get("class") or "")
        if tag == "article":
            self.in_article += 1
        self.stack.append((tag, skipped))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == "article":
                self.in_article -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.in_article and not (self.stack and self.stack[-1][1]):
            self.parts.append(data)


def without_addresses(text: str) -> str:
    """Web and e-mail addresses are no words of any language ("kotoutuminen.fi/sv")."""
    return re.sub(r"\b(?:https?://|www\.)\S+|\S+@\S+|\S+\.(?:fi|com|org|net)\b\S*", " ", text)


def article_text(html: str, lang: str) -> str:
    parser = _ArticleText(lang)
    parser.feed(html)
    return without_addresses(" ".join(parser.parts))


def words(text: str) -> list[str]:
    return _WORD.findall(_COLON_ENDING.sub("", text))


def load_wordlist(folder: Path, lang: str) -> set[str]:
    path = folder / f"{lang}.txt"
    if not path.exists():
        return set()
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def _hunspell_unknown(tokens: set[str], dictionaries: str) -> set[str]:
    if not shutil.which("hunspell"):
        raise RuntimeError("hunspell is not installed (Debian packages hunspell, hunspell-sv, hunspell-en-gb)")
    result = subprocess.run(["hunspell", "-d", dictionaries, "-l", "-i", "utf-8"],
                            input="\n".join(sorted(tokens)), capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def _voikko_unknown(tokens: set[str]) -> set[str]:
    import libvoikko  # PyPI binding for Debian's libvoikko1 + voikko-fi
    voikko = libvoikko.Voikko("fi")
    try:
        return {t for t in tokens if not voikko.spell(t)}
    finally:
        voikko.terminate()


def unknown_words(tokens: set[str], lang: str) -> set[str]:
    if lang == "fi":
        unknown = _voikko_unknown(tokens)
    else:
        unknown = _hunspell_unknown(tokens, HUNSPELL_DICTIONARIES[lang])
    # A hyphenated compound is known when each of its parts is ("social- och", "LiiKu-pass").
    parts = {p for t in unknown if "-" in t for p in t.split("-") if p}
    unknown_parts = (_voikko_unknown(parts) if lang == "fi"
                     else _hunspell_unknown(parts, HUNSPELL_DICTIONARIES[lang])) if parts else set()
    return {t for t in unknown if "-" not in t or any(p in unknown_parts for p in t.split("-") if p)}


@dataclass
class LanguageReport:
    lang: str
    pages: int
    words: int
    unknown: Counter

    @property
    def unknown_count(self) -> int:
        return sum(self.unknown.values())

    @property
    def share(self) -> float:
        return self.unknown_count / self.words if self.words else 0.0


def check_language(pages: list[Path], lang: str, wordlist: set[str]) -> LanguageReport:
    counts: Counter = Counter()
    for page in pages:
        counts.update(words(article_text(page.read_text(encoding="utf-8"), lang)))
    candidates = {w for w in counts if w not in wordlist and w.lower() not in wordlist and not w.endswith("-")}
    unknown = unknown_words(candidates, lang)
    return LanguageReport(lang, len(pages), sum(counts.values()),
                          Counter({w: counts[w] for w in unknown if counts[w]}))


def pages_by_language(site: Path, languages=("sv", "fi", "en"), skip: tuple[str, ...] = ()) -> dict[str, list[Path]]:
    """The main site's pages by language; skip names top-level folders that are not its pages
    (the other programmes published under it)."""
    out: dict[str, list[Path]] = {lang: [] for lang in languages}
    for page in sorted(site.rglob("index.html")):
        first = page.relative_to(site).parts[0]
        lang = first if first in languages[1:] else languages[0]
        if first in ("search", "assets") or first in skip:
            continue
        out[lang].append(page)
    return out


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    wordlists = Path(__file__).resolve().parent.parent / "data" / "spelling"
    print(f"{'language':<9}{'pages':>6}{'words':>8}{'unknown':>9}{'share':>8}")
    from hooks.versioned_site import find_programmes
    programmes = tuple(p.id for p in find_programmes(Path(__file__).resolve().parent.parent))
    for lang, pages in pages_by_language(site, skip=programmes).items():
        report = check_language(pages, lang, load_wordlist(wordlists, lang))
        print(f"{lang:<9}{report.pages:>6}{report.words:>8}{report.unknown_count:>9}{report.share:>8.2%}")
        if "-v" in argv:
            print("   ", ", ".join(f"{w} ({n})" for w, n in report.unknown.most_common(400)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
