#!/usr/bin/env bash
# The benchmark (not a test): ganbook against PyTorch 2.7.1 on this CPU, in the same run.
# Installs its own PyTorch into .venv-bench (once), compiles the Java side, then runs bench.py.
# Arguments are passed to bench.py, e.g.  src/bench/run.sh --quick  or  --threads 2 --configs dcgan
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
VENV=.venv-bench
PY="$VENV/bin/python"

fail() { echo "bench: $*" >&2; exit 1; }

[[ -f target/ganbook.jar && -d target/lib ]] || fail "the library is not built: run 'make setup' first"
command -v java >/dev/null || fail "java not found"

# PyTorch 2.7.1, the libtorch version of DJL's native library. PyPI's Linux wheel is the CUDA 12.6
# build; it runs on the CPU but its libraries are linked against CUDA's runtime libraries, so
# 'import torch' needs them on disk. We install torch without its dependency list, then its small
# pure-Python dependencies and only the NVIDIA runtime wheels the dynamic loader opens at import
# (pinned as torch 2.7.1 pins them). Left out, because they are loaded only on first CUDA use:
# triton, nvrtc, nvtx, cusolver. No GPU is used.
TORCH=2.7.1
if [[ ! -f "$VENV/.torch-$TORCH" ]]; then
    echo "== installing PyTorch $TORCH (CPU use) into $VENV"
    python3 -m venv "$VENV"
    "$PY" -m pip install -q --no-deps "torch==$TORCH" || fail "pip could not install torch==$TORCH"
    "$PY" -m pip install -q filelock 'typing-extensions>=4.10.0' 'sympy>=1.13.3' networkx jinja2 fsspec numpy \
        nvidia-cuda-runtime-cu12==12.6.77 nvidia-cuda-cupti-cu12==12.6.80 nvidia-cudnn-cu12==9.5.1.17 \
        nvidia-cublas-cu12==12.6.4.1 nvidia-cufft-cu12==11.3.0.4 nvidia-curand-cu12==10.3.7.77 \
        nvidia-cusparse-cu12==12.5.4.2 nvidia-cusparselt-cu12==0.6.3 nvidia-nccl-cu12==2.26.2 \
        nvidia-nvjitlink-cu12==12.6.85 nvidia-cufile-cu12==1.11.1.6 2>&1 | grep -v -E "dependency (resolver|conflicts)|requires (triton|nvidia-(cuda-nvrtc|cusolver|nvtx))" || true
    "$PY" -c "import torch, sys; assert torch.__version__.startswith('$TORCH'), torch.__version__; torch.ones(2) @ torch.ones(2)" \
        || fail "torch $TORCH was installed but does not import on this CPU (see the error above)"
    touch "$VENV/.torch-$TORCH"
fi

echo "== compiling the Java benchmark"
mkdir -p target/bench-classes
javac -d target/bench-classes -cp "target/ganbook.jar:target/lib/*" \
    $(find src/bench/java -name '*.java') || fail "the Java benchmark does not compile"

exec "$PY" src/bench/bench.py "$@"
