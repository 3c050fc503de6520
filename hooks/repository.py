"""Where the site's source repository is on the web, for the accessibility feedback channel.

Feedback goes to the repository's issue tracker. The address is found at build
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
from urllib.parse import urlsplit, urlunsplit

_SCP_LIKE = re.compile(r"^(?:[\w.-]+@)?([\w.-]+):(?!//)([\w./~-]+)$")   # git@github.com:owner/repo.git
# Hosts whose issue tracker is at <repository>/issues (GitLab's is at /-/issues).
_ISSUES_PATH = {"github.com": "/issues", "codeberg.org": "/issues", "gitlab.com": "/-/issues"}


@dataclass(frozen=True)
class Repository:
    web_url: str                # https://github.com/owner/repo
    issues_url: str | None      # None when the host's tracker address is not known

    @property
    def feedback_url(self) -> str:
        return self.issues_url or self.web_url


def find_repository(repo: Path, env: Mapping[str, str] = os.environ) -> Repository | None:
    server, name = env.get("GITHUB_SERVER_URL", "").strip(), env.get("GITHUB_REPOSITORY", "").strip()
    if server and name:
        web = web_url(f"{server.rstrip('/')}/{name}")
        return Repository(web, f"{web}/issues") if web else None   # GitHub, or GitHub Enterprise
    try:
        remote = subprocess.run(["git", "-C", str(repo), "remote", "get-url", "origin"],
                                capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    web = web_url(remote)
    if not web:
        return None
    suffix = _ISSUES_PATH.get(urlsplit(web).hostname or "")
    return Repository(web, web + suffix if suffix else None)


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
