#!/usr/bin/env bash
# The quality classifier read against notebook 7's DCGAN and against images that are no digits (see
# ClassifierControls.java), on one thread:
#   src/bench/classifier-controls.sh [folder for the grid's PNG, default target/bench]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
[[ -f target/ganbook.jar && -d target/lib ]] || { echo "dcgan recipes: run 'make setup' first" >&2; exit 1; }
RUN="$(mktemp -d "${TMPDIR:-/tmp}/ganbook-classifier.XXXXXX")"
trap 'rm -rf "$RUN"' EXIT
cp target/ganbook.jar "$RUN/ganbook.jar"
javac -d "$RUN/classes" -cp "$RUN/ganbook.jar:target/lib/*" src/bench/java/org/ganbook/bench/ClassifierControls.java
export OMP_NUM_THREADS=1
java -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
    -cp "$RUN/classes:$RUN/ganbook.jar:target/lib/*" org.ganbook.bench.ClassifierControls "$@" \
    2> >(grep --line-buffered -v -F "AutoNonVariableTypeMode is deprecated" >&2)
