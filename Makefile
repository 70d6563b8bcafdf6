# Two commands do all the set-up on a fresh machine:
#   make demo   create .venv, install reportdiff, compare the bundled Baotou 2022 and 2023 reports
#   make test   create .venv with the dev and ocr extras, run the whole test suite
# Stamp files inside .venv keep both from re-installing what is already up to date.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
RUN    := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev

.PHONY: demo test bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(RUN): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e .
	touch $@

$(DEV): $(RUN) pyproject.toml
	$(PY) -m pip install -q -e '.[dev,ocr]'
	touch $@

demo: $(RUN)
	$(VENV)/bin/reportdiff outline fixtures/baotou-gazette-2023-01.txt
	$(VENV)/bin/reportdiff fixtures/baotou-2022.txt fixtures/baotou-gazette-2023-01.txt --color always --no-pager

test: $(DEV)
	$(PY) -m pytest

bench: $(DEV)
	$(PY) benchmarks/bench_outline.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info
