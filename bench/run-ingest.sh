#!/usr/bin/env bash
# End-to-end ingest benchmark: RabbitMQ -> hub -> embedded store. See bench/README.md.
#   bench/run-ingest.sh [--n=50000] [--warmup=50000] [--data=DIR] [--store=h2|memory|mongodb://...] [--batch-size=1000] ...
#   (--help lists the options)
# Figures go to standard output; build output and the hub's log go to standard error.
# Environment: JAVA_OPTS (JVM flags; default the hub's own, bin/hub-java-options), MVN_FLAGS (extra Maven flags, e.g. -o), SKIP_BUILD=1 (reuse the last build).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
# shellcheck disable=SC2086
exec java $HUB_JAVA_OPTS -cp "$BENCH_CLASSPATH" \
    -Dbench.corpus="$ROOT/testdata/corpus/notifications.jsonl" \
    io.meterhub.bench.IngestBenchmark "$@"
