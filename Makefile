# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

OLDEST := .venv-oldest
OLDEST_STAMP := $(OLDEST)/.installed

EDITOR_SERVER := .ci/node_modules/.bin/yaml-language-server

.PHONY: run test test-oldest lint bench speech editor-server catalogs clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

# The oldest version of every dependency that pyproject.toml allows, in a venv of its own.
$(OLDEST_STAMP): pyproject.toml .ci/lowest_versions.py
	@test -x $(OLDEST)/bin/python || $(PYTHON) -m venv $(OLDEST)
	$(PYTHON) .ci/lowest_versions.py > $(OLDEST)/constraints.txt
	$(OLDEST)/bin/python -m pip install --quiet --disable-pip-version-check \
	  -c $(OLDEST)/constraints.txt -e '.[dev]'
	@touch $@

# The voice on Linux comes from espeak-ng: installed here when this is a Debian or Ubuntu
# machine and we are root; otherwise the command to run is printed.
speech:
	@if [ "$$(uname -s)" = "Linux" ] && ! ldconfig -p 2>/dev/null | grep -q libespeak-ng; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing espeak-ng for the voice..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng libespeak-ng1 >/dev/null; \
	  else \
	    echo "For the voice, install espeak-ng: sudo apt-get install espeak-ng"; exit 1; \
	  fi; \
	fi

# The YAML language server that tests/test_editor.py drives as an editor would: Node.js and
# npm from apt when they are missing on a Debian or Ubuntu machine and we are root, then the
# server pinned in .ci/package.json. Without Node.js the test says what to do (or, where
# nothing can install it, is skipped).
editor-server: $(EDITOR_SERVER)

$(EDITOR_SERVER): .ci/package.json .ci/package-lock.json
	@if ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing Node.js for the editor test..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else \
	    echo "For the editor test, install Node.js and npm: sudo apt-get install nodejs npm"; exit 1; \
	  fi; \
	fi
	npm ci --prefix .ci --no-audit --no-fund --silent
	@touch $@

run: $(STAMP)
	@$(MAKE) --no-print-directory speech || echo "Playing with chimes and captions instead of a voice."
	$(PY) run.py

test: $(STAMP) speech
	@$(MAKE) --no-print-directory editor-server || echo "The editor test will say what it needs."
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) -m pytest
	$(PY) -m ruff check .
	$(PY) -m mypy

# The same tests, ruff and mypy with the oldest dependencies allowed (CI runs both).
test-oldest: $(STAMP) $(OLDEST_STAMP) speech
	@$(MAKE) --no-print-directory editor-server || echo "The editor test will say what it needs."
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(OLDEST)/bin/python -m pytest -p no:cacheprovider
	$(OLDEST)/bin/python -m ruff check --no-cache .
	$(OLDEST)/bin/python -m mypy --cache-dir .mypy_cache-oldest

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(VENV)/bin/lint-imports --no-cache

# The translations: the words marked in the code go into the template (player.pot), every
# language's .po file takes the new and changed ones (to translate), and each is compiled
# to the .mo file the player reads. tests/test_catalogs.py fails while any is out of date.
LOCALE := player/language/locale
catalogs: $(STAMP)
	$(VENV)/bin/pybabel extract --no-wrap --sort-by-file --add-comments=TRANSLATORS: \
	  --project=routine-player --version=0.1 --copyright-holder="The routine player's authors" \
	  -o $(LOCALE)/player.pot player
	$(VENV)/bin/pybabel update --no-wrap --no-fuzzy-matching -i $(LOCALE)/player.pot -d $(LOCALE) -D player
	$(VENV)/bin/pybabel compile --statistics -d $(LOCALE) -D player

bench: $(STAMP) speech
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) $(OLDEST) .ci/node_modules build dist *.egg-info .pytest_cache .mypy_cache .mypy_cache-oldest .ruff_cache
