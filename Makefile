# Two commands matter: `make run` and `make test`. Both build .venv/ from requirements.lock when it
# is missing or older than the lock file or pyproject.toml.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-lock
UV_VERSION := 0.13.8
# The drop to load; empty means: generate the bundled sample drop first.
DROP ?=
# Reports generated for `make bench-pipeline`.
N ?= 500
SAMPLE_DROP := var/sample-drop

.DEFAULT_GOAL := help
.PHONY: help run test bench bench-pipeline bench-workers fuzz lint sample-drop clean airflow airflow-stop docs

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

# Bytecode is compiled at install: with PYTHONDONTWRITEBYTECODE set (as on these machines) every
# process would otherwise recompile what it imports (GX 16.8 s instead of 6.2 s, dbt 7.6 s instead of 3.7 s).
$(STAMP): requirements.lock pyproject.toml Makefile
	@echo ">> building $(VENV)/ from requirements.lock"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	VIRTUAL_ENV=$(VENV) $(BIN)/uv pip sync --quiet --compile-bytecode requirements.lock
	VIRTUAL_ENV=$(VENV) $(BIN)/uv pip install --quiet --no-deps -e .
	@touch $(STAMP)

sample-drop: $(STAMP) ## generate the bundled sample portal drop into var/sample-drop
	$(BIN)/python -m sample_drop --reports 24 --years 2019-2024 --formats txt,docx,pdf,html,xlsx \
		--broken 6 --seed 7 --out $(SAMPLE_DROP)

run: $(STAMP) ## run the nightly pipeline once through Airflow (DROP=<folder> for your own reports)
	@if [ -z "$(DROP)" ]; then $(MAKE) --no-print-directory sample-drop; fi
	$(BIN)/python -m ingestion run --airflow --drop "$(if $(DROP),$(DROP),$(SAMPLE_DROP))"

airflow: $(STAMP) ## start a local Airflow in the background (UI, scheduler, ...); prints URL and login
	@if [ -z "$(DROP)" ] && [ ! -d $(SAMPLE_DROP) ]; then $(MAKE) --no-print-directory sample-drop; fi
	$(if $(DROP),BPW_DROP="$(abspath $(DROP))" )$(BIN)/python -m ingestion airflow start

airflow-stop: ## stop the local Airflow that `make airflow` started
	$(BIN)/python -m ingestion airflow stop

docs: $(STAMP) ## dbt docs, GX Data Docs and the overview page under var/docs (readable offline)
	$(BIN)/python -m ingestion docs

test: $(STAMP) ## run the test suite (real DuckDB, PostgreSQL, dbt, GX and Airflow)
	$(BIN)/python -m pytest

bench: $(STAMP) ## parsing speed per format (reports per second per core)
	$(BIN)/python -m ingestion bench

bench-pipeline: $(STAMP) ## the pipeline without Airflow on N generated reports: full load, quiet rerun
	$(BIN)/python benchmarks/bench_pipeline.py --reports $(N)

bench-workers: $(STAMP) ## parse-step throughput with 1 vs 2 worker processes (REPORTS=150)
	$(BIN)/python -m ingestion bench-workers --reports $(or $(REPORTS),150)

# The suite runs the fuzz test with a small budget; this runs it for at least 10 minutes.
FUZZ_EXAMPLES ?= 500
FUZZ_MINUTES ?= 10
fuzz: $(STAMP) ## the parser fuzz test with a large budget (>= FUZZ_MINUTES minutes)
	BPW_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) BPW_FUZZ_MINUTES=$(FUZZ_MINUTES) \
	  $(BIN)/python -m pytest tests/parsing/test_fuzz.py -q -s -p no:cacheprovider

lint: $(STAMP) ## ruff (checks and format), mypy and sqlfluff
	$(BIN)/ruff check ingestion expectations sample_drop dags tests benchmarks
	$(BIN)/ruff format --check --quiet ingestion expectations sample_drop dags tests benchmarks
	$(BIN)/mypy
	$(BIN)/sqlfluff lint dbt_project/models --disable-progress-bar

clean: ## remove the working folder var/ (warehouse, archive, published marts)
	rm -rf var
