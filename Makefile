# BRM Desk — `make run` opens the app, `make test` runs the whole suite headless.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench bundle smoke-bundle clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/brm-desk

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks scripts
	$(BIN)/ruff check --fix src tests benchmarks scripts

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

$(VENV)/.bundle-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,bundle]"
	touch $@

# The one-folder app in dist/brm-desk (see build.spec); about a minute.
bundle: $(VENV)/.bundle-installed
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec

# The bundle as a user runs it: CLI, review packs, a real window under Xvfb.
smoke-bundle: bundle
	bash .ci/smoke-bundle

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache
