#!/usr/bin/env bash
# The moto scenarios, end to end: a virtual environment of its own with a pinned moto
# (never the system Python, whose botocore models the generator reads; never inside the
# repository), moto_server on 127.0.0.1 on a port the OS picks, the scenarios against it,
# and the server stopped on every exit path.
#
# Usage: e2e/run.sh            (CI and developers alike)
#   AWSO_MOTO_VENV=/path       where the virtual environment lives (default: $TMPDIR/awso-moto-venv)
#   AWSO_E2E_KNOWN=/path.json  the moto deviations (default: e2e/known.json)
set -euo pipefail
cd "$(dirname "$0")"

readonly moto_version="5.2.5"
venv="${AWSO_MOTO_VENV:-${TMPDIR:-/tmp}/awso-moto-venv}"
log="${TMPDIR:-/tmp}/awso-moto-server.$$.log"
started=$SECONDS

# The venv is reused while it holds the pinned version, so a developer's second run is quick.
if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('moto') != '$moto_version')" 2>/dev/null; then
  echo "e2e: installing moto[server]==$moto_version into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$moto_version"
fi
echo "e2e: moto ready after $((SECONDS - started))s"

# Built before the server starts, so a slow compile does not keep a server waiting.
build_start=$SECONDS
cargo build --quiet --manifest-path Cargo.toml
echo "e2e: scenarios compiled in $((SECONDS - build_start))s"

# The OS picks a free port; the socket is closed just before moto binds it, a race that only
# another process binding the same fresh port in that instant can lose.
port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -f "$log"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

# No credentials or region from the caller's environment reach moto or the scenarios.
env -u AWS_PROFILE -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN \
  "$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
server_pid=$!

# Bounded wait: 60 probes, 0.25 s apart.
ready=false
for _ in $(seq 60); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    break
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    ready=true
    break
  fi
  sleep 0.25
done
if ! $ready; then
  echo "e2e: moto_server did not start on 127.0.0.1:$port; its log:" >&2
  cat "$log" >&2
  exit 1
fi
echo "e2e: moto_server $moto_version on 127.0.0.1:$port"

status=0
cargo run --quiet --manifest-path Cargo.toml -- "http://127.0.0.1:$port" "${AWSO_E2E_KNOWN:-known.json}" || status=$?
if [ "$status" -ne 0 ]; then
  echo "e2e: the last lines moto logged:" >&2
  tail -n 40 "$log" >&2
fi
echo "e2e took $((SECONDS - started))s"
exit "$status"
