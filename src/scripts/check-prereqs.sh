#!/usr/bin/env bash
# Stops with a message naming what to install when a prerequisite is missing.
set -uo pipefail
missing=0
say() { echo "ganbook set-up: $*" >&2; missing=1; }

if ! command -v java >/dev/null 2>&1 && [[ -z "${JAVA_HOME:-}" ]]; then
    say "no Java found. Install JDK 17 or newer (Debian/Ubuntu: apt-get install openjdk-17-jdk) or set JAVA_HOME."
else
    java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
    major="$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)"
    if [[ -z "$major" || "$major" -lt 17 ]]; then
        say "Java ${major:-?} found at $java_bin, but ganbook needs JDK 17 or newer (apt-get install openjdk-17-jdk, or set JAVA_HOME)."
    fi
    if ! command -v "${JAVA_HOME:+$JAVA_HOME/bin/}javac" >/dev/null 2>&1; then
        say "a Java runtime is installed but not the compiler (javac): install the full JDK 17 (apt-get install openjdk-17-jdk)."
    fi
fi
command -v mvn >/dev/null 2>&1 || say "Maven is missing: install Maven 3.6 or newer (apt-get install maven)."
if ! command -v python3 >/dev/null 2>&1; then
    say "Python 3 is missing: install Python 3.9 or newer (apt-get install python3 python3-venv)."
elif ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    say "Python's venv module is missing: install it (apt-get install python3-venv)."
fi
exit "$missing"
