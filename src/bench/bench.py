"""Drives the benchmark: ganbook (Java, DJL) against the PyTorch reference, in the same run.

For each configuration both trainers are started as long-lived processes with the same thread count.
After a warm-up, the driver asks them in turn for blocks of iterations (A B, then B A, alternating),
so that whatever else the machine is doing hits both alike; only one of them computes at a time.
Each block reports its wall time and the process's VmRSS / VmHWM from /proc/self/status.

Reported per configuration: iterations per second (median of the blocks, and the spread: min-max and
the interquartile range), the ratio ganbook / PyTorch (median of the per-round ratios), achieved
GFLOP/s from the analytic FLOP count (reference.py flops) and its share of the CPU's fp32 peak,
peak RSS (VmHWM) and RSS growth from the end of the warm-up to the last block.

Usage: bench.py [--threads 1,2] [--configs ring,mnist-mlp,dcgan,dcgan-tconv,cond-mlp] [--quick]
                [--quality-configs mnist-mlp,dcgan,dcgan-tconv] [--no-quality] [--no-layer]
"""

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "target", "bench")

# warm-up iterations, iterations per block, blocks per implementation (warm-up + blocks x size >= 5,000)
PLAN = {
    "ring": (500, 500, 10),
    "mnist-mlp": (250, 250, 20),
    "cond-mlp": (250, 250, 20),
    "dcgan": (20, 100, 50),
    "dcgan-tconv": (20, 100, 50),
}
QUICK = {
    "ring": (200, 200, 4),
    "mnist-mlp": (50, 50, 4),
    "cond-mlp": (50, 50, 4),
    "dcgan": (5, 10, 3),
    "dcgan-tconv": (5, 10, 3),
}
# time to quality: (most iterations, evaluate every) per configuration
QUALITY_PLAN = {"mnist-mlp": (8000, 500), "dcgan": (600, 100), "dcgan-tconv": (600, 100)}
# the DCGAN generator's widest layer (batch 64, 128 -> 64 channels, 7x7 -> 14x14), forward + backward
# (input and weight gradient = 3x the forward): nearest x2 + 3x3 convolution at 14x14, or the 4x4
# stride-2 transposed convolution from 7x7
LAYER_FLOPS = {"upsample": 3 * 2 * 64 * 14 * 14 * 64 * 128 * 9, "tconv": 3 * 2 * 64 * 7 * 7 * 128 * 64 * 16}


def native_environment():
    """src/scripts/native.env's variables (OpenMP's wait policy, glibc's allocator), unless already set."""
    sys.path.insert(0, os.path.join(ROOT, "src", "scripts"))
    import native_env
    return {k: v for k, v in native_env.read().items() if k not in os.environ}


class Worker:
    def __init__(self, impl, config, threads, jar=None, extra_env=None):
        env = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads),
                   GANBOOK_BENCH_THREADS=str(threads), DJL_OFFLINE="true")
        if not impl.startswith("pytorch"):
            env.update(native_environment())   # as ganbook's kernel and CLI launcher run it
        for name, value in (extra_env or {}).items():   # None removes the variable
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        if not impl.startswith("pytorch"):
            classpath = os.pathsep.join([os.path.join(ROOT, "target", "bench-classes"),
                                         jar or os.path.join(ROOT, "target", "ganbook.jar"),
                                         os.path.join(ROOT, "target", "lib", "*")])
            cmd = ["java", "-Xmx1g", "-Djava.awt.headless=true", "-Dai.djl.offline=true",
                   f"-Dai.djl.pytorch.num_threads={threads}", "-Dai.djl.pytorch.num_interop_threads=1",
                   "-cp", classpath, "org.ganbook.bench.GanBench", "worker", config]
        else:
            cmd = [sys.executable, os.path.join(HERE, "reference.py"), "worker", config]
        self.impl = impl
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, bufsize=1)
        self.ready = self.read()

    def read(self):
        for line in self.proc.stdout:
            if line.startswith("@@ "):
                answer = json.loads(line[3:])
                if "error" in answer:
                    raise RuntimeError(f"{self.impl}: {answer['error']}")
                return answer
        err = self.proc.stderr.read()
        raise RuntimeError(f"{self.impl} worker stopped (exit {self.proc.wait()}):\n{err[-3000:]}")

    def run(self, steps):
        self.proc.stdin.write(f"run {steps}\n")
        self.proc.stdin.flush()
        return self.read()

    def close(self):
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            self.proc.wait(timeout=60)
        except Exception:
            self.proc.kill()


