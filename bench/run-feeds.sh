#!/usr/bin/env bash
# Feed page latency at a million entries: fill an embedded store with feed entries, start the hub on it, time HTTP
# requests for feed pages with and without a category. See bench/README.md ("Feeds").
#   bench/run-feeds.sh [--n=1000000] [--data=DIR] [--requests=500]
# Figures go to standard output; build output, fill progress and the hub's log go to standard error.
# A --data directory is kept: a second run with it measures again without filling.
# Environment: JAVA_OPTS (extra JVM flags), MVN_FLAGS (extra Maven flags, e.g. -o), SKIP_BUILD=1 (reuse the last build).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx3g} -cp "$BENCH_CLASSPATH" \
    io.meterhub.bench.FeedBenchmark --corpus="$ROOT/testdata/corpus/notifications.jsonl" "$@"
