"""Installs the project's Java kernel ("Java (ganbook)") into the virtual environment.

It is JJava (from PyPI) with the ganbook library and its dependencies on the class path, JVM options
for headless plots and offline DJL, and a start-up script with the imports every notebook uses, so
no notebook waits on dependency resolution or needs the network.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KERNELS = Path(sys.prefix) / "share" / "jupyter" / "kernels"
JJAVA = KERNELS / "java"
TARGET = KERNELS / "ganbook"


def java_executable() -> str:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return str(Path(home) / "bin" / "java")
    found = shutil.which("java")
    if not found:
        sys.exit("ganbook set-up: no java on PATH; install JDK 17 (apt-get install openjdk-17-jdk) or set JAVA_HOME")
    return os.path.realpath(found)


def main() -> None:
    launcher = JJAVA / "jjava-launcher.jar"
    kernel_jar = JJAVA / "jjava.jar"
    if not launcher.exists() or not kernel_jar.exists():
        sys.exit(f"ganbook set-up: the JJava kernel is not installed in {sys.prefix}; "
                 "run `make setup` (it installs requirements.txt)")
    library = ROOT / "target" / "ganbook.jar"
    if not library.exists():
        sys.exit("ganbook set-up: target/ganbook.jar is missing; run `mvn package -DskipTests` or `make setup`")
    # One thread by default: the saved notebooks were run that way (the same seed gives the same numbers
    # only at the same thread count), and small models gain little from more. GANBOOK_THREADS overrides.
    threads = int(os.environ.get("GANBOOK_THREADS", "1"))
    jvm_options = [
        "-Djava.awt.headless=true",
        "-Dai.djl.offline=true",
        f"-Dai.djl.pytorch.num_threads={threads}",
        "-Dai.djl.pytorch.num_interop_threads=1",
        "-Xss4m",
        "-XX:+UseParallelGC",
    ]
    spec = {
        "argv": [java_executable(), "-jar", str(launcher), str(kernel_jar), "{connection_file}"],
        "display_name": "Java (ganbook)",
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            "JJAVA_CLASSPATH": os.pathsep.join([str(library), str(ROOT / "target" / "lib" / "*")]),
            "JJAVA_JVM_OPTS": " ".join(jvm_options),
            "JJAVA_STARTUP_SCRIPTS_PATH": str(ROOT / "src" / "kernel" / "startup.jshell"),
            "DJL_OFFLINE": "true",
            "GANBOOK_HOME": str(ROOT),
        },
        "metadata": {"debugger": False},
    }
    TARGET.mkdir(parents=True, exist_ok=True)
    text = json.dumps(spec, indent=2) + "\n"
    path = TARGET / "kernel.json"
    if not path.exists() or path.read_text() != text:
        path.write_text(text)
        print(f"== installed the kernel 'Java (ganbook)' (name: ganbook)")
    else:
        print("== kernel 'Java (ganbook)' is up to date")


if __name__ == "__main__":
    main()