def quartiles(values):
    if len(values) < 4:
        return min(values), max(values)
    q = statistics.quantiles(values, n=4)
    return q[0], q[2]


def measure(config, threads, plan, flops, log, before=None, ganbook_env=None, before_env=None, fused_reference=True):
    warmup, block, rounds = plan
    workers = {}
    try:
        workers["ganbook"] = Worker("ganbook", config, threads, extra_env=ganbook_env)
        workers["pytorch"] = Worker("pytorch", config, threads)
        if fused_reference:
            workers["pytorch-fused"] = Worker("pytorch-fused", config, threads,
                                              extra_env={"GANBOOK_BENCH_TORCH_ADAM": "fused"})
        if before:
            workers["before"] = Worker("before", config, threads, jar=before, extra_env=before_env)
        for impl, w in workers.items():
            log(f"  {impl}: {w.ready['engine']}, {w.ready['threads']} threads "
                f"({w.ready['interop_threads']} inter-op), set-up {w.ready['setup_seconds']:.1f} s")
        after_warmup = {}
        for impl, w in workers.items():
            after_warmup[impl] = w.run(warmup)
        blocks = {impl: [] for impl in workers}
        ratios, cpu_ratios, fused_ratios, loads = [], [], [], []
        for r in range(rounds):
            order = list(workers) if r % 2 == 0 else list(workers)[::-1]
            for impl in order:
                blocks[impl].append(workers[impl].run(block))
            g = blocks["ganbook"][-1]
            p = blocks["pytorch"][-1]
            ratios.append((block / g["seconds"]) / (block / p["seconds"]))
            cpu_ratios.append(p["cpu_seconds"] / g["cpu_seconds"])
            extra = ""
            if fused_reference:
                f = blocks["pytorch-fused"][-1]
                fused_ratios.append(f["seconds"] / g["seconds"])
                extra += f"   pytorch-fused {block / f['seconds']:8.1f} it/s   ratio {fused_ratios[-1]:.3f}"
            if before:
                b = blocks["before"][-1]
                extra += (f"   before {block / b['seconds']:8.1f} it/s   after/before {b['seconds'] / g['seconds']:.3f}"
                         f" (CPU {b['cpu_seconds'] / g['cpu_seconds']:.3f})")
            loads.append(os.getloadavg()[0])
            log(f"  round {r + 1}/{rounds} (load {loads[-1]:.1f}): ganbook {block / g['seconds']:8.1f} it/s   "
                f"pytorch {block / p['seconds']:8.1f} it/s   ratio {ratios[-1]:.3f} (CPU-time ratio {cpu_ratios[-1]:.3f}){extra}")
        result = {"config": config, "threads": threads, "warmup": warmup, "block": block, "rounds": rounds,
                  "steps_total": warmup + block * rounds, "flops_per_iteration": flops, "ratio_median": statistics.median(ratios),
                  "ratio_min": min(ratios), "ratio_max": max(ratios), "ratio_quartiles": quartiles(ratios), "impl": {},
            "ganbook_env": ganbook_env or {}, "cpu_ratio_median": statistics.median(cpu_ratios),
            "cpu_ratio_range": (min(cpu_ratios), max(cpu_ratios)), "load_averages": loads}
        if fused_reference:
            result["fused_ratio_median"] = statistics.median(fused_ratios)
            result["fused_ratio_range"] = (min(fused_ratios), max(fused_ratios))
        if before:
            speedups = [b["seconds"] / g["seconds"] for b, g in zip(blocks["before"], blocks["ganbook"])]
            result["cpu_speedup_vs_before_median"] = statistics.median(
                [b["cpu_seconds"] / g["cpu_seconds"] for b, g in zip(blocks["before"], blocks["ganbook"])])
            result["speedup_vs_before_median"] = statistics.median(speedups)
            result["speedup_vs_before_range"] = (min(speedups), max(speedups))
        for impl, w in workers.items():
            rates = [block / b["seconds"] for b in blocks[impl]]
            median = statistics.median(rates)
            result["impl"][impl] = {
                "engine": w.ready["engine"], "threads": w.ready["threads"],
                "interop_threads": w.ready["interop_threads"],
                "its_median": median,
                "its_cpu_median": statistics.median([block / b["cpu_seconds"] for b in blocks[impl]]), "its_min": min(rates), "its_max": max(rates), "its_quartiles": quartiles(rates),
                "gflops": median * flops / 1e9,
                "rss_start_kb": w.ready["rss_kb"],
                "rss_after_warmup_kb": after_warmup[impl]["rss_kb"],
                "rss_end_kb": blocks[impl][-1]["rss_kb"],
                "rss_growth_kb": blocks[impl][-1]["rss_kb"] - after_warmup[impl]["rss_kb"],
                "rss_trace_kb": [b["rss_kb"] for b in blocks[impl]],
                "hwm_kb": blocks[impl][-1]["hwm_kb"],
                "last_losses": [blocks[impl][-1]["d_loss"], blocks[impl][-1]["g_loss"]],
            }
        return result
    finally:
        for w in workers.values():
            w.close()


