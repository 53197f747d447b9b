#!/usr/bin/env bash
# The polling agent's own cost: CPU and resident memory of `bin/meterhub agent` polling every 10 s with 50 metered
# processes (plus every host meter), publishing to the RabbitMQ on 127.0.0.1:5672. See bench/README.md.
#   bench/run-agent.sh [MEASURE_SECONDS] [PROCESSES]      defaults: 120 s measured after a 30 s warm-up, 50 processes
# Prints figures; asserts nothing. Aim (issue #6): under 1% of one core and under 128 MB resident.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MEASURE=${1:-120}
COUNT=${2:-50}
WARMUP=${WARMUP:-30}
TAG="meterhub-bench-proc-$$"
WORK=$(mktemp -d)
PIDS=()

QUEUE="meterhub-bench-agent-$$"
cleanup() {
  /usr/bin/python3 "$ROOT/bench/agent_samples.py" count "$QUEUE" >/dev/null 2>&1 || true
  [[ -n "${AGENT:-}" ]] && kill "$AGENT" 2>/dev/null && wait "$AGENT" 2>/dev/null || true
  # each sh waits on its sleep: end the sleep (the sh's only child), then the sh
  for p in "${PIDS[@]}"; do pkill -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# 50 sleeping processes the agent meters: sh keeps the tag in its command line ("; :" stops it exec-ing sleep)
for i in $(seq 1 "$COUNT"); do
  sh -c 'sleep 100000; :' "$TAG-$i" &
  PIDS+=($!)
done

CLK=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# a queue of the bench's own on the agent's exchange, to count what it published
/usr/bin/python3 "$ROOT/bench/agent_samples.py" bind "$QUEUE"

"$ROOT/bin/meterhub" agent --rabbitmq=amqp://guest:guest@127.0.0.1:5672/ --exchange=meterhub-bench-agent \
    --interval=10 --process="$TAG" --buffer="$WORK/buffer" --host=bench-node >"$WORK/agent.out" 2>"$WORK/agent.err" &
AGENT=$!
for _ in $(seq 1 120); do grep -q 'ready' "$WORK/agent.out" 2>/dev/null && break; sleep 0.5; done
grep -q ready "$WORK/agent.out" || { cat "$WORK/agent.err" >&2; echo "agent did not start" >&2; exit 1; }
# the JVM the launcher exec'd is the agent process itself
sed 's/^/  /' "$WORK/agent.out"

sleep "$WARMUP"
t0=$(ticks "$AGENT"); s0=$(date +%s.%N); peak=0
end=$(( $(date +%s) + MEASURE ))
while (( $(date +%s) < end )); do
  r=$(rss_kb "$AGENT"); (( r > peak )) && peak=$r
  sleep 2
done
t1=$(ticks "$AGENT"); s1=$(date +%s.%N)
r=$(rss_kb "$AGENT"); (( r > peak )) && peak=$r

awk -v t0="$t0" -v t1="$t1" -v s0="$s0" -v s1="$s1" -v clk="$CLK" -v rss="$r" -v peak="$peak" \
    -v n="$COUNT" -v m="$MEASURE" -v w="$WARMUP" 'BEGIN {
  cpu = (t1 - t0) / clk; wall = s1 - s0;
  printf "agent, 10 s interval, %d metered processes + all host meters, %d s measured after %d s warm-up\n", n, m, w;
  printf "  cpu        %.2f s in %.0f s = %.3f%% of one core\n", cpu, wall, 100 * cpu / wall;
  printf "  resident   %.1f MB at the end, %.1f MB at most\n", rss / 1024, peak / 1024;
}'
/usr/bin/python3 "$ROOT/bench/agent_samples.py" count "$QUEUE"
echo "  buffer     $(ls "$WORK/buffer" | wc -l) message(s) left unconfirmed; warnings: $(grep -c WARN "$WORK/agent.err" || true)"
