#!/usr/bin/env bash
# Runs one of the benchmark's Java programs (src/bench/java/org/ganbook/bench/NAME.java) on one thread: compiles them
# against a private copy of the built library, so that rebuilding the jar cannot disturb a long run, with the
# native environment the command line uses (src/scripts/native.env), e.g.
#   src/bench/java-main.sh DcganRecipes 'name=paper'
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
[[ $# -ge 1 ]] || { echo "usage: src/bench/java-main.sh NAME [arguments], NAME one of: $(ls src/bench/java/org/ganbook/bench | sed 's/\.java$//' | tr '\n' ' ')" >&2; exit 2; }
MAIN="$1"
shift
SOURCE="src/bench/java/org/ganbook/bench/$MAIN.java"
[[ -f "$SOURCE" ]] || { echo "$MAIN: no such program ($SOURCE)" >&2; exit 2; }
[[ -f target/ganbook.jar && -d target/lib ]] || { echo "$MAIN: the library is not built: run 'make setup' first" >&2; exit 1; }
RUN="$(mktemp -d "${TMPDIR:-/tmp}/ganbook-bench.XXXXXX")"
trap 'rm -rf "$RUN"' EXIT
cp target/ganbook.jar "$RUN/ganbook.jar"
javac -d "$RUN/classes" -cp "$RUN/ganbook.jar:target/lib/*" $(find src/bench/java -name '*.java')
while IFS='=' read -r key value; do
    if [[ -n "$key" && "$key" != \#* && -z "${!key:-}" ]]; then
        export "$key=$value"
    fi
done < src/scripts/native.env
export OMP_NUM_THREADS=1
java -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
    -cp "$RUN/classes:$RUN/ganbook.jar:target/lib/*" "org.ganbook.bench.$MAIN" "$@" \
    2> >(grep --line-buffered -v -F "AutoNonVariableTypeMode is deprecated" >&2)
