"""Interrupting the kernel during GanTrainer.fit: training stops after the current iteration and the
trainer is usable in the next cell.

    .venv/bin/python src/test/python/kernel_interrupt_test.py

Starts the project kernel ("Java (ganbook)", installed by `make setup`) with jupyter_client, builds a ring
trainer, runs `trainer.fit(1_000_000)`, interrupts the kernel (what the notebook's stop button does) after a
few seconds of training, then checks in the next cells that the trainer works: iteration() > 0, the history
has one row per iteration, generate(8) gives 8 samples, and fit(10) does 10 more iterations. Then the same for
a cell that calls `fit` in a loop (`for (...) trainer.fit(50);`) and for a trainer whose listener is drawing
a picture when the interrupt comes, and for a listener that clears the thread's interrupt flag (as Java2D's
font reader does): the whole cell stops, training does not go on in the background (the
iteration count stays put), the history has one row per iteration, and the next cell can train. Prints one
line per check and "N passed, M failed"; exits non-zero on a failure.
"""
import sys
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

KERNEL = "ganbook"
STARTUP_SECONDS = 180
CELL_SECONDS = 300
TRAIN_BEFORE_INTERRUPT_SECONDS = 4.0
STOP_WITHIN_SECONDS = 30.0

BUILD = """
var generator = MlpGenerator.builder().setCodingSize(2).setOutputShape(new Shape(2))
        .optHidden(64, 64).optOutput(OutputActivation.LINEAR).build();
var discriminator = MlpDiscriminator.builder().setInputShape(new Shape(2)).optHidden(64, 64).build();
var trainer = GanTrainer.builder(generator, discriminator)
        .setData(Toys.ring()).setCodingSize(2).optBatchSize(128).optProgress(0).build();
"built " + trainer.iteration()
"""

FIT_FOREVER = "trainer.fit(1_000_000)"

FIT_IN_A_LOOP = "for (int i = 0; i < 1000; i++) trainer.fit(50);"

BUILD_DRAWING = """
// draws a decision map every 2 iterations and keeps only the last one, so memory stays flat however long it runs
var lastDrawn = new java.util.concurrent.atomic.AtomicReference<java.awt.image.BufferedImage>();
IterationListener drawn = (t, it) -> lastDrawn.set(org.ganbook.notebook.GanPlots.decisionMap(t, 3, 256, false));
var drawing = GanTrainer.builder(
        MlpGenerator.builder().setCodingSize(2).setOutputShape(new Shape(2))
                .optHidden(64, 64).optOutput(OutputActivation.LINEAR).build(),
        MlpDiscriminator.builder().setInputShape(new Shape(2)).optHidden(64, 64).build())
        .setData(Toys.ring()).setCodingSize(2).optBatchSize(128).optProgress(0).optListener(2, drawn).build();
"built " + drawing.iteration()
"""

DRAWING_IN_A_LOOP = "for (int i = 0; i < 1000; i++) drawing.fit(50);"

BUILD_SWALLOWING = """
// spends about 20 ms in every iteration's listener, then clears the interrupt flag, so that a stop nearly always
// lands inside the listener and is lost from the flag
IterationListener swallows = (t, it) -> {
    long until = System.nanoTime() + 20_000_000L;
    while (System.nanoTime() < until) { }
    Thread.interrupted();
};
var swallowing = GanTrainer.builder(
        MlpGenerator.builder().setCodingSize(2).setOutputShape(new Shape(2))
                .optHidden(64, 64).optOutput(OutputActivation.LINEAR).build(),
        MlpDiscriminator.builder().setInputShape(new Shape(2)).optHidden(64, 64).build())
        .setData(Toys.ring()).setCodingSize(2).optBatchSize(128).optProgress(0).optListener(1, swallows).build();
"built " + swallowing.iteration()
"""

SWALLOWING_IN_A_LOOP = "for (int i = 0; i < 1000; i++) swallowing.fit(50);"

# after the interrupt: is the trainer still moving, does the history match, can it train again?
STILL = """
long first = {name}.iteration();
int firstRows = {name}.history().rowCount();
Thread.sleep(2000);
long second = {name}.iteration();
int secondRows = {name}.history().rowCount();
{name}.fit(10);
"first=" + first + " rows=" + firstRows + " second=" + second + " secondRows=" + secondRows
        + " after=" + {name}.iteration()
"""

CHECK = """
var fake = trainer.generate(8);
long stoppedAt = trainer.iteration();
int rows = trainer.history().rowCount();
trainer.fit(10);
"stopped=" + stoppedAt + " rows=" + rows + " generated=" + fake.getShape().get(0)
        + " finite=" + java.util.Arrays.stream(fake.toArray()).allMatch(v -> Double.isFinite(v.doubleValue()))
        + " after=" + trainer.iteration()
"""


class Cell:
    """The outcome of one executed cell."""

    def __init__(self, status, text, error, seconds):
        self.status, self.text, self.error, self.seconds = status, text, error, seconds


def start(client, code):
    return client.execute(code, store_history=True)


def finish(client, msg_id, started, timeout=CELL_SECONDS):
    """Collects the cell's result and error from iopub, then its reply from the shell channel."""
    text, error = [], None
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"cell did not finish within {timeout} s")
        message = client.get_iopub_msg(timeout=remaining)
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = message["msg_type"], message["content"]
        if kind in ("execute_result", "display_data"):
            text.append(content["data"].get("text/plain", ""))
        elif kind == "stream":
            text.append(content["text"])
        elif kind == "error":
            error = f"{content['ename']}: {content['evalue']}"
        elif kind == "status" and content["execution_state"] == "idle":
            break
    reply = client.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = client.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
    return Cell(reply["content"]["status"], "".join(text).strip(), error, time.monotonic() - started)


