"""Executes ganbook's notebooks top to bottom, each in a fresh project kernel.

    run_notebooks.py [--save] [--html DIR] [--timeout SECONDS] [NOTEBOOK ...]

A notebook fails when any cell raises an error or when it produces no PNG output. Each notebook's
run time is printed, and the time from launching its kernel until its first code cell finished. With GANBOOK_QUICK=1 in the environment the notebooks train briefly (the test
suite does this); without it they make their full runs. --save writes the executed notebooks back
(outputs included), --html writes an HTML copy of each into DIR. The last line reads
"N passed, M failed".

Every kernel it starts runs PyTorch on ONE thread, whatever the installed kernel's default: the same seed gives
the same numbers only at the same thread count, and the saved notebooks (and the checks in them) were made at one.
"""
import argparse
import platform
import re
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = Path(__file__).resolve().parents[2]
KERNEL = "ganbook"
LOGS = ROOT / "target" / "notebook-logs"
THREADS = 1  # PyTorch threads in every kernel this runner starts (see the module's docstring)


def pinned_kernel_manager() -> AsyncKernelManager:
    """A manager for the project kernel with PyTorch pinned to THREADS threads, however the kernel was installed."""
    manager = AsyncKernelManager(kernel_name=KERNEL)
    env = manager.kernel_spec.env
    option = f"-Dai.djl.pytorch.num_threads={THREADS}"
    options, found = re.subn(r"-Dai\.djl\.pytorch\.num_threads=\S+", option, env.get("JJAVA_JVM_OPTS", ""))
    env["JJAVA_JVM_OPTS"] = options if found else (options + " " + option).strip()
    env["OMP_NUM_THREADS"] = str(THREADS)
    return manager


def png_count(nb) -> int:
    return sum(
        1
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    )


def first_error(nb):
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return index, f"{output.get('ename')}: {output.get('evalue')}"
    return None


def first_cell_seconds(nb, launched):
    """Seconds from launching the kernel until the first code cell finished, from the kernel's timestamps."""
    from datetime import datetime

    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        timing = cell.get("metadata", {}).get("execution", {})
        try:
            end = datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
        except (KeyError, ValueError):
            return None
        return (end - launched).total_seconds()
    return None


def cpu_kind() -> str:
    """The kind of CPU whose numbers a saved notebook holds: libtorch, oneDNN and MKL choose other kernels with
    AVX-512 than with AVX2 only, and MKL other ones again on another vendor's CPU; the same seed then gives numbers
    that differ in their last digits."""
    machine = platform.machine()
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return machine
    flags = next((line for line in lines if line.startswith("flags")), "")
    vendor = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("vendor_id")), "")
    vendor = {"GenuineIntel": "Intel", "AuthenticAMD": "AMD"}.get(vendor, vendor)
    words = set(flags.split())
    vector = "AVX-512" if "avx512f" in words else "AVX2" if "avx2" in words else "no AVX2"
    return f"{machine}, " + (f"{vendor}, " if vendor else "") + vector


def run(path: Path, timeout: int, save: bool, html_dir):
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Java (ganbook)", "language": "java"}
    client = NotebookClient(
        nb,
        km=pinned_kernel_manager(),
        kernel_name=KERNEL,
        timeout=timeout,
        startup_timeout=120,
        resources={"metadata": {"path": str(path.parent)}},
    )
    from datetime import datetime, timezone

    launched = datetime.now(timezone.utc)
    started = time.monotonic()
    problem = None
    LOGS.mkdir(parents=True, exist_ok=True)
    log = LOGS / (path.stem + ".log")
    try:
        with open(log, "w") as kernel_log:
            client.execute(stderr=kernel_log, stdout=kernel_log, cleanup_kc=True)  # shut the kernel down: the manager is ours
    except CellExecutionError as error:
        problem = str(error).strip().splitlines()[-1] if str(error).strip() else "cell error"
        located = first_error(nb)
        if located:
            problem = f"cell {located[0]}: {located[1]}"
    except (CellTimeoutError, DeadKernelError, TimeoutError, RuntimeError) as error:
        problem = f"{type(error).__name__}: {error} (kernel log: {log.relative_to(ROOT)})"
    seconds = time.monotonic() - started
    first = first_cell_seconds(nb, launched)
    pngs = png_count(nb)
    if problem is None and pngs == 0:
        problem = "no PNG output: every notebook shows at least one plot"
    if save and problem is None:
        nb.metadata["ganbook"] = {"threads": THREADS, "cpu": cpu_kind()}
        nbformat.write(nb, path)
    if problem is not None:  # keep what ran, outputs included, to read beside the error
        executed = LOGS / (path.stem + ".failed.ipynb")
        nbformat.write(nb, executed)
        problem += f" (outputs so far: {executed.relative_to(ROOT)})"
    if html_dir is not None and problem is None:
        from nbconvert import HTMLExporter

        html_dir.mkdir(parents=True, exist_ok=True)
        body, _ = HTMLExporter().from_notebook_node(nb)
        (html_dir / (path.stem + ".html")).write_text(body, encoding="utf-8")
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    return problem, seconds, pngs, first


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--save", action="store_true", help="write outputs back into the notebooks")
    parser.add_argument("--html", type=Path, help="directory for HTML copies")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds allowed per cell")
    args = parser.parse_args()
    notebooks = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    if not notebooks:
        print("no notebooks found in notebooks/", file=sys.stderr)
        return 1
    import os

    mode = "quick" if os.environ.get("GANBOOK_QUICK", "").lower() in ("1", "true", "yes") else "full"
    print(f"executing {len(notebooks)} notebooks in {mode} mode with kernel '{KERNEL}', PyTorch pinned to "
          f"{THREADS} thread so that the numbers reproduce", flush=True)
    passed = failed = 0
    total = 0.0
    for path in notebooks:
        problem, seconds, pngs, first = run(path.resolve(), args.timeout, args.save, args.html)
        total += seconds
        status = "ok" if problem is None else f"FAILED: {problem}"
        first_text = f"launch to first cell done {first:4.1f} s" if first is not None else "first cell n/a"
        print(f"  {path.name:<40} {seconds:7.1f} s  {first_text}  {pngs:3d} PNG  {status}", flush=True)
        if problem is None:
            passed += 1
        else:
            failed += 1
    print(f"notebooks: total {total:.1f} s")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
