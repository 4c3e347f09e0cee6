# The two commands of the README:
#   make run    set up everything on a fresh clone and serve the dashboard on the shipped articles
#   make test   set up everything and run all the tests, the browser test included
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= data/deals.duckdb
PORT   ?= 8501

.PHONY: run test install db chromium bench score clean

run: install db
	$(BIN)/streamlit run dashboard/serve.py --server.address 127.0.0.1 --server.port $(PORT)

test: install chromium
	$(BIN)/python -m pytest

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m dashboard.extract.cache   # the extractor's gazetteer and rate table, built once into data/cache
	touch $@

# Builds the database from the shipped articles; ingest is idempotent, so running it again is cheap.
db: install
	DASHBOARD_DB=$(DB) $(BIN)/python -m dashboard ingest data/articles

# The browser test drives Debian's chromium; Playwright cannot download browsers here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser test ..."; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "could not install chromium: the browser test will be skipped (install it with: sudo apt-get install chromium)"; \
	  else \
	    echo "chromium not found: the browser test will be skipped. Install it with: sudo apt-get install chromium"; \
	  fi; }

bench: install
	$(BIN)/python -m dashboard.bench

score: install
	$(BIN)/python ../shared/extraction/score.py --gold ../shared/extraction/gold/seeds.jsonl --articles data/articles
	$(BIN)/python ../shared/extraction/score.py --gold ../shared/extraction/gold/dev.jsonl --articles ../shared/extraction/dev
	$(BIN)/python ../shared/extraction/score.py --gold ../shared/extraction/gold/dev2.jsonl --articles ../shared/extraction/dev2
	for b in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29; do $(BIN)/python ../shared/extraction/score.py --gold tests/blind/batch$$b/gold.jsonl --articles tests/blind/batch$$b/articles; done

clean:
	rm -rf $(VENV) $(DB) $(DB).wal
