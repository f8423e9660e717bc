# Two commands for a newcomer: `make run` (the app with a demo) and `make test` (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test install messages lint handleiding

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# package.json: NL Design System (Utrecht components, example tokens, fonts), copied by `manage.py nlds_static` into
# allin/core/static/nlds/ (committed, so a clone without npm still looks right), and axe-core for the browser tests'
# accessibility checks. Without npm the browser tests say so loudly instead.
node_modules/.installed: package.json $(VENV)/.installed
	@if command -v npm >/dev/null 2>&1; then npm install --no-audit --no-fund && $(PY) manage.py nlds_static && touch $@; \
	else echo "!!! npm not found: axe-core is not installed, so the browser tests (e2e) cannot run (apt-get install npm)"; fi

install: $(VENV)/.installed node_modules/.installed

# The demo's own secret key, made once on this machine and never committed (.gitignore): with DEBUG off the
# app refuses to start without one. An ALLIN_SECRET_KEY or ALLIN_SECRET_KEY_FILE of your own takes its place.
.allin-secret-key:
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

# Links in e-mails, QR codes and posters need the address the app runs on: ALLIN_SITE_URL follows PORT unless set.
run: export ALLIN_SITE_URL ?= http://127.0.0.1:$(PORT)
run: export ALLIN_SECRET_KEY_FILE ?= $(if $(ALLIN_SECRET_KEY),,$(CURDIR)/.allin-secret-key)
run: .allin-secret-key install  # the key first: its variable reaches the install steps too
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo
	@echo "ALL-IN draait op http://127.0.0.1:$(PORT)  (stoppen: Ctrl+C)"
	$(PY) manage.py schedule_reminders
	@# The task worker (reminders, e-mails) runs beside the server and stops when the server stops.
	@# Plain log lines for a person at a terminal; production keeps the JSON lines (docs/operations.md).
	ALLIN_LOG_FORMAT=$${ALLIN_LOG_FORMAT:-text}; export ALLIN_LOG_FORMAT; \
	$(PY) manage.py db_worker --interval 5 & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver --insecure 127.0.0.1:$(PORT)

# PYTEST_ARGS passes options on, e.g. make test PYTEST_ARGS='-m "not e2e"' to leave out the browser tests.
test: install
	$(PY) -m pytest $(PYTEST_ARGS)

# The facilitators' guide's pictures: run the browser tests, then copy a chosen set of their screenshots to docs/img/.
handleiding: install
	rm -rf test-artifacts/e2e
	$(PY) -m pytest tests/e2e -m e2e -q -p no:cacheprovider
	$(PY) docs/screenshots.py

# Re-extract the catalogues after changing texts, then compile them (needs GNU gettext).
messages: install
	cd allin && ../$(PY) ../manage.py makemessages -l nl -l en --no-obsolete --add-location file
	$(PY) manage.py sync_catalogues
	cd allin && ../$(PY) ../manage.py compilemessages

lint: install
	$(VENV)/bin/ruff check allin tests
	$(VENV)/bin/ruff format --check allin tests
	@# The floors of ARCHITECTURE.md (.importlinter): fails when an import runs up a floor.
	$(VENV)/bin/lint-imports
