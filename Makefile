# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip

.PHONY: run test bench lexicon-check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Stamp files: reinstall only when the project metadata changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/newsproc analyze samples/

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

lexicon-check: $(VENV)/.installed
	$(BIN)/newsproc lexicon check newsproc/lexicon/data/*.yaml

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
