#!/usr/bin/env bash
# The ring's sweep and remedy tables (see src/bench/ring/README.md): compiles the bench against the
# built library and runs RingTables on one thread. Arguments go to RingTables, e.g. `sweep`, `remedies`,
# `all` (the default), `--seeds 1,2`, `--only name,name`, `--trace 1000`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
[[ -f target/ganbook.jar && -d target/lib ]] || { echo "ring tables: run 'make setup' first" >&2; exit 1; }
# a private copy of the library and the compiled bench, so that rebuilding the jar cannot disturb a long run
RUN="$(mktemp -d "${TMPDIR:-/tmp}/ganbook-ring.XXXXXX")"
trap 'rm -rf "$RUN"' EXIT
cp target/ganbook.jar "$RUN/ganbook.jar"
javac -d "$RUN/classes" -cp "$RUN/ganbook.jar:target/lib/*" src/bench/java/org/ganbook/bench/RingTables.java
export OMP_NUM_THREADS=1
tables() {
    java -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
        -cp "$RUN/classes:$RUN/ganbook.jar:target/lib/*" org.ganbook.bench.RingTables "$@" \
        2> >(grep --line-buffered -v -F "AutoNonVariableTypeMode is deprecated" >&2)
}
if [[ $# -eq 0 || ( $# -eq 1 && ( $1 == all || $1 == remedies ) ) ]]; then
    # the R1 penalty leaks memory over a long process (several GB per run, see README.md): its runs go
    # one per process first; the main run below reads them back
    for seed in 1 2 3 4 5; do
        tables remedies --only "plain + R1 (gamma 1)" --seeds "$seed"
    done
fi
tables "${@:-all}"
