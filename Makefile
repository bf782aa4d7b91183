# Liability & Redress Workshop Toolkit: two commands to get going.
#   make install   # once (a no-op while pyproject.toml is unchanged)
#   make serve     # then open the printed URL
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV   ?= .venv
HOST   ?= 127.0.0.1
PORT   ?= 8866

# Inside an active conda env (and with no .venv yet) install into that env instead.
ifneq ($(and $(CONDA_PREFIX),$(if $(wildcard $(VENV)),,yes)),)
  PY    := $(CONDA_PREFIX)/bin/python
  STAMP := .installed-conda-$(notdir $(CONDA_PREFIX))
else
  PY    := $(VENV)/bin/python
  STAMP := $(VENV)/.installed
endif

.PHONY: help install serve test lint bench schema clean

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

install: $(STAMP) ## Create .venv (or use the active conda env) and install lrkit[dev]

$(STAMP): pyproject.toml
	@test -x $(PY) || { echo "$(PYTHON) -m venv $(VENV)"; $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --disable-pip-version-check -e '.[dev]'
	@touch $@

serve: install ## Serve the workshop (HOST=0.0.0.0 for the room's network; see lrkit serve --help)
	$(PY) -m toolkit.cli serve --host $(HOST) --port $(PORT) $(SERVE_ARGS)

test: install ## Run the whole suite (unit, notebooks via nbval, browser)
	$(PY) -m toolkit.cli validate casebook
	$(PY) -m pytest --nbval-lax --nbval-current-env $(PYTEST_ARGS)

lint: install ## ruff check, ruff format --check, mypy
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

# BENCH_ARGS go to benchmarks/pages.py, e.g. BENCH_ARGS="--runs 8 --crowd-runs 3" (see --help).
bench: install ## Run the benchmarks: the legal core, the dashboard refresh, the participant page
	$(PY) benchmarks/run.py --json benchmarks/results/latest.json
	$(PY) benchmarks/dashboard.py --json benchmarks/results/dashboard.json
	$(PY) benchmarks/pages.py --json benchmarks/results/pages.json $(BENCH_ARGS)

schema: install ## Regenerate casebook/case.schema.json from the case model
	$(PY) -m toolkit.schema > casebook/case.schema.json

clean: ## Remove .venv, caches and build artefacts
	rm -rf $(VENV) .installed-conda-* build dist *.egg-info .pytest_cache .mypy_cache \
	       .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -not -path './.git/*' -exec rm -rf {} +
