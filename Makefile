# The course's verbs. The README names two of them: `make cursus` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
# nbgrader runs alembic as a program: the environment's bin/ must be on PATH.
export PATH := $(BIN):$(PATH)

.PHONY: cursus omgeving hubomgeving hubomgeving-pad gegevens boek pdf site site-open opdrachten test test-snel oefenen pins

## Set everything up and build the course: the book with its in-browser practice area, and
## the student versions.
cursus: omgeving boek site opdrachten

omgeving: $(VENV)/.geinstalleerd node_modules/.geinstalleerd

$(VENV)/.geinstalleerd: requirements.txt pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m werkalliantie.bouwen.jupyterlab
	touch $@

## The environment a shared JupyterHub runs for every user (deploy/hub/LEESMIJ.md): the
## system's own Python, which every user account may run, with the same pins. It lives
## outside the checkout, in a folder every account may read: a checkout holds the graded
## keys and may sit where only root can enter (mode 700), yet every user's server runs
## jupyterhub-singleuser from here. Default: /opt/werkalliantie-hub/<checkout folder's
## name>-<hash of its absolute path>, so two checkouts never share one; another place:
## `make hubomgeving HUBOMGEVING=/opt/werkalliantie/venv` (the IT guide's), and `make
## test` with the same HUBOMGEVING=. `make -s hubomgeving-pad` prints the place (the hub
## test asks it). The package is installed as a built package (with the course data
## inside it: issue 9's bundle), never linked to this checkout, so that a hub holds no
## checkout with the graded keys. Run as root, it checks that an account with no rights
## of its own (nobody) can start the users' server program.
HUBPYTHON ?= /usr/bin/python3
HUBOMGEVING ?= /opt/werkalliantie-hub/$(notdir $(CURDIR))-$(shell $(PYTHON) -c \
  'import hashlib, sys; print(hashlib.sha256(sys.argv[1].encode()).hexdigest()[:12])' '$(CURDIR)')
override HUBOMGEVING := $(abspath $(HUBOMGEVING))
hubomgeving: $(HUBOMGEVING)/.geinstalleerd

hubomgeving-pad:
	@echo $(HUBOMGEVING)

$(HUBOMGEVING)/.geinstalleerd: requirements.txt pyproject.toml deploy/hub/jupyterlab/werkalliantie.json \
  $(shell find werkalliantie data -type f -not -path '*/__pycache__/*' -not -path '*/_bundel/*')
	@test -n '$(HUBOMGEVING)' && { test ! -e '$(HUBOMGEVING)' || test -f '$(HUBOMGEVING)/pyvenv.cfg'; } || { \
	  echo "HUBOMGEVING='$(HUBOMGEVING)' bestaat al en is geen Python-omgeving: kies een andere map."; \
	  exit 1; }
	rm -rf '$(HUBOMGEVING)' && (umask 022 && mkdir -p '$(dir $(HUBOMGEVING))') && \
	  $(HUBPYTHON) -m venv '$(HUBOMGEVING)'
	sed '/^-e /d' requirements.txt | '$(HUBOMGEVING)/bin/pip' install --quiet --disable-pip-version-check -r /dev/stdin
	'$(HUBOMGEVING)/bin/pip' install --quiet --disable-pip-version-check --no-deps .
	install -D -m 644 deploy/hub/jupyterlab/werkalliantie.json \
	  '$(HUBOMGEVING)/share/jupyter/lab/settings/overrides.d/werkalliantie.json'
	'$(HUBOMGEVING)/bin/python' -m werkalliantie.bouwen.jupyterlab '$(HUBOMGEVING)/share/jupyter/lab/settings'
	echo '$(CURDIR)' > '$(HUBOMGEVING)/.checkout'
	chmod -R u+rwX,go+rX,go-w '$(HUBOMGEVING)'
	@[ "$$(id -u)" != 0 ] || (cd / && runuser -u nobody -- '$(HUBOMGEVING)/bin/python' -I -c \
	  'import os, sys, pathlib, jupyterhub.singleuser, nbgrader, werkalliantie.leren.gegevens as g; \
	   assert os.access(sys.prefix + "/bin/jupyterhub-singleuser", os.X_OK); \
	   [p.read_bytes() for p in g.BUNDEL.iterdir()]; \
	   pathlib.Path(sys.prefix, "share/jupyter/lab/settings/overrides.json").read_bytes()') || { \
	  echo "Een gewone gebruiker kan $(HUBOMGEVING) niet gebruiken. Kies met HUBOMGEVING= een map"; \
	  echo "die iedereen kan lezen, net als elke map erboven."; exit 1; }
	touch '$@'