def cpu_peak():
    """fp32 peak from the CPU's cores, clock and vector units (see src/bench/README.md)."""
    info = open("/proc/cpuinfo").read() if os.path.exists("/proc/cpuinfo") else ""
    model = re.search(r"model name\s*:\s*(.*)", info)
    mhz = re.search(r"cpu MHz\s*:\s*([0-9.]+)", info)
    flags = set((re.search(r"flags\s*:\s*(.*)", info) or re.match("(.*)", "")).group(1).split())
    cores = os.cpu_count() or 1
    ghz = float(mhz.group(1)) / 1000 if mhz else float("nan")
    if "avx512f" in flags:
        lanes, width = 16, "AVX-512"
    elif "avx2" in flags or "avx" in flags:
        lanes, width = 8, "AVX2" if "avx2" in flags else "AVX"
    else:
        lanes, width = 4, "SSE"
    fma_units = 2 if "fma" in flags else 0
    per_cycle = (fma_units * lanes * 2) if fma_units else (2 * lanes)  # 2 FMA pipes x lanes x 2 FLOPs
    return {"model": model.group(1).strip() if model else platform.processor(), "cores": cores, "ghz": ghz,
            "vector": width, "fma": "fma" in flags, "flops_per_cycle_per_core": per_cycle,
            "peak_gflops_per_core": ghz * per_cycle, "peak_gflops_all": cores * ghz * per_cycle}


