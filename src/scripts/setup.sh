#!/usr/bin/env bash
# Sets up everything ganbook needs, idempotently: checks prerequisites, builds the library and
# copies its dependencies, creates .venv with JupyterLab and the JJava kernel, and installs the
# project kernel. No data step: the data the notebooks and tests use ships in src/data/, and the
# optional larger sets are fetched only by `make datasets`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

"$ROOT/src/scripts/check-prereqs.sh"

jar="target/ganbook.jar"
newest_source="$(find src/main pom.xml -newer "$jar" -print -quit 2>/dev/null || true)"
if [[ ! -f "$jar" || ! -d target/lib || -n "$newest_source" ]]; then
    echo "== building the library (mvn package; the first build downloads about 200 MB from Maven Central)"
    mkdir -p target
    mvn -B -Dstyle.color=never -DskipTests package 2>&1 | tee target/setup-mvn.log \
        | awk -f "$ROOT/src/scripts/maven-progress.awk"
fi

if [[ ! -x .venv/bin/python || requirements.txt -nt .venv/.installed ]]; then
    echo "== creating the Python environment in .venv (JupyterLab and JJava: about 60 MB from PyPI)"
    python3 -m venv .venv
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -r requirements.txt
    touch .venv/.installed
fi

.venv/bin/python src/scripts/install_kernel.py

echo "== set-up complete"
