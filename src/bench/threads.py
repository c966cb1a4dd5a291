"""The thread table: ganbook's DCGAN step on 1 and 2 threads, on a quiet machine and with one competing process.

Long-lived ganbook workers run blocks of iterations in turn, one per `--workers` entry THREADS:WAIT, where WAIT
says how libgomp's idle OpenMP workers wait for the next parallel region: `passive` (`OMP_WAIT_POLICY=PASSIVE`:
they sleep at once), `active` (they spin until work comes), `default` (both variables unset: libgomp spins
300,000 rounds, then sleeps) or `spinN` (`GOMP_SPINCOUNT=N`, policy unset: N rounds, then sleep); `native` is
whatever `src/scripts/native.env` sets, as the launcher and the kernel run it. Every other round a
`yes > /dev/null` process competes for a core during all the workers' blocks. Each block records its wall
time, the process's CPU time and the 1-minute load average, so that what else the machine was doing is on the
record beside every figure.

Usage: threads.py [--config dcgan-tconv] [--block 10] [--rounds 3] [--warmup 3] [--workers 1:native,2:native,2:default]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import OUT, Worker  # noqa: E402


def wait_env(wait):
    """The environment for one of --workers' WAIT values (None removes a variable native.env would set)."""
    if wait == "native":
        return {}
    if wait == "passive":
        return {"OMP_WAIT_POLICY": "PASSIVE", "GOMP_SPINCOUNT": None}
    if wait == "active":
        return {"OMP_WAIT_POLICY": "ACTIVE", "GOMP_SPINCOUNT": None}
    if wait == "default":
        return {"OMP_WAIT_POLICY": None, "GOMP_SPINCOUNT": None}
    if wait.startswith("spin") and wait[4:].isdigit():
        return {"OMP_WAIT_POLICY": None, "GOMP_SPINCOUNT": wait[4:]}
    raise SystemExit(f"unknown wait {wait!r}: native, passive, active, default or spinN")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", default="dcgan-tconv")
    parser.add_argument("--block", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--tag", default="")
    parser.add_argument("--workers", default="1:native,2:native,2:default",
                        help="comma-separated THREADS:WAIT entries, WAIT one of native, passive, active, default, spinN")
    args = parser.parse_args()
    kinds = [(int(t), w) for t, w in (e.split(":") for e in args.workers.split(","))]
    workers = {k: Worker("ganbook", args.config, k[0], extra_env=wait_env(k[1])) for k in kinds}
    rows = []
    try:
        for w in workers.values():
            w.run(args.warmup)
        for r in range(args.rounds):
            for competing in (False, True):
                hog = subprocess.Popen(["yes"], stdout=subprocess.DEVNULL) if competing else None
                try:
                    time.sleep(0.5 if competing else 0)
                    order = kinds if r % 2 == 0 else kinds[::-1]
                    for k in order:
                        load = os.getloadavg()[0]
                        b = workers[k].run(args.block)
                        row = {"round": r + 1, "threads": k[0], "workers": k[1], "competing": competing, "load_before": load,
                               "load_after": os.getloadavg()[0], "seconds": b["seconds"],
                               "cpu_seconds": b["cpu_seconds"], "its": args.block / b["seconds"]}
                        rows.append(row)
                        print(json.dumps(row), flush=True)
                finally:
                    if hog:
                        hog.kill()
                        hog.wait()
    finally:
        for w in workers.values():
            w.close()
    print()
    print(f"| threads | OpenMP workers | competing `yes` | it/s per block | median it/s | CPU s per iteration (median) "
          f"| load average (1 min) |")
    print("|---|---|---|---|---|---|---|")
    for k in kinds:
        for competing in (False, True):
            sel = [x for x in rows if (x["threads"], x["workers"]) == k and x["competing"] == competing]
            print(f"| {k[0]} | {k[1]} | {'yes' if competing else 'no'} | {', '.join('%.2f' % x['its'] for x in sel)} "
                  f"| {statistics.median(x['its'] for x in sel):.2f} "
                  f"| {statistics.median(x['cpu_seconds'] / args.block for x in sel):.2f} "
                  f"| {min(x['load_before'] for x in sel):.1f}–{max(x['load_after'] for x in sel):.1f} |")
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "threads" + (f"-{args.tag}" if args.tag else "") + ".json"), "w") as f:
        json.dump({"config": args.config, "block": args.block, "rows": rows, "date": time.strftime("%Y-%m-%d %H:%M")}, f,
                  indent=1)


if __name__ == "__main__":
    main()