node_modules/.geinstalleerd: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## Validate data/ and write the JSON bundle the learner's side reads (werkalliantie/leren/_bundel).
gegevens: omgeving
	$(BIN)/python -m werkalliantie.bouwen.bundel

## The book, strictly (warnings are errors), into _build/html.
boek: gegevens
	$(BIN)/jupyter-book build . -W -n --keep-going

## The book as one PDF to print, into _build/pdf/ (single-page build, printed by Chromium).
pdf: gegevens
	$(BIN)/python -m werkalliantie.bouwen.boekpdf

## The book plus the practice exercises in the browser (JupyterLite), in one static folder:
## _build/html, with the exercises under _build/html/oefenen/. See werkalliantie/bouwen/site.py.
site: boek
	$(BIN)/python -m werkalliantie.bouwen.site

## Serve the built site on this computer only: http://127.0.0.1:8000/ (Ctrl+C stops it).
SITE_POORT ?= 8000
site-open:
	@test -f _build/html/oefenen/index.html || { echo "Bouw de site eerst: make site"; exit 1; }
	@$(PYTHON) site/serveer.py _build/html --poort $(SITE_POORT)

## The graded assignments from data/ into exercises/source/, then their student versions
## into exercises/release/.
opdrachten: gegevens
	$(BIN)/werkalliantie klaarzetten --cursusmap exercises

## Every test. Installs what a fresh machine lacks (Chromium and PostgreSQL from Debian's
## packages; the hub test starts its own temporary PostgreSQL). The hub test (Linux, root)
## runs in the hub's own environment, built only there (elsewhere the test is skipped).
# Two worker processes (pytest-xdist), one per core: the background jobs are started once for
# both, and a module whose fixture is made once per run (the hub, the PDF) runs in one worker
# (tests/conftest.py: EEN_WERKER).
WERKERS := -n 2
TESTOMGEVINGEN := omgeving $(if $(filter Linux0,$(shell uname -s)$(shell id -u)),hubomgeving)
test: $(TESTOMGEVINGEN)
	@command -v chromium >/dev/null || { \
	  echo "Chromium installeren voor de browsertests..."; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq chromium >/dev/null; }
	@[ "$$(uname -s)" != Linux ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  echo "PostgreSQL installeren voor de hubtest..."; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq postgresql >/dev/null; }
	HUBOMGEVING='$(HUBOMGEVING)' $(BIN)/pytest $(WERKERS)

## The pure tests only: no nbgrader run, no browser, no book build, no hub (under 90 s).
SNEL := not browser and not nbgrader and not boek and not pdf and not site and not hub and not slow
test-snel: omgeving
	$(BIN)/pytest $(WERKERS) -m "$(SNEL)"

## Open the practice exercises for a learner, with no code visible:
## http://127.0.0.1:8866/ (another port: make oefenen OEFEN_POORT=8867).
# Voilà (not JupyterLab, which only collapses code) on this computer only, listing the
# exercises in notebooks/ in the learner's order with their titles, as the browser site
# does; it reads its settings from notebooks/voila.json (widgets only) and notebooks/voila.py
# (the list's order). Voilà's page templates are overridden by
# share/jupyter/voila/templates/werkalliantie (Dutch list page and loading text, no Font
# Awesome from a CDN, toegang.js), found through JUPYTER_PATH.
OEFEN_POORT ?= 8866
oefenen: gegevens
	cd notebooks && JUPYTER_PATH=$(CURDIR)/share/jupyter$${JUPYTER_PATH:+:$$JUPYTER_PATH} \
	  $(BIN)/voila . --Voila.ip=127.0.0.1 --Voila.port=$(OEFEN_POORT)

## Re-pin requirements.txt after a change to requirements.in.
pins:
	rm -rf /tmp/werkalliantie-pins && $(PYTHON) -m venv /tmp/werkalliantie-pins
	/tmp/werkalliantie-pins/bin/pip install --quiet -r requirements.in
	{ echo "# Generated from requirements.in by \`make pins\`: the whole environment, every package pinned."; \
	  /tmp/werkalliantie-pins/bin/pip freeze; echo "-e ."; } > requirements.txt
