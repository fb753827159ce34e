# The two commands of the README: `make serve` and `make test`. Both create and reuse .venv/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000

.PHONY: serve test install lint format browser-deps bench messages

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/modus demo
	$(BIN)/modus serve --port $(PORT)

browser-deps:
	@scripts/ensure-chromium

test: $(STAMP) browser-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)
	$(BIN)/python bench/public_pages.py

messages: $(STAMP)
	cd src/modus && ../../$(BIN)/modus makemessages -l cs -l pl --no-obsolete && ../../$(BIN)/modus compilemessages
