# Presend: `make run` starts the app, `make test` runs every check. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit system-deps eval bench bundle icons firefox clean

# The tray app. Without a display it says so and points to `presend check`.
run: $(STAMP)
	$(BIN)/presend

test: $(STAMP) system-deps lint typecheck unit

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Presend needs Python 3.11 or newer (found $$($(PYTHON) --version))"; exit 2; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || \
		{ echo "Could not create $(VENV): on Debian run 'apt-get install python3-venv'"; exit 2; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[desktop,dev]'
	@touch $(STAMP)

# Browser, display and tray packages for the end-to-end tests. Installed when this runs as
# root with apt-get; otherwise those tests skip and say why (and fail under CI=true).
system-deps:
	@sh tests/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy cannot follow the package-dir mapping (core/ is presend.core), so it reads the
# packages through a tree of links with the import names.
typecheck: $(STAMP)
	@mkdir -p build/typecheck/presend
	@ln -sfn ../../../core build/typecheck/presend/core
	@ln -sfn ../../../desktop build/typecheck/presend/desktop
	@ln -sfn ../../../extension-bridge build/typecheck/presend/bridge
	cd build/typecheck && ../../$(BIN)/mypy --config-file ../../pyproject.toml \
		-p presend.core -p presend.bridge -p presend.desktop

unit: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/presend eval

# The onedir bundle (dist/presend): the tray app and presend-host sharing libraries.
bundle: $(STAMP)
	$(BIN)/pyinstaller packaging/presend.spec --noconfirm

# Re-render icons/png, presend.ico, presend.icns and the extension's icons from the SVGs.
icons: $(STAMP)
	$(BIN)/python icons/render.py

# The Firefox flavour of the extension, from the same sources.
firefox: $(STAMP)
	$(BIN)/python -m presend.bridge.firefox dist/firefox-extension

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
