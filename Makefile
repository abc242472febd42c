# BRM Desk — `make run` opens the app, `make test` runs the whole suite headless.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Every install takes its versions from the lock file (`make lock` refreshes it).
LOCK := requirements.lock
INSTALL := $(BIN)/python -m pip install --quiet --constraint $(LOCK)

.PHONY: run test lint format bench bundle smoke-bundle lock clean

$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(INSTALL) -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/brm-desk

# On every core; the coverage table is a report, not a gate. Our bytecode is compiled first,
# as an install has it: where PYTHONDONTWRITEBYTECODE is set, each of the suite's few hundred
# command-line runs would compile src again (0.1 s each).
test: $(STAMP) lint
	$(BIN)/python -m compileall -q src
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -n auto \
		--cov --cov-report=term:skip-covered

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
	$(INSTALL) -e ".[dev,bundle]"
	touch $@

# The one-folder app in dist/brm-desk (see build.spec); about a minute.
bundle: $(VENV)/.bundle-installed
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec

# The bundle as a user runs it: CLI, review packs, a real window under Xvfb.
smoke-bundle: bundle
	bash .ci/smoke-bundle

# The newest versions pyproject.toml allows, for every platform, written to the lock file.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --all-extras --universal --python-version 3.11 \
		--upgrade --no-header --quiet -o $(LOCK)

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .coverage