def flop_counts():
    out = subprocess.run([sys.executable, os.path.join(HERE, "reference.py"), "flops"], check=True,
                         capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def quality(args, log, config):
    """Time to quality: seconds of training until CONFIG's classifier FD falls below the threshold, both sides."""
    most, every = QUALITY_PLAN[config]
    torch_dir = os.path.join(OUT, "torch-samples")
    os.makedirs(torch_dir, exist_ok=True)
    for f in os.listdir(torch_dir):
        os.remove(os.path.join(torch_dir, f))
    env = dict(os.environ, OMP_NUM_THREADS=str(args.quality_threads), MKL_NUM_THREADS=str(args.quality_threads),
               GANBOOK_BENCH_THREADS=str(args.quality_threads), DJL_OFFLINE="true")
    log(f"  PyTorch reference: {most} iterations, samples every {every}")
    subprocess.run([sys.executable, os.path.join(HERE, "reference.py"), "quality", str(most),
                    str(every), torch_dir, config, "42"], check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    proc = subprocess.run(java(args.quality_threads, "-Xmx2g") + ["quality", config, str(most), str(every),
                          str(args.threshold), "42", torch_dir], cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError("quality run failed:\n" + proc.stderr[-3000:])
    rows = [json.loads(line[3:]) for line in proc.stdout.splitlines() if line.startswith("@@ ")]
    for row in rows:
        log("  " + json.dumps(row))
    result = {"config": config, "threshold": args.threshold, "threads": args.quality_threads, "rows": rows}
    for impl in ("ganbook", "pytorch"):
        curve = [r for r in rows if r.get("impl") == impl]
        hit = next((r for r in curve if r["fd"] < args.threshold), None)
        result[impl] = {"iteration": hit["iteration"], "train_seconds": float(hit["train_seconds"]),
                        "train_cpu_seconds": hit.get("train_cpu_seconds")} if hit else None
    return result


def java(threads, heap="-Xmx1g", jar=None):
    classpath = os.pathsep.join([os.path.join(ROOT, "target", "bench-classes"), jar or os.path.join(ROOT, "target", "ganbook.jar"),
                                 os.path.join(ROOT, "target", "lib", "*")])
    return ["java", heap, "-Djava.awt.headless=true", "-Dai.djl.offline=true",
            f"-Dai.djl.pytorch.num_threads={threads}", "-Dai.djl.pytorch.num_interop_threads=1",
            "-cp", classpath, "org.ganbook.bench.GanBench"]


def layer_times(threads, repeats, log, attempts=3, before=None):
    """The DCGAN generator's widest layer alone, both sides, both forms, alternating; median over the attempts
    (with --before, that jar's ganbook too)."""
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads),
               GANBOOK_BENCH_THREADS=str(threads), DJL_OFFLINE="true")
    times, cpu_times = {}, {}
    for attempt in range(attempts):
        for kind in ("upsample", "tconv"):
            sides = [("ganbook", java(threads) + ["layer", kind, str(repeats)]),
                     ("pytorch", [sys.executable, os.path.join(HERE, "reference.py"), "layer", kind, str(repeats)])]
            if before:
                sides.append(("before", java(threads, jar=before) + ["layer", kind, str(repeats)]))
            for impl, cmd in sides:
                out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
                row = json.loads([line for line in out.splitlines() if line.startswith("@@ ")][-1][3:])
                times.setdefault((impl, kind), []).append(row["median_ms"])
                cpu_times.setdefault((impl, kind), []).append(row.get("median_cpu_ms"))
    result = []
    for (impl, kind), ms in sorted(times.items()):
        median = statistics.median(ms)
        cpu = [c for c in cpu_times[(impl, kind)] if c is not None]
        cpu_median = statistics.median(cpu) if cpu else None
        result.append({"impl": impl, "layer": kind, "threads": threads, "ms": median,
                       "gflops": LAYER_FLOPS[kind] / median / 1e6, "runs_ms": ms,
                       "cpu_ms": cpu_median, "runs_cpu_ms": cpu})
        log(f"  layer {kind:8s} {impl:8s} {threads} thread(s): {median:7.2f} ms "
            f"({LAYER_FLOPS[kind] / 1e9:.3f} GFLOP, {LAYER_FLOPS[kind] / median / 1e6:.1f} GFLOP/s)"
            + (f", CPU {cpu_median:7.2f} ms (runs {', '.join(f'{c:.1f}' for c in cpu)})" if cpu else ""))
    return result


def kb(v):
    return f"{v / 1024:.0f} MiB"


def table(results, peak):
    lines = ["| configuration | threads | load avg (1 min, min–max) | ganbook it/s (IQR) | PyTorch it/s (IQR) | ratio ganbook/PyTorch (min–max) "
             "| GFLOP/s ganbook / PyTorch | % of peak ganbook / PyTorch | peak RSS ganbook / PyTorch "
             "| RSS growth ganbook / PyTorch (steps) | ratio to PyTorch with fused Adam (min–max) |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        g, p = r["impl"]["ganbook"], r["impl"]["pytorch"]
        peak_t = peak["peak_gflops_per_core"] * min(r["threads"], peak["cores"])
        lines.append(
            f"| {r['config']} | {r['threads']} | {min(r['load_averages']):.1f}–{max(r['load_averages']):.1f} "
            f"| {g['its_median']:.1f} ({g['its_quartiles'][0]:.1f}–{g['its_quartiles'][1]:.1f}) "
            f"| {p['its_median']:.1f} ({p['its_quartiles'][0]:.1f}–{p['its_quartiles'][1]:.1f}) "
            f"| **{r['ratio_median']:.2f}** ({r['ratio_min']:.2f}–{r['ratio_max']:.2f}) "
            f"| {g['gflops']:.1f} / {p['gflops']:.1f} "
            f"| {100 * g['gflops'] / peak_t:.0f} % / {100 * p['gflops'] / peak_t:.0f} % "
            f"| {kb(g['hwm_kb'])} / {kb(p['hwm_kb'])} "
            f"| {g['rss_growth_kb'] / 1024:+.1f} / {p['rss_growth_kb'] / 1024:+.1f} MiB ({r['steps_total']}) "
            + (f"| {r['fused_ratio_median']:.2f} ({r['fused_ratio_range'][0]:.2f}–{r['fused_ratio_range'][1]:.2f}) |"
               if "fused_ratio_median" in r else "| – |"))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts (default 1,2)")
    parser.add_argument("--configs", default="ring,mnist-mlp,cond-mlp,dcgan,dcgan-tconv")
    parser.add_argument("--quality-configs", default="mnist-mlp,dcgan,dcgan-tconv",
                        help="configurations whose time to quality is measured (default all three)")
    parser.add_argument("--layer-attempts", type=int, default=3, help="processes per side and form for the layer timing")
    parser.add_argument("--no-layer", dest="layer", action="store_false",
                        help="skip timing the DCGAN generator's widest layer alone")
    parser.add_argument("--quick", action="store_true", help="a few short blocks: checks that everything runs")
    parser.add_argument("--no-quality", dest="quality", action="store_false", help="skip the time-to-quality run")
    parser.add_argument("--threshold", type=float, default=250.0,
                        help="FD threshold for time to quality, in ImageClassifier's feature space (see README)")
    parser.add_argument("--quality-threads", type=int, default=1)
    parser.add_argument("--tag", default="", help="suffix of the results file")
    parser.add_argument("--plan", action="append", default=[], metavar="CONFIG=WARMUP,BLOCK,ROUNDS",
                        help="override a configuration's plan, e.g. dcgan=5,10,20 (fewer than 5,000 steps: say so)")
    parser.add_argument("--no-fused-reference", dest="fused_reference", action="store_false",
                        help="skip the third worker: PyTorch with its fused Adam, the kernel ganbook's Adam calls")
    parser.add_argument("--before", metavar="JAR", help="also run this earlier ganbook.jar, interleaved (before/after)")
    parser.add_argument("--ganbook-env", action="append", default=[], metavar="NAME=VALUE",
                        help="environment for the ganbook JVM only (e.g. MALLOC_TOP_PAD_=67108864)")
    parser.add_argument("--before-env", action="append", default=[], metavar="NAME=VALUE",
                        help="environment for the --before JVM only")
    args = parser.parse_args()

    os.makedirs(OUT, exist_ok=True)
    report = []

    def log(line):
        print(line, flush=True)
        report.append(line)

    peak = cpu_peak()
    log(f"CPU: {peak['model']}, {peak['cores']} cores, {peak['ghz']:.3f} GHz, {peak['vector']}"
        f"{' + FMA' if peak['fma'] else ''}: peak fp32 = {peak['cores']} cores x {peak['ghz']:.3f} GHz x "
        f"{peak['flops_per_cycle_per_core']} FLOP/cycle = {peak['peak_gflops_all']:.1f} GFLOP/s "
        f"({peak['peak_gflops_per_core']:.1f} per core)")
    flops = flop_counts()
    configs = [c for c in args.configs.split(",") if c]
    results = []
    for threads in [int(t) for t in args.threads.split(",")]:
        for config in configs:
            plan = (QUICK if args.quick else PLAN)[config]
            for override in args.plan:
                name, numbers = override.split("=", 1)
                if name == config:
                    plan = tuple(int(x) for x in numbers.split(","))
            log(f"== {config}, {threads} thread(s): warm-up {plan[0]}, {plan[2]} rounds of {plan[1]} iterations each,"
                f" {flops[config] / 1e9:.3f} GFLOP per iteration")
            try:
                results.append(measure(config, threads, plan, flops[config], log, before=args.before,
                                       ganbook_env=dict(e.split("=", 1) for e in args.ganbook_env),
                                       before_env=dict(e.split("=", 1) for e in args.before_env),
                                       fused_reference=args.fused_reference))
            except Exception as e:  # a benchmark that fails says why, and the others still run
                log(f"  FAILED: {e}")
    layers = []
    if args.layer:
        for threads in [int(t) for t in args.threads.split(",")]:
            log(f"== the DCGAN generator's widest layer alone, {threads} thread(s), forward + backward")
            try:
                layers += layer_times(threads, 3 if args.quick else 20, log, args.layer_attempts, args.before)
            except Exception as e:
                log(f"  FAILED: {e}")
    qualities = []
    if args.quality and not args.quick:
        for config in [c for c in args.quality_configs.split(",") if c]:
            log(f"== time to quality: {config}, FD threshold {args.threshold}, {args.quality_threads} thread(s)")
            try:
                qualities.append(quality(args, log, config))
            except Exception as e:
                log(f"  FAILED: {e}")
    log("")
    log(table(results, peak))
    for q in qualities:
        for impl in ("ganbook", "pytorch"):
            hit = q[impl]
            log(f"{q['config']}: time to FD < {args.threshold}: {impl}: "
                + (f"{hit['train_seconds']:.1f} s of training, {hit['train_cpu_seconds']} CPU s ({hit['iteration']} iterations)" if hit
                   else "not reached"))
    for row in layers:
        peak_t = peak["peak_gflops_per_core"] * min(row["threads"], peak["cores"])
        log(f"generator layer {row['layer']}, {row['impl']}, {row['threads']} thread(s): {row['ms']:.2f} ms, "
            f"{row['gflops']:.1f} GFLOP/s = {100 * row['gflops'] / peak_t:.0f} % of peak")
    name = "results" + (f"-{args.tag}" if args.tag else "") + ("-quick" if args.quick else "")
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump({"cpu": peak, "results": results, "quality": qualities, "layers": layers,
                   "load_average": os.getloadavg(),
                   "date": time.strftime("%Y-%m-%d %H:%M"), "command": " ".join(sys.argv)}, f, indent=1)
    with open(os.path.join(OUT, name + ".md"), "w") as f:
        f.write("\n".join(report) + "\n")
    print(f"\nwritten: target/bench/{name}.json and .md")
    return 0 if len(results) == len(configs) * len(args.threads.split(",")) else 1


if __name__ == "__main__":
    sys.exit(main())
