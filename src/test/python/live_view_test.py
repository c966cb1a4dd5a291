"""The live training view in a real kernel: during GanTrainer.fit the cell shows one HTML progress bar and
one picture, both replaced in place with update_display_data.

    .venv/bin/python src/test/python/live_view_test.py

Starts the project kernel ("Java (ganbook)", installed by `make setup`) with jupyter_client, runs a short
ring training with the default progress, and checks the messages the cell sent: one display_data with an
HTML bar reading "iteration N/M", more than one update_display_data for it, one display_data with a PNG
and at least one update of it, the last bar reading "iteration M/M"; then that a Tablesaw table shows as
an HTML table. Prints one line per check and "N passed, M failed"; exits non-zero on a failure.
"""
import re
import sys
import time

from jupyter_client.manager import KernelManager

KERNEL = "ganbook"
STARTUP_SECONDS = 180
CELL_SECONDS = 300
ITERATIONS = 1000

BUILD = """
var trainer = GanTrainer.builder(
            MlpGenerator.builder().setCodingSize(2).setOutputShape(new Shape(2))
                    .optHidden(64, 64).optOutput(OutputActivation.LINEAR).build(),
            MlpDiscriminator.builder().setInputShape(new Shape(2)).optHidden(64, 64).build())
        .setData(Toys.ring()).setCodingSize(2).optBatchSize(128).build();
"built"
"""

# the picture every 250 iterations, so that it is updated in place however fast the machine is
FIT = f"trainer.fit({ITERATIONS}, Live.every(250, GanPlots::overview));"
FIT_DEFAULT = "trainer.fit(1000);"
TABLE = "trainer.history()"


def execute(client, code, timeout=CELL_SECONDS):
    """Runs a cell; returns its iopub messages (type, content) and the reply status."""
    msg_id = client.execute(code, store_history=True)
    messages = []
    deadline = time.monotonic() + timeout
    while True:
        message = client.get_iopub_msg(timeout=max(1, deadline - time.monotonic()))
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = message["msg_type"], message["content"]
        if kind == "status" and content["execution_state"] == "idle":
            break
        if kind != "status":
            messages.append((kind, content))
    reply = client.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = client.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
    return messages, reply["content"]["status"]


def outputs_by_id(messages):
    """display id -> list of (kind, data) in order."""
    by_id = {}
    for kind, content in messages:
        if kind in ("display_data", "update_display_data"):
            display_id = content.get("transient", {}).get("display_id")
            by_id.setdefault(display_id, []).append((kind, content["data"]))
    return by_id


def main() -> int:
    results = []

    def check(name, ok, detail):
        results.append(bool(ok))
        print(f"  {'ok  ' if ok else 'FAIL'} {name}: {detail}", flush=True)

    manager = KernelManager(kernel_name=KERNEL)
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=STARTUP_SECONDS)
        messages, status = execute(client, BUILD)
        check("build a ring trainer", status == "ok", status)

        for label, code, total in (("Live.every(250, ...)", FIT, ITERATIONS), ("the default", FIT_DEFAULT, ITERATIONS + 1000)):
            messages, status = execute(client, code)
            by_id = outputs_by_id(messages)
            bars = {i: o for i, o in by_id.items() if "text/html" in o[0][1]}
            pictures = {i: o for i, o in by_id.items() if "image/png" in o[0][1]}
            streams = [c["text"] for k, c in messages if k == "stream"]
            check(f"fit with {label} ran", status == "ok", status)
            check(f"{label}: one bar and one picture output", len(bars) == 1 and len(pictures) == 1 and None not in by_id,
                  f"{len(bars)} bar(s), {len(pictures)} picture(s), display ids {list(by_id)}")
            if not bars or not pictures:
                continue
            bar = next(iter(bars.values()))
            picture = next(iter(pictures.values()))
            texts = [data["text/html"] for _, data in bar]
            counters = [re.search(r"iteration (\d+)/(\d+)", t) for t in texts]
            check(f"{label}: the bar reads 'iteration N/M'", all(counters), texts[0][:160])
            check(f"{label}: the bar was updated in place more than once",
                  bar[0][0] == "display_data" and sum(k == "update_display_data" for k, _ in bar[1:]) > 1,
                  f"{len(bar) - 1} updates")
            last = counters[-1].groups() if counters[-1] else None
            check(f"{label}: the last bar reads iteration {total}/{total}", last == (str(total), str(total)), texts[-1][:200])
            # the default redraws its picture every 2 s or so: a short fit may show the final frame only
            least = 1 if code == FIT else 0
            check(f"{label}: the picture was shown" + (" and updated in place" if least else ""),
                  picture[0][0] == "display_data" and sum(k == "update_display_data" for k, _ in picture[1:]) >= least,
                  f"{len(picture) - 1} updates")
            check(f"{label}: no printed progress lines", not any("iteration" in s for s in streams), "".join(streams)[:200])

        messages, status = execute(client, TABLE)
        result = [c["data"] for k, c in messages if k == "execute_result"]
        html = result[0].get("text/html", "") if result else ""
        check("a Tablesaw table shows as an HTML table", status == "ok" and "<table" in html
              and f"{ITERATIONS + 1000} rows" in html and "text/plain" in result[0], html[:120])
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    passed = sum(results)
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
