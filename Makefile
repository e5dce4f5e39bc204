# The two everyday commands: `make site` (or `make serve`) and `make test`.
# Each creates .venv and installs what it needs on first use.
# Both install the exact versions pinned in constraints.txt; `make site` installs only what the
# site needs (about 30 packages), `make test` adds the test tools.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
STAMP := $(VENV)/.installed
export PIP_CONSTRAINT := $(CURDIR)/constraints.txt

.PHONY: site serve test lint bench clean node-tools constraints

$(SITE_STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/pip || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e .
	touch $(SITE_STAMP)

$(STAMP): $(SITE_STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(SITE_STAMP)  ## build the site into site/; a failed build leaves the last site/ as it was
	$(BIN)/python scripts/build_site.py

serve: $(SITE_STAMP)  ## serve on http://127.0.0.1:$(PORT) (make serve PORT=8001), rebuilding when a source changes
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:$(PORT)

test: $(STAMP) node-tools  ## every test, browser tests included (they need /usr/bin/chromium, Java, npm)
	$(BIN)/python -m pytest

lint: $(STAMP)  ## ruff: mistakes, needless code, complexity over 12, lines over 120 (pyproject.toml)
	$(BIN)/ruff check scholarpage tests benchmarks scripts

node-tools:  ## axe-core and the Nu Html Checker (npm, pinned) into .cache/node-tools
	tests/tools/install.sh

constraints: $(STAMP)  ## pin every installed Python package for CI and the Pages workflow
	$(BIN)/pip freeze --exclude-editable > constraints.txt

bench: $(STAMP)  ## print every benchmark's figures
	$(BIN)/python benchmarks/build_speed.py
	$(BIN)/python benchmarks/import_speed.py
	$(BIN)/python benchmarks/parse_accuracy.py
	$(BIN)/python benchmarks/serve_latency.py

clean:
	rm -rf site out $(VENV)
