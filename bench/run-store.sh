#!/usr/bin/env bash
# The embedded store alone (no broker, no Camel): notifications/s per document layout. See bench/README.md.
#   bench/run-store.sh [N]        default N=20000
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$BENCH_CLASSPATH" \
    io.meterhub.bench.StoreBenchmark "${1:-20000}" "$ROOT/testdata/corpus/notifications.jsonl"
