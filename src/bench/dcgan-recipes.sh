#!/usr/bin/env bash
# Notebook 7's DCGAN recipe search (see DcganRecipes.java): compiles it against the built library and runs
# the given configurations one after another on one thread, e.g.
#   src/bench/dcgan-recipes.sh 'name=paper' 'name=lr 1e-3,lrG=1e-3,lrD=1e-3'
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
[[ -f target/ganbook.jar && -d target/lib ]] || { echo "dcgan recipes: run 'make setup' first" >&2; exit 1; }
RUN="$(mktemp -d "${TMPDIR:-/tmp}/ganbook-dcgan.XXXXXX")"
trap 'rm -rf "$RUN"' EXIT
cp target/ganbook.jar "$RUN/ganbook.jar"
javac -d "$RUN/classes" -cp "$RUN/ganbook.jar:target/lib/*" src/bench/java/org/ganbook/bench/DcganRecipes.java
export OMP_NUM_THREADS=1
java -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
    -cp "$RUN/classes:$RUN/ganbook.jar:target/lib/*" org.ganbook.bench.DcganRecipes "$@" \
    2> >(grep --line-buffered -v -F "AutoNonVariableTypeMode is deprecated" >&2)
