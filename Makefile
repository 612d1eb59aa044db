# Two commands set everything up on a fresh machine (Python 3.11, make, pip):
#   make site   install, generate the briefings from content/, build site/
#   make test   install, run the test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test bench serve lock screenshots browser clean

site: $(STAMP)
	$(BIN)/briefing build

test: $(STAMP) browser
	$(BIN)/pytest -n 2 --dist loadgroup

bench: $(STAMP)
	$(BIN)/python tools/bench.py

serve: $(STAMP)
	$(BIN)/briefing serve

screenshots: $(STAMP) browser site
	$(BIN)/python tools/screenshots.py

# Dependencies are pinned with hashes: Python packages in requirements.lock,
# the two browser scripts (Mermaid for diagrams, axe-core for the accessibility
# test) in assets.lock.json.
$(STAMP): requirements.lock pyproject.toml assets.lock.json tools/fetch_assets.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python tools/fetch_assets.py
	touch $(STAMP)

# Browser tests drive Debian's chromium (never a downloaded browser).
browser:
	@command -v chromium >/dev/null || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq chromium >/dev/null || \
	  { $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
	    $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq chromium >/dev/null; }; }

lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in

clean:
	rm -rf site .cache
