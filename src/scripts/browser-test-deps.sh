#!/usr/bin/env bash
# What the browser test needs beyond `make setup`: Chromium (Debian's package, installed with apt-get when
# missing and this is root, as on CI) and Playwright for Python (requirements-test.txt, into .venv).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

if [[ -z "${CHROMIUM:-}" ]] && ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        echo "== installing Chromium (Debian package chromium)"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "browser test: Chromium is missing; install it (Debian/Ubuntu: sudo apt-get install chromium)" \
             "or point CHROMIUM at a Chrome or Chromium executable" >&2
        exit 2
    fi
fi
if [[ ! -f .venv/.test-installed || requirements-test.txt -nt .venv/.test-installed ]]; then
    echo "== installing the test tools (requirements-test.txt) into .venv"
    .venv/bin/python -m pip install -q -r requirements-test.txt
    touch .venv/.test-installed
fi
