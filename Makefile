# Presend: `make run` starts the app, `make test` runs every check. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit system-deps qt-libs editable eval bench bundle dist icons \
	firefox clean

# The tray app. Without a display it says so and points to `presend check`.
run: editable qt-libs
	$(BIN)/presend

test: editable system-deps lint typecheck unit

# Setuptools' strict editable mode: build/__editable__.*/presend/ holds links with the
# import names (presend/core -> core/), on sys.path through a plain .pth file, so mypy,
# editors (pyright/Pylance) and PyInstaller read the packages like any installed one.
# Warnings are silenced here: the build backend's notes are for packagers, not for you.
PIP_INSTALL := PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --disable-pip-version-check
EDITABLE := -e . --config-settings editable_mode=strict

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Presend needs Python 3.11 or newer (found $$($(PYTHON) --version))"; exit 2; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || \
		{ echo "Could not create $(VENV): on Debian run 'apt-get install python3-venv'"; exit 2; }
	@echo "Setting up $(VENV) (Presend and its tools; a few minutes the first time)"
	@$(PIP_INSTALL) --upgrade pip
	@$(PIP_INSTALL) -e '.[desktop,dev]' --config-settings editable_mode=strict
	@touch $(STAMP)

# The link tree is made once; a module added or removed since needs a new one.
editable: $(STAMP)
	@$(BIN)/python tools/editable_links.py || $(PIP_INSTALL) --no-deps $(EDITABLE)

# Qt's X11 plugin needs system libraries PySide6 does not carry: installed here as root
# with apt-get, otherwise named (the Debian packages) before Qt would abort.
qt-libs: $(STAMP)
	@sh packaging/linux/qt-libs.sh $(BIN)/python

# Browser, display and tray packages for the end-to-end tests. Installed when this runs as
# root with apt-get; otherwise those tests skip and say why (and fail under CI=true).
system-deps:
	@sh tests/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: editable
	$(BIN)/mypy -p presend.core -p presend.bridge -p presend.desktop

unit: editable
	$(BIN)/python -m pytest

eval: editable
	$(BIN)/presend eval

# The onedir bundle (dist/presend): the tray app and presend-host sharing libraries.
bundle: editable
	$(BIN)/pyinstaller packaging/presend.spec --noconfirm --log-level ERROR

# Release packages from the bundle: on Linux dist/presend-<version>-linux-x86_64.tar.gz
# and dist/presend_<version>_amd64.deb (the release workflow runs the same two steps on
# Windows and macOS, where the second makes the installer or the .dmg).
dist: bundle
	$(BIN)/python packaging/dist.py

# Re-render icons/png, presend.ico, presend.icns and the extension's icons from the SVGs.
icons: $(STAMP)
	$(BIN)/python icons/render.py

# The Firefox flavour of the extension, from the same sources.
firefox: $(STAMP)
	$(BIN)/python -m presend.bridge.firefox dist/firefox-extension

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
