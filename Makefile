# The two everyday commands: `make site` (or `make serve`) and `make test`.
# Each creates .venv and installs what it needs on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site serve test check bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)  ## build the site into site/
	$(BIN)/mkdocs build --strict

serve: $(STAMP)  ## serve on http://127.0.0.1:8000, rebuilding when a source changes
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

test: $(STAMP)  ## every test, browser tests included (they need /usr/bin/chromium)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/build_speed.py

clean:
	rm -rf site out $(VENV)
