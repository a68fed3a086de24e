# The companion's commands. Each target does its own set-up on a fresh machine.
.DEFAULT_GOAL := help
.PHONY: help install dashboard test test-fast lint notebooks bench

help:  ## list the commands
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install:  ## create .venv and install the companion (and its test tools)
	bash scripts/setup.sh --with-test-tools

dashboard:  ## start the course dashboard (Voilà) on 127.0.0.1; ARGS="--lan" to open it to the room
	bash scripts/setup.sh
	.venv/bin/companion serve $(ARGS)

test:  ## run lint, type checks and the whole test suite (browser tests included)
	bash scripts/test.sh $(ARGS)

test-fast:  ## lint, types and the quick tier (no browser, notebook or slow test; under 90 s)
	bash scripts/test.sh -m "not browser and not slow and not notebook"

lint:  ## ruff and mypy only
	bash scripts/setup.sh --with-test-tools
	.venv/bin/ruff check companion tests benchmarks scripts
	.venv/bin/mypy

notebooks:  ## regenerate notebooks/ from scripts/notebook_sources/
	.venv/bin/python scripts/make_notebook.py

bench:  ## run the benchmarks (figures in benchmarks/README.md)
	bash scripts/setup.sh --with-test-tools
	bash benchmarks/run.sh
