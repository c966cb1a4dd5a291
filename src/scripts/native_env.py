"""src/scripts/native.env's KEY=VALUE lines: the environment of every process running ganbook's native code.

One reader for the kernel installer, the benchmark and the kernel test (the command-line launcher reads the file in
bash)."""

from pathlib import Path

FILE = Path(__file__).resolve().parent / "native.env"


def read() -> dict:
    """The file's variables in order, comments and blank lines skipped."""
    pairs = {}
    for line in FILE.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value.strip()
    return pairs
