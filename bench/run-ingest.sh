#!/usr/bin/env bash
# End-to-end ingest benchmark: RabbitMQ -> hub -> embedded store. See bench/README.md.
#   bench/run-ingest.sh [--n=50000] [--data=DIR] [--batch-size=1000] ...   (--help lists the options)
# Figures go to standard output; build output and the hub's log go to standard error.
# Environment: JAVA_OPTS (extra JVM flags), MVN_FLAGS (extra Maven flags, e.g. -o), SKIP_BUILD=1 (reuse the last build).
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
CLASSPATH_FILE="$BENCH/target/bench.classpath"

if [[ "${SKIP_BUILD:-}" != 1 || ! -f "$CLASSPATH_FILE" ]]; then
  echo "run-ingest: building bench and the modules it needs ..." >&2
  # shellcheck disable=SC2086
  mvn -B -q -f "$ROOT/pom.xml" ${MVN_FLAGS:-} -DskipTests -pl bench -am package dependency:build-classpath \
      -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=runtime >&2 \
    || { echo "run-ingest: build failed; run 'mvn -f $ROOT/pom.xml -pl bench -am package' to see why" >&2; exit 1; }
  # every reactor module writes the file in turn; bench comes last, so it holds bench's classpath
fi

# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$BENCH/target/classes:$(cat "$CLASSPATH_FILE")" \
    -Dbench.corpus="$ROOT/testdata/corpus/notifications.jsonl" \
    io.meterhub.bench.IngestBenchmark "$@"
