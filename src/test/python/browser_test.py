"""The notebooks as a learner uses them: the project's JupyterLab in a real browser (Chromium, driven by Playwright).

    browser_test.py [--keep-open]

Starts the project's JupyterLab on a free port of 127.0.0.1, serving a scratch copy of two notebooks (so the
repository's notebooks are never modified): notebooks/00-check-the-stack.ipynb, the shortest real notebook, and
src/test/notebooks/live-training.ipynb, a ring GAN whose `fit` cell lasts long enough to show several frames
(the real training notebooks take minutes even in quick mode). For each notebook it opens it from the file
browser, checks that the kernel is "Java (ganbook)" and reaches Idle, runs all cells, waits, saves, and checks
that every code cell ran, that no cell raised an error and that the inline images are there. During `fit` it
watches the live output: ONE output showing an HTML progress bar ("iteration N/M") updated in place, and one
picture updated in place; that check is reported on its own ("live training updates in place").

Chromium: Debian's `chromium` (or CHROMIUM=/path/to/chrome). Playwright for Python: requirements-test.txt.
`make browser-test` installs both where it can. Screenshots go to target/browser-test/. The last line reads
"N passed, M failed"; the exit code is 1 when a check failed. The server, its kernels and the browser are
stopped even when a check fails or the test is interrupted; every wait is bounded.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "target" / "browser-test"
WORK = OUT / "notebooks"           # what the server serves: copies, outputs cleared
STATE = OUT / "jupyter"            # the server's runtime, settings and workspace folders, kept out of the account
REAL_NOTEBOOK = ROOT / "notebooks" / "00-check-the-stack.ipynb"
LIVE_NOTEBOOK = ROOT / "src" / "test" / "notebooks" / "live-training.ipynb"
KERNEL_DISPLAY_NAME = "Java (ganbook)"

SERVER_START_SECONDS = 120
KERNEL_IDLE_SECONDS = 180
RUN_SECONDS = 900                  # per notebook
WHOLE_TEST_SECONDS = 2400          # a last resort: the alarm stops everything after this
PROGRESS = re.compile(r"iteration\s+([\d,]+)\s*/\s*([\d,]+)")


class Checks:
    def __init__(self):
        self.results = []

    def record(self, name: str, passed: bool, detail: str = "") -> bool:
        self.results.append((name, passed))
        print(f"{'PASS' if passed else 'FAIL'}  {name}{': ' + detail if detail else ''}", flush=True)
        return passed

    def summary(self) -> int:
        passed = sum(1 for _, ok in self.results if ok)
        failed = len(self.results) - passed
        print(f"{passed} passed, {failed} failed")
        return 0 if failed == 0 and passed > 0 else 1


def chromium_executable() -> str:
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                      shutil.which("google-chrome")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    sys.exit("browser test: no Chromium found; install it (Debian: apt-get install chromium) or set CHROMIUM")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare_notebooks() -> dict:
    """Copies the two notebooks, outputs cleared, into WORK; returns {name: path}."""
    import nbformat

    if OUT.exists():
        shutil.rmtree(OUT)
    WORK.mkdir(parents=True)
    copies = {}
    for source in (REAL_NOTEBOOK, LIVE_NOTEBOOK):
        nb = nbformat.read(source, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        nb.metadata["kernelspec"] = {"name": "ganbook", "display_name": KERNEL_DISPLAY_NAME, "language": "java"}
        nbformat.write(nb, WORK / source.name)
        copies[source.name] = WORK / source.name
    # JupyterLab settings for the test: every cell kept in the page (so each can be inspected), no news pop-up
    settings = STATE / "settings" / "@jupyterlab"
    (settings / "notebook-extension").mkdir(parents=True)
    (settings / "notebook-extension" / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    (settings / "apputils-extension").mkdir(parents=True)
    (settings / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    return copies


class Server:
    """The project's JupyterLab (the environment's jupyter, so the project's Jupyter settings apply)."""

    def __init__(self):
        self.port = free_port()
        self.token = os.urandom(24).hex()
        self.runtime = STATE / "runtime"
        self.log_path = OUT / "jupyter.log"
        self.process = None

    def start(self):
        env = dict(os.environ, JUPYTER_TOKEN=self.token, JUPYTER_RUNTIME_DIR=str(self.runtime), GANBOOK_QUICK="1")
        command = [str(ROOT / ".venv" / "bin" / "jupyter"), "lab", "--no-browser",
                   "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
                   f"--ServerApp.root_dir={WORK}", f"--LabApp.user_settings_dir={STATE / 'settings'}",
                   f"--LabApp.workspaces_dir={STATE / 'workspaces'}"]
        if os.getuid() == 0:
            command.append("--allow-root")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + SERVER_START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                self.api("status")
                return True
            except OSError:
                time.sleep(0.5)
        return False

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}?token={self.token}"

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/api/{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            try:  # shut the kernels down through the server, then the server
                for kernel in self.api("kernels"):
                    self.api(f"kernels/{kernel['id']}", method="DELETE")
            except (OSError, ValueError):
                pass
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        # a kernel the server could not stop: its command line names this server's runtime folder
        for proc in Path("/proc").glob("[0-9]*"):
            try:
                if str(self.runtime).encode() in (proc / "cmdline").read_bytes():
                    os.kill(int(proc.name), signal.SIGKILL)
            except (OSError, ValueError):
                pass
        self.log.close()


def wait_until(predicate, seconds: float, step: float = 0.25):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None


def kernel_status(page) -> str:
    """The status bar's kernel item, e.g. "Java (ganbook) | Idle"."""
    for text in page.locator(".jp-StatusBar-Widget .jp-StatusBar-TextItem").all_inner_texts():
        if "|" in text:
            return text.strip()
    return ""


def open_from_file_browser(page, name: str):
    page.locator(".jp-DirListing-itemText", has_text=name).first.dblclick()
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").first.wait_for(timeout=30_000)


def run_all(page):
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()


CELL_STATE_JS = """(index) => {
    const cells = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-CodeCell')];
    const prompts = cells.map(c => (c.querySelector('.jp-InputPrompt') || {}).textContent || '');
    let live = null;
    if (index >= 0 && index < cells.length) {
        const children = [...cells[index].querySelectorAll('.jp-OutputArea-child')];
        const hash = s => { let h = 0; for (let i = 0; i < s.length; i += 7) h = (h * 31 + s.charCodeAt(i)) | 0; return s.length + ':' + h; };
        live = {
            outputs: children.length,
            progress: children.filter(c => c.querySelector('.jp-OutputArea-output[data-mime-type="text/html"]'))
                .map(c => c.innerText).filter(t => /iteration\\s+[\\d,]+\\s*\\/\\s*[\\d,]+/.test(t)),
            images: [...cells[index].querySelectorAll('.jp-OutputArea-output img')].map(i => hash(i.src)),
        };
    }
    return {prompts, live};
}"""


def check_notebook(page, server, checks, path: Path, watch_live: bool):
    import nbformat

    name = path.name
    shot = OUT / path.stem
    opened = time.monotonic()
    open_from_file_browser(page, name)
    idle = wait_until(lambda: "Idle" in kernel_status(page) and kernel_status(page), KERNEL_IDLE_SECONDS)
    status = kernel_status(page)
    page.screenshot(path=f"{shot}-opened.png")
    checks.record(f"{name}: the kernel shown is {KERNEL_DISPLAY_NAME}", status.startswith(KERNEL_DISPLAY_NAME),
                  f"status bar '{status}'")
    if not checks.record(f"{name}: the kernel reaches Idle", bool(idle),
                         f"{time.monotonic() - opened:.1f} s after opening the notebook" if idle
                         else f"still '{status}' after {KERNEL_IDLE_SECONDS} s"):
        return
    source = nbformat.read(path, as_version=4)
    code_cells = [cell for cell in source.cells if cell.cell_type == "code"]
    fit_index = next((i for i, cell in enumerate(code_cells) if ".fit(" in cell.source), -1)

    started = time.monotonic()
    run_all(page)
    frames = {"progress": [], "images": [], "max_outputs": 0, "max_progress": 0, "max_images": 0}
    done = False
    shots = 0
    while time.monotonic() - started < RUN_SECONDS:
        state = page.evaluate(CELL_STATE_JS, fit_index if watch_live else -1)
        live = state["live"]
        if live:
            for key, values in (("progress", live["progress"]), ("images", live["images"])):
                for value in values:
                    if not frames[key] or frames[key][-1] != value:
                        frames[key].append(value)
            frames["max_outputs"] = max(frames["max_outputs"], live["outputs"])
            frames["max_progress"] = max(frames["max_progress"], len(live["progress"]))
            frames["max_images"] = max(frames["max_images"], len(live["images"]))
            if shots < 2 and len(frames["progress"]) >= 2 + 3 * shots:
                page.screenshot(path=f"{shot}-live-{shots + 1}.png")
                shots += 1
        prompts = state["prompts"]
        if prompts and all(re.fullmatch(r"\s*\[\d+\]:\s*", p) for p in prompts) and "Idle" in kernel_status(page):
            done = True
            break
        time.sleep(0.1)
    seconds = time.monotonic() - started
    if watch_live and fit_index >= 0:
        page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").nth(fit_index).scroll_into_view_if_needed()
    page.screenshot(path=f"{shot}-finished.png")
    checks.record(f"{name}: Run All finished", done, f"{seconds:.1f} s" if done else f"not done after {RUN_SECONDS} s")

    # save from the browser, then read what the learner would find on disk
    before = path.stat().st_mtime_ns
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+s")
    wait_until(lambda: path.stat().st_mtime_ns != before, 30)
    saved = nbformat.read(path, as_version=4)
    saved_code = [cell for cell in saved.cells if cell.cell_type == "code"]
    not_run = [i for i, cell in enumerate(saved_code) if cell.execution_count is None]
    checks.record(f"{name}: every code cell ran", done and not not_run and len(saved_code) == len(code_cells),
                  f"{len(saved_code)} code cells" + (f", not run: {not_run}" if not_run else ""))
    errors = [f"cell {i}: {o.get('ename')}: {o.get('evalue')}" for i, cell in enumerate(saved_code)
              for o in cell.outputs if o.output_type == "error"]
    checks.record(f"{name}: no error output", not errors, "; ".join(errors)[:300])
    images_on_page = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output img").count()
    pngs = sum(1 for cell in saved_code for o in cell.outputs if "image/png" in o.get("data", {}))
    checks.record(f"{name}: inline images are shown", images_on_page > 0 and pngs > 0,
                  f"{images_on_page} on the page, {pngs} PNG in the saved notebook")

    if watch_live:
        progress = frames["progress"]
        iterations = [int(p[0].replace(",", "")) for p in map(_last_progress, progress) if p]
        in_place = frames["max_progress"] <= 1 and frames["max_images"] <= 1
        checks.record(
            f"{name}: live training updates in place",
            len(set(progress)) >= 2 and len(set(frames["images"])) >= 2 and in_place
            and iterations == sorted(iterations),
            f"{len(set(progress))} distinct progress texts, {len(set(frames['images']))} distinct pictures seen in "
            f"the fit cell; at most {frames['max_progress']} progress output(s) and {frames['max_images']} "
            f"picture(s) at once, {frames['max_outputs']} outputs in all")
        fit_outputs = saved_code[fit_index].outputs if 0 <= fit_index < len(saved_code) else []
        saved_bars = [p for p in (_last_progress(_html(o)) for o in fit_outputs) if p]
        on_page = _last_progress(progress[-1]) if progress else None
        ended = (len(saved_bars) == 1 and saved_bars[0][0] == saved_bars[0][1]
                 and any("image/png" in o.get("data", {}) for o in fit_outputs)
                 and on_page is not None and on_page[0] == on_page[1])
        checks.record(f"{name}: live training ends with the final frame", ended,
                      f"last progress bar on the page: {'/'.join(on_page) if on_page else 'none'}; saved notebook: "
                      f"{len(fit_outputs)} outputs, progress bar(s) {['/'.join(b) for b in saved_bars] or 'none'}")


def _html(output) -> str:
    """The HTML of a display output (the live progress bar is one); "" for text streams."""
    return output.get("data", {}).get("text/html", "") if output.get("output_type") == "display_data" else ""


def _last_progress(text: str):
    found = PROGRESS.findall(text)
    return found[-1] if found else None


def main() -> int:
    keep_open = "--keep-open" in sys.argv
    checks = Checks()
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        sys.exit("browser test: Playwright is missing; `make browser-test` installs it "
                 "(.venv/bin/python -m pip install -r requirements-test.txt)")
    chromium = chromium_executable()
    copies = prepare_notebooks()
    server = Server()

    def on_alarm(signum, frame):
        raise TimeoutError(f"the whole test took more than {WHOLE_TEST_SECONDS} s")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    signal.alarm(WHOLE_TEST_SECONDS)
    try:
        started = time.monotonic()
        if not checks.record("JupyterLab starts", server.start(), f"port {server.port}, {time.monotonic() - started:.1f} s"):
            print(server.log_path.read_text()[-2000:], file=sys.stderr)
            return checks.summary()
        specs = server.api("kernelspecs")
        checks.record("JupyterLab offers one kernel, the project's", list(specs["kernelspecs"]) == ["ganbook"]
                      and specs["default"] == "ganbook", f"kernels {sorted(specs['kernelspecs'])}, default {specs['default']}")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=not keep_open)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.set_default_timeout(30_000)
                page.goto(server.url("lab"), timeout=60_000)
                page.locator(".jp-DirListing-content").wait_for(timeout=90_000)
                for name, path in copies.items():
                    try:
                        check_notebook(page, server, checks, path, watch_live=(path.name == LIVE_NOTEBOOK.name))
                    except PlaywrightError as error:
                        page.screenshot(path=str(OUT / f"{path.stem}-error.png"))
                        checks.record(f"{name}: the browser steps complete", False, str(error).splitlines()[0])
                if keep_open:
                    input("JupyterLab is open in Chromium; press Enter to stop it. ")
            finally:
                browser.close()
    except (TimeoutError, KeyboardInterrupt) as error:
        checks.record("the test finishes in time", False, str(error) or type(error).__name__)
    finally:
        signal.alarm(0)
        server.stop()
    print(f"screenshots and the server's log: {OUT.relative_to(ROOT)}/")
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
