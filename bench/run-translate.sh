#!/usr/bin/env bash
# The translation engine alone (decode + meters.yaml + event_definitions.yaml), one thread. See bench/README.md.
#   bench/run-translate.sh [SECONDS]        default 10 s of measurement per round, 3 rounds
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$BENCH_CLASSPATH" \
    io.meterhub.bench.TranslateBenchmark "${1:-10}" "$ROOT/testdata/corpus/notifications.jsonl"
