#!/usr/bin/env bash
# meterhub next to real Ceilometer 19 on the same notifications, in one run. See bench/README.md,
# "Against Ceilometer, measured in the same run".
#   bench/run-anchor.sh [--ceilometer-n=20000] [any run-ingest.sh option, e.g. --refills=3]
# 1. real Ceilometer's notification agent on the notifications its anchor benchmark uses (shared/tools/
#    ceilometer_bench.sh: the corpus lines whose event types make samples), 2. the ingest benchmark on those same
#    notifications, with the rate of 1. as its reference, 3. Ceilometer once more: the machine's speed drifts, and the
#    two Ceilometer figures show by how much.
# Needs Debian's python3-ceilometer and python3-oslo.messaging (bin/meterhub test installs them) and the shared tools
# (CEILOMETER_BENCH overrides where ceilometer_bench.sh is). Figures go to standard output, the rest to standard error.
set -euo pipefail
if [[ " $* " == *" --help "* || " $* " == *" -h "* ]]; then
  sed -n '2,/^set /p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
  exit 0
fi
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
TOOL=${CEILOMETER_BENCH:-$ROOT/../shared/tools/ceilometer_bench.sh}
[[ -f $TOOL ]] || { echo "bench: Ceilometer's benchmark not found at $TOOL (set CEILOMETER_BENCH)" >&2; exit 1; }
/usr/bin/python3 -c 'import ceilometer, oslo_messaging' 2>/dev/null \
  || { echo "bench: needs Debian's python3-ceilometer and python3-oslo.messaging (bin/meterhub test installs them)" >&2; exit 1; }

CEILOMETER_N=20000
HUB_ARGS=()
for arg in "$@"; do
  case $arg in
    --ceilometer-n=*) CEILOMETER_N=${arg#*=} ;;
    --corpus=*) echo "bench: run-anchor.sh uses the anchor's notifications; --corpus is for run-ingest.sh" >&2; exit 2 ;;
    *) HUB_ARGS+=("$arg") ;;
  esac
done

# the same selection ceilometer_bench.sh makes of the same file (testdata/corpus is a copy of shared/samples)
CORPUS=$BENCH/target/anchor-corpus.jsonl
grep -E '"event_type": "(compute.instance.(create.end|exists|delete.start)|volume.create.end|image.upload)"' \
  "$ROOT/testdata/corpus/notifications.jsonl" > "$CORPUS"

# runs Ceilometer's agent on CEILOMETER_N notifications; prints its figure and sets RATE
ceilometer() {
  local out
  out=$(bash "$TOOL" "$CEILOMETER_N" 2>&1) || { echo "$out" >&2; echo "bench: Ceilometer's benchmark failed" >&2; exit 1; }
  echo "$out" | grep -v 'notification agent:' >&2 || true
  RATE=$(sed -n 's/.*notifications in .* = \([0-9.]*\) notif\/s.*/\1/p' <<<"$out")
  [[ -n $RATE ]] || { echo "$out" >&2; echo "bench: no rate in Ceilometer's output" >&2; exit 1; }
  printf '%-14s %s (%s)\n' "ceilometer" "$(grep 'notification agent:' <<<"$out")" "$1"
}

ceilometer before
BEFORE=$RATE
# shellcheck disable=SC2086
java $HUB_JAVA_OPTS -cp "$BENCH_CLASSPATH" io.meterhub.bench.IngestBenchmark \
  --corpus="$CORPUS" --ceilometer-rate="$BEFORE" "${HUB_ARGS[@]}"
ceilometer after
printf '%-14s %s\n' "ceilometer" "after / before $(awk -v a="$RATE" -v b="$BEFORE" 'BEGIN { printf "%.2f", a / b }')x (the ratios above use the figure before)"
