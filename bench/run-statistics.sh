#!/usr/bin/env bash
# Statistics from rollups against raw samples, at 100k, 1M and 10M samples (embedded H2 store). See bench/README.md.
#   bench/run-statistics.sh [--sizes=100000,1000000,10000000] [--raw-up-to=100000] [--days=30] [--runs=5]
#                           [--ingest-cost=true]
# Figures go to standard output; the build goes to standard error. JAVA_OPTS, MVN_FLAGS, SKIP_BUILD as for the others.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$BENCH_CLASSPATH" \
    io.meterhub.bench.StatisticsBenchmark "--corpus=$ROOT/testdata/corpus/notifications.jsonl" "$@"
