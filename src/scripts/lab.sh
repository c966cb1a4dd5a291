#!/usr/bin/env bash
# Starts the project's JupyterLab on notebooks/ and prints the one URL to open. Run by `make lab` after the set-up.
#
# Works as a normal user and as root (containers, cloud machines), with or without a display: with one, the
# browser opens by itself; without one (or as root), open the printed URL. Ctrl-C stops the server and its kernels.
#   GANBOOK_LAB_PORT  port to listen on (default: the first free one from 8888)
#   GANBOOK_LAB_IP    address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every interface,
#                     for example inside a container whose port is published)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PY=.venv/bin/python
ip="${GANBOOK_LAB_IP:-127.0.0.1}"

port="$("$PY" - "$ip" "${GANBOOK_LAB_PORT:-}" <<'PYCODE'
import socket, sys
ip, wanted = sys.argv[1], sys.argv[2]
candidates = [int(wanted)] if wanted else range(8888, 8988)
for port in candidates:
    with socket.socket() as probe:
        try:
            probe.bind((ip, port))
        except OSError:
            continue
        print(port)
        sys.exit(0)
sys.exit(f"ganbook lab: port {wanted} on {ip} is in use; pick another with GANBOOK_LAB_PORT" if wanted
         else f"ganbook lab: no free port between 8888 and 8987 on {ip}; pick one with GANBOOK_LAB_PORT")
PYCODE
)"

options=(--ServerApp.ip="$ip" --ServerApp.port="$port" --ServerApp.port_retries=0 --ServerApp.log_level=WARN --LabApp.log_level=WARN
         --ServerApp.root_dir="$ROOT/notebooks")
[[ "$(id -u)" == 0 ]] && options+=(--allow-root)  # JupyterLab refuses to run as root without it
if [[ "$(id -u)" != 0 && ( -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" || "$(uname -s)" == Darwin ) ]]; then
    options+=(--ServerApp.open_browser=True)
else
    options+=(--no-browser)  # no display to open a browser on (or root, whose browser usually refuses to start)
fi
# A token of our own, passed in the environment (not on the command line, which every local user can read).
JUPYTER_TOKEN="$("$PY" -c 'import secrets; print(secrets.token_hex(24))')"
export JUPYTER_TOKEN
host="$ip"; [[ "$ip" == 0.0.0.0 ]] && host="$(hostname)"
url="http://$host:$port/lab?token=$JUPYTER_TOKEN"

.venv/bin/jupyter lab "${options[@]}" &
server=$!
# Ctrl-C (or a TERM) stops the server, which shuts its kernels down; then this script ends.
trap 'kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; exit 130' INT TERM
probe="$ip"; [[ "$ip" == 0.0.0.0 ]] && probe=127.0.0.1
state="is running"
for attempt in $(seq 1 240); do  # up to a minute
    if ! kill -0 "$server" 2>/dev/null; then
        wait "$server" && exit 1 || exit $?
    fi
    if LAB_STATUS="http://$probe:$port/api/status?token=$JUPYTER_TOKEN" "$PY" -c \
            'import os, urllib.request; urllib.request.urlopen(os.environ["LAB_STATUS"], timeout=2)' 2>/dev/null; then
        break
    fi
    [[ "$attempt" == 240 ]] && state="is still starting"
    sleep 0.25
done
cat <<MSG

  JupyterLab $state on notebooks/ with the kernel "Java (ganbook)". Open this URL in a browser:

      $url

  (Ctrl-C here stops JupyterLab and its kernels.)

MSG
wait "$server"
