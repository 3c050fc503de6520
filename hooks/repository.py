"""Where the site's source repository is on the web: for the accessibility feedback
channel (its issue tracker) and for "suggest a change" links (its web editor).

The address is found at build
time: on CI from GITHUB_SERVER_URL/GITHUB_REPOSITORY, otherwise from the git
remote "origin". When neither gives a web address, there is no repository to
point at and the statement names the publisher instead (never an invented address).
"""
from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

_SCP_LIKE = re.compile(r"^(?:[\w.-]+@)?([\w.-]+):(?!//)([\w./~-]+)$")   # git@github.com:owner/repo.git
# Hosts whose issue tracker is at <repository>/issues (GitLab's is at /-/issues).
_ISSUES_PATH = {"github.com": "/issues", "codeberg.org": "/issues", "gitlab.com": "/-/issues"}
# Where each host's web editor opens a file: <repository><prefix><branch>/<path>.
_EDIT_PATH = {"github.com": "/edit/", "codeberg.org": "/_edit/", "gitlab.com": "/-/edit/"}


@dataclass(frozen=True)
class Repository:
    web_url: str                # https://github.com/owner/repo
    issues_url: str | None      # None when the host's tracker address is not known
    edit_prefix: str | None = None  # "/edit/" on GitHub; None when the host's web editor is not known

    @property
    def feedback_url(self) -> str:
        return self.issues_url or self.web_url

    def edit_url(self, path: str, branch: str) -> str | None:
        """The web editor for one file of the repository, or None on an unknown host."""
        if self.edit_prefix is None:
            return None
        return f"{self.web_url}{self.edit_prefix}{quote(branch)}/{quote(path.strip('/'))}"


def find_repository(repo: Path, env: Mapping[str, str] = os.environ) -> Repository | None:
    server, name = env.get("GITHUB_SERVER_URL", "").strip(), env.get("GITHUB_REPOSITORY", "").strip()
    if server and name:
        web = web_url(f"{server.rstrip('/')}/{name}")
        return Repository(web, f"{web}/issues", "/edit/") if web else None   # GitHub, or GitHub Enterprise
    try:
        remote = subprocess.run(["git", "-C", str(repo), "remote", "get-url", "origin"],
                                capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    web = web_url(remote)
    if not web:
        return None
    host = urlsplit(web).hostname or ""
    suffix = _ISSUES_PATH.get(host)
    return Repository(web, web + suffix if suffix else None, _EDIT_PATH.get(host))


def web_url(remote: str) -> str | None:
    """The https address of a git remote, without credentials; None for local paths."""
    remote = remote.strip()
    scp = _SCP_LIKE.match(remote)
    if scp and "/" not in scp.group(1):
        host, path = scp.group(1), scp.group(2)
    else:
        parts = urlsplit(remote)
        if parts.scheme not in ("https", "http", "ssh", "git", "git+ssh") or not parts.hostname:
            return None
        host, path = parts.hostname, parts.path
        if parts.scheme in ("https", "http") and parts.port:
            host = f"{host}:{parts.port}"
    path = re.sub(r"\.git/?$", "", path.strip("/"))
    if not path or ".." in path.split("/"):
        return None
    # Credentials (user:token@) must never reach a public page; an ssh port means nothing on the web.
    return urlunsplit(("https", host, "/" + path, "", ""))
