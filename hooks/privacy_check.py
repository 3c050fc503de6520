"""Finds anything in a built site that would make a reader's browser contact another host.

Readers must not be reported to third parties (fonts, CDNs, analytics). This
checks the places a static site loads things from: HTML resource attributes,
CSS url()/@import, and known third-party asset hosts anywhere in JS.
The browser tests record real requests; this is the fast static check.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# Attributes through which HTML makes the browser fetch something by itself.
_LOADING_ATTRS = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "source": ("src", "srcset"),
    "video": ("src", "poster"), "audio": ("src",), "embed": ("src",), "object": ("data",),
    "input": ("src",), "track": ("src",),
}
_LOADING_LINK_RELS = {"stylesheet", "preload", "prefetch", "preconnect", "dns-prefetch", "icon",
                      "modulepreload", "manifest", "apple-touch-icon"}
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""", re.I)
_JS_HOSTS = re.compile(
    r"(fonts\.googleapis\.com|fonts\.gstatic\.com|cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|"
    r"googletagmanager\.com|google-analytics\.com|polyfill\.io)", re.I)


@dataclass(frozen=True)
class ExternalRequest:
    file: str
    url: str

    def __str__(self) -> str:
        return f"{self.file}: would load {self.url}"


def _is_external(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or (urlsplit(url).scheme in ("http", "https") and bool(urlsplit(url).netloc))


class _HtmlScanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "link":
            rels = set((values.get("rel") or "").lower().split())
            if rels & _LOADING_LINK_RELS and values.get("href"):
                self.urls.append(values["href"])
        for attr in _LOADING_ATTRS.get(tag, ()):
            for part in (values.get(attr) or "").split(","):
                if part.strip():
                    self.urls.append(part.strip().split()[0])
        if values.get("style"):
            self.urls.extend(_CSS_URL.findall(values["style"]))


# Material's bundle names unpkg.com only to load mermaid.js lazily, when a page
# contains a mermaid diagram. It is harmless exactly as long as no page has one.
_LAZY_LOADERS = {"unpkg.com": 'class="mermaid"'}


def find_external_requests(site: Path) -> list[ExternalRequest]:
    found: list[ExternalRequest] = []
    triggers_present: set[str] = set()
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            scanner = _HtmlScanner()
            text = path.read_text(encoding="utf-8", errors="replace")
            scanner.feed(text)
            triggers_present |= {host for host, marker in _LAZY_LOADERS.items() if marker in text}
            urls = scanner.urls + [u for block in re.findall(r"<style[^>]*>(.*?)</style>", text, re.S)
                                   for u in _CSS_URL.findall(block)]
            found += [ExternalRequest(rel, u) for u in urls if _is_external(u)]
        elif path.suffix == ".css":
            found += [ExternalRequest(rel, u) for u in
                      _CSS_URL.findall(path.read_text(encoding="utf-8", errors="replace"))]
        elif path.suffix == ".js":
            found += [ExternalRequest(rel, m) for m in
                      sorted(set(_JS_HOSTS.findall(path.read_text(encoding="utf-8", errors="replace"))))]
    return [item for item in found
            if not (item.file.endswith(".js") and item.url in _LAZY_LOADERS and item.url not in triggers_present)]
