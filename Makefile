# The two everyday commands: `make site` (or `make serve`) and `make test`.
# Each creates .venv and installs what it needs on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site serve test lint bench clean node-tools constraints

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)  ## build the site into site/
	$(BIN)/mkdocs build --strict

serve: $(STAMP)  ## serve on http://127.0.0.1:8000, rebuilding when a source changes
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

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
	$(BIN)/python benchmarks/search_index.py

clean:
	rm -rf site out $(VENV)
