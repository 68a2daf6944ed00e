# Two commands: `make run` serves the portal with demo content, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test install system-deps lint check test-sqlite test-postgres

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo --demo-editor --demo-learner
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

system-deps:
	scripts/system-deps.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

check: install
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# Both runs use a throw-away Redis as the shared cache (page cache, rate limits).
test-sqlite: install
	scripts/with-redis.sh $(BIN)/pytest

test-postgres: install
	scripts/with-redis.sh scripts/with-postgres.sh $(BIN)/pytest -m "not browser"

test: install system-deps lint check test-sqlite test-postgres
