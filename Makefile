# Two commands: `make run` serves the app with the seeds loaded; `make test` passes the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test setup setup-dev db seeds browser lint format bench score lexicon plotly-styles clean vendor

# Browser files from npm (static/vendor/SOURCES.tsv), and their gzip copies for WhiteNoise.
VENDORED := $(shell find static/vendor -type f ! -name '*.gz' ! -name '*.tsv' ! -name '*.md' ! -name LICENSE)
COMPRESSED := $(VENDORED:=.gz)

run: setup db seeds $(COMPRESSED)
	@echo
	@echo "Timeline with the seeds: http://$(HOST):$(PORT)/"
	@echo "Create the first account for /admin/:  $(PY) manage.py createsuperuser"
	@echo "Let someone curate (the 'editor' group):  $(PY) manage.py setup_roles --add USERNAME"
	@echo "Background jobs (uploads, re-extraction, timeline updates) run in a worker started beside the server."
	@echo
	@# The server (WhiteNoise serves the static files, as in production) and
	@# the background-job worker, stopped together by Ctrl-C.
	$(PY) scripts/run.py $(HOST):$(PORT)

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

# Refetch the vendored browser files from the npm registry, as static/vendor/SOURCES.tsv lists them.
vendor: setup
	$(PY) scripts/vendor.py

static/vendor/%.gz: static/vendor/%
	gzip -9 --no-name --keep --force $<

lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Every benchmark side by side, then issue #9's targets against the figures measured
# (bench/run.py; about a quarter of an hour, PostgreSQL for the load test).
# `make bench BENCH="--quick"` for smaller sizes, `BENCH="--only load"` for one.
BENCH ?=
bench: setup-dev
	$(PY) bench/run.py $(BENCH)

score: setup-dev
	$(PY) bench/score.py

# Rebuild timeline/extraction/data/country_forms.json from the country libraries.
lexicon: setup-dev
	$(PY) -m timeline.extraction.build_lexicon

# Plotly's injected stylesheets as files (the Content-Security-Policy refuses inline
# styles): run after the vendored Plotly bundle changes; a test checks they match.
plotly-styles: setup
	$(PY) scripts/plotly_styles.py

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles .pytest_cache .ruff_cache $(COMPRESSED)
