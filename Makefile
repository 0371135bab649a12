# qualreg — `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help run run-packages test-packages test lint format check-catalogues messages bench bench-advisers bench-pdf bench-page bench-statistics load lighthouse clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(VENV)/.runtime: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "qualreg needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test: $(VENV)/.runtime
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.runtime run-packages ## Install, migrate, load demo data and serve http://127.0.0.1:8000
	$(MANAGE) compilecatalogs
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) demodata
	$(MANAGE) runserver 127.0.0.1:8000

run-packages: ## Install Debian's Pango and fonts-noto-core for the PDFs (as root, where missing)
	@bash scripts/install-test-packages.sh --run

test-packages: ## Also Debian's chromium and gettext for the tests (as root, where missing)
	@bash scripts/install-test-packages.sh

test: $(VENV)/.test test-packages ## Install what the tests need and run every test (unit, integration, browser)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(MANAGE) compilecatalogs
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.test ## ruff check and format check, the import contracts and the type checks
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

format: $(VENV)/.test ## Format the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check-catalogues: $(VENV)/.runtime ## Fail if any language's catalogue is incomplete
	$(MANAGE) checkcatalogues

messages: $(VENV)/.runtime ## Extract new strings into every catalogue (needs GNU gettext)
	cd qualreg && ../$(BIN)/python ../manage.py makemessages --all --no-obsolete --add-location=file
	$(MANAGE) fixcatalogueheaders

bench: $(VENV)/.runtime ## Measure part-page render time and answer-save throughput (docs/benchmarks.md)
	$(BIN)/python bench/run.py

bench-advisers: $(VENV)/.runtime ## Advisers' pages among 100,000 generated registrations; set DATABASE_URL to PostgreSQL (docs/benchmarks.md)
	$(BIN)/python bench/advisers.py

bench-pdf: $(VENV)/.test run-packages ## Measure the time and size of a full registration's PDF (docs/benchmarks.md)
	$(BIN)/python bench/pdf.py

$(VENV)/.load: $(VENV)/.test
	$(BIN)/pip install --quiet -e '.[load]'
	touch $@

load: $(VENV)/.load ## Residents at once on PostgreSQL, step by step, then two servers (docs/benchmarks.md)
	@bash scripts/start-postgres.sh
	$(BIN)/python bench/load/run.py

bench/lighthouse/node_modules/.package-lock.json: bench/lighthouse/package-lock.json
	cd bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error

lighthouse: $(VENV)/.runtime test-packages bench/lighthouse/node_modules/.package-lock.json ## Lighthouse (mobile), three runs per resident and staff page; fails when the median run is below 100 (docs/benchmarks.md)
	$(BIN)/python bench/lighthouse/run.py

bench-page: $(VENV)/.test test-packages ## The browser's style, layout and script time for each Lighthouse page (docs/benchmarks.md)
	$(BIN)/python bench/page_work.py

bench-statistics: $(VENV)/.runtime ## Measure the statistics page and its CSVs on 100,000 residents (docs/statistics.md)
	$(BIN)/python bench/statistics_page.py

clean: ## Remove the virtual environment and local data
	rm -rf $(VENV) data
