# Two commands set everything up on a fresh machine (Python 3.11, make, pip):
#   make site   install, generate the briefings from content/, build site/
#   make test   install, run the test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Pinned browser scripts (assets.lock.json): Mermaid for the site, axe-core for the tests.
ASSETS := templates/overrides/assets/vendor/mermaid.min.js .cache/vendor/axe.min.js

.PHONY: site test bench serve lock screenshots browser clean

site: $(STAMP) $(ASSETS)
	$(BIN)/briefing build

test: $(STAMP) $(ASSETS) browser
	$(BIN)/pytest -n 2 --dist loadgroup

bench: $(STAMP) $(ASSETS)
	$(BIN)/python tools/bench.py

serve: $(STAMP) $(ASSETS)
	$(BIN)/briefing serve

screenshots: $(STAMP) browser site
	$(BIN)/python tools/screenshots.py

# Dependencies are pinned with hashes: Python packages in requirements.lock,
# the two browser scripts (Mermaid for diagrams, axe-core for the accessibility
# test) in assets.lock.json.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# A file target of its own, so that `make clean` (which removes .cache/) is followed by a fetch;
# fetch_assets.py skips what is already there with the pinned integrity.
$(ASSETS) &: assets.lock.json tools/fetch_assets.py | $(STAMP)
	$(BIN)/python tools/fetch_assets.py

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
