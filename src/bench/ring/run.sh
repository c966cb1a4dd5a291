#!/usr/bin/env bash
# The ring's sweep and remedy tables (see src/bench/ring/README.md): compiles the bench against the
# built library and runs RingTables on one thread. Arguments go to RingTables, e.g. `sweep`, `remedies`,
# `all` (the default), `--seeds 1,2`, `--only name,name`, `--trace 1000`.
set -euo pipefail
MAIN="$(dirname "${BASH_SOURCE[0]}")/../java-main.sh"
tables() { "$MAIN" RingTables "$@"; }
if [[ $# -eq 0 || ( $# -eq 1 && ( $1 == all || $1 == remedies ) ) ]]; then
    # the R1 penalty leaks memory over a long process (several GB per run, see README.md): its runs go
    # one per process first; the main run below reads them back
    for seed in 1 2 3 4 5; do
        tables remedies --only "plain + R1 (gamma 1)" --seeds "$seed"
    done
fi
tables "${@:-all}"
