# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DJANGO_SETTINGS_MODULE := outreach.settings

.PHONY: run test setup-run setup-dev check-system messages lint bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
		{ echo "Outreach needs Python 3.11 or newer (found: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed-run

# WeasyPrint needs Pango from the system, and compiling the translations needs GNU gettext.
check-system: | $(BIN)/python
	@$(BIN)/python -c 'import weasyprint' 2>/dev/null || { \
		echo ""; \
		echo "WeasyPrint cannot load its system libraries (Pango)."; \
		echo "  Debian/Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core"; \
		echo "  macOS:         brew install pango"; \
		exit 1; }
	@command -v msgfmt >/dev/null || { \
		echo ""; \
		echo "GNU gettext (msgfmt) is missing; it compiles the Dutch and English translations."; \
		echo "  Debian/Ubuntu: sudo apt-get install gettext"; \
		echo "  macOS:         brew install gettext"; \
		exit 1; }

setup-run: $(VENV)/.installed-run check-system
	@DEBUG=true $(BIN)/python manage.py compilemessages --ignore '.venv' -v0

setup-dev: $(VENV)/.installed-dev check-system
	@DEBUG=true $(BIN)/python manage.py compilemessages --ignore '.venv' -v0

run: setup-run
	DEBUG=true $(BIN)/python manage.py migrate --no-input -v0
	DEBUG=true $(BIN)/python manage.py seed_demo
	@echo "Outreach runs at http://127.0.0.1:8000 (stop with Ctrl+C)"
	DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:8000

# ARGS passes extra pytest arguments, e.g. make test ARGS="tests/outreach -x".
test: setup-dev
	DEBUG=true $(BIN)/python -m pytest -n auto $(ARGS)

# Every benchmark at its tiny size, seconds each (CI runs this): a benchmark that no longer runs,
# or misses a structural target, fails. The full sizes are a manual run (docs/performance.md).
BENCHES := pages case_pages limit load zrm_pdf inspection yearly_report visit_logging
bench: setup-dev
	@set -e; for name in $(BENCHES); do \
		echo "--- bench/$$name.py --tiny"; \
		DEBUG=true $(BIN)/python bench/$$name.py --tiny; \
	done

lint: setup-dev
	$(BIN)/ruff check .
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

messages: setup-dev
	DEBUG=true $(BIN)/python manage.py makemessages -l nl -l en --ignore '.venv' --ignore 'staticfiles' --no-obsolete

clean:
	rm -rf $(VENV) staticfiles