def run(client, code):
    started = time.monotonic()
    return finish(client, start(client, code), started)


def main() -> int:
    results = []

    def check(name, ok, detail):
        results.append(ok)
        print(f"  {'ok  ' if ok else 'FAIL'} {name}: {detail}", flush=True)

    manager = KernelManager(kernel_name=KERNEL)
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=STARTUP_SECONDS)
        built = run(client, BUILD)
        check("build a ring trainer", built.status == "ok" and "built 0" in built.text, built.error or built.text)
        # the kernel runs with src/scripts/native.env's environment (OpenMP's wait policy, glibc's allocator)
        sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "src" / "scripts"))
        import native_env
        wanted = native_env.read()
        env = run(client, " + \",\" + ".join(f'System.getenv("{key}")' for key in wanted))
        check("the kernel has native.env's environment", env.text.strip('"').split(",") == list(wanted.values()),
              f"{env.text} for {', '.join(wanted)}")
        if built.status != "ok":
            return finish_report(results)

        started = time.monotonic()
        msg_id = start(client, FIT_FOREVER)
        time.sleep(TRAIN_BEFORE_INTERRUPT_SECONDS)
        interrupted_at = time.monotonic()
        manager.interrupt_kernel()
        fit = finish(client, msg_id, started, timeout=STOP_WITHIN_SECONDS + 60)
        stop_seconds = time.monotonic() - interrupted_at
        check("interrupting fit(1_000_000) ends the cell", fit.status == "error" and stop_seconds < STOP_WITHIN_SECONDS,
              f"status {fit.status} ({fit.error}) {stop_seconds:.1f} s after the interrupt")

        after = run(client, CHECK)
        fields = dict(part.split("=", 1) for part in after.text.strip('"').split() if "=" in part)
        stopped = int(fields.get("stopped", "-1"))
        check("the next cell runs", after.status == "ok", after.error or after.text)
        check("training had made progress", stopped > 0, f"iteration() = {stopped}")
        check("the history has one row per finished iteration", fields.get("rows") == str(stopped),
              f"{fields.get('rows')} rows, iteration {stopped}")
        check("generate(8) works", fields.get("generated") == "8" and fields.get("finite") == "true",
              f"{fields.get('generated')} samples, finite: {fields.get('finite')}")
        check("fit(10) works after the interrupt", fields.get("after") == str(stopped + 10),
              f"iteration {fields.get('after')} after fit(10) from {stopped}")
        again = run(client, "trainer.iteration()")
        check("the training thread stopped for good", again.status == "ok" and again.text == str(stopped + 10),
              f"iteration() = {again.text} a moment later")

        interrupt_loop(client, manager, check, "trainer", FIT_IN_A_LOOP, "fit(50) in a loop")
        drawing = run(client, BUILD_DRAWING)
        check("build a trainer with a drawing listener", drawing.status == "ok" and "built 0" in drawing.text,
              drawing.error or drawing.text)
        if drawing.status == "ok":
            interrupt_loop(client, manager, check, "drawing", DRAWING_IN_A_LOOP, "a listener drawing, fit in a loop")
        # the stop button pressed while code in the cell clears the interrupt flag (Java2D's font reader does
        # so when an interrupt closes its file): only the cell's cancelled state, installed by the kernel's
        # start-up, can stop the loop; with the flag alone it would train on in the background
        swallowing = run(client, BUILD_SWALLOWING)
        check("build a trainer whose listener clears the interrupt flag",
              swallowing.status == "ok" and "built 0" in swallowing.text, swallowing.error or swallowing.text)
        if swallowing.status == "ok":
            interrupt_loop(client, manager, check, "swallowing", SWALLOWING_IN_A_LOOP,
                           "a listener that clears the interrupt flag, fit in a loop")
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return finish_report(results)


def interrupt_loop(client, manager, check, name, code, what):
    """Interrupts a cell that calls fit in a loop; checks that everything stops and the trainer is usable."""
    started = time.monotonic()
    msg_id = start(client, code)
    time.sleep(TRAIN_BEFORE_INTERRUPT_SECONDS)
    interrupted_at = time.monotonic()
    manager.interrupt_kernel()
    cell = finish(client, msg_id, started, timeout=STOP_WITHIN_SECONDS + 60)
    stop_seconds = time.monotonic() - interrupted_at
    check(f"interrupting {what} ends the cell", cell.status == "error" and stop_seconds < STOP_WITHIN_SECONDS,
          f"status {cell.status} ({cell.error}) {stop_seconds:.1f} s after the interrupt")
    after = run(client, STILL.replace("{name}", name))
    fields = dict(part.split("=", 1) for part in after.text.strip('"').split() if "=" in part)
    first, second = int(fields.get("first", "-1")), int(fields.get("second", "-2"))
    check(f"{what}: the next cell runs", after.status == "ok", after.error or after.text)
    check(f"{what}: training does not go on in the background", first > 0 and first == second,
          f"iteration() = {first}, then {second} two seconds later")
    check(f"{what}: the history has one row per iteration", fields.get("rows") == str(first)
          and fields.get("secondRows") == str(second), f"{fields.get('rows')} rows at iteration {first}, "
          f"{fields.get('secondRows')} at {second}")
    check(f"{what}: fit(10) works after the interrupt", fields.get("after") == str(second + 10),
          f"iteration {fields.get('after')} after fit(10) from {second}")


def finish_report(results) -> int:
    passed = sum(results)
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
