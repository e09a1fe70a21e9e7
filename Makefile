# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# the oldest supported Sphinx, pinned by a constraints file (make test-oldest)
OLDEST_VENV := .venv-sphinx74
OLDEST_BIN  := $(OLDEST_VENV)/bin
OLDEST_PINS := tests/constraints-sphinx74.txt
DEMO   := example_project/docs
DEMO_OUT := $(DEMO)/_build/html
DOCS   := docs
DOCS_OUT := $(DOCS)/_build/html

.PHONY: demo docs test test-main test-oldest lint bench bench-small clean venv pot po mo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# installed when pyproject.toml changes (the stamp file records the last install)
$(VENV)/.installed-demo: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e . myst-parser
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-demo

$(VENV)/.installed-docs: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	touch $@

$(OLDEST_BIN)/python:
	$(PYTHON) -m venv $(OLDEST_VENV)
	$(OLDEST_BIN)/python -m pip install --quiet --upgrade pip

$(OLDEST_VENV)/.installed-test: pyproject.toml $(OLDEST_PINS) | $(OLDEST_BIN)/python
	$(OLDEST_BIN)/python -m pip install --quiet -c $(OLDEST_PINS) -e '.[test]'
	touch $@

demo: $(VENV)/.installed-demo
	$(BIN)/sphinx-build -q -b html $(DEMO) $(DEMO_OUT)
	@echo
	@echo "Keyword index pages built. Open:"
	@echo "  $(CURDIR)/$(DEMO_OUT)/index.html"
	@echo "  $(CURDIR)/$(DEMO_OUT)/kwindex/tidepool.core.html"

# the project's own documentation, built with sphinx-kwindex, warnings (and broken
# references) as errors; tests/test_docs.py builds it too
docs: $(VENV)/.installed-docs
	$(BIN)/sphinx-build -W --keep-going -n -b html $(DOCS) $(DOCS_OUT)
	@echo
	@echo "Documentation built. Open:"
	@echo "  $(CURDIR)/$(DOCS_OUT)/index.html"

# pytest exits with 5 when it collects no tests: that fails the target too.
# `make test` runs the suite on the current Sphinx, then on the oldest supported one even
# when the first run failed, and fails when either did.
test: lint
	@status=0; \
	$(MAKE) --no-print-directory test-main || status=1; \
	$(MAKE) --no-print-directory test-oldest || status=1; \
	exit $$status

test-main: $(VENV)/.installed-test
	$(BIN)/python -m pytest

# the suite (no lint) on Sphinx 7.4; creates .venv-sphinx74 on first use
test-oldest: $(OLDEST_VENV)/.installed-test
	$(OLDEST_BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# translations (tools/i18n.py, with Babel from Sphinx): the template from the sources, the
# template merged into every language's .po, every .po compiled (the .mo files are committed)
pot: $(VENV)/.installed-demo
	$(BIN)/python tools/i18n.py pot

po: $(VENV)/.installed-demo
	$(BIN)/python tools/i18n.py update

mo: $(VENV)/.installed-demo
	$(BIN)/python tools/i18n.py mo

# issue 6: baseline (autodoc + viewcode) against + sphinx_kwindex, alternating, 3 rounds;
# creates benchmarks/.venv-bench on first use. Large: sympy (809 modules), small: markdown-it-py.
bench:
	$(PYTHON) benchmarks/bench.py --size large --out bench-results/large.json

bench-small:
	$(PYTHON) benchmarks/bench.py --size small --out bench-results/small.json

clean:
	rm -rf $(DEMO)/_build $(DEMO)/kwindex $(DOCS)/_build $(DOCS)/kwindex .pytest_cache
