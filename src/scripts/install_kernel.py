"""Installs the project's Java kernel ("Java (ganbook)") and the project's Jupyter settings into the virtual environment.

The kernel is JJava (from PyPI) with the ganbook library and its dependencies on the class path, JVM options
for headless plots and offline DJL, and a start-up script with the imports every notebook uses, so no
notebook waits on dependency resolution or needs the network.

The Jupyter settings (etc/jupyter/jupyter_server_config.json in the environment, read only by this
environment's JupyterLab) make it the one kernel JupyterLab offers and let the status bar show "Idle" as soon
as the kernel has started. See kernel_settings() and jupyter_settings().
"""
import json
import os
import shutil
import sys
from pathlib import Path

import native_env  # beside this script

ROOT = Path(__file__).resolve().parents[2]
KERNELS = Path(sys.prefix) / "share" / "jupyter" / "kernels"
JJAVA = KERNELS / "java"          # JJava's own kernel, installed by its wheel; we take its jars from here
NAME = "ganbook"
TARGET = KERNELS / NAME
# jupyter_server_config.d/*.json holds only the server extensions to load; other settings go in this file.
JUPYTER_CONFIG = Path(sys.prefix) / "etc" / "jupyter" / "jupyter_server_config.json"


def java_executable() -> str:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return str(Path(home) / "bin" / "java")
    found = shutil.which("java")
    if not found:
        sys.exit("ganbook set-up: no java on PATH; install JDK 17 (apt-get install openjdk-17-jdk) or set JAVA_HOME")
    return os.path.realpath(found)


def physical_cores() -> int:
    """Physical cores among the CPUs this process may use (hyper-threads share a core's arithmetic units)."""
    try:
        allowed = sorted(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return max(1, (os.cpu_count() or 2) // 2)
    cores = set()
    for cpu in allowed:
        topology = Path(f"/sys/devices/system/cpu/cpu{cpu}/topology")
        try:
            cores.add(((topology / "physical_package_id").read_text().strip(),
                       (topology / "core_id").read_text().strip()))
        except OSError:
            cores.add(("cpu", str(cpu)))
    return max(1, len(cores))


def default_threads(cores: int) -> int:
    """Every physical core, except on a machine with two or fewer: there the MLP GANs ran several times slower on two
    threads than on one, and a notebook may train either kind (the DCGANs gain 1.2 times from a second thread on a
    quiet machine, and the command line gives them every core; src/bench/README.md, "Channels-last feature maps in
    the DCGAN generator")."""
    return cores if cores > 2 else 1


def kernel_threads() -> int:
    """PyTorch threads for the kernel: GANBOOK_THREADS if set, otherwise default_threads(physical cores)."""
    value = os.environ.get("GANBOOK_THREADS", "").strip()
    if not value:
        return default_threads(physical_cores())
    if not value.isdigit() or int(value) < 1:
        sys.exit(f"ganbook set-up: GANBOOK_THREADS must be a positive whole number, got '{value}'")
    return int(value)


def kernel_settings(threads: int) -> dict:
    jvm_options = [
        "-Djava.awt.headless=true",
        "-Dai.djl.offline=true",
        f"-Dai.djl.pytorch.num_threads={threads}",
        "-Dai.djl.pytorch.num_interop_threads=1",
        "-Xss4m",
        "-XX:+UseParallelGC",
    ]
    return {
        "argv": [java_executable(), "-jar", str(JJAVA / "jjava-launcher.jar"), str(JJAVA / "jjava.jar"),
                 "{connection_file}"],
        "display_name": "Java (ganbook)",
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            "JJAVA_CLASSPATH": os.pathsep.join([str(ROOT / "target" / "ganbook.jar"), str(ROOT / "target" / "lib" / "*")]),
            "JJAVA_JVM_OPTS": " ".join(jvm_options),
            "JJAVA_STARTUP_SCRIPTS_PATH": str(ROOT / "src" / "kernel" / "startup.jshell"),
            "DJL_OFFLINE": "true",
            "GANBOOK_HOME": str(ROOT),
            # OpenMP workers that sleep while they wait, a glibc allocator that keeps freed memory (see the file)
            **native_env.read(),
        },
        "metadata": {"debugger": False},
    }


def jupyter_settings() -> dict:
    """This environment's JupyterLab: one kernel to pick, and the kernel's status shown from its first reply.

    * Only "Java (ganbook)" is offered. JJava's wheel installs its own kernel, "Java (jjava)", without the library
      on its class path (its folder stays: this script takes JJava's jars from it); Python 3 comes with
      JupyterLab, but no notebook here is in Python, and a learner who picks it by mistake gets errors on every
      cell. Both are hidden from this JupyterLab only.
    * The status bar reads the kernel's status from its status messages, but ignores the ones that answer a
      kernel_info_request (jupyter_server's default untracked_message_types). JJava answers nothing else until
      the first cell runs (it ignores the history_request other kernels answer when a notebook opens), so the
      status stayed "Unknown" however long the kernel had been ready. Tracking kernel_info makes it "Idle".
    """
    from jupyter_server.services.kernels.kernelmanager import MappingKernelManager

    untracked = MappingKernelManager.class_traits()["untracked_message_types"].default()
    untracked = [kind for kind in untracked if kind not in ("kernel_info_request", "kernel_info_reply")]
    return {
        "KernelSpecManager": {"allowed_kernelspecs": [NAME], "ensure_native_kernel": False},
        "MappingKernelManager": {"default_kernel_name": NAME, "untracked_message_types": untracked},
    }


def write_if_changed(path: Path, text: str) -> bool:
    if path.exists() and path.read_text() == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return True


def main() -> None:
    if not (JJAVA / "jjava-launcher.jar").exists() or not (JJAVA / "jjava.jar").exists():
        sys.exit(f"ganbook set-up: the JJava kernel is not installed in {sys.prefix}; "
                 "run `make setup` (it installs requirements.txt)")
    if not (ROOT / "target" / "ganbook.jar").exists():
        sys.exit("ganbook set-up: target/ganbook.jar is missing; run `mvn package -DskipTests` or `make setup`")
    threads = kernel_threads()
    changed = write_if_changed(TARGET / "kernel.json", json.dumps(kernel_settings(threads), indent=2) + "\n")
    changed |= write_if_changed(JUPYTER_CONFIG, json.dumps(jupyter_settings(), indent=2) + "\n")
    state = "installed" if changed else "up to date"
    print(f"== kernel 'Java (ganbook)' {state}: PyTorch on {threads} thread{'s' if threads > 1 else ''} "
          f"(GANBOOK_THREADS=N make setup changes it), the only kernel this JupyterLab offers")


if __name__ == "__main__":
    main()
