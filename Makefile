# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
ARGS   ?=

.PHONY: run test bench tmux clean

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "bti-tui needs Python 3.11 or newer ($(PYTHON) is older)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

run: $(VENV)/.installed
	$(VENV)/bin/bti-tui $(ARGS)

# The end-to-end tests drive the real app in tmux: install it where it is missing.
tmux:
	@command -v tmux >/dev/null 2>&1 || { \
	  echo "installing tmux (needed by tests/e2e)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq tmux; }

# Three workers on two cores: a third of the Pilot and tmux tests' time is
# spent waiting (timers, the terminal), and a third worker fills it (8 min
# of CPU in 5:26 with two workers). Whole test files per worker except the
# long Pilot files (tests/plugins/xdist_files.py).
PYTEST_ARGS ?= -n 3 --dist loadgroup

# Compiled modules cached even where the shell says not to (PYTHONDONTWRITEBYTECODE):
# the tests start the app and the command in many processes, each compiling
# the package afresh otherwise.
test: $(VENV)/.installed-test tmux
	$(VENV)/bin/lint-imports
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest $(PYTEST_ARGS)

# Issue 20's seven targets, a summary table at the end; under 5 minutes on
# 2 cores (the histories are cached in ~/.cache/bti-tui-bench: benchmarks/data.py).
bench: $(VENV)/.installed-test tmux
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
